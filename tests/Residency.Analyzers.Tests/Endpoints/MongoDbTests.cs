using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using Xunit;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// MongoDB.Driver: the commands of an <c>IMongoCollection&lt;T&gt;</c> (and its extension methods) send documents and
    /// filters to the hosts of the <c>MongoClient</c>'s connection string, followed through <c>GetDatabase</c> and
    /// <c>GetCollection</c>, DI and .NET Aspire's <c>AddMongoDBClient</c>. An Atlas cluster (<c>*.mongodb.net</c>) is Unknown
    /// until declared. Before the entry such a collection was an unclassified recipient (RES008), whatever its cluster.
    /// </summary>
    public class MongoDbTests
    {
        // The shape of MongoDB.Driver 3.x's API, as a referenced assembly (metadata only, as the package is).
        private const string MongoStubs = @"
namespace MongoDB.Driver
{
    public class MongoServerAddress { public MongoServerAddress(string host, int port) { } }
    public class MongoClientSettings
    {
        public MongoServerAddress? Server { get; set; }
        public System.Collections.Generic.IEnumerable<MongoServerAddress>? Servers { get; set; }
        public static MongoClientSettings FromConnectionString(string connectionString) => null!;
    }
    public class MongoDatabaseSettings { }
    public class MongoCollectionSettings { }
    public class InsertOneOptions { }
    public class DeleteResult { }
    public class ReplaceOneResult { }
    public abstract class FilterDefinition<TDocument>
    {
        public static implicit operator FilterDefinition<TDocument>(System.Linq.Expressions.Expression<System.Func<TDocument, bool>> predicate) => null!;
    }
    public interface IFindFluent<TDocument, TProjection> { }
    public interface IMongoClient : System.IDisposable
    {
        IMongoDatabase GetDatabase(string name, MongoDatabaseSettings? settings = null);
        System.Collections.Generic.IEnumerable<string> ListDatabaseNames();
    }
    public class MongoClient : IMongoClient
    {
        public MongoClient() { }
        public MongoClient(string connectionString) { }
        public MongoClient(MongoClientSettings settings) { }
        public IMongoDatabase GetDatabase(string name, MongoDatabaseSettings? settings = null) => null!;
        public System.Collections.Generic.IEnumerable<string> ListDatabaseNames() => null!;
        public void Dispose() { }
    }
    public interface IMongoDatabase
    {
        IMongoCollection<TDocument> GetCollection<TDocument>(string name, MongoCollectionSettings? settings = null);
        void DropCollection(string name, System.Threading.CancellationToken cancellationToken = default);
    }
    public interface IMongoCollection<TDocument>
    {
        void InsertOne(TDocument document, InsertOneOptions? options = null, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task InsertOneAsync(TDocument document, InsertOneOptions? options = null, System.Threading.CancellationToken cancellationToken = default);
        ReplaceOneResult ReplaceOne(FilterDefinition<TDocument> filter, TDocument replacement, System.Threading.CancellationToken cancellationToken = default);
        long EstimatedDocumentCount(System.Threading.CancellationToken cancellationToken = default);
        IMongoCollection<TDerived> OfType<TDerived>() where TDerived : TDocument;
    }
    public static class IMongoCollectionExtensions
    {
        public static IFindFluent<TDocument, TDocument> Find<TDocument>(this IMongoCollection<TDocument> collection, System.Linq.Expressions.Expression<System.Func<TDocument, bool>> filter) => null!;
        public static DeleteResult DeleteOne<TDocument>(this IMongoCollection<TDocument> collection, System.Linq.Expressions.Expression<System.Func<TDocument, bool>> filter, System.Threading.CancellationToken cancellationToken = default) => null!;
        public static System.Linq.IQueryable<TDocument> AsQueryable<TDocument>(this IMongoCollection<TDocument> collection) => null!;
    }
}
namespace MongoDB.Bson
{
    public class BsonValue { public static implicit operator BsonValue(string value) => null!; }
    public class BsonDocument : System.Collections.Generic.IEnumerable<BsonValue>
    {
        public BsonDocument() { }
        public BsonDocument(string name, BsonValue value) { }
        public BsonDocument Add(string name, BsonValue value) => this;
        public static BsonDocument Parse(string json) => null!;
        public System.Collections.Generic.IEnumerator<BsonValue> GetEnumerator() => null!;
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
namespace Microsoft.Extensions.Configuration
{
    public interface IConfiguration { string? this[string key] { get; set; } }
    public static class ConfigurationExtensions { public static string? GetConnectionString(this IConfiguration configuration, string name) => null; }
}
namespace Microsoft.Extensions.Hosting
{
    public interface IHostApplicationBuilder { Microsoft.Extensions.Configuration.IConfiguration Configuration { get; } }
    public static class AspireMongoDBDriverExtensions
    {
        public static void AddMongoDBClient(this IHostApplicationBuilder builder, string connectionName, System.Action<object>? configureSettings = null, System.Action<MongoDB.Driver.MongoClientSettings>? configureClientSettings = null) { }
        public static void AddKeyedMongoDBClient(this IHostApplicationBuilder builder, string name, System.Action<object>? configureSettings = null, System.Action<MongoDB.Driver.MongoClientSettings>? configureClientSettings = null) { }
    }
}";

        private static readonly MetadataReference Library = TestReferences.Library("MongoDB.Driver", MongoStubs);

        private const string Uses = "using System.Linq;\nusing MongoDB.Driver;\nusing Microsoft.Extensions.Configuration;\nusing Microsoft.Extensions.Hosting;\n";

        private const string Atlas = "mongodb+srv://crm-app:s3cret@cluster0.ab1cd.mongodb.net/?retryWrites=true&w=majority";

        private static string Store(string connection) => Uses + @"
class Customers
{
    private readonly IMongoCollection<Customer> _customers = new MongoClient(" + connection + @").GetDatabase(""crm"").GetCollection<Customer>(""customers"");
    public Task Save(Customer customer) => {|#0:_customers.InsertOneAsync(customer)|};
    public void Forget(Customer customer) => {|#1:_customers.DeleteOne(c => c.Email == customer.Email)|};
    public long Count() => _customers.EstimatedDocumentCount();
    public int Anonymous() => _customers.AsQueryable().Count();
    public Customer? First(Customer customer) => {|#4:_customers.AsQueryable().Where(c => c.Email == customer.Email).FirstOrDefault()|};
    public int Each(Customer customer) { var query = _customers.AsQueryable().Where(c => c.Name == customer.Name); var n = 0; foreach (var c in {|#5:query|}) { n++; } return n; }
    private readonly IMongoCollection<MongoDB.Bson.BsonDocument> _raw = new MongoClient(" + connection + @").GetDatabase(""crm"").GetCollection<MongoDB.Bson.BsonDocument>(""raw"");
    public void Raw(Customer customer) => {|#2:_raw.InsertOne(new MongoDB.Bson.BsonDocument { { ""email"", customer.Email } })|};
    public void Parsed(Customer customer) => {|#3:_raw.InsertOne(MongoDB.Bson.BsonDocument.Parse(""{ 'name': '"" + customer.Name + ""' }""))|};
}";

        private static Task VerifyAsync(string source, (string, string)[]? files, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync(source, files, null, new[] { Library }, expected);

        // A document, and a filter built from personal data, go to the cluster: an Atlas cluster's region is not in its host.
        [Fact]
        public Task AnAtlasClusterIsUnknownUntilDeclared() =>
            VerifyAsync(Store("\"" + Atlas + "\""), null, EndpointTest.Res003(0), EndpointTest.Res003(1), EndpointTest.Res003(2), EndpointTest.Res003(3), EndpointTest.Res003(4), EndpointTest.Res003(5));

        [Fact]
        public Task TheClustersDeclaredRegionDecides() =>
            VerifyAsync(Store("\"" + Atlas + "\""), EndpointTest.Declared("*.ab1cd.mongodb.net", "US"), EndpointTest.Res001(0), EndpointTest.Res001(1), EndpointTest.Res001(2), EndpointTest.Res001(3), EndpointTest.Res001(4), EndpointTest.Res001(5));

        [Fact]
        public async Task AClusterDeclaredInTheEeaIsAllowed()
        {
            await VerifyAsync(Store("\"" + Atlas + "\""), EndpointTest.Declared("*.ab1cd.mongodb.net", "DE"));
            var sink = SinkOf(Store("\"" + Atlas + "\""), EndpointTest.Declared("*.ab1cd.mongodb.net", "DE"));
            Assert.Equal("cluster0.ab1cd.mongodb.net", sink.Host);
            Assert.Equal("DE", sink.Region.Code);
            var undeclared = SinkOf(Store("\"" + Atlas + "\""));
            Assert.Equal("MongoDB (Atlas)", undeclared.Recipient);
            Assert.Equal(SinkKind.Sdk, undeclared.Kind);
        }

        [Theory]
        [InlineData("mongodb://localhost:27017")]
        [InlineData("mongodb://root:example@mongo:27017,mongo-2:27017/crm?replicaSet=rs0&authSource=admin")]
        public async Task ALocalServerOrContainerIsNoFinding(string connection)
        {
            await VerifyAsync(Store("\"" + connection + "\""), null);
            var sink = SinkOf(Store("\"" + connection + "\""));
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.True(sink.IsInternal);
        }

        [Fact]
        public void TheConnectionStringComesFromConfiguration()
        {
            var source = Uses + @"
class Customers(IConfiguration configuration)
{
    public Task Save(Customer customer) => new MongoClient(configuration.GetConnectionString(""Crm"")).GetDatabase(""crm"").GetCollection<Customer>(""customers"").InsertOneAsync(customer);
}";
            var sink = SinkOf(source, new[] { ("/0/appsettings.json", "{ \"ConnectionStrings\": { \"Crm\": \"" + Atlas + "\" } }") });
            Assert.Equal("cluster0.ab1cd.mongodb.net", sink.Host);
        }

        // The Atlas UI's C# snippet: the settings parsed from the connection string are that string.
        [Fact]
        public void SettingsParsedFromAConnectionStringAreThatString()
        {
            var source = Uses + @"
class Customers
{
    public Task Save(Customer customer)
    {
        var settings = MongoClientSettings.FromConnectionString(""" + Atlas + @""");
        var client = new MongoClient(settings);
        return client.GetDatabase(""crm"").GetCollection<Customer>(""customers"").InsertOneAsync(customer);
    }
}";
            var sink = SinkOf(source);
            Assert.Equal("cluster0.ab1cd.mongodb.net", sink.Host);
            Assert.Contains("MongoClientSettings.FromConnectionString", sink.ResolvedBy);
        }

        // A repository hands out the collection's query (a method, a getter); the caller runs it: the values go to the cluster.
        [Fact]
        public Task AQueryARepositoryHandsOutSendsWhereItsCollectionSends() => VerifyAsync(Uses + @"
class Repository
{
    private readonly IMongoCollection<Customer> _customers = new MongoClient(""" + Atlas + @""").GetDatabase(""crm"").GetCollection<Customer>(""customers"");
    public IQueryable<Customer> Query() => _customers.AsQueryable();
    public IQueryable<Customer> Customers => _customers.AsQueryable().Where(c => c.Id > 0);
}
class Finder(Repository repository)
{
    public Customer? ByEmail(Customer customer) => {|#0:repository.Query().FirstOrDefault(c => c.Email == customer.Email)|};
    public int Named(Customer customer) => {|#1:repository.Customers.Count(c => c.Name == customer.Name)|};
    public int All() => repository.Query().Count();
}", EndpointTest.Declared("*.ab1cd.mongodb.net", "US"), EndpointTest.Res001(0), EndpointTest.Res001(1));

        // The same through the application's interface, and a helper built on another helper: the cluster still receives them.
        [Fact]
        public Task AQueryHandedOutThroughAnInterfaceOrAHelpersHelperSendsWhereItsCollectionSends() => VerifyAsync(Uses + @"
interface ICustomers
{
    IQueryable<Customer> Query();
}
class Repository : ICustomers
{
    private readonly IMongoCollection<Customer> _customers = new MongoClient(""" + Atlas + @""").GetDatabase(""crm"").GetCollection<Customer>(""customers"");
    public IQueryable<Customer> Query() => _customers.AsQueryable();
    public IQueryable<Customer> Active() => Query().Where(c => c.Id > 0);
}
class Finder(ICustomers customers, Repository repository)
{
    public Customer? ByEmail(Customer customer) => {|#0:customers.Query().FirstOrDefault(c => c.Email == customer.Email)|};
    public int Named(Customer customer) => {|#1:repository.Active().Count(c => c.Name == customer.Name)|};
}", EndpointTest.Declared("*.ab1cd.mongodb.net", "US"), EndpointTest.Res001(0), EndpointTest.Res001(1));

        // Settings built in code: the server address given to them is the host (Unknown for a public name until declared,
        // internal for a container).
        [Theory]
        [InlineData("new MongoClientSettings { Server = new MongoServerAddress(\"db1.example.com\", 27017) }", "db1.example.com", false)]
        [InlineData("settings", "mongo", true)]
        public void ASettingsServerAddressIsTheHost(string settings, string host, bool isInternal)
        {
            var source = Uses + @"
class Customers
{
    public Task Save(Customer customer)
    {
        var settings = new MongoClientSettings();
        settings.Server = new MongoServerAddress(""mongo"", 27017);
        return new MongoClient(" + settings + @").GetDatabase(""crm"").GetCollection<Customer>(""customers"").InsertOneAsync(customer);
    }
}";
            var sink = SinkOf(source);
            Assert.Equal(host, sink.Host);
            Assert.Equal(isInternal, sink.IsInternal);
        }

        // A replica set's Servers list: each address is an endpoint, written as an array, a collection expression or a list
        // (the declared US member is a transfer, the undeclared one Unknown).
        [Theory]
        [InlineData("new MongoClientSettings { Servers = new[] { new MongoServerAddress(\"db1.example.com\", 27017), new MongoServerAddress(\"db2.example.com\", 27017) } }")]
        [InlineData("new MongoClientSettings { Servers = [new MongoServerAddress(\"db1.example.com\", 27017), new MongoServerAddress(\"db2.example.com\", 27017)] }")]
        [InlineData("new MongoClientSettings { Servers = new System.Collections.Generic.List<MongoServerAddress> { new(\"db1.example.com\", 27017), new(\"db2.example.com\", 27017) } }")]
        public async Task EveryServerOfASettingsListIsAnEndpoint(string settings)
        {
            var source = Uses + @"
class Customers
{
    public Task Save(Customer customer) => {|#0:new MongoClient(" + settings + @").GetDatabase(""crm"").GetCollection<Customer>(""customers"").InsertOneAsync(customer)|};
}";
            await VerifyAsync(source, EndpointTest.Declared("db2.example.com", "US"), EndpointTest.Res001(0), EndpointTest.Res003(0));
            Assert.Equal(new[] { "db1.example.com", "db2.example.com" }, SinksOf(source, EndpointTest.Declared("db2.example.com", "US")).Select(s => s.Host).Distinct().OrderBy(h => h).ToArray());
        }

        // builder.AddMongoDBClient("crm") registers IMongoClient (and IMongoDatabase): injected ones send to ConnectionStrings:crm.
        [Fact]
        public Task AnInjectedDatabaseOfAnAspireRegistrationIsFollowed() => VerifyAsync(Uses + @"
static class Program
{
    public static void Configure(IHostApplicationBuilder builder) => builder.AddMongoDBClient(""crm"");
}
class Customers(IMongoDatabase database)
{
    public void Save(Customer customer) => {|#0:database.GetCollection<Customer>(""customers"").InsertOne(customer)|};
    public void Drop() => database.DropCollection(""customers"");
}", EndpointTest.Declared("*.ab1cd.mongodb.net", "US", ("/0/appsettings.json", "{ \"ConnectionStrings\": { \"crm\": \"" + Atlas + "\" } }")), EndpointTest.Res001(0));

        // BSON documents are built in the process (local.json): a document built from personal data is no unclassified
        // recipient of its own; the collection it is inserted into is the sink.
        [Fact]
        public async Task BuildingABsonDocumentIsLocal()
        {
            var test = new AnalyzerVerifier<Residency.Analyzers.Rules.UnclassifiedRecipientAnalyzer>.Test
            {
                TestCode = EndpointTest.Usings + Store("\"" + Atlas + "\"").Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty)
                    .Replace("{|#2:", string.Empty).Replace("{|#3:", string.Empty).Replace("{|#4:", string.Empty).Replace("{|#5:", string.Empty).Replace("|}", string.Empty) + EndpointTest.Model,
            };
            test.TestState.AdditionalReferences.Add(Library);
            await test.RunAsync(System.Threading.CancellationToken.None);
        }

        [Theory]
        [InlineData("mongodb://app:pw@db1.example.com:27017,db2.example.com:27018/crm?replicaSet=rs0", true, "db1.example.com", "db2.example.com")]
        [InlineData("mongodb+srv://cluster0.ab1cd.mongodb.net", true, "cluster0.ab1cd.mongodb.net")]
        [InlineData("MONGODB://[::1]:27017/", true, "::1")]
        [InlineData("mongodb://app:pw@db1.example.com:27017,db2.exa", false, "db1.example.com")]
        [InlineData("mongodb://db1.example.com:27017,db2", false)] // "mongodb://" + user + …: credentials may follow
        [InlineData("mongodb://admin:", false)]
        [InlineData("mongodb://", false)]
        [InlineData("https://db1.example.com", true)]
        public void EveryHostOfTheListIsAnEndpoint(string text, bool complete, params string[] hosts) =>
            Assert.Equal(hosts, UrlText.MongoHosts(text, complete).Select(h => h.Host));

        private static SinkInfo SinkOf(string source, (string, string)[]? files = null) => SinksOf(source, files).First();

        private static SinkInfo[] SinksOf(string source, (string, string)[]? files = null) =>
            SinkProbe.Resolve(source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty).Replace("{|#3:", string.Empty).Replace("{|#4:", string.Empty).Replace("{|#5:", string.Empty).Replace("|}", string.Empty), files, null, Library)
                .SelectMany(call => call.Sink.Sinks).ToArray();
    }
}
