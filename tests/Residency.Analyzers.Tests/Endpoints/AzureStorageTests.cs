using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Azure Storage clients (Azure.Storage.Blobs, Azure.Storage.Queues) are SDK sinks. The host is the storage account's
    /// (<c>{account}.blob.core.windows.net</c>, from the service/container/blob URI or a connection string); the account's
    /// region is not in the host, so it is Unknown (RES003, with the residency.json <c>hosts</c> entry to add) until declared.
    /// </summary>
    public class AzureStorageTests
    {
        private static readonly MetadataReference Storage = TestReferences.Library("Azure.Storage.Blobs", SdkStubs.AzureStorageLibrary);

        private const string Uses = "using Azure.Storage.Blobs;\nusing Azure.Storage.Blobs.Specialized;\nusing Azure.Storage.Queues;\nusing Microsoft.Extensions.Azure;\nusing Microsoft.Extensions.Configuration;\nusing Microsoft.Extensions.DependencyInjection;\n";

        private const string ServiceUri = "https://acmeexports.blob.core.windows.net";

        private const string AccountConnectionString = "DefaultEndpointsProtocol=https;AccountName=acmeexports;AccountKey=a2V5;EndpointSuffix=core.windows.net";

        private const string RegistrationStubs = AzureSdkTest.RegistrationStubs;

        private static (string, string)[] Declared(string host, string region, params (string, string)[] more) => AzureSdkTest.Declared(host, region, more);

        private static Task VerifyAsync(string source, (string, string)[]? files, params DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync(Uses + source + ExtensionsStubs + RegistrationStubs, files, null, new[] { Storage }, expected);

        private static SinkInfo SinkOf(string source, (string, string)[]? files = null) =>
            Assert.Single(Assert.Single(SinkProbe.Resolve(Uses + source + ExtensionsStubs + RegistrationStubs, files, null, Storage)).Sink.Sinks);

        private const string Export = @"
class Exports
{
    private readonly BlobServiceClient _service = new BlobServiceClient(new Uri(""" + ServiceUri + @"""), new Azure.Storage.StorageSharedKeyCredential(""acmeexports"", ""a2V5""));
    public Task Write(Customer customer)
    {
        var container = _service.GetBlobContainerClient(""exports"");
        var blob = container.GetBlobClient($""{customer.Id}.json"");
        return {|#0:blob.UploadAsync(BinaryData.FromObjectAsJson(customer), overwrite: true)|};
    }
}";

        [Fact]
        public Task ALiteralServiceUriIsUnknownAndTheMessageGivesTheHostsEntry() => VerifyAsync(Export, null,
            DiagnosticResult.CompilerWarning("RES003").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithMessage("Personal data Customer.Email (contact.email), Customer.Name (name) reaches BlobClient.UploadAsync acmeexports.blob.core.windows.net (recipient Microsoft (Azure Storage)), whose region is unknown; path: Write → BlobClient.UploadAsync acmeexports.blob.core.windows.net; to declare it, add { \"pattern\": \"acmeexports.blob.core.windows.net\", \"region\": \"<region>\" } to \"hosts\" in residency.json (the region of the resource or service behind the host)"));

        [Fact]
        public Task AnAccountDeclaredInGermanyIsAllowed() => VerifyAsync(Export, Declared("acmeexports.blob.core.windows.net", "DE"));

        [Fact]
        public Task AnAccountDeclaredInTheUsIsRes001() => VerifyAsync(Export, Declared("acmeexports.blob.core.windows.net", "US"), Res001(0));

        [Fact]
        public Task AnotherAccountIsNotCoveredByTheDeclaration() => VerifyAsync(Export.Replace("acmeexports.blob", "acmebackup.blob"), Declared("acmeexports.blob.core.windows.net", "DE"), Res003(0));

        [Fact]
        public void TheSinkFactsNameTheAccountHostAndTheRecipient()
        {
            var sink = SinkOf(@"
class Exports
{
    public Task Write(string text) => new BlobClient(new Uri(""" + ServiceUri + @"/exports/a.json"")).UploadAsync(BinaryData.FromString(text));
}");
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.Equal("acmeexports.blob.core.windows.net", sink.Host);
            Assert.Equal("Unknown", sink.Region.Code);
            Assert.Equal("Microsoft (Azure Storage)", sink.Recipient);
            Assert.Contains("BlobClient(blobUri)", sink.ResolvedBy);
            Assert.Equal("add { \"pattern\": \"acmeexports.blob.core.windows.net\", \"region\": \"<region>\" } to \"hosts\" in residency.json (the region of the resource or service behind the host)", sink.Hint);
        }

        [Theory]
        [InlineData(AccountConnectionString, "acmeexports.blob.core.windows.net", "AccountName + EndpointSuffix")]
        [InlineData("DefaultEndpointsProtocol=https;AccountName=AcmeExports;AccountKey=a2V5", "acmeexports.blob.core.windows.net", "default EndpointSuffix")]
        [InlineData("BlobEndpoint=https://exports.contoso.example/;SharedAccessSignature=sv=2024&sig=x", "exports.contoso.example", "BlobEndpoint")]
        [InlineData("DefaultEndpointsProtocol=https;AccountName=acmegov;AccountKey=a2V5;EndpointSuffix=core.usgovcloudapi.net", "acmegov.blob.core.usgovcloudapi.net", "AccountName + EndpointSuffix")]
        public void AConnectionStringGivesTheAccountHost(string connectionString, string host, string how)
        {
            var sink = SinkOf(@"
class Exports
{
    public Task Write(string text) => new BlobContainerClient(""" + connectionString + @""", ""exports"").UploadBlobAsync(""a.json"", BinaryData.FromString(text));
}");
            Assert.Equal(host, sink.Host);
            Assert.Contains(how, sink.ResolvedBy);
        }

        [Fact]
        public Task AConnectionStringFromConfigurationIsFollowed() => VerifyAsync(@"
class Exports(IConfiguration configuration)
{
    public Task Write(Customer customer) =>
        {|#0:new BlobServiceClient(configuration.GetConnectionString(""Exports"")).GetBlobContainerClient(""x"").UploadBlobAsync(""a"", BinaryData.FromString(customer.Email))|};
    public Task Audit(Customer customer) =>
        {|#1:new QueueClient(configuration.GetConnectionString(""Exports""), ""audit"").SendMessageAsync(customer.Name)|};
}", Declared("acmeexports.blob.core.windows.net", "US", ("appsettings.json", "{ \"ConnectionStrings\": { \"Exports\": \"" + AccountConnectionString + "\" } }")),
            Res001(0), Res003(1)); // the queue endpoint of the same account is another host, not declared

        [Fact]
        public Task ChildClientsKeepTheirParentsAccount() => VerifyAsync(@"
class Exports
{
    private readonly BlobServiceClient _us = new BlobServiceClient(new Uri(""https://acmeus.blob.core.windows.net""));
    private readonly BlobContainerClient _eu = new BlobContainerClient(new Uri(""https://acmeeu.blob.core.windows.net/exports""));
    public async Task Write(Customer customer)
    {
        var container = _us.GetBlobContainerClient(""exports"");
        await {|#0:container.GetBlobClient(""a.json"").UploadAsync(BinaryData.FromString(customer.Email))|};
        await {|#1:container.GetBlockBlobClient(""b.json"").SetMetadataAsync(new System.Collections.Generic.Dictionary<string, string> { [""email""] = customer.Email })|};
        await _eu.GetBlobClient(""a.json"").UploadAsync(BinaryData.FromString(customer.Email));
        await _eu.GetBlockBlobClient(""b.json"").SetMetadataAsync(new System.Collections.Generic.Dictionary<string, string> { [""email""] = customer.Email });
        var queue = new QueueServiceClient(new Uri(""https://acmeus.queue.core.windows.net"")).GetQueueClient(""events"");
        await {|#2:queue.SendMessageAsync(customer.Name)|};
    }
}", new[] { ("/0/residency.json", "{ \"hosts\": [ { \"pattern\": \"acmeus.*.core.windows.net\", \"region\": \"US\" }, { \"pattern\": \"acmeeu.blob.core.windows.net\", \"region\": \"NL\" } ] }") },
            Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task AnInjectedClientUsesItsCreationWithTheUriInAppsettings() => VerifyAsync(@"
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(new BlobServiceClient(new Uri(configuration[""Exports:BlobServiceUri""]!)));
}
class DataExportStore(BlobServiceClient blobs)
{
    public async Task<Uri> WriteExportAsync(Customer customer)
    {
        var container = blobs.GetBlobContainerClient(""exports"");
        var blob = container.GetBlobClient($""{customer.Id}.json"");
        await {|#0:blob.UploadAsync(BinaryData.FromString(System.Text.Json.JsonSerializer.Serialize(customer)), overwrite: true)|};
        return blob.Uri;
    }
}", Declared("storefrontexports.blob.core.windows.net", "US", ("appsettings.json", "{ \"Exports\": { \"BlobServiceUri\": \"https://storefrontexports.blob.core.windows.net\" } }")), Res001(0));

        [Fact]
        public Task AnInjectedClientRegisteredWithAddAzureClientsReadsItsSection() => VerifyAsync(@"
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddAzureClients(b => b.AddBlobServiceClient(configuration.GetSection(""Storage"")));
}
class DataExportStore(BlobServiceClient blobs)
{
    public Task Write(Customer customer) => {|#0:blobs.GetBlobContainerClient(""x"").UploadBlobAsync(""a"", BinaryData.FromString(customer.Email))|};
}", Declared("acmeexports.blob.core.windows.net", "US", ("appsettings.json", "{ \"Storage\": { \"ServiceUri\": \"" + ServiceUri + "\" } }")), Res001(0));

        [Fact]
        public Task AnInjectedClientRegisteredWithAConnectionStringInGermanyIsAllowed() => VerifyAsync(@"
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddAzureClients(b => b.AddQueueServiceClient(configuration.GetSection(""ConnectionStrings:Storage"")));
}
class Events(QueueServiceClient queues)
{
    public Task Publish(Customer customer) => queues.GetQueueClient(""events"").SendMessageAsync(customer.Email);
}", Declared("acmeexports.queue.core.windows.net", "DE", ("appsettings.json", "{ \"ConnectionStrings\": { \"Storage\": \"" + AccountConnectionString + "\" } }")));

        [Fact]
        public Task AnInjectedClientWithoutRegistrationIsUnknown() => VerifyAsync(@"
class DataExportStore(BlobServiceClient blobs)
{
    public Task Write(Customer customer) => {|#0:blobs.GetBlobContainerClient(""x"").UploadBlobAsync(""a"", BinaryData.FromString(customer.Email))|};
}", null, Res003(0));

        [Fact]
        public Task TheDevelopmentStorageEmulatorIsNoTransfer() => VerifyAsync(@"
class Exports
{
    private readonly BlobServiceClient _local = new BlobServiceClient(""UseDevelopmentStorage=true"");
    public Task Write(Customer customer) => _local.GetBlobContainerClient(""x"").GetBlobClient(""a"").UploadAsync(BinaryData.FromObjectAsJson(customer));
    public Task Publish(Customer customer) => new QueueClient(""UseDevelopmentStorage=true"", ""events"").SendMessageAsync(customer.Email);
}", null);

        [Fact]
        public void TheDevelopmentStorageEmulatorIsInternal()
        {
            var sink = SinkOf(@"
class Exports
{
    public Task Write(string text) => new BlobServiceClient(""UseDevelopmentStorage=true"").GetBlobContainerClient(""x"").UploadBlobAsync(""a"", BinaryData.FromString(text));
}");
            Assert.True(sink.IsInternal);
            Assert.Contains("UseDevelopmentStorage=true", sink.ResolvedBy);
        }

        [Fact]
        public Task NonPersonalDataIsNoDiagnostic() => VerifyAsync(@"
class Catalog
{
    private readonly BlobServiceClient _service = new BlobServiceClient(new Uri(""" + ServiceUri + @"""));
    public Task Publish(int count, string sku) => _service.GetBlobContainerClient(""catalog"").GetBlobClient(sku).UploadAsync(BinaryData.FromString(count.ToString()));
    public Uri Link() => _service.GenerateAccountSasUri(DateTimeOffset.UtcNow);
}", Declared("acmeexports.blob.core.windows.net", "US"));

        [Fact]
        public Task AnUploadIsNoLongerAnUnclassifiedRecipient() => VerifyUnclassifiedAsync(@"
class Exports
{
    private readonly BlobServiceClient _service = new BlobServiceClient(new Uri(""" + ServiceUri + @"""));
    public Task Write(Customer customer) => _service.GetBlobContainerClient(""x"").GetBlobClient(""a"").UploadAsync(BinaryData.FromObjectAsJson(customer));
    public Task Publish(Customer customer) => new QueueClient(new Uri(""https://acmeexports.queue.core.windows.net/events"")).SendMessageAsync(customer.Email);
    public void Other(Customer customer) => {|#0:Contoso.Vendor.Archive.Put(customer.Email)|};
}");

        // The same run with a vendor method nobody classified: RES008 still reports that one (the analyzer is on).
        private static async Task VerifyUnclassifiedAsync(string source)
        {
            var test = new AnalyzerVerifier<UnclassifiedRecipientAnalyzer>.Test { TestCode = Usings + Uses + source + EndpointTest.Model };
            test.TestState.AdditionalReferences.Add(Storage);
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Vendor", "namespace Contoso.Vendor { public static class Archive { public static void Put(string value) { } } }"));
            test.TestState.Sources.Add(ExtensionsStubs + RegistrationStubs);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("RES008", DiagnosticSeverity.Info).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
