using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using Xunit;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// RabbitMQ.Client: a channel's <c>BasicPublishAsync</c> (7.x) or a model's <c>BasicPublish</c> (6.x) sends the body and
    /// routing key to the broker of the connection the channel was made on: the <c>HostName</c> or <c>Uri</c> of the
    /// <c>ConnectionFactory</c> whose <c>CreateConnectionAsync</c> made it, or, for an injected connection, .NET Aspire's
    /// <c>AddRabbitMQClient</c> and the factories the compilation configures. Before the entry every publish was an
    /// unclassified recipient (RES008).
    /// </summary>
    public class RabbitMqTests
    {
        // The shape of RabbitMQ.Client 7.2.2 (IChannel) and 6.8.1 (IModel) as published, with Aspire.RabbitMQ.Client 13.6.5's
        // registration: the real namespaces, type, method and parameter names (checked by reflection over the packages).
        private const string Stubs = @"
namespace RabbitMQ.Client
{
    using System;
    using System.Collections.Generic;
    using System.Threading;
    using System.Threading.Tasks;
    public interface IConnectionFactory
    {
        Uri Uri { get; set; }
        string UserName { get; set; }
        Task<IConnection> CreateConnectionAsync(CancellationToken cancellationToken = default);
        Task<IConnection> CreateConnectionAsync(IEnumerable<string> hostnames, CancellationToken cancellationToken = default);
        IConnection CreateConnection();
    }
    public sealed class ConnectionFactory : IConnectionFactory
    {
        public string HostName { get; set; } = ""localhost"";
        public int Port { get; set; }
        public string VirtualHost { get; set; } = ""/"";
        public Uri Uri { get; set; } = null!;
        public string UserName { get; set; } = """";
        public string Password { get; set; } = """";
        public Task<IConnection> CreateConnectionAsync(CancellationToken cancellationToken = default) => null!;
        public Task<IConnection> CreateConnectionAsync(IEnumerable<string> hostnames, CancellationToken cancellationToken = default) => null!;
        public Task<IConnection> CreateConnectionAsync(IEnumerable<AmqpTcpEndpoint> endpoints, CancellationToken cancellationToken = default) => null!;
        public IConnection CreateConnection() => null!;
        public AmqpTcpEndpoint Endpoint { get; set; } = new AmqpTcpEndpoint();
    }
    public class AmqpTcpEndpoint
    {
        public AmqpTcpEndpoint() { }
        public AmqpTcpEndpoint(string hostName, int portOrMinusOne = -1) { }
        public AmqpTcpEndpoint(Uri uri) { }
        public string HostName { get; set; } = ""localhost"";
    }
    public interface IConnection : IDisposable, IAsyncDisposable
    {
        bool IsOpen { get; }
        Task<IChannel> CreateChannelAsync(CreateChannelOptions? options = null, CancellationToken cancellationToken = default);
        IModel CreateModel();
        Task UpdateSecretAsync(string newSecret, string reason, CancellationToken cancellationToken = default);
    }
    public sealed class CreateChannelOptions { }
    public interface IReadOnlyBasicProperties { }
    public interface IAmqpHeader { }
    public class BasicProperties : IReadOnlyBasicProperties, IAmqpHeader { public string? ContentType { get; set; } public DeliveryModes DeliveryMode { get; set; } }
    public enum DeliveryModes : byte { Transient = 1, Persistent = 2 }
    public interface IChannel : IDisposable, IAsyncDisposable
    {
        ValueTask BasicPublishAsync<TProperties>(string exchange, string routingKey, bool mandatory, TProperties basicProperties, ReadOnlyMemory<byte> body = default, CancellationToken cancellationToken = default) where TProperties : IReadOnlyBasicProperties, IAmqpHeader;
        ValueTask BasicAckAsync(ulong deliveryTag, bool multiple, CancellationToken cancellationToken = default);
        ValueTask BasicQosAsync(uint prefetchSize, ushort prefetchCount, bool global, CancellationToken cancellationToken = default);
        Task<QueueDeclareOk> QueueDeclareAsync(string queue = """", bool durable = false, bool exclusive = true, bool autoDelete = true, IDictionary<string, object?>? arguments = null, bool passive = false, bool noWait = false, CancellationToken cancellationToken = default);
        Task CloseAsync(ushort replyCode, string replyText, bool abort, CancellationToken cancellationToken = default);
    }
    public sealed class QueueDeclareOk { }
    public static class IChannelExtensions
    {
        public static ValueTask BasicPublishAsync(this IChannel channel, string exchange, string routingKey, ReadOnlyMemory<byte> body = default, CancellationToken cancellationToken = default) => default;
        public static Task CloseAsync(this IChannel channel, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
    public interface IBasicProperties { string ContentType { get; set; } }
    public interface IModel : IDisposable
    {
        IBasicProperties CreateBasicProperties();
        void BasicPublish(string exchange, string routingKey, bool mandatory, IBasicProperties basicProperties, ReadOnlyMemory<byte> body);
        void BasicAck(ulong deliveryTag, bool multiple);
        void ConfirmSelect();
    }
    public static class IModelExensions
    {
        public static void BasicPublish(this IModel model, string exchange, string routingKey, IBasicProperties? basicProperties, ReadOnlyMemory<byte> body) { }
    }
}
namespace Microsoft.Extensions.Hosting
{
    public interface IHostApplicationBuilder { }
    public static class AspireRabbitMQExtensions
    {
        public static void AddRabbitMQClient(this IHostApplicationBuilder builder, string connectionName, System.Action<object>? configureSettings = null, System.Action<RabbitMQ.Client.ConnectionFactory>? configureConnectionFactory = null) { }
        public static void AddKeyedRabbitMQClient(this IHostApplicationBuilder builder, string name, System.Action<object>? configureSettings = null, System.Action<RabbitMQ.Client.ConnectionFactory>? configureConnectionFactory = null) { }
    }
}";

        private static readonly MetadataReference Library = TestReferences.Library("RabbitMQ.Client", Stubs);

        private const string Uses = "using System.Text;\nusing System.Text.Json;\nusing RabbitMQ.Client;\nusing Microsoft.Extensions.Hosting;\n";

        private const string CloudHost = "hawk.rmq.cloudamqp.com";

        /// <summary>A publish on a channel made from a factory in the same method (the tutorials' shape).</summary>
        private static string Publisher(string factory) => Uses + @"
class Signups
{
    public async Task Registered(Customer c)
    {
        var factory = " + factory + @";
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue: ""signups"", durable: true, exclusive: false, autoDelete: false);
        await {|#0:channel.BasicPublishAsync(exchange: string.Empty, routingKey: ""signups"", body: Encoding.UTF8.GetBytes(c.Email))|};
        await channel.BasicAckAsync(1, false);
    }
}";

        [Fact]
        public Task AHostedBrokerIsUnknownUntilDeclared() =>
            EndpointTest.VerifyAsync(Publisher("new ConnectionFactory { Uri = new Uri(\"amqps://app:secret@" + CloudHost + "/crm\") }"), null, null, new[] { Library }, EndpointTest.Res003(0));

        [Fact]
        public Task TheBrokersDeclaredRegionDecides() =>
            EndpointTest.VerifyAsync(Publisher("new ConnectionFactory { HostName = \"" + CloudHost + "\" }"), EndpointTest.Declared(CloudHost, "US"), null, new[] { Library }, EndpointTest.Res001(0));

        [Fact]
        public Task ABrokerDeclaredInTheEeaIsAllowed() =>
            EndpointTest.VerifyAsync(Publisher("new ConnectionFactory { HostName = \"" + CloudHost + "\" }"), EndpointTest.Declared(CloudHost, "SE"), null, new[] { Library });

        [Theory]
        [InlineData("new ConnectionFactory { HostName = \"localhost\" }", "localhost")]
        [InlineData("new ConnectionFactory { HostName = \"rabbitmq\", UserName = \"guest\", Password = \"guest\" }", "rabbitmq")]
        [InlineData("new ConnectionFactory { Uri = new Uri(\"amqp://guest:guest@rabbitmq:5672/\") }", "rabbitmq")]
        public async Task ALocalOrContainerBrokerIsNoFinding(string factory, string host)
        {
            await EndpointTest.VerifyAsync(Publisher(factory), null, null, new[] { Library });
            var sink = SinkOf(Publisher(factory));
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.True(sink.IsInternal);
            Assert.Equal(host, sink.Host);
        }

        [Fact]
        public void AmazonMqNamesItsRegion()
        {
            var sink = SinkOf(Publisher("new ConnectionFactory { Uri = new Uri(\"amqps://app:secret@b-6a1f0c2e-1b2c-4d5e-8f90-1234567890ab.mq.eu-west-1.amazonaws.com:5671\") }"));
            Assert.Equal("IE", sink.Region.Code);
            Assert.Contains("ConnectionFactory.Uri", sink.ResolvedBy);
        }

        [Fact]
        public void AHostNameSetOnTheFactoryVariableGivesTheBroker()
        {
            var sink = SinkOf(Publisher("new ConnectionFactory(); factory.HostName = \"" + CloudHost + "\"; factory.Port = 5671"));
            Assert.Equal(CloudHost, sink.Host);
        }

        [Fact]
        public void AHostNameFromConfigurationGivesTheBroker()
        {
            var source = Publisher("new ConnectionFactory { HostName = configuration[\"RabbitMQ:Host\"]! }")
                .Replace("public async Task Registered(Customer c)", "public async Task Registered(Customer c, Microsoft.Extensions.Configuration.IConfiguration configuration)") + EndpointTest.ExtensionsStubs;
            var sink = SinkOf(source, new[] { ("/0/appsettings.json", "{ \"RabbitMQ\": { \"Host\": \"" + CloudHost + "\" } }") });
            Assert.Equal(CloudHost, sink.Host);
        }

        /// <summary>
        /// eShop's event bus: the connection is Aspire's (<c>AddRabbitMQClient("eventbus")</c>), taken from the container into a
        /// field, and the channel made with a null-conditional call; a factory another class configures for its own connection
        /// does not describe it.
        /// </summary>
        private const string EventBus = @"
static class Startup { public static void Register(IHostApplicationBuilder builder) => builder.AddRabbitMQClient(""eventbus""); }
public sealed class RabbitMQEventBus
{
    private IConnection? _connection;
    public RabbitMQEventBus(IConnection connection) { _connection = connection; }
    public async Task PublishAsync(Customer c)
    {
        using var channel = await (_connection?.CreateChannelAsync() ?? throw new InvalidOperationException(""not open""));
        var properties = new BasicProperties { DeliveryMode = DeliveryModes.Persistent };
        await {|#0:channel.BasicPublishAsync(""crm_event_bus"", ""CustomerRegistered"", true, properties, JsonSerializer.SerializeToUtf8Bytes(c))|};
    }
}
class Diagnostics
{
    public async Task Ping()
    {
        var factory = new ConnectionFactory { HostName = ""rabbitmq"" };
        using var connection = await factory.CreateConnectionAsync();
    }
}";

        [Fact]
        public async Task AspiresConnectionIsTheInjectedOnes()
        {
            var files = new[] { ("/0/appsettings.json", "{ \"ConnectionStrings\": { \"eventbus\": \"amqps://app:secret@b-1234abcd.mq.us-east-1.amazonaws.com:5671\" } }") };
            await EndpointTest.VerifyAsync(Uses + EventBus, files, null, new[] { Library }, EndpointTest.Res001(0));
            var sink = SinkOf(Uses + EventBus, files);
            Assert.Equal("b-1234abcd.mq.us-east-1.amazonaws.com", sink.Host);
            Assert.Contains("AddRabbitMQClient(\"eventbus\")", sink.ResolvedBy);
        }

        [Fact]
        public void AnInjectedConnectionWithoutARegistrationInSightIsUnknown()
        {
            var sink = SinkOf(Uses + EventBus.Replace("builder.AddRabbitMQClient(\"eventbus\")", "System.Console.WriteLine()"));
            Assert.Null(sink.Host);
            Assert.Equal("Unknown", sink.Region.Code);
        }

        [Fact]
        public Task Version6ModelsPublishToTheirConnectionsBroker() => EndpointTest.VerifyAsync(Uses + @"
class Signups
{
    private readonly IConnection _connection = new ConnectionFactory { HostName = """ + CloudHost + @""" }.CreateConnection();
    public void Registered(Customer c)
    {
        using var model = _connection.CreateModel();
        model.ConfirmSelect();
        var properties = model.CreateBasicProperties();
        properties.ContentType = ""text/plain"";
        {|#0:model.BasicPublish(""crm"", ""signups"", properties, Encoding.UTF8.GetBytes(c.Name))|};
        model.BasicAck(1, false);
    }
}", EndpointTest.Declared(CloudHost, "US"), null, new[] { Library }, EndpointTest.Res001(0));

        [Fact]
        public Task APublishIsNoLongerAnUnclassifiedRecipient() =>
            EndpointTest.VerifyUnclassifiedAsync(EndpointTest.Unmarked(Publisher("new ConnectionFactory { HostName = \"" + CloudHost + "\" }")), null, new[] { Library });

        /// <summary>The sink of the publish (the queue's declaration is a sink of the same broker too).</summary>
        /// <summary>A connection made for a list of brokers goes to those brokers, not to the factory's host.</summary>
        private static string Cluster(string brokers) => Uses + @"
class Signups
{
    public async Task Registered(Customer c)
    {
        var factory = new ConnectionFactory { HostName = ""rabbitmq"", UserName = ""app"" };
        var brokers = " + brokers + @";
        await using var connection = await factory.CreateConnectionAsync(brokers);
        await using var channel = await connection.CreateChannelAsync();
        await {|#0:channel.BasicPublishAsync(string.Empty, ""signups"", Encoding.UTF8.GetBytes(c.Email))|};
    }
}";

        [Theory]
        [InlineData("new[] { \"b-1.mq.us-east-1.amazonaws.com\", \"b-2.mq.us-east-1.amazonaws.com\" }", "CreateConnectionAsync(hostnames)")]
        [InlineData("new List<string> { \"b-1.mq.us-east-1.amazonaws.com\" }", "CreateConnectionAsync(hostnames)")]
        [InlineData("new[] { new AmqpTcpEndpoint(\"b-1.mq.us-east-1.amazonaws.com\", 5671), new AmqpTcpEndpoint(new Uri(\"amqps://b-2.mq.us-east-1.amazonaws.com:5671\")) }", "AmqpTcpEndpoint(")]
        public async Task AListOfBrokersIsWhereTheConnectionGoes(string brokers, string how)
        {
            // Before, the connection took the factory's HostName ("rabbitmq", a container: internal) and reported nothing.
            var source = Cluster(brokers).Replace("using System.Text;", "using System.Text;\nusing System.Collections.Generic;");
            await EndpointTest.VerifyAsync(source, null, null, new[] { Library }, EndpointTest.Res001(0));
            var sinks = Assert.Single(SinkProbe.Resolve(EndpointTest.Unmarked(source), null, null, Library), c => c.Call.Contains("BasicPublish")).Sink.Sinks;
            Assert.All(sinks, s => Assert.Equal("US", s.Region.Code));
            Assert.All(sinks, s => Assert.Contains(how, s.ResolvedBy));
            Assert.DoesNotContain(sinks, s => s.Host == "rabbitmq");
        }

        [Theory]
        [InlineData("new ConnectionFactory { Endpoint = new AmqpTcpEndpoint(\"b-1.mq.eu-west-1.amazonaws.com\", 5671) }")]
        [InlineData("new ConnectionFactory(); factory.Endpoint = new AmqpTcpEndpoint(new Uri(\"amqps://b-1.mq.eu-west-1.amazonaws.com:5671\"))")]
        public void AFactorysEndpointGivesTheBroker(string factory)
        {
            var sink = SinkOf(Publisher(factory));
            Assert.Equal("b-1.mq.eu-west-1.amazonaws.com", sink.Host);
            Assert.Equal("IE", sink.Region.Code);
        }

        private static SinkInfo SinkOf(string source, (string, string)[]? files = null) =>
            Assert.Single(Assert.Single(SinkProbe.Resolve(EndpointTest.Unmarked(source), files, null, Library), c => c.Call.Contains("BasicPublish")).Sink.Sinks);
    }
}
