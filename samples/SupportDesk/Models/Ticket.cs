using Residency;

namespace SupportDesk.Models;

/// <summary>A support ticket. Tickets of the pharmacy line may contain health information.</summary>
[Retention("P2Y")]
public sealed class Ticket
{
    public int Number { get; init; }

    public Customer Customer { get; init; } = new();

    public string Subject { get; init; } = "";

    [PersonalData("user_provided", Subject = "customer")]
    public string Body { get; init; } = "";

    [SpecialCategoryData("health", Subject = "customer")]
    public string? MedicationNotes { get; init; }

    public DateTimeOffset OpenedAt { get; init; }
}
