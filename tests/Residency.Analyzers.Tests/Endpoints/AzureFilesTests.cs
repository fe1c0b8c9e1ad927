using System.Threading.Tasks;
using Residency.Analyzers.Sinks;
using static Residency.Analyzers.Tests.Endpoints.AzureSdkTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Azure.Storage.Files.Shares clients (ShareServiceClient, ShareClient, ShareDirectoryClient, ShareFileClient) are SDK
    /// sinks. The host is the storage account's (<c>{account}.file.core.windows.net</c>, from the service, share, directory or
    /// file URI, or the connection string's <c>FileEndpoint</c>, else <c>AccountName</c> + <c>EndpointSuffix</c>); the region
    /// is not in the host: Unknown (RES003) until residency.json declares it.
    /// </summary>
    public class AzureFilesTests
    {
        private const string ServiceUri = "https://acmedocs.file.core.windows.net";

        private const string AccountConnectionString = "DefaultEndpointsProtocol=https;AccountName=acmedocs;AccountKey=a2V5;EndpointSuffix=core.windows.net";

        private const string Export = @"
class Exports
{
    private readonly ShareServiceClient _service = new ShareServiceClient(new Uri(""" + ServiceUri + @"""), new Azure.Storage.StorageSharedKeyCredential(""acmedocs"", ""a2V5""));
    public Task Write(Customer customer)
    {
        var file = _service.GetShareClient(""exports"").GetRootDirectoryClient().GetSubdirectoryClient(""customers"").GetFileClient($""{customer.Id}.json"");
        return {|#0:file.UploadAsync(new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(customer))))|};
    }
}";

        [Fact]
        public Task AnAccountServiceUriIsUnknownAndTheMessageGivesTheHostsEntry() => VerifyAsync(Export, null,
            Res003(0, "Customer.Email (contact.email), Customer.Name (name)", "ShareFileClient.UploadAsync", "acmedocs.file.core.windows.net", "Microsoft (Azure Storage)", "Write"));

        [Fact]
        public Task AnAccountDeclaredInFranceIsAllowed() => VerifyAsync(Export, Declared("acmedocs.file.core.windows.net", "FR"));

        [Fact]
        public Task AnAccountDeclaredInTheUsIsRes001() => VerifyAsync(Export, Declared("acmedocs.file.core.windows.net", "US"), Res001(0));

        [Theory]
        [InlineData(AccountConnectionString, "acmedocs.file.core.windows.net", "AccountName + EndpointSuffix", "Microsoft (Azure Storage)")]
        [InlineData("DefaultEndpointsProtocol=https;AccountName=AcmeDocs;AccountKey=a2V5", "acmedocs.file.core.windows.net", "default EndpointSuffix", "Microsoft (Azure Storage)")]
        [InlineData("FileEndpoint=https://files.contoso.example/;SharedAccessSignature=sv=2024&sig=x", "files.contoso.example", "FileEndpoint", "Microsoft (Azure Storage)")]
        [InlineData("BlobEndpoint=https://acmedocs.blob.core.windows.net/;FileEndpoint=https://acmedocs.file.core.chinacloudapi.cn/;SharedAccessSignature=sv=2024", "acmedocs.file.core.chinacloudapi.cn", "FileEndpoint", "21Vianet (Microsoft Azure operated in China)")]
        public void AConnectionStringGivesTheAccountHost(string connectionString, string host, string how, string recipient)
        {
            var sink = SinkOf(@"
class Exports
{
    public Task Write(string text) => new ShareFileClient(""" + connectionString + @""", ""exports"", ""a/b.txt"").SetMetadataAsync(new System.Collections.Generic.Dictionary<string, string> { [""note""] = text });
}");
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.Equal(host, sink.Host);
            Assert.Equal(recipient, sink.Recipient); // the host's entry names it: the sovereign cloud's operator
            Assert.Contains(how, sink.ResolvedBy);
        }

        [Fact]
        public Task ChildClientsKeepTheirParentsAccount() => VerifyAsync(@"
class Exports
{
    private readonly ShareClient _us = new ShareClient(new Uri(""https://acmeus.file.core.windows.net/exports""));
    private readonly ShareDirectoryClient _eu = new ShareDirectoryClient(""DefaultEndpointsProtocol=https;AccountName=acmeeu;AccountKey=a2V5"", ""exports"", ""customers"");
    public async Task Write(Customer customer)
    {
        var directory = _us.GetDirectoryClient(""customers"");
        await {|#0:directory.CreateFileAsync(customer.Email + "".json"", 1024)|};
        await {|#1:directory.GetFileClient(""a.json"").SetMetadataAsync(new System.Collections.Generic.Dictionary<string, string> { [""email""] = customer.Email })|};
        await _eu.GetFileClient(""a.json"").SetMetadataAsync(new System.Collections.Generic.Dictionary<string, string> { [""email""] = customer.Email });
        await _eu.GetSubdirectoryClient(""archive"").CreateFileAsync(customer.Email, 1024);
    }
}", new[] { ("/0/residency.json", "{ \"hosts\": [ { \"pattern\": \"acmeus.file.core.windows.net\", \"region\": \"US\" }, { \"pattern\": \"acmeeu.file.core.windows.net\", \"region\": \"IE\" } ] }") },
            Res001(0), Res001(1));

        [Fact]
        public Task TheDevelopmentStorageEmulatorIsNoTransfer() => VerifyAsync(@"
class Exports
{
    public Task Write(Customer customer) =>
        new ShareClient(""UseDevelopmentStorage=true"", ""exports"").GetRootDirectoryClient().CreateFileAsync(customer.Email, 1024);
}", null);

        [Fact]
        public Task AnInjectedClientRegisteredWithAConnectionStringFromAppsettingsIsFollowed() => VerifyAsync(@"
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddAzureClients(b => b.AddFileServiceClient(configuration.GetConnectionString(""Files"")!));
}
class Exports(ShareServiceClient shares)
{
    public Task Write(Customer customer) => {|#0:shares.GetShareClient(""exports"").GetRootDirectoryClient().CreateFileAsync(customer.Email, 1024)|};
}", Declared("acmedocs.file.core.windows.net", "US", ("appsettings.json", "{ \"ConnectionStrings\": { \"Files\": \"" + AccountConnectionString + "\" } }")), Res001(0));

        [Fact]
        public Task AnInjectedClientRegisteredWithASectionInGermanyIsAllowed() => VerifyAsync(@"
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddAzureClients(b => b.AddFileServiceClient(configuration.GetSection(""Files"")));
}
class Exports(ShareServiceClient shares)
{
    public Task Write(Customer customer) => shares.GetShareClient(""exports"").GetRootDirectoryClient().CreateFileAsync(customer.Email, 1024);
}", Declared("acmedocs.file.core.windows.net", "DE", ("appsettings.json", "{ \"Files\": { \"ServiceUri\": \"" + ServiceUri + "\" } }")));

        [Fact]
        public Task NonPersonalDataIsNoDiagnostic() => VerifyAsync(@"
class Reports
{
    private readonly ShareServiceClient _service = new ShareServiceClient(new Uri(""" + ServiceUri + @"""));
    public async Task Write(int count, Customer customer)
    {
        var directory = _service.GetShareClient(""reports"").GetDirectoryClient(""daily"");
        await directory.CreateIfNotExistsAsync();
        await directory.CreateFileAsync($""{customer.Id}-{count}.csv"", count);
    }
    public Uri Link() => _service.GenerateAccountSasUri(DateTimeOffset.UtcNow);
    public Uri Share() => _service.GetShareClient(""reports"").GenerateSasUri(DateTimeOffset.UtcNow);
}", Declared("acmedocs.file.core.windows.net", "US"));
    }
}
