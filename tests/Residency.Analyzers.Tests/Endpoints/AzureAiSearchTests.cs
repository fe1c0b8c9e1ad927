using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using Xunit;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Azure AI Search (Azure.Search.Documents): the documents a <c>SearchClient</c> or a <c>SearchIndexingBufferedSender&lt;T&gt;</c>
    /// uploads, merges or deletes, and the text it searches for, go to the search service of the client's endpoint
    /// (<c>{service}.search.windows.net</c>, region Unknown until declared), kept by <c>SearchIndexClient.GetSearchClient</c>
    /// and by the buffered sender made from a client. Index management is no sink. Before the entry such a client was an
    /// unclassified recipient (RES008).
    /// </summary>
    public class AzureAiSearchTests
    {
        // The shape of Azure.Search.Documents 11.x, as a referenced assembly (metadata only).
        private const string Stubs = @"
namespace Azure
{
    public class AzureKeyCredential { public AzureKeyCredential(string key) { } }
    public class Response<T> { }
}
namespace Azure.Search.Documents
{
    public class SearchClientOptions { }
    public class SearchOptions { }
    public class SearchClient
    {
        public SearchClient(System.Uri endpoint, string indexName, Azure.AzureKeyCredential credential) { }
        public SearchClient(System.Uri endpoint, string indexName, Azure.AzureKeyCredential credential, SearchClientOptions options) { }
        public System.Threading.Tasks.Task<Azure.Response<object>> UploadDocumentsAsync<T>(System.Collections.Generic.IEnumerable<T> documents, object? options = null, System.Threading.CancellationToken cancellationToken = default) => null!;
        public System.Threading.Tasks.Task<Azure.Response<object>> MergeOrUploadDocumentsAsync<T>(System.Collections.Generic.IEnumerable<T> documents, object? options = null, System.Threading.CancellationToken cancellationToken = default) => null!;
        public System.Threading.Tasks.Task<Azure.Response<object>> SearchAsync<T>(string searchText, SearchOptions? options = null, System.Threading.CancellationToken cancellationToken = default) => null!;
        public System.Threading.Tasks.Task<Azure.Response<long>> GetDocumentCountAsync(System.Threading.CancellationToken cancellationToken = default) => null!;
    }
    public class SearchIndexingBufferedSender<T> : System.IDisposable
    {
        public SearchIndexingBufferedSender(SearchClient searchClient, object? options = null) { }
        public System.Threading.Tasks.Task UploadDocumentsAsync(System.Collections.Generic.IEnumerable<T> documents, System.Threading.CancellationToken cancellationToken = default) => null!;
        public System.Threading.Tasks.Task FlushAsync(System.Threading.CancellationToken cancellationToken = default) => null!;
        public void Dispose() { }
    }
}
namespace Azure.Search.Documents.Indexes
{
    public class SearchIndex { public SearchIndex(string name) { } }
    public class SearchIndexClient
    {
        public SearchIndexClient(System.Uri endpoint, Azure.AzureKeyCredential credential) { }
        public Azure.Search.Documents.SearchClient GetSearchClient(string indexName) => null!;
        public System.Threading.Tasks.Task<Azure.Response<SearchIndex>> CreateOrUpdateIndexAsync(SearchIndex index, bool allowIndexDowntime = false, bool onlyIfUnchanged = false, System.Threading.CancellationToken cancellationToken = default) => null!;
    }
}
namespace Microsoft.Extensions.Hosting
{
    public interface IHostApplicationBuilder { }
    public static class AspireAzureSearchExtensions
    {
        public static void AddAzureSearchClient(this IHostApplicationBuilder builder, string connectionName, System.Action<object>? configureSettings = null, System.Action<object>? configureClientBuilder = null) { }
        public static void AddKeyedAzureSearchClient(this IHostApplicationBuilder builder, string name, System.Action<object>? configureSettings = null, System.Action<object>? configureClientBuilder = null) { }
    }
}";

        private static readonly MetadataReference Library = TestReferences.Library("Azure.Search.Documents", Stubs);

        private const string Host = "acme-crm.search.windows.net";

        private const string Uses = "using Azure;\nusing Azure.Search.Documents;\nusing Azure.Search.Documents.Indexes;\nusing Microsoft.Extensions.Hosting;\n";

        private static string Store(string client) => Uses + @"
class Search
{
    private readonly SearchClient _client = " + client + @";
    public Task Index(Customer customer) => {|#0:_client.UploadDocumentsAsync(new[] { customer })|};
    public Task Merge(Customer customer) => {|#1:_client.MergeOrUploadDocumentsAsync(new[] { customer })|};
    public Task Find(Customer customer) => {|#2:_client.SearchAsync<Customer>(customer.Email)|};
    public Task Count() => _client.GetDocumentCountAsync();
}";

        private static (string, string)[] Declared(string region) =>
            new[] { ("/0/residency.json", "{ \"hosts\": [ { \"pattern\": \"" + Host + "\", \"region\": \"" + region + "\" } ] }") };

        private static Task VerifyAsync(string source, (string, string)[]? files, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync(source, files, null, new[] { Library }, expected);

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult[] All(Func<int, Microsoft.CodeAnalysis.Testing.DiagnosticResult> rule) =>
            Enumerable.Range(0, 3).Select(rule).ToArray();

        // The service's region is not in its host: Unknown until declared; declared in the US, each call is a transfer,
        // declared in Germany, none is; counting documents sends nothing.
        [Fact]
        public async Task TheSearchServiceIsUnknownUntilDeclared()
        {
            var store = Store("new SearchClient(new Uri(\"https://" + Host + "\"), \"customers\", new AzureKeyCredential(\"k\"))");
            await VerifyAsync(store, null, All(EndpointTest.Res003));
            await VerifyAsync(store, Declared("US"), All(EndpointTest.Res001));
            await VerifyAsync(store, Declared("DE"));
            var sink = SinkOf(store);
            Assert.Equal((Host, "Microsoft (Azure AI Search)", SinkKind.Sdk), (sink.Host, sink.Recipient, sink.Kind));
        }

        // An index client's GetSearchClient keeps its endpoint; a buffered sender sends where the client it is made from does;
        // Azure Government's hosts are in the US.
        [Theory]
        [InlineData("new SearchIndexClient(new Uri(\"https://" + Host + "\"), new AzureKeyCredential(\"k\")).GetSearchClient(\"customers\")", Host, "Unknown")]
        [InlineData("new SearchClient(new Uri(\"https://acme.search.azure.us\"), \"customers\", new AzureKeyCredential(\"k\"))", "acme.search.azure.us", "US")]
        public void ChildClientsAndSovereignCloudsKeepTheService(string client, string host, string region)
        {
            var sink = SinkOf(Store(client));
            Assert.Equal((host, region), (sink.Host, sink.Region.Code));
        }

        [Fact]
        public Task ABufferedSenderSendsWhereItsClientSends() => VerifyAsync(Uses + @"
class Indexer
{
    private static readonly SearchClient Client = new SearchClient(new Uri(""https://" + Host + @"""), ""customers"", new AzureKeyCredential(""k""));
    public Task Index(Customer customer)
    {
        using var sender = new SearchIndexingBufferedSender<Customer>(Client);
        return {|#0:sender.UploadDocumentsAsync(new[] { customer })|};
    }
    public Task Manage(SearchIndexClient indexes) => indexes.CreateOrUpdateIndexAsync(new SearchIndex(""customers""));
}", Declared("US"), EndpointTest.Res001(0));

        // .NET Aspire's builder.AddAzureSearchClient("search") registers the index client: its search clients send to
        // ConnectionStrings:search (a URI, or Endpoint=…;Key=…), else to the Endpoint of its settings section.
        [Theory]
        [InlineData("{ \"ConnectionStrings\": { \"search\": \"https://" + Host + "\" } }")]
        [InlineData("{ \"ConnectionStrings\": { \"search\": \"Endpoint=https://" + Host + ";Key=k\" } }")]
        [InlineData("{ \"Aspire\": { \"Azure\": { \"Search\": { \"Documents\": { \"Endpoint\": \"https://" + Host + "\" } } } } }")]
        public Task AnAspireRegistrationNamesTheService(string settings) => VerifyAsync(Uses + @"
static class Program
{
    public static void Configure(IHostApplicationBuilder builder) => builder.AddAzureSearchClient(""search"");
}
class Search(SearchIndexClient indexes)
{
    public Task Index(Customer customer) => {|#0:indexes.GetSearchClient(""customers"").UploadDocumentsAsync(new[] { customer })|};
}", Declared("US").Append(("/0/appsettings.json", settings)).ToArray(), EndpointTest.Res001(0));

        private static SinkInfo SinkOf(string source) =>
            SinkProbe.Resolve(source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty).Replace("|}", string.Empty), null, null, Library)
                .SelectMany(call => call.Sink.Sinks).First();
    }
}
