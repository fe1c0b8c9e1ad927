using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Residency.Analyzers.Json;

namespace Residency.Build.Record
{
    /// <summary>
    /// Words for the record a Data Protection Officer reads without a developer: category labels and sink kinds (data:
    /// <c>src/Analyzers/Catalog/labels.json</c>, embedded here and in the analyzers) and retention periods in words. The key stays beside the label, so the record
    /// still matches the code and <c>inventory.json</c>.
    /// </summary>
    internal static class RecordLabels
    {
        private static readonly Lazy<Labels> Table = new(Load);

        private static readonly Regex IsoDuration = new(
            @"^P(?:(?<Y>\d+)Y)?(?:(?<M>\d+)M)?(?:(?<W>\d+)W)?(?:(?<D>\d+)D)?(?:T(?:(?<H>\d+)H)?(?:(?<MI>\d+)M)?(?:(?<S>\d+)S)?)?$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>The human label of a category key, with the key: <c>E-mail address (contact.email)</c>; a key without a label as written.</summary>
        public static string Category(string key)
        {
            if (CategoryLabel(key) is not { } label)
            {
                return key;
            }

            return key == ProcessingRecord.Uncategorised ? label : label + " (" + key + ")";
        }

        /// <summary>The label alone (a sub-key falls back to its parent's label), or null when the key is unknown.</summary>
        public static string? CategoryLabel(string key)
        {
            var categories = Table.Value.Categories;
            for (var current = key; current.Length > 0;)
            {
                if (categories.TryGetValue(current, out var label))
                {
                    return label;
                }

                var dot = current.LastIndexOf('.');
                current = dot < 0 ? "" : current.Substring(0, dot);
            }

            return null;
        }

        /// <summary>The kind of a recipient in words: <c>web API (HTTP)</c> instead of <c>http</c>.</summary>
        public static string SinkKind(string kind) => Table.Value.SinkKinds.TryGetValue(kind, out var label) ? label : kind;

        /// <summary>
        /// A retention period in words: an ISO 8601 duration becomes <c>2 years (P2Y)</c>, <c>1 year and 6 months (P1Y6M)</c>;
        /// anything else (<c>until the account is deleted</c>) is shown as written.
        /// </summary>
        public static string Retention(string period)
        {
            var text = period.Trim();
            var match = IsoDuration.Match(text);
            if (!match.Success || text.Equals("P", StringComparison.OrdinalIgnoreCase) || text.EndsWith("T", StringComparison.OrdinalIgnoreCase))
            {
                return period;
            }

            var parts = new List<string>();
            void Add(string group, string unit)
            {
                if (match.Groups[group].Success && long.TryParse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    parts.Add(n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? unit : unit + "s"));
                }
            }

            Add("Y", "year");
            Add("M", "month");
            Add("W", "week");
            Add("D", "day");
            Add("H", "hour");
            Add("MI", "minute");
            Add("S", "second");
            if (parts.Count == 0)
            {
                return period;
            }

            var words = parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[parts.Count - 1];
            return words + " (" + text + ")";
        }

        private static Labels Load()
        {
            using var stream = typeof(RecordLabels).Assembly.GetManifestResourceStream("Residency.Build.labels.json")
                ?? throw new InvalidOperationException("labels.json is not embedded");
            using var reader = new StreamReader(stream);
            var root = JsonParser.Parse(reader.ReadToEnd());
            return new Labels(Read(root.Get("categories")), Read(root.Get("sinkKinds")));
        }

        private static Dictionary<string, string> Read(JsonNode? node)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in node?.Members ?? Array.Empty<KeyValuePair<string, JsonNode>>())
            {
                if (member.Value.IsString && member.Value.Text is { } text)
                {
                    result[member.Key] = text;
                }
            }

            return result;
        }

        // A class, not a tuple: see Ordering.
        private sealed record Labels(Dictionary<string, string> Categories, Dictionary<string, string> SinkKinds);
    }
}
