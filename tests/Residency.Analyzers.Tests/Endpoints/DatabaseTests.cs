using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Flow;
using Residency.Analyzers.Tests.Verifiers;
using Xunit;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// The database behind an Entity Framework Core context: where the compilation chooses the context's provider and
    /// connection string (AddDbContext&lt;T&gt;(o =&gt; o.UseSqlServer(cs)), OnConfiguring, AddNpgsql&lt;T&gt;(cs), a typed options
    /// builder, .NET Aspire's AddNpgsqlDbContext&lt;T&gt;("name")), the server it names receives the context's saves and queries
    /// (databases.json). Before, every such call was an unclassified recipient (RES008) until residency.json declared it.
    /// </summary>
    public class DatabaseTests
    {
        // Entity Framework Core (StoreCallTests' shape) with its providers' configuration calls and the DI / configuration stand-ins.
        private const string Providers = @"
namespace Microsoft.EntityFrameworkCore
{
    public class DbContextOptionsBuilder { }
    public class DbContextOptionsBuilder<TContext> : DbContextOptionsBuilder where TContext : DbContext { public DbContextOptions Options => null!; }
    public static class SqlServerDbContextOptionsExtensions
    {
        public static DbContextOptionsBuilder UseSqlServer(this DbContextOptionsBuilder optionsBuilder, string? connectionString, System.Action<object>? sqlServerOptionsAction = null) => optionsBuilder;
        public static DbContextOptionsBuilder<TContext> UseSqlServer<TContext>(this DbContextOptionsBuilder<TContext> optionsBuilder, string? connectionString, System.Action<object>? sqlServerOptionsAction = null) where TContext : DbContext => optionsBuilder;
        public static DbContextOptionsBuilder UseSqlServer(this DbContextOptionsBuilder optionsBuilder, System.Data.Common.DbConnection connection, System.Action<object>? sqlServerOptionsAction = null) => optionsBuilder;
    }
    public static class NpgsqlDbContextOptionsBuilderExtensions
    {
        public static DbContextOptionsBuilder UseNpgsql(this DbContextOptionsBuilder optionsBuilder, string? connectionString, System.Action<object>? npgsqlOptionsAction = null) => optionsBuilder;
        public static DbContextOptionsBuilder UseNpgsql(this DbContextOptionsBuilder optionsBuilder, System.Data.Common.DbDataSource dataSource, System.Action<object>? npgsqlOptionsAction = null) => optionsBuilder;
    }
    public static class CosmosDbContextOptionsExtensions
    {
        public static DbContextOptionsBuilder UseCosmos(this DbContextOptionsBuilder optionsBuilder, string connectionString, string databaseName, System.Action<object>? cosmosOptionsAction = null) => optionsBuilder;
        public static DbContextOptionsBuilder UseCosmos(this DbContextOptionsBuilder optionsBuilder, string accountEndpoint, string accountKey, string databaseName, System.Action<object>? cosmosOptionsAction = null) => optionsBuilder;
    }
    public static class SqliteDbContextOptionsBuilderExtensions
    {
        public static DbContextOptionsBuilder UseSqlite(this DbContextOptionsBuilder optionsBuilder, string? connectionString, System.Action<object>? sqliteOptionsAction = null) => optionsBuilder;
    }
}
namespace Microsoft.Extensions.Configuration
{
    public interface IConfiguration { string? this[string key] { get; set; } }
    public static class ConfigurationExtensions { public static string? GetConnectionString(this IConfiguration configuration, string name) => null; }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public interface IServiceCollection { }
    public static class EntityFrameworkServiceCollectionExtensions
    {
        public static IServiceCollection AddDbContext<TContext>(this IServiceCollection serviceCollection, System.Action<Microsoft.EntityFrameworkCore.DbContextOptionsBuilder>? optionsAction = null) where TContext : Microsoft.EntityFrameworkCore.DbContext => serviceCollection;
        public static IServiceCollection AddDbContextPool<TContext>(this IServiceCollection serviceCollection, System.Action<Microsoft.EntityFrameworkCore.DbContextOptionsBuilder> optionsAction, int poolSize = 1024) where TContext : Microsoft.EntityFrameworkCore.DbContext => serviceCollection;
    }
    public static class NpgsqlServiceCollectionExtensions
    {
        public static IServiceCollection AddNpgsql<TContext>(this IServiceCollection serviceCollection, string? connectionString, System.Action<object>? npgsqlOptionsAction = null) where TContext : Microsoft.EntityFrameworkCore.DbContext => serviceCollection;
    }
}
namespace Microsoft.Extensions.Hosting
{
    public interface IHostApplicationBuilder { }
    public static class AspireEFPostgreSqlExtensions
    {
        public static void AddNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName, System.Action<object>? configureSettings = null, System.Action<Microsoft.EntityFrameworkCore.DbContextOptionsBuilder>? configureDbContextOptions = null) where TContext : Microsoft.EntityFrameworkCore.DbContext { }
    }
}";

        private static readonly MetadataReference Library = TestReferences.Library("Microsoft.EntityFrameworkCore", StoreCallTests.EntityFramework + Providers);

        private const string Uses = @"using System.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
