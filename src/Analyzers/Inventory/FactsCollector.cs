using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Residency.Facts;

namespace Residency.Analyzers.Inventory
{
    /// <summary>
    /// The facts of one compilation, gathered concurrently by the analyzer actions and written once at compilation end
    /// (<see cref="FactsFile"/> sorts them, so the order the actions ran in never shows in the file).
    /// </summary>
    internal sealed class FactsCollector
    {
        private readonly ConcurrentQueue<DataElement> _elements = new();
        private readonly ConcurrentQueue<SinkEntry> _sinks = new();
        private readonly ConcurrentQueue<FlowFact> _flows = new();
        private readonly ConcurrentQueue<UnclassifiedCall> _unclassified = new();
        private readonly ConcurrentQueue<Finding> _findings = new();
        private readonly ConcurrentQueue<string> _notes = new();
        private readonly ConcurrentQueue<ExportedFlow> _exports = new();
        private readonly ConcurrentQueue<ExportedSource> _exportedSources = new();

        public void Add(DataElement element) => _elements.Enqueue(element);

        public void Add(SinkEntry sink) => _sinks.Enqueue(sink);

        public void Add(FlowFact flow) => _flows.Enqueue(flow);

        public void Add(UnclassifiedCall call) => _unclassified.Enqueue(call);

        public void Add(Finding finding) => _findings.Enqueue(finding);

        /// <summary>A public method's argument reaching a sink, for the projects that reference this library.</summary>
        public void Add(ExportedFlow export) => _exports.Enqueue(export);

        /// <summary>A public member whose value is personal data, for the projects that reference this library.</summary>
        public void Add(ExportedSource source) => _exportedSources.Enqueue(source);

        /// <summary>A limit the analysis met (shown in the inventory's notes).</summary>
        public void AddNote(string note) => _notes.Enqueue(note);

        public FactsDocument ToDocument(string assembly, IEnumerable<string> allowedRegions) => new()
        {
            Assembly = assembly,
            AllowedRegions = allowedRegions.ToList(),
            Elements = _elements.ToList(),
            Sinks = _sinks.ToList(),
            Flows = _flows.ToList(),
            Unclassified = _unclassified.ToList(),
            Findings = _findings.ToList(),
            Notes = _notes.ToList(),
            Exports = _exports.ToList(),
            ExportedSources = _exportedSources.ToList(),
        };
    }
}
