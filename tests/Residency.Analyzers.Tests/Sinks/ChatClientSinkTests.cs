using System.Linq;
using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Sinks.PackageTest;

namespace Residency.Analyzers.Tests.Sinks
{
    /// <summary>Microsoft.Extensions.AI IChatClient / IEmbeddingGenerator as sinks, against the real packages.</summary>
    public class ChatClientSinkTests
    {
        private const string Uses = "using Microsoft.Extensions.AI;\nusing Microsoft.Extensions.DependencyInjection;\nusing OpenAI;\nusing OllamaSharp;\nusing System.ClientModel;\n";

        [Fact]
        public Task OpenAiChatClientAsIChatClientIsUs() => VerifyAsync(Uses + @"
class Bot
{
    async Task Run(Customer customer)
    {
        IChatClient chat = new OpenAI.Chat.ChatClient(""gpt-4o"", ""key"").AsIChatClient();
        await {|#0:chat.GetResponseAsync(""Write to "" + customer.Email)|};
        var messages = new List<ChatMessage> { new(ChatRole.User, customer.Name) };
        await foreach (var update in {|#1:chat.GetStreamingResponseAsync(messages)|}) { }
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task EuEndpointOptionIsClean() => VerifyAsync(Uses + @"
class Bot
{
    async Task Run(Customer customer)
    {
        var openAi = new OpenAIClient(new ApiKeyCredential(""key""), new OpenAIClientOptions { Endpoint = new Uri(""https://eu.api.openai.com/v1"") });
        IChatClient chat = openAi.GetChatClient(""gpt-4o"").AsIChatClient();
        await chat.GetResponseAsync(""Write to "" + customer.Email);
        IEmbeddingGenerator<string, Embedding<float>> embeddings = openAi.GetEmbeddingClient(""text-embedding-3-small"").AsIEmbeddingGenerator();
        await embeddings.GenerateVectorAsync(customer.Name);
    }
}");

        [Fact]
        public Task NonPersonalPromptIsClean() => VerifyAsync(Uses + @"
class Bot
{
    async Task Run(Customer customer)
    {
        IChatClient chat = new OpenAI.Chat.ChatClient(""gpt-4o"", ""key"").AsIChatClient();
        await chat.GetResponseAsync(""How many customers? "" + customer.Id);
    }
}");

        [Fact]
        public Task EmbeddingGeneratorIsUs() => VerifyAsync(Uses + @"
class Indexer
{
    async Task Run(Customer customer)
    {
        IEmbeddingGenerator<string, Embedding<float>> embeddings = new OpenAI.Embeddings.EmbeddingClient(""text-embedding-3-small"", ""key"").AsIEmbeddingGenerator();
        await {|#0:embeddings.GenerateVectorAsync(customer.Name)|};
        await {|#1:embeddings.GenerateAsync(new[] { customer.Email })|};
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task DecoratorsKeepTheInnerClientsRegion() => VerifyAsync(Uses + @"
class Bot
{
    async Task Run(Customer customer)
    {
        IChatClient inner = new OpenAI.Chat.ChatClient(""gpt-4o"", ""key"").AsIChatClient();
        IChatClient chat = new ChatClientBuilder(inner).UseFunctionInvocation().Build();
        await {|#0:chat.GetResponseAsync(customer.Email)|};
        var other = inner.AsBuilder().UseLogging().Build();
        await {|#1:other.GetResponseAsync(customer.Name)|};

        IChatClient eu = new OpenAIClient(new ApiKeyCredential(""key""), new OpenAIClientOptions { Endpoint = new Uri(""https://eu.api.openai.com/v1"") }).GetChatClient(""gpt-4o"").AsIChatClient();
        var wrapped = eu.AsBuilder().UseFunctionInvocation().Build();
        await wrapped.GetResponseAsync(customer.Email);
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task OllamaOnLoopbackIsInternal() => VerifyAsync(Uses + @"
class Bot
{
    async Task Run(Customer customer)
    {
        IChatClient chat = new OllamaApiClient(new Uri(""http://localhost:11434""), ""llama3"");
        await chat.GetResponseAsync(customer.Email);
        var container = new OllamaApiClient(""http://ollama:11434"");
        await container.GetResponseAsync(customer.Name);
    }
}");

        [Fact]
        public Task OllamaOnARemoteHostIsResolvedByItsHost() => VerifyAsync(Uses + @"
class Bot
{
    async Task Run(Customer customer)
    {
        IChatClient chat = new OllamaApiClient(new Uri(""https://llm.example.com""), ""llama3"");
        await {|#0:chat.GetResponseAsync(customer.Email)|};
    }
}", Res003(0));

        [Fact]
        public Task InjectedClientResolvesToItsRegistration() => VerifyAsync(Uses + @"
static class Setup
{
    public static void Register(IServiceCollection services) =>
        services.AddChatClient(new OpenAI.Chat.ChatClient(""gpt-4o"", ""key"").AsIChatClient()).UseFunctionInvocation();
}
class Bot(IChatClient chat)
{
    private readonly IChatClient _chat = chat;
    async Task Run(Customer customer)
    {
        await {|#0:_chat.GetResponseAsync(customer.Email)|};
        await {|#1:chat.GetResponseAsync(customer.Name)|};
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task KeyedClientsResolveByKey() => VerifyAsync(Uses + @"
static class Setup
{
    public static void Register(IServiceCollection services)
    {
        services.AddKeyedChatClient(""eu"", sp => new OpenAIClient(new ApiKeyCredential(""key""), new OpenAIClientOptions { Endpoint = new Uri(""https://eu.api.openai.com/v1"") }).GetChatClient(""gpt-4o"").AsIChatClient());
        services.AddKeyedChatClient(""us"", sp => new OpenAI.Chat.ChatClient(""gpt-4o"", ""key"").AsIChatClient());
    }
}
class Bot([FromKeyedServices(""eu"")] IChatClient eu, [FromKeyedServices(""us"")] IChatClient us)
{
    async Task Run(Customer customer)
    {
        await eu.GetResponseAsync(customer.Email);
        await {|#0:us.GetResponseAsync(customer.Email)|};
    }
}", Res001(0));

        [Fact]
        public Task InjectedClientWithoutRegistrationIsUnknownAndSaysHowToDeclareIt()
        {
            var sink = Sink(Uses + @"
class Bot(IChatClient chat)
{
    Task Run(Customer customer) => chat.GetResponseAsync(customer.Email);
}", "chat.GetResponseAsync").Sink;
            Assert.Equal("Unknown", sink.Region.Code);
            Assert.Contains("AddChatClient", sink.Hint);
            Assert.Contains("[DataSink(", sink.Hint);
            Assert.Contains("\"method\": \"Microsoft.Extensions.AI.IChatClient.*\"", sink.Hint);
            return VerifyAsync(Uses + @"
class Bot(IChatClient chat)
{
    Task Run(Customer customer) => {|#0:chat.GetResponseAsync(customer.Email)|};
}", Res003(0));
        }

        [Fact]
        public Task DataSinkOnTheHolderStatesTheRegion() => VerifyAsync(Uses + @"
class Bot([DataSink(""SE"", Recipient = ""Azure OpenAI Sweden"")] IChatClient chat)
{
    Task Run(Customer customer) => chat.GetResponseAsync(customer.Email);
}");

        [Fact]
        public void SinkRecordsProviderHostAndRecipient()
        {
            var call = Sink(Uses + @"
class Bot
{
    Task Run(Customer customer) => new OpenAI.Chat.ChatClient(""gpt-4o"", ""key"").AsIChatClient().GetResponseAsync(customer.Email);
}", "new OpenAI.Chat.ChatClient(\"gpt-4o\", \"key\").AsIChatClient().GetResponseAsync");
            Assert.Equal("US", call.Sink.Region.Code);
            Assert.Equal("api.openai.com", call.Sink.Host);
            Assert.Equal("OpenAI", call.Sink.Recipient);
            Assert.Equal("IChatClient.GetResponseAsync api.openai.com", call.Sink.Display);
            Assert.Equal("eu.api.openai.com", call.Sink.EuAlternative);
            Assert.False(call.Receiver);
        }

        [Fact]
        public void AzureOpenAiResourceIsUnknown()
        {
            var call = Sink(Uses + @"
class Bot
{
    Task Run(Customer customer) => new Azure.AI.OpenAI.AzureOpenAIClient(new Uri(""https://acme.openai.azure.com/""), new ApiKeyCredential(""k"")).GetChatClient(""gpt-4o"").AsIChatClient().GetResponseAsync(customer.Email);
}", "new Azure.AI.OpenAI.AzureOpenAIClient");
            Assert.Equal("Unknown", call.Sink.Region.Code);
            Assert.Equal("acme.openai.azure.com", call.Sink.Host);
            Assert.Equal("add { \"pattern\": \"acme.openai.azure.com\", \"region\": \"<region>\" } to \"hosts\" in residency.json (the region of the resource or service behind the host)", call.Sink.Hint);
        }

        [Fact]
        public Task AzureOpenAiRes003MessageShowsTheHostsEntry() => VerifyAsync(Uses + @"
class Bot
{
    Task Run(Customer customer) => {|#0:new Azure.AI.OpenAI.AzureOpenAIClient(new Uri(""https://acme.openai.azure.com/""), new ApiKeyCredential(""k"")).GetChatClient(""gpt-4o"").AsIChatClient().GetResponseAsync(customer.Email)|};
}", Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerWarning("RES003").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
            .WithMessage("Personal data Customer.Email (contact.email) reaches IChatClient.GetResponseAsync acme.openai.azure.com (recipient Microsoft (Azure OpenAI)), whose region is unknown; path: Run → IChatClient.GetResponseAsync acme.openai.azure.com; to declare it, add { \"pattern\": \"acme.openai.azure.com\", \"region\": \"<region>\" } to \"hosts\" in residency.json (the region of the resource or service behind the host)"));

        [Fact]
        public Task AzureOpenAiResourceDeclaredInResidencyJsonIsResolved() => VerifyAsync(Uses + @"
class Bot
{
    Task Run(Customer customer) => new Azure.AI.OpenAI.AzureOpenAIClient(new Uri(""https://acme.openai.azure.com/""), new ApiKeyCredential(""k"")).GetChatClient(""gpt-4o"").AsIChatClient().GetResponseAsync(customer.Email);
}", new[] { ("/0/residency.json", "{ \"hosts\": [ { \"pattern\": \"acme.openai.azure.com\", \"region\": \"SE\" } ] }") });
    }
}
