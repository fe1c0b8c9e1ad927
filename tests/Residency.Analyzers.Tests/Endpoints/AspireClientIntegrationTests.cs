using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Endpoints.AzureSdkTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// .NET Aspire client integrations (Aspire.Azure.Storage.Blobs, Aspire.Azure.Messaging.ServiceBus, Aspire.Microsoft.Azure.Cosmos,
    /// Aspire.Azure.Messaging.EventHubs): <c>builder.AddAzureCosmosClient("cosmos")</c> takes a connection name; an injected client
    /// sends to <c>ConnectionStrings:{name}</c>, else the integration's settings section (<c>Aspire:…:{name}:…</c>, then
    /// <c>Aspire:…:…</c>), read from appsettings.json. Without a value the client's region is Unknown (RES003).
    /// </summary>
    public class AspireClientIntegrationTests
    {
        private const string Usings = "using Microsoft.Azure.Cosmos;\nusing Microsoft.Extensions.Hosting;\nusing Azure.Messaging.EventHubs;\nusing Azure.Messaging.EventHubs.Producer;\nusing Azure.Storage.Blobs;\n";

        private const string CosmosApp = Usings + @"
static class Program
{
    public static void Configure(IHostApplicationBuilder builder) => builder.AddAzureCosmosClient(""cosmos"");
}
class Customers(CosmosClient client)
{
    public Task Save(Customer customer) => {|#0:client.GetContainer(""crm"", ""customers"").UpsertItemAsync(customer)|};
}";

        [Fact]
        public Task ACosmosClientsConnectionStringIsFollowed() => VerifyAsync(CosmosApp,
            Declared("acmecrm.documents.azure.com", "US", ("appsettings.json", "{ \"ConnectionStrings\": { \"cosmos\": \"AccountEndpoint=https://acmecrm.documents.azure.com:443/;AccountKey=a2V5;\" } }")), Res001(0));

        [Fact]
        public Task ACosmosClientsAccountEndpointConnectionStringInGermanyIsAllowed() => VerifyAsync(CosmosApp,
            Declared("acmecrm.documents.azure.com", "DE", ("appsettings.json", "{ \"ConnectionStrings\": { \"cosmos\": \"https://acmecrm.documents.azure.com:443/\" } }")));

        [Fact]
        public Task ACosmosClientsSettingsSectionIsFollowed() => VerifyAsync(CosmosApp,
            Declared("acmecrm.documents.azure.com", "US", ("appsettings.json", "{ \"Aspire\": { \"Microsoft\": { \"Azure\": { \"Cosmos\": { \"AccountEndpoint\": \"https://acmecrm.documents.azure.com:443/\" } } } } }")), Res001(0));

        [Fact]
        public Task ACosmosClientWithoutConfigurationIsUnknown() => VerifyAsync(CosmosApp, null, Res003(0));

        [Fact]
        public Task AnInjectedContainerOfAnAspireContainerRegistrationIsFollowed() => VerifyAsync(Usings + @"
static class Program
{
    public static void Configure(IHostApplicationBuilder builder) => builder.AddAzureCosmosContainer(""customers"");
}
class Customers(Container container)
{
    public Task Save(Customer customer) => {|#0:container.CreateItemAsync(customer)|};
}", Declared("acmecrm.documents.azure.com", "US", ("appsettings.json", "{ \"ConnectionStrings\": { \"customers\": \"AccountEndpoint=https://acmecrm.documents.azure.com:443/;AccountKey=a2V5;Database=crm;Container=customers\" } }")), Res001(0));

        [Fact]
        public Task ABlobServiceClientsServiceUriIsFollowedAndTheKeyedNamedSectionToo() => VerifyAsync(Usings + @"
static class Program
{
    public static void Configure(IHostApplicationBuilder builder)
    {
        builder.AddAzureBlobServiceClient(""blobs"");
        builder.AddKeyedAzureBlobServiceClient(""archive"");
    }
}
class Exports(BlobServiceClient blobs)
{
    public Task Save(Customer customer) => {|#0:blobs.GetBlobContainerClient(""exports"").GetBlobClient(""c.json"").UploadAsync(BinaryData.FromObjectAsJson(customer))|};
}", new[]
        {
            ("/0/residency.json", "{ \"hosts\": [ { \"pattern\": \"acmeexports.blob.core.windows.net\", \"region\": \"DE\" }, { \"pattern\": \"acmearchive.blob.core.windows.net\", \"region\": \"US\" } ] }"),
            ("appsettings.json", "{ \"ConnectionStrings\": { \"blobs\": \"https://acmeexports.blob.core.windows.net\" }, \"Aspire\": { \"Azure\": { \"Storage\": { \"Blobs\": { \"archive\": { \"ServiceUri\": \"https://acmearchive.blob.core.windows.net\" } } } } } }"),
        }, Res001(0));

        [Fact]
        public Task TheObsoleteBlobRegistrationCountsWithAStorageConnectionString() => VerifyAsync(Usings + @"
static class Program
{
#pragma warning disable CS0618
    public static void Configure(IHostApplicationBuilder builder) => builder.AddAzureBlobClient(""blobs"");
#pragma warning restore CS0618
}
class Exports(BlobServiceClient blobs)
{
    public Task Save(Customer customer) => {|#0:blobs.GetBlobContainerClient(""exports"").UploadBlobAsync(""c.json"", BinaryData.FromObjectAsJson(customer))|};
}", Declared("acmeexports.blob.core.windows.net", "US", ("appsettings.json", "{ \"ConnectionStrings\": { \"blobs\": \"DefaultEndpointsProtocol=https;AccountName=acmeexports;AccountKey=a2V5;EndpointSuffix=core.windows.net\" } }")), Res001(0));

        // AddAzureBlobContainerClient: the app host injects "Endpoint={service URI};ContainerName={name}" (the emulator's
        // endpoint is a whole storage connection string in quotes); a deployed app may get the service URI alone.
        private const string ContainerApp = Usings + @"
static class Program
{
    public static void Configure(IHostApplicationBuilder builder) => builder.AddAzureBlobContainerClient(""photos"");
}
class Photos(BlobContainerClient container)
{
    public Task Save(Customer customer) => {|#0:container.UploadBlobAsync(""c.json"", BinaryData.FromObjectAsJson(customer))|};
}";

        [Fact]
        public Task ABlobContainerClientsEndpointIsFollowed() => VerifyAsync(ContainerApp,
            Declared("acmephotos.blob.core.windows.net", "US", ("appsettings.json", "{ \"ConnectionStrings\": { \"photos\": \"Endpoint=https://acmephotos.blob.core.windows.net/;ContainerName=photos\" } }")), Res001(0));

        [Fact]
        public Task ABlobContainerClientsEndpointInGermanyIsAllowed() => VerifyAsync(ContainerApp,
            Declared("acmephotos.blob.core.windows.net", "DE", ("appsettings.json", "{ \"ConnectionStrings\": { \"photos\": \"Endpoint=https://acmephotos.blob.core.windows.net/;ContainerName=photos\" } }")));

        [Fact]
        public Task ABlobContainerClientsServiceUriAloneIsFollowed() => VerifyAsync(ContainerApp,
            Declared("acmephotos.blob.core.windows.net", "US", ("appsettings.json", "{ \"ConnectionStrings\": { \"photos\": \"https://acmephotos.blob.core.windows.net\" } }")), Res001(0));

        // The emulator's endpoint, quoted: its semicolons belong to the inner connection string (a local host, no transfer).
        [Fact]
        public Task ABlobContainerClientOnTheEmulatorStaysLocal() => VerifyAsync(ContainerApp,
            Declared("acmephotos.blob.core.windows.net", "US", ("appsettings.json", "{ \"ConnectionStrings\": { \"photos\": \"Endpoint=\\\"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;\\\";ContainerName=photos\" } }")));

        [Fact]
        public Task ABlobContainerClientWithoutConfigurationIsUnknown() => VerifyAsync(ContainerApp, null, Res003(0));

        [Fact]
        public Task AServiceBusClientsNamespaceIsFollowed() => VerifyAsync(Usings + @"
static class Program
{
    public static void Configure(IHostApplicationBuilder builder) => builder.AddAzureServiceBusClient(""sb"");
}
class Orders(ServiceBusClient client)
{
    public Task Placed(Customer customer) => {|#0:client.CreateSender(""orders"").SendMessageAsync(new ServiceBusMessage(customer.Email))|};
}", Declared("acmeorders.servicebus.windows.net", "US", ("appsettings.json", "{ \"ConnectionStrings\": { \"sb\": \"acmeorders.servicebus.windows.net\" } }")), Res001(0));

        [Fact]
        public Task AnEventHubProducersSectionIsFollowed() => VerifyAsync(Usings + @"
static class Program
{
    public static void Configure(IHostApplicationBuilder builder) => builder.AddKeyedAzureEventHubProducerClient(""eh"");
}
class Orders(EventHubProducerClient producer)
{
    public Task Placed(Customer customer) => {|#0:producer.SendAsync(new[] { new EventData(customer.Email) })|};
}", Declared("acmeevents.servicebus.windows.net", "US", ("appsettings.json", "{ \"Aspire\": { \"Azure\": { \"Messaging\": { \"EventHubs\": { \"EventHubProducerClient\": { \"eh\": { \"FullyQualifiedNamespace\": \"acmeevents.servicebus.windows.net\", \"EventHubName\": \"orders\" } } } } } } }")), Res001(0));

        [Fact]
        public Task AConnectionNameWithoutAValueIsUnknown() => VerifyAsync(Usings + @"
static class Program
{
    public static void Configure(IHostApplicationBuilder builder) => builder.AddAzureEventHubProducerClient(""eh"");
}
class Orders(EventHubProducerClient producer)
{
    public Task Placed(Customer customer) => {|#0:producer.SendAsync(new[] { new EventData(customer.Email) })|};
}", Declared("acmeevents.servicebus.windows.net", "US", ("appsettings.json", "{ \"ConnectionStrings\": { \"other\": \"Endpoint=sb://acmeevents.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=a2V5\" } }")), Res003(0));
    }
}
