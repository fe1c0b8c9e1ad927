using Microsoft.CodeAnalysis.Testing;
using System.Threading.Tasks;
using Residency.Analyzers.Sinks;
using static Residency.Analyzers.Tests.Endpoints.RedisTests;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// MassTransit 8.x: Publish, Send, GetResponse (and the same calls on a ConsumeContext) send the message to the broker; the
    /// broker's host is the Host call of the transport configured in AddMassTransit (RabbitMQ, Azure Service Bus, Amazon SQS),
    /// and the in-memory transport keeps messages in the process. Consumers are not sinks.
    /// </summary>
    public class MassTransitTests
    {
        private static string Bus(string transport) => @"
static class Startup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddMassTransit(x => { " + transport + @" });
}
public record CustomerRegistered(string Email, string Name);
class Signups
{
    private readonly IPublishEndpoint _publish;
    public Signups(IPublishEndpoint publish) { _publish = publish; }
    public Task Register(Customer c) => {|#0:_publish.Publish(new CustomerRegistered(c.Email, c.Name))|};
}";

        private const string RabbitCloud = "x.UsingRabbitMq((ctx, cfg) => { cfg.Host(\"kyc.rmq.example-broker.com\", \"/\", h => { h.Username(\"u\"); h.Password(\"p\"); }); cfg.ConfigureEndpoints(ctx); });";

        [Fact]
        public Task APublishToABrokerOutsideTheCatalogueIsUnknown() => VerifyAsync(Bus(RabbitCloud), null, EndpointTest.Res003(0));

        [Fact]
        public Task TheBrokersDeclaredRegionDecides() => VerifyAsync(Bus(RabbitCloud), EndpointTest.Declared("kyc.rmq.example-broker.com", "US"), EndpointTest.Res001(0));

        [Theory]
        [InlineData("x.UsingRabbitMq((ctx, cfg) => cfg.Host(\"rabbitmq\", \"/\", h => { }));")]
        [InlineData("x.UsingRabbitMq((ctx, cfg) => cfg.Host(new Uri(\"rabbitmq://localhost/\")));")]
        [InlineData("x.UsingInMemory((ctx, cfg) => cfg.ConfigureEndpoints(ctx));")]
        public async Task AnInternalBrokerOrTheInMemoryTransportIsNoFinding(string transport)
        {
            await VerifyAsync(Bus(transport), null);
            var sink = SinkOf(Bus(transport).Replace("{|#0:", string.Empty).Replace("|}", string.Empty));
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.True(sink.IsInternal);
        }

        [Theory]
        [InlineData("x.UsingRabbitMq((ctx, cfg) => cfg.Host(new Uri(\"rabbitmqs://kyc.rmq.example-broker.com:5671/prod\")));", "kyc.rmq.example-broker.com", null)]
        [InlineData("x.UsingRabbitMq((ctx, cfg) => cfg.Host(\"kyc.rmq.example-broker.com\", 5671, \"/\", h => { }));", "kyc.rmq.example-broker.com", null)]
        [InlineData("x.UsingAzureServiceBus((ctx, cfg) => cfg.Host(\"Endpoint=sb://kycbus.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=a2V5\"));", "kycbus.servicebus.windows.net", "Microsoft (Azure Service Bus, Event Hubs)")]
        [InlineData("x.UsingAzureServiceBus((ctx, cfg) => cfg.Host(configuration.GetConnectionString(\"bus\")));", "kycbus.servicebus.windows.net", null)]
        [InlineData("x.UsingAmazonSqs((ctx, cfg) => cfg.Host(\"eu-west-1\", h => { h.AccessKey(\"a\"); h.SecretKey(\"s\"); }));", "sqs.eu-west-1.amazonaws.com", null)]
        [InlineData("x.UsingAmazonSqs((ctx, cfg) => cfg.Host(new Uri(\"amazonsqs://us-east-1\"), h => { }));", "sqs.us-east-1.amazonaws.com", null)]
        public void TheTransportsHostCallGivesTheBroker(string transport, string host, string? recipient)
        {
            var sink = SinkOf(Bus(transport).Replace("{|#0:", string.Empty).Replace("|}", string.Empty),
                new[] { ("/0/appsettings.json", "{ \"ConnectionStrings\": { \"bus\": \"Endpoint=sb://kycbus.servicebus.windows.net/;SharedAccessKeyName=s;SharedAccessKey=k\" } }") });
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.Equal(host, sink.Host);
            if (recipient is not null)
            {
                Assert.Equal(recipient, sink.Recipient);
            }
        }

        [Fact]
        public void AnSqsRegionIsItsCountry() =>
            Assert.Equal("IE", SinkOf(Bus("x.UsingAmazonSqs((ctx, cfg) => cfg.Host(\"eu-west-1\", h => { }));").Replace("{|#0:", string.Empty).Replace("|}", string.Empty)).Region.Code);

