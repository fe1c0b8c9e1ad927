using Residency.Analyzers.Json;

namespace Residency.Facts
{
    /// <summary>
    /// A library's public member whose value is personal data it read (a claim, an Identity user's e-mail, an annotated
    /// member): <c>ICurrentUser.Email</c> implemented with the signed-in user's claims. The projects that reference the
    /// library read it as a source, as they read a residency.json <c>sources</c> entry (docs/cross-project.md).
    /// </summary>
    internal sealed record ExportedSource
    {
        /// <summary>The member's type, by metadata name (<c>Contoso.Auth.CurrentUser</c>, <c>Contoso.Auth.ICurrentUser</c>).</summary>
        public string Type { get; init; } = "";

        /// <summary>The property, field or method (<c>Email</c>, <c>GetEmailAsync</c>).</summary>
        public string Member { get; init; } = "";

        public string? Category { get; init; }

        public string? SpecialCategory { get; init; }

        /// <summary>Where the library reads it, as its record names the source: <c>Contoso.Auth: claim email</c>.</summary>
        public string Origin { get; init; } = "";

        public static void Write(JsonWriter w, ExportedSource s)
        {
            w.StartObject();
            w.Property("type", s.Type);
            w.Property("member", s.Member);
            w.Property("category", s.Category);
            w.Property("specialCategory", s.SpecialCategory);
            w.Property("origin", s.Origin);
            w.EndObject();
        }

        public static ExportedSource? Read(JsonNode node)
        {
            var type = JsonRead.Str(node, "type");
            var member = JsonRead.Str(node, "member");
            return type is null || member is null
                ? null
                : new ExportedSource
                {
                    Type = type,
                    Member = member,
                    Category = JsonRead.Str(node, "category"),
                    SpecialCategory = JsonRead.Str(node, "specialCategory"),
                    Origin = JsonRead.Str(node, "origin") ?? type + "." + member,
                };
        }
    }
}
