using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Sinks.PackageTest;

namespace Residency.Analyzers.Tests.Sinks
{
    /// <summary>Semantic Kernel prompts, kernel functions and chat-completion services as sinks, against the real packages.</summary>
    public class SemanticKernelSinkTests
    {
        private const string Uses = "using Microsoft.SemanticKernel;\nusing Microsoft.SemanticKernel.ChatCompletion;\nusing Microsoft.SemanticKernel.Connectors.OpenAI;\nusing Microsoft.Extensions.DependencyInjection;\n";

        [Fact]
        public Task InvokePromptOnOpenAiWithoutEndpointIsUs() => VerifyAsync(Uses + @"
class Bot
{
    async Task Run(Customer customer)
    {
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion(""gpt-4o"", ""key"").Build();
        await {|#0:kernel.InvokePromptAsync(""Write a greeting for "" + customer.Name)|};
        var arguments = new KernelArguments { [""email""] = customer.Email };
        await {|#1:kernel.InvokePromptAsync(""Greet {{$email}}"", arguments)|};
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task BuilderLocalWithEuEndpointIsClean() => VerifyAsync(Uses + @"
class Bot
{
    async Task Run(Customer customer)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion(""gpt-4o"", new Uri(""https://eu.api.openai.com/v1""), ""key"");
        var kernel = builder.Build();
        await kernel.InvokePromptAsync(""Write a greeting for "" + customer.Name);
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory();
        history.AddUserMessage(customer.Email);
        await chat.GetChatMessageContentsAsync(history);
    }
}");

        [Fact]
        public Task ChatCompletionServiceOfAUsKernelIsUs() => VerifyAsync(Uses + @"
class Bot
{
    async Task Run(Customer customer)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion(""gpt-4o"", ""key"");
        var kernel = builder.Build();
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory();
        history.AddUserMessage(customer.Email);
        await {|#0:chat.GetChatMessageContentsAsync(history)|};
        var direct = new OpenAIChatCompletionService(""gpt-4o"", ""key"");
        await {|#1:direct.GetChatMessageContentAsync(""Hello "" + customer.Name)|};
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task AzureOpenAiResourceIsUnknownUnlessDeclared() => VerifyAsync(Uses + @"
class Bot
{
    async Task Run(Customer customer)
    {
        var kernel = Kernel.CreateBuilder().AddAzureOpenAIChatCompletion(""gpt-4o"", ""https://acme.openai.azure.com/"", ""key"").Build();
        await {|#0:kernel.InvokePromptAsync(""Hello "" + customer.Name)|};
        var declared = Kernel.CreateBuilder().AddAzureOpenAIChatCompletion(""gpt-4o"", ""https://acme-se.openai.azure.com/"", ""key"").Build();
        await declared.InvokePromptAsync(""Hello "" + customer.Name);
    }
}", new[] { ("/0/residency.json", "{ \"hosts\": [ { \"pattern\": \"acme-se.openai.azure.com\", \"region\": \"SE\", \"recipient\": \"Microsoft (Azure OpenAI)\" } ] }") }, Res003(0));

        [Fact]
        public Task InjectedKernelUsesTheRegisteredConnector() => VerifyAsync(Uses + @"
static class Setup
{
    public static void Register(IServiceCollection services)
    {
        services.AddOpenAIChatCompletion(""gpt-4o"", ""key"");
        services.AddKernel();
    }
}
class Bot(Kernel kernel)
{
    Task Run(Customer customer) => {|#0:kernel.InvokePromptAsync(""Hello "" + customer.Name)|};
}", Res001(0));

        [Fact]
        public Task PromptWithoutPersonalDataIsClean() => VerifyAsync(Uses + @"
class Bot
{
    async Task Run(Customer customer)
    {
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion(""gpt-4o"", ""key"").Build();
        await kernel.InvokePromptAsync(""Summarise order #"" + customer.Id);
    }
}");

        [Fact]
        public void KernelSinkRecordsTheConnectorsHost()
        {
            var call = Sink(Uses + @"
class Bot
{
    Task Run(Customer customer) => Kernel.CreateBuilder().AddOpenAIChatCompletion(""gpt-4o"", new Uri(""https://api.deepseek.com/v1""), ""key"").Build().InvokePromptAsync(customer.Name);
}", "Kernel.CreateBuilder()");
            Assert.Equal("CN", call.Sink.Region.Code);
            Assert.Equal("api.deepseek.com", call.Sink.Host);
            Assert.StartsWith("Kernel.InvokePromptAsync", call.Sink.Display);
        }
    }
}
