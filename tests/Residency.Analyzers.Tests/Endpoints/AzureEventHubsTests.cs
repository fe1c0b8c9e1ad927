using System.Threading.Tasks;
using Residency.Analyzers.Sinks;
using static Residency.Analyzers.Tests.Endpoints.AzureSdkTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Azure.Messaging.EventHubs: a producer's SendAsync (a list of events or an EventDataBatch filled by TryAdd) and the buffered
    /// producer's EnqueueEventAsync / EnqueueEventsAsync are SDK sinks; the host is the namespace's
    /// (<c>{namespace}.servicebus.windows.net</c>, shared with Service Bus: the recipient is Event Hubs'), from the connection
    /// string's <c>Endpoint</c> or the fully qualified namespace. Consumers and processors are no sinks.
    /// </summary>
    public class AzureEventHubsTests
    {
        private const string Namespace = "acmeevents.servicebus.windows.net";
        private const string ConnectionString = "Endpoint=sb://acmeevents.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=a2V5;EntityPath=orders";
        private const string EventHubs = "using Azure.Messaging.EventHubs;\nusing Azure.Messaging.EventHubs.Producer;\n";

        private const string Publish = EventHubs + @"
class Orders
{
    private readonly EventHubProducerClient _producer = new EventHubProducerClient(""" + ConnectionString + @""");
    public Task Placed(Customer customer) => {|#0:_producer.SendAsync(new[] { new EventData(BinaryData.FromObjectAsJson(customer)) })|};
}";

        [Fact]
        public Task ANamespaceIsUnknownAndTheRecipientIsEventHubsNotServiceBus() => VerifyAsync(Publish, null,
            Res003(0, "Customer.Email (contact.email), Customer.Name (name)", "EventHubProducerClient.SendAsync", Namespace, "Microsoft (Azure Event Hubs)", "Placed"));

        [Fact]
        public Task ANamespaceDeclaredInGermanyIsAllowed() => VerifyAsync(Publish, Declared(Namespace, "DE"));

        [Fact]
        public Task ANamespaceDeclaredInTheUsIsRes001() => VerifyAsync(Publish, Declared(Namespace, "US"), Res001(0));

        [Theory]
        [InlineData("new EventHubProducerClient(\"" + ConnectionString + "\")", Namespace, "connection string: Endpoint", "Microsoft (Azure Event Hubs)")]
        [InlineData("new EventHubProducerClient(\"Endpoint=sb://acmeevents.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=a2V5\", \"orders\")", Namespace, "EventHubProducerClient(connectionString)", "Microsoft (Azure Event Hubs)")]
        [InlineData("new EventHubProducerClient(\"acmeevents.servicebus.windows.net\", \"orders\", new Azure.Identity.DefaultAzureCredential())", Namespace, "EventHubProducerClient(fullyQualifiedNamespace)", "Microsoft (Azure Event Hubs)")]
        [InlineData("new EventHubProducerClient(\"Endpoint=sb://acmegov.servicebus.usgovcloudapi.net/;SharedAccessKeyName=send;SharedAccessKey=a2V5\", \"orders\")", "acmegov.servicebus.usgovcloudapi.net", "EventHubProducerClient(connectionString)", "Microsoft (Azure Government)")]
        public void TheClientsConnectionStringOrNamespaceGivesTheHost(string creation, string host, string how, string recipient)
        {
            var sink = SinkOf(EventHubs + @"
namespace Azure.Identity { public class DefaultAzureCredential : Azure.Core.TokenCredential { } }
class Orders
{
    public Task Placed(string text) => " + creation + @".SendAsync(new[] { new EventData(text) });
}");
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.Equal(host, sink.Host);
            Assert.Equal(recipient, sink.Recipient);
            Assert.Contains(how, sink.ResolvedBy);
        }

        [Fact]
        public void AServiceBusSenderOnTheSameHostKeepsItsOwnRecipient()
        {
            var sink = SinkOf(@"
class Orders
{
    public Task Placed(string text) => new ServiceBusClient(""acmeevents.servicebus.windows.net"", new Azure.AzureNamedKeyCredential(""send"", ""a2V5"")).CreateSender(""orders"").SendMessageAsync(new ServiceBusMessage(text));
}");
            Assert.Equal("Microsoft (Azure Service Bus)", sink.Recipient);
        }

        [Fact]
        public void TheLocalEmulatorIsInternal()
        {
            var sink = SinkOf(EventHubs + @"
class Orders
{
    public Task Placed(string text) =>
        new EventHubProducerClient(""Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;"", ""orders"").SendAsync(new[] { new EventData(text) });
}");
            Assert.True(sink.IsInternal);
        }

        [Fact]
        public Task EventsInABatchListOrBufferReachTheirSend() => VerifyAsync(EventHubs + @"
class Orders
{
    private readonly EventHubProducerClient _producer = new EventHubProducerClient(""acmeevents.servicebus.windows.net"", ""orders"", new Azure.AzureNamedKeyCredential(""send"", ""a2V5""));
    private readonly EventHubBufferedProducerClient _buffered = new EventHubBufferedProducerClient(""" + ConnectionString + @""");
    public async Task Batched(Customer customer)
    {
        using EventDataBatch batch = await _producer.CreateBatchAsync();
        batch.TryAdd(new EventData(BinaryData.FromObjectAsJson(customer)));
        await {|#0:_producer.SendAsync(batch)|};
    }
    public async Task BatchedBytes(Customer customer)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(customer);
        var batch = await _producer.CreateBatchAsync(new CreateBatchOptions { PartitionKey = ""eu"" });
        if (!batch.TryAdd(new EventData(System.Text.Encoding.UTF8.GetBytes(json))))
        {
            return;
        }
        await {|#1:_producer.SendAsync(batch)|};
    }
    public async Task Listed(Customer customer)
    {
        var data = new EventData(""placed"");
        data.Properties[""email""] = customer.Email;
        await {|#2:_producer.SendAsync(new System.Collections.Generic.List<EventData> { data }, new SendEventOptions { PartitionKey = ""eu"" })|};
    }
    public async Task Buffered(Customer customer)
    {
        await {|#3:_buffered.EnqueueEventAsync(new EventData(customer.Name))|};
        await {|#4:_buffered.EnqueueEventsAsync(new[] { new EventData(BinaryData.FromString(customer.Email)) })|};
        await _buffered.FlushAsync();
    }
}", Declared(Namespace, "US"), Res001(0), Res001(1), Res001(2), Res001(3), Res001(4));

        [Fact]
        public Task ABatchWithoutPersonalDataIsNoDiagnostic() => VerifyAsync(EventHubs + @"
class Orders
{
    private readonly EventHubProducerClient _producer = new EventHubProducerClient(""" + ConnectionString + @""");
    public async Task Counted(Customer customer, int count)
    {
        using var batch = await _producer.CreateBatchAsync();
        batch.TryAdd(new EventData(BinaryData.FromString(count.ToString())) { MessageId = customer.Id.ToString() });
        await _producer.SendAsync(batch);
        var partitions = await _producer.GetPartitionIdsAsync();
    }
}", Declared(Namespace, "US"));

        [Fact]
        public Task ConsumersAndProcessorsAreNoSinks() => VerifyAsync(EventHubs + @"
using Azure.Messaging.EventHubs.Consumer;
class Inbox
{
    public async Task Drain(Customer customer)
    {
        await using var consumer = new EventHubConsumerClient(EventHubConsumerClient.DefaultConsumerGroupName, """ + ConnectionString + @""", ""orders"");
        await foreach (var received in consumer.ReadEventsAsync())
        {
            break;
        }
    }
}", Declared(Namespace, "US"));

        [Fact]
        public Task AnInjectedProducerRegisteredWithMicrosoftExtensionsAzureIsFollowed() => VerifyAsync(EventHubs + @"
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddAzureClients(b => b.AddEventHubProducerClient(configuration.GetConnectionString(""Events"")!, ""orders""));
}
class Orders(EventHubProducerClient producer)
{
    public Task Placed(Customer customer) => {|#0:producer.SendAsync(new[] { new EventData(customer.Email) })|};
}", Declared(Namespace, "US", ("appsettings.json", "{ \"ConnectionStrings\": { \"Events\": \"" + ConnectionString + "\" } }")), Res001(0));

        [Fact]
        public Task AnInjectedProducerRegisteredWithANamespaceIsFollowed() => VerifyAsync(EventHubs + @"
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddAzureClients(b => b.AddEventHubProducerClientWithNamespace(configuration[""Events:Namespace""]!, ""orders""));
}
class Orders(EventHubProducerClient producer)
{
    public Task Placed(Customer customer) => {|#0:producer.SendAsync(new[] { new EventData(customer.Email) })|};
}", Declared(Namespace, "US", ("appsettings.json", "{ \"Events\": { \"Namespace\": \"" + Namespace + "\" } }")), Res001(0));

        [Fact]
        public Task AnInjectedProducerWithoutRegistrationIsUnknown() => VerifyAsync(EventHubs + @"
class Orders(EventHubProducerClient producer)
{
    public Task Placed(Customer customer) => {|#0:producer.SendAsync(new[] { new EventData(customer.Email) })|};
}", null, Res003(0));
    }
}
