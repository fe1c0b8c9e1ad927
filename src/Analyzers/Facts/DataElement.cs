namespace Residency.Facts
{
    /// <summary>A member, parameter, return value or type that holds personal data.</summary>
    internal sealed record DataElement
    {
        public string Id { get; init; } = "";

        public string? Member { get; init; }

        public string? ContainingType { get; init; }

        /// <summary><c>property</c>, <c>field</c>, <c>parameter</c>, <c>return</c> or <c>type</c>.</summary>
        public string? Kind { get; init; }

        public string? Category { get; init; }

        public string? SpecialCategory { get; init; }

        public string? Subject { get; init; }

        public string? Retention { get; init; }

        /// <summary><c>Residency</c>, <c>AspNetCore.Identity</c>, <c>DataClassification</c> or <c>inferred</c>.</summary>
        public string? Origin { get; init; }

        public string Assembly { get; init; } = "";

        public string? File { get; init; }

        public int? Line { get; init; }

        public string DisplayName => string.IsNullOrEmpty(Member) ? Id : Member!;
    }
}
