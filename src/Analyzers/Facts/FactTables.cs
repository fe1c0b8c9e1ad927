using System;
using System.Collections.Generic;
using System.Linq;
using Residency.Analyzers.Json;

namespace Residency.Facts
{
    /// <summary>
    /// The facts file's tables: every distinct source and every distinct sink once, in <c>sourceTable</c> and
    /// <c>sinkTable</c>, which the flows, unclassified calls and sink entries name by index (format version 2), and every
    /// source file once, in <c>fileTable</c>, which every item names by index (version 3). A large compilation has
    /// thousands of flows over a few hundred sources and sinks, and thousands of items over a few thousand files; written
    /// inline, they were most of the file's bytes, and so of what the analyzers write at the end of the compilation and
    /// the task reads after it.
    /// </summary>
    /// <remarks>
    /// Each table is sorted by its entries' canonical JSON, so the same facts give the same indexes, and two entries
    /// that render alike are one entry. Reading is lenient, as everywhere in the fact contract: an index that is not a
    /// number or names no entry reads as absent.
    /// </remarks>
    internal sealed class FactTables
    {
        private readonly Dictionary<SourceRef, int> _sourceIndex;
        private readonly Dictionary<SinkInfo, int> _sinkIndex;
        private readonly Dictionary<string, int> _fileIndex;

        private FactTables(
            IReadOnlyList<string> sourceJson,
            IReadOnlyList<string> sinkJson,
            Dictionary<SourceRef, int> sourceIndex,
            Dictionary<SinkInfo, int> sinkIndex,
            IReadOnlyList<SourceRef?> sources,
            IReadOnlyList<SinkInfo?> sinks,
            Dictionary<string, int> fileIndex,
            IReadOnlyList<string?> files,
            Func<string, string>? mapFile = null)
        {
            SourceJson = sourceJson;
            SinkJson = sinkJson;
            _sourceIndex = sourceIndex;
            _sinkIndex = sinkIndex;
            Sources = sources;
            Sinks = sinks;
            _fileIndex = fileIndex;
            Files = files;
            _mapFile = mapFile;
        }

        /// <summary>The source files by index, sorted (null: an entry that could not be read).</summary>
        public IReadOnlyList<string?> Files { get; }

        /// <summary>The canonical JSON of each source, in index order (writing only).</summary>
        public IReadOnlyList<string> SourceJson { get; }

        /// <summary>The canonical JSON of each sink, in index order (writing only).</summary>
        public IReadOnlyList<string> SinkJson { get; }

        /// <summary>The sources by index (null: an entry that could not be read).</summary>
        public IReadOnlyList<SourceRef?> Sources { get; }

        /// <summary>The sinks by index (null: an entry that could not be read).</summary>
        public IReadOnlyList<SinkInfo?> Sinks { get; }

        /// <summary>The tables of a document about to be written: the sources of its flows and unclassified calls, the sinks of its flows and sink entries.</summary>
        public static FactTables For(FactsDocument document)
        {
            var sources = new List<SourceRef>();
            foreach (var flow in document.Flows)
            {
                sources.AddRange(flow.Sources);
            }

            foreach (var call in document.Unclassified)
            {
                sources.AddRange(call.Sources);
            }

            var sinks = new List<SinkInfo>();
            foreach (var entry in document.Sinks)
            {
                sinks.Add(entry.Sink);
            }

            foreach (var flow in document.Flows)
            {
                if (flow.Sink is not null)
                {
                    sinks.Add(flow.Sink);
                }
            }

            var (sourceJson, sourceIndex, sourceList) = Table(sources, FactJsonWriter.Source);
            var (sinkJson, sinkIndex, sinkList) = Table(sinks, FactJsonWriter.Sink);
            var (fileIndex, fileList) = FileTable(document);
            return new FactTables(sourceJson, sinkJson, sourceIndex, sinkIndex, sourceList, sinkList, fileIndex, fileList);
        }

        /// <summary>Every distinct file an item of the document names, sorted, and the index of each.</summary>
        private static (Dictionary<string, int> Index, string[] Files) FileTable(FactsDocument document)
        {
            var files = document.Elements.Select(e => e.File)
                .Concat(document.Sinks.Select(s => s.File))
                .Concat(document.Flows.Select(f => f.File))
                .Concat(document.Unclassified.Select(u => u.File))
                .Concat(document.Findings.Select(f => f.File))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();
            var index = new Dictionary<string, int>(files.Length, StringComparer.Ordinal);
            for (int i = 0; i < files.Length; i++)
            {
                index[files[i]] = i;
            }

            return (index, files);
        }

