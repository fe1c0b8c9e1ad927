using System.ComponentModel;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using OpenAI;

namespace HelpDesk;

/// <summary>Answers agents' questions with a model that may call tools over the case book.</summary>
public sealed class Assistant
{
    private readonly IChatClient _chat;
    private readonly Kernel _kernel;
    private string _lastPrompt = "";

    public Assistant(string key)
    {
        _chat = new OpenAIClient(key).GetChatClient("gpt-4o-mini").AsIChatClient()
            .AsBuilder()
            .UseFunctionInvocation()
            .Build();
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion("gpt-4o", new Uri("https://eu.api.openai.com/v1"), key);
        builder.Plugins.AddFromType<CasePlugin>();
        _kernel = builder.Build();
    }

    [Description("The e-mail of a case's requester.")]
    private static string RequesterEmail(int number) => CaseBook.Find(number).Requester.Email;

    private static int OpenCases() => 3;

    public async Task<string> AskAsync(Case @case, string question)
    {
        _lastPrompt = $"{question} (case {@case.Number} from {@case.Requester.Name})";
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(RequesterEmail), AIFunctionFactory.Create(OpenCases)] };
        var response = await _chat.GetResponseAsync(_lastPrompt, options);
        @case.History.Add(response.Text);
        return response.Text;
    }

    public async Task<string> SummariseAsync(Case @case)
    {
        var arguments = new KernelArguments { ["notes"] = @case.Notes, ["who"] = @case.Requester.Describe() };
        var result = await _kernel.InvokePromptAsync("Summarise {{$notes}} for {{$who}}", arguments);
        var chat = _kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory();
        history.AddUserMessage(@case.Requester.Phone ?? "");
        await chat.GetChatMessageContentsAsync(history);
        return result.ToString();
    }

    public IAsyncEnumerable<ChatResponseUpdate> StreamAsync(IEnumerable<Case> cases)
    {
        var messages = cases.Select(c => new ChatMessage(ChatRole.User, c.Notes)).ToList();
        return _chat.GetStreamingResponseAsync(messages);
    }
}

public sealed class CasePlugin
{
    [KernelFunction, Description("Looks a case's requester up.")]
    public string Requester(int number) => CaseBook.Find(number).Requester.Describe();

    [KernelFunction]
    public int Count() => 1;
}
