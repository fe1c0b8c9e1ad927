using Microsoft.Extensions.AI;
using OpenAI.Chat;
using SupportDesk.Models;

namespace SupportDesk.Services;

/// <summary>
/// Reply drafts through Microsoft.Extensions.AI: an <see cref="IChatClient"/> made from the OpenAI SDK's chat client
/// (default host api.openai.com, United States) and wrapped in the usual middleware. Residency.Analyzers follows the
/// abstraction back to the provider behind it.
/// </summary>
public sealed class TicketAssistant
{
    private readonly IChatClient _chat;

    public TicketAssistant(string apiKey)
    {
        _chat = new ChatClient("gpt-4o-mini", apiKey).AsIChatClient()
            .AsBuilder()
            .UseFunctionInvocation()
            .Build();
    }

    /// <summary>RES001: the customer's name and the ticket body reach api.openai.com through the IChatClient.</summary>
    public async Task<string> DraftReplyAsync(Ticket ticket)
    {
        var response = await _chat.GetResponseAsync($"Draft a reply to {ticket.Customer.FullName} about: {ticket.Body}");
        return response.Text;
    }
}
