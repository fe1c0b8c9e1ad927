using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using Xunit;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// RestSharp: <c>IRestClient.ExecuteAsync</c> and the extension methods over it (<c>PostJsonAsync</c>, <c>ExecutePostAsync</c>,
    /// …) send the request, with what <c>AddJsonBody</c>/<c>AddQueryParameter</c> put in it, to the client's base URL: the
    /// <c>RestClient</c>'s constructor or its <c>RestClientOptions</c>; an injected <c>IRestClient</c> takes the clients the
    /// compilation registers. Before the entry every call was an unclassified recipient (RES008).
    /// </summary>
    public class RestSharpTests
    {
        // The shape of RestSharp 114.1.0 as published (checked by reflection), with the Microsoft.Extensions types the tests use.
        private const string Stubs = @"
namespace RestSharp
{
    using System;
    using System.Threading;
    using System.Threading.Tasks;
    public enum Method { Get, Post, Put, Delete }
    public class RestResponse { public string? Content { get; set; } }
    public class RestRequest
    {
        public RestRequest() { }
        public RestRequest(string? resource, Method method = Method.Get) { }
        public RestRequest(Uri resource, Method method = Method.Get) { }
        public string Resource { get; set; } = """";
        public Method Method { get; set; }
    }
    public delegate void ConfigureRestClient(RestClientOptions options);
    public class RestClientOptions
    {
        public RestClientOptions() { }
        public RestClientOptions(string baseUrl) { }
        public RestClientOptions(Uri baseUrl) { }
        public Uri? BaseUrl { get; set; }
        public TimeSpan? Timeout { get; set; }
    }
    public interface IRestClient : IDisposable
    {
        Task<RestResponse> ExecuteAsync(RestRequest request, CancellationToken cancellationToken = default);
    }
    public class RestClient : IRestClient
    {
        public RestClient(RestClientOptions options) { }
        public RestClient(Uri baseUrl) { }
        public RestClient(string baseUrl) { }
        public RestClient(ConfigureRestClient? configureRestClient = null) { }
        public RestClient(System.Net.Http.HttpClient httpClient, RestClientOptions? options, bool disposeHttpClient = false) { }
        public RestClient(System.Net.Http.HttpClient httpClient, bool disposeHttpClient = false, ConfigureRestClient? configureRestClient = null) { }
        public Task<RestResponse> ExecuteAsync(RestRequest request, CancellationToken cancellationToken = default) => null!;
        public void Dispose() { }
    }
    public static class RestRequestExtensions
    {
        public static RestRequest AddJsonBody<T>(this RestRequest request, T obj) where T : class => request;
        public static RestRequest AddQueryParameter(this RestRequest request, string name, string? value, bool encode = true) => request;
    }
    public static class RestClientExtensions
    {
        public static Task<System.Net.HttpStatusCode> PostJsonAsync<TRequest>(this IRestClient client, string resource, TRequest request, CancellationToken cancellationToken = default) where TRequest : class => null!;
        public static Task<RestResponse> ExecutePostAsync(this IRestClient client, RestRequest request, CancellationToken cancellationToken = default) => null!;
        public static IRestClient AddDefaultHeader(this IRestClient client, string name, string value) => client;
    }
}
namespace Microsoft.Extensions.Configuration
{
    public interface IConfiguration { string? this[string key] { get; set; } }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public interface IServiceCollection { }
    public interface IHttpClientBuilder { }
    public static class HttpClientFactoryServiceCollectionExtensions
    {
        public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services, System.Action<System.Net.Http.HttpClient> configureClient) where TClient : class => null!;
    }
    public static class ServiceCollectionServiceExtensions
    {
        public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, TService implementationInstance) where TService : class => services;
        public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, System.Func<System.IServiceProvider, TService> implementationFactory) where TService : class => services;
    }
}";

        private static readonly MetadataReference Library = TestReferences.Library("RestSharp", Stubs);

        private const string Uses = "using RestSharp;\nusing Microsoft.Extensions.Configuration;\nusing Microsoft.Extensions.DependencyInjection;\n";

        private static string Direct(string client) => Uses + @"
class Moderation
{
    public async Task Check(Customer c, IConfiguration configuration)
    {
        var client = " + client + @";
        var request = new RestRequest(""moderations"", Method.Post).AddJsonBody(new { input = c.Email });
        var response = await {|#0:client.ExecuteAsync(request)|};
    }
}";

        private static Task VerifyAsync(string source, (string, string)[]? files, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync(source, files, null, new[] { Library }, expected);

        [Fact]
        public Task ARequestToAUsApiIsAViolation() => VerifyAsync(Direct("new RestClient(\"https://api.openai.com/v1\")"), null, EndpointTest.Res001(0));

        [Fact]
        public Task ARequestToItsEuHostIsAllowed() => VerifyAsync(Direct("new RestClient(new RestClientOptions(\"https://eu.api.openai.com/v1\"))"), null);

        [Theory]
        [InlineData("new RestClient(\"https://api.openai.com/v1\")", "RestClient(baseUrl)")]
        [InlineData("new RestClient(new Uri(\"https://api.openai.com/v1\"))", "RestClient(baseUrl)")]
        [InlineData("new RestClient(new RestClientOptions(\"https://api.openai.com/v1\") { Timeout = TimeSpan.FromSeconds(5) })", "RestClientOptions(baseUrl)")]
        [InlineData("new RestClient(new RestClientOptions { BaseUrl = new Uri(configuration[\"OpenAI:Url\"]!) })", "RestClientOptions.BaseUrl")]
        public void TheClientGivesTheHost(string client, string how)
        {
            var sink = SinkOf(Direct(client), new[] { ("/0/appsettings.json", "{ \"OpenAI\": { \"Url\": \"https://api.openai.com/v1\" } }") });
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.Equal("api.openai.com", sink.Host);
            Assert.Equal("US", sink.Region.Code);
            Assert.Contains(how, sink.ResolvedBy);
        }

        /// <summary>An injected client: the one the compilation registers, not the one another method makes for its own calls.</summary>
        private const string Injected = Uses + @"
static class Startup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<IRestClient>(sp => new RestClient(new RestClientOptions(configuration[""Crm:Url""]!)));
}
class Contacts(IRestClient crm)
{
    public async Task Save(Customer c)
    {
        await {|#0:crm.PostJsonAsync(""crm/v3/objects/contacts"", new { email = c.Email })|};
        crm.AddDefaultHeader(""X-Tenant"", ""acme"");
        await {|#1:crm.ExecutePostAsync(new RestRequest(""crm/v3/objects/contacts/search"").AddQueryParameter(""q"", c.Name))|};
    }
}
class Moderation
{
    public Task Check(string text) => new RestClient(""https://api.openai.com/v1"").ExecuteAsync(new RestRequest(""moderations"").AddJsonBody(new { input = text }));
}";

        [Fact]
        public async Task AnInjectedClientIsTheRegisteredOne()
        {
            var files = new[] { ("/0/appsettings.json", "{ \"Crm\": { \"Url\": \"https://api.hubapi.com\" } }") };
            await VerifyAsync(Injected, files, EndpointTest.Res001(0), EndpointTest.Res001(1));
            var sinks = SinkProbe.Resolve(EndpointTest.Unmarked(Injected), files, null, Library).Where(s => s.Call.StartsWith("crm.")).ToList();
            Assert.Equal(2, sinks.Count); // AddDefaultHeader is not a sink
            Assert.All(sinks, s => Assert.Equal("api.hubapi.com", Assert.Single(s.Sink.Sinks).Host));
        }

        [Fact]
        public void AnInjectedClientWithoutARegistrationInSightIsUnknown()
        {
            var source = Injected.Replace("services.AddSingleton<IRestClient>(sp => new RestClient(new RestClientOptions(configuration[\"Crm:Url\"]!)))", "System.Console.WriteLine()");
            Assert.DoesNotContain("AddSingleton", source);
            var sink = Assert.Single(SinkProbe.Resolve(EndpointTest.Unmarked(source), null, null, Library).First(s => s.Call.StartsWith("crm.PostJsonAsync")).Sink.Sinks);
            Assert.Null(sink.Host);
            Assert.Equal("Unknown", sink.Region.Code);
        }

        [Theory]
        [InlineData("new RestClient(o => o.BaseUrl = new Uri(\"https://api.openai.com/v1\"))", "RestClient(configureRestClient: RestClientOptions.BaseUrl)")]
        [InlineData("new RestClient(o => { o.Timeout = TimeSpan.FromSeconds(5); o.BaseUrl = new Uri(configuration[\"OpenAI:Url\"]!); })", "RestClient(configureRestClient: RestClientOptions.BaseUrl)")]
        [InlineData("new RestClient(new System.Net.Http.HttpClient { BaseAddress = new Uri(\"https://api.openai.com/v1\") })", "RestClient(httpClient).BaseAddress")]
        [InlineData("new RestClient(new System.Net.Http.HttpClient { BaseAddress = new Uri(\"https://eu.api.openai.com/v1\") }, new RestClientOptions(\"https://api.openai.com/v1\"))", "RestClientOptions(baseUrl)")]
        public void TheClientsDelegateOrHttpClientGivesTheHost(string client, string how)
        {
            // Without these, each client was "endpoint not determined" (Unknown).
            var sink = SinkOf(Direct(client), new[] { ("/0/appsettings.json", "{ \"OpenAI\": { \"Url\": \"https://api.openai.com/v1\" } }") });
            Assert.Equal("api.openai.com", sink.Host);
            Assert.Equal("US", sink.Region.Code);
            Assert.Contains(how, sink.ResolvedBy);
        }

        /// <summary>A typed client that gives its injected HttpClient to RestSharp: the registration's base address.</summary>
        [Fact]
        public async Task AnHttpClientFromATypedClientRegistrationGivesTheHost()
        {
            var source = Uses + @"
static class Startup
{
    public static void Register(IServiceCollection services) =>
        services.AddHttpClient<Crm>(c => c.BaseAddress = new Uri(""https://api.hubapi.com""));
}
class Crm(System.Net.Http.HttpClient http)
{
    private readonly RestClient _client = new RestClient(http);
    public Task Save(Customer c) => {|#0:_client.PostJsonAsync(""crm/v3/objects/contacts"", new { email = c.Email })|};
}";
            await VerifyAsync(source, null, EndpointTest.Res001(0));
            var sink = Assert.Single(Assert.Single(SinkProbe.Resolve(EndpointTest.Unmarked(source), null, null, Library)).Sink.Sinks);
            Assert.Equal("api.hubapi.com", sink.Host);
            Assert.Contains("RestClient(httpClient).BaseAddress", sink.ResolvedBy);
        }

        [Fact]
        public Task AHelperPostingToTheUrlItIsGivenGoesWhereEachCallSays() => VerifyAsync(Uses + @"
class Moderation
{
    private readonly RestClient _client = new RestClient();
    private Task<System.Net.HttpStatusCode> Post(string url, object body) => _client.PostJsonAsync(url, body);
    public async Task Check(Customer c)
    {
        await {|#0:Post(""https://api.openai.com/v1/moderations"", new { input = c.Email })|};
        await Post(""https://eu.api.openai.com/v1/moderations"", new { input = c.Email });
    }
}", null, EndpointTest.Res001(0));

        [Fact]
        public Task AHelperMakingTheRequestFromTheUrlItIsGivenGoesWhereEachCallSays() => VerifyAsync(Uses + @"
class Moderation
{
    private readonly RestClient _client = new RestClient();
    private Task<RestResponse> Execute(string url, object body)
    {
        var request = new RestRequest(url, Method.Post).AddJsonBody(body);
        return _client.ExecuteAsync(request);
    }

    public async Task Check(Customer c)
    {
        await {|#0:Execute(""https://api.openai.com/v1/moderations"", new { input = c.Email })|};
        await Execute(""https://eu.api.openai.com/v1/moderations"", new { input = c.Email });
    }
}", null, EndpointTest.Res001(0));

        /// <summary>An absolute URL in the call or its request is where the call goes, whatever the client's base URL.</summary>
        private static string Absolute(string client, string request, string call = "client.ExecuteAsync(request)") => Uses + @"
class Moderation
{
    public async Task Check(Customer c)
    {
        var client = " + client + @";
        var request = " + request + @";
        var response = await {|#0:" + call + @"|};
    }
}";

        [Theory]
        [InlineData("new RestClient()", "new RestRequest(\"https://api.openai.com/v1/moderations\", Method.Post).AddJsonBody(new { input = c.Email })", "RestRequest(resource)")]
        [InlineData("new RestClient(new RestClientOptions())", "new RestRequest(new Uri(\"https://api.openai.com/v1/moderations\")).AddJsonBody(new { input = c.Email })", "RestRequest(resource)")]
        [InlineData("new RestClient(\"https://eu.api.openai.com/v1\")", "new RestRequest(\"https://api.openai.com/v1/moderations\").AddQueryParameter(\"q\", c.Name)", "RestRequest(resource)")]
        [InlineData("new RestClient()", "new RestRequest { Resource = \"https://api.openai.com/v1/moderations\", Method = Method.Post }.AddJsonBody(new { input = c.Email })", "RestRequest.Resource")]
        public async Task AnAbsoluteUrlInTheRequestIsWhereItGoes(string client, string request, string how)
        {
            var source = Absolute(client, request);
            await VerifyAsync(source, null, EndpointTest.Res001(0));
            var sink = SinkOf(source);
            Assert.Equal("api.openai.com", sink.Host);
            Assert.Contains(how, sink.ResolvedBy);
        }

        [Fact]
        public void AResourceAssignedOnTheLocalIsWhereItGoes()
        {
            var source = Uses + @"
class Moderation
{
    public Task Check(Customer c)
    {
        var client = new RestClient();
        var request = new RestRequest();
        request.Resource = ""https://api.openai.com/v1/moderations"";
        request.AddJsonBody(new { input = c.Email });
        return client.ExecuteAsync(request);
    }
}";
            var sink = SinkOf(source);
            Assert.Equal("api.openai.com", sink.Host);
            Assert.Contains("RestRequest.Resource", sink.ResolvedBy);
        }

        [Fact]
        public Task AnAbsoluteUrlGivenToAnExtensionMethodIsWhereItGoes() =>
            VerifyAsync(Absolute("new RestClient(\"https://eu.api.openai.com/v1\")", "new { input = c.Email }", "client.PostJsonAsync(\"https://api.openai.com/v1/moderations\", request)"), null, EndpointTest.Res001(0));

        [Theory]
        [InlineData("new RestRequest(\"moderations\", Method.Post).AddJsonBody(new { input = c.Email })")]
        [InlineData("new RestRequest(new Uri(\"moderations\", UriKind.Relative)).AddJsonBody(new { input = c.Email })")]
        [InlineData("new RestRequest().AddJsonBody(new { input = c.Email })")]
        public Task ARelativeRequestGoesToTheClientsBaseUrl(string request) =>
            VerifyAsync(Absolute("new RestClient(\"https://eu.api.openai.com/v1\")", request), null);

        [Fact]
        public void ARequestThatMayBeAbsoluteOrRelativeGoesToBoth()
        {
            var source = Uses + @"
class Moderation
{
    public Task Check(Customer c, bool direct)
    {
        var client = new RestClient(""https://eu.api.openai.com/v1"");
        var request = new RestRequest(""moderations"");
        if (direct)
        {
            request = new RestRequest(""https://api.openai.com/v1/moderations"");
        }

        return client.ExecuteAsync(request.AddJsonBody(new { input = c.Email }));
    }
}";
            var sinks = Assert.Single(SinkProbe.Resolve(EndpointTest.Unmarked(source), null, null, Library), c => c.Call.Contains("ExecuteAsync")).Sink.Sinks;
            Assert.Equal(new[] { "api.openai.com", "eu.api.openai.com" }, sinks.Select(s => s.Host).OrderBy(h => h));
        }

        [Fact]
        public Task ACallIsNoLongerAnUnclassifiedRecipient() =>
            EndpointTest.VerifyUnclassifiedAsync(EndpointTest.Unmarked(Direct("new RestClient(\"https://api.openai.com/v1\")")), null, new[] { Library });

        private static SinkInfo SinkOf(string source, (string, string)[]? files = null) =>
            Assert.Single(Assert.Single(SinkProbe.Resolve(EndpointTest.Unmarked(source), files, null, Library), c => c.Call.Contains("ExecuteAsync")).Sink.Sinks);
    }
}
