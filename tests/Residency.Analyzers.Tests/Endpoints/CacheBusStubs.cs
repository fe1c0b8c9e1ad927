namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Stand-ins of StackExchange.Redis 3.x (3.4.35), Microsoft.Extensions.Caching.StackExchangeRedis, Aspire.StackExchange.Redis
    /// (and .DistributedCaching) and MassTransit 8.5.12 (Abstractions, RabbitMQ, Azure Service Bus, Amazon SQS, in-memory),
    /// with the real namespaces, type names, method names and parameter names of the calls the catalogue follows, and the
    /// Microsoft.Extensions types they take (compiled as one referenced library: the test source declares none of them).
    /// </summary>
    internal static class CacheBusStubs
    {
        public const string Library = @"
namespace Microsoft.Extensions.Configuration
{
    public interface IConfiguration { string? this[string key] { get; set; } IConfigurationSection GetSection(string key); }
    public interface IConfigurationSection : IConfiguration { string Key { get; } string Path { get; } string? Value { get; set; } }
    public static class ConfigurationExtensions { public static string? GetConnectionString(this IConfiguration configuration, string name) => null; }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public interface IServiceCollection { }
    public static class ServiceCollectionServiceExtensions
    {
        public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, TService implementationInstance) where TService : class => services;
        public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, System.Func<System.IServiceProvider, TService> implementationFactory) where TService : class => services;
    }
    public static class StackExchangeRedisCacheServiceCollectionExtensions
    {
        public static IServiceCollection AddStackExchangeRedisCache(this IServiceCollection services, System.Action<Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions> setupAction) => services;
    }
    public static class MemoryCacheServiceCollectionExtensions
    {
        public static IServiceCollection AddDistributedMemoryCache(this IServiceCollection services) => services;
    }" + EndpointTest.OptionsExtensions + @"}
