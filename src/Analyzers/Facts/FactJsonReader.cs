using System.Collections.Generic;
using Residency.Analyzers.Json;

namespace Residency.Facts
{
    /// <summary>
    /// Reads the fact records from JSON: the facts file the analyzers write and <c>inventory.json</c> use the same
    /// member names (<see cref="FactJsonWriter"/>), so one reader serves both. Lenient: a wrong or missing member reads
    /// as absent, never throws.
    /// </summary>
    internal static class FactJsonReader
    {
        public static SourceRef? Source(JsonNode? node)
        {
            if (node is null)
            {
                return null;
            }

            if (node.IsString)
            {
                return string.IsNullOrWhiteSpace(node.Text) ? null : new SourceRef { Id = node.Text! };
            }

            var id = JsonRead.Str(node, "id", "member");
            if (id is null)
            {
                return null;
            }

            return new SourceRef
            {
                Id = id,
                Member = JsonRead.Str(node, "member"),
                Category = JsonRead.Str(node, "category"),
                SpecialCategory = JsonRead.Str(node, "specialCategory"),
Subject = JsonRead.Str(node, "subject"),
                Origin = JsonRead.Str(node, "origin"),
                Annotation = JsonRead.Str(node, "annotation"),
                Kind = JsonRead.Str(node, "kind"),
                Pseudonymised = JsonRead.Bool(node, "pseudonymised"),
                Inferred = JsonRead.Bool(node, "inferred"),
            };
        }

        public static SinkInfo? Sink(JsonNode? node)
        {
            if (node is null || !node.IsObject)
            {
                return null;
            }

            var id = JsonRead.Str(node, "id", "display", "host");
            if (id is null)
            {
                return null;
            }

            return new SinkInfo
            {
                Id = id,
                Kind = JsonRead.Str(node, "kind"),
                Display = JsonRead.Str(node, "display"),
                Region = JsonRead.Str(node, "region"),
                RegionName = JsonRead.Str(node, "regionName"),
                Recipient = JsonRead.Str(node, "recipient"),
                Host = JsonRead.Str(node, "host"),
                Purpose = JsonRead.Str(node, "purpose"),
                ResolvedBy = JsonRead.Str(node, "resolvedBy"),
                EuAlternative = JsonRead.Str(node, "euAlternative"),
                Internal = JsonRead.Bool(node, "internal"),
                Target = JsonRead.Str(node, "target"),
            };
        }

        public static TransferInfo? Transfer(JsonNode? node)
        {
            if (node is null || !node.IsObject)
            {
                return null;
            }

            var transfer = new TransferInfo
            {
                Region = JsonRead.Str(node, "region"),
                Mechanism = JsonRead.Str(node, "mechanism"),
                Recipient = JsonRead.Str(node, "recipient"),
                Justification = JsonRead.Str(node, "justification"),
            };
            return transfer.Region is null && transfer.Mechanism is null ? null : transfer;
        }

        public static IReadOnlyList<SourceRef> Sources(JsonNode? node) => Sources(node, tables: null);

        /// <summary>The <c>sources</c> of a flow or call: objects, or with <paramref name="tables"/> (the facts file) indexes into them.</summary>
        public static IReadOnlyList<SourceRef> Sources(JsonNode? node, FactTables? tables)
        {
            var result = new List<SourceRef>();
            foreach (var item in JsonRead.Arr(node, "sources"))
            {
                if ((tables is null ? Source(item) : tables.Source(item)) is { } source)
                {
                    result.Add(source);
                }
            }

            return result;
        }

        /// <summary>A flow as written in <c>inventory.json</c>.</summary>
        public static FlowFact? Flow(JsonNode? node, string defaultAssembly) => Flow(node, defaultAssembly, tables: null);

        /// <summary>A flow as written in <c>inventory.json</c>, or with <paramref name="tables"/> in the facts file (same member names; sources and sink by index).</summary>
        public static FlowFact? Flow(JsonNode? node, string defaultAssembly, FactTables? tables)
        {
            if (node is null || !node.IsObject)
            {
                return null;
            }

            var status = JsonRead.Str(node, "status") ?? FlowStatus.FromRule(JsonRead.Str(node, "rule"));
            return new FlowFact
            {
                Assembly = JsonRead.Str(node, "assembly") ?? defaultAssembly,
                Status = status,
                Rule = JsonRead.Str(node, "rule") ?? FlowStatus.ToRule(status),
                Sources = Sources(node, tables),
                Sink = tables is null ? Sink(JsonRead.Obj(node, "sink")) : tables.Sink(node.Get("sink")),
                Path = JsonRead.Strings(node, "path"),
                Method = JsonRead.Str(node, "method"),
                Transfer = Transfer(JsonRead.Obj(node, "transfer")),
                File = FileOf(node, tables),
                Line = JsonRead.Int(node, "line"),
                Column = JsonRead.Int(node, "column"),
                Fingerprint = JsonRead.Str(node, "fingerprint"),
                Treatment = Treatment.Parse(JsonRead.Str(node, "treatment"), legacySuppressed: JsonRead.Bool(node, "baselined")),
            };
        }

