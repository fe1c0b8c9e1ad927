using System.IO;
using System.Linq;
using Residency.Analyzers.Json;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// A library project (no Residency package, no annotations) referenced by an app receives personal data through a
    /// method nobody classified: the app's record lists it under "Not classified" and counts it; classifying it in
    /// residency.json as local removes it, as a sink makes it a flow with the given region. BCL and
    /// Microsoft.Extensions calls never appear.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class UnclassifiedRecipientTests(PackageFixture package)
    {
        private const string Build = "build -nologo -v:m -p:UseSharedCompilation=false -nodeReuse:false";

        [Fact]
        public void A_library_method_nobody_classified_is_listed_until_residency_json_classifies_it()
        {
            var workspace = package.NewWorkspace("unclassified");
            var vendor = Path.Combine(workspace, "Vendor");
            Directory.CreateDirectory(vendor);
            File.WriteAllText(Path.Combine(vendor, "Vendor.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(vendor, "CrmSdk.cs"), """
                namespace Contoso.Vendor;
                public class CrmSdk
                {
                    public void Push(string value) => System.Console.WriteLine("sending " + value.Length);
                }
                """);
            var app = PackageFixture.WriteProject(workspace, "App", """
                using System.Text.Json;
                using Contoso.Vendor;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.Logging;
                using Residency;

                public class Customer
                {
                    [PersonalData("contact.email")] public string Email { get; set; } = "";
                    [PersonalData("name")] public string Name { get; set; } = "";
                }

                public class Service(CrmSdk crm, ILogger<Service> logger, IConfiguration configuration)
                {
                    private readonly List<string> _names = new();

                    public string Run(Customer customer)
                    {
                        Forward(customer.Email);
                        _names.Add(customer.Name.Trim());
                        logger.LogInformation("Customer {Name}", customer.Name);
                        configuration["last"] = customer.Email;
                        var joined = string.Join(",", _names.Select(n => n.ToUpperInvariant()));
                        return JsonSerializer.Serialize(customer) + joined + new System.Text.StringBuilder().Append(customer.Email);
                    }

                    private void Forward(string value) => crm.Push(value);
                }
                """, extraItems: """
                <ProjectReference Include="../Vendor/Vendor.csproj" />
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                """);
            var inventoryPath = Path.Combine(app, "bin", "Debug", "net10.0", "residency", "inventory.json");

            // Nobody classified Contoso.Vendor.CrmSdk.Push: listed, counted, RES008 in the build, and section (e) refers to it.
            var result = DotNet.Run(app, Build);
            Assert.True(result.ExitCode == 0, result.ToString());
            var inventory = JsonParser.Parse(File.ReadAllText(inventoryPath));
            var calls = inventory.Get("unclassified")!.Items;
            var call = Assert.Single(calls);
            Assert.Equal("Contoso.Vendor.CrmSdk.Push", call.GetString("recipient"));
            Assert.Equal("Vendor", call.GetString("recipientAssembly"));
            Assert.Equal("not classified", call.GetString("classification"));
            Assert.Equal("Customer.Email", call.Get("sources")!.Items.Single().GetString("member"));
            Assert.Equal(new[] { "Run", "Forward", "Contoso.Vendor.CrmSdk.Push" }, call.Get("path")!.Items.Select(i => i.Text));
            Assert.Equal("1", inventory.Get("summary")!.Get("unclassifiedRecipients")!.Text);
            Assert.Empty(inventory.Get("flows")!.Items);
            Assert.Contains("1 unclassified recipient", result.Output);
            // RES008 is an info diagnostic: the IDE shows it; a command-line build at minimal verbosity does not print it.
            var md = File.ReadAllText(Path.Combine(app, "bin", "Debug", "net10.0", "residency", "inventory.md"));
            Assert.Contains("## Not classified", md);
            Assert.Contains("1 method that is not classified also receives personal data", md);
            Assert.DoesNotContain("No personal data is transferred outside the EEA.", md);

            // Classified as local: gone.
            File.WriteAllText(Path.Combine(app, "residency.json"), """{ "local": [ "Contoso.Vendor.CrmSdk.Push" ] }""");
            result = DotNet.Run(app, Build);
            Assert.True(result.ExitCode == 0, result.ToString());
            inventory = JsonParser.Parse(File.ReadAllText(inventoryPath));
            Assert.Empty(inventory.Get("unclassified")!.Items);
            Assert.Empty(inventory.Get("flows")!.Items);
            Assert.DoesNotContain("unclassified recipient", result.Output);

            // Classified as a sink in the US: a flow with that region (RES001), no longer unclassified.
            File.WriteAllText(Path.Combine(app, "residency.json"), """{ "sinks": [ { "method": "Contoso.Vendor.CrmSdk.*", "region": "US", "recipient": "Contoso CRM Inc." } ] }""");
            result = DotNet.Run(app, Build);
            Assert.True(result.ExitCode == 0, result.ToString());
            inventory = JsonParser.Parse(File.ReadAllText(inventoryPath));
            Assert.Empty(inventory.Get("unclassified")!.Items);
            var flow = Assert.Single(inventory.Get("flows")!.Items);
            Assert.Equal("violation", flow.GetString("status"));
            Assert.Equal("US", flow.Get("sink")!.GetString("region"));
            Assert.Contains("RES001", result.Output);
        }

        // Entity Framework Core as published: a synchronous query (LINQ's own ToList and FirstOrDefault) hands its
        // filter's e-mail to the set's provider, and declaring the database makes both queries flows to it.
        [Fact]
        public void A_synchronous_Entity_Framework_query_reaches_the_database_the_record_declares()
        {
            var workspace = package.NewWorkspace("efquery");
            var app = PackageFixture.WriteProject(workspace, "App", """
                using Microsoft.EntityFrameworkCore;
                using Residency;

                public class Customer
                {
                    public int Id { get; set; }
                    [PersonalData("contact.email")] public string Email { get; set; } = "";
                }

                public class ShopDb(DbContextOptions<ShopDb> options) : DbContext(options)
                {
                    public DbSet<Customer> Customers => Set<Customer>();
                }

                public class Lookup(ShopDb db)
                {
                    public int Count(Customer customer) => db.Customers.Where(c => c.Email == customer.Email).ToList().Count;

                    public int? IdOf(Customer customer) => db.Customers.FirstOrDefault(c => c.Email == customer.Email)?.Id;

                    public int Ids(int id) => db.Customers.Where(c => c.Id > id).ToList().Count;
                }
                """, extraItems: """<PackageReference Include="Microsoft.EntityFrameworkCore" Version="10.0.15" />""");
            var inventoryPath = Path.Combine(app, "bin", "Debug", "net10.0", "residency", "inventory.json");

            var result = DotNet.Run(app, Build);
            Assert.True(result.ExitCode == 0, result.ToString());
            var inventory = JsonParser.Parse(File.ReadAllText(inventoryPath));
            var calls = inventory.Get("unclassified")!.Items;
            Assert.Equal(2, calls.Count);
            Assert.All(calls, call =>
            {
                Assert.Equal("Microsoft.EntityFrameworkCore.DbSet`1.Provider", call.GetString("recipient"));
                Assert.Equal("Microsoft.EntityFrameworkCore", call.GetString("recipientAssembly"));
                Assert.Equal("Customer.Email", call.Get("sources")!.Items.Single().GetString("member"));
            });
            Assert.Empty(inventory.Get("flows")!.Items);

            File.WriteAllText(Path.Combine(app, "residency.json"), """{ "sinks": [ { "method": "Microsoft.EntityFrameworkCore.DbSet`1.*", "region": "DE", "recipient": "own database" } ] }""");
            result = DotNet.Run(app, Build);
            Assert.True(result.ExitCode == 0, result.ToString());
            inventory = JsonParser.Parse(File.ReadAllText(inventoryPath));
            Assert.Empty(inventory.Get("unclassified")!.Items);
            var flows = inventory.Get("flows")!.Items;
            Assert.Equal(2, flows.Count);
            Assert.All(flows, flow =>
            {
                Assert.Equal("DE", flow.Get("sink")!.GetString("region"));
                Assert.Equal("own database", flow.Get("sink")!.GetString("recipient"));
                Assert.Equal("allowed", flow.GetString("status"));
            });
        }

        // MongoDB.Driver as published: a collection's commands are sinks of the catalogue, sent to the hosts of the client's
        // connection string (an Atlas cluster: Unknown until declared), as is a LINQ query made by AsQueryable() and run by
        // FirstOrDefault; BSON documents built in the process are local.
        [Fact]
        public void A_MongoDB_collection_sends_to_the_cluster_of_its_connection_string()
        {
            var workspace = package.NewWorkspace("mongodb");
            var app = PackageFixture.WriteProject(workspace, "App", """
                using MongoDB.Bson;
                using MongoDB.Driver;
                using Residency;

                public class Customer
                {
                    public int Id { get; set; }
                    [PersonalData("contact.email")] public string Email { get; set; } = "";
                }

                public class Customers
                {
                    private static readonly IMongoDatabase Database =
                        new MongoClient("mongodb+srv://crm-app:secret@cluster0.ab1cd.mongodb.net/?retryWrites=true").GetDatabase("crm");

                    public Task Save(Customer customer) => Database.GetCollection<Customer>("customers").InsertOneAsync(customer);

                    public List<Customer> Same(Customer customer) =>
                        Database.GetCollection<Customer>("customers").Find(c => c.Email == customer.Email).ToList();

                    public void Audit(Customer customer) =>
                        Database.GetCollection<BsonDocument>("audit").InsertOne(new BsonDocument { { "email", customer.Email } });

                    public int? IdOf(Customer customer) =>
                        Database.GetCollection<Customer>("customers").AsQueryable().FirstOrDefault(c => c.Email == customer.Email)?.Id;
                }
                """, extraItems: """<PackageReference Include="MongoDB.Driver" Version="3.14.0" />""");
            var inventoryPath = Path.Combine(app, "bin", "Debug", "net10.0", "residency", "inventory.json");

            var result = DotNet.Run(app, Build);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("warning RES003", result.Output);
            var inventory = JsonParser.Parse(File.ReadAllText(inventoryPath));
            Assert.Empty(inventory.Get("unclassified")!.Items);
            var flows = inventory.Get("flows")!.Items;
            Assert.Equal(4, flows.Count);
            Assert.All(flows, flow =>
            {
                Assert.Equal("cluster0.ab1cd.mongodb.net", flow.Get("sink")!.GetString("host"));
                Assert.Equal("MongoDB (Atlas)", flow.Get("sink")!.GetString("recipient"));
                Assert.Equal("unknown", flow.GetString("status"));
            });

            File.WriteAllText(Path.Combine(app, "residency.json"), """{ "hosts": [ { "pattern": "*.ab1cd.mongodb.net", "region": "DE" } ] }""");
            result = DotNet.Run(app, Build);
            Assert.True(result.ExitCode == 0, result.ToString());
            inventory = JsonParser.Parse(File.ReadAllText(inventoryPath));
            Assert.All(inventory.Get("flows")!.Items, flow => Assert.Equal("allowed", flow.GetString("status")));
        }

        // Elastic.Clients.Elasticsearch as published: the client's calls are sinks of the catalogue, sent to the node of the
        // settings it is given (through DefaultIndex, declared on a base generic over the settings type) or to the cluster its
        // Cloud ID names; a query built in the fluent descriptors is sent like a document; Ping is no sink.
        [Fact]
        public void An_Elasticsearch_client_sends_to_the_cluster_of_its_settings_or_cloud_id()
        {
            var workspace = package.NewWorkspace("elasticsearch");
            var app = PackageFixture.WriteProject(workspace, "App", """
                using Elastic.Clients.Elasticsearch;
                using Elastic.Transport;
                using Residency;

                public class Customer
                {
                    [PersonalData("contact.email")] public string Email { get; set; } = "";
                }

                public class Search
                {
                    private static readonly ElasticsearchClient Us = new(
                        new ElasticsearchClientSettings(new Uri("https://crm.es.us-east-1.aws.found.io")).DefaultIndex("customers"));

                    // eu-west-1.aws.found.io$4fa8$9d1f, as the Elastic Cloud console gives it
                    private static readonly ElasticsearchClient Eu = new("crm:ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbyQ0ZmE4JDlkMWY=", new ApiKey("key"));

                    public Task Save(Customer customer) => Us.IndexAsync(customer);

                    public Task Find(Customer customer) =>
                        Us.SearchAsync<Customer>(s => s.Query(q => q.Term(t => t.Field(f => f.Email).Value(customer.Email))));

                    public Task Keep(Customer customer) => Eu.IndexAsync(customer);

                    public Task Alive() => Us.PingAsync();
                }
                """, extraItems: """<PackageReference Include="Elastic.Clients.Elasticsearch" Version="9.5.3" />""");
            var inventoryPath = Path.Combine(app, "bin", "Debug", "net10.0", "residency", "inventory.json");

            var result = DotNet.Run(app, Build);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("warning RES001", result.Output);
            var inventory = JsonParser.Parse(File.ReadAllText(inventoryPath));
            Assert.Empty(inventory.Get("unclassified")!.Items);
            var flows = inventory.Get("flows")!.Items;
            Assert.Equal(3, flows.Count);
            var us = flows.Where(f => f.GetString("status") == "violation").ToList();
            Assert.Equal(2, us.Count);
            Assert.All(us, flow =>
            {
                Assert.Equal("crm.es.us-east-1.aws.found.io", flow.Get("sink")!.GetString("host"));
                Assert.Equal("US", flow.Get("sink")!.GetString("region"));
                Assert.Equal("Elastic (Elastic Cloud)", flow.Get("sink")!.GetString("recipient"));
            });
            var eu = Assert.Single(flows, f => f.GetString("status") == "allowed");
            Assert.Equal("4fa8.eu-west-1.aws.found.io", eu.Get("sink")!.GetString("host"));
            Assert.Equal("IE", eu.Get("sink")!.GetString("region"));
        }

        // Azure.Search.Documents and Qdrant.Client as published: the documents a search client uploads, and the payload of
        // the points a Qdrant client upserts (a protobuf map filled by an indexer initializer), go to the search service
        // (Unknown until declared) and to the Qdrant Cloud cluster whose endpoint names its region; creating a collection
        // and counting documents are no sinks.
        [Fact]
        public void A_search_index_and_a_vector_store_receive_what_is_indexed()
        {
            var workspace = package.NewWorkspace("vectorstores");
            var app = PackageFixture.WriteProject(workspace, "App", """
                using Azure;
                using Azure.Search.Documents;
                using Qdrant.Client;
                using Qdrant.Client.Grpc;
                using Residency;

                public class Customer
                {
                    [PersonalData("contact.email")] public string Email { get; set; } = "";
                }

                public class Memory
                {
                    private static readonly SearchClient Index = new(new Uri("https://acme-crm.search.windows.net"), "customers", new AzureKeyCredential("key"));
                    private static readonly QdrantClient Us = new("3576f3c3-dbe2-46d2-a0a1-9b9fa9b1b5e4.us-east4-0.gcp.cloud.qdrant.io", https: true, apiKey: "key");
                    private static readonly QdrantClient Eu = new(new Uri("https://3576f3c3.europe-west3-0.gcp.cloud.qdrant.io:6334"));

                    public Task IndexIt(Customer customer) => Index.UploadDocumentsAsync(new[] { customer });

                    public Task Count() => Index.GetDocumentCountAsync();

                    public Task Remember(Customer customer) =>
                        Us.UpsertAsync("customers", new[] { new PointStruct { Id = 1ul, Vectors = new float[] { 0.1f }, Payload = { ["email"] = customer.Email } } });

                    public Task Keep(Customer customer) =>
                        Eu.UpsertAsync("customers", new[] { new PointStruct { Id = 2ul, Vectors = new float[] { 0.1f }, Payload = { ["email"] = customer.Email } } });

                    public Task Setup() => Us.CreateCollectionAsync("customers", new VectorParams { Size = 1, Distance = Distance.Cosine });
                }
                """, extraItems: """<PackageReference Include="Azure.Search.Documents" Version="11.5.1" /><PackageReference Include="Qdrant.Client" Version="1.20.0" />""");
            var inventoryPath = Path.Combine(app, "bin", "Debug", "net10.0", "residency", "inventory.json");

            var result = DotNet.Run(app, Build);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("warning RES001", result.Output);
            Assert.Contains("warning RES003", result.Output);
            var inventory = JsonParser.Parse(File.ReadAllText(inventoryPath));
            Assert.Empty(inventory.Get("unclassified")!.Items);
            var flows = inventory.Get("flows")!.Items;
            Assert.Equal(3, flows.Count);
            var search = Assert.Single(flows, f => f.GetString("status") == "unknown");
            Assert.Equal(("acme-crm.search.windows.net", "Microsoft (Azure AI Search)"), (search.Get("sink")!.GetString("host"), search.Get("sink")!.GetString("recipient")));
            var us = Assert.Single(flows, f => f.GetString("status") == "violation");
            Assert.Equal(("US", "Qdrant (Qdrant Cloud)"), (us.Get("sink")!.GetString("region"), us.Get("sink")!.GetString("recipient")));
            var eu = Assert.Single(flows, f => f.GetString("status") == "allowed");
            Assert.Equal(("3576f3c3.europe-west3-0.gcp.cloud.qdrant.io", "DE"), (eu.Get("sink")!.GetString("host"), eu.Get("sink")!.GetString("region")));
        }

        // Entity Framework Core as published: a context registered with UseSqlServer(configuration's connection string) saves
        // and queries on the server that string names (an Azure SQL server: Unknown until declared), one registered with
        // UseSqlite keeps its data in a file of the application (internal); before, both were unclassified recipients.
        [Fact]
        public void A_database_context_sends_to_the_server_its_connection_string_names()
        {
            var workspace = package.NewWorkspace("databases");
            var app = PackageFixture.WriteProject(workspace, "App", """
                using Microsoft.EntityFrameworkCore;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.DependencyInjection;
                using Residency;

                public class Customer
                {
                    public int Id { get; set; }
                    [PersonalData("contact.email")] public string Email { get; set; } = "";
                }

                public class CrmDb(DbContextOptions<CrmDb> options) : DbContext(options) { public DbSet<Customer> Customers => Set<Customer>(); }

                public class CacheDb(DbContextOptions<CacheDb> options) : DbContext(options) { public DbSet<Customer> Customers => Set<Customer>(); }

                public static class Startup
                {
                    public static void Configure(IServiceCollection services, IConfiguration configuration)
                    {
                        services.AddDbContext<CrmDb>(o => o.UseSqlServer(configuration.GetConnectionString("Crm")));
                        services.AddDbContext<CacheDb>(o => o.UseSqlite("Data Source=cache.db"));
                    }
                }

                public class Customers(CrmDb crm, CacheDb cache)
                {
                    public async Task Save(Customer customer)
                    {
                        crm.Customers.Add(customer);
                        await crm.SaveChangesAsync();
                        cache.Customers.Add(customer);
                    }

                    public Task<int> Count(Customer customer) => crm.Customers.CountAsync(c => c.Email == customer.Email);
                }
                """, extraItems: """<PackageReference Include="Microsoft.EntityFrameworkCore.SqlServer" Version="10.0.15" /><PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="10.0.15" />""");
            File.WriteAllText(Path.Combine(app, "appsettings.json"), """{ "ConnectionStrings": { "Crm": "Server=tcp:acme-crm.database.windows.net,1433;Initial Catalog=crm;Encrypt=True" } }""");
            var inventoryPath = Path.Combine(app, "bin", "Debug", "net10.0", "residency", "inventory.json");

            var result = DotNet.Run(app, Build);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("warning RES003", result.Output);
            Assert.DoesNotContain("RES008", result.Output);
            var inventory = JsonParser.Parse(File.ReadAllText(inventoryPath));
            Assert.Empty(inventory.Get("unclassified")!.Items);
            var flows = inventory.Get("flows")!.Items;
            var unknown = flows.Where(f => f.GetString("status") == "unknown").ToList();
            Assert.Equal(2, unknown.Count); // the customer added, the e-mail counted by
            Assert.All(unknown, flow => Assert.Equal(("acme-crm.database.windows.net", "Microsoft (Azure SQL Database)"), (flow.Get("sink")!.GetString("host"), flow.Get("sink")!.GetString("recipient"))));
            Assert.Single(flows, f => f.GetString("status") == "internal");
        }

        // Dapper and ADO.NET as published (Npgsql, Microsoft.Data.Sqlite): a statement run on a connection, or a command's
        // parameters, go to the server the connection's string names (an RDS instance in us-east-1: a violation), a SQLite
        // file stays with the application (internal); before, every such call was an unclassified recipient.
        [Fact]
        public void Dapper_and_ADO_NET_commands_send_to_the_server_their_connection_names()
        {
            var workspace = package.NewWorkspace("connections");
            var app = PackageFixture.WriteProject(workspace, "App", """
                using Dapper;
                using Microsoft.Data.Sqlite;
                using Npgsql;
                using Residency;

                public class Customer
                {
                    public int Id { get; set; }
                    [PersonalData("contact.email")] public string Email { get; set; } = "";
                }

                public class Customers
                {
                    private readonly NpgsqlDataSource _crm = NpgsqlDataSource.Create("Host=crm.c9akciq32.us-east-1.rds.amazonaws.com;Database=crm");

                    public async Task Save(Customer customer)
                    {
                        await using var connection = await _crm.OpenConnectionAsync();
                        await connection.ExecuteAsync("insert into customers (email) values (@Email)", customer);
                        await using var command = _crm.CreateCommand("update customers set email = $1");
                        command.Parameters.AddWithValue(customer.Email);
                        await command.ExecuteNonQueryAsync();
                    }

                    public Task Cache(Customer customer)
                    {
                        using var cache = new SqliteConnection("Data Source=cache.db");
                        return cache.ExecuteAsync("insert into customers (email) values (@Email)", new { customer.Email });
                    }
                }
                """, extraItems: """<PackageReference Include="Dapper" Version="2.1.86" /><PackageReference Include="Npgsql" Version="10.0.3" /><PackageReference Include="Microsoft.Data.Sqlite" Version="10.0.15" />""");
            var inventoryPath = Path.Combine(app, "bin", "Debug", "net10.0", "residency", "inventory.json");

            var result = DotNet.Run(app, Build);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("warning RES001", result.Output);
            Assert.DoesNotContain("RES008", result.Output);
            var inventory = JsonParser.Parse(File.ReadAllText(inventoryPath));
            Assert.Empty(inventory.Get("unclassified")!.Items);
            var flows = inventory.Get("flows")!.Items;
            var violations = flows.Where(f => f.GetString("status") == "violation").ToList();
            Assert.Equal(2, violations.Count); // the customer given to Dapper, the e-mail given to the command
            Assert.All(violations, flow => Assert.Equal(("crm.c9akciq32.us-east-1.rds.amazonaws.com", "US"), (flow.Get("sink")!.GetString("host"), flow.Get("sink")!.GetString("region"))));
            Assert.Single(flows, f => f.GetString("status") == "internal");
        }

        // ASP.NET Core Identity as published: registering a user hands it to the user store, an unclassified recipient until
        // the database behind it is declared; reading a user's e-mail back is not a transfer.
        [Fact]
        public void An_Identity_user_registered_through_UserManager_reaches_the_user_store()
        {
            var workspace = package.NewWorkspace("identity");
            var app = PackageFixture.WriteProject(workspace, "App", """
                using Microsoft.AspNetCore.Identity;

                public class Accounts(UserManager<IdentityUser> users)
                {
                    public Task<IdentityResult> Register(IdentityUser user, string password) => users.CreateAsync(user, password);

                    public Task<string?> EmailOf(IdentityUser user) => users.GetEmailAsync(user);
                }
                """, extraItems: """<FrameworkReference Include="Microsoft.AspNetCore.App" />""");
            var inventoryPath = Path.Combine(app, "bin", "Debug", "net10.0", "residency", "inventory.json");

            var result = DotNet.Run(app, Build);
            Assert.True(result.ExitCode == 0, result.ToString());
            var inventory = JsonParser.Parse(File.ReadAllText(inventoryPath));
            var call = Assert.Single(inventory.Get("unclassified")!.Items);
            Assert.Equal("Microsoft.AspNetCore.Identity.UserManager`1.CreateAsync", call.GetString("recipient"));
            Assert.Equal("Microsoft.Extensions.Identity.Core", call.GetString("recipientAssembly"));
            Assert.Contains(call.Get("sources")!.Items, source => source.GetString("member") == "IdentityUser.Email");
        }

        // gRPC (the client Grpc.Tools generates into obj/), RabbitMQ.Client, RestSharp and Flurl.Http as published: each call
        // carrying an e-mail is a flow to its host, none of them an unclassified recipient (the gRPC call was reported nowhere).
        [Fact]
        public void Grpc_RabbitMQ_RestSharp_and_Flurl_calls_are_flows_to_their_hosts()
        {
            var workspace = package.NewWorkspace("clients");
            var app = PackageFixture.WriteProject(workspace, "App", """
                using System.Net.Http.Json;
                using System.Text;
                using Flurl;
                using Flurl.Http;
                using Grpc.Net.Client;
                using RabbitMQ.Client;
                using Residency;
                using RestSharp;
                using Shop.Grpc;

                public class Customer
                {
                    [PersonalData("contact.email")] public string Email { get; set; } = "";
                }

                public class Outbox
                {
                    public async Task Send(Customer customer)
                    {
                        using var channel = GrpcChannel.ForAddress("https://crm.example-vendor.com");
                        var crm = new Customers.CustomersClient(channel);
                        await crm.RegisterAsync(new RegisterRequest { Email = customer.Email });

                        var factory = new ConnectionFactory { Uri = new Uri("amqps://app:secret@b-1a2b3c.mq.us-east-1.amazonaws.com:5671") };
                        await using var connection = await factory.CreateConnectionAsync();
                        await using var queue = await connection.CreateChannelAsync();
                        await queue.BasicPublishAsync("", "signups", Encoding.UTF8.GetBytes(customer.Email));

                        var rest = new RestClient("https://api.openai.com/v1");
                        await rest.ExecuteAsync(new RestRequest("moderations", Method.Post).AddJsonBody(new { input = customer.Email }));
                        // RestSharp 114 declares AddParameter in a C# 14 extension block: the request is followed through it to its absolute URL.
                        var mail = new RestRequest("https://api.mailgun.net/v3/acme.com/messages", Method.Post).AddParameter("to", customer.Email);
                        await new RestClient(o => o.Timeout = TimeSpan.FromSeconds(5)).ExecuteAsync(mail);
                        // ... and a chain of them as a statement stores into the request it starts from.
                        var sendGrid = new RestRequest("https://api.sendgrid.com/v3/mail/send", Method.Post);
                        sendGrid.AddHeader("X-Tenant", "acme").AddParameter("to", customer.Email);
                        await new RestClient().ExecuteAsync(sendGrid);

                        await "https://api.hubapi.com".AppendPathSegment("crm/v3/objects/contacts").PostJsonAsync(new { email = customer.Email });

                        // Helpers that send to the URL they are given: each call goes where its argument says.
                        await Moderate("https://api.mistral.ai/v1", customer.Email);
                        await Moderate("https://api.deepseek.com", customer.Email);
                        using var http = new HttpClient();
                        await Forward(http, "https://eu.api.openai.com/v1/responses", customer.Email);
                        await Forward(http, "https://api.anthropic.com/v1/messages", customer.Email);
                    }

                    private static Task<IFlurlResponse> Moderate(string url, string input) => url.AppendPathSegment("moderations").PostJsonAsync(new { input });

                    private static Task<HttpResponseMessage> Forward(HttpClient http, string url, string input) => Send(http, url, input);

                    private static Task<HttpResponseMessage> Send(HttpClient http, string endpoint, string input) => http.PostAsJsonAsync(endpoint, new { input });
                }
                """, extraItems: """
                <PackageReference Include="Grpc.Net.Client" Version="2.85.0" /><PackageReference Include="Google.Protobuf" Version="3.36.2" />
                <PackageReference Include="Grpc.Tools" Version="2.85.0" PrivateAssets="All" /><Protobuf Include="customers.proto" GrpcServices="Client" />
                <PackageReference Include="RabbitMQ.Client" Version="7.2.2" /><PackageReference Include="RestSharp" Version="114.1.0" /><PackageReference Include="Flurl.Http" Version="4.0.2" />
                """);
            File.WriteAllText(Path.Combine(app, "customers.proto"), """
                syntax = "proto3";
                option csharp_namespace = "Shop.Grpc";
                package shop;
                service Customers { rpc Register (RegisterRequest) returns (RegisterReply); }
                message RegisterRequest { string email = 1; }
                message RegisterReply { string id = 1; }
                """);
            var inventoryPath = Path.Combine(app, "bin", "Debug", "net10.0", "residency", "inventory.json");

            var result = DotNet.Run(app, Build);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain("RES008", result.Output);
            var inventory = JsonParser.Parse(File.ReadAllText(inventoryPath));
            Assert.Empty(inventory.Get("unclassified")!.Items);
            var hosts = inventory.Get("flows")!.Items.Select(f => (f.Get("sink")!.GetString("host"), f.Get("sink")!.GetString("region"), f.GetString("status"))).OrderBy(h => h.Item1).ToList();
            Assert.Equal(
                new (string?, string?, string?)[]
                {
                    ("api.anthropic.com", "US", "violation"),
                    ("api.deepseek.com", "CN", "violation"),
                    ("api.hubapi.com", "US", "violation"),
                    ("api.mailgun.net", "US", "violation"),
                    ("api.mistral.ai", "FR", "allowed"),
                    ("api.openai.com", "US", "violation"),
                    ("api.sendgrid.com", "US", "violation"),
                    ("b-1a2b3c.mq.us-east-1.amazonaws.com", "US", "violation"),
                    ("crm.example-vendor.com", "Unknown", "unknown"),
                    ("eu.api.openai.com", "EU", "allowed"),
                },
                hosts);
        }
    }
}
