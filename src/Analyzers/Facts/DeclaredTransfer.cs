namespace Residency.Facts
{
    /// <summary>A distinct declared transfer basis that at least one flow relies on.</summary>
    internal sealed record DeclaredTransfer
    {
        public string? Region { get; init; }

        public string? RegionName { get; init; }

        public string? Mechanism { get; init; }

        public string? Recipient { get; init; }

        public string? Justification { get; init; }

        public int FlowCount { get; init; }
    }
}
