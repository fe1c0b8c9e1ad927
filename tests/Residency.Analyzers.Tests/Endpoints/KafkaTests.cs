using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using Xunit;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Confluent.Kafka: <c>IProducer&lt;TKey, TValue&gt;.Produce</c>/<c>ProduceAsync</c> send the message to the cluster; the
    /// cluster is the <c>BootstrapServers</c> of the compilation's client configurations (<c>ProducerConfig</c> and the other
    /// <c>ClientConfig</c> types), assigned in code or bound to a configuration section. Before the entry such a producer
    /// was an unclassified recipient (RES008), whatever its cluster.
    /// </summary>
    public class KafkaTests
    {
        // The shape of Confluent.Kafka 2.x's API, as a referenced assembly (metadata only, as the package is).
        private const string KafkaStubs = @"
namespace Confluent.Kafka
{
    public class Config : System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, string>>
    {
        public System.Collections.Generic.IEnumerator<System.Collections.Generic.KeyValuePair<string, string>> GetEnumerator() => null!;
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
    public class ClientConfig : Config { public string? BootstrapServers { get; set; } public string? SaslUsername { get; set; } }
    public class ProducerConfig : ClientConfig { public bool? EnableIdempotence { get; set; } }
    public class ConsumerConfig : ClientConfig { public string? GroupId { get; set; } }
    public class Message<TKey, TValue> { public TKey Key { get; set; } = default!; public TValue Value { get; set; } = default!; }
    public class DeliveryResult<TKey, TValue> { }
    public class DeliveryReport<TKey, TValue> : DeliveryResult<TKey, TValue> { }
    public interface IClient : System.IDisposable { string Name { get; } int AddBrokers(string brokers); void SetSaslCredentials(string username, string password); }
    public interface IProducer<TKey, TValue> : IClient
    {
        System.Threading.Tasks.Task<DeliveryResult<TKey, TValue>> ProduceAsync(string topic, Message<TKey, TValue> message, System.Threading.CancellationToken cancellationToken = default);
        void Produce(string topic, Message<TKey, TValue> message, System.Action<DeliveryReport<TKey, TValue>>? deliveryHandler = null);
        int Poll(System.TimeSpan timeout);
        int Flush(System.TimeSpan timeout);
        void InitTransactions(System.TimeSpan timeout);
        void BeginTransaction();
        void CommitTransaction();
        void AbortTransaction();
    }
    public class ProducerBuilder<TKey, TValue>
    {
        public ProducerBuilder(System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, string>> config) { }
        public IProducer<TKey, TValue> Build() => null!;
    }
}";

        private static readonly MetadataReference Library = TestReferences.Library("Confluent.Kafka", KafkaStubs);

        private const string Uses = "using Confluent.Kafka;\nusing Microsoft.Extensions.Configuration;\nusing Microsoft.Extensions.DependencyInjection;\n";

        private static string Producer(string config) => Uses + @"
public static class Events
{
    public static IProducer<string, string> Create(IConfiguration configuration)
    {
        " + config + @"
        return new ProducerBuilder<string, string>(new ProducerConfig()).Build();
    }
}
class Signups(IProducer<string, string> producer)
{
    public Task Registered(Customer c) => {|#0:producer.ProduceAsync(""signups"", new Message<string, string> { Key = c.Id.ToString(), Value = c.Email })|};
    public void Flush() => producer.Flush(TimeSpan.FromSeconds(5));
}" + EndpointTest.ExtensionsStubs;

        private const string Cloud = "var config = new ProducerConfig { BootstrapServers = \"b1.kafka.example-cloud.com:9092,b2.kafka.example-cloud.com:9092\" };";

        [Fact]
        public Task AProduceToAClusterOutsideTheCatalogueIsUnknown() =>
            EndpointTest.VerifyAsync(Producer(Cloud), null, null, new[] { Library }, EndpointTest.Res003(0));

        [Fact]
        public Task TheClustersDeclaredRegionDecides() =>
            EndpointTest.VerifyAsync(Producer(Cloud), EndpointTest.Declared("*.kafka.example-cloud.com", "US"), null, new[] { Library }, EndpointTest.Res001(0));

        [Fact]
        public Task AClusterInTheEeaIsAllowed() =>
            EndpointTest.VerifyAsync(Producer(Cloud), EndpointTest.Declared("*.kafka.example-cloud.com", "DE"), null, new[] { Library });

        [Theory]
        [InlineData("var config = new ProducerConfig { BootstrapServers = \"kafka:9092\" };")]
        [InlineData("var config = new ProducerConfig { BootstrapServers = \"localhost:9092,127.0.0.1:9093\" };")]
        public async Task ALocalClusterIsNoFinding(string config)
        {
            await EndpointTest.VerifyAsync(Producer(config), null, null, new[] { Library });
            var sink = SinkOf(Producer(config));
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.True(sink.IsInternal);
        }

        [Theory]
        [InlineData("var config = new ProducerConfig(); config.BootstrapServers = configuration[\"Kafka:BootstrapServers\"];", "{ \"Kafka\": { \"BootstrapServers\": \"b1.kafka.example-cloud.com:9092\" } }")]
        [InlineData("services.Configure<ProducerConfig>(configuration.GetSection(\"Kafka\"));", "{ \"Kafka\": { \"BootstrapServers\": \"b1.kafka.example-cloud.com:9092\" } }")]
        [InlineData("services.AddOptions<ProducerConfig>().BindConfiguration(\"Kafka:Producer\");", "{ \"Kafka\": { \"Producer\": { \"BootstrapServers\": \"b1.kafka.example-cloud.com:9092\" } } }")]
        public void TheBootstrapServersComeFromConfiguration(string config, string settings)
        {
            var source = Producer("IServiceCollection services = null!; " + config);
            var sink = SinkOf(source, new[] { ("/0/appsettings.json", settings) });
            Assert.Equal("b1.kafka.example-cloud.com", sink.Host);
        }

        private static SinkInfo SinkOf(string source, (string, string)[]? files = null) =>
            Assert.Single(Assert.Single(SinkProbe.Resolve(source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), files, null, Library)).Sink.Sinks);
    }
}
