using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Residency.Analyzers.Json;

namespace Residency.Facts
{
    /// <summary>
    /// The facts file format: one JSON object, versioned, written by the analyzers and read by the inventory task.
    /// Writing sorts every list, so the same code gives the same bytes whatever order concurrent analysis found things in.
    /// </summary>
    internal static class FactsFile
    {
        /// <summary>The <c>format</c> member, so that another JSON file given by mistake is recognised as such.</summary>
        public const string FormatName = "residency-facts";

        /// <summary>
        /// Bumped whenever a member changes meaning; the task rejects any other version. Version 2: sources and sinks are
        /// written once, in <c>sourceTable</c> and <c>sinkTable</c>, and named by index (<see cref="FactTables"/>). Version 3:
        /// source files too, in <c>fileTable</c>; the file is compact (no whitespace, and members that are null, empty or
        /// false are left out: <see cref="JsonWriter.Compact"/>).
        /// </summary>
        public const int Version = 3;

        public static string Write(FactsDocument document)
        {
            var text = new System.IO.StringWriter(CultureInfo.InvariantCulture);
            Write(document, text);
            return text.ToString();
        }

        /// <summary>Writes the facts file to <paramref name="output"/> (the analyzers stream it to disk: no string of the whole file).</summary>
        public static void Write(FactsDocument document, System.IO.TextWriter output)
        {
            var w = new JsonWriter(output, compact: true);
            w.StartObject();
            w.Property("format", FormatName);
            w.Name("version");
            w.Value(Version);
            w.Property("assembly", document.Assembly);
            FactJsonWriter.Strings(w, "allowedRegions", document.AllowedRegions);
            var tables = FactTables.For(document);
            Table("sourceTable", tables.SourceJson);
            Table("sinkTable", tables.SinkJson);
            FactJsonWriter.Strings(w, "fileTable", tables.Files);
            List("elements", document.Elements, e => e.File, e => e.Line, (w, e) => FactJsonWriter.Element(w, e, tables));
            List("sinks", document.Sinks, s => s.File, s => s.Line, (w, s) => FactJsonWriter.SinkEntry(w, s, tables));
            List("flows", document.Flows, f => f.File, f => f.Line, (w, f) => FactJsonWriter.Flow(w, f, tables));
            List("unclassified", document.Unclassified, u => u.File, u => u.Line, (w, u) => FactJsonWriter.Unclassified(w, u, tables));
            List("findings", document.Findings, f => f.File, f => f.Line, (w, f) => FactJsonWriter.Finding(w, f, tables));
            FactJsonWriter.Strings(w, "notes", document.Notes.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal));
            if (document.Exports.Count > 0)
            {
                Table("exports", ExportsFile.Sorted(document.Exports).ToList());
            }

            if (document.ExportedSources.Count > 0)
            {
                Table("exportedSources", ExportsFile.Sorted(document.ExportedSources).ToList());
            }

            w.EndObject();
            w.Finish();

            void Table(string name, IReadOnlyList<string> entries)
            {
                w.Name(name);
                w.StartArray();
                foreach (var rendered in entries)
                {
                    w.Rendered(rendered);
                }

                w.EndArray();
            }

            void List<T>(string name, IEnumerable<T> items, Func<T, string?> file, Func<T, int?> line, Action<JsonWriter, T> write)
            {
                w.Name(name);
                w.StartArray();
                foreach (var rendered in Sorted(items, file, line, write))
                {
                    w.Rendered(rendered); // the canonical JSON the sort computed: each item is rendered once
                }

                w.EndArray();
            }
        }

        /// <summary>Reads a facts file; null with a one-line <paramref name="problem"/> when it is not one this version reads.</summary>
        public static FactsDocument? Read(string text, out string? problem) => Read(text, itemAssembly: null, file: null, out problem);

        /// <summary>
        /// Reads a facts file; null with a one-line <paramref name="problem"/> when it is not one this version reads.
        /// <para>
        /// The file is read member by member and each item is mapped as soon as it is parsed (<see cref="JsonParser.ReadMembers"/>):
        /// no tree of the whole file, which at tens of thousands of items was most of what reading it cost. The writer puts
        /// the root's <c>assembly</c> and the tables before the lists; an item that comes before all three tables waits, as
        /// a parsed item, until the end of the file, so members in any order read the same.
        /// </para>
        /// </summary>
        /// <param name="text">The file's text.</param>
        /// <param name="itemAssembly">
        /// When given, every item names the root's <c>assembly</c>, or this one when the root names none (the inventory
        /// task: a compilation's facts are of the assembly it builds); otherwise an item names its own, or the root's.
        /// </param>
        /// <param name="file">When given, maps every source path read (<see cref="FactTables.Read"/>).</param>
        /// <param name="problem">Why the text is not a facts file this version reads; null when it is.</param>
        public static FactsDocument? Read(string text, string? itemAssembly, Func<string, string>? file, out string? problem)
        {
            var reading = new Reading(itemAssembly, file);
            bool isObject;
            try
            {
                isObject = JsonParser.ReadMembers(text, reading.Member);
            }
            catch (JsonParseException error)
            {
                problem = string.Format(CultureInfo.InvariantCulture, "the facts file is not valid JSON ({0} at line {1}, column {2})", error.Message, error.Line, error.Column);
                return null;
            }

            if (!isObject)
            {
                problem = "the facts file is not a JSON object";
                return null;
            }

            problem = reading.Problem();
            return problem is null ? reading.Document() : null;
        }

