using System.ClientModel;
using OpenAI;
using OpenAI.Chat;
using SupportDesk.Models;

namespace SupportDesk.Services;

/// <summary>Summaries with the real OpenAI .NET SDK: one client on the default (US) host, one on the EU data-residency host.</summary>
public sealed class TicketSummarizer
{
    private readonly ChatClient _usClient;
    private readonly ChatClient _euClient;

    public TicketSummarizer(string apiKey)
    {
        // Default endpoint: api.openai.com (United States).
        _usClient = new ChatClient("gpt-4o-mini", apiKey);

        // EU data residency: the project is created in the EU region and the client is pointed at its host.
        _euClient = new ChatClient("gpt-4o-mini", new ApiKeyCredential(apiKey), new OpenAIClientOptions
        {
            Endpoint = new Uri("https://eu.api.openai.com/v1"),
        });
    }

    /// <summary>RES001: the ticket body and the customer's name go to the US endpoint.</summary>
    public async Task<string> SummariseAsync(Ticket ticket)
    {
        ChatCompletion completion = await _usClient.CompleteChatAsync($"Summarise for {ticket.Customer.FullName}: {ticket.Body}");
        return completion.Content[0].Text;
    }

    /// <summary>Allowed: the same request to the EU endpoint.</summary>
    public async Task<string> SummariseInEuAsync(Ticket ticket)
    {
        ChatCompletion completion = await _euClient.CompleteChatAsync($"Summarise for {ticket.Customer.FullName}: {ticket.Body}");
        return completion.Content[0].Text;
    }
}
