using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Tests.Verifiers;
using Xunit;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Hangfire's job storage (databases.json, "jobs"): a job's arguments are kept in the storage's database until a server
    /// runs the job, so what a call that creates a job gives its expression tree from outside it goes to the server the
    /// storage's connection string names (UseSqlServerStorage, UsePostgreSqlStorage, new SqlServerStorage), or stays in the
    /// process (UseInMemoryStorage). Before, every such call was an unclassified recipient (RES008) until residency.json
    /// declared it.
    /// </summary>
    public class JobStorageTests
    {
        // Hangfire 1.8's job creation and storage configuration, with their real names (Hangfire.Core, .SqlServer, .PostgreSql,
        // .InMemory), and the configuration and DI stand-ins.
        private const string Hangfire = @"
namespace Hangfire
{
    using System;
    using System.Linq.Expressions;
    public static class BackgroundJob
    {
        public static string Enqueue(Expression<Action> methodCall) => """";
        public static string Schedule(Expression<Action> methodCall, TimeSpan delay) => """";
    }
    public interface IBackgroundJobClient { }
    public static class BackgroundJobClientExtensions
    {
        public static string Enqueue(this IBackgroundJobClient client, Expression<Action> methodCall) => """";
    }
    public static class RecurringJob
    {
        public static void AddOrUpdate(string recurringJobId, Expression<Action> methodCall, string cronExpression) { }
    }
    public interface IGlobalConfiguration { }
    public class GlobalConfiguration : IGlobalConfiguration { public static IGlobalConfiguration Configuration { get; } = new GlobalConfiguration(); }
    public static class GlobalConfigurationExtensions
    {
        public static IGlobalConfiguration UseInMemoryStorage(this IGlobalConfiguration configuration) => configuration;
    }
    public static class SqlServerStorageExtensions
    {
        public static IGlobalConfiguration UseSqlServerStorage(this IGlobalConfiguration configuration, string nameOrConnectionString) => configuration;
    }
    public static class HangfireServiceCollectionExtensions
    {
        public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddHangfire(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, Action<IGlobalConfiguration> configuration) => services;
    }
}
namespace Hangfire.PostgreSql
{
    public sealed class PostgreSqlBootstrapperOptions
    {
        public PostgreSqlBootstrapperOptions UseNpgsqlConnection(string connectionString, System.Action<object>? connectionSetup = null) => this;
    }
    public static class PostgreSqlBootstrapperConfigurationExtensions
    {
        public static Hangfire.IGlobalConfiguration UsePostgreSqlStorage(this Hangfire.IGlobalConfiguration configuration, System.Action<PostgreSqlBootstrapperOptions> configure) => configuration;
    }
}
namespace Hangfire.Redis.StackExchange
{
    public class RedisStorageOptions { }
    public static class RedisStorageExtensions
    {
        public static Hangfire.IGlobalConfiguration UseRedisStorage(this Hangfire.IGlobalConfiguration configuration, string? nameOrConnectionString = null, RedisStorageOptions? options = null) => configuration;
        public static Hangfire.IGlobalConfiguration UseRedisStorage(this Hangfire.IGlobalConfiguration configuration, global::StackExchange.Redis.IConnectionMultiplexer connectionMultiplexer, RedisStorageOptions? options = null) => configuration;
    }
}
namespace Hangfire.Mongo
{
    public class MongoStorageOptions { }
    public static class MongoBootstrapperConfigurationExtensions
    {
        public static Hangfire.IGlobalConfiguration UseMongoStorage(this Hangfire.IGlobalConfiguration configuration, string connectionString, string databaseName) => configuration;
        public static Hangfire.IGlobalConfiguration UseMongoStorage(this Hangfire.IGlobalConfiguration configuration, global::MongoDB.Driver.IMongoClient mongoClient, string databaseName, MongoStorageOptions storageOptions) => configuration;
    }
}
namespace StackExchange.Redis
{
    public interface IConnectionMultiplexer { }
    public sealed class ConnectionMultiplexer : IConnectionMultiplexer
    {
        public static ConnectionMultiplexer Connect(string configuration, System.IO.TextWriter? log = null) => null!;
    }
}
namespace MongoDB.Driver
{
    public interface IMongoClient { }
    public class MongoClient : IMongoClient { public MongoClient(string connectionString) { } }
}
namespace Microsoft.Extensions.Configuration
{
    public interface IConfiguration { string? this[string key] { get; set; } }
    public static class ConfigurationExtensions { public static string? GetConnectionString(this IConfiguration configuration, string name) => null; }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public interface IServiceCollection { }
}";

        private static readonly MetadataReference Library = TestReferences.Library("Hangfire", Hangfire);

        // The jobs: a mailer with no sink of its own, so only what Hangfire keeps is reported.
        private static string Jobs(string storage) => @"
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Redis.StackExchange;
using Hangfire.Mongo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
public class Mailer { public void Send(string to) { } }
static class Startup
{
    public static void Configure(IServiceCollection services, IConfiguration configuration) => " + storage + @";
}
class Controller(IBackgroundJobClient jobs, Mailer mailer)
{
    void Run(Customer c)
    {
        {|#0:BackgroundJob.Enqueue(() => mailer.Send(c.Email))|};
        {|#1:jobs.Enqueue(() => mailer.Send(c.Name))|};
        {|#2:RecurringJob.AddOrUpdate(""digest"", () => mailer.Send(c.Email), ""0 8 * * *"")|};
    }
}";

        private static readonly (string, string)[] Settings = { ("/0/appsettings.json", "{ \"ConnectionStrings\": { \"Jobs\": \"Server=jobs.c9akciq32.us-east-1.rds.amazonaws.com;Database=hangfire\" } }") };

        [Theory]
        [InlineData("services.AddHangfire(c => c.UseSqlServerStorage(configuration.GetConnectionString(\"Jobs\")!))")]
        [InlineData("GlobalConfiguration.Configuration.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(configuration.GetConnectionString(\"Jobs\")!))")]
        public async Task AJobsArgumentsGoToItsStoragesServer(string storage)
        {
            await EndpointTest.VerifyAsync(Jobs(storage), Settings, null, new[] { Library }, EndpointTest.Res001(0), EndpointTest.Res001(1), EndpointTest.Res001(2));
            await VerifyUnclassifiedAsync(Jobs(storage), Settings);
            var sink = Assert.Single(SinkProbe.Resolve(Strip(Jobs(storage)), Settings, null, Library), call => call.Call.StartsWith("BackgroundJob.Enqueue")).Sink.Sink;
            Assert.Equal(("jobs.c9akciq32.us-east-1.rds.amazonaws.com", "US"), (sink.Host, sink.Region.Code));
            Assert.StartsWith("BackgroundJob.Enqueue", sink.Display);
            Assert.Contains("connection string of Hangfire job storage", sink.ResolvedBy);
        }

        /// <summary>
        /// Redis and MongoDB storages (Hangfire.Redis.StackExchange 1.12, Hangfire.Mongo 1.17): a configuration string, a
        /// MongoDB connection string, or the SDK client the storage is given. Before, the jobs stayed unclassified recipients.
        /// </summary>
        [Theory]
        [InlineData("GlobalConfiguration.Configuration.UseRedisStorage(\"jobs.redis.example.com:6380,password=p,ssl=True\")", "jobs.redis.example.com", "Redis connection string")]
        [InlineData("services.AddHangfire(c => c.UseRedisStorage(configuration.GetConnectionString(\"Redis\"), new RedisStorageOptions()))", "jobs.redis.example.com", "Redis connection string")]
        [InlineData("GlobalConfiguration.Configuration.UseRedisStorage(StackExchange.Redis.ConnectionMultiplexer.Connect(\"jobs.redis.example.com:6380\"))", "jobs.redis.example.com", "Redis client")]
        [InlineData("GlobalConfiguration.Configuration.UseMongoStorage(\"mongodb+srv://app:p@jobs.ab1cd.mongodb.net/\", \"hangfire\")", "jobs.ab1cd.mongodb.net", "MongoDB connection string")]
        [InlineData("GlobalConfiguration.Configuration.UseMongoStorage(new MongoDB.Driver.MongoClient(\"mongodb://app:p@jobs.ab1cd.mongodb.net:27017/\"), \"hangfire\", new MongoStorageOptions())", "jobs.ab1cd.mongodb.net", "MongoDB client")]
        public async Task AJobsArgumentsGoToItsRedisOrMongoStorage(string storage, string host, string how)
        {
            var files = EndpointTest.Declared(host, "US", ("/0/appsettings.json", "{ \"ConnectionStrings\": { \"Redis\": \"jobs.redis.example.com:6380,abortConnect=false\" } }"));
            await EndpointTest.VerifyAsync(Jobs(storage), files, null, new[] { Library }, EndpointTest.Res001(0), EndpointTest.Res001(1), EndpointTest.Res001(2));
            await VerifyUnclassifiedAsync(Jobs(storage), files);
            var sink = Assert.Single(SinkProbe.Resolve(Strip(Jobs(storage)), files, null, Library), call => call.Call.StartsWith("BackgroundJob.Enqueue")).Sink.Sink;
            Assert.Equal((host, "US"), (sink.Host, sink.Region.Code));
            Assert.Contains(how + " of Hangfire job storage", sink.ResolvedBy);
        }

        // An in-memory storage keeps the jobs in the process: no finding, and no unclassified recipient.
        [Fact]
        public async Task AnInMemoryStorageKeepsTheJobsInTheProcess()
        {
            var jobs = Jobs("GlobalConfiguration.Configuration.UseInMemoryStorage()");
            await EndpointTest.VerifyAsync(jobs, null, null, new[] { Library });
            await VerifyUnclassifiedAsync(jobs, null);
            Assert.True(Assert.Single(SinkProbe.Resolve(Strip(jobs), null, null, Library), call => call.Call.StartsWith("BackgroundJob.Enqueue")).Sink.Sink.IsInternal);
        }

        // No storage in the compilation (another project's): the calls stay unclassified recipients.
        [Fact]
        public Task AStorageNotSeenLeavesTheJobsUnclassified() =>
            VerifyUnclassifiedAsync(
                Jobs("_ = services"),
                Settings,
                Rules.RES008Tests.Res008(0).WithArguments("Customer.Email (contact.email)", "Hangfire.BackgroundJob.Enqueue", "Run → Hangfire.BackgroundJob.Enqueue"),
                Rules.RES008Tests.Res008(1).WithArguments("Customer.Name (name)", "Hangfire.BackgroundJobClientExtensions.Enqueue", "Run → Hangfire.BackgroundJobClientExtensions.Enqueue"),
                Rules.RES008Tests.Res008(2).WithArguments("Customer.Email (contact.email)", "Hangfire.RecurringJob.AddOrUpdate", "Run → Hangfire.RecurringJob.AddOrUpdate"));

        [Fact]
        public void TheCatalogueNamesStoragesAndTheCallsThatCreateJobs()
        {
            var catalog = DatabaseCatalog.BuiltIn;
            Assert.Contains(catalog.JobStorages, s => s.Name == "Hangfire.SqlServerStorageExtensions.UseSqlServerStorage" && s.Database == "SQL Server");
            Assert.All(catalog.JobStorages, s => Assert.Contains(catalog.Providers, p => p.Database == s.Database));
            Assert.Contains("nameOrConnectionString", catalog.JobConnectionParameters);
            Assert.True(catalog.CreatesJob("Hangfire.BackgroundJob", "Enqueue"));
            Assert.False(catalog.CreatesJob("Hangfire.BackgroundJob", "Delete"));
        }

        private static Task VerifyUnclassifiedAsync(string source, (string Path, string Content)[]? files, params DiagnosticResult[] expected) =>
            EndpointTest.VerifyUnclassifiedAsync(source, files, new[] { Library }, expected);

        private static string Strip(string source) =>
            source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty).Replace("|}", string.Empty);
    }
}