        /// <summary>One facts file being read, member by member.</summary>
        private sealed class Reading
        {
            private readonly string? _itemAssembly;
            private readonly Func<string, string>? _file;
            private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
            private readonly List<DataElement> _elements = new();
            private readonly List<SinkEntry> _sinks = new();
            private readonly List<FlowFact> _flows = new();
            private readonly List<UnclassifiedCall> _unclassified = new();
            private readonly List<Finding> _findings = new();

            // Items parsed before the tables were all read, mapped at the end (the list each is of, and the item).
            private readonly List<string> _waitingLists = new();
            private readonly List<JsonNode> _waitingItems = new();
            private JsonNode? _sourceTable;
            private JsonNode? _sinkTable;
            private JsonNode? _fileTable;
            private FactTables? _tables;
            private string? _format;
            private bool _versionSeen;
            private int? _version;
            private string _assembly = "";
            private bool _mappedBeforeAssembly;
            private IReadOnlyList<string> _allowedRegions = new string[0];
            private IReadOnlyList<string> _notes = new string[0];
            private readonly List<ExportedFlow> _exports = new();
            private readonly List<ExportedSource> _exportedSources = new();

            public Reading(string? itemAssembly, Func<string, string>? file)
            {
                _itemAssembly = itemAssembly;
                _file = file;
            }

            // Once the format or the version is known to be another, the items are not worth mapping.
            private bool Foreign => (_format is not null && _format != FormatName) || (_versionSeen && _version != Version);

            private string ItemAssembly => _itemAssembly is null || _assembly.Length > 0 ? _assembly : _itemAssembly;

            public void Member(string name, JsonParser parser)
            {
                if (!_seen.Add(name))
                {
                    return; // the first member of a name counts, as JsonNode.Get reads it; the parser skips this one
                }

                switch (name)
                {
                    case "format":
                        _format = JsonRead.Str(Wrap(name, parser.ReadValue()), name) ?? "";
                        break;
                    case "version":
                        _versionSeen = true;
                        _version = JsonRead.Int(Wrap(name, parser.ReadValue()), name);
                        break;
                    case "assembly":
                        _assembly = JsonRead.Str(Wrap(name, parser.ReadValue()), name) ?? "";
                        break;
                    case "allowedRegions":
                        _allowedRegions = JsonRead.Strings(Wrap(name, parser.ReadValue()), name);
                        break;
                    case "notes":
                        _notes = JsonRead.Strings(Wrap(name, parser.ReadValue()), name);
                        break;
                    case "exports":
                        parser.ReadItems(item =>
                        {
                            if (!Foreign && ExportedFlow.Read(item) is { } export)
                            {
                                _exports.Add(export);
                            }
                        });
                        break;
                    case "exportedSources":
                        parser.ReadItems(item =>
                        {
                            if (!Foreign && ExportedSource.Read(item) is { } source)
                            {
                                _exportedSources.Add(source);
                            }
                        });
                        break;
                    case "sourceTable":
                        _sourceTable = parser.ReadValue();
                        break;
                    case "sinkTable":
                        _sinkTable = parser.ReadValue();
                        break;
                    case "fileTable":
                        _fileTable = parser.ReadValue();
                        break;
                    case "elements":
                    case "sinks":
                    case "flows":
                    case "unclassified":
                    case "findings":
                        parser.ReadItems(item =>
                        {
                            if (Foreign)
                            {
                                return;
                            }

                            if (_sourceTable is null || _sinkTable is null || _fileTable is null)
                            {
                                _waitingLists.Add(name);
                                _waitingItems.Add(item);
                                return;
                            }

                            Map(name, item);
                        });
                        break;
                }
            }

            public string? Problem()
            {
                if (_format != FormatName)
                {
                    return "the file is not a Residency facts file (its 'format' is not '" + FormatName + "')";
                }

                if (_version != Version)
                {
                    return string.Format(
                        CultureInfo.InvariantCulture,
                        "the facts file has format version {0}, but this Residency.Build reads version {1}: the analyzers and the task come from different package versions (restore and rebuild)",
                        _version?.ToString(CultureInfo.InvariantCulture) ?? "(none)",
                        Version);
                }

                return null;
            }

