using System.Collections.Generic;

namespace Residency.Cli.Scanning
{
    /// <summary>When <c>scan</c> exits with code 1.</summary>
    internal enum FailOn
    {
        None,
        Violations,
        Unknown,
    }

    /// <summary>The options of one <c>residency scan</c>.</summary>
    internal sealed record ScanOptions
    {
        public string Configuration { get; init; } = "Debug";

        /// <summary><c>ResidencyInferPersonalData</c>: on unless <c>--no-infer</c>.</summary>
        public bool Infer { get; init; } = true;

        public FailOn FailOn { get; init; } = FailOn.Violations;

        /// <summary>Extra MSBuild properties (<c>Name=value</c>).</summary>
        public IReadOnlyList<string> Properties { get; init; } = new string[0];

        public bool Verbose { get; init; }
    }
}
