using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Sinks.PackageTest;

namespace Residency.Analyzers.Tests.Sinks
{
    public class ChatClientSinkTests
    {
        private const string Uses = "using Microsoft.Extensions.AI;\nusing OpenAI;\nusing System.ClientModel;\n";

        [Fact]
        public Task OpenAiChatClientAsIChatClientIsUs() => VerifyAsync(Uses + @"
class Bot
{
    async Task Run(Customer customer)
    {
        IChatClient chat = new OpenAI.Chat.ChatClient(""gpt-4o"", ""key"").AsIChatClient();
        await {|#0:chat.GetResponseAsync(""Write to "" + customer.Email)|};
    }
}", Res001(0));
    }
}
