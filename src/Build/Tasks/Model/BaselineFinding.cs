using System.Collections.Generic;

namespace Residency.Build.Model
{
    /// <summary>One entry of <c>residency-baseline.json</c>.</summary>
    internal sealed record BaselineFinding
    {
        public string Fingerprint { get; init; } = "";

        public string Rule { get; init; } = "";

        public string? Method { get; init; }

        public string? Sink { get; init; }

        public IReadOnlyList<string> Sources { get; init; } = new string[0];
    }
}
