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

        public static IReadOnlyList<SourceRef> Sources(JsonNode? node)
        {
            var result = new List<SourceRef>();
            foreach (var item in JsonRead.Arr(node, "sources"))
            {
                if (Source(item) is { } source)
                {
                    result.Add(source);
                }
            }

            return result;
        }

        /// <summary>A flow as written in the facts file and in <c>inventory.json</c> (same member names).</summary>
        public static FlowFact? Flow(JsonNode? node, string defaultAssembly)
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
                Sources = Sources(node),
                Sink = Sink(JsonRead.Obj(node, "sink")),
                Path = JsonRead.Strings(node, "path"),
                Method = JsonRead.Str(node, "method"),
                Transfer = Transfer(JsonRead.Obj(node, "transfer")),
                File = JsonRead.Str(node, "file"),
                Line = JsonRead.Int(node, "line"),
                Column = JsonRead.Int(node, "column"),
                Fingerprint = JsonRead.Str(node, "fingerprint"),
                Treatment = Treatment.Parse(JsonRead.Str(node, "treatment"), legacySuppressed: JsonRead.Bool(node, "baselined")),
            };
        }

        public static DataElement? Element(JsonNode? node, string defaultAssembly)
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
                File = JsonRead.Str(node, "file"),
                Line = JsonRead.Int(node, "line"),
            };
        }

        public static SinkEntry? SinkEntry(JsonNode? node, string defaultAssembly)
        {
            var sink = Sink(node);
            if (sink is null)
            {
                return null;
            }

            return new SinkEntry
            {
                Sink = sink,
                Assembly = JsonRead.Str(node, "assembly") ?? defaultAssembly,
                File = JsonRead.Str(node, "file"),
                Line = JsonRead.Int(node, "line"),
            };
        }

        public static Finding? Finding(JsonNode? node, string defaultAssembly)
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
                File = JsonRead.Str(node, "file"),
                Line = JsonRead.Int(node, "line"),
                Column = JsonRead.Int(node, "column"),
                Fingerprint = JsonRead.Str(node, "fingerprint"),
                Treatment = Treatment.Parse(JsonRead.Str(node, "treatment"), legacySuppressed: JsonRead.Bool(node, "suppressed")),
            };
        }
    }
}
