using System;
using System.Collections.Generic;
using System.Linq;
using Residency.Analyzers.Json;
using Residency.Facts;

namespace Residency.Build.Tests
{
    /// <summary>
    /// Builds small facts files in the shape the analyzers write (<see cref="FactsFile"/>), for tests that need one
    /// special fact. Locations are given as file URIs of the test project, as a reader of the fixtures expects.
    /// </summary>
    internal sealed class FactsBuilder
    {
        private readonly List<FlowFact> _flows = new();
        private readonly List<DataElement> _elements = new();
        private readonly List<SinkEntry> _sinks = new();
        private readonly List<Finding> _findings = new();

        /// <summary>The compilation's assembly; empty to let the task use its <c>AssemblyName</c>, as the fixtures do.</summary>
        public string Assembly { get; set; } = "";

        /// <summary>A flow from a payload (<see cref="FlowData"/>); a null <paramref name="rule"/> for one that raises none.</summary>
        public FactsBuilder Flow(string? rule, string uri, int line, string data, string? assembly = null, string treatment = Treatment.Reported)
        {
            var flow = FactJsonReader.Flow(JsonParser.Parse(data), assembly ?? Assembly)!;
            _flows.Add(flow with { Rule = rule, File = PathOf(uri), Line = line, Column = 5, Treatment = treatment });
            return this;
        }

        public FactsBuilder Element(string uri, int line, string data)
        {
            _elements.Add(FactJsonReader.Element(JsonParser.Parse(data), Assembly)! with { File = PathOf(uri), Line = line });
            return this;
        }

        public FactsBuilder Sink(string uri, int line, string data)
        {
            _sinks.Add(FactJsonReader.SinkEntry(JsonParser.Parse(data), Assembly)! with { File = PathOf(uri), Line = line });
            return this;
        }

        public FactsBuilder Finding(string rule, string uri, int line, string message, string treatment = Treatment.Reported)
        {
            _findings.Add(new Finding { Rule = rule, Level = "warning", Message = message, File = PathOf(uri), Line = line, Column = 5, Treatment = treatment });
            return this;
        }

        public override string ToString() => FactsFile.Write(new FactsDocument
        {
            Assembly = Assembly,
            AllowedRegions = new[] { "EEA", "Adequate" },
            Elements = _elements,
            Sinks = _sinks,
            Flows = _flows,
            Findings = _findings,
        });

        private static string PathOf(string uri) => Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : uri;

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
