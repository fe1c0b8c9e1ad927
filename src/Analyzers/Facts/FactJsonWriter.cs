using System;
using System.Collections.Generic;
using Residency.Analyzers.Json;

namespace Residency.Facts
{
    /// <summary>
    /// Writes the fact records as JSON, with a fixed member order: the one writer of the facts file the analyzers
    /// produce, of <c>inventory.json</c>, and of the canonical keys that deduplicate and tie-break the sort (two items
    /// are identical when their JSON is). <see cref="FactJsonReader"/> reads the same member names.
    /// </summary>
    internal static class FactJsonWriter
    {
        public static string Key(Action<JsonWriter> write) => Key(write, compact: false);

        /// <summary>The JSON <paramref name="write"/> writes, as one string; <paramref name="compact"/>: a <see cref="JsonWriter.Compact"/> rendering (the facts file).</summary>
        public static string Key(Action<JsonWriter> write, bool compact)
        {
            var writer = new JsonWriter(compact);
            write(writer);
            return writer.ToString();
        }

        public static void Source(JsonWriter w, SourceRef s)
        {
            w.StartObject();
            w.Property("id", s.Id);
            w.Property("member", s.Member);
            w.Property("category", s.Category);
            w.Property("specialCategory", s.SpecialCategory);
            w.Property("subject", s.Subject);
            w.Property("pseudonymised", s.Pseudonymised);
            w.Property("inferred", s.Inferred);
            if (s.Origin is not null)
            {
                w.Property("origin", s.Origin);
                w.Property("kind", s.Kind);
            }
            else if (s.Annotation is not null)
            {
                w.Property("annotation", s.Annotation);
                w.Property("kind", s.Kind);
            }

            w.EndObject();
        }

        /// <summary>A member whose value is an array of strings (a path, the methods a flow goes through).</summary>
        public static void Strings(JsonWriter w, string name, IEnumerable<string?> values)
        {
            w.Name(name);
            w.StartArray();
            foreach (var value in values)
            {
                w.Value(value);
            }

            w.EndArray();
        }

        public static void Sink(JsonWriter w, SinkInfo s)
        {
            w.StartObject();
            SinkMembers(w, s);
            w.EndObject();
        }

        public static void Transfer(JsonWriter w, TransferInfo? t)
        {
            if (t is null)
            {
                w.Value((string?)null);
                return;
            }

            w.StartObject();
            w.Property("region", t.Region);
            w.Property("mechanism", t.Mechanism);
            w.Property("recipient", t.Recipient);
            w.Property("justification", t.Justification);
            w.EndObject();
        }

        public static void Flow(JsonWriter w, FlowFact f) => Flow(w, f, tables: null);

        /// <summary>A flow; with <paramref name="tables"/> (the facts file), its sources and sink as indexes into them.</summary>
        public static void Flow(JsonWriter w, FlowFact f, FactTables? tables)
        {
            w.StartObject();
            w.Property("assembly", f.Assembly);
            w.Property("status", f.Status);
            w.Property("rule", f.Rule);
            w.Property("method", f.Method);
            Sources(w, f.Sources, tables);
            if (f.Sink is not null || !w.Compact)
            {
                w.Name("sink");
                if (f.Sink is null)
                {
                    w.Value((string?)null);
                }
                else if (tables is not null)
                {
                    w.Value(tables.IndexOf(f.Sink));
                }
                else
                {
                    Sink(w, f.Sink);
                }
            }

            Strings(w, "path", f.Path);
            if (f.Transfer is not null || !w.Compact)
            {
                w.Name("transfer");
                Transfer(w, f.Transfer);
            }

            File(w, f.File, tables);
            Number(w, "line", f.Line);
            Number(w, "column", f.Column);
            w.Property("fingerprint", f.Fingerprint);
            w.Property("treatment", f.Treatment);
            w.Property("baselined", f.Baselined);
            w.EndObject();
        }

        public static void Unclassified(JsonWriter w, UnclassifiedCall u) => Unclassified(w, u, tables: null);

        /// <summary>An unclassified call; with <paramref name="tables"/> (the facts file), its sources as indexes into them.</summary>
        public static void Unclassified(JsonWriter w, UnclassifiedCall u, FactTables? tables)
        {
            w.StartObject();
            w.Property("assembly", u.Assembly);
            w.Property("recipient", u.Recipient);
            w.Property("recipientAssembly", u.RecipientAssembly);
            w.Property("classification", u.Classification);
            w.Property("method", u.Method);
            Sources(w, u.Sources, tables);
            Strings(w, "path", u.Path);
            File(w, u.File, tables);
            Number(w, "line", u.Line);
            Number(w, "column", u.Column);
            w.Property("fingerprint", u.Fingerprint);
            w.Property("treatment", u.Treatment);
            w.EndObject();
        }