            public FactsDocument Document()
            {
                for (int i = 0; i < _waitingItems.Count; i++)
                {
                    Map(_waitingLists[i], _waitingItems[i]);
                }

                if (_mappedBeforeAssembly && _assembly.Length > 0)
                {
                    Reassemble(); // the root's assembly came after items that needed it (the writer never does that)
                }

                return new FactsDocument
                {
                    Assembly = _assembly,
                    AllowedRegions = _allowedRegions,
                    Elements = _elements,
                    Sinks = _sinks,
                    Flows = _flows,
                    Unclassified = _unclassified,
                    Findings = _findings,
                    Notes = _notes,
                    Exports = _exports,
                    ExportedSources = _exportedSources,
                };
            }

            [System.Runtime.CompilerServices.MethodImpl(Residency.Analyzers.HotPath.Optimized)]
            private void Map(string list, JsonNode item)
            {
                var tables = _tables ??= FactTables.Read(_sourceTable, _sinkTable, _fileTable, _file);
                var assembly = ItemAssembly;
                _mappedBeforeAssembly |= !_seen.Contains("assembly");
                switch (list)
                {
                    case "elements":
                        Add(_elements, FactJsonReader.Element(item, assembly, tables), assembly, static e => e.Assembly, static (e, a) => e with { Assembly = a });
                        break;
                    case "sinks":
                        Add(_sinks, FactJsonReader.SinkEntry(item, assembly, tables), assembly, static e => e.Assembly, static (e, a) => e with { Assembly = a });
                        break;
                    case "flows":
                        Add(_flows, FactJsonReader.Flow(item, assembly, tables), assembly, static e => e.Assembly, static (e, a) => e with { Assembly = a });
                        break;
                    case "unclassified":
                        Add(_unclassified, FactJsonReader.Unclassified(item, assembly, tables), assembly, static e => e.Assembly, static (e, a) => e with { Assembly = a });
                        break;
                    case "findings":
                        Add(_findings, FactJsonReader.Finding(item, assembly, tables), assembly, static e => e.Assembly, static (e, a) => e with { Assembly = a });
                        break;
                }
            }

            // An item read; for the task, of the assembly it was given even when the item names another (itemAssembly).
            private void Add<T>(List<T> items, T? item, string assembly, Func<T, string> assemblyOf, Func<T, string, T> withAssembly)
                where T : class
            {
                if (item is not null)
                {
                    items.Add(_itemAssembly is null || assemblyOf(item) == assembly ? item : withAssembly(item, assembly));
                }
            }

            /// <summary>
            /// Items mapped before the root's <c>assembly</c> was read took the assembly known then (none, or the task's):
            /// those that named no assembly of their own (all of them, for the task) get the root's.
            /// </summary>
            private void Reassemble()
            {
                Replace(_elements, static e => e.Assembly, static (e, a) => e with { Assembly = a });
                Replace(_sinks, static e => e.Assembly, static (e, a) => e with { Assembly = a });
                Replace(_flows, static e => e.Assembly, static (e, a) => e with { Assembly = a });
                Replace(_unclassified, static e => e.Assembly, static (e, a) => e with { Assembly = a });
                Replace(_findings, static e => e.Assembly, static (e, a) => e with { Assembly = a });
            }

            private void Replace<T>(List<T> items, Func<T, string> assemblyOf, Func<T, string, T> withAssembly)
            {
                string before = _itemAssembly ?? "";
                for (int i = 0; i < items.Count; i++)
                {
                    if (_itemAssembly is not null || assemblyOf(items[i]) == before)
                    {
                        items[i] = withAssembly(items[i], _assembly);
                    }
                }
            }

            // The lenient readers of JsonRead take an object and a member name.
            private static JsonNode Wrap(string name, JsonNode value) =>
                JsonNode.Object(value.Line, value.Column, new[] { new KeyValuePair<string, JsonNode>(name, value) });
        }

        /// <summary>
        /// The items' canonical JSON, without duplicates, sorted by file, line, then that JSON (which also breaks every
        /// remaining tie). An item's JSON holds its file and line, so duplicates are neighbours once sorted: no hashing of
        /// megabytes of keys.
        /// </summary>
        private static IEnumerable<string> Sorted<T>(IEnumerable<T> items, Func<T, string?> file, Func<T, int?> line, Action<JsonWriter, T> write)
        {
            var keyed = new List<(string File, int Line, string Key)>();
            foreach (var item in items)
            {
                keyed.Add((file(item) ?? "", line(item) ?? 0, FactJsonWriter.Key(w => write(w, item), compact: true)));
            }

            keyed.Sort((a, b) =>
            {
                int byFile = string.CompareOrdinal(a.File, b.File);
                if (byFile != 0)
                {
                    return byFile;
                }

                return a.Line != b.Line ? a.Line.CompareTo(b.Line) : string.CompareOrdinal(a.Key, b.Key);
            });

            string? previous = null;
            foreach (var (_, _, key) in keyed)
            {
                if (!string.Equals(key, previous, StringComparison.Ordinal))
                {
                    yield return key;
                    previous = key;
                }
            }
        }
    }
}
