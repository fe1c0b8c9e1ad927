namespace Residency.Facts
{
    /// <summary>A declared Chapter V transfer basis (<c>[DataTransfer]</c>).</summary>
    internal sealed record TransferInfo
    {
        public string? Region { get; init; }

        /// <summary>A <c>TransferMechanism</c> name, e.g. <c>StandardContractualClauses</c>.</summary>
        public string? Mechanism { get; init; }

        public string? Recipient { get; init; }

        public string? Justification { get; init; }
    }
}
