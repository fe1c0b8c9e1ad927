using System.Threading.Tasks;
using Residency.Analyzers.Sinks;
using static Residency.Analyzers.Tests.Endpoints.AzureSdkTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Microsoft.Azure.Cosmos (NoSQL API): a Container's item calls (writes, reads, queries, deletes) and a transactional batch's
    /// operations are SDK sinks; the host is the account's (<c>{account}.documents.azure.com</c>), from the client's connection
    /// string (<c>AccountEndpoint</c>) or account endpoint (valueFormat <c>connectionStringOrHost</c>), kept by GetDatabase,
    /// GetContainer, CreateTransactionalBatch and the batch's fluent operations. The account's regions are not in the host:
    /// Unknown (RES003) until residency.json declares it. Account, database and container management is no sink.
    /// </summary>
    public class AzureCosmosTests
    {
        private const string Account = "acmecrm.documents.azure.com";
        private const string ConnectionString = "AccountEndpoint=https://acmecrm.documents.azure.com:443/;AccountKey=a2V5a2V5a2V5==;";
        private const string Cosmos = "using Microsoft.Azure.Cosmos;\n";

        private const string Store = Cosmos + @"
class Customers
{
    private readonly Container _container = new CosmosClient(""" + ConnectionString + @""").GetContainer(""crm"", ""customers"");
    public Task Save(Customer customer) => {|#0:_container.UpsertItemAsync(customer, new PartitionKey(customer.Id.ToString()))|};
}";

        [Fact]
        public Task AConnectionStringsAccountIsUnknownAndTheMessageGivesTheHostsEntry() => VerifyAsync(Store, null,
            Res003(0, "Customer.Email (contact.email), Customer.Name (name)", "Container.UpsertItemAsync", Account, "Microsoft (Azure Cosmos DB)", "Save"));

        [Fact]
        public Task AnAccountDeclaredInGermanyIsAllowed() => VerifyAsync(Store, Declared(Account, "DE"));

        [Fact]
        public Task AnAccountDeclaredInTheUsIsRes001() => VerifyAsync(Store, Declared(Account, "US"), Res001(0));

        [Theory]
        [InlineData("new CosmosClient(\"" + ConnectionString + "\")", "connection string: AccountEndpoint")]
        [InlineData("new CosmosClient(\"" + ConnectionString + "\", new CosmosClientOptions { ApplicationRegion = \"West Europe\" })", "CosmosClient(connectionString)")]
        [InlineData("new CosmosClient(\"https://acmecrm.documents.azure.com:443/\", \"a2V5\")", "CosmosClient(accountEndpoint)")]
        [InlineData("new CosmosClient(\"https://acmecrm.documents.azure.com:443/\", new Azure.Identity.DefaultAzureCredential())", "CosmosClient(accountEndpoint)")]
        [InlineData("new Microsoft.Azure.Cosmos.Fluent.CosmosClientBuilder(\"https://acmecrm.documents.azure.com:443/\", \"a2V5\").WithApplicationName(\"crm\").Build()", "CosmosClientBuilder(accountEndpoint)")]
        public void TheClientsConnectionStringOrEndpointGivesTheHost(string creation, string how)
        {
            var sink = SinkOf(Cosmos + @"
namespace Azure.Identity { public class DefaultAzureCredential : Azure.Core.TokenCredential { } }
class Customers
{
    public Task Save(string text) => " + creation + @".GetDatabase(""crm"").GetContainer(""customers"").CreateItemAsync(text);
}");
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.Equal(Account, sink.Host);
            Assert.Equal("Microsoft (Azure Cosmos DB)", sink.Recipient);
            Assert.Contains(how, sink.ResolvedBy);
        }

        [Theory]
        [InlineData("AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==")]
        [InlineData("https://localhost:8081")]
        public void TheLocalEmulatorIsInternal(string endpoint)
        {
            var sink = SinkOf(Cosmos + @"
class Customers
{
    public Task Save(string text) => new CosmosClient(""" + endpoint + @""", ""C2y6yDjf5"").GetContainer(""crm"", ""customers"").CreateItemAsync(text);
}");
            Assert.True(sink.IsInternal);
            Assert.Equal("localhost", sink.Host);
        }

        [Fact]
        public Task EveryItemCallThatCarriesItemDataOrIdentityIsASink() => VerifyAsync(Cosmos + @"
class Customers
{
    private readonly CosmosClient _client = new CosmosClient(""https://acmecrm.documents.azure.com:443/"", ""a2V5"");
    public async Task Write(Customer customer)
    {
        Container container = _client.GetDatabase(""crm"").GetContainer(""customers"");
        await {|#0:container.CreateItemAsync(customer)|};
        await {|#1:container.ReplaceItemAsync(customer, customer.Id.ToString())|};
        await {|#2:container.PatchItemAsync<Customer>(customer.Id.ToString(), new PartitionKey(""eu""), new[] { PatchOperation.Set(""/email"", customer.Email) })|};
        await {|#3:container.CreateItemStreamAsync(new System.IO.MemoryStream(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(customer)), new PartitionKey(""eu""))|};
    }
    public async Task Read(Customer customer)
    {
        var container = _client.GetContainer(""crm"", ""customers"");
        await {|#4:container.ReadItemAsync<Customer>(customer.Email, new PartitionKey(customer.Email))|};
        await {|#5:container.DeleteItemAsync<Customer>(""id"", new PartitionKey(customer.Name))|};
        var byParameter = {|#6:container.GetItemQueryIterator<Customer>(new QueryDefinition(""SELECT * FROM c WHERE c.email = @email"").WithParameter(""@email"", customer.Email))|};
        var byText = {|#7:container.GetItemQueryIterator<Customer>($""SELECT * FROM c WHERE c.name = '{customer.Name}'"")|};
    }
}", Declared(Account, "US"), Res001(0), Res001(1), Res001(2), Res001(3), Res001(4), Res001(5), Res001(6), Res001(7));

        [Fact]
        public Task ATransactionalBatchsOperationsAreSinksOfItsContainersAccount() => VerifyAsync(Cosmos + @"
class Customers
{
    private readonly Container _container = new CosmosClient(""" + ConnectionString + @""").GetContainer(""crm"", ""customers"");
    public async Task Fluent(Customer customer, Customer other)
    {
        await {|#0:{|#1:_container.CreateTransactionalBatch(new PartitionKey(""eu"")).CreateItem(customer)|}.UpsertItem(other)|}.ExecuteAsync();
    }
    public async Task Statements(Customer customer)
    {
        var batch = {|#3:_container.CreateTransactionalBatch(new PartitionKey(customer.Email))|};
        {|#2:batch.ReplaceItem(customer.Id.ToString(), customer)|};
        await batch.ExecuteAsync();
    }
}", Declared(Account, "US"), Res001(0), Res001(1), Res001(2), Res001(3));

        [Fact]
        public Task NonPersonalDataAndManagementAreNoDiagnostic() => VerifyAsync(Cosmos + @"
class Setup
{
    private readonly CosmosClient _client = new CosmosClient(""" + ConnectionString + @""");
    public async Task Run(Customer customer)
    {
        var database = (await _client.CreateDatabaseIfNotExistsAsync(""crm"")).Database;
        var container = (await database.CreateContainerIfNotExistsAsync(""customers"", ""/id"")).Container;
        await container.ReadContainerAsync();
        await container.UpsertItemAsync(new { id = customer.Id.ToString(), visits = 3 });
        await container.ReadItemAsync<Customer>(customer.Id.ToString(), new PartitionKey(""eu""));
    }
}", Declared(Account, "US"));

        [Fact]
        public void ManagementCallsAreNoSinks()
        {
            var probes = SinkProbe.Resolve(Uses + Cosmos + @"
class Setup
{
    public async Task Run(CosmosClient client)
    {
        var database = (await client.CreateDatabaseIfNotExistsAsync(""crm"")).Database;
        var container = (await database.CreateContainerIfNotExistsAsync(""customers"", ""/id"")).Container;
        await container.ReadContainerAsync();
        await container.ReadThroughputAsync();
        await database.ReadAsync();
        await container.DeleteContainerAsync();
        var query = container.GetItemLinqQueryable<Customer>();
    }
}" + EndpointTest.ExtensionsStubs + RegistrationStubs, null, null, Library);
            Assert.Empty(probes);
        }

        [Fact]
        public Task AClientRegisteredWithAFactoryLambdaIsFollowedForAnInjectedContainer() => VerifyAsync(Cosmos + @"
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(sp => new CosmosClient(configuration[""Cosmos:ConnectionString""]!));
        services.AddSingleton(sp => sp.GetService(typeof(CosmosClient)) is CosmosClient c ? c.GetContainer(""crm"", ""customers"") : null!);
    }
}
class Customers(Container container)
{
    public Task Save(Customer customer) => {|#0:container.UpsertItemAsync(customer)|};
}", Declared(Account, "US", ("appsettings.json", "{ \"Cosmos\": { \"ConnectionString\": \"" + ConnectionString + "\" } }")), Res001(0));

        [Fact]
        public Task AnInjectedClientWithoutCreationOrRegistrationIsUnknown() => VerifyAsync(Cosmos + @"
class Customers(CosmosClient client)
{
    public Task Save(Customer customer) => {|#0:client.GetContainer(""crm"", ""customers"").CreateItemAsync(customer)|};
}", null, Res003(0));

        [Fact]
        public Task AnItemCallIsNoLongerAnUnclassifiedRecipient() => VerifyUnclassifiedAsync(Cosmos + @"
class Customers
{
    private readonly Container _container = new CosmosClient(""" + ConnectionString + @""").GetContainer(""crm"", ""customers"");
    public async Task Save(Customer customer)
    {
        await _container.UpsertItemAsync(customer);
        await _container.CreateTransactionalBatch(new PartitionKey(""eu"")).CreateItem(customer).ExecuteAsync();
    }
    public void Other(Customer customer) => {|#0:Contoso.Vendor.Archive.Put(customer.Email)|};
}");
    }
}
