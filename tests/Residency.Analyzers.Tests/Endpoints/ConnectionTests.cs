using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using Xunit;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// The database behind an ADO.NET connection (databases.json, "connections"): Dapper's calls on a connection and a
    /// command's Execute* go to the server the connection's connection string names, the connection followed back to where
    /// it is made (new SqlConnection(cs), NpgsqlDataSource.Create(cs), a data source's builder), else any connection the
    /// compilation makes or registers (AddNpgsqlDataSource(cs), .NET Aspire's AddNpgsqlDataSource("crm")). Before, every such
    /// call was an unclassified recipient (RES008), a command's parameters were one too, and a command typed DbCommand sent
    /// nothing anywhere (System.Data is local).
    /// </summary>
    public class ConnectionTests
    {
        // ADO.NET providers and Dapper, with their real names; the ADO.NET base types are the BCL's own.
        internal const string Ado = @"
namespace Stubs
{
    using System.Data;
    using System.Data.Common;
    public class ConnectionBase : DbConnection
    {
        public override string ConnectionString { get; set; } = """";
        public override string Database => """";
        public override string DataSource => """";
        public override string ServerVersion => """";
        public override ConnectionState State => ConnectionState.Open;
        public override void ChangeDatabase(string databaseName) { }
        public override void Close() { }
        public override void Open() { }
        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => null!;
        protected override DbCommand CreateDbCommand() => null!;
    }
    public class CommandBase : DbCommand
    {
        public override string CommandText { get; set; } = """";
        public override int CommandTimeout { get; set; }
        public override CommandType CommandType { get; set; }
        public override bool DesignTimeVisible { get; set; }
        public override UpdateRowSource UpdatedRowSource { get; set; }
        protected override DbConnection? DbConnection { get; set; }
        protected override DbParameterCollection DbParameterCollection => null!;
        protected override DbTransaction? DbTransaction { get; set; }
        public override void Cancel() { }
        public override int ExecuteNonQuery() => 0;
        public override object? ExecuteScalar() => null;
        public override void Prepare() { }
        protected override DbParameter CreateDbParameter() => null!;
        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => null!;
    }
    public class ParametersBase : DbParameterCollection
    {
        public override int Count => 0;
        public override object SyncRoot => this;
        public override int Add(object value) => 0;
        public override void AddRange(System.Array values) { }
        public override void Clear() { }
        public override bool Contains(object value) => false;
        public override bool Contains(string value) => false;
        public override void CopyTo(System.Array array, int index) { }
        public override System.Collections.IEnumerator GetEnumerator() => null!;
        public override int IndexOf(object value) => 0;
        public override int IndexOf(string parameterName) => 0;
        public override void Insert(int index, object value) { }
        public override void Remove(object value) { }
        public override void RemoveAt(int index) { }
        public override void RemoveAt(string parameterName) { }
        protected override DbParameter GetParameter(int index) => null!;
        protected override DbParameter GetParameter(string parameterName) => null!;
        protected override void SetParameter(int index, DbParameter value) { }
        protected override void SetParameter(string parameterName, DbParameter value) { }
    }
}
namespace Microsoft.Data.SqlClient
{
    public sealed class SqlConnection : Stubs.ConnectionBase
    {
        public SqlConnection() { }
        public SqlConnection(string connectionString) { }
        public new SqlCommand CreateCommand() => null!;
    }
    public sealed class SqlParameterCollection : Stubs.ParametersBase { public SqlParameter AddWithValue(string parameterName, object value) => null!; }
    public sealed class SqlParameter { public SqlParameter(string parameterName, object value) { } }
    public sealed class SqlBulkCopy : System.IDisposable
    {
        public SqlBulkCopy(SqlConnection connection) { }
        public SqlBulkCopy(string connectionString) { }
        public string DestinationTableName { get; set; } = """";
        public void WriteToServer(System.Data.DataTable table) { }
        public System.Threading.Tasks.Task WriteToServerAsync(System.Data.DataTable table) => null!;
        public void Dispose() { }
    }
    public sealed class SqlCommand : Stubs.CommandBase
    {
        public SqlCommand() { }
        public SqlCommand(string cmdText, SqlConnection connection) { }
        public new SqlConnection? Connection { get; set; }
        public new SqlParameterCollection Parameters => null!;
    }
}
namespace Npgsql
{
    using System.Threading;
    using System.Threading.Tasks;
    public sealed class NpgsqlConnection : Stubs.ConnectionBase
    {
        public NpgsqlConnection(string connectionString) { }
        public Task<NpgsqlBinaryImporter> BeginBinaryImportAsync(string copyFromCommand, CancellationToken cancellationToken = default) => null!;
    }
    public sealed class NpgsqlBinaryImporter : System.IAsyncDisposable
    {
        public Task StartRowAsync(CancellationToken cancellationToken = default) => null!;
        public Task WriteAsync<T>(T value, CancellationToken cancellationToken = default) => null!;
        public ValueTask<ulong> CompleteAsync(CancellationToken cancellationToken = default) => default;
        public ValueTask DisposeAsync() => default;
    }
    public sealed class NpgsqlParameterCollection : Stubs.ParametersBase { public object AddWithValue(string parameterName, object value) => null!; }
    public sealed class NpgsqlCommand : Stubs.CommandBase
    {
        public NpgsqlCommand(string cmdText, NpgsqlConnection connection) { }
        public new NpgsqlParameterCollection Parameters => null!;
    }
    public abstract class NpgsqlDataSource : System.Data.Common.DbDataSource
    {
        public static NpgsqlDataSource Create(string connectionString) => null!;
        public new NpgsqlConnection OpenConnection() => null!;
        public new ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) => default;
        public new NpgsqlConnection CreateConnection() => null!;
        public new NpgsqlCommand CreateCommand(string? commandText = null) => null!;
    }
    public sealed class NpgsqlDataSourceBuilder
    {
        public NpgsqlDataSourceBuilder(string? connectionString = null) { }
        public NpgsqlDataSource Build() => null!;
    }
}
namespace Microsoft.Data.Sqlite
{
    public sealed class SqliteConnection : Stubs.ConnectionBase { public SqliteConnection(string connectionString) { } }
}
namespace Dapper
{
    using System.Collections.Generic;
    using System.Data;
    using System.Threading.Tasks;
    public static class SqlMapper
    {
        public static int Execute(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => 0;
        public static Task<int> ExecuteAsync(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => null!;
        public static Task<IEnumerable<T>> QueryAsync<T>(this IDbConnection cnn, string sql, object? param = null, IDbTransaction? transaction = null, int? commandTimeout = null, CommandType? commandType = null) => null!;
    }
    public sealed class DynamicParameters { public void Add(string name, object? value = null) { } }
}";

