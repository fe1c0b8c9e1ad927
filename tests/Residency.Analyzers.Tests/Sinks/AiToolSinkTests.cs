using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Sinks.PackageTest;

namespace Residency.Analyzers.Tests.Sinks
{
    /// <summary>Methods offered to a model as tools send their return value to that model's region.</summary>
    public class AiToolSinkTests
    {
        private const string Uses = "using Microsoft.Extensions.AI;\nusing Microsoft.SemanticKernel;\nusing OpenAI;\nusing System.ClientModel;\n";

        private const string Store = @"
static class Store
{
    public static Customer Find(int id) => new Customer { Id = id };
}
";

        [Fact]
        public Task FunctionToolResultGoesToTheChatClientsRegion() => VerifyAsync(Uses + Store + @"
class Bot
{
    static string CustomerEmail(int id) => {|#0:Store.Find(id).Email|};
    static string CustomerCount() => ""42"";

    async Task Run()
    {
        IChatClient chat = new OpenAI.Chat.ChatClient(""gpt-4o"", ""key"").AsIChatClient().AsBuilder().UseFunctionInvocation().Build();
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(CustomerEmail), AIFunctionFactory.Create(CustomerCount)] };
        await chat.GetResponseAsync(""What is the e-mail of customer 1?"", options);
    }
}", Res001(0));

        // A lambda offered as a tool is analysed where it is written: what it returns is in the AIFunction, which the
        // options hand to the chat call, so the finding is at that call (a method group's is at its return).
        [Fact]
        public Task ALambdaToolsResultIsReportedAtTheChatCall() => VerifyAsync(Uses + Store + @"
class Bot
{
    async Task Run()
    {
        IChatClient chat = new OpenAI.Chat.ChatClient(""gpt-4o"", ""key"").AsIChatClient().AsBuilder().UseFunctionInvocation().Build();
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create((int id) => Store.Find(id).Email, ""customer_email""), AIFunctionFactory.Create(() => ""42"", ""count"")] };
        await {|#0:chat.GetResponseAsync(""What is the e-mail of customer 1?"", options)|};
    }
}", Res001(0).WithArguments("Customer.Email (contact.email)", "IChatClient.GetResponseAsync api.openai.com (recipient OpenAI)", "US (United States)", "EEA;Adequate", "Run → IChatClient.GetResponseAsync api.openai.com"));

        [Fact]
        public Task FunctionToolOfAnEuClientIsClean() => VerifyAsync(Uses + Store + @"
class Bot
{
    static string CustomerEmail(int id) => Store.Find(id).Email;

    async Task Run()
    {
        IChatClient chat = new OpenAIClient(new ApiKeyCredential(""key""), new OpenAIClientOptions { Endpoint = new Uri(""https://eu.api.openai.com/v1"") }).GetChatClient(""gpt-4o"").AsIChatClient();
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(CustomerEmail)] };
        await chat.GetResponseAsync(""What is the e-mail of customer 1?"", options);
    }
}");

        [Fact]
        public Task MethodNotOfferedAsAToolIsClean() => VerifyAsync(Uses + Store + @"
class Bot
{
    static string CustomerEmail(int id) => Store.Find(id).Email;
    static string Count() => ""1"";

    async Task Run()
    {
        IChatClient chat = new OpenAI.Chat.ChatClient(""gpt-4o"", ""key"").AsIChatClient();
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(Count)] };
        await chat.GetResponseAsync(""How many?"", options);
        var email = CustomerEmail(1);
    }
}");

        [Fact]
        public Task KernelFunctionResultGoesToTheKernelsChatService() => VerifyAsync(Uses + Store + @"
public class CrmPlugin
{
    [KernelFunction] public string GetEmail(int id) => {|#0:Store.Find(id).Email|};
    [KernelFunction] public int CountOrders(int id) => Store.Find(id).Id;
    public string NotAFunction(int id) => Store.Find(id).Email;
}
class Bot
{
    async Task Run()
    {
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion(""gpt-4o"", ""key"");
        builder.Plugins.AddFromType<CrmPlugin>();
        var kernel = builder.Build();
        await kernel.InvokePromptAsync(""What is the e-mail of customer 1?"");
    }
}", Res001(0));

        [Fact]
        public Task KernelFunctionOfAPluginNoKernelUsesIsClean() => VerifyAsync(Uses + Store + @"
public class CrmPlugin
{
    [KernelFunction] public string GetEmail(int id) => Store.Find(id).Email;
}
public class EuPlugin
{
    [KernelFunction] public string GetName(int id) => Store.Find(id).Name;
}
class Bot
{
    async Task Run()
    {
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion(""gpt-4o"", new Uri(""https://eu.api.openai.com/v1""), ""key"").Build();
        kernel.ImportPluginFromType<EuPlugin>();
        await kernel.InvokePromptAsync(""Hello"");
    }
}");
    }
}
