using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Residency.Analyzers.Flow;
using Residency.Analyzers.Json;
using Residency.Analyzers.Model;
using Residency.Analyzers.Sinks;

namespace Residency.Analyzers.Diagnostics
{
    /// <summary>
    /// The JSON payloads that diagnostics carry in their properties (<c>residency.fact</c>, <c>residency.data</c>):
    /// the compiler writes them to its SARIF error log, where the inventory task reads them, and the code fixes
    /// read them from the diagnostic. See docs/architecture.md.
    /// </summary>
    internal static class FactPayload
    {
        public const string FactKey = "residency.fact";
        public const string DataKey = "residency.data";
        public const string FingerprintKey = "residency.fingerprint";
        public const string RegionKey = "residency.region";
        public const string RecipientKey = "residency.recipient";
        public const string EuAlternativeKey = "residency.euAlternative";
        public const string HostKey = "residency.host";

        public static ImmutableDictionary<string, string?> ForFlow(FlowVerdict verdict, string methodId, string ruleId)
        {
            var sink = verdict.Finding.Sink;
            var fingerprint = Fingerprint(ruleId, methodId, sink.Id, string.Join("|", verdict.Sources.Select(s => s.Id)));
            var writer = new JsonWriter();
            writer.StartObject();
            writer.Property("status", verdict.StatusName);
            writer.Name("sources");
            writer.StartArray();
            foreach (var source in verdict.Sources)
            {
                WriteElement(writer, source, pseudonymised: verdict.Finding.Sources.Any(f => ReferenceEquals(f.Element, source) && f.Pseudonymised));
            }

            writer.EndArray();
            writer.Name("sink");
            WriteSink(writer, sink);
            writer.Name("path");
            writer.StartArray();
            foreach (var step in verdict.Finding.Path)
            {
                writer.Value(step);
            }

            writer.EndArray();
            writer.Property("method", methodId);
            writer.Name("transfer");
            if (verdict.Transfer is { } transfer)
            {
                writer.StartObject();
                writer.Property("region", transfer.Region.Code);
                writer.Property("mechanism", transfer.Mechanism);
                writer.Property("recipient", transfer.Recipient);
                writer.Property("justification", transfer.Justification);
                writer.Property("scope", transfer.Scope);
                writer.EndObject();
            }
            else
            {
                writer.Value((string?)null);
            }

            writer.Property("fingerprint", fingerprint);
            writer.EndObject();

            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            builder[FactKey] = "flow";
            builder[DataKey] = Compact(writer.ToString());
            builder[FingerprintKey] = fingerprint;
            builder[RegionKey] = sink.Region.Code;
            builder[RecipientKey] = sink.Recipient;
            builder[HostKey] = sink.Host;
            builder[EuAlternativeKey] = sink.EuAlternative;
            return builder.ToImmutable();
        }

        public static ImmutableDictionary<string, string?> ForElement(DataElement element)
        {
            var writer = new JsonWriter();
            WriteElement(writer, element, pseudonymised: false);
            return ImmutableDictionary<string, string?>.Empty
                .Add(FactKey, "element")
                .Add(DataKey, Compact(writer.ToString()));
        }

        public static ImmutableDictionary<string, string?> ForSink(SinkInfo sink)
        {
            var writer = new JsonWriter();
            WriteSink(writer, sink);
            return ImmutableDictionary<string, string?>.Empty
                .Add(FactKey, "sink")
                .Add(DataKey, Compact(writer.ToString()));
        }

        private static void WriteElement(JsonWriter writer, DataElement element, bool pseudonymised)
        {
            writer.StartObject();
            writer.Property("id", element.Id);
            writer.Property("member", element.Name);
            writer.Property("containingType", element.Symbol.ContainingType?.ToDisplayString() ?? (element.Symbol as Microsoft.CodeAnalysis.ITypeSymbol)?.ToDisplayString());
            writer.Property("kind", element.KindName);
            writer.Property("category", element.Category);
            writer.Property("specialCategory", element.SpecialCategory);
            writer.Property("subject", element.Subject);
            writer.Property("retention", element.Retention);
            writer.Property("origin", element.Origin switch
            {
                ElementOrigin.Residency => "Residency",
                ElementOrigin.AspNetCoreIdentity => "AspNetCore.Identity",
                ElementOrigin.DataClassification => "DataClassification",
                _ => "inferred",
            });
            writer.Property("pseudonymised", pseudonymised);
            writer.Property("inferred", element.Origin == ElementOrigin.Inferred);
            writer.EndObject();
        }

        private static void WriteSink(JsonWriter writer, SinkInfo sink)
        {
            writer.StartObject();
            writer.Property("id", sink.Id);
            writer.Property("kind", sink.KindName);
            writer.Property("display", sink.Display);
            writer.Property("region", sink.Region.Code);
            writer.Property("regionName", sink.Region.Name);
            writer.Property("recipient", sink.Recipient);
            writer.Property("host", sink.Host);
            writer.Property("purpose", sink.Purpose);
            writer.Property("resolvedBy", sink.ResolvedBy);
            writer.Property("internal", sink.IsInternal);
            writer.Property("euAlternative", sink.EuAlternative);
            writer.EndObject();
        }

        /// <summary>Folds the writer's indented output onto one line (SARIF property values stay readable).</summary>
        private static string Compact(string json)
        {
            var sb = new StringBuilder(json.Length);
            bool inString = false, escaped = false;
            foreach (char c in json)
            {
                if (inString)
                {
                    sb.Append(c);
                    if (escaped)
                    {
                        escaped = false;
                    }
                    else if (c == '\\')
                    {
                        escaped = true;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }

                    continue;
                }

                if (c == '"')
                {
                    inString = true;
                    sb.Append(c);
                }
                else if (c is not ('\n' or '\r' or ' '))
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        /// <summary>A line-independent identity of a finding (rule, containing method, sink, sources): see <see cref="StableFingerprint"/>.</summary>
        public static string Fingerprint(params string[] parts) => StableFingerprint.Compute(parts);
    }
}