        // The registrations and configuration stand-ins.
        private const string Registrations = @"
namespace Microsoft.Extensions.Configuration
{
    public interface IConfiguration { string? this[string key] { get; set; } }
    public static class ConfigurationExtensions { public static string? GetConnectionString(this IConfiguration configuration, string name) => null; }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public interface IServiceCollection { }
    public static class NpgsqlServiceCollectionExtensions
    {
        public static IServiceCollection AddNpgsqlDataSource(this IServiceCollection serviceCollection, string connectionString, object? serviceKey = null) => serviceCollection;
    }
}
namespace Microsoft.Extensions.Hosting
{
    public interface IHostApplicationBuilder { }
    public static class AspirePostgreSqlNpgsqlExtensions
    {
        public static void AddNpgsqlDataSource(this IHostApplicationBuilder builder, string connectionName, System.Action<object>? configureSettings = null, System.Action<Npgsql.NpgsqlDataSourceBuilder>? configureDataSourceBuilder = null) { }
    }
}";

        private static readonly MetadataReference Library = TestReferences.Library("Microsoft.Data.SqlClient", Ado + Registrations);

        private const string Uses = @"using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
";

        private const string UsServer = "crm.c9akciq32.us-east-1.rds.amazonaws.com";

        private static Task VerifyAsync(string source, (string, string)[]? files, params DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync(Uses + source, files, null, new[] { Library }, expected);

        private static Task VerifyUnclassifiedAsync(string source, params DiagnosticResult[] expected) =>
            EndpointTest.VerifyUnclassifiedAsync(Uses + source, null, new[] { Library }, expected);

        // Dapper on a connection made here: what each call is given goes to the server (an RDS instance in us-east-1).
        private const string DapperCalls = @"
class Customers
{
    private const string Cs = ""Server=tcp:" + UsServer + @",1433;Database=crm"";
    public async Task Save(Customer customer)
    {
        using var connection = new SqlConnection(Cs);
        await {|#0:connection.ExecuteAsync(""insert into customers values (@Email)"", new { customer.Email })|};
        {|#1:connection.Execute(""update customers set name = @Name where id = @Id"", customer)|};
        _ = await {|#2:connection.QueryAsync<int>(""select id from customers where email = @e"", new { e = customer.Email })|};
    }
}";

        [Fact]
        public async Task DapperOnAConnectionMadeHereSendsToItsServer()
        {
            await VerifyAsync(DapperCalls, null, EndpointTest.Res001(0), EndpointTest.Res001(1), EndpointTest.Res001(2));
            await VerifyUnclassifiedAsync(DapperCalls);
            var sink = SinkProbe.Resolve(Strip(Uses + DapperCalls), null, null, Library).First().Sink.Sink;
            Assert.Equal((UsServer, "US", "Amazon Web Services", SinkKind.Sdk), (sink.Host, sink.Region.Code, sink.Recipient, sink.Kind));
            Assert.StartsWith("SqlConnection.ExecuteAsync", sink.Display);
            Assert.Contains("SQL Server connection string of SqlConnection", sink.ResolvedBy);
        }

        // A command holds its parameters and its text: running it sends them to its connection's server, however the command
        // is made and given its connection. Filling the parameters sends nothing (no unclassified recipient).
        private const string Commands = @"
class Customers
{
    private readonly string _cs = ""Host=" + UsServer + @";Database=crm"";
    public void Insert(Customer customer)
    {
        using var connection = new SqlConnection(""Data Source=" + UsServer + @",1433;Initial Catalog=crm"");
        using var command = new SqlCommand(""insert into customers values (@e)"", connection);
        command.Parameters.AddWithValue(""@e"", customer.Email);
        {|#0:command.ExecuteNonQuery()|};
    }
    public object? Find(Customer customer)
    {
        using var connection = new SqlConnection { ConnectionString = ""Server=" + UsServer + @""" };
        var command = connection.CreateCommand();
        command.CommandText = ""select id from customers where name = '"" + customer.Name + ""'"";
        return {|#1:command.ExecuteScalar()|};
    }
    public Task<int> Rename(Customer customer)
    {
        var connection = new NpgsqlConnection(_cs);
        DbCommand command = new SqlCommand { Connection = new SqlConnection(""Server=" + UsServer + @""") };
        command.CommandText = ""update customers set name = '"" + customer.Name + ""'"";
        return {|#2:command.ExecuteNonQueryAsync()|};
    }
}";

        [Fact]
        public async Task ACommandSendsWhatItHoldsToItsConnectionsServer()
        {
            await VerifyAsync(Commands, null, EndpointTest.Res001(0), EndpointTest.Res001(1), EndpointTest.Res001(2));
            await VerifyUnclassifiedAsync(Commands);
        }

        // A bulk copy sends the rows it is given to its connection's server (or the server of its own connection string); a
        // binary import sends the rows written to it when it completes. Writing the rows sends nothing yet.
        private const string BulkCopies = @"
class Import
{
    private const string Cs = ""Server=" + UsServer + @";Database=crm"";
    public async Task Copy(Customer[] customers)
    {
        var table = new DataTable();
        table.Columns.Add(""email"");
        foreach (var customer in customers)
        {
            table.Rows.Add(customer.Email);
        }

        using var connection = new SqlConnection(Cs);
        using var bulk = new SqlBulkCopy(connection) { DestinationTableName = ""customers"" };
        await {|#0:bulk.WriteToServerAsync(table)|};
        using var own = new SqlBulkCopy(Cs);
        {|#1:own.WriteToServer(table)|};
    }
    public async Task Load(Customer[] customers)
    {
        await using var connection = new NpgsqlConnection(""Host=" + UsServer + @""");
        await using var importer = await connection.BeginBinaryImportAsync(""COPY customers (email) FROM STDIN (FORMAT BINARY)"");
        foreach (var customer in customers)
        {
            await importer.StartRowAsync();
            await importer.WriteAsync(customer.Email);
        }

        await {|#2:importer.CompleteAsync()|};
    }
}";

        [Fact]
        public async Task ABulkCopyOrABinaryImportSendsItsRowsToItsServer()
        {
            await VerifyAsync(BulkCopies, null, EndpointTest.Res001(0), EndpointTest.Res001(1), EndpointTest.Res001(2));
            await VerifyUnclassifiedAsync(BulkCopies);
        }

        // Npgsql's data source: made by Create or by a builder, it hands out connections and commands of its server.
        [Fact]
        public Task ADataSourcesConnectionsAndCommandsSendToItsServer() => VerifyAsync(@"
class Customers
{
    private readonly NpgsqlDataSource _db = NpgsqlDataSource.Create(""Host=" + UsServer + @";Database=crm"");
    private readonly NpgsqlDataSource _built = new NpgsqlDataSourceBuilder(""Host=" + UsServer + @";Database=crm"").Build();
    public async Task Save(Customer customer)
    {
        await using var connection = await _db.OpenConnectionAsync();
        await {|#0:connection.ExecuteAsync(""insert into customers values (@Email)"", customer)|};
        await using var command = _built.CreateCommand(""insert into customers values ($1)"");
        command.Parameters.AddWithValue(""$1"", customer.Email);
        await {|#1:command.ExecuteNonQueryAsync()|};
    }
}", null, EndpointTest.Res001(0), EndpointTest.Res001(1));

        // A connection handed in (a constructor parameter, an application's own connection factory) is any connection the
        // compilation makes or registers: Npgsql's AddNpgsqlDataSource, .NET Aspire's by connection name, or a factory's new.
        [Theory]
        [InlineData("services.AddNpgsqlDataSource(configuration.GetConnectionString(\"Crm\")!)")]
        [InlineData("((IHostApplicationBuilder)null!).AddNpgsqlDataSource(\"Crm\")")]
        [InlineData("_ = new ConnectionFactory(configuration).Create()")]
        public Task AConnectionHandedInIsAConnectionTheCompilationMakes(string registration) => VerifyAsync(@"
static class Startup
{
    public static void Configure(IServiceCollection services, IConfiguration configuration) => " + registration + @";
}
class ConnectionFactory(IConfiguration configuration)
{
    public IDbConnection Create() => new NpgsqlConnection(configuration.GetConnectionString(""Crm"")!);
}
class Customers(IDbConnection connection, ConnectionFactory factory)
{
    public Task Save(Customer customer) => {|#0:connection.ExecuteAsync(""insert into customers values (@Email)"", customer)|};
    public int Rename(Customer customer) => {|#1:factory.Create().Execute(""update customers set name = @Name"", new { customer.Name })|};
}", new[] { ("/0/appsettings.json", "{ \"ConnectionStrings\": { \"Crm\": \"Host=" + UsServer + ";Database=crm\" } }") }, EndpointTest.Res001(0), EndpointTest.Res001(1));

        // SQLite is a file of the application, a container's server is the application's own, a Neon endpoint in Frankfurt is in
        // the EEA: no finding, and each is a database sink (not an unclassified recipient).
        [Theory]
        [InlineData("new SqliteConnection(\"Data Source=crm.db\")", null, true)]
        [InlineData("new NpgsqlConnection(\"Host=postgres;Database=crm\")", null, true)]
        [InlineData("new NpgsqlConnection(\"Host=ep-cool-darkness-a1b2c3d4-pooler.eu-central-1.aws.neon.tech;Database=neondb\")", "DE", false)]
        public async Task ALocalOrEeaDatabaseIsNoFinding(string connection, string? region, bool isInternal)
        {
            var source = @"
class Customers
{
    public Task Save(Customer customer)
    {
        using var connection = " + connection + @";
        return connection.ExecuteAsync(""insert into customers values (@Email)"", customer);
    }
}";
            await VerifyAsync(source, null);
            await VerifyUnclassifiedAsync(source);
            var sink = SinkProbe.Resolve(Uses + source, null, null, Library).Single().Sink.Sink;
            Assert.Equal((isInternal, SinkKind.Sdk), (sink.IsInternal, sink.Kind));
            if (region is not null)
            {
                Assert.Equal(region, sink.Region.Code);
            }
        }

        // A connection the compilation neither makes nor registers stays an unclassified recipient, including a command typed
        // DbCommand (System.Data is otherwise local: its Execute* are carved out).
        [Fact]
        public Task AConnectionNotSeenStaysUnclassified() => VerifyUnclassifiedAsync(@"
class Customers(IDbConnection connection, DbConnection other)
{
    public Task Save(Customer customer) => {|#0:connection.ExecuteAsync(""insert into customers values (@Email)"", customer)|};
    public int Rename(Customer customer)
    {
        using var command = other.CreateCommand();
        command.CommandText = ""update customers set name = '"" + customer.Name + ""'"";
        return {|#1:command.ExecuteNonQuery()|};
    }
}",
            Residency.Analyzers.Tests.Rules.RES008Tests.Res008(0).WithArguments("Customer.Email (contact.email), Customer.Name (name)", "Dapper.SqlMapper.ExecuteAsync", "Save → Dapper.SqlMapper.ExecuteAsync"),
            Residency.Analyzers.Tests.Rules.RES008Tests.Res008(1).WithArguments("Customer.Name (name)", "System.Data.Common.DbCommand.ExecuteNonQuery", "Rename → System.Data.Common.DbCommand.ExecuteNonQuery"));

        // Half-typed code around connections never makes the analyzers throw (no AD0001), in the IDE's mode and the build's.
        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task HalfTypedConnectionsNeverThrow(bool commandLine)
        {
            Assert.Contains("RES001", await RunBrokenAsync<PersonalDataFlowAnalyzer>(commandLine));
            await RunBrokenAsync<InventoryFactsAnalyzer>(commandLine);
            await RunBrokenAsync<UnclassifiedRecipientAnalyzer>(commandLine);
        }

        // What the analyzer reported (the verifier's message on the diagnostics it did not expect): anything but AD0001.
        private static async Task<string> RunBrokenAsync<TAnalyzer>(bool commandLine)
            where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        {
            var test = new AnalyzerVerifier<TAnalyzer>.Test
            {
                TestCode = EndpointTest.Usings + Uses + @"
class Customers(IDbConnection handed, NpgsqlDataSource source)
{
    private readonly SqlConnection _self = new SqlConnection(_self.ConnectionString);
    public async Task Save(Customer customer, string cs)
    {
        using var connection = new SqlConnection(;
        await connection.ExecuteAsync(""insert"", customer);
        await new SqlConnection(cs + customer.Email).ExecuteAsync(, customer);
        await handed.ExecuteAsync(""x"", new { customer. });
        await _self.ExecuteAsync(""x"", customer);
        var command = new SqlCommand(""x"", );
        command.Parameters.AddWithValue(""@e"", customer.Email);
        command.ExecuteNonQuery();
        DbCommand other = source.CreateCommand();
        other.Connection = other.Connection;
        other.ExecuteNonQuery(customer.Email);
        await (await NpgsqlDataSource.Create().OpenConnectionAsync()).ExecuteAsync(""x"", customer);
        await Undefined.ExecuteAsync(""x"", customer);
        await new SqlConnection(""Server=" + UsServer + @""").ExecuteAsync(""x"", customer);
    }
}
static class Startup
{
    public static void Configure(IServiceCollection services, IConfiguration configuration) => services.AddNpgsqlDataSource(configuration.GetConnectionString());
}" + EndpointTest.Model,
                CompilerDiagnostics = CompilerDiagnostics.None,
            };
            test.TestState.AdditionalReferences.Add(Library);
            test.TestState.AdditionalFiles.Add(("appsettings.json", "{ \"ConnectionStrings\": { \"Crm\": 5 } }"));
            if (commandLine)
            {
                test.TestState.AnalyzerConfigFiles.Add(TestReferences.GlobalConfig(new[] { ("_ResidencyFactsFile", System.IO.Path.Combine(System.IO.Path.GetTempPath(), "residency-robustness", System.Guid.NewGuid().ToString("N"), "facts.json")) }));
            }

            test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck;
            try
            {
                await test.RunAsync(CancellationToken.None);
                return string.Empty;
            }
            catch (System.InvalidOperationException e)
            {
                Assert.DoesNotContain("AD0001", e.Message);
                return e.Message;
            }
        }

        [Fact]
        public void TheCatalogueNamesConnectionsFactoriesAndSinks()
        {
            var catalog = DatabaseCatalog.BuiltIn;
            Assert.Contains(catalog.ConnectionTypes, c => c.Name == "Microsoft.Data.SqlClient.SqlConnection" && c.Database == "SQL Server");
            Assert.Contains(catalog.ConnectionFactories, f => f.Name == "Npgsql.NpgsqlDataSource.Create");
            Assert.All(catalog.ConnectionTypes.Concat(catalog.ConnectionFactories), c => Assert.Contains(catalog.Providers, p => p.Database == c.Database));
            Assert.All(catalog.ConnectionAspire, a => Assert.Contains(catalog.Providers, p => p.Database == a.Database));
            Assert.True(catalog.RunsOnConnection("Dapper.SqlMapper", "QueryFirstOrDefaultAsync"));
            Assert.True(catalog.RunsCommand("System.Data.Common.DbCommand", "ExecuteReaderAsync"));
            Assert.False(catalog.RunsCommand("System.Data.Common.DbCommand", "Prepare"));
        }

        private static string Strip(string source) =>
            source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty).Replace("|}", string.Empty);
    }
}
