namespace Residency.Facts
{
    /// <summary>A member, parameter, return value or type that holds personal data.</summary>
    internal sealed record DataElement
    {
        public string Id { get; init; } = "";

        public string? Member { get; init; }

        public string? ContainingType { get; init; }

        /// <summary><c>property</c>, <c>field</c>, <c>parameter</c>, <c>return</c>, <c>type</c>; <c>claim</c> or <c>header</c> for platform sources.</summary>
        public string? Kind { get; init; }

        public string? Category { get; init; }

        public string? SpecialCategory { get; init; }

        public string? Subject { get; init; }

        public string? Retention { get; init; }

        /// <summary>
        /// <c>Residency</c>, <c>AspNetCore.Identity</c>, <c>DataClassification</c> or <c>inferred</c>; for a source that needs no
        /// annotation, where the data comes from (<c>claim email</c>, <c>UserManager.GetEmailAsync</c>, <c>residency.json</c>).
        /// </summary>
        public string? Origin { get; init; }

        public string Assembly { get; init; } = "";

        public string? File { get; init; }

        public int? Line { get; init; }

        public string DisplayName => string.IsNullOrEmpty(Member) ? Id : Member!;
    }
}
