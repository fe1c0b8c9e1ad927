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
            w.Name("allowedRegions");
            w.StartArray();
            foreach (var region in document.AllowedRegions)
            {
                w.Value(region);
            }

            w.EndArray();
            var tables = FactTables.For(document);
            Table("sourceTable", tables.SourceJson);
            Table("sinkTable", tables.SinkJson);
            w.Name("fileTable");
            w.StartArray();
            foreach (var file in tables.Files)
            {
                w.Value(file);
            }

            w.EndArray();
            List("elements", document.Elements, e => e.File, e => e.Line, (w, e) => FactJsonWriter.Element(w, e, tables));
            List("sinks", document.Sinks, s => s.File, s => s.Line, (w, s) => FactJsonWriter.SinkEntry(w, s, tables));
            List("flows", document.Flows, f => f.File, f => f.Line, (w, f) => FactJsonWriter.Flow(w, f, tables));
            List("unclassified", document.Unclassified, u => u.File, u => u.Line, (w, u) => FactJsonWriter.Unclassified(w, u, tables));
            List("findings", document.Findings, f => f.File, f => f.Line, (w, f) => FactJsonWriter.Finding(w, f, tables));
            w.Name("notes");
            w.StartArray();
            foreach (var note in document.Notes.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal))
            {
                w.Value(note);
            }

            w.EndArray();
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
        public static FactsDocument? Read(string text, out string? problem)
        {
            var root = JsonParser.TryParse(text, out var error);
            if (root is null || !root.IsObject)
            {
                problem = error is null
                    ? "the facts file is not a JSON object"
                    : string.Format(CultureInfo.InvariantCulture, "the facts file is not valid JSON ({0} at line {1}, column {2})", error.Message, error.Line, error.Column);
                return null;
            }

            if (JsonRead.Str(root, "format") != FormatName)
            {
                problem = "the file is not a Residency facts file (its 'format' is not '" + FormatName + "')";
                return null;
            }

            var version = JsonRead.Int(root, "version");
            if (version != Version)
            {
                problem = string.Format(
                    CultureInfo.InvariantCulture,
                    "the facts file has format version {0}, but this Residency.Build reads version {1}: the analyzers and the task come from different package versions (restore and rebuild)",
                    version?.ToString(CultureInfo.InvariantCulture) ?? "(none)",
                    Version);
                return null;
            }

            var assembly = JsonRead.Str(root, "assembly") ?? "";
            var tables = FactTables.Read(root);
            problem = null;
            return new FactsDocument
            {
                Assembly = assembly,
                AllowedRegions = JsonRead.Strings(root, "allowedRegions"),
                Elements = Items(root, "elements", n => FactJsonReader.Element(n, assembly, tables)),
                Sinks = Items(root, "sinks", n => FactJsonReader.SinkEntry(n, assembly, tables)),
                Flows = Items(root, "flows", n => FactJsonReader.Flow(n, assembly, tables)),
                Unclassified = Items(root, "unclassified", n => FactJsonReader.Unclassified(n, assembly, tables)),
                Findings = Items(root, "findings", n => FactJsonReader.Finding(n, assembly, tables)),
                Notes = JsonRead.Strings(root, "notes"),
            };
        }

        private static IReadOnlyList<T> Items<T>(JsonNode root, string name, Func<JsonNode, T?> read)
            where T : class
        {
            var result = new List<T>();
            foreach (var node in JsonRead.Arr(root, name))
            {
                if (read(node) is { } item)
                {
                    result.Add(item);
                }
            }

            return result;
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
