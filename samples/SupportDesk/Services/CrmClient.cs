using Residency;

namespace SupportDesk.Services;

/// <summary>Pushes contacts to the sales CRM, hosted in the United States.</summary>
public sealed class CrmClient
{
    [DataSink("US", Recipient = "Acme CRM Inc.", Purpose = "sales follow-up")]
    public Task UpsertContactAsync(string email, string displayName) => Task.CompletedTask;
}