namespace Microsoft.Extensions.Options
{
    public class OptionsBuilder<TOptions> where TOptions : class { }
}
namespace Microsoft.Extensions.Hosting
{
    public interface IHostApplicationBuilder { Microsoft.Extensions.Configuration.IConfiguration Configuration { get; } Microsoft.Extensions.DependencyInjection.IServiceCollection Services { get; } }
    public static class AspireRedisExtensions
    {
        public static void AddRedisClient(this IHostApplicationBuilder builder, string connectionName, System.Action<Aspire.StackExchange.Redis.StackExchangeRedisSettings>? configureSettings = null, System.Action<StackExchange.Redis.ConfigurationOptions>? configureOptions = null) { }
        public static void AddKeyedRedisClient(this IHostApplicationBuilder builder, string name, System.Action<Aspire.StackExchange.Redis.StackExchangeRedisSettings>? configureSettings = null, System.Action<StackExchange.Redis.ConfigurationOptions>? configureOptions = null) { }
    }
    public static class AspireRedisDistributedCacheExtensions
    {
        public static void AddRedisDistributedCache(this IHostApplicationBuilder builder, string connectionName, System.Action<Aspire.StackExchange.Redis.StackExchangeRedisSettings>? configureSettings = null, System.Action<StackExchange.Redis.ConfigurationOptions>? configureOptions = null) { }
    }
}
namespace Aspire.StackExchange.Redis
{
    public sealed class StackExchangeRedisSettings { public string? ConnectionString { get; set; } }
}
namespace StackExchange.Redis
{
    public enum CommandFlags { None = 0 }
    public enum When { Always }
    public readonly struct RedisKey
    {
        public static implicit operator RedisKey(string? key) => default;
        public static implicit operator string?(RedisKey key) => null;
    }
    public readonly struct RedisValue
    {
        public static implicit operator RedisValue(string? value) => default;
        public static implicit operator RedisValue(byte[]? value) => default;
        public static implicit operator RedisValue(int value) => default;
        public static implicit operator string?(RedisValue value) => null;
    }
    public readonly struct RedisChannel
    {
        public static RedisChannel Literal(string value) => default;
    }
    public readonly struct HashEntry { public HashEntry(RedisValue name, RedisValue value) { } }
    public readonly struct NameValueEntry { public NameValueEntry(RedisValue name, RedisValue value) { } }
    public sealed class RedisResult { }
    public sealed class EndPointCollection : System.Collections.ObjectModel.Collection<System.Net.EndPoint>
    {
        public void Add(string hostAndPort) { }
        public void Add(string host, int port) { }
        public void Add(System.Net.IPAddress host, int port) { }
    }
    public sealed class ConfigurationOptions
    {
        public EndPointCollection EndPoints { get; init; } = new EndPointCollection();
        public string? Password { get; set; }
        public bool Ssl { get; set; }
        public bool AbortOnConnectFail { get; set; }
        public static ConfigurationOptions Parse(string configuration) => new ConfigurationOptions();
    }
    public interface IRedisAsync
    {
        IConnectionMultiplexer Multiplexer { get; }
        System.Threading.Tasks.Task<System.TimeSpan> PingAsync(CommandFlags flags = CommandFlags.None);
        void Wait(System.Threading.Tasks.Task task);
    }
    public interface IRedis : IRedisAsync { System.TimeSpan Ping(CommandFlags flags = CommandFlags.None); }
    public interface IDatabaseAsync : IRedisAsync
    {
        System.Threading.Tasks.Task<bool> StringSetAsync(RedisKey key, RedisValue value, System.TimeSpan? expiry = null, When when = When.Always);
        System.Threading.Tasks.Task<RedisValue> StringGetAsync(RedisKey key, CommandFlags flags = CommandFlags.None);
        System.Threading.Tasks.Task HashSetAsync(RedisKey key, HashEntry[] hashFields, CommandFlags flags = CommandFlags.None);
        System.Threading.Tasks.Task<bool> HashSetAsync(RedisKey key, RedisValue hashField, RedisValue value, When when = When.Always, CommandFlags flags = CommandFlags.None);
        System.Threading.Tasks.Task<long> ListRightPushAsync(RedisKey key, RedisValue value, When when = When.Always, CommandFlags flags = CommandFlags.None);
        System.Threading.Tasks.Task<bool> SetAddAsync(RedisKey key, RedisValue value, CommandFlags flags = CommandFlags.None);
        System.Threading.Tasks.Task<bool> SortedSetAddAsync(RedisKey key, RedisValue member, double score, CommandFlags flags);
        System.Threading.Tasks.Task<RedisValue> StreamAddAsync(RedisKey key, NameValueEntry[] streamPairs, RedisValue? messageId = null, int? maxLength = null, bool useApproximateMaxLength = false, CommandFlags flags = CommandFlags.None);
        System.Threading.Tasks.Task<RedisResult> ExecuteAsync(string command, params object[] args);
        System.Threading.Tasks.Task<bool> KeyDeleteAsync(RedisKey key, CommandFlags flags = CommandFlags.None);
        System.Threading.Tasks.Task<long> PublishAsync(RedisChannel channel, RedisValue message, CommandFlags flags = CommandFlags.None);
        bool IsConnected(RedisKey key, CommandFlags flags = CommandFlags.None);
    }
    public interface IBatch : IDatabaseAsync { void Execute(); }
    public interface ITransaction : IBatch { System.Threading.Tasks.Task<bool> ExecuteAsync(CommandFlags flags = CommandFlags.None); }
    public interface IDatabase : IRedis, IDatabaseAsync
    {
        IBatch CreateBatch(object? asyncState = null);
        ITransaction CreateTransaction(object? asyncState = null);
        bool StringSet(RedisKey key, RedisValue value, System.TimeSpan? expiry = null, When when = When.Always);
        RedisValue StringGet(RedisKey key, CommandFlags flags = CommandFlags.None);
        RedisResult Execute(string command, params object[] args);
    }
    public interface ISubscriber : IRedis
    {
        System.Threading.Tasks.Task<long> PublishAsync(RedisChannel channel, RedisValue message, CommandFlags flags = CommandFlags.None);
        long Publish(RedisChannel channel, RedisValue message, CommandFlags flags = CommandFlags.None);
    }
    public interface IServer : IRedis { }
    public interface IConnectionMultiplexer : System.IDisposable
    {
        IDatabase GetDatabase(int db = -1, object? asyncState = null);
        ISubscriber GetSubscriber(object? asyncState = null);
        bool IsConnected { get; }
    }
    public sealed class ConnectionMultiplexer : IConnectionMultiplexer
    {
        private ConnectionMultiplexer() { }
        public static ConnectionMultiplexer Connect(string configuration, System.IO.TextWriter? log = null) => null!;
        public static ConnectionMultiplexer Connect(string configuration, System.Action<ConfigurationOptions> configure, System.IO.TextWriter? log = null) => null!;
        public static ConnectionMultiplexer Connect(ConfigurationOptions configuration, System.IO.TextWriter? log = null) => null!;
        public static System.Threading.Tasks.Task<ConnectionMultiplexer> ConnectAsync(string configuration, System.IO.TextWriter? log = null) => null!;
        public static System.Threading.Tasks.Task<ConnectionMultiplexer> ConnectAsync(ConfigurationOptions configuration, System.IO.TextWriter? log = null) => null!;
        public IDatabase GetDatabase(int db = -1, object? asyncState = null) => null!;
        public ISubscriber GetSubscriber(object? asyncState = null) => null!;
        public bool IsConnected => true;
        public void Dispose() { }
    }
}
namespace Microsoft.Extensions.Caching.Distributed
{
    public class DistributedCacheEntryOptions { public System.TimeSpan? AbsoluteExpirationRelativeToNow { get; set; } }
    public interface IDistributedCache
    {
        byte[]? Get(string key);
        System.Threading.Tasks.Task<byte[]?> GetAsync(string key, System.Threading.CancellationToken token = default);
        void Set(string key, byte[] value, DistributedCacheEntryOptions options);
        System.Threading.Tasks.Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, System.Threading.CancellationToken token = default);
        void Remove(string key);
    }
    public static class DistributedCacheExtensions
    {
        public static System.Threading.Tasks.Task SetStringAsync(this IDistributedCache cache, string key, string value, System.Threading.CancellationToken token = default) => null!;
        public static System.Threading.Tasks.Task SetStringAsync(this IDistributedCache cache, string key, string value, DistributedCacheEntryOptions options, System.Threading.CancellationToken token = default) => null!;
        public static System.Threading.Tasks.Task<string?> GetStringAsync(this IDistributedCache cache, string key, System.Threading.CancellationToken token = default) => null!;
    }
}
namespace Microsoft.Extensions.Caching.StackExchangeRedis
{
    public class RedisCacheOptions
    {
        public string? Configuration { get; set; }
        public StackExchange.Redis.ConfigurationOptions? ConfigurationOptions { get; set; }
        public string? InstanceName { get; set; }
    }
}
namespace MassTransit
{
    public interface IPipe<in TContext> where TContext : class { }
    public interface SendContext { }
    public interface PublishContext : SendContext { }
    public interface IPublishObserverConnector { }
    public interface ISendObserverConnector { }
    public interface IPublishEndpoint : IPublishObserverConnector
    {
        System.Threading.Tasks.Task Publish<T>(T message, System.Threading.CancellationToken cancellationToken = default) where T : class;
        System.Threading.Tasks.Task Publish(object message, System.Threading.CancellationToken cancellationToken = default);
    }
    public interface ISendEndpoint : ISendObserverConnector
    {
        System.Threading.Tasks.Task Send<T>(T message, System.Threading.CancellationToken cancellationToken = default) where T : class;
    }
    public interface ISendEndpointProvider : ISendObserverConnector
    {
        System.Threading.Tasks.Task<ISendEndpoint> GetSendEndpoint(System.Uri address);
    }
    public interface IBus : IPublishEndpoint, ISendEndpointProvider { System.Uri Address { get; } }
    public interface IBusControl : IBus { }
    public interface MessageContext { }
    public interface PipeContext { bool HasPayloadType(System.Type payloadType); }
    public interface ConsumeContext : PipeContext, MessageContext, IPublishEndpoint, ISendEndpointProvider
    {
        System.Threading.Tasks.Task RespondAsync<T>(T message) where T : class;
    }
    public interface ConsumeContext<out T> : ConsumeContext where T : class { T Message { get; } }
    public interface IConsumer { }
    public interface IConsumer<in TMessage> : IConsumer where TMessage : class
    {
        System.Threading.Tasks.Task Consume(ConsumeContext<TMessage> context);
    }
    public readonly struct RequestTimeout { }
    public interface Response<out TMessage> where TMessage : class { TMessage Message { get; } }
    public interface IRequestClient<TRequest> where TRequest : class
    {
        System.Threading.Tasks.Task<Response<T>> GetResponse<T>(TRequest message, System.Threading.CancellationToken cancellationToken = default, RequestTimeout timeout = default) where T : class;
    }
    public static class BatchProduceExtensions
    {
        public static System.Threading.Tasks.Task PublishBatch<T>(this IPublishEndpoint endpoint, System.Collections.Generic.IEnumerable<T> messages, System.Threading.CancellationToken cancellationToken = default) where T : class => null!;
    }
    public interface IBusRegistrationContext : System.IServiceProvider { }
    public interface IBusRegistrationConfigurator : Microsoft.Extensions.DependencyInjection.IServiceCollection
    {
        void AddConsumer<T>() where T : class, IConsumer;
    }
    public interface IBusFactoryConfigurator { }
    public interface IInMemoryBusFactoryConfigurator : IBusFactoryConfigurator { }
    public interface IRabbitMqHostConfigurator { void Username(string username); void Password(string password); }
    public interface IRabbitMqBusFactoryConfigurator : IBusFactoryConfigurator { }
    public interface IServiceBusHostConfigurator { }
    public interface IServiceBusBusFactoryConfigurator : IBusFactoryConfigurator { }
    public interface IAmazonSqsHostConfigurator { void AccessKey(string accessKey); void SecretKey(string secretKey); }
    public interface IAmazonSqsBusFactoryConfigurator : IBusFactoryConfigurator { }
    public static class RegistrationContextExtensions
    {
        public static void ConfigureEndpoints(this IBusFactoryConfigurator configurator, IBusRegistrationContext registration) { }
    }
    public static class DependencyInjectionRegistrationExtensions
    {
        public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddMassTransit(this Microsoft.Extensions.DependencyInjection.IServiceCollection collection, System.Action<IBusRegistrationConfigurator>? configure = null) => collection;
    }
    public static class InMemoryConfigurationExtensions
    {
        public static void UsingInMemory(this IBusRegistrationConfigurator configurator, System.Action<IBusRegistrationContext, IInMemoryBusFactoryConfigurator>? configure = null) { }
    }
    public static class RabbitMqBusFactoryConfiguratorExtensions
    {
        public static void UsingRabbitMq(this IBusRegistrationConfigurator configurator, System.Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configure = null) { }
    }
    public static class RabbitMqHostConfigurationExtensions
    {
        public static void Host(this IRabbitMqBusFactoryConfigurator configurator, System.Uri hostAddress, System.Action<IRabbitMqHostConfigurator>? configure = null) { }
        public static void Host(this IRabbitMqBusFactoryConfigurator configurator, string host, System.Action<IRabbitMqHostConfigurator>? configure = null) { }
        public static void Host(this IRabbitMqBusFactoryConfigurator configurator, string host, string virtualHost, System.Action<IRabbitMqHostConfigurator>? configure = null) { }
        public static void Host(this IRabbitMqBusFactoryConfigurator configurator, string host, ushort port, string virtualHost, System.Action<IRabbitMqHostConfigurator>? configure = null) { }
    }
    public class RabbitMqTransportOptions { public string? Host { get; set; } public ushort Port { get; set; } public string? VHost { get; set; } }
    public static class ServiceBusConfigurationExtensions
    {
        public static void UsingAzureServiceBus(this IBusRegistrationConfigurator configurator, System.Action<IBusRegistrationContext, IServiceBusBusFactoryConfigurator>? configure = null) { }
    }
    public static class ServiceBusBusFactoryConfiguratorExtensions
    {
        public static void Host(this IServiceBusBusFactoryConfigurator configurator, System.Uri hostAddress, System.Action<IServiceBusHostConfigurator>? configure = null) { }
        public static void Host(this IServiceBusBusFactoryConfigurator configurator, string connectionString, System.Action<IServiceBusHostConfigurator>? configure = null) { }
    }
    public static class AmazonSqsConfigurationExtensions
    {
        public static void UsingAmazonSqs(this IBusRegistrationConfigurator configurator, System.Action<IBusRegistrationContext, IAmazonSqsBusFactoryConfigurator>? configure = null) { }
    }
    public static class AmazonSqsHostConfigurationExtensions
    {
        public static void Host(this IAmazonSqsBusFactoryConfigurator configurator, System.Uri hostAddress, System.Action<IAmazonSqsHostConfigurator> configure) { }
        public static void Host(this IAmazonSqsBusFactoryConfigurator configurator, string hostName, System.Action<IAmazonSqsHostConfigurator> configure) { }
    }
}
";
    }
}
