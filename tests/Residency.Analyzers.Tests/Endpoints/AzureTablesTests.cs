using System.Threading.Tasks;
using Residency.Analyzers.Sinks;
using static Residency.Analyzers.Tests.Endpoints.AzureSdkTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Azure.Data.Tables clients (TableServiceClient, TableClient) are SDK sinks. The host is the storage account's
    /// (<c>{account}.table.core.windows.net</c>) or, for Cosmos DB's Table API, <c>{account}.table.cosmos.azure.com</c>, from the
    /// endpoint URI or the connection string (<c>TableEndpoint</c>, else <c>AccountName</c> + <c>EndpointSuffix</c>); the
    /// region is not in the host: Unknown (RES003) until residency.json declares it.
    /// </summary>
    public class AzureTablesTests
    {
        private const string Endpoint = "https://acmecrm.table.core.windows.net";

        private const string AccountConnectionString = "DefaultEndpointsProtocol=https;AccountName=acmecrm;AccountKey=a2V5;EndpointSuffix=core.windows.net";

        private const string Rows = @"
class Rows
{
    private readonly TableServiceClient _service = new TableServiceClient(new Uri(""" + Endpoint + @"""), new TableSharedKeyCredential(""acmecrm"", ""a2V5""));
    public Task Save(Customer customer)
    {
        var table = _service.GetTableClient(""customers"");
        return {|#0:table.AddEntityAsync(new TableEntity(""customers"", customer.Id.ToString()) { { ""Email"", customer.Email } })|};
    }
}";

        [Fact]
        public Task AnAccountEndpointIsUnknownAndTheMessageGivesTheHostsEntry() => VerifyAsync(Rows, null,
            Res003(0, "Customer.Email (contact.email)", "TableClient.AddEntityAsync", "acmecrm.table.core.windows.net", "Microsoft (Azure Storage)", "Save"));

        [Fact]
        public Task AnAccountDeclaredInTheNetherlandsIsAllowed() => VerifyAsync(Rows, Declared("acmecrm.table.core.windows.net", "NL"));

        [Fact]
        public Task AnAccountDeclaredInTheUsIsRes001() => VerifyAsync(Rows, Declared("acmecrm.table.core.windows.net", "US"), Res001(0));

        [Theory]
        [InlineData(AccountConnectionString, "acmecrm.table.core.windows.net", "AccountName + EndpointSuffix")]
        [InlineData("DefaultEndpointsProtocol=https;AccountName=AcmeCrm;AccountKey=a2V5", "acmecrm.table.core.windows.net", "default EndpointSuffix")]
        [InlineData("DefaultEndpointsProtocol=https;AccountName=acmecosmos;AccountKey=a2V5;TableEndpoint=https://acmecosmos.table.cosmos.azure.com:443/;", "acmecosmos.table.cosmos.azure.com", "TableEndpoint")]
        [InlineData("DefaultEndpointsProtocol=https;AccountName=acmegov;AccountKey=a2V5;EndpointSuffix=core.usgovcloudapi.net", "acmegov.table.core.usgovcloudapi.net", "AccountName + EndpointSuffix")]
        public void AConnectionStringGivesTheAccountHost(string connectionString, string host, string how)
        {
            var sink = SinkOf(@"
class Rows
{
    public Task Save(string text) => new TableClient(""" + connectionString + @""", ""customers"").AddEntityAsync(new TableEntity(""p"", text));
}");
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.Equal(host, sink.Host);
            Assert.Contains(how, sink.ResolvedBy);
        }

        [Fact]
        public void ACosmosDbTableApiAccountIsUnknownWithItsRecipient()
        {
            var sink = SinkOf(@"
class Rows
{
    public Task Save(string text) => new TableServiceClient(new Uri(""https://acmecosmos.table.cosmos.azure.com"")).GetTableClient(""customers"").UpsertEntityAsync(new TableEntity(""p"", text));
}");
            Assert.Equal("acmecosmos.table.cosmos.azure.com", sink.Host);
            Assert.Equal("Unknown", sink.Region.Code);
            Assert.Contains("TableServiceClient(endpoint)", sink.ResolvedBy);
            Assert.Equal("add { \"pattern\": \"acmecosmos.table.cosmos.azure.com\", \"region\": \"<region>\" } to \"hosts\" in residency.json (the region of the resource or service behind the host)", sink.Hint);
        }

        [Fact]
        public Task ATableClientWithTheTableNameKeepsTheAccount() => VerifyAsync(@"
class Rows
{
    public Task Save(Customer customer) =>
        {|#0:new TableClient(new Uri(""https://acmeus.table.core.windows.net""), ""customers"", new TableSharedKeyCredential(""acmeus"", ""a2V5"")).UpsertEntityAsync(new TableEntity(""c"", ""1"") { [""Name""] = customer.Name })|};
    public Task Copy(Customer customer) =>
        new TableServiceClient(new Uri(""https://acmeeu.table.core.windows.net"")).GetTableClient(""customers"").AddEntityAsync(new TableEntity(""c"", ""1"") { [""Name""] = customer.Name });
}", new[] { ("/0/residency.json", "{ \"hosts\": [ { \"pattern\": \"acmeus.table.core.windows.net\", \"region\": \"US\" }, { \"pattern\": \"acmeeu.table.core.windows.net\", \"region\": \"DE\" } ] }") },
            Res001(0));

        [Fact]
        public Task TheDevelopmentStorageEmulatorIsNoTransfer() => VerifyAsync(@"
class Rows
{
    private readonly TableServiceClient _local = new TableServiceClient(""UseDevelopmentStorage=true"");
    public Task Save(Customer customer) => _local.GetTableClient(""customers"").AddEntityAsync(new TableEntity(""c"", customer.Email));
}", null);

        [Fact]
        public Task AnInjectedClientRegisteredWithAConnectionStringFromAppsettingsIsFollowed() => VerifyAsync(@"
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddAzureClients(b => b.AddTableServiceClient(configuration.GetConnectionString(""Tables"")!));
}
class CustomerRows(TableServiceClient tables)
{
    public Task Save(Customer customer) => {|#0:tables.GetTableClient(""customers"").AddEntityAsync(new TableEntity(""c"", customer.Id.ToString()) { { ""Email"", customer.Email } })|};
}", Declared("acmecrm.table.core.windows.net", "US", ("appsettings.json", "{ \"ConnectionStrings\": { \"Tables\": \"" + AccountConnectionString + "\" } }")), Res001(0));

        [Fact]
        public Task AnInjectedClientRegisteredWithASectionReadsItsEndpoint() => VerifyAsync(@"
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddAzureClients(b => b.AddTableServiceClient(configuration.GetSection(""Tables"")));
}
class CustomerRows(TableServiceClient tables)
{
    public Task Save(Customer customer) => tables.GetTableClient(""customers"").AddEntityAsync(new TableEntity(""c"", customer.Id.ToString()) { { ""Email"", customer.Email } });
}", Declared("acmecrm.table.core.windows.net", "SE", ("appsettings.json", "{ \"Tables\": { \"Endpoint\": \"" + Endpoint + "\" } }")));

        [Fact]
        public Task AnInjectedClientWithoutRegistrationIsUnknown() => VerifyAsync(@"
class CustomerRows(TableClient table)
{
    public Task Save(Customer customer) => {|#0:table.AddEntityAsync(new TableEntity(""c"", customer.Email))|};
}", null, Res003(0));

        [Fact]
        public Task NonPersonalDataIsNoDiagnostic() => VerifyAsync(@"
class Stock
{
    private readonly TableServiceClient _service = new TableServiceClient(new Uri(""" + Endpoint + @"""));
    public async Task Save(int count, string sku, Customer customer)
    {
        var table = _service.GetTableClient(""stock"");
        await table.UpsertEntityAsync(new TableEntity(""stock"", sku) { [""Count""] = count });
        await table.DeleteEntityAsync(""orders"", customer.Id.ToString());
    }
    public Uri Link() => _service.GenerateSasUri(TableSasPermissions.Read, DateTimeOffset.UtcNow);
}", Declared("acmecrm.table.core.windows.net", "US"));

        [Fact]
        public Task AnEntityWriteIsNoLongerAnUnclassifiedRecipient() => VerifyUnclassifiedAsync(@"
class Rows
{
    private readonly TableServiceClient _service = new TableServiceClient(new Uri(""" + Endpoint + @"""));
    public Task Save(Customer customer) => _service.GetTableClient(""customers"").AddEntityAsync(new TableEntity(""c"", customer.Email));
    public void Other(Customer customer) => {|#0:Contoso.Vendor.Archive.Put(customer.Email)|};
}");
    }
}
