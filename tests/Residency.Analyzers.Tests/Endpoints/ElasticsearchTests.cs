using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using Xunit;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Elasticsearch: the calls of an <c>ElasticsearchClient</c> (Elastic.Clients.Elasticsearch) or a NEST
    /// <c>IElasticClient</c> send documents and queries to the cluster its node URI or Elastic Cloud ID names, followed
    /// through the settings object and node pool it is given. An Elastic Cloud host names its cloud region. Before the
    /// entries such a client was an unclassified recipient (RES008), whatever its cluster.
    /// </summary>
    public class ElasticsearchTests
    {
        // The shape of Elastic.Clients.Elasticsearch 9.x and Elastic.Transport, as a referenced assembly (metadata only).
        private const string ElasticStubs = @"
namespace Elastic.Transport
{
    public abstract class AuthorizationHeader { }
    public class ApiKey : AuthorizationHeader { public ApiKey(string apiKey) { } }
    public abstract class NodePool : System.IDisposable { public void Dispose() { } }
    public class SingleNodePool : NodePool { public SingleNodePool(System.Uri uri) { } }
    public class CloudNodePool : SingleNodePool
    {
        public CloudNodePool(string cloudId, AuthorizationHeader credentials) : base(null!) { }
        public CloudNodePool(System.Uri cloudEndpoint, AuthorizationHeader credentials) : base(null!) { }
    }
    public class Node { public Node(System.Uri uri, System.Collections.Generic.IEnumerable<string>? features = null) { } }
    public class StaticNodePool : NodePool
    {
        public StaticNodePool(System.Collections.Generic.IEnumerable<System.Uri> uris, bool randomize = true) { }
        public StaticNodePool(System.Collections.Generic.IEnumerable<Node> nodes, bool randomize = true) { }
    }
    public class SniffingNodePool : StaticNodePool
    {
        public SniffingNodePool(System.Collections.Generic.IEnumerable<System.Uri> uris, bool randomize = true) : base(uris, randomize) { }
        public SniffingNodePool(System.Collections.Generic.IEnumerable<Node> nodes, bool randomize = true) : base(nodes, randomize) { }
    }
}
namespace Elastic.Clients.Elasticsearch
{
    public interface IElasticsearchClientSettings { }
    public abstract class ElasticsearchClientSettingsBase<TConnectionSettings> : IElasticsearchClientSettings
        where TConnectionSettings : ElasticsearchClientSettingsBase<TConnectionSettings>, IElasticsearchClientSettings
    {
        public TConnectionSettings DefaultIndex(string index) => null!;
        public TConnectionSettings EnableDebugMode() => null!;
        public TConnectionSettings RequestTimeout(System.TimeSpan timeout) => null!;
    }
    public class ElasticsearchClientSettings : ElasticsearchClientSettingsBase<ElasticsearchClientSettings>
    {
        public ElasticsearchClientSettings(System.Uri uri) { }
        public ElasticsearchClientSettings(string cloudId, Elastic.Transport.AuthorizationHeader credentials) { }
        public ElasticsearchClientSettings(Elastic.Transport.NodePool nodePool) { }
    }
    public class IndexResponse { }
    public class PingResponse { }
    public class SearchResponse<TDocument> { }
    public class QueryDescriptor<TDocument>
    {
        public QueryDescriptor<TDocument> Term(System.Linq.Expressions.Expression<System.Func<TDocument, object>> field, string value) => this;
    }
    public class SearchRequestDescriptor<TDocument>
    {
        public SearchRequestDescriptor<TDocument> Indices(string index) => this;
        public SearchRequestDescriptor<TDocument> Query(System.Action<QueryDescriptor<TDocument>> configure) => this;
    }
    public abstract class NamespacedClientProxy { }
    public class ElasticsearchClient
    {
        public ElasticsearchClient() { }
        public ElasticsearchClient(System.Uri uri) { }
        public ElasticsearchClient(string cloudId, Elastic.Transport.AuthorizationHeader credentials) { }
        public ElasticsearchClient(IElasticsearchClientSettings elasticsearchClientSettings) { }
        public Elastic.Clients.Elasticsearch.Esql.EsqlNamespacedClient Esql => null!;
        public System.Threading.Tasks.Task<IndexResponse> IndexAsync<TDocument>(TDocument document, System.Threading.CancellationToken cancellationToken = default) => null!;
        public IndexResponse Index<TDocument>(TDocument document) => null!;
        public System.Threading.Tasks.Task<SearchResponse<TDocument>> SearchAsync<TDocument>(System.Action<SearchRequestDescriptor<TDocument>> configureRequest, System.Threading.CancellationToken cancellationToken = default) => null!;
        public System.Threading.Tasks.Task<PingResponse> PingAsync(System.Threading.CancellationToken cancellationToken = default) => null!;
    }
    public static class IndexManyExtensions
    {
        public static System.Threading.Tasks.Task<IndexResponse> IndexManyAsync<T>(this ElasticsearchClient client, System.Collections.Generic.IEnumerable<T> objects, System.Threading.CancellationToken cancellationToken = default) => null!;
    }
}
namespace Elastic.Clients.Elasticsearch.Esql
{
    public class EsqlNamespacedClient : Elastic.Clients.Elasticsearch.NamespacedClientProxy
    {
        public System.Threading.Tasks.Task<object> QueryAsync(string query, System.Threading.CancellationToken cancellationToken = default) => null!;
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
        public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, TService implementationInstance) where TService : class => services;
    }
}
namespace Microsoft.Extensions.Hosting
{
    public interface IHostApplicationBuilder { Microsoft.Extensions.Configuration.IConfiguration Configuration { get; } }
    public static class AspireElasticClientsElasticsearchExtensions
    {
        public static void AddElasticsearchClient(this IHostApplicationBuilder builder, string connectionName, System.Action<object>? configureSettings = null, System.Action<Elastic.Clients.Elasticsearch.ElasticsearchClientSettings>? configureClientSettings = null) { }
        public static void AddKeyedElasticsearchClient(this IHostApplicationBuilder builder, string name, System.Action<object>? configureSettings = null, System.Action<Elastic.Clients.Elasticsearch.ElasticsearchClientSettings>? configureClientSettings = null) { }
    }
}";

        // The shape of NEST 7.x and Elasticsearch.Net.
        private const string NestStubs = @"
