using Residency;

namespace SupportDesk.Models;

/// <summary>A customer of the shop who opens support tickets.</summary>
[Retention("until the account is deleted")]
public sealed class Customer
{
    public Guid Id { get; init; }

    [PersonalData("name", Subject = "customer")]
    public string FullName { get; init; } = "";

    [PersonalData("contact.email", Subject = "customer")]
    public string Email { get; init; } = "";

    [PersonalData("contact.phone_number", Subject = "customer")]
    public string? Phone { get; init; }

    public string Tier { get; init; } = "standard";
}