        /// <summary>An unclassified call as written in <c>inventory.json</c>.</summary>
        public static UnclassifiedCall? Unclassified(JsonNode? node, string defaultAssembly) => Unclassified(node, defaultAssembly, tables: null);

        /// <summary>An unclassified call as written in <c>inventory.json</c>, or with <paramref name="tables"/> in the facts file (sources by index).</summary>
        public static UnclassifiedCall? Unclassified(JsonNode? node, string defaultAssembly, FactTables? tables)
        {
            var recipient = JsonRead.Str(node, "recipient");
            if (node is null || !node.IsObject || recipient is null)
            {
                return null;
            }

            return new UnclassifiedCall
            {
                Assembly = JsonRead.Str(node, "assembly") ?? defaultAssembly,
                Recipient = recipient,
                RecipientAssembly = JsonRead.Str(node, "recipientAssembly"),
                Method = JsonRead.Str(node, "method"),
                Sources = Sources(node, tables),
                Path = JsonRead.Strings(node, "path"),
                File = FileOf(node, tables),
                Line = JsonRead.Int(node, "line"),
                Column = JsonRead.Int(node, "column"),
                Fingerprint = JsonRead.Str(node, "fingerprint"),
                Treatment = Treatment.Parse(JsonRead.Str(node, "treatment"), legacySuppressed: false),
            };
        }

        public static DataElement? Element(JsonNode? node, string defaultAssembly) => Element(node, defaultAssembly, tables: null);

        /// <summary>A data element; with <paramref name="tables"/> (the facts file), its file by index.</summary>
        public static DataElement? Element(JsonNode? node, string defaultAssembly, FactTables? tables)
        {
            var id = JsonRead.Str(node, "id", "member");
            if (id is null)
            {
                return null;
            }

            return new DataElement
            {
                Id = id,
                Member = JsonRead.Str(node, "member"),
                ContainingType = JsonRead.Str(node, "containingType"),
                Kind = JsonRead.Str(node, "kind"),
                Category = JsonRead.Str(node, "category"),
                SpecialCategory = JsonRead.Str(node, "specialCategory"),
                Subject = JsonRead.Str(node, "subject"),
                Retention = JsonRead.Str(node, "retention"),
                Origin = JsonRead.Str(node, "origin"),
                Assembly = JsonRead.Str(node, "assembly") ?? defaultAssembly,
                File = FileOf(node, tables),
                Line = JsonRead.Int(node, "line"),
            };
        }

        public static SinkEntry? SinkEntry(JsonNode? node, string defaultAssembly) => SinkEntry(node, defaultAssembly, tables: null);

        /// <summary>A sink entry: the sink's members inline (<c>inventory.json</c>), or with <paramref name="tables"/> its index in <c>"sink"</c> (the facts file).</summary>
        public static SinkEntry? SinkEntry(JsonNode? node, string defaultAssembly, FactTables? tables)
        {
            var sink = tables is null ? Sink(node) : node is { IsObject: true } ? tables.Sink(node.Get("sink")) : null;
            if (sink is null)
            {
                return null;
            }

            return new SinkEntry
            {
                Sink = sink,
                Assembly = JsonRead.Str(node, "assembly") ?? defaultAssembly,
                File = FileOf(node, tables),
                Line = JsonRead.Int(node, "line"),
            };
        }

        public static Finding? Finding(JsonNode? node, string defaultAssembly) => Finding(node, defaultAssembly, tables: null);

        /// <summary>A finding; with <paramref name="tables"/> (the facts file), its file by index.</summary>
        public static Finding? Finding(JsonNode? node, string defaultAssembly, FactTables? tables)
        {
            var rule = JsonRead.Str(node, "rule");
            if (rule is null)
            {
                return null;
            }

            return new Finding
            {
                Assembly = JsonRead.Str(node, "assembly") ?? defaultAssembly,
                Rule = rule,
                Level = JsonRead.Str(node, "level"),
                Message = JsonRead.Str(node, "message"),
                File = FileOf(node, tables),
                Line = JsonRead.Int(node, "line"),
                Column = JsonRead.Int(node, "column"),
                Fingerprint = JsonRead.Str(node, "fingerprint"),
                Treatment = Treatment.Parse(JsonRead.Str(node, "treatment"), legacySuppressed: JsonRead.Bool(node, "suppressed")),
            };
        }

        /// <summary>An item's <c>file</c>: a path, or with <paramref name="tables"/> (the facts file) its index in <c>fileTable</c>.</summary>
        private static string? FileOf(JsonNode? node, FactTables? tables) =>
            tables is null ? JsonRead.Str(node, "file") : node is { IsObject: true } ? tables.File(node.Get("file")) : null;
    }
}