        /// <summary>
        /// The tables of a facts file being read: its <c>sourceTable</c>, <c>sinkTable</c> and <c>fileTable</c> members
        /// (null when absent). <paramref name="file"/>, when given, maps every source path read, once per entry of the
        /// file table and for each path written inline (the task makes them relative to the project).
        /// </summary>
        public static FactTables Read(JsonNode? sourceTable, JsonNode? sinkTable, JsonNode? fileTable, Func<string, string>? file = null)
        {
            var sources = new List<SourceRef?>();
            foreach (var node in Items(sourceTable))
            {
                sources.Add(FactJsonReader.Source(node));
            }

            var sinks = new List<SinkInfo?>();
            foreach (var node in Items(sinkTable))
            {
                sinks.Add(FactJsonReader.Sink(node));
            }

            var files = new List<string?>();
            foreach (var node in Items(fileTable))
            {
                files.Add(node.IsString && !string.IsNullOrWhiteSpace(node.Text) ? (file is null ? node.Text : file(node.Text!)) : null);
            }

            return new FactTables(
                new string[0],
                new string[0],
                new Dictionary<SourceRef, int>(),
                new Dictionary<SinkInfo, int>(),
                sources,
                sinks,
                new Dictionary<string, int>(StringComparer.Ordinal),
                files,
                file);

            static IReadOnlyList<JsonNode> Items(JsonNode? table) => table is { IsArray: true } ? table.Items : new JsonNode[0];
        }

        // Maps an inline path as the file table's entries were mapped (Read).
        private readonly Func<string, string>? _mapFile;

        /// <summary>The index of a source file of the document the tables were made for.</summary>
        public int IndexOf(string file) => _fileIndex[file];

        /// <summary>An item's file: its index in <c>fileTable</c>, or (read leniently) a path written inline; null otherwise.</summary>
        public string? File(JsonNode? value) =>
            value is { IsString: true } && !string.IsNullOrWhiteSpace(value.Text)
                ? (_mapFile is null ? value.Text : _mapFile(value.Text!))
                : At(Files, value);

        /// <summary>The index of a source of the document the tables were made for.</summary>
        public int IndexOf(SourceRef source) => _sourceIndex[source];

        /// <summary>The index of a sink of the document the tables were made for.</summary>
        public int IndexOf(SinkInfo sink) => _sinkIndex[sink];

        /// <summary>The source an index names, or null.</summary>
        public SourceRef? Source(JsonNode? index) => At(Sources, index);

        /// <summary>The sink an index names, or null.</summary>
        public SinkInfo? Sink(JsonNode? index) => At(Sinks, index);

        private static T? At<T>(IReadOnlyList<T?> table, JsonNode? index)
            where T : class =>
            index is { Kind: JsonKind.Number } &&
            int.TryParse(index.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) &&
            i < table.Count
                ? table[i]
                : null;

        private static (string[] Json, Dictionary<T, int> Index, T[] Entries) Table<T>(List<T> items, Action<JsonWriter, T> write)
            where T : notnull
        {
            var rendered = new Dictionary<T, string>();
            var distinct = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                if (!rendered.ContainsKey(item))
                {
                    var json = FactJsonWriter.Key(w => write(w, item), compact: true);
                    rendered[item] = json;
                    if (!distinct.ContainsKey(json))
                    {
                        distinct[json] = item;
                    }
                }
            }

            var keys = new List<string>(distinct.Keys);
            keys.Sort(StringComparer.Ordinal);
            var position = new Dictionary<string, int>(StringComparer.Ordinal);
            var entries = new T[keys.Count];
            for (int i = 0; i < keys.Count; i++)
            {
                position[keys[i]] = i;
                entries[i] = distinct[keys[i]];
            }

            var index = new Dictionary<T, int>();
            foreach (var pair in rendered)
            {
                index[pair.Key] = position[pair.Value];
            }

            return (keys.ToArray(), index, entries);
        }
    }
}