        public static void Element(JsonWriter w, DataElement e) => Element(w, e, tables: null);

        /// <summary>A data element; with <paramref name="tables"/> (the facts file), its file as an index.</summary>
        public static void Element(JsonWriter w, DataElement e, FactTables? tables)
        {
            w.StartObject();
            w.Property("id", e.Id);
            w.Property("member", e.Member);
            w.Property("containingType", e.ContainingType);
            w.Property("kind", e.Kind);
            w.Property("category", e.Category);
            w.Property("specialCategory", e.SpecialCategory);
            w.Property("subject", e.Subject);
            w.Property("retention", e.Retention);
            w.Property("origin", e.Origin);
            w.Property("assembly", e.Assembly);
            File(w, e.File, tables);
            Number(w, "line", e.Line);
            w.EndObject();
        }

        public static void SinkEntry(JsonWriter w, SinkEntry s) => SinkEntry(w, s, tables: null);

        /// <summary>A sink entry: the sink's members inline, or with <paramref name="tables"/> (the facts file) <c>"sink"</c>, its index.</summary>
        public static void SinkEntry(JsonWriter w, SinkEntry s, FactTables? tables)
        {
            w.StartObject();
            if (tables is not null)
            {
                w.Property("sink", tables.IndexOf(s.Sink));
            }
            else
            {
                SinkMembers(w, s.Sink);
            }

            w.Property("assembly", s.Assembly);
            File(w, s.File, tables);
            Number(w, "line", s.Line);
            w.EndObject();
        }

        public static void Finding(JsonWriter w, Finding f) => Finding(w, f, tables: null);

        /// <summary>A finding; with <paramref name="tables"/> (the facts file), its file as an index.</summary>
        public static void Finding(JsonWriter w, Finding f, FactTables? tables)
        {
            w.StartObject();
            w.Property("rule", f.Rule);
            w.Property("level", f.Level);
            w.Property("message", f.Message);
            w.Property("assembly", f.Assembly);
            File(w, f.File, tables);
            Number(w, "line", f.Line);
            Number(w, "column", f.Column);
            w.Property("fingerprint", f.Fingerprint);
            w.Property("treatment", f.Treatment);
            w.Property("suppressed", f.Suppressed);
            w.EndObject();
        }

        public static void DeclaredTransfer(JsonWriter w, DeclaredTransfer t)
        {
            w.StartObject();
            w.Property("region", t.Region);
            w.Property("regionName", t.RegionName);
            w.Property("mechanism", t.Mechanism);
            w.Property("recipient", t.Recipient);
            w.Property("justification", t.Justification);
            w.Property("flowCount", t.FlowCount);
            w.EndObject();
        }

        private static void Sources(JsonWriter w, IReadOnlyList<SourceRef> sources, FactTables? tables)
        {
            w.Name("sources");
            w.StartArray();
            foreach (var source in sources)
            {
                if (tables is not null)
                {
                    w.Value(tables.IndexOf(source));
                }
                else
                {
                    Source(w, source);
                }
            }

            w.EndArray();
        }

        /// <summary>A source file: its path, or with <paramref name="tables"/> (the facts file) its index in <c>fileTable</c>.</summary>
        private static void File(JsonWriter w, string? file, FactTables? tables)
        {
            if (tables is not null && file is not null)
            {
                w.Property("file", tables.IndexOf(file));
            }
            else
            {
                w.Property("file", file);
            }
        }

        public static void Number(JsonWriter w, string name, int? value)
        {
            if (value is null && w.Compact)
            {
                return;
            }

            w.Name(name);
            if (value is null)
            {
                w.Value((string?)null);
            }
            else
            {
                w.Value(value.Value);
            }
        }

        private static void SinkMembers(JsonWriter w, SinkInfo s)
        {
            w.Property("id", s.Id);
            w.Property("kind", s.Kind);
            w.Property("display", s.Display);
            w.Property("region", s.Region);
            w.Property("regionName", s.RegionName);
            w.Property("recipient", s.Recipient);
            w.Property("host", s.Host);
            w.Property("purpose", s.Purpose);
            w.Property("resolvedBy", s.ResolvedBy);
            w.Property("euAlternative", s.EuAlternative);

            // Written only when set, so that the facts of ordinary sinks keep their shape.
            if (s.Internal)
            {
                w.Property("internal", true);
            }

            if (s.Target is not null)
            {
                w.Property("target", s.Target);
            }
        }
    }
}
