using System.Collections.Generic;

namespace Residency.Build
{
    /// <summary>The project-level settings that go into the inventory besides the facts.</summary>
    internal sealed record InventoryOptions
    {
        public string Assembly { get; init; } = "";

        public IReadOnlyList<string> AllowedRegions { get; init; } = new[] { "EEA", "Adequate" };

        public bool Enforce { get; init; }

        public string? Controller { get; init; }

        public string? DataProtectionOfficer { get; init; }

        public string Generator { get; init; } = "Residency.Analyzers";
    }
}
