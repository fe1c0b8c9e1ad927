using System.Collections.Generic;
using Residency.Analyzers.Json;

namespace Residency.Build.Tests
{
    /// <summary>Builds small SARIF 2.1.0 logs in the shape Roslyn writes, for tests that need one special result.</summary>
    internal sealed class SarifBuilder
    {
        private readonly List<(string Rule, string Level, string Message, string Uri, int Line, Dictionary<string, string> Properties, bool Suppressed, bool Direct)> _results = new();

        public SarifBuilder Result(string rule, string uri, int line, Dictionary<string, string> properties, bool suppressed = false, bool direct = false, string level = "warning", string message = "message")
        {
            _results.Add((rule, level, message, uri, line, properties, suppressed, direct));
            return this;
        }

        public SarifBuilder Flow(string rule, string uri, int line, string data, string? assembly = null, bool suppressed = false)
        {
            var properties = new Dictionary<string, string> { ["residency.fact"] = "flow", ["residency.data"] = data };
            if (assembly is not null)
            {
                properties["residency.assembly"] = assembly;
            }

            return Result(rule, uri, line, properties, suppressed);
        }

        public SarifBuilder Element(string uri, int line, string data) =>
            Result("RES901", uri, line, new Dictionary<string, string> { ["residency.fact"] = "element", ["residency.data"] = data }, level: "note");

        public override string ToString()
        {
            var w = new JsonWriter();
            w.StartObject();
            w.Property("$schema", "http://json.schemastore.org/sarif-2.1.0");
            w.Property("version", "2.1.0");
            w.Name("runs");
            w.StartArray();
            w.StartObject();
            w.Name("results");
            w.StartArray();
            foreach (var r in _results)
            {
                w.StartObject();
                w.Property("ruleId", r.Rule);
                w.Property("level", r.Level);
                w.Name("message");
                w.StartObject();
                w.Property("text", r.Message);
                w.EndObject();
                if (r.Suppressed)
                {
                    w.Name("suppressions");
                    w.StartArray();
                    w.StartObject();
                    w.Property("kind", "inSource");
                    w.EndObject();
                    w.EndArray();
                }

                w.Name("locations");
                w.StartArray();
                w.StartObject();
                w.Name("physicalLocation");
                w.StartObject();
                w.Name("artifactLocation");
                w.StartObject();
                w.Property("uri", r.Uri);
                w.EndObject();
                w.Name("region");
                w.StartObject();
                w.Property("startLine", r.Line);
                w.Property("startColumn", 5);
                w.EndObject();
                w.EndObject();
                w.EndObject();
                w.EndArray();
                w.Name("properties");
                w.StartObject();
                if (!r.Direct)
                {
                    w.Name("customProperties");
                    w.StartObject();
                }

                foreach (var p in r.Properties)
                {
                    w.Property(p.Key, p.Value);
                }

                if (!r.Direct)
                {
                    w.EndObject();
                }

                w.EndObject();
                w.EndObject();
            }

            w.EndArray();
            w.EndObject();
            w.EndArray();
            w.EndObject();
            return w.ToString();
        }

        /// <summary>A flow payload with one source and one sink.</summary>
        public static string FlowData(string status, string sourceId, string member, string category, string sinkDisplay, string region, string? recipient = null, string? justification = null, string fingerprint = "f00d")
        {
            var w = new JsonWriter();
            w.StartObject();
            w.Property("status", status);
            w.Name("sources");
            w.StartArray();
            w.StartObject();
            w.Property("id", sourceId);
            w.Property("member", member);
            w.Property("category", category);
            w.Property("specialCategory", null);
            w.Property("subject", "customer");
            w.Property("pseudonymised", false);
            w.Property("inferred", false);
            w.EndObject();
            w.EndArray();
            w.Name("sink");
            w.StartObject();
            w.Property("id", "sink:" + sinkDisplay);
            w.Property("kind", "annotation");
            w.Property("display", sinkDisplay);
            w.Property("region", region);
            w.Property("regionName", null);
            w.Property("recipient", recipient);
            w.Property("host", null);
            w.Property("purpose", null);
            w.Property("resolvedBy", "[DataSink] on " + sinkDisplay);
            w.EndObject();
            w.Name("path");
            w.StartArray();
            w.Value(sinkDisplay);
            w.EndArray();
            w.Property("method", "Lib.Service.Send()");
            w.Name("transfer");
            if (justification is null)
            {
                w.Value((string?)null);
            }
            else
            {
                w.StartObject();
                w.Property("region", region);
                w.Property("mechanism", "StandardContractualClauses");
                w.Property("recipient", recipient);
                w.Property("justification", justification);
                w.EndObject();
            }

            w.Property("fingerprint", fingerprint);
            w.EndObject();
            return w.ToString();
        }

        public static string ElementData(string id, string member, string? category = "contact.email")
        {
            var w = new JsonWriter();
            w.StartObject();
            w.Property("id", id);
            w.Property("member", member);
            w.Property("containingType", id.Substring(0, id.LastIndexOf('.')));
            w.Property("kind", "property");
            w.Property("category", category);
            w.Property("specialCategory", null);
            w.Property("subject", "customer");
            w.Property("retention", null);
            w.Property("origin", "Residency");
            w.EndObject();
            return w.ToString();
        }
    }
}
