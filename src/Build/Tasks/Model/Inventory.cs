using System.Collections.Generic;
using Residency.Facts;

namespace Residency.Build.Model
{
    /// <summary>The complete, sorted inventory of one assembly with its references merged in.</summary>
    internal sealed record Inventory
    {
        public const int SchemaVersion = 1;

        public string Generator { get; init; } = "Residency.Analyzers";

        public string Assembly { get; init; } = "";

        public IReadOnlyList<string> AllowedRegions { get; init; } = new string[0];

        public bool Enforce { get; init; }

        /// <summary>Art. 30(1)(a): controller name and contact details (<c>ResidencyController</c>), if given.</summary>
        public string? Controller { get; init; }

        /// <summary>Art. 30(1)(a): data protection officer (<c>ResidencyDataProtectionOfficer</c>), if given.</summary>
        public string? DataProtectionOfficer { get; init; }

        /// <summary>Every assembly the inventory has facts from, sorted.</summary>
        public IReadOnlyList<string> Assemblies { get; init; } = new string[0];

        public IReadOnlyList<DataElement> DataElements { get; init; } = new DataElement[0];

        public IReadOnlyList<SinkEntry> Sinks { get; init; } = new SinkEntry[0];

        public IReadOnlyList<FlowFact> Flows { get; init; } = new FlowFact[0];

        public IReadOnlyList<DeclaredTransfer> DeclaredTransfers { get; init; } = new DeclaredTransfer[0];

        public IReadOnlyList<Finding> Findings { get; init; } = new Finding[0];

        /// <summary>Limits the analysis met (a method whose analysis was cut short), so a reader knows where the record may be incomplete.</summary>
        public IReadOnlyList<string> Notes { get; init; } = new string[0];

        public InventorySummary Summary { get; init; } = new();
    }
}
