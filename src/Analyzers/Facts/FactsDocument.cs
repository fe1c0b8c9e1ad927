using System.Collections.Generic;

namespace Residency.Facts
{
    /// <summary>
    /// Everything one compilation's analysis found, as the analyzers write it to the facts file at the end of a
    /// command-line compilation and the inventory task reads it back (docs/architecture.md, "How facts reach the
    /// inventory"). Source paths are as the compiler saw them (absolute); the task makes them relative.
    /// </summary>
    internal sealed record FactsDocument
    {
        /// <summary>The assembly the compilation produces.</summary>
        public string Assembly { get; init; } = "";

        /// <summary>The allowed regions as the analyzers parsed <c>ResidencyAllowedRegions</c> (invalid entries dropped).</summary>
        public IReadOnlyList<string> AllowedRegions { get; init; } = new string[0];

        public IReadOnlyList<DataElement> Elements { get; init; } = new DataElement[0];

        public IReadOnlyList<SinkEntry> Sinks { get; init; } = new SinkEntry[0];

        public IReadOnlyList<FlowFact> Flows { get; init; } = new FlowFact[0];

        /// <summary>Personal data handed to methods nobody classified (neither a known sink nor local): RES008.</summary>
        public IReadOnlyList<UnclassifiedCall> Unclassified { get; init; } = new UnclassifiedCall[0];

        /// <summary>Diagnostics that are not flows: RES004 (invalid annotation or configuration), RES006 (unannotated look-alikes).</summary>
        public IReadOnlyList<Finding> Findings { get; init; } = new Finding[0];

        /// <summary>Limits the analysis met (a method whose analysis was cut short), for the inventory's notes.</summary>
        public IReadOnlyList<string> Notes { get; init; } = new string[0];

        /// <summary>
        /// A library's public methods whose arguments reach sinks inside it, for the projects that reference it
        /// (<see cref="ExportedFlow"/>; docs/cross-project.md). Empty unless the library exports them.
        /// </summary>
        public IReadOnlyList<ExportedFlow> Exports { get; init; } = new ExportedFlow[0];

        /// <summary>A library's public members whose value is personal data it read, for the projects that reference it.</summary>
        public IReadOnlyList<ExportedSource> ExportedSources { get; init; } = new ExportedSource[0];
    }
}
