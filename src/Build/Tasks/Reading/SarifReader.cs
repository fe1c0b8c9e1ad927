using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Residency.Analyzers.Json;
using Residency.Build.Model;
using Residency.Build.Util;

namespace Residency.Build.Reading
{
    /// <summary>
    /// Reads the Residency facts out of the compiler's SARIF error log (v2.1.0, with v1.0 shapes tolerated).
    /// Roslyn writes a diagnostic's Properties under <c>results[i].properties.customProperties</c>; the payload is
    /// <c>residency.fact</c> (flow | element | sink), <c>residency.data</c> (a JSON object string) and optionally
    /// <c>residency.assembly</c> and <c>residency.fingerprint</c>.
    /// </summary>
    internal sealed class SarifReader
    {
        private static readonly HashSet<string> FlowRules = new(StringComparer.Ordinal) { "RES001", "RES002", "RES003", "RES005", "RES900" };
        private static readonly HashSet<string> BaselineRules = new(StringComparer.Ordinal) { "RES001", "RES002", "RES003", "RES004" };
        private static readonly HashSet<string> FactRules = new(StringComparer.Ordinal) { "RES901", "RES902" };

        private readonly string _defaultAssembly;
        private readonly string? _projectDirectory;

        public SarifReader(string defaultAssembly, string? projectDirectory)
        {
            _defaultAssembly = defaultAssembly;
            _projectDirectory = projectDirectory;
        }

        public ReadResult Read(string path)
        {
            var facts = new FactSet();
            string text;
            try
            {
                if (!File.Exists(path))
                {
                    return new ReadResult(facts, "the compiler's error log was not found; the inventory lists no facts from this compilation");
                }

                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return new ReadResult(facts, "the compiler's error log could not be read: " + e.Message);
            }

            var root = JsonParser.TryParse(text, out var error);
            if (root is null)
            {
                return new ReadResult(facts, string.Format(
                    CultureInfo.InvariantCulture,
                    "the compiler's error log is not valid JSON ({0} at line {1}, column {2})",
                    error!.Message,
                    error.Line,
                    error.Column));
            }

            if (!root.IsObject || root.Get("runs") is not { IsArray: true })
            {
                return new ReadResult(facts, "the compiler's error log is not a SARIF log (no 'runs' array)");
            }

            int unreadable = 0;
            foreach (var run in JsonRead.Arr(root, "runs"))
            {
                var baseIds = JsonRead.Obj(run, "originalUriBaseIds");
                foreach (var result in JsonRead.Arr(run, "results"))
                {
                    if (!AddResult(result, baseIds, facts))
                    {
                        unreadable++;
                    }
                }
            }

            var problem = unreadable == 0
                ? null
                : string.Format(CultureInfo.InvariantCulture, "{0} Residency result(s) in the error log had an unreadable residency.data payload; they are listed without their details", unreadable);
            return new ReadResult(facts, problem);
        }

