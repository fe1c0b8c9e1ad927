using System.Net.Http.Json;
using Residency;
using SupportDesk.Models;

namespace SupportDesk.Services;

/// <summary>Handles a new ticket: store it, summarise it, tell the CRM and analytics.</summary>
public sealed class SupportService(TicketStore store, CrmClient crm, Analytics analytics, HttpClient http)
{
    public async Task HandleAsync(Ticket ticket)
    {
        // Allowed: the database is in Germany.
        await store.SaveAsync(ticket);

        // RES001: the customer's e-mail and name go to a US CRM with no transfer basis declared.
        await crm.UpsertContactAsync(ticket.Customer.Email, ticket.Customer.FullName);

        // RES002: health notes leave for the US.
        await ForwardToEscalationAsync(ticket);

        // Allowed: only the e-mail domain (anonymised) is tracked.
        analytics.Track("ticket_opened", Privacy.EmailDomain(ticket.Customer.Email));

        await TrackCustomerAsync(ticket.Customer);

        // RES001 once the endpoint is resolved: a prompt with personal data sent to api.openai.com (US).
        var prompt = $"Summarise this ticket from {ticket.Customer.FullName}: {ticket.Body}";
        await http.PostAsJsonAsync("https://api.openai.com/v1/chat/completions", new { model = "gpt-4o-mini", input = prompt });

        // Internal: the ordering microservice in the same cluster is not a transfer.
        await http.GetAsync($"http://ordering-api/orders?customer={ticket.Customer.Id}");
    }

    // RES005: a declared transfer (SCCs with Mixpanel) — recorded in the inventory, not a violation.
    [DataTransfer("US", TransferMechanism.StandardContractualClauses, Recipient = "Mixpanel", Justification = "SCCs signed 2026-02-01, DPA ref. MX-2291")]
    private Task TrackCustomerAsync(Customer customer)
    {
        analytics.Track("customer_seen", Privacy.Pseudonym(customer.Email));
        return Task.CompletedTask;
    }

    private Task ForwardToEscalationAsync(Ticket ticket) => crm.UpsertContactAsync(ticket.Customer.Email, ticket.MedicationNotes ?? "");
}