namespace Elasticsearch.Net
{
    public interface IConnectionPool { }
    public class BasicAuthenticationCredentials { public BasicAuthenticationCredentials(string username, string password) { } }
    public class SingleNodeConnectionPool : IConnectionPool { public SingleNodeConnectionPool(System.Uri uri, object? dateTimeProvider = null) { } }
    public class CloudConnectionPool : SingleNodeConnectionPool { public CloudConnectionPool(string cloudId, BasicAuthenticationCredentials credentials, object? dateTimeProvider = null) : base(null!) { } }
}
namespace Nest
{
    public interface IConnectionSettingsValues { }
    public abstract class ConnectionSettingsBase<TConnectionSettings> : IConnectionSettingsValues where TConnectionSettings : ConnectionSettingsBase<TConnectionSettings>
    {
        public TConnectionSettings DefaultIndex(string index) => null!;
    }
    public class ConnectionSettings : ConnectionSettingsBase<ConnectionSettings>
    {
        public ConnectionSettings(System.Uri? uri = null) { }
        public ConnectionSettings(string cloudId, Elasticsearch.Net.BasicAuthenticationCredentials credentials) { }
        public ConnectionSettings(Elasticsearch.Net.IConnectionPool connectionPool) { }
    }
    public class IndexResponse { }
    public class PingResponse { }
    public interface IElasticClient
    {
        IndexResponse IndexDocument<TDocument>(TDocument document) where TDocument : class;
        System.Threading.Tasks.Task<IndexResponse> IndexDocumentAsync<TDocument>(TDocument document, System.Threading.CancellationToken ct = default) where TDocument : class;
        PingResponse Ping();
    }
    public class ElasticClient : IElasticClient
    {
        public ElasticClient() { }
        public ElasticClient(System.Uri uri) { }
        public ElasticClient(IConnectionSettingsValues connectionSettings) { }
        public IndexResponse IndexDocument<TDocument>(TDocument document) where TDocument : class => null!;
        public System.Threading.Tasks.Task<IndexResponse> IndexDocumentAsync<TDocument>(TDocument document, System.Threading.CancellationToken ct = default) where TDocument : class => null!;
        public PingResponse Ping() => null!;
    }
}";

        private static readonly MetadataReference Elastic = TestReferences.Library("Elastic.Clients.Elasticsearch", ElasticStubs);

        private static readonly MetadataReference Nest = TestReferences.Library("Nest", NestStubs);

        private const string Uses = "using System.Linq;\nusing Elastic.Clients.Elasticsearch;\nusing Elastic.Transport;\nusing Microsoft.Extensions.Configuration;\nusing Microsoft.Extensions.DependencyInjection;\n";

        /// <summary>A Cloud ID as the Elastic Cloud console gives it: a label, then base64 of "{domain}:{port}${es}${kibana}".</summary>
        private static string CloudId(string domain) =>
            "crm-search:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(domain + ":443$4fa8821e75634032bed1cf22110e2f97$9d1f7d3c2a2b4c6e8f0a1b2c3d4e5f60"));

        private static string Store(string client) => Uses + @"
