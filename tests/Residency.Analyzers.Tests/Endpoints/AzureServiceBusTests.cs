using System.Threading.Tasks;
using Residency.Analyzers.Sinks;
using static Residency.Analyzers.Tests.Endpoints.AzureSdkTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Azure.Messaging.ServiceBus: a sender's SendMessageAsync / SendMessagesAsync / ScheduleMessageAsync(s) are SDK sinks; the
    /// host is the namespace's (<c>{namespace}.servicebus.windows.net</c>), from the client's connection string (its
    /// <c>Endpoint</c>) or its fully qualified namespace (valueFormat <c>connectionStringOrHost</c>), kept by
    /// <c>CreateSender</c>. The namespace's region is not in the host: Unknown (RES003) until residency.json declares it.
    /// Receivers and processors take messages in: no sink.
    /// </summary>
    public class AzureServiceBusTests
    {
        private const string ConnectionString = "Endpoint=sb://acmeorders.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=a2V5";

        private const string Publish = @"
class Orders
{
    private readonly ServiceBusSender _sender = new ServiceBusClient(""" + ConnectionString + @""").CreateSender(""orders"");
    public Task Placed(Customer customer) => {|#0:_sender.SendMessageAsync(new ServiceBusMessage(BinaryData.FromObjectAsJson(customer)))|};
}";

        [Fact]
        public Task AConnectionStringsNamespaceIsUnknownAndTheMessageGivesTheHostsEntry() => VerifyAsync(Publish, null,
            Res003(0, "Customer.Email (contact.email), Customer.Name (name)", "ServiceBusSender.SendMessageAsync", "acmeorders.servicebus.windows.net", "Microsoft (Azure Service Bus)", "Placed"));

        [Fact]
        public Task ANamespaceDeclaredInGermanyIsAllowed() => VerifyAsync(Publish, Declared("acmeorders.servicebus.windows.net", "DE"));

        [Fact]
        public Task ANamespaceDeclaredInTheUsIsRes001() => VerifyAsync(Publish, Declared("acmeorders.servicebus.windows.net", "US"), Res001(0));

        [Theory]
        [InlineData("new ServiceBusClient(\"" + ConnectionString + "\")", "acmeorders.servicebus.windows.net", "connection string: Endpoint", "Microsoft (Azure Service Bus)")]
        [InlineData("new ServiceBusClient(\"acmeorders.servicebus.windows.net\", new Azure.Identity.DefaultAzureCredential())", "acmeorders.servicebus.windows.net", "ServiceBusClient(fullyQualifiedNamespace)", "Microsoft (Azure Service Bus)")]
        [InlineData("new ServiceBusClient(\"sb://acmeorders.servicebus.windows.net/\", new Azure.AzureNamedKeyCredential(\"send\", \"a2V5\"))", "acmeorders.servicebus.windows.net", "ServiceBusClient(fullyQualifiedNamespace)", "Microsoft (Azure Service Bus)")]
        [InlineData("new ServiceBusClient(\"Endpoint=sb://acmegov.servicebus.usgovcloudapi.net/;SharedAccessKeyName=send;SharedAccessKey=a2V5\", new ServiceBusClientOptions())", "acmegov.servicebus.usgovcloudapi.net", "ServiceBusClient(connectionString)", "Microsoft (Azure Government)")]
        public void TheClientsConnectionStringOrNamespaceGivesTheHost(string creation, string host, string how, string recipient)
        {
            var sink = SinkOf(@"
namespace Azure.Identity { public class DefaultAzureCredential : Azure.Core.TokenCredential { } }
class Orders
{
    public Task Placed(string text) => " + creation + @".CreateSender(""orders"").SendMessageAsync(new ServiceBusMessage(text));
}");
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.Equal(host, sink.Host);
            Assert.Equal(recipient, sink.Recipient); // the host's entry names it: Azure Government's for its hosts
            Assert.Contains(how, sink.ResolvedBy);
        }

        [Fact]
        public void TheLocalEmulatorIsInternal()
        {
            var sink = SinkOf(@"
class Orders
{
    public Task Placed(string text) =>
        new ServiceBusClient(""Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;"").CreateSender(""orders"").SendMessageAsync(new ServiceBusMessage(text));
}");
            Assert.True(sink.IsInternal);
            Assert.Equal("localhost", sink.Host);
        }

        [Fact]
        public Task TheLocalEmulatorIsNoTransfer() => VerifyAsync(@"
class Orders
{
    private readonly ServiceBusClient _client = new ServiceBusClient(""Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;"");
    public Task Placed(Customer customer) => _client.CreateSender(""orders"").SendMessageAsync(new ServiceBusMessage(customer.Email));
}", null);

        [Fact]
        public Task TheSenderKeepsItsClientsNamespaceForEverySend() => VerifyAsync(@"
class Orders
{
    private readonly ServiceBusClient _client = new ServiceBusClient(""acmeorders.servicebus.windows.net"", new Azure.AzureNamedKeyCredential(""send"", ""a2V5""));
    public async Task Placed(Customer customer)
    {
        ServiceBusSender sender = _client.CreateSender(""orders"");
        var message = new ServiceBusMessage { Body = BinaryData.FromString(customer.Email), Subject = ""placed"" };
        await {|#0:sender.SendMessageAsync(message)|};
        await {|#1:sender.SendMessagesAsync(new[] { new ServiceBusMessage(customer.Name) })|};
        await {|#2:sender.ScheduleMessageAsync(new ServiceBusMessage(BinaryData.FromObjectAsJson(customer)), DateTimeOffset.UtcNow.AddHours(1))|};
        await {|#3:sender.ScheduleMessagesAsync(new System.Collections.Generic.List<ServiceBusMessage> { new ServiceBusMessage(customer.Email) }, DateTimeOffset.UtcNow)|};
    }
    public async Task Tagged(Customer customer)
    {
        var message = new ServiceBusMessage(""order placed"");
        message.ApplicationProperties[""email""] = customer.Email;
        await {|#4:_client.CreateSender(""audit"").SendMessageAsync(message)|};
    }
    public async Task Batched(Customer customer)
    {
        var sender = _client.CreateSender(""orders"");
        using var batch = await sender.CreateMessageBatchAsync();
        batch.TryAddMessage(new ServiceBusMessage(customer.Email));
        await {|#5:sender.SendMessagesAsync(batch)|};
    }
}", Declared("acmeorders.servicebus.windows.net", "US"), Res001(0), Res001(1), Res001(2), Res001(3), Res001(4), Res001(5));

        [Fact]
        public Task AConnectionStringFromConfigurationIsFollowed() => VerifyAsync(@"
class Orders(IConfiguration configuration)
{
    private readonly ServiceBusClient _client = new ServiceBusClient(configuration[""Bus""]!);
    public Task Placed(Customer customer) => {|#0:_client.CreateSender(""orders"").SendMessageAsync(new ServiceBusMessage(customer.Email))|};
}", Declared("acmeorders.servicebus.windows.net", "US", ("appsettings.json", "{ \"Bus\": \"" + ConnectionString + "\" }")), Res001(0));

        [Fact]
        public Task AnInjectedClientRegisteredWithAConnectionStringFromAppsettingsIsFollowed() => VerifyAsync(@"
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddAzureClients(b => b.AddServiceBusClient(configuration.GetConnectionString(""ServiceBus"")!));
}
class Orders(ServiceBusClient client)
{
    public Task Placed(Customer customer) => {|#0:client.CreateSender(""orders"").SendMessageAsync(new ServiceBusMessage(customer.Email))|};
}", Declared("acmeorders.servicebus.windows.net", "US", ("appsettings.json", "{ \"ConnectionStrings\": { \"ServiceBus\": \"" + ConnectionString + "\" } }")), Res001(0));

        [Fact]
        public Task AnInjectedClientRegisteredWithANamespaceFromAppsettingsIsFollowed() => VerifyAsync(@"
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddAzureClients(b => b.AddServiceBusClientWithNamespace(configuration[""ServiceBus:Namespace""]!));
}
class Orders
{
    private readonly ServiceBusSender _sender;
    public Orders(ServiceBusClient client) => _sender = client.CreateSender(""orders"");
    public Task Placed(Customer customer) => {|#0:_sender.SendMessageAsync(new ServiceBusMessage(customer.Name))|};
}", Declared("acmeorders.servicebus.windows.net", "US", ("appsettings.json", "{ \"ServiceBus\": { \"Namespace\": \"acmeorders.servicebus.windows.net\" } }")), Res001(0));

        [Fact]
        public Task AnInjectedClientRegisteredWithASectionInSwedenIsAllowed() => VerifyAsync(@"
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddAzureClients(b => b.AddServiceBusClient(configuration.GetSection(""ServiceBus"")));
}
class Orders(ServiceBusClient client)
{
    public Task Placed(Customer customer) => client.CreateSender(""orders"").SendMessageAsync(new ServiceBusMessage(customer.Email));
}", Declared("acmeorders.servicebus.windows.net", "SE", ("appsettings.json", "{ \"ServiceBus\": { \"FullyQualifiedNamespace\": \"acmeorders.servicebus.windows.net\" } }")));

        [Fact]
        public Task AnInjectedClientWithoutRegistrationIsUnknown() => VerifyAsync(@"
class Orders(ServiceBusClient client)
{
    public Task Placed(Customer customer) => {|#0:client.CreateSender(""orders"").SendMessageAsync(new ServiceBusMessage(customer.Email))|};
}", null, Res003(0));

        [Fact]
        public Task NonPersonalDataIsNoDiagnostic() => VerifyAsync(@"
class Stock
{
    private readonly ServiceBusClient _client = new ServiceBusClient(""" + ConnectionString + @""");
    public async Task Changed(int count, Customer customer)
    {
        var sender = _client.CreateSender(""stock"");
        await sender.SendMessageAsync(new ServiceBusMessage(BinaryData.FromString(count.ToString())) { MessageId = customer.Id.ToString() });
        var sequence = await sender.ScheduleMessageAsync(new ServiceBusMessage(""restock""), DateTimeOffset.UtcNow);
        await sender.CancelScheduledMessageAsync(sequence);
    }
}", Declared("acmeorders.servicebus.windows.net", "US"));

        [Fact]
        public Task ReceiversAndProcessorsAreNoSinks() => VerifyAsync(@"
class Inbox
{
    private readonly ServiceBusClient _client = new ServiceBusClient(""" + ConnectionString + @""");
    public async Task Drain(Customer customer)
    {
        var receiver = _client.CreateReceiver(""orders"");
        var message = await receiver.ReceiveMessageAsync();
        await receiver.DeadLetterMessageAsync(message, ""rejected"", customer.Email);
        await receiver.CompleteMessageAsync(message);
    }
    public Task Listen(Customer customer)
    {
        var processor = _client.CreateProcessor(""orders"");
        processor.ProcessMessageAsync += args => args.CompleteMessageAsync(args.Message);
        return processor.StartProcessingAsync();
    }
}", Declared("acmeorders.servicebus.windows.net", "US"));

        [Fact]
        public Task ASendIsNoLongerAnUnclassifiedRecipientNorAReceive() => VerifyUnclassifiedAsync(@"
class Orders
{
    private readonly ServiceBusClient _client = new ServiceBusClient(""" + ConnectionString + @""");
    public async Task Placed(Customer customer)
    {
        await _client.CreateSender(""orders"").SendMessageAsync(new ServiceBusMessage(customer.Email));
        var receiver = _client.CreateReceiver(""orders"");
        await receiver.DeadLetterMessageAsync(await receiver.ReceiveMessageAsync(), ""rejected"", customer.Email);
    }
    public void Other(Customer customer) => {|#0:Contoso.Vendor.Archive.Put(customer.Email)|};
}");
    }
}
