using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Tests.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using Residency.CodeFixes;
using Verify = Residency.Analyzers.Tests.Verifiers.CodeFixVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer, Residency.CodeFixes.UseEuEndpointCodeFixProvider>;

namespace Residency.Analyzers.Tests.CodeFixes
{
    /// <summary>The EU-endpoint fix behind the AI abstractions: an OpenAI client made into an IChatClient, a Semantic Kernel connector.</summary>
    public class AiEndpointCodeFixTests
    {
        private const string Prelude = PackageTest.Usings + "using Microsoft.Extensions.AI;\nusing Microsoft.SemanticKernel;\nusing OpenAI;\nusing OpenAI.Chat;\n" + PackageTest.Model;

        private static DiagnosticResult Res001(int markup) =>
            new DiagnosticResult("RES001", DiagnosticSeverity.Warning).WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private static Verify.Test Test(string source, string fixedSource)
        {
            var test = new Verify.Test
            {
                TestCode = Prelude + source,
                FixedCode = Prelude + fixedSource,
                CodeActionEquivalenceKey = UseEuEndpointCodeFixProvider.EquivalenceKey,
            };
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(PackageReferences.All);
            return test;
        }

        [Fact]
        public async Task SetsTheEndpointOfTheOpenAiClientBehindAsIChatClient()
        {
            var test = Test(@"
class Bot
{
    async Task Run(Customer customer)
    {
        IChatClient chat = new ChatClient(""gpt-4o"", ""key"").AsIChatClient().AsBuilder().UseFunctionInvocation().Build();
        await {|#0:chat.GetResponseAsync(customer.Email)|};
    }
}", @"
class Bot
{
    async Task Run(Customer customer)
    {
        IChatClient chat = new ChatClient(""gpt-4o"", new System.ClientModel.ApiKeyCredential(""key""), new OpenAIClientOptions { Endpoint = new Uri(""https://eu.api.openai.com/v1"") }).AsIChatClient().AsBuilder().UseFunctionInvocation().Build();
        await chat.GetResponseAsync(customer.Email);
    }
}");
            test.ExpectedDiagnostics.Add(Res001(0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task SetsTheEndpointOfTheOpenAiClientWhoseChatClientIsUsed()
        {
            var test = Test(@"
class Bot
{
    private readonly IChatClient _chat;
    Bot(string key) => _chat = new OpenAIClient(key).GetChatClient(""gpt-4o-mini"").AsIChatClient();
    async Task Run(Customer customer)
    {
        await {|#0:_chat.GetResponseAsync(customer.Email)|};
    }
}", @"
class Bot
{
    private readonly IChatClient _chat;
    Bot(string key) => _chat = new OpenAIClient(new System.ClientModel.ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri(""https://eu.api.openai.com/v1"") }).GetChatClient(""gpt-4o-mini"").AsIChatClient();
    async Task Run(Customer customer)
    {
        await _chat.GetResponseAsync(customer.Email);
    }
}");
            test.ExpectedDiagnostics.Add(Res001(0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task SetsTheEndpointOfTheClientAFieldIsGivenInItsConstructor()
        {
            var test = Test(@"
class Assistant
{
    private readonly IChatClient _chat;
    public Assistant(string apiKey)
    {
        _chat = new ChatClient(""gpt-4o-mini"", apiKey).AsIChatClient()
            .AsBuilder()
            .UseFunctionInvocation()
            .Build();
    }
    async Task Run(Customer customer)
    {
        await {|#0:_chat.GetResponseAsync(customer.Email)|};
    }
}", @"
class Assistant
{
    private readonly IChatClient _chat;
    public Assistant(string apiKey)
    {
        _chat = new ChatClient(""gpt-4o-mini"", new System.ClientModel.ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = new Uri(""https://eu.api.openai.com/v1"") }).AsIChatClient()
            .AsBuilder()
            .UseFunctionInvocation()
            .Build();
    }
    async Task Run(Customer customer)
    {
        await _chat.GetResponseAsync(customer.Email);
    }
}");
            test.ExpectedDiagnostics.Add(Res001(0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task NoFixWhenTheConstructorsGiveTheFieldDifferentClients()
        {
            const string source = @"
class Assistant
{
    private readonly IChatClient _chat;
    public Assistant(string apiKey) => _chat = new ChatClient(""gpt-4o-mini"", apiKey).AsIChatClient();
    public Assistant(OpenAIClient client) => _chat = client.GetChatClient(""gpt-4o"").AsIChatClient();
    public Assistant() => _chat = new OpenAIClient(""key"").GetChatClient(""gpt-4o"").AsIChatClient();
    async Task Run(Customer customer)
    {
        await {|#0:_chat.GetResponseAsync(customer.Email)|};
    }
}";
            var test = Test(source, source);
            test.ExpectedDiagnostics.Add(Res001(0));
            test.FixedState.ExpectedDiagnostics.Add(Res001(0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task SetsTheEndpointOfTheClientThatOffersATool()
        {
            // The finding is at the tool's return value; the client is the receiver of the chat call that offers the tool.
            var test = Test(@"
static class Store { public static Customer Find(int id) => new Customer { Id = id }; }
class Bot
{
    static string CustomerEmail(int id) => {|#0:Store.Find(id).Email|};
    async Task Run()
    {
        IChatClient chat = new OpenAIClient(""key"").GetChatClient(""gpt-4o"").AsIChatClient().AsBuilder().UseFunctionInvocation().Build();
        await chat.GetResponseAsync(""What is the e-mail of customer 1?"", new ChatOptions { Tools = [AIFunctionFactory.Create(CustomerEmail)] });
    }
}", @"
static class Store { public static Customer Find(int id) => new Customer { Id = id }; }
class Bot
{
    static string CustomerEmail(int id) => Store.Find(id).Email;
    async Task Run()
    {
        IChatClient chat = new OpenAIClient(new System.ClientModel.ApiKeyCredential(""key""), new OpenAIClientOptions { Endpoint = new Uri(""https://eu.api.openai.com/v1"") }).GetChatClient(""gpt-4o"").AsIChatClient().AsBuilder().UseFunctionInvocation().Build();
        await chat.GetResponseAsync(""What is the e-mail of customer 1?"", new ChatOptions { Tools = [AIFunctionFactory.Create(CustomerEmail)] });
    }
}");
            test.ExpectedDiagnostics.Add(Res001(0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task PassesTheEndpointToAddOpenAIChatCompletion()
        {
            var test = Test(@"
class Bot
{
    async Task Run(Customer customer)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion(""gpt-4o"", ""key"");
        var kernel = builder.Build();
        await {|#0:kernel.InvokePromptAsync(""Hello "" + customer.Name)|};
    }
}", @"
class Bot
{
    async Task Run(Customer customer)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion(""gpt-4o"", new Uri(""https://eu.api.openai.com/v1""), ""key"");
        var kernel = builder.Build();
        await kernel.InvokePromptAsync(""Hello "" + customer.Name);
    }
}");
            test.ExpectedDiagnostics.Add(Res001(0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task NoFixForAProviderWithoutEuAlternative()
        {
            var test = Test(@"
class Bot
{
    async Task Run(Customer customer)
    {
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion(""deepseek-chat"", new Uri(""https://api.deepseek.com/v1""), ""key"").Build();
        await {|#0:kernel.InvokePromptAsync(""Hello "" + customer.Name)|};
    }
}", @"
class Bot
{
    async Task Run(Customer customer)
    {
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion(""deepseek-chat"", new Uri(""https://api.deepseek.com/v1""), ""key"").Build();
        await {|#0:kernel.InvokePromptAsync(""Hello "" + customer.Name)|};
    }
}");
            test.ExpectedDiagnostics.Add(Res001(0));
            test.FixedState.ExpectedDiagnostics.Add(Res001(0));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
