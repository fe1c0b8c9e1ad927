using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Residency.Analyzers.Json;

namespace Residency.Facts
{
    /// <summary>
    /// <c>residency.exports.json</c>: the flows a library's public methods hand on to sinks (<see cref="ExportedFlow"/>),
    /// written by the library's inventory task beside its facts file and read by the analyzers of every project that
    /// references the library (docs/cross-project.md). Its own small file, rewritten only when its bytes change, so that a
    /// library compiled again with the same exports does not make the projects that use it compile again.
    /// </summary>
    internal static class ExportsFile
    {
        public const string FormatName = "residency-exports";

        /// <summary>The file name the referencing projects' analyzers recognise among their additional files.</summary>
        public const string FileName = "residency.exports.json";

        public const int Version = 1;

        /// <summary>Writes the exports of <paramref name="assembly"/>, sorted and without duplicates.</summary>
        public static void Write(string assembly, IEnumerable<ExportedFlow> exports, System.IO.TextWriter output) =>
            Write(assembly, exports, new ExportedSource[0], output);

        /// <summary>Writes the exported flows and sources of <paramref name="assembly"/>, sorted and without duplicates.</summary>
        public static void Write(string assembly, IEnumerable<ExportedFlow> exports, IEnumerable<ExportedSource> sources, System.IO.TextWriter output)
        {
            var w = new JsonWriter(output, compact: false);
            w.StartObject();
            w.Property("format", FormatName);
            w.Name("version");
            w.Value(Version);
            w.Property("assembly", assembly);
            w.Name("exports");
            w.StartArray();
            foreach (var rendered in Sorted(exports))
            {
                w.Rendered(rendered);
            }

            w.EndArray();
            w.Name("sources");
            w.StartArray();
            foreach (var rendered in Sorted(sources))
            {
                w.Rendered(rendered);
            }

            w.EndArray();
            w.EndObject();
            w.Finish();
        }

        /// <summary>The exports in a fixed order (by their JSON), each once.</summary>
        public static IEnumerable<string> Sorted(IEnumerable<ExportedFlow> exports) => Sorted(exports, ExportedFlow.Write);

        /// <summary>The exported sources in a fixed order (by their JSON), each once.</summary>
        public static IEnumerable<string> Sorted(IEnumerable<ExportedSource> sources) => Sorted(sources, ExportedSource.Write);

        private static IEnumerable<string> Sorted<T>(IEnumerable<T> items, Action<JsonWriter, T> write) =>
            items.Select(item => FactJsonWriter.Key(w => write(w, item), compact: true))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(rendered => rendered, StringComparer.Ordinal);

        /// <summary>The exports of a file; null with a one-line <paramref name="problem"/> when it is not one this version reads.</summary>
        public static IReadOnlyList<ExportedFlow>? Read(string text, out string? problem) => Read(text, out _, out problem);

        /// <summary>The exported flows and sources of a file; null with a one-line <paramref name="problem"/> when it is not one this version reads.</summary>
        public static IReadOnlyList<ExportedFlow>? Read(string text, out IReadOnlyList<ExportedSource> sources, out string? problem) =>
            Read(text, out sources, out _, out problem);

        /// <summary>As above, with the name of the assembly that exported them.</summary>
        public static IReadOnlyList<ExportedFlow>? Read(string text, out IReadOnlyList<ExportedSource> sources, out string? assembly, out string? problem)
        {
            string? format = null;
            string? exporter = null;
            assembly = null;
            int? version = null;
            var exports = new List<ExportedFlow>();
            var exportedSources = new List<ExportedSource>();
            sources = exportedSources;
            try
            {
                if (!JsonParser.ReadMembers(text, (name, parser) =>
                {
                    switch (name)
                    {
                        case "format":
                            format = parser.ReadValue().AsConfigurationValue();
                            break;
                        case "assembly":
                            exporter = parser.ReadValue().AsConfigurationValue();
                            break;
                        case "version":
                            version = int.TryParse(parser.ReadValue().AsConfigurationValue(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
                            break;
                        case "sources":
                            parser.ReadItems(item =>
                            {
                                if (ExportedSource.Read(item) is { } source)
                                {
                                    exportedSources.Add(source);
                                }
                            });
                            break;
                        case "exports":
                            parser.ReadItems(item =>
                            {
                                if (ExportedFlow.Read(item) is { } export)
                                {
                                    exports.Add(export);
                                }
                            });
                            break;
                    }
                }))
                {
                    problem = "the exports file is not a JSON object";
                    return null;
                }
            }
            catch (JsonParseException error)
            {
                problem = string.Format(CultureInfo.InvariantCulture, "the exports file is not valid JSON ({0} at line {1}, column {2})", error.Message, error.Line, error.Column);
                return null;
            }

            if (format != FormatName)
            {
                problem = "the file is not a Residency exports file (its 'format' is not '" + FormatName + "')";
                return null;
            }

            if (version != Version)
            {
                problem = string.Format(CultureInfo.InvariantCulture, "the exports file has format version {0}, but these analyzers read version {1} (rebuild the library with the same package version)", version?.ToString(CultureInfo.InvariantCulture) ?? "(none)", Version);
                return null;
            }

            problem = null;
            assembly = exporter;
            return exports;
        }
    }
}
