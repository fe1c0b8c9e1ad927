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
            var categories = new SortedDictionary<string, FlowMapNode>(Ordinal);
            var recipients = new SortedDictionary<string, FlowMapNode>(Ordinal);
            var countries = new SortedDictionary<string, FlowMapNode>(Ordinal);
            var edges = new Dictionary<(string, string), (string Status, int Count)>();

            void Edge(string from, string to, string status)
            {
                edges[(from, to)] = edges.TryGetValue((from, to), out var known)
                    ? (FlowStatus.Rank(status) < FlowStatus.Rank(known.Status) ? status : known.Status, known.Count + 1)
                    : (status, 1);
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
                categories.Values.ToList(),
                recipients.Values.ToList(),
                countries.Values.OrderBy(c => c.UnknownCountry ? 2 : c.ThirdCountry ? 0 : 1).ThenBy(c => c.Key, Ordinal).ToList(),
                edges.Select(e => new FlowMapEdge(e.Key.Item1, e.Key.Item2, e.Value.Status, e.Value.Count))
                    .OrderBy(e => e.From, Ordinal).ThenBy(e => e.To, Ordinal).ToList());
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