        /// <summary>Adds one SARIF result to <paramref name="facts"/>; false when its payload was corrupt.</summary>
        private bool AddResult(JsonNode result, JsonNode? baseIds, FactSet facts)
        {
            if (!result.IsObject)
            {
                return true;
            }

            var properties = JsonRead.Obj(result, "properties");
            var custom = JsonRead.Obj(properties, "customProperties") ?? properties;
            var fact = JsonRead.Str(custom, "residency.fact");
            var rule = JsonRead.Str(result, "ruleId") ?? "";
            if (fact is null && !rule.StartsWith("RES", StringComparison.Ordinal))
            {
                return true; // another analyzer's or the compiler's diagnostic
            }

            var assembly = JsonRead.Str(custom, "residency.assembly") ?? _defaultAssembly;
            var suppressed = JsonRead.Arr(result, "suppressions").Count > 0 || JsonRead.Bool(result, "isSuppressedInSource");
            var message = JsonRead.Str(JsonRead.Obj(result, "message"), "text") ?? JsonRead.Str(result, "message");
            var (file, line, column) = Location(result, baseIds);

            bool readable = true;
            JsonNode? data = null;
            var dataText = JsonRead.Str(custom, "residency.data");
            if (dataText is not null)
            {
                data = JsonParser.TryParse(dataText, out _);
                if (data is not { IsObject: true })
                {
                    data = null;
                    readable = false;
                }
            }
            else if (fact is not null || FlowRules.Contains(rule))
            {
                readable = false;
            }

            if (fact == "element" || (fact is null && rule == "RES901"))
            {
                if (FactJson.Element(data, assembly) is { } element)
                {
                    facts.Elements.Add(element with { Assembly = assembly, File = file, Line = line });
                }

                return readable;
            }

            if (fact == "sink" || (fact is null && rule == "RES902"))
            {
                if (FactJson.Sink(data) is { } sink)
                {
                    facts.Sinks.Add(new SinkEntry { Sink = sink, Assembly = assembly, File = file, Line = line });
                }

                return readable;
            }

            Flow? flow = null;
            if (fact == "flow" || FlowRules.Contains(rule))
            {
                var ruleId = rule.Length > 0 ? rule : FlowStatus.ToRule(JsonRead.Str(data, "status") ?? FlowStatus.Allowed);
                flow = FactJson.FlowPayload(data, ruleId, assembly) with
                {
                    File = file,
                    Line = line,
                    Column = column,
                    Baselined = suppressed,
                };
                var fingerprint = flow.Fingerprint ?? JsonRead.Str(custom, "residency.fingerprint") ?? FallbackFingerprint(flow, message);
                flow = flow with { Fingerprint = fingerprint };
                facts.Flows.Add(flow);
            }
            else if (!FactRules.Contains(rule))
            {
                facts.Findings.Add(new Finding
                {
                    Assembly = assembly,
                    Rule = rule,
                    Level = JsonRead.Str(result, "level"),
                    Message = message,
                    File = file,
                    Line = line,
                    Column = column,
                    Suppressed = suppressed,
                });
            }

            if (BaselineRules.Contains(rule))
            {
                facts.BaselineCandidates.Add(new BaselineFinding
                {
                    Fingerprint = flow?.Fingerprint
                        ?? JsonRead.Str(data, "fingerprint")
                        ?? JsonRead.Str(custom, "residency.fingerprint")
                        ?? Util.Fingerprint.Compute(rule, message),
                    Rule = rule,
                    Method = flow?.Method ?? JsonRead.Str(data, "method"),
                    Sink = flow?.Sink?.DisplayName,
                    Sources = flow?.Sources.Select(s => s.Id).Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToArray() ?? new string[0],
                });
            }

            return readable;
        }

        private static string FallbackFingerprint(Flow flow, string? message) =>
            flow.Sink is null && flow.Method is null
                ? Util.Fingerprint.Compute(flow.Rule, message)
                : Util.Fingerprint.Compute(flow.Rule, flow.Method, flow.Sink?.Id, string.Join("|", flow.Sources.Select(s => s.Id)));

        private (string? File, int? Line, int? Column) Location(JsonNode result, JsonNode? baseIds)
        {
            var locations = JsonRead.Arr(result, "locations");
            if (locations.Count == 0)
            {
                return (null, null, null);
            }

            var physical = JsonRead.Obj(locations[0], "physicalLocation");
            JsonNode? artifact;
            JsonNode? region;
            if (physical is not null)
            {
                artifact = JsonRead.Obj(physical, "artifactLocation");
                region = JsonRead.Obj(physical, "region");
            }
            else
            {
                artifact = JsonRead.Obj(locations[0], "resultFile"); // SARIF 1.0
                region = JsonRead.Obj(artifact, "region");
            }

            var uri = JsonRead.Str(artifact, "uri");
            var baseId = JsonRead.Str(artifact, "uriBaseId");
            if (uri is not null && baseId is not null && !Uri.TryCreate(uri, UriKind.Absolute, out _))
            {
                var baseUri = JsonRead.Str(JsonRead.Obj(baseIds, baseId), "uri");
                if (baseUri is not null && Uri.TryCreate(baseUri, UriKind.Absolute, out var absoluteBase) &&
                    Uri.TryCreate(absoluteBase, uri, out var combined))
                {
                    uri = combined.AbsoluteUri;
                }
            }

            var local = PathUtil.UriToLocalPath(uri, _projectDirectory);
            var file = local is null ? uri : PathUtil.ToRelative(local, _projectDirectory);
            return (file, JsonRead.Int(region, "startLine"), JsonRead.Int(region, "startColumn"));
        }
    }
}
