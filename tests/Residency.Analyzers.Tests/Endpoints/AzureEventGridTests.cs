using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using Xunit;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Azure.Messaging.EventGrid: a publisher client's <c>SendEvent[s][Async]</c> sends its events to the topic, whose endpoint
    /// names the Azure region it was created in (<c>{topic}.{region}-1.eventgrid.azure.net</c>); an injected client is
    /// Microsoft.Extensions.Azure's <c>AddEventGridPublisherClient(endpoint, …)</c> registration's. Before the entry a publish
    /// was an unclassified recipient (RES008).
    /// </summary>
    public class AzureEventGridTests
    {
        // The shape of Azure.Messaging.EventGrid 4.17.0 and Microsoft.Extensions.Azure 1.14.1 as published (checked by reflection).
        private const string Stubs = @"#nullable enable
namespace Azure
{
    public class AzureKeyCredential { public AzureKeyCredential(string key) { } }
    public class Response { }
}
namespace Azure.Messaging
{
    public class CloudEvent { public CloudEvent(string source, string type, object? jsonSerializableData, System.Type? dataSerializationType = null) { } }
}
namespace Azure.Messaging.EventGrid
{
    using System.Threading;
    using System.Threading.Tasks;
    public class EventGridEvent { public EventGridEvent(string subject, string eventType, string dataVersion, object? data, System.Type? dataSerializationType = null) { } }
    public class EventGridPublisherClientOptions { }
    public class EventGridPublisherClient
    {
        protected EventGridPublisherClient() { }
        public EventGridPublisherClient(System.Uri endpoint, Azure.AzureKeyCredential credential) { }
        public EventGridPublisherClient(System.Uri endpoint, Azure.AzureKeyCredential credential, EventGridPublisherClientOptions options) { }
        public virtual Task<Azure.Response> SendEventAsync(EventGridEvent eventGridEvent, CancellationToken cancellationToken = default) => null!;
        public virtual Task<Azure.Response> SendEventAsync(Azure.Messaging.CloudEvent cloudEvent, CancellationToken cancellationToken = default) => null!;
        public virtual Task<Azure.Response> SendEventsAsync(System.Collections.Generic.IEnumerable<EventGridEvent> eventGridEvents, CancellationToken cancellationToken = default) => null!;
    }
}
namespace Microsoft.Extensions.Configuration
{
    public interface IConfiguration { string? this[string key] { get; set; } }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public interface IServiceCollection { }
}
namespace Microsoft.Extensions.Azure
{
    public interface IAzureClientFactoryBuilder { }
    public sealed class AzureClientFactoryBuilder : IAzureClientFactoryBuilder { }
    public interface IAzureClientBuilder<TClient, TOptions> { }
    public static class AzureClientServiceCollectionExtensions
    {
        public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddAzureClients(this Microsoft.Extensions.DependencyInjection.IServiceCollection collection, System.Action<AzureClientFactoryBuilder> configureClients) => collection;
    }
    public static class EventGridPublisherClientBuilderExtensions
    {
        public static IAzureClientBuilder<global::Azure.Messaging.EventGrid.EventGridPublisherClient, global::Azure.Messaging.EventGrid.EventGridPublisherClientOptions> AddEventGridPublisherClient<TBuilder>(this TBuilder builder, System.Uri endpoint, global::Azure.AzureKeyCredential credential) where TBuilder : IAzureClientFactoryBuilder => null!;
    }
}";

        private static readonly MetadataReference Library = TestReferences.Library("Azure.Messaging.EventGrid", Stubs);

        private const string Uses = "using Azure;\nusing Azure.Messaging.EventGrid;\nusing Microsoft.Extensions.Azure;\nusing Microsoft.Extensions.Configuration;\nusing Microsoft.Extensions.DependencyInjection;\n";

        private static string Publisher(string endpoint) => Uses + @"
class Signups
{
    private readonly EventGridPublisherClient _events = new(new Uri(""" + endpoint + @"""), new AzureKeyCredential(""key""));
    public Task Registered(Customer c) => {|#0:_events.SendEventAsync(new EventGridEvent(""signup"", ""Shop.Signup"", ""1.0"", new { c.Email }))|};
}";

        private static Task VerifyAsync(string source, (string, string)[]? files, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync(source, files, null, new[] { Library }, expected);

        [Fact]
        public Task ATopicInTheUsIsAViolation() => VerifyAsync(Publisher("https://signups.eastus-1.eventgrid.azure.net/api/events"), null, EndpointTest.Res001(0));

        [Fact]
        public Task ATopicInWestEuropeIsAllowed() => VerifyAsync(Publisher("https://signups.westeurope-1.eventgrid.azure.net/api/events"), null);

        [Theory]
        [InlineData("https://signups.eastus-1.eventgrid.azure.net/api/events", "US")]
        [InlineData("https://signups.westeurope.eventgrid.azure.net/api/events", "NL")]
        [InlineData("https://signups.germanywestcentral-1.eventgrid.azure.net/api/events", "DE")]
        [InlineData("https://shop.eventgrid.azure.net/api/events", "Unknown")]
        public void TheEndpointNamesTheRegion(string endpoint, string region)
        {
            var sink = SinkOf(Publisher(endpoint));
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.Equal(region, sink.Region.Code);
            Assert.Equal("Microsoft (Azure Event Grid)", sink.Recipient);
        }

        private const string Injected = Uses + @"
static class Startup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddAzureClients(b => b.AddEventGridPublisherClient(new Uri(configuration[""EventGrid:Endpoint""]!), new AzureKeyCredential(""key"")));
}
class Signups(EventGridPublisherClient events)
{
    public Task Registered(Customer c) => {|#0:events.SendEventAsync(new Azure.Messaging.CloudEvent(""/shop"", ""Shop.Signup"", new { c.Email }))|};
}";

        [Fact]
        public async Task AnInjectedClientIsItsRegistrations()
        {
            var files = new[] { ("/0/appsettings.json", "{ \"EventGrid\": { \"Endpoint\": \"https://orders.eastus2-1.eventgrid.azure.net/api/events\" } }") };
            await VerifyAsync(Injected, files, EndpointTest.Res001(0));
            var sink = SinkOf(Injected, files);
            Assert.Equal("orders.eastus2-1.eventgrid.azure.net", sink.Host);
            Assert.Contains("AddEventGridPublisherClient", sink.ResolvedBy);
        }

        /// <summary>
        /// A client another class makes for its own events (in West Europe) is not the injected one, which the compilation
        /// registers (in East US 2): the registration decides, the other creation does not hide it.
        /// </summary>
        [Fact]
        public async Task AClientMadeElsewhereDoesNotHideTheRegistration()
        {
            var source = Injected + @"
class Audit
{
    private readonly EventGridPublisherClient _own = new(new Uri(""https://audit.westeurope-1.eventgrid.azure.net/api/events""), new AzureKeyCredential(""key""));
    public Task Log(string text) => _own.SendEventAsync(new EventGridEvent(""audit"", ""Shop.Audit"", ""1.0"", text));
}";
            var files = new[] { ("/0/appsettings.json", "{ \"EventGrid\": { \"Endpoint\": \"https://orders.eastus2-1.eventgrid.azure.net/api/events\" } }") };
            await VerifyAsync(source, files, EndpointTest.Res001(0));
            var sinks = SinkProbe.Resolve(EndpointTest.Unmarked(source), files, null, Library);
            Assert.Equal("orders.eastus2-1.eventgrid.azure.net", Assert.Single(Assert.Single(sinks, s => s.Call.StartsWith("events.")).Sink.Sinks).Host);
            Assert.Equal("audit.westeurope-1.eventgrid.azure.net", Assert.Single(Assert.Single(sinks, s => s.Call.StartsWith("_own.")).Sink.Sinks).Host);
        }

        [Fact]
        public Task APublishIsNoLongerAnUnclassifiedRecipient() =>
            EndpointTest.VerifyUnclassifiedAsync(EndpointTest.Unmarked(Publisher("https://signups.eastus-1.eventgrid.azure.net/api/events")), null, new[] { Library });

        private static SinkInfo SinkOf(string source, (string, string)[]? files = null) =>
            Assert.Single(Assert.Single(SinkProbe.Resolve(EndpointTest.Unmarked(source), files, null, Library)).Sink.Sinks);
    }
}