        [Fact]
        public Task SendRequestBatchAndConsumeContextCallsAreSinksConsumersAreNot() => VerifyAsync(@"
static class Startup
{
    public static void Register(IServiceCollection services) =>
        services.AddMassTransit(x => x.UsingRabbitMq((ctx, cfg) => cfg.Host(""kyc.rmq.example-broker.com"", ""/"", h => { })));
}
public record CheckKyc(string Email);
public record KycResult(bool Ok);
public record CustomerRegistered(string Email);
class Kyc : IConsumer<CheckKyc>
{
    private readonly IBus _bus;
    private readonly IRequestClient<CheckKyc> _client;
    public Kyc(IBus bus, IRequestClient<CheckKyc> client) { _bus = bus; _client = client; }
    public async Task Run(Customer c)
    {
        var endpoint = await _bus.GetSendEndpoint(new Uri(""queue:kyc""));
        await {|#0:endpoint.Send(new CheckKyc(c.Email))|};
        await {|#1:_client.GetResponse<KycResult>(new CheckKyc(c.Email))|};
        await {|#2:_bus.PublishBatch(new[] { new CustomerRegistered(c.Email) })|};
        await _bus.Publish(new KycResult(true));
    }
    public Task Consume(ConsumeContext<CheckKyc> context) => Task.CompletedTask;
    public Task Forward(ConsumeContext<CheckKyc> context, Customer c) => {|#3:context.Publish(new CustomerRegistered(c.Email))|};
}", EndpointTest.Declared("kyc.rmq.example-broker.com", "US"), EndpointTest.Res001(0), EndpointTest.Res001(1), EndpointTest.Res001(2), EndpointTest.Res001(3));

        // A consumer's message came from a broker: its members that name personal data are sources ('received message'),
        // read through context.Message in Consume or in any method given the context; an exception's Message is not one,
        // nor a message's member whose name names nothing personal.
        [Fact]
        public Task AConsumedMessagesPersonalMembersAreSources() => VerifyAsync(@"
public record CustomerRegistered(string Email, string Plan);
public class UsCrm { [Residency.DataSink(""US"", Recipient = ""Acme CRM"")] public void Send(string? payload) { } }
class Welcome : IConsumer<CustomerRegistered>
{
    private readonly UsCrm _crm;
    public Welcome(UsCrm crm) { _crm = crm; }
    public Task Consume(ConsumeContext<CustomerRegistered> context)
    {
        {|#0:_crm.Send(context.Message.Email)|};
        _crm.Send(context.Message.Plan);
        var message = context.Message;
        {|#1:Relay.Forward(_crm, message)|};
        return Task.CompletedTask;
    }
}
static class Relay
{
    public static void Forward(UsCrm crm, CustomerRegistered message) => crm.Send(message.Email);
    public static void Log(UsCrm crm, Exception e) => crm.Send(e.Message);
}", null,
            Message(0, "Consume → UsCrm.Send"), Message(1, "Consume → Forward → UsCrm.Send"));

        private static DiagnosticResult Message(int markup, string path) =>
            EndpointTest.Res001(markup).WithArguments("CustomerRegistered.Email (contact.email)", "UsCrm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", path);

        [Fact]
        public void RabbitMqTransportOptionsGiveTheHost()
        {
            var sink = SinkOf(@"
static class Startup
{
    public static void Register(IServiceCollection services) =>
        services.AddMassTransit(x => x.UsingRabbitMq());
    public static void Options(RabbitMqTransportOptions o) { o.Host = ""kyc.rmq.example-broker.com""; }
}
class Signups
{
    public Signups(IPublishEndpoint publish) { Publish = publish; }
    private IPublishEndpoint Publish { get; }
    public Task Register(string email) => Publish.Publish(new { Email = email });
}");
            Assert.Equal("kyc.rmq.example-broker.com", sink.Host);
        }

        // The transport's options bound to a configuration section, as the options of every catalogued SDK can be: the
        // section's Host in appsettings.json is the broker.
        [Theory]
        [InlineData("services.Configure<RabbitMqTransportOptions>(configuration.GetSection(\"RabbitMq\"));")]
        [InlineData("services.AddOptions<RabbitMqTransportOptions>().BindConfiguration(\"RabbitMq\");")]
        [InlineData("services.AddOptions<RabbitMqTransportOptions>().Bind(configuration.GetSection(\"RabbitMq\"));")]
        public async Task RabbitMqTransportOptionsBoundToConfigurationGiveTheHost(string binding)
        {
            var source = @"
static class Startup
{
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        " + binding + @"
        services.AddMassTransit(x => x.UsingRabbitMq());
    }
}
public record CustomerRegistered(string Email, string Name);
class Signups(IPublishEndpoint publish)
{
    public Task Register(Customer c) => {|#0:publish.Publish(new CustomerRegistered(c.Email, c.Name))|};
}";
            var settings = ("/0/appsettings.json", "{ \"RabbitMq\": { \"Host\": \"kyc.rmq.example-broker.com\", \"VHost\": \"/\" } }");
            var sink = SinkOf(source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), new[] { settings });
            Assert.Equal("kyc.rmq.example-broker.com", sink.Host);
            await VerifyAsync(source, new[] { settings, EndpointTest.Declared("kyc.rmq.example-broker.com", "US")[0] }, EndpointTest.Res001(0));
        }

        [Fact]
        public void OptionsBoundToASectionWithoutTheHostGiveNothing()
        {
            var sink = SinkOf(@"
static class Startup
{
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RabbitMqTransportOptions>(configuration.GetSection(""RabbitMq""));
        services.AddMassTransit(x => x.UsingRabbitMq());
    }
}
class Signups(IPublishEndpoint publish)
{
    public Task Register(string email) => publish.Publish(new { Email = email });
}", new[] { ("/0/appsettings.json", "{ \"Other\": { \"Host\": \"kyc.rmq.example-broker.com\" } }") });
            Assert.Null(sink.Host);
        }
    }
}
