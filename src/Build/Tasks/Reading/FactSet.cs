using System.Collections.Generic;
using Residency.Build.Model;
using Residency.Facts;

namespace Residency.Build.Reading
{
    /// <summary>Everything read from the facts file and the referenced inventories, before merging and sorting.</summary>
    internal sealed class FactSet
    {
        public List<FlowFact> Flows { get; } = new();

        public List<DataElement> Elements { get; } = new();

        public List<SinkEntry> Sinks { get; } = new();

        /// <summary>Calls that hand personal data to methods nobody classified.</summary>
        public List<UnclassifiedCall> Unclassified { get; } = new();

        public List<Finding> Findings { get; } = new();

        /// <summary>RES001–RES004 results of this compilation, suppressed or not (for <c>residency-baseline.json</c>).</summary>
        public List<BaselineFinding> BaselineCandidates { get; } = new();

        /// <summary>Limits the analysis met, for the inventory's notes.</summary>
        public List<string> Notes { get; } = new();

        /// <summary>The library's exported flows (docs/cross-project.md), copied to <c>residency.exports.json</c>.</summary>
        public List<ExportedFlow> Exports { get; } = new();

        /// <summary>The library's exported sources, copied to <c>residency.exports.json</c>.</summary>
        public List<ExportedSource> ExportedSources { get; } = new();

        public void Add(FactSet other)
        {
            Flows.AddRange(other.Flows);
            Elements.AddRange(other.Elements);
            Sinks.AddRange(other.Sinks);
            Unclassified.AddRange(other.Unclassified);
            Findings.AddRange(other.Findings);
            BaselineCandidates.AddRange(other.BaselineCandidates);
            Notes.AddRange(other.Notes);
            Exports.AddRange(other.Exports);
            ExportedSources.AddRange(other.ExportedSources);
        }
    }
}
