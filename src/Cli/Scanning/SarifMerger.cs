using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Residency.Cli.Scanning
{
    /// <summary>
    /// Merges the compilers' SARIF 2.1 logs of a scan into one <c>residency.sarif</c> for code scanning: one run per
    /// compilation, keeping only the Residency rules (RES001 and up; the compiler's and other
    /// analyzers' results, and the package's internal fact diagnostics, are left out).
    /// </summary>
    internal static class SarifMerger
    {
        public static int Merge(IEnumerable<string> logs, string destination, Action<string> warn)
        {
            var runs = new JsonArray();
            int results = 0;
            foreach (var path in logs.Distinct(StringComparer.Ordinal).Where(File.Exists))
            {
                JsonNode? root;
                try
                {
                    root = JsonNode.Parse(File.ReadAllText(path));
                }
                catch (JsonException e)
                {
                    warn($"{path}: not a readable SARIF log ({e.Message}); left out of residency.sarif");
                    continue;
                }

                foreach (var run in root?["runs"]?.AsArray().OfType<JsonObject>().ToList() ?? new List<JsonObject>())
                {
                    if (run["results"] is JsonArray runResults)
                    {
                        foreach (var result in runResults.ToList())
                        {
                            if (!IsReported(Text(result?["ruleId"])))
                            {
                                runResults.Remove(result);
                            }
                        }

                        results += runResults.Count;
                    }

                    if (run["tool"]?["driver"]?["rules"] is JsonArray rules)
                    {
                        foreach (var rule in rules.ToList())
                        {
                            if (!IsReported(Text(rule?["id"])))
                            {
                                rules.Remove(rule);
                            }
                        }
                    }

                    run.Parent!.AsArray().Remove(run);
                    runs.Add(run);
                }
            }

            var log = new JsonObject
            {
                ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
                ["version"] = "2.1.0",
                ["runs"] = runs,
            };
            File.WriteAllText(destination, log.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
            return results;
        }

        private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

        /// <summary>The Residency rules RES001–RES899 (RES9xx are the inventory's internal facts).</summary>
        internal static bool IsReported(string? ruleId) =>
            ruleId is { Length: 6 } && ruleId.StartsWith("RES", StringComparison.Ordinal) &&
            int.TryParse(ruleId.Substring(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) &&
            number is > 0 and < 900;
    }
}
