namespace Residency.Facts
{
    /// <summary>A piece of personal data that takes part in a flow.</summary>
    internal sealed record SourceRef
    {
        public string Id { get; init; } = "";

        public string? Member { get; init; }

        public string? Category { get; init; }

        public string? SpecialCategory { get; init; }

        public string? Subject { get; init; }

        public bool Pseudonymised { get; init; }

        public bool Inferred { get; init; }

        /// <summary>The name to show a reader: the member if known, else the id.</summary>
        public string DisplayName => string.IsNullOrEmpty(Member) ? Id : Member!;
    }
}