public class Crm(DbContextOptions options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
}
";

        // What the context is given to save, and what a query of it is given to look for, go to its database.
        private static string Store(string registration) => Uses + @"
static class Startup
{
    public static void Configure(IServiceCollection services, IConfiguration configuration) => " + registration + @";
}
class Customers(Crm db)
{
    public async Task Save(Customer customer)
    {
        {|#0:db.Customers.Add(customer)|};
        await db.SaveChangesAsync();
    }
    public Task<Customer> ByEmail(Customer customer) => {|#1:db.Customers.SingleAsync(c => c.Email == customer.Email)|};
    public int Named(Customer customer) => {|#2:db.Customers.Count(c => c.Name == customer.Name)|};
}";

        private static Task VerifyAsync(string source, (string, string)[]? files, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync(source, files, null, new[] { Library }, expected);

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult[] All(System.Func<int, Microsoft.CodeAnalysis.Testing.DiagnosticResult> rule) =>
            Enumerable.Range(0, 3).Select(rule).ToArray();

        // An RDS instance in us-east-1: its region is in its host, so saving a customer there is a transfer.
        [Theory]
        [InlineData("services.AddDbContext<Crm>(o => o.UseNpgsql(\"Host=crm.c9akciq32.us-east-1.rds.amazonaws.com;Port=5432;Database=crm;Username=app;Password=pw\"))")]
        [InlineData("services.AddDbContextPool<Crm>(options => options.UseNpgsql(configuration.GetConnectionString(\"Crm\")))")]
        [InlineData("services.AddNpgsql<Crm>(configuration.GetConnectionString(\"Crm\"))")]
        public Task ADatabaseInTheUsIsATransfer(string registration) =>
            VerifyAsync(Store(registration), new[] { ("/0/appsettings.json", "{ \"ConnectionStrings\": { \"Crm\": \"Host=crm.c9akciq32.us-east-1.rds.amazonaws.com;Database=crm\" } }") }, All(EndpointTest.Res001));

        // A body whose only call on the context is an Add (a name every list has, which the inventory's sink scan does not
        // look for) is still a flow to the database.
        [Fact]
        public Task AnAddAloneIsAFlowToTheDatabase() => VerifyAsync(Uses + @"
static class Startup
{
    public static void Configure(IServiceCollection services) => services.AddDbContext<Crm>(o => o.UseNpgsql(""Host=crm.c9akciq32.us-east-1.rds.amazonaws.com""));
}
class Customers(Crm db)
{
    public void Stage(Customer customer) => {|#0:db.Customers.Add(customer)|};
    public void Track(Customer customer) => {|#1:db.Update(customer)|};
}", null, EndpointTest.Res001(0), EndpointTest.Res001(1));

        // A repository that holds the base DbContext: the databases of the configured contexts derived from it.
        [Fact]
        public Task ARepositoryOfTheBaseContextSendsToTheConfiguredContextsDatabase() => VerifyAsync(Uses + @"
static class Startup
{
    public static void Configure(IServiceCollection services) => services.AddDbContext<Crm>(o => o.UseNpgsql(""Host=crm.c9akciq32.us-east-1.rds.amazonaws.com""));
}
class Repository(DbContext context)
{
    public Task Save(Customer customer)
    {
        {|#0:context.Add(customer)|};
        return context.SaveChangesAsync();
    }
}", null, EndpointTest.Res001(0));

        // The generic repository of most applications: Save(T entity) hands its entity to the context; the customer a
        // caller saves through it is a flow to the database, reported at the call.
        [Fact]
        public Task AGenericRepositorysEntityGoesToTheDatabase() => VerifyAsync(Uses + @"
static class Startup
{
    public static void Configure(IServiceCollection services) => services.AddDbContext<Crm>(o => o.UseNpgsql(""Host=crm.c9akciq32.us-east-1.rds.amazonaws.com""));
}
class Repository<T>(Crm context) where T : class
{
    public Task Save(T entity)
    {
        context.Add(entity);
        return context.SaveChangesAsync();
    }
}
class Customers(Repository<Customer> repository)
{
    public Task Save(Customer customer) => {|#0:repository.Save(customer)|};
}", null, EndpointTest.Res001(0));

        // A context given an ADO.NET data source or connection instead of a connection string: the server of the connection.
        [Theory]
        [InlineData("services.AddDbContext<Crm>(o => o.UseNpgsql(Npgsql.NpgsqlDataSource.Create(\"Host=crm.c9akciq32.us-east-1.rds.amazonaws.com;Database=crm\")))")]
        [InlineData("services.AddDbContext<Crm>(o => o.UseSqlServer(new Microsoft.Data.SqlClient.SqlConnection(configuration.GetConnectionString(\"Crm\")!)))")]
        public Task AContextGivenAConnectionSendsToItsServer(string registration) =>
            EndpointTest.VerifyAsync(Store(registration), new[] { ("/0/appsettings.json", "{ \"ConnectionStrings\": { \"Crm\": \"Server=crm.c9akciq32.us-east-1.rds.amazonaws.com\" } }") }, null,
                new[] { Library, TestReferences.Library("Npgsql", ConnectionTests.Ado) }, All(EndpointTest.Res001));

        [Fact]
        public async Task AnAzureSqlServerIsUnknownUntilDeclaredAndAllowedInTheEea()
        {
            var store = Store("services.AddDbContext<Crm>(o => o.UseSqlServer(\"Server=tcp:acme-crm.database.windows.net,1433;Initial Catalog=crm;Encrypt=True\"))");
            await VerifyAsync(store, null, All(EndpointTest.Res003));
            await VerifyAsync(store, new[] { ("/0/residency.json", "{ \"hosts\": [ { \"pattern\": \"acme-crm.database.windows.net\", \"region\": \"DE\" } ] }") });
            var sink = SinkOf(store);
            Assert.Equal(("acme-crm.database.windows.net", "Microsoft (Azure SQL Database)", SinkKind.Sdk), (sink.Host, sink.Recipient, sink.Kind));
            Assert.Contains("SQL Server connection string of Crm", sink.ResolvedBy);
        }

        // Cosmos DB's provider: the account endpoint, given alone or in a connection string, is the server (an account's
        // region is not in its name: Unknown until declared; Azure Government's is US).
        [Theory]
        [InlineData("services.AddDbContext<Crm>(o => o.UseCosmos(\"AccountEndpoint=https://acme-crm.documents.azure.com:443/;AccountKey=a2V5;\", \"crm\"))", "acme-crm.documents.azure.com", "Unknown")]
        [InlineData("services.AddDbContext<Crm>(o => o.UseCosmos(\"https://acme-crm.documents.azure.us:443/\", \"a2V5\", \"crm\"))", "acme-crm.documents.azure.us", "US")]
        public async Task ACosmosDbAccountIsTheServer(string registration, string host, string region)
        {
            var sink = SinkOf(Store(registration));
            Assert.Equal((host, region), (sink.Host, sink.Region.Code));
            await VerifyAsync(Store(registration), null, All(region == "US" ? EndpointTest.Res001 : EndpointTest.Res003));
        }

        // A Neon endpoint names the project's region (pooled or direct).
        [Theory]
        [InlineData("ep-cool-darkness-a1b2c3d4-pooler.eu-central-1.aws.neon.tech", "DE")]
        [InlineData("ep-cool-darkness-a1b2c3d4.us-east-2.aws.neon.tech", "US")]
        public void ANeonEndpointNamesItsRegion(string host, string region)
        {
            var sink = SinkOf(Store("services.AddDbContext<Crm>(o => o.UseNpgsql(\"Host=" + host + ";Database=neondb;Username=alex;Password=pw;SSL Mode=Require\"))"));
            Assert.Equal((host, region, "Neon"), (sink.Host, sink.Region.Code, sink.Recipient));
        }

        // Supabase's shared pooler names the project's AWS region; its direct connection does not.
        [Theory]
        [InlineData("aws-0-eu-west-2.pooler.supabase.com", "GB")]
        [InlineData("aws-1-us-east-1.pooler.supabase.com", "US")]
        [InlineData("aws-0-mars-north-1.pooler.supabase.com", "Unknown")]
        [InlineData("db.apbkobhfnmcqqzqeeqss.supabase.co", "Unknown")]
        public void ASupabasePoolerNamesItsRegion(string host, string region)
        {
            var sink = SinkOf(Store("services.AddDbContext<Crm>(o => o.UseNpgsql(\"Host=" + host + ";Port=6543;Database=postgres;Username=postgres.apbkobhfnmcqqzqeeqss\"))"));
            Assert.Equal((host, region, "Supabase"), (sink.Host, sink.Region.Code, sink.Recipient));
        }

        // A local server, a container, a SQLite file: the data stays with the application (internal, no finding).
        [Theory]
        [InlineData("services.AddDbContext<Crm>(o => o.UseSqlServer(\"Server=(localdb)\\\\MSSQLLocalDB;Database=crm;Trusted_Connection=True\"))")]
        [InlineData("services.AddDbContext<Crm>(o => o.UseNpgsql(\"Host=postgres;Database=crm\"))")]
        [InlineData("services.AddDbContext<Crm>(o => o.UseSqlite(\"Data Source=crm.db\"))")]
        public async Task ALocalDatabaseIsNoFinding(string registration)
        {
            await VerifyAsync(Store(registration), null);
            Assert.True(SinkOf(Store(registration)).IsInternal);
        }

        // The context's own OnConfiguring, a typed options builder, and .NET Aspire's registration by connection name.
        [Theory]
        [InlineData("_ = services", "protected void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseNpgsql(\"Host=crm.c9akciq32.us-east-1.rds.amazonaws.com\");", null)]
        [InlineData("_ = new DbContextOptionsBuilder<Crm>().UseSqlServer(\"Data Source=crm.c9akciq32.us-east-1.rds.amazonaws.com,1433;Initial Catalog=crm\").Options", "", null)]
        [InlineData("((IHostApplicationBuilder)null!).AddNpgsqlDbContext<Crm>(\"crm\")", "", "{ \"ConnectionStrings\": { \"crm\": \"Host=crm.c9akciq32.us-east-1.rds.amazonaws.com;Database=crm\" } }")]
        public Task TheContextsOwnConfigurationOrAnAspireRegistrationNamesTheServer(string registration, string onConfiguring, string? settings) =>
            VerifyAsync(
                Store(registration).Replace("    public DbSet<Customer> Customers => Set<Customer>();", "    public DbSet<Customer> Customers => Set<Customer>();\n    " + onConfiguring),
                settings is null ? null : new[] { ("/0/appsettings.json", settings) },
                All(EndpointTest.Res001));

        // No configuration in the compilation (another project's, or made out of sight): the calls stay unclassified.
        [Fact]
        public void AContextWhoseDatabaseIsNotSeenIsNoSinkOfItsOwn() =>
            Assert.DoesNotContain(SinkProbe.Resolve(Strip(Store("_ = services")), null, null, Library), call => call.Sink.Sinks.Any(s => s.Kind == SinkKind.Sdk));

        [Theory]
        [InlineData("Server=tcp:acme.database.windows.net,1433;Initial Catalog=crm", true, "acme.database.windows.net")]
        [InlineData("Data Source=sql01\\PROD,1433;Database=crm", true, "sql01")]
        [InlineData("Server=.;Database=crm", true, "localhost")]
        [InlineData("Host=pg1.example.com:5432,pg2.example.com;Database=crm", false, "pg1.example.com|pg2.example.com")]
        [InlineData("postgres://app:pw@db.example.com:5432/crm", false, "db.example.com")]
        [InlineData("Database=crm;Host=db.example.com", false, "db.example.com")]
        [InlineData("Database=crm", false, "")]
        [InlineData("AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=a2V5", false, "acme.documents.azure.com")]
        public void AConnectionStringNamesItsServers(string text, bool sqlServer, string hosts) =>
            Assert.Equal(hosts, string.Join("|", UrlText.DatabaseHosts(text, true, sqlServer ? new[] { "Server", "Data Source" } : new[] { "Host", "Server", "AccountEndpoint" }, sqlServer)));

        [Fact]
        public void TheCatalogueNamesProvidersRegistrationsAndSinks()
        {
            var catalog = DatabaseCatalog.BuiltIn;
            Assert.Contains(catalog.Providers, p => p.Database == "SQL Server" && p.SqlServer && p.Methods.Contains("Microsoft.EntityFrameworkCore.SqlServerDbContextOptionsExtensions.UseSqlServer"));
            Assert.Contains(catalog.Providers, p => p.Database == "SQLite" && p.InProcess);
            Assert.Contains("Microsoft.Extensions.DependencyInjection.EntityFrameworkServiceCollectionExtensions.AddDbContext", catalog.ContextRegistrations);
            Assert.True(catalog.Sends("Microsoft.EntityFrameworkCore.DbContext", "SaveChangesAsync"));
            Assert.False(catalog.Sends("Microsoft.EntityFrameworkCore.DbContext", "Set"));
            Assert.All(catalog.Aspire, a => Assert.Contains(catalog.Providers, p => p.Database == a.Database));
        }

        private static string Strip(string source) =>
            source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty).Replace("|}", string.Empty);

        private static SinkInfo SinkOf(string source) =>
            SinkProbe.Resolve(Strip(source), null, null, Library).SelectMany(call => call.Sink.Sinks).First(s => s.Kind == SinkKind.Sdk);
    }
}