class Search
{
    private readonly ElasticsearchClient _client = " + client + @";
    public Task Save(Customer customer) => {|#0:_client.IndexAsync(customer)|};
    public Task Find(Customer customer) => {|#1:_client.SearchAsync<Customer>(s => s.Indices(""customers"").Query(q => q.Term(c => c.Email, customer.Email)))|};
    public Task All(Customer[] customers) => {|#2:_client.IndexManyAsync(customers)|};
    public Task Esql(Customer customer) => {|#3:_client.Esql.QueryAsync(""FROM customers | WHERE email == \"""" + customer.Email + ""\"""")|};
    public Task Alive() => _client.PingAsync();
}";

        private static Task VerifyAsync(string source, (string, string)[]? files, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync(source, files, null, new[] { Elastic }, expected);

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult[] All(Func<int, Microsoft.CodeAnalysis.Testing.DiagnosticResult> rule) =>
            Enumerable.Range(0, 4).Select(rule).ToArray();

        // A deployment on AWS us-east-1: documents, a query's term, a bulk of documents and an ES|QL query all leave the EEA.
        [Fact]
        public Task AnElasticCloudClusterInTheUsIsATransfer() =>
            VerifyAsync(Store("new ElasticsearchClient(new Uri(\"https://crm.es.us-east-1.aws.found.io:443\"))"), null, All(EndpointTest.Res001));

        [Fact]
        public async Task AnElasticCloudClusterInTheEeaIsAllowed()
        {
            await VerifyAsync(Store("new ElasticsearchClient(new Uri(\"https://crm.es.westeurope.azure.elastic-cloud.com\"))"), null);
            var sink = SinkOf(Store("new ElasticsearchClient(new Uri(\"https://crm.es.westeurope.azure.elastic-cloud.com\"))"));
            Assert.Equal("crm.es.westeurope.azure.elastic-cloud.com", sink.Host);
            Assert.Equal("NL", sink.Region.Code);
            Assert.Equal("Elastic (Elastic Cloud)", sink.Recipient);
            Assert.Equal(SinkKind.Sdk, sink.Kind);
        }

        // The Cloud ID the console gives names the cluster: decoded, its host is {es-uuid}.{domain}.
        [Theory]
        [InlineData("europe-west3.gcp.cloud.es.io", "DE")]
        [InlineData("eu-central-1.aws.elastic-cloud.com", "DE")]
        [InlineData("us-central1.gcp.cloud.es.io", "US")]
        public void ACloudIdNamesTheClusterAndItsRegion(string domain, string region)
        {
            var sink = SinkOf(Store("new ElasticsearchClient(\"" + CloudId(domain) + "\", new ApiKey(\"k\"))"));
            Assert.Equal("4fa8821e75634032bed1cf22110e2f97." + domain, sink.Host);
            Assert.Equal(region, sink.Region.Code);
            Assert.Contains("Cloud ID", sink.ResolvedBy);
        }

        // The settings object, and the node pool given to it, are followed to where they are made; DefaultIndex is declared,
        // as in the package, on a base generic over the settings type, and returns the settings it is called on.
        [Theory]
        [InlineData("new ElasticsearchClient(new ElasticsearchClientSettings(new Uri(\"https://crm.es.us-east-1.aws.found.io\")).DefaultIndex(\"customers\"))")]
        [InlineData("new ElasticsearchClient(new ElasticsearchClientSettings(new SingleNodePool(new Uri(\"https://crm.es.us-east-1.aws.found.io\"))))")]
        [InlineData("new ElasticsearchClient(Settings)")]
        [InlineData("new ElasticsearchClient(new ElasticsearchClientSettings(new SingleNodePool(new Uri(\"https://crm.es.us-east-1.aws.found.io\"))).DefaultIndex(\"customers\").EnableDebugMode().RequestTimeout(TimeSpan.FromSeconds(5)))")]
        public Task SettingsAndNodePoolsAreFollowed(string client) =>
            VerifyAsync(Store(client).Replace("class Search\n{", "class Search\n{\n    private static readonly ElasticsearchClientSettings Settings = new(new CloudNodePool(\"" + CloudId("us-east-1.aws.found.io") + "\", new ApiKey(\"k\")));"), null, All(EndpointTest.Res001));

        // A pool of several nodes sends to each of them: an array of URIs, a collection expression, Node items, a sniffing pool.
        [Theory]
        [InlineData("new StaticNodePool(new[] { new Uri(\"https://a.es.us-east-1.aws.found.io\"), new Uri(\"https://b.es.us-east-1.aws.found.io\") })")]
        [InlineData("new StaticNodePool([new Uri(\"https://a.es.us-east-1.aws.found.io\"), new Uri(\"https://b.es.us-east-1.aws.found.io\")], randomize: false)")]
        [InlineData("new StaticNodePool(new Node[] { new(new Uri(\"https://a.es.us-east-1.aws.found.io\")), new Node(new Uri(\"https://b.es.us-east-1.aws.found.io\")) })")]
        [InlineData("new SniffingNodePool(new List<Uri> { new Uri(\"https://a.es.us-east-1.aws.found.io\"), new Uri(\"https://b.es.us-east-1.aws.found.io\") })")]
        public async Task EveryNodeOfAPoolIsAnEndpoint(string pool)
        {
            var source = Store("new ElasticsearchClient(new ElasticsearchClientSettings(" + pool + "))").Replace("using System.Linq;", "using System.Linq;\nusing System.Collections.Generic;");
            await VerifyAsync(source, null, All(EndpointTest.Res001));
            var sinks = SinksOf(source);
            Assert.Equal(4, sinks.Length); // one per call: a sink per region, named by the first node in it
            Assert.All(sinks, sink => Assert.Equal(("a.es.us-east-1.aws.found.io", "US"), (sink.Host, sink.Region.Code)));
        }

        // A pool whose nodes are all in the EEA is allowed; one node outside it is a transfer; a list filled in place is read.
        [Theory]
        [InlineData("https://a.es.eu-west-1.aws.found.io", "https://b.es.eu-central-1.aws.found.io", false)]
        [InlineData("https://a.es.eu-west-1.aws.found.io", "https://b.es.us-east-1.aws.found.io", true)]
        public async Task APoolIsATransferWhenOneOfItsNodesIs(string first, string second, bool transfer)
        {
            var source = Uses + "using System.Collections.Generic;\n" + @"
class Search
{
    public Task Save(Customer customer)
    {
        var nodes = new List<Uri>();
        nodes.Add(new Uri(""" + first + @"""));
        nodes.Add(new Uri(""" + second + @"""));
        var client = new ElasticsearchClient(new ElasticsearchClientSettings(new StaticNodePool(nodes)));
        return {|#0:client.IndexAsync(customer)|};
    }
}";
            await VerifyAsync(source, null, transfer ? new[] { EndpointTest.Res001(0) } : Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>());
            Assert.Equal(2, SinksOf(source).Select(s => s.Host).Distinct().Count());
        }

        [Fact]
        public void TheCloudIdComesFromConfiguration()
        {
            var source = Uses + @"
class Search(IConfiguration configuration)
{
    public Task Save(Customer customer) => new ElasticsearchClient(configuration[""Elastic:CloudId""]!, new ApiKey(configuration[""Elastic:ApiKey""]!)).IndexAsync(customer);
}";
            var sink = SinkOf(source, new[] { ("/0/appsettings.json", "{ \"Elastic\": { \"CloudId\": \"" + CloudId("eu-west-1.aws.found.io") + "\" } }") });
            Assert.Equal("4fa8821e75634032bed1cf22110e2f97.eu-west-1.aws.found.io", sink.Host);
            Assert.Equal("IE", sink.Region.Code);
        }

        // An injected client takes the creations of the compilation (a DI registration).
        [Fact]
        public Task AnInjectedClientIsFollowedToItsRegistration() => VerifyAsync(Uses + @"
static class Startup
{
    public static void Configure(IServiceCollection services) => services.AddSingleton(new ElasticsearchClient(new Uri(""https://crm.es.us-west-2.aws.elastic.cloud"")));
}
class Search(ElasticsearchClient client)
{
    public Task Save(Customer customer) => {|#0:client.IndexAsync(customer)|};
}", null, EndpointTest.Res001(0));

        // .NET Aspire's builder.AddElasticsearchClient("search") registers the client: injected ones send to ConnectionStrings:search
        // (a URI, or Endpoint=…;ApiKey=… or CloudId=…;ApiKey=…), else to the Endpoint or CloudId of its settings section.
        [Theory]
        [InlineData("AddElasticsearchClient", "{ \"ConnectionStrings\": { \"search\": \"https://crm.es.us-east-1.aws.found.io\" } }", true)]
        [InlineData("AddElasticsearchClient", "{ \"ConnectionStrings\": { \"search\": \"Endpoint=https://crm.es.us-east-1.aws.found.io:443;ApiKey=k\" } }", true)]
        [InlineData("AddKeyedElasticsearchClient", "{ \"ConnectionStrings\": { \"search\": \"CloudId={us};ApiKey=k\" } }", true)]
        [InlineData("AddElasticsearchClient", "{ \"ConnectionStrings\": { \"search\": \"CloudId={eu};ApiKey=k\" } }", false)]
        [InlineData("AddElasticsearchClient", "{ \"Aspire\": { \"Elastic\": { \"Clients\": { \"Elasticsearch\": { \"search\": { \"Endpoint\": \"https://crm.es.us-east-1.aws.found.io\" } } } } } }", true)]
        [InlineData("AddElasticsearchClient", "{ \"Aspire\": { \"Elastic\": { \"Clients\": { \"Elasticsearch\": { \"CloudId\": \"{us}\" } } } } }", true)]
        public async Task AnInjectedClientOfAnAspireRegistrationIsFollowed(string registration, string settings, bool transfer)
        {
            var source = Uses + "using Microsoft.Extensions.Hosting;\n" + @"
static class Program
{
    public static void Configure(IHostApplicationBuilder builder) => builder." + registration + @"(""search"");
}
class Search(ElasticsearchClient client)
{
    public Task Save(Customer customer) => {|#0:client.IndexAsync(customer)|};
}";
            var files = new[] { ("/0/appsettings.json", settings.Replace("{us}", CloudId("us-east-1.aws.found.io")).Replace("{eu}", CloudId("eu-west-1.aws.found.io"))) };
            await VerifyAsync(source, files, transfer ? new[] { EndpointTest.Res001(0) } : Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>());
            Assert.Equal(transfer ? "US" : "IE", SinkOf(source, files).Region.Code);
        }

        [Theory]
        [InlineData("new ElasticsearchClient(new Uri(\"http://localhost:9200\"))")]
        [InlineData("new ElasticsearchClient(new Uri(\"http://elasticsearch:9200\"))")]
        public async Task ALocalNodeOrContainerIsNoFinding(string client)
        {
            await VerifyAsync(Store(client), null);
            Assert.True(SinkOf(Store(client)).IsInternal);
        }

        // A self-managed cluster under a public name, a node pool of several nodes, an Elastic Cloud host whose region is
        // not one the catalogue knows: Unknown until declared.
        [Theory]
        [InlineData("new ElasticsearchClient(new Uri(\"https://search.example.com:9200\"))")]
        [InlineData("new ElasticsearchClient(new ElasticsearchClientSettings(new StaticNodePool(new[] { new Uri(\"https://es1.example.com\") })))")]
        [InlineData("new ElasticsearchClient(new Uri(\"https://crm.es.moon-1.aws.found.io\"))")]
        public Task AClusterWhoseRegionIsNotSeenIsUnknown(string client) =>
            VerifyAsync(Store(client), null, All(EndpointTest.Res003));

        [Fact]
        public Task ADeclaredClusterDecides() =>
            VerifyAsync(Store("new ElasticsearchClient(new Uri(\"https://search.example.com:9200\"))"), new[] { ("/0/residency.json", "{ \"hosts\": [ { \"pattern\": \"search.example.com\", \"region\": \"FR\" } ] }") });

        // NEST 7: the same, through ConnectionSettings and its connection pools.
        [Theory]
        [InlineData("new ElasticClient(new ConnectionSettings(new Uri(\"https://crm.es.us-east-1.aws.found.io\")).DefaultIndex(\"customers\"))", "crm.es.us-east-1.aws.found.io")]
        [InlineData("new ElasticClient(new ConnectionSettings(new Elasticsearch.Net.SingleNodeConnectionPool(new Uri(\"https://crm.es.us-east-1.aws.found.io\"))))", "crm.es.us-east-1.aws.found.io")]
        [InlineData("new ElasticClient(new ConnectionSettings(new Elasticsearch.Net.CloudConnectionPool(\"{cloud}\", new Elasticsearch.Net.BasicAuthenticationCredentials(\"elastic\", \"pw\"))))", "4fa8821e75634032bed1cf22110e2f97.us-east-1.aws.found.io")]
        public async Task NestClientsAreFollowedTheSameWay(string client, string host)
        {
            var source = "using Nest;\n" + @"
class Search
{
    private readonly IElasticClient _client = " + client.Replace("{cloud}", CloudId("us-east-1.aws.found.io")) + @";
    public void Save(Customer customer) => {|#0:_client.IndexDocument(customer)|};
    public void Alive() => _client.Ping();
}";
            await EndpointTest.VerifyAsync(source, null, null, new[] { Nest }, EndpointTest.Res001(0));
            var sink = SinkProbe.Resolve(source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), null, null, Nest).SelectMany(call => call.Sink.Sinks).First();
            Assert.Equal(host, sink.Host);
            Assert.Equal("US", sink.Region.Code);
        }

        [Theory]
        [InlineData("crm:ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbyQ0ZmE4JDlkMWY=", true, "4fa8.eu-west-1.aws.found.io")] // eu-west-1.aws.found.io$4fa8$9d1f
        [InlineData("ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbzo0NDMkNGZhOA==", true, "4fa8.eu-west-1.aws.found.io")] // no label; a port; no Kibana
        [InlineData("crm:ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbyQ0ZmE4JDlkMWY=", false, null)] // only a prefix of the text is known
        [InlineData("crm:not base64!", true, null)]
        [InlineData("crm:ZXUtd2VzdC0xLmF3cy5mb3VuZC5pbw==", true, null)] // eu-west-1.aws.found.io: no cluster id
        [InlineData("https://crm.es.eu-west-1.aws.found.io", true, null)]
        public void ACloudIdIsDecodedToItsClustersHost(string text, bool complete, string? host) =>
            Assert.Equal(host, UrlText.CloudIdHost(text, complete));



        private static SinkInfo SinkOf(string source, (string, string)[]? files = null) => SinksOf(source, files).First();

        private static SinkInfo[] SinksOf(string source, (string, string)[]? files = null) =>
            SinkProbe.Resolve(source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty).Replace("{|#3:", string.Empty).Replace("|}", string.Empty), files, null, Elastic)
                .SelectMany(call => call.Sink.Sinks).ToArray();
    }
}
