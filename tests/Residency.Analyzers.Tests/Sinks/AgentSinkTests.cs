using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Sinks.PackageTest;

namespace Residency.Analyzers.Tests.Sinks
{
    /// <summary>
    /// Microsoft Agent Framework agents (<c>AIAgent.RunAsync</c>, <c>RunStreamingAsync</c>) send their messages to the
    /// chat client they are built over, against the real packages (Microsoft.Agents.AI 1.28): <c>chatClient.AsAIAgent(…)</c>,
    /// <c>new ChatClientAgent(chatClient, …)</c>, an injected chat client with its registration, and the tools given to
    /// the agent (their results go to the same model). Before, the run was an unclassified recipient (RES008, not printed).
    /// </summary>
    public class AgentSinkTests
    {
        private const string Uses = "using Microsoft.Agents.AI;\nusing Microsoft.Extensions.AI;\nusing Microsoft.Extensions.DependencyInjection;\nusing OpenAI;\nusing System.ClientModel;\n";

        [Fact]
        public Task AnAgentOverAUsChatClientIsRes001() => VerifyAsync(Uses + @"
class Intake
{
    private readonly AIAgent _agent = new OpenAI.Chat.ChatClient(""gpt-4o"", ""key"").AsIChatClient().AsAIAgent(instructions: ""You prepare an intake questionnaire."");

    public async Task Run(Customer customer)
    {
        await {|#0:_agent.RunAsync(""New patient "" + customer.Name)|};
        await foreach (var update in {|#1:_agent.RunStreamingAsync(""Write to "" + customer.Email)|}) { }
        await _agent.RunAsync(""How many patients today? "" + customer.Id);
    }
}", Res001(0).WithArguments("Customer.Name (name)", "AIAgent.RunAsync api.openai.com (recipient OpenAI)", "US (United States)", "EEA;Adequate", "Run → AIAgent.RunAsync api.openai.com"), Res001(1));

        [Fact]
        public Task AnAgentOverAnEuChatClientIsClean() => VerifyAsync(Uses + @"
class Intake
{
    public async Task Run(Customer customer)
    {
        IChatClient eu = new OpenAIClient(new ApiKeyCredential(""key""), new OpenAIClientOptions { Endpoint = new Uri(""https://eu.api.openai.com/v1"") }).GetChatClient(""gpt-4o"").AsIChatClient();
        AIAgent agent = new ChatClientAgent(eu, instructions: ""Help."", name: ""intake"");
        await agent.RunAsync(""New patient "" + customer.Name);
    }
}");

        [Fact]
        public Task AnAgentOverAKeyedRegisteredChatClientTakesItsProvider() => VerifyAsync(Uses + @"
static class Startup
{
    public static void Register(IServiceCollection services) =>
        services.AddKeyedChatClient(""us"", new OpenAI.Chat.ChatClient(""gpt-4o"", ""key"").AsIChatClient());
}

class Intake
{
    private readonly AIAgent _agent;
    public Intake([FromKeyedServices(""us"")] IChatClient chat) => _agent = chat.AsAIAgent(instructions: ""Help."", name: ""intake"");
    public Task Run(Customer customer) => {|#0:_agent.RunAsync(""New patient "" + customer.Name)|};
}", Res001(0));

        [Fact]
        public Task ToolsGivenToAnAgentSendTheirResultsToItsModel() => VerifyAsync(Uses + @"
static class Store
{
    public static Customer Find(int id) => new Customer { Id = id };
}

class Intake
{
    private readonly AIAgent _agent;

    public Intake()
    {
        IChatClient chat = new OpenAI.Chat.ChatClient(""gpt-4o"", ""key"").AsIChatClient();
        _agent = chat.AsAIAgent(instructions: ""Help."", tools: new List<AITool> { AIFunctionFactory.Create(CustomerEmail), AIFunctionFactory.Create(Count) });
    }

    static string CustomerEmail(int id) => {|#0:Store.Find(id).Email|};
    static string Count() => ""42"";

    public Task Run() => _agent.RunAsync(""Who is customer 7?"");
}", Res001(0));
    }
}
