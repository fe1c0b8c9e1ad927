namespace Residency.Build.Model
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

        public bool Suppressed { get; init; }
    }
}
