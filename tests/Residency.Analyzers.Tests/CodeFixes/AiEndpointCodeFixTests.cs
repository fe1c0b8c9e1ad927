using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Tests.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using Residency.CodeFixes;
using Verify = Residency.Analyzers.Tests.Verifiers.CodeFixVerifier<Residency.Analyzers.Analyzers.PersonalDataFlowAnalyzer, Residency.CodeFixes.UseEuEndpointCodeFixProvider>;

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
