using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using Xunit;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Flurl.Http: its request methods (<c>"https://…".PostJsonAsync(body)</c>, <c>GetJsonAsync</c>, …) are HTTP requests to
    /// the URL they are called on, followed back through Flurl's builders to a string, a <c>Url</c> or a client's base URL.
    /// Before the provider every such call was an unclassified recipient (RES008), whatever its host.
    /// </summary>
    public class FlurlTests
    {
        // The shape of Flurl 4.0.0 and Flurl.Http 4.0.2 as published (checked by reflection), with the Microsoft.Extensions
        // types the tests use.
        private const string Stubs = @"
namespace Flurl
{
    public class Url
    {
        public Url(string baseUrl) { }
        public Url(System.Uri uri) { }
        public Url AppendPathSegment(object segment, bool fullyEncode = false) => this;
        public Url SetQueryParam(string name, object value, bool isEncoded = false) => this;
        public static string Combine(params string[] parts) => """";
        public static implicit operator Url(string url) => null!;
    }
    public static class GeneratedExtensions
    {
        public static Url AppendPathSegment(this string url, object segment, bool fullyEncode = false) => null!;
        public static Url AppendPathSegments(this string url, params object[] segments) => null!;
        public static Url SetQueryParam(this string url, string name, object value, bool isEncoded = false) => null!;
    }
}
namespace Flurl.Http
{
    using System.Threading;
    using System.Threading.Tasks;
    public interface IFlurlResponse { Task<T> GetJsonAsync<T>(); Task<string> GetStringAsync(); }
    public interface IFlurlRequest { Url Url { get; set; } Task<IFlurlResponse> SendAsync(System.Net.Http.HttpMethod verb, System.Net.Http.HttpContent? content = null, System.Net.Http.HttpCompletionOption completionOption = default, CancellationToken cancellationToken = default); }
    public interface IFlurlClient { string? BaseUrl { get; set; } IFlurlRequest Request(params object[] urlSegments); }
    public class FlurlClient : IFlurlClient
    {
        public FlurlClient(string? baseUrl = null) { }
        public FlurlClient(System.Net.Http.HttpClient httpClient, string? baseUrl = null) { }
        public string? BaseUrl { get; set; }
        public IFlurlRequest Request(params object[] urlSegments) => null!;
    }
    public static class GeneratedExtensions
    {
        public static Task<IFlurlResponse> PostJsonAsync(this IFlurlRequest request, object body, System.Net.Http.HttpCompletionOption completionOption = default, CancellationToken cancellationToken = default) => null!;
        public static Task<IFlurlResponse> PostJsonAsync(this Url url, object body, System.Net.Http.HttpCompletionOption completionOption = default, CancellationToken cancellationToken = default) => null!;
        public static Task<IFlurlResponse> PostJsonAsync(this string url, object body, System.Net.Http.HttpCompletionOption completionOption = default, CancellationToken cancellationToken = default) => null!;
        public static Task<IFlurlResponse> PostUrlEncodedAsync(this IFlurlRequest request, object body, System.Net.Http.HttpCompletionOption completionOption = default, CancellationToken cancellationToken = default) => null!;
        public static Task<T> GetJsonAsync<T>(this Url url, System.Net.Http.HttpCompletionOption completionOption = default, CancellationToken cancellationToken = default) => null!;
        public static Task<IFlurlResponse> GetAsync(this string url, System.Net.Http.HttpCompletionOption completionOption = default, CancellationToken cancellationToken = default) => null!;
        public static IFlurlRequest WithOAuthBearerToken(this string url, string token) => null!;
        public static IFlurlRequest WithHeader(this Url url, string name, object value) => null!;
    }
}
namespace Flurl.Http.Configuration
{
    public interface IFlurlClientCache
    {
        IFlurlClientCache Add(string name, string? baseUrl = null, System.Action<object>? configure = null);
        Flurl.Http.IFlurlClient Get(string name);
        Flurl.Http.IFlurlClient GetOrAdd(string name, string? baseUrl = null, System.Action<object>? configure = null);
    }
    public class FlurlClientCache : IFlurlClientCache
    {
        public IFlurlClientCache Add(string name, string? baseUrl = null, System.Action<object>? configure = null) => this;
        public Flurl.Http.IFlurlClient Get(string name) => null!;
        public Flurl.Http.IFlurlClient GetOrAdd(string name, string? baseUrl = null, System.Action<object>? configure = null) => null!;
    }
}
namespace Microsoft.Extensions.Configuration
{
    public interface IConfiguration { string? this[string key] { get; set; } }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public interface IServiceCollection { }
    public static class ServiceCollectionServiceExtensions
    {
        public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, System.Func<System.IServiceProvider, TService> implementationFactory) where TService : class => services;
    }
}";

        private static readonly MetadataReference Library = TestReferences.Library("Flurl.Http", Stubs);

        private const string Uses = "using Flurl;\nusing Flurl.Http;\nusing Flurl.Http.Configuration;\nusing Microsoft.Extensions.Configuration;\nusing Microsoft.Extensions.DependencyInjection;\n";

        private static string Posting(string url) => Uses + @"
class Moderation
{
    public async Task Check(Customer c, IConfiguration configuration)
    {
        var url = " + url + @";
        await {|#0:url.PostJsonAsync(new { input = c.Email })|};
    }
}";

        private static Task VerifyAsync(string source, (string, string)[]? files, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync(source, files, null, new[] { Library }, expected);

        [Fact]
        public Task ARequestToAUsApiIsAViolation() => VerifyAsync(Posting("\"https://api.openai.com/v1/moderations\""), null, EndpointTest.Res001(0));

        [Fact]
        public Task ARequestToItsEuHostIsAllowed() => VerifyAsync(Posting("\"https://eu.api.openai.com/v1\".AppendPathSegment(\"moderations\")"), null);

        [Fact]
        public Task ARequestToAHostOutsideTheCatalogueIsUnknown() => VerifyAsync(Posting("\"https://api.crm-vendor.com/v1\""), null, EndpointTest.Res003(0));

        [Fact]
        public Task AHelperSendingToTheUrlItIsGivenGoesWhereEachCallSays() => VerifyAsync(Uses + @"
class Moderation
{
    static Task<IFlurlResponse> Post(string url, object body) => url.AppendPathSegment(""moderations"").PostJsonAsync(body);
    public async Task Check(Customer c)
    {
        await {|#0:Post(""https://api.openai.com/v1"", new { input = c.Email })|};
        await Post(""https://eu.api.openai.com/v1"", new { input = c.Email });
        await {|#1:Post(""https://api.crm-vendor.com/v1"", new { input = c.Email })|};
    }
}", null, EndpointTest.Res001(0), EndpointTest.Res003(1));

        [Theory]
        [InlineData("\"https://api.openai.com/v1/moderations\"", "literal")]
        [InlineData("\"https://api.openai.com/v1\".AppendPathSegment(\"moderations\").SetQueryParam(\"v\", 2)", "literal")]
        [InlineData("\"https://api.openai.com\".AppendPathSegments(\"v1\", \"moderations\").WithHeader(\"X-A\", 1)", "literal")]
        [InlineData("\"https://api.openai.com/v1/moderations\".WithOAuthBearerToken(\"key\")", "literal")]
        [InlineData("new Url(\"https://api.openai.com/v1\").AppendPathSegment(\"moderations\")", "new Url")]
        [InlineData("new Url(Url.Combine(\"https://api.openai.com\", \"v1\", \"moderations\"))", "new Url")]
        [InlineData("configuration[\"OpenAI:Url\"]!.AppendPathSegment(\"moderations\")", "OpenAI:Url")]
        public void TheUrlGivesTheHost(string url, string how)
        {
            var sink = SinkOf(Posting(url), new[] { ("/0/appsettings.json", "{ \"OpenAI\": { \"Url\": \"https://api.openai.com/v1\" } }") });
            Assert.Equal(SinkKind.Http, sink.Kind);
            Assert.Equal("api.openai.com", sink.Host);
            Assert.Equal("US", sink.Region.Code);
            Assert.Contains(how, sink.ResolvedBy);
            Assert.StartsWith("Flurl PostJsonAsync", sink.Display);
        }

        private const string Clients = Uses + @"
static class Startup
{
    public static void Register(IServiceCollection services) =>
        services.AddSingleton<IFlurlClientCache>(sp => new FlurlClientCache().Add(""stripe"", ""https://api.stripe.com""));
}
class Crm(IFlurlClientCache clients)
{
    private readonly IFlurlClient _hubspot = new FlurlClient(""https://api.hubapi.com"");
    public async Task Save(Customer c)
    {
        await {|#0:_hubspot.Request(""crm/v3/objects/contacts"").PostJsonAsync(new { email = c.Email })|};
        await {|#1:clients.Get(""stripe"").Request(""v1/customers"").PostUrlEncodedAsync(new { email = c.Email })|};
        await {|#2:clients.GetOrAdd(""mailgun"", ""https://api.eu.mailgun.net"").Request(""v3/mg.example.com/messages"").PostJsonAsync(new { to = c.Email })|};
    }
}";

        [Fact]
        public async Task AClientsBaseUrlGivesTheHost()
        {
            await VerifyAsync(Clients, null, EndpointTest.Res001(0), EndpointTest.Res001(1));
            var hosts = SinkProbe.Resolve(EndpointTest.Unmarked(Clients), null, null, Library).Where(s => s.Call.Contains("Async(")).Select(s => Assert.Single(s.Sink.Sinks).Host).ToList();
            Assert.Equal(new[] { "api.hubapi.com", "api.stripe.com", "api.eu.mailgun.net" }, hosts);
        }

        [Fact]
        public Task DataInTheQueryIsSent() => VerifyAsync(Uses + @"
class Verifier
{
    public Task<object> Verify(Customer c) => {|#0:""https://api.openai.com/v1/verify"".SetQueryParam(""email"", c.Email).GetJsonAsync<object>()|};
}", null, EndpointTest.Res001(0));

        [Fact]
        public Task ReadingTheResponseIsNotARequest() => VerifyAsync(Uses + @"
class Lookup
{
    public async Task<object> Find(Customer c)
    {
        var response = await ""https://api.crm-vendor.com/v1/ping"".GetAsync();
        var body = await response.GetJsonAsync<object>();
        return c.Email + body;
    }
}", null);

        [Fact]
        public Task ARequestIsNoLongerAnUnclassifiedRecipient() =>
            EndpointTest.VerifyUnclassifiedAsync(EndpointTest.Unmarked(Posting("\"https://api.openai.com/v1/moderations\"")), null, new[] { Library });

        private static SinkInfo SinkOf(string source, (string, string)[]? files = null) =>
            Assert.Single(Assert.Single(SinkProbe.Resolve(EndpointTest.Unmarked(source), files, null, Library), c => c.Call.Contains("PostJsonAsync")).Sink.Sinks);
    }
}
