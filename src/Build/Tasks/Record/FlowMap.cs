using System;
using System.Collections.Generic;
using System.Linq;
using Residency.Build.Model;
using Residency.Facts;

namespace Residency.Build.Record
{
    /// <summary>A box of the data-flow map: a category of personal data, a recipient, or a country.</summary>
    internal sealed record FlowMapNode(string Key, string Label, string? Detail, bool ThirdCountry, bool UnknownCountry);

    /// <summary>A line of the data-flow map, with the most severe status of the flows it stands for.</summary>
    internal sealed record FlowMapEdge(string From, string To, string Status, int FlowCount);

    /// <summary>
    /// The data-flow map of the record: categories of personal data → recipients → countries, from the flows that leave
    /// the application (internal flows are not transfers). Deterministic: every list is sorted by ordinal keys.
    /// </summary>
    internal sealed class FlowMap
    {
        private static readonly StringComparer Ordinal = StringComparer.Ordinal;

        private FlowMap(IReadOnlyList<FlowMapNode> categories, IReadOnlyList<FlowMapNode> recipients, IReadOnlyList<FlowMapNode> countries, IReadOnlyList<FlowMapEdge> edges)
        {
            Categories = categories;
            Recipients = recipients;
            Countries = countries;
            Edges = edges;
        }

        public IReadOnlyList<FlowMapNode> Categories { get; }

        public IReadOnlyList<FlowMapNode> Recipients { get; }

        public IReadOnlyList<FlowMapNode> Countries { get; }

        public IReadOnlyList<FlowMapEdge> Edges { get; }

        public bool IsEmpty => Edges.Count == 0;

        public static FlowMap From(Inventory inventory)
        {
            var external = inventory.Flows.Where(f => f.Status != FlowStatus.Internal && f.Sink is not null).ToList();
            // Keyed by string, and sorted at the end: no SortedDictionary, whose tree is a generic over key-value pairs
            // (value types, JIT-compiled in every build: see Ordering).
            var categories = new Dictionary<string, FlowMapNode>(Ordinal);
            var recipients = new Dictionary<string, FlowMapNode>(Ordinal);
            var countries = new Dictionary<string, FlowMapNode>(Ordinal);
            var edges = new Dictionary<EdgeKey, EdgeTally>();

            void Edge(string from, string to, string status)
            {
                var key = new EdgeKey(from, to);
                if (edges.TryGetValue(key, out var known))
                {
                    known.Status = FlowStatus.Rank(status) < FlowStatus.Rank(known.Status) ? status : known.Status;
                    known.Count++;
                }
                else
                {
                    edges[key] = new EdgeTally(from, to, status);
                }
            }

            foreach (var flow in external)
            {
                var sink = flow.Sink!;
                var region = string.IsNullOrEmpty(sink.Region) ? "Unknown" : sink.Region!;
                var country = "country:" + region;
                if (!countries.ContainsKey(country))
                {
                    var unknown = string.Equals(region, "Unknown", StringComparison.OrdinalIgnoreCase);
                    var third = Eea.IsThirdCountry(region);
                    countries[country] = new FlowMapNode(
                        country,
                        unknown ? "Unknown country" : CountryName(region, sink.RegionName),
                        unknown ? "region not determined" : third ? "third country" : "EEA",
                        third,
                        unknown);
                }

                var recipient = "recipient:" + sink.RecipientName + "\u0000" + region;
                if (!recipients.ContainsKey(recipient))
                {
                    recipients[recipient] = new FlowMapNode(recipient, sink.RecipientName, sink.Host, false, false);
                }

                Edge(recipient, country, flow.Status);
                foreach (var key in flow.Sources.SelectMany(ProcessingRecord.CategoriesOf).Distinct(Ordinal))
                {
                    var category = "category:" + key;
                    if (!categories.ContainsKey(category))
                    {
                        var label = RecordLabels.CategoryLabel(key);
                        categories[category] = new FlowMapNode(category, label ?? key, label is null || key == ProcessingRecord.Uncategorised ? null : key, false, false);
                    }

                    Edge(category, recipient, flow.Status);
                }
            }

            return new FlowMap(
                ByKey(categories.Values),
                ByKey(recipients.Values),
                Ordering.Sorted(countries.Values, (a, b) => Group(a).CompareTo(Group(b)) is var byGroup and not 0 ? byGroup : Ordinal.Compare(a.Key, b.Key)),
                edges.Values.Select(e => new FlowMapEdge(e.From, e.To, e.Status, e.Count))
                    .OrderBy(e => e.From, Ordinal).ThenBy(e => e.To, Ordinal).ToList());

            // Third countries first, then the EEA, then the unknown.
            static int Group(FlowMapNode country) => country.UnknownCountry ? 2 : country.ThirdCountry ? 0 : 1;
        }

        private static List<FlowMapNode> ByKey(IEnumerable<FlowMapNode> nodes)
        {
            var sorted = new List<FlowMapNode>(nodes);
            sorted.Sort((a, b) => Ordinal.Compare(a.Key, b.Key)); // distinct keys: one order
            return sorted;
        }

        private sealed record EdgeKey(string From, string To);

        private sealed class EdgeTally
        {
            public EdgeTally(string from, string to, string status)
            {
                From = from;
                To = to;
                Status = status;
                Count = 1;
            }

            public string From { get; }

            public string To { get; }

            public string Status { get; set; }

            public int Count { get; set; }
        }

        /// <summary>"United States" from "US (United States)" or "United States"; the code when no name is known.</summary>
        private static string CountryName(string code, string? name)
        {
            if (string.IsNullOrEmpty(name) || name == code)
            {
                return code;
            }

            return name!.StartsWith(code + " (", StringComparison.Ordinal) && name.EndsWith(")", StringComparison.Ordinal)
                ? name.Substring(code.Length + 2, name.Length - code.Length - 3) + " (" + code + ")"
                : name + " (" + code + ")";
        }
    }
}
