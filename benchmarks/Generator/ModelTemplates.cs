using System;
using System.Collections.Generic;
using System.Text;

namespace Residency.Benchmarks.Generator
{
    /// <summary>Domain model files: a personal-data entity, its status enum, a summary and a rules class.</summary>
    internal static class ModelTemplates
    {
        private static readonly string[] Retentions =
        {
            "P7Y", "P10Y", "P30D", "P2Y", "until the account is deleted", "6 months after the contract ends",
        };

        public static SourceFile Create(ModuleInfo module, ModelInfo m, Rng rng)
        {
            string ns = module.RootNamespace + ".Domain";
            string keyword = m.IsRecord ? "sealed record" : "sealed class";
            string retention = rng.Chance(0.5) ? $"[Retention(\"{rng.Pick(Retentions)}\")]\n" : string.Empty;
            var file = new SourceFile(
                $"src/{module.Area}/Domain/{m.Name}.cs",
                ns,
                $"/// <summary>A {m.Subject} known to the {module.Area.ToLowerInvariant()} module.</summary>\n{retention}public {keyword} {m.Name}");
            file.Using(Fillers.Usings).Using("Residency");

            file.Before($$"""
                /// <summary>Lifecycle of a <see cref="{{m.Name}}"/>.</summary>
                public enum {{m.StatusType}}
                {
                    Pending,
                    Active,
                    Suspended,
                    Closed,
                }
                """);

            string subject = $", Subject = \"{m.Subject}\"";
            string set = m.IsRecord ? "init" : "set";
            var props = new StringBuilder();
            props.Append($"public Guid Id {{ get; {set}; }} = Guid.NewGuid();\n\n");
            props.Append($"public DateTimeOffset CreatedAt {{ get; {set}; }} = DateTimeOffset.UtcNow;\n\n");
            props.Append($"public {m.StatusType} Status {{ get; {set}; }}\n\n");
            props.Append($"[PersonalData(\"name\"{subject})]\npublic string FirstName {{ get; {set}; }} = string.Empty;\n\n");
            props.Append($"[PersonalData(\"name\"{subject})]\npublic string LastName {{ get; {set}; }} = string.Empty;\n\n");
            props.Append($"[PersonalData(\"contact.email\"{subject})]\npublic string Email {{ get; {set}; }} = string.Empty;\n");
            if (m.HasPhone)
            {
                props.Append($"\n[PersonalData(\"contact.phone_number\"{subject})]\npublic string? Phone {{ get; {set}; }}\n");
            }

            if (m.HasAddress)
            {
                foreach (var part in new[] { "Street", "PostalCode", "City", "Country" })
                {
                    props.Append($"\n[PersonalData(\"contact.address\"{subject})]\npublic string {part} {{ get; {set}; }} = string.Empty;\n");
                }
            }

            if (m.HasBirthDate)
            {
                props.Append($"\n[PersonalData(\"demographic.date_of_birth\"{subject})]\npublic DateOnly? DateOfBirth {{ get; {set}; }}\n");
            }

            if (m.HasIban)
            {
                props.Append($"\n[PersonalData(\"financial.bank_account\"{subject})]\npublic string? Iban {{ get; {set}; }}\n");
            }

            if (m.HasIpAddress)
            {
                props.Append($"\n[PersonalData(\"device.ip_address\")]\npublic string? LastIpAddress {{ get; {set}; }}\n");
            }

            if (m.HasPassport)
            {
                props.Append($"\n[PersonalData(\"government_id.passport_number\"{subject})]\npublic string? PassportNumber {{ get; {set}; }}\n");
            }

            if (m.HasHealth)
            {
                props.Append($"\n[SpecialCategoryData(\"health\"{subject})]\npublic string? Diagnosis {{ get; {set}; }}\n");
                props.Append($"\n[SpecialCategoryData(\"health\"{subject})]\npublic IReadOnlyList<string> Allergies {{ get; {set}; }} = Array.Empty<string>();\n");
            }

            if (m.HasTier)
            {
                props.Append($"\npublic int Tier {{ get; {set}; }} = {rng.Between(0, 3)};\n");
            }

            if (m.HasLocale)
            {
                props.Append($"\npublic string Locale {{ get; {set}; }} = \"{rng.Pick(new[] { "en-GB", "de-DE", "fr-FR", "nl-NL", "it-IT" })}\";\n");
            }

            if (m.HasBalance)
            {
                props.Append($"\npublic decimal Balance {{ get; {set}; }}\n");
            }

            if (m.HasOptIn)
            {
                props.Append($"\npublic bool MarketingOptIn {{ get; {set}; }}\n");
            }

            file.Member(props.ToString());
            file.Member("""
                /// <summary>Display name.</summary>
                public string FullName => $"{FirstName} {LastName}".Trim();
                """);
            file.Member($$"""
                /// <summary>Whether the {{m.Subject}} can currently be served.</summary>
                public bool IsActive => Status == {{m.StatusType}}.Active;
                """);

            var validate = new StringBuilder();
            validate.Append($$"""
                /// <summary>Checks the invariants of the entity.</summary>
                public IReadOnlyList<string> Validate()
                {
                    var errors = new List<string>();
                    if (string.IsNullOrWhiteSpace(LastName))
                    {
                        errors.Add("last name is required");
                    }

                    if (!Email.Contains('@', StringComparison.Ordinal))
                    {
                        errors.Add("e-mail address is invalid");
                    }
                """);
            if (m.HasBirthDate)
            {
                validate.Append('\n').Append("""

                        if (DateOfBirth is { } born && born > DateOnly.FromDateTime(DateTime.UtcNow))
                        {
                            errors.Add("date of birth is in the future");
                        }

                    """);
            }

            if (m.HasAddress)
            {
                validate.Append('\n').Append("""

                        if (PostalCode.Length is < 4 or > 10)
                        {
                            errors.Add("postal code has an unexpected length");
                        }

                    """);
            }

            validate.Append('\n').Append("""

                    return errors;
                }
                """);
            file.Member(validate.ToString().Replace("\n\n\n", "\n\n", StringComparison.Ordinal));

            file.Member(m.IsRecord
                ? $$"""
                    /// <summary>A copy in another state.</summary>
                    public {{m.Name}} WithStatus({{m.StatusType}} status) => this with { Status = status };
                    """
                : $$"""
                    /// <summary>Moves the entity to another state.</summary>
                    public {{m.Name}} WithStatus({{m.StatusType}} status)
                    {
                        Status = status;
                        return this;
                    }
                    """);
            file.Member($$"""
                /// <summary>A log-safe description without personal data.</summary>
                public {{(m.IsRecord ? "sealed " : string.Empty)}}override string ToString() => $"{{m.Name}} {Id:N} ({Status})";
                """);

            file.After($$"""
                /// <summary>A projection of <see cref="{{m.Name}}"/> without personal data, for dashboards.</summary>
                public sealed record {{m.Name}}Summary(Guid Id, {{m.StatusType}} Status, DateTimeOffset CreatedAt)
                {
                    /// <summary>Builds the summary of an entity.</summary>
                    public static {{m.Name}}Summary From({{m.Name}} entity) => new(entity.Id, entity.Status, entity.CreatedAt);

                    /// <summary>Age of the record in whole days.</summary>
                    public int AgeInDays(DateTimeOffset now) => (int)(now - CreatedAt).TotalDays;
                }
                """);

            if (rng.Chance(0.5))
            {
                file.After($$"""
                    /// <summary>Contact details handed to the messaging layer; the whole value is personal data.</summary>
                    [PersonalData(Subject = "{{m.Subject}}")]
                    public readonly record struct {{m.Name}}ContactCard(string DisplayName, string Email)
                    {
                        /// <summary>Builds the card of an entity.</summary>
                        public static {{m.Name}}ContactCard From({{m.Name}} entity) => new(entity.FullName, entity.Email);
                    }
                    """);
            }

            var rules = new StringBuilder();
            rules.Append($$"""
                /// <summary>Business rules of <see cref="{{m.Name}}"/> that use no personal data.</summary>
                public static class {{m.Name}}Rules
                {
                    /// <summary>Allowed status transitions.</summary>
                    public static bool CanMove({{m.StatusType}} from, {{m.StatusType}} to) => (from, to) switch
                    {
                        ({{m.StatusType}}.Pending, {{m.StatusType}}.Active) => true,
                        ({{m.StatusType}}.Active, {{m.StatusType}}.Suspended or {{m.StatusType}}.Closed) => true,
                        ({{m.StatusType}}.Suspended, {{m.StatusType}}.Active or {{m.StatusType}}.Closed) => true,
                        _ => false,
                    };

                    /// <summary>Days before an inactive record is archived.</summary>
                    public static int ArchiveAfterDays({{m.StatusType}} status) => status switch
                    {
                        {{m.StatusType}}.Closed => {{rng.Between(30, 90)}},
                        {{m.StatusType}}.Suspended => {{rng.Between(180, 365)}},
                        _ => int.MaxValue,
                    };

                    /// <summary>Counts entities per status.</summary>
                    public static IReadOnlyDictionary<{{m.StatusType}}, int> CountByStatus(IEnumerable<{{m.Name}}> entities)
                    {
                        return entities.GroupBy(e => e.Status).ToDictionary(g => g.Key, g => g.Count());
                    }
                }
                """);
            file.After(rules.ToString());
            return file;
        }
    }
}
