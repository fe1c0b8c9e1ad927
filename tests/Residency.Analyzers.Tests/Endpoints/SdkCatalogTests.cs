using System.Threading.Tasks;
using Residency.Analyzers.Sinks;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    public class SdkCatalogTests
    {
        private const string OpenAiUses = "using OpenAI;\nusing OpenAI.Chat;\nusing System.ClientModel;\n";

        [Fact]
        public Task ChatClientWithoutOptionsIsRes001() => VerifyAsync(OpenAiUses + @"
class Service
{
    async Task Run(Customer customer)
    {
        var chat = new ChatClient(""gpt-4o"", ""key"");
        await {|#0:chat.CompleteChatAsync(ChatMessage.CreateUserMessage(customer.Email))|};
    }
}" + SdkStubs.OpenAI, Res001(0));

        [Fact]
        public Task ChatClientWithEuEndpointIsClean() => VerifyAsync(OpenAiUses + @"
class Service
{
    async Task Run(Customer customer)
    {
        var chat = new ChatClient(""gpt-4o"", new ApiKeyCredential(""key""), new OpenAIClientOptions { Endpoint = new Uri(""https://eu.api.openai.com/v1"") });
        await chat.CompleteChatAsync(ChatMessage.CreateUserMessage(customer.Email));

        var options = new OpenAIClientOptions();
        options.Endpoint = new Uri(""https://eu.api.openai.com/v1"");
        var other = new ChatClient(""gpt-4o"", new ApiKeyCredential(""key""), options);
        other.CompleteChat(new UserChatMessage(customer.Name));
    }
}" + SdkStubs.OpenAI);

        [Fact]
        public Task ChatClientWithUsEndpointOptionsIsRes001() => VerifyAsync(OpenAiUses + @"
class Service
{
    async Task Run(Customer customer)
    {
        var options = new OpenAIClientOptions { ProjectId = ""p"" };
        var chat = new ChatClient(""gpt-4o"", new ApiKeyCredential(""key""), options);
        await {|#0:chat.CompleteChatAsync(ChatMessage.CreateUserMessage(customer.Email))|};
        var deepseek = new ChatClient(""deepseek-chat"", new ApiKeyCredential(""key""), new OpenAIClientOptions { Endpoint = new Uri(""https://api.deepseek.com/v1"") });
        await {|#1:deepseek.CompleteChatAsync(ChatMessage.CreateUserMessage(customer.Email))|};
    }
}" + SdkStubs.OpenAI, Res001(0), Res001(1));

        [Fact]
        public Task ChildClientsInheritTheParentEndpoint() => VerifyAsync(OpenAiUses + @"
class Service
{
    async Task Run(Customer customer)
    {
        var eu = new OpenAIClient(new ApiKeyCredential(""key""), new OpenAIClientOptions { Endpoint = new Uri(""https://eu.api.openai.com/v1"") });
        await eu.GetChatClient(""gpt-4o"").CompleteChatAsync(ChatMessage.CreateUserMessage(customer.Email));
        await eu.GetEmbeddingClient(""e"").GenerateEmbeddingAsync(customer.Name);

        var us = new OpenAIClient(""key"");
        var chat = us.GetChatClient(""gpt-4o"");
        await {|#0:chat.CompleteChatAsync(ChatMessage.CreateUserMessage(customer.Email))|};
        {|#1:us.GetAudioClient(""tts"").GenerateSpeech(customer.Name, ""alloy"")|};
        await {|#2:us.GetResponsesClient(""gpt"").CreateResponseAsync(customer.Email)|};
    }
}" + SdkStubs.OpenAI, Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task EndpointFromAppSettings() => VerifyAsync(OpenAiUses + @"
using Microsoft.Extensions.Configuration;
class Service
{
    async Task Run(IConfiguration config, Customer customer)
    {
        var chat = new ChatClient(""gpt-4o"", new ApiKeyCredential(""key""), new OpenAIClientOptions { Endpoint = new Uri(config[""OpenAI:Endpoint""]!) });
        await {|#0:chat.CompleteChatAsync(ChatMessage.CreateUserMessage(customer.Email))|};
    }
}" + SdkStubs.OpenAI + ExtensionsStubs,
            new[] { ("appsettings.json", @"{ ""OpenAI"": { ""Endpoint"": ""https://eu.api.openai.com/v1"" } }"), ("appsettings.Development.json", @"{ ""OpenAI"": { ""Endpoint"": ""https://api.openai.com/v1"" } }") },
            null,
            Res001(0));

        [Fact]
        public Task InjectedClientUsesTheCreationsInTheCompilation() => VerifyAsync(OpenAiUses + @"
class Registration
{
    public static ChatClient Create() => new ChatClient(""gpt-4o"", new ApiKeyCredential(""key""), new OpenAIClientOptions { Endpoint = new Uri(""https://eu.api.openai.com/v1"") });
}
class Service
{
    private readonly ChatClient _chat;
    public Service(ChatClient chat) { _chat = chat; }
    public Task Run(Customer customer) => _chat.CompleteChatAsync(ChatMessage.CreateUserMessage(customer.Email));
}" + SdkStubs.OpenAI);

        [Fact]
        public Task InjectedClientWithNoCreationUsesTheDefaultHost() => VerifyAsync(OpenAiUses + @"
class Service
{
    public Task Run(ChatClient chat, Customer customer) => {|#0:chat.CompleteChatAsync(ChatMessage.CreateUserMessage(customer.Email))|};
}" + SdkStubs.OpenAI, Res001(0));

        [Fact]
        public Task AzureOpenAIIsUnknownUnlessConfigured() => VerifyAsync(OpenAiUses + @"
using Azure.AI.OpenAI;
class Service
{
    async Task Run(Customer customer)
    {
        var azure = new AzureOpenAIClient(new Uri(""https://acme.openai.azure.com/""), new ApiKeyCredential(""key""));
        await {|#0:azure.GetChatClient(""gpt-4o"").CompleteChatAsync(ChatMessage.CreateUserMessage(customer.Email))|};
    }
}" + SdkStubs.OpenAI + SdkStubs.AzureOpenAI, Res003(0));

        [Fact]
        public Task AzureOpenAIResourceDeclaredInResidencyJson() => VerifyAsync(OpenAiUses + @"
using Azure.AI.OpenAI;
class Service
{
    async Task Run(Customer customer)
    {
        var azure = new AzureOpenAIClient(new Uri(""https://acme-ai.openai.azure.com/""), new ApiKeyCredential(""key""));
        await azure.GetChatClient(""gpt-4o"").CompleteChatAsync(ChatMessage.CreateUserMessage(customer.Email));
    }
}" + SdkStubs.OpenAI + SdkStubs.AzureOpenAI,
            new[] { ("residency.json", @"{ ""hosts"": [ { ""pattern"": ""acme-ai.openai.azure.com"", ""region"": ""SE"", ""recipient"": ""Microsoft (Azure OpenAI)"" } ] }") },
            null);

        // Two keyed registrations of one client type: an injected [FromKeyedServices("eu")] client is the "eu" one only.
        [Fact]
        public Task AKeyedClientIsTheRegistrationOfItsKey() => VerifyAsync(OpenAiUses + @"
using Azure.AI.OpenAI;
using Microsoft.Extensions.DependencyInjection;
static class Registration
{
    public static void Add(IServiceCollection services)
    {
        services.AddKeyedSingleton(""eu"", (_, _) => new AzureOpenAIClient(new Uri(""https://acme-swc.openai.azure.com/""), new ApiKeyCredential(""k"")));
        services.AddKeyedSingleton(""us"", (_, _) => new AzureOpenAIClient(new Uri(""https://acme-eastus2.openai.azure.com/""), new ApiKeyCredential(""k"")));
    }
}
class Summarizer([FromKeyedServices(""eu"")] AzureOpenAIClient eu, [FromKeyedServices(""us"")] AzureOpenAIClient us)
{
    private readonly AzureOpenAIClient _us = us;
    public async Task Run(Customer customer)
    {
        await eu.GetChatClient(""gpt-4o"").CompleteChatAsync(ChatMessage.CreateUserMessage(customer.Email));
        await {|#0:_us.GetChatClient(""gpt-4o"").CompleteChatAsync(ChatMessage.CreateUserMessage(customer.Email))|};
    }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public interface IServiceCollection { }
    public static class ServiceCollectionServiceExtensions
    {
        public static IServiceCollection AddKeyedSingleton<TService>(this IServiceCollection services, object? serviceKey, Func<IServiceProvider, object?, TService> implementationFactory) where TService : class => services;
    }
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class FromKeyedServicesAttribute : Attribute { public FromKeyedServicesAttribute(object? key) { Key = key; } public object? Key { get; } }
}" + SdkStubs.OpenAI + SdkStubs.AzureOpenAI,
            new[] { ("residency.json", @"{ ""hosts"": [ { ""pattern"": ""acme-swc.openai.azure.com"", ""region"": ""SE"", ""recipient"": ""Microsoft (Azure OpenAI)"" }, { ""pattern"": ""acme-eastus2.openai.azure.com"", ""region"": ""US"", ""recipient"": ""Microsoft (Azure OpenAI)"" } ] }") },
            null, Res001(0).WithArguments("Customer.Email (contact.email)", "ChatClient.CompleteChatAsync acme-eastus2.openai.azure.com (recipient Microsoft (Azure OpenAI))", "US (United States)", "EEA;Adequate", "Run → ChatClient.CompleteChatAsync acme-eastus2.openai.azure.com"));

        [Fact]
        public Task AwsRegionEndpoints() => VerifyAsync(@"
using Amazon;
using Amazon.S3;
class Service
{
    async Task Run(Customer customer)
    {
        await new AmazonS3Client(RegionEndpoint.EUCentral1).PutObjectAsync(new PutObjectRequest { ContentBody = customer.Email });
        await new AmazonS3Client(RegionEndpoint.GetBySystemName(""eu-west-1"")).PutObjectAsync(new PutObjectRequest { ContentBody = customer.Email });
        var london = new AmazonS3Client(RegionEndpoint.EUWest2);
        await london.PutObjectAsync(new PutObjectRequest { ContentBody = customer.Email });
        var us = new AmazonS3Client(new AmazonS3Config { RegionEndpoint = RegionEndpoint.USEast1 });
        await {|#0:us.PutObjectAsync(new PutObjectRequest { ContentBody = customer.Email })|};
        var unknown = new AmazonS3Client();
        await {|#1:unknown.PutObjectAsync(new PutObjectRequest { ContentBody = customer.Name })|};
    }
}" + SdkStubs.Aws, Res001(0), Res003(1));

        [Fact]
        public Task AwsEuWest2IsNotEu() => VerifyAsync(@"
using Amazon;
using Amazon.S3;
class Service
{
    async Task Run(Customer customer)
    {
        await new AmazonS3Client(RegionEndpoint.EUCentral1).PutObjectAsync(new PutObjectRequest { ContentBody = customer.Email });
        var london = new AmazonS3Client(RegionEndpoint.EUWest2);
        await {|#0:london.PutObjectAsync(new PutObjectRequest { ContentBody = customer.Email })|};
    }
}" + SdkStubs.Aws, null, new[] { ("_ResidencyAllowedRegions", "EU") }, Res001(0));

        [Fact]
        public Task AwsRegionFromConfiguration() => VerifyAsync(@"
using Amazon.S3;
class Service
{
    async Task Run(Customer customer)
    {
        await {|#0:new AmazonS3Client().PutObjectAsync(new PutObjectRequest { ContentBody = customer.Email })|};
    }
}" + SdkStubs.Aws, new[] { ("appsettings.json", @"{ ""AWS"": { ""Region"": ""us-east-1"" } }") }, null, Res001(0));

        [Fact]
        public Task SendGridDataResidency() => VerifyAsync(@"
using SendGrid;
using SendGrid.Helpers.Mail;
class Service
{
    async Task Run(Customer customer)
    {
        var message = new SendGridMessage { Subject = ""Hi"", PlainTextContent = customer.Name };
        await {|#0:new SendGridClient(""key"").SendEmailAsync(message)|};
        await new SendGridClient(new SendGridClientOptions { ApiKey = ""key"" }.SetDataResidency(""eu"")).SendEmailAsync(message);
        var options = new SendGridClientOptions { ApiKey = ""key"" };
        options.SetDataResidency(""eu"");
        await new SendGridClient(options).SendEmailAsync(message);
        await new SendGridClient(""key"", host: ""https://api.eu.sendgrid.com"").SendEmailAsync(message);
        await {|#1:new SendGridClient(new SendGridClientOptions { ApiKey = ""key"" }.SetDataResidency(""global"")).SendEmailAsync(message)|};
    }
}" + SdkStubs.SendGrid, Res001(0), Res001(1));

        [Fact]
        public Task SentryDsnRegion() => VerifyAsync(@"
using Sentry;
class Startup { public static void Init() => SentrySdk.Init(o => o.Dsn = ""https://key@o123.ingest.de.sentry.io/456""); }
class Service
{
    void Run(Customer customer) => SentrySdk.CaptureMessage(customer.Email);
}" + SdkStubs.Sentry);

        [Fact]
        public Task SentryUsDsnIsRes001() => VerifyAsync(@"
using Sentry;
class Startup { public static void Init() => SentrySdk.Init(""https://key@o123.ingest.us.sentry.io/456""); }
class Service
{
    void Run(Customer customer) => {|#0:SentrySdk.CaptureMessage(customer.Email)|};
}" + SdkStubs.Sentry, Res001(0));

        [Fact]
        public Task SentryWithoutDsnIsUnknown() => VerifyAsync(@"
using Sentry;
class Service
{
    void Run(Customer customer) => {|#0:SentrySdk.CaptureMessage(customer.Email)|};
}" + SdkStubs.Sentry, Res003(0));

        [Fact]
        public Task TwilioRegionAndEdge() => VerifyAsync(@"
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;
class Service
{
    void Run(Customer customer)
    {
        var ie = new TwilioRestClient(""user"", ""pass"", region: ""ie1"", edge: ""dublin"");
        MessageResource.Create(to: ""+1"", body: customer.Name, client: ie);
        var us = new TwilioRestClient(""user"", ""pass"");
        {|#0:MessageResource.Create(to: ""+1"", body: customer.Name, client: us)|};
    }
}" + SdkStubs.Twilio, Res001(0));

        [Fact]
        public Task TwilioStaticClientRegion() => VerifyAsync(@"
using Twilio;
using Twilio.Rest.Api.V2010.Account;
class Startup { public static void Init() { TwilioClient.Init(""u"", ""p""); TwilioClient.SetRegion(""ie1""); TwilioClient.SetEdge(""dublin""); } }
class Service
{
    void Run(Customer customer) => MessageResource.Create(to: ""+1"", body: customer.Name);
}" + SdkStubs.Twilio);

        [Fact]
        public Task GoogleGenAIVertexLocation() => VerifyAsync(@"
using Google.GenAI;
class Service
{
    async Task Run(Customer customer)
    {
        var vertex = new Client(vertexAI: true, project: ""p"", location: ""europe-west4"");
        await vertex.Models.GenerateContentAsync(""gemini-2.5-flash"", customer.Email);
        var gemini = new Client(apiKey: ""key"");
        await {|#0:gemini.Models.GenerateContentAsync(""gemini-2.5-flash"", customer.Email)|};
        var london = new Client(vertexAI: true, project: ""p"", location: ""europe-west2"");
        await london.Models.GenerateContentAsync(""gemini-2.5-flash"", customer.Email);
    }
}" + SdkStubs.GoogleGenAI, Res001(0));

        [Theory]
        [InlineData("westeurope-5.in.applicationinsights.azure.com", null)]
        [InlineData("eastus-8.in.applicationinsights.azure.com", "RES001")]
        [InlineData(null, "RES003")]
        public Task ApplicationInsightsConnectionString(string? ingestionHost, string? expected)
        {
            var files = ingestionHost is null
                ? null
                : new[] { ("appsettings.json", @"{ ""ApplicationInsights"": { ""ConnectionString"": ""InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://" + ingestionHost + @"/;LiveEndpoint=https://x/"" } }") };
            var source = @"
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Extensibility;
class Service
{
    void Run(TelemetryClient telemetry, Customer customer) => {|#0:telemetry.TrackTrace(customer.Email)|};
}" + SdkStubs.ApplicationInsights;
            return expected is null
                ? VerifyAsync(source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), files, null)
                : VerifyAsync(source, files, null, Diagnostic(expected, 0));
        }

        [Fact]
        public Task StripeServicesAreUs() => VerifyAsync(@"
using Stripe;
class Service
{
    async Task Run(Customer customer)
    {
        await {|#0:new CustomerService().CreateAsync(new CustomerCreateOptions { Email = customer.Email })|};
    }
}" + SdkStubs.Stripe.Replace("class Customer :", "class Customer2 :").Replace("<Customer>", "<Customer2>").Replace("Task<Customer>", "Task<Customer2>"), Res001(0));

        [Fact]
        public void SdkSinkFacts()
        {
            var call = SinkProbe.Single(OpenAiUses + @"
class Service
{
    void Run(string text) => new ChatClient(""gpt-4o"", ""key"").CompleteChat(ChatMessage.CreateUserMessage(text));
}" + SdkStubs.OpenAI.Replace("public static UserChatMessage CreateUserMessage(string content) => new UserChatMessage(content);", "public static UserChatMessage CreateUserMessage(string content) => null!;"));
            var sink = Assert.Single(call.Sinks);
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.Equal("api.openai.com", sink.Host);
            Assert.Equal("US", sink.Region.Code);
            Assert.Equal("OpenAI", sink.Recipient);
            Assert.Equal("eu.api.openai.com", sink.EuAlternative);
            Assert.Contains("default host of OpenAI API", sink.ResolvedBy);
        }
    }
}
