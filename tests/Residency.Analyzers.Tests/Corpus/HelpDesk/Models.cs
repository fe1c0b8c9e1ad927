using Microsoft.AspNetCore.Identity;
// Identity has a [PersonalData] of its own: the alias says which one is meant.
using PersonalDataAttribute = Residency.PersonalDataAttribute;

namespace HelpDesk;

public class AgentUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
}

public sealed record Contact(Guid Id, [property: PersonalData("name")] string Name, [property: PersonalData("contact.email")] string Email)
{
    [PersonalData("contact.phone_number")]
    public string? Phone { get; init; }

    public string Describe() => $"{Name} <{Email}>";
}

public sealed class Case
{
    public int Number { get; set; }

    public Contact Requester { get; set; } = new(Guid.Empty, "", "");

    [PersonalData("free_text")]
    public string Notes { get; set; } = "";

    public List<string> History { get; } = new();
}

public static class CaseBook
{
    private static readonly Dictionary<int, Case> s_cases = new();

    public static Case? Last { get; private set; }

    public static void Put(Case @case)
    {
        s_cases[@case.Number] = @case;
        Last = @case;
    }

    public static Case Find(int number) => s_cases.TryGetValue(number, out var found) ? found : new Case { Number = number };
}
