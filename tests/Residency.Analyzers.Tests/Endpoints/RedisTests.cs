using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// StackExchange.Redis: every command of an IDatabase, IBatch, ITransaction or ISubscriber is an SDK sink (writes, reads and
    /// publishes: the key is sent too); the host comes from the configuration string or ConfigurationOptions given to
    /// ConnectionMultiplexer.Connect / ConnectAsync, followed through GetDatabase, DI registrations and .NET Aspire's AddRedisClient.
    /// IDistributedCache is a Redis sink only with AddStackExchangeRedisCache (or Aspire's AddRedisDistributedCache).
    /// </summary>
    public class RedisTests
    {
        internal static readonly MetadataReference Library = TestReferences.Library("CacheBus", CacheBusStubs.Library);

        private const string Host = "kyc-cache.redis.cache.windows.net";

        internal const string Uses = @"using StackExchange.Redis;
using MassTransit;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
";

        internal static Task VerifyAsync(string source, (string, string)[]? files, params DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync(Uses + source, files, null, new[] { Library }, expected);

        internal static SinkInfo SinkOf(string source, (string, string)[]? files = null) =>
            Assert.Single(Assert.Single(SinkProbe.Resolve(Uses + source, files, null, Library)).Sink.Sinks);

        private const string Profiles = @"
class Profiles
{
    private readonly IDatabase _db = ConnectionMultiplexer.Connect(""" + Host + @":6380,password=secret,ssl=True,abortConnect=False"").GetDatabase();
    public Task Save(Customer c) => {|#0:_db.StringSetAsync($""customer:{c.Id}"", c.Email)|};
}";

        [Fact]
        public Task AnAzureCacheIsUnknownUntilDeclared() => VerifyAsync(Profiles, null, EndpointTest.Res003(0));

        [Fact]
        public Task TheUsersResidencyJsonHostEntryDecides() => VerifyAsync(Profiles, EndpointTest.Declared(Host, "US"), EndpointTest.Res001(0));

        [Fact]
        public async Task ACacheDeclaredInGermanyIsAllowed()
        {
            await VerifyAsync(Profiles, EndpointTest.Declared(Host, "DE"));
            Assert.Equal("DE", SinkOf(Profiles.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), EndpointTest.Declared(Host, "DE")).Region.Code);
        }

        private const string Container = @"
class Profiles
{
    public async Task Save(Customer c)
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(""redis:6379,abortConnect=false"");
        await redis.GetDatabase().HashSetAsync($""customer:{c.Id}"", ""email"", c.Email);
    }
}";

        [Fact]
        public async Task AContainerNamedRedisIsInternal()
        {
            await VerifyAsync(Container, null);
            var sink = SinkOf(Container);
            Assert.True(sink.IsInternal);
            Assert.Equal("redis", sink.Host);
        }

        [Theory]
        [InlineData("ConnectionMultiplexer.Connect(\"" + Host + ":6380,password=p,ssl=True\")", Host, "configuration endpoint")]
        [InlineData("ConnectionMultiplexer.Connect(\"ssl=true," + Host + "\")", Host, "configuration endpoint")]
        [InlineData("ConnectionMultiplexer.Connect(new ConfigurationOptions { EndPoints = { \"" + Host + ":6380\" }, Ssl = true })", Host, "ConfigurationOptions.EndPoints")]
        [InlineData("ConnectionMultiplexer.Connect(new ConfigurationOptions { EndPoints = { { \"" + Host + "\", 6380 } } })", Host, "ConfigurationOptions.EndPoints")]
        [InlineData("ConnectionMultiplexer.Connect(ConfigurationOptions.Parse(\"" + Host + ":6380,ssl=true\"))", Host, "ConfigurationOptions.Parse")]
        public void TheConfigurationGivesTheHost(string connect, string host, string how)
        {
            var sink = SinkOf(@"
class Profiles
{
    public Task Save(string email) => " + connect + @".GetDatabase().StringSetAsync(""k"", email);
}");
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.Equal(host, sink.Host);
            Assert.Equal("Microsoft (Azure Cache for Redis)", sink.Recipient);
            Assert.Contains(how, sink.ResolvedBy);
        }

        [Fact]
        public void EndPointsAddedToAnOptionsLocalGiveTheHost()
        {
            var sink = SinkOf(@"
class Profiles
{
    public Task Save(string email)
    {
        var options = new ConfigurationOptions { Ssl = true };
        options.EndPoints.Add(""" + Host + @""", 6380);
        return ConnectionMultiplexer.Connect(options).GetDatabase().StringSetAsync(""k"", email);
    }
}");
            Assert.Equal(Host, sink.Host);
        }

        [Fact]
        public Task WritesReadsAndPublishesAreSinksKeysIncluded() => VerifyAsync(@"
class Profiles
{
    private readonly IConnectionMultiplexer _redis = ConnectionMultiplexer.Connect(""" + Host + @":6380,ssl=True"");
    public async Task Run(Customer c)
    {
        var db = _redis.GetDatabase();
        await {|#0:db.StringGetAsync($""by-email:{c.Email}"")|};
        await {|#1:db.ListRightPushAsync(""signups"", c.Name)|};
        await {|#2:db.SetAddAsync(""emails"", c.Email)|};
        await {|#3:db.StreamAddAsync(""events"", new[] { new NameValueEntry(""email"", c.Email) })|};
        await {|#4:db.ExecuteAsync(""SET"", ""k"", c.Email)|};
        await {|#5:_redis.GetSubscriber().PublishAsync(RedisChannel.Literal(""signups""), c.Email)|};
        var batch = db.CreateBatch();
        _ = {|#6:batch.KeyDeleteAsync($""customer:{c.Email}"")|};
        await db.PingAsync();
        await db.StringSetAsync(""counter"", c.Id);
    }
}", EndpointTest.Declared(Host, "US"), EndpointTest.Res001(0), EndpointTest.Res001(1), EndpointTest.Res001(2), EndpointTest.Res001(3), EndpointTest.Res001(4), EndpointTest.Res001(5), EndpointTest.Res001(6));

        [Theory]
        [InlineData("services.AddSingleton<IConnectionMultiplexer>(ConnectionMultiplexer.Connect(configuration[\"Redis\"]!));")]
        [InlineData("services.AddSingleton<IConnectionMultiplexer>(sp => ConnectionMultiplexer.Connect(configuration.GetConnectionString(\"Redis\")!));")]
        public Task AnInjectedMultiplexerTakesTheConnectCallsOfItsRegistration(string registration) => VerifyAsync(@"
static class Startup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) { " + registration + @" }
}
class Profiles
{
    private readonly IDatabase _db;
    public Profiles(IConnectionMultiplexer redis) { _db = redis.GetDatabase(); }
    public Task Save(Customer c) => {|#0:_db.StringSetAsync(""k"", c.Email)|};
}", new[]
        {
            ("/0/appsettings.json", "{ \"Redis\": \"" + Host + ":6380,ssl=True\", \"ConnectionStrings\": { \"Redis\": \"" + Host + ":6380,ssl=True\" } }"),
            ("/0/residency.json", "{ \"hosts\": [ { \"pattern\": \"" + Host + "\", \"region\": \"US\" } ] }"),
        }, EndpointTest.Res001(0));

        [Fact]
        public void AspireAddRedisClientReadsItsConnectionString()
        {
            var sink = SinkOf(@"
static class Startup { public static void Register(IHostApplicationBuilder builder) => builder.AddRedisClient(""cache""); }
class Profiles
{
    public Profiles(IConnectionMultiplexer redis) { Redis = redis; }
    private IConnectionMultiplexer Redis { get; }
    public Task Save(string email) => Redis.GetDatabase().StringSetAsync(""k"", email);
}", new[] { ("/0/appsettings.json", "{ \"ConnectionStrings\": { \"cache\": \"" + Host + ":6380,password=p,ssl=True\" } }") });
            Assert.Equal(Host, sink.Host);
            Assert.Contains("AddRedisClient(\"cache\")", sink.ResolvedBy);
        }

        private const string Cache = @"
class Sessions
{
    private readonly IDistributedCache _cache;
    public Sessions(IDistributedCache cache) { _cache = cache; }
    public Task Save(Customer c) => {|#0:_cache.SetStringAsync($""session:{c.Id}"", c.Email)|};
}";

        [Fact]
        public Task ADistributedCacheIsRedisWithAddStackExchangeRedisCache() => VerifyAsync(@"
static class Startup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddStackExchangeRedisCache(o => o.Configuration = configuration.GetConnectionString(""Redis""));
}" + Cache, new[]
        {
            ("/0/appsettings.json", "{ \"ConnectionStrings\": { \"Redis\": \"" + Host + ":6380,ssl=True\" } }"),
            ("/0/residency.json", "{ \"hosts\": [ { \"pattern\": \"" + Host + "\", \"region\": \"US\" } ] }"),
        }, EndpointTest.Res001(0));

        [Fact]
        public void ADistributedCacheWithConfigurationOptionsTakesTheirEndPoints()
        {
            var sink = SinkOf(@"
static class Startup
{
    public static void Register(IServiceCollection services) =>
        services.AddStackExchangeRedisCache(o => o.ConfigurationOptions = new ConfigurationOptions { EndPoints = { """ + Host + @":6380"" } });
}
class Sessions
{
    public Sessions(IDistributedCache cache) { Cache = cache; }
    private IDistributedCache Cache { get; }
    public Task Save(string email) => Cache.SetStringAsync(""k"", email);
}");
            Assert.Equal(Host, sink.Host);
        }

        [Fact]
        public void ADistributedCacheWithoutTheRedisRegistrationIsNoSink() =>
            Assert.Empty(SinkProbe.Resolve(Uses + @"
static class Startup { public static void Register(IServiceCollection services) => services.AddDistributedMemoryCache(); }" + Cache.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), null, null, Library));

        [Fact]
        public void AspireAddRedisDistributedCacheMakesTheCacheASink()
        {
            var sink = SinkOf(@"
static class Startup { public static void Register(IHostApplicationBuilder builder) => builder.AddRedisDistributedCache(""cache""); }
class Sessions
{
    public Sessions(IDistributedCache cache) { Cache = cache; }
    private IDistributedCache Cache { get; }
    public Task Save(string email) => Cache.SetStringAsync(""k"", email);
}", new[] { ("/0/appsettings.json", "{ \"Aspire\": { \"StackExchange\": { \"Redis\": { \"ConnectionString\": \"localhost:6379\" } } } }") });
            Assert.True(sink.IsInternal);
        }
    }
}
