namespace Residency.Facts
{
    /// <summary>A Residency diagnostic that is not a flow or a fact (RES004 invalid annotation, RES006 unannotated, …).</summary>
    internal sealed record Finding
    {
        public string Assembly { get; init; } = "";

        public string Rule { get; init; } = "";

        public string? Level { get; init; }

        public string? Message { get; init; }

        public string? File { get; init; }

        public int? Line { get; init; }

        public int? Column { get; init; }

        /// <summary>The line-independent identity the baseline matches (RES004 on an annotation), when the diagnostic has one.</summary>
        public string? Fingerprint { get; init; }

        /// <summary>How the build treats the diagnostic (see <see cref="Facts.Treatment"/>).</summary>
        public string Treatment { get; init; } = Facts.Treatment.Reported;

        public bool Suppressed => Treatment != Facts.Treatment.Reported;
    }
}
