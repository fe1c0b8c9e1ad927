using System;
using System.Collections.Generic;
using System.Linq;
using Residency.Analyzers.Json;
using Residency.Build.Model;
using Residency.Facts;

namespace Residency.Build.Writing
{
    /// <summary>
    /// Writes <c>residency-baseline.json</c>: the RES001–RES004 findings of this compilation, sorted and deduplicated,
    /// for the analyzers' baseline suppressor to match by fingerprint.
    /// </summary>
    internal static class BaselineWriter
    {
        public const int SchemaVersion = 1;

        public static IReadOnlyList<BaselineFinding> Normalise(IEnumerable<BaselineFinding> findings)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return findings
                .Select(f => f with { Sources = f.Sources.Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToList() })
                .OrderBy(f => f.Fingerprint, StringComparer.Ordinal)
                .ThenBy(f => f.Rule, StringComparer.Ordinal)
                .ThenBy(f => f.Method ?? "", StringComparer.Ordinal)
                .ThenBy(f => f.Sink ?? "", StringComparer.Ordinal)
                .ThenBy(f => string.Join("\u001f", f.Sources), StringComparer.Ordinal)
                .Where(f => seen.Add(FactJsonWriter.Key(w => Finding(w, f))))
                .ToList();
        }

        public static string Write(IReadOnlyList<BaselineFinding> findings)
        {
            var w = new JsonWriter();
            w.StartObject();
            w.Property("schemaVersion", SchemaVersion);
            w.Name("findings");
            w.StartArray();
            foreach (var finding in findings)
            {
                Finding(w, finding);
            }

            w.EndArray();
            w.EndObject();
            return w.ToString();
        }

        private static void Finding(JsonWriter w, BaselineFinding f)
        {
            w.StartObject();
            w.Property("fingerprint", f.Fingerprint);
            w.Property("rule", f.Rule);
            w.Property("method", f.Method);
            w.Property("sink", f.Sink);
            w.Name("sources");
            w.StartArray();
            foreach (var source in f.Sources)
            {
                w.Value(source);
            }

            w.EndArray();
            w.EndObject();
        }
    }
}
