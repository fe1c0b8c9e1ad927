using System;
using System.Collections.Generic;
using System.Linq;
using Residency.Build.Model;
using Residency.Facts;

namespace Residency.Build.Record
{
    /// <summary>
    /// The Art. 30(1) view of an inventory: what the Markdown and HTML writers render as the draft record of
    /// processing activities. Every list is sorted by ordinal keys.
    /// </summary>
    internal sealed class ProcessingRecord
    {
        private static readonly StringComparer Ordinal = StringComparer.Ordinal;

        public const string Unspecified = "unspecified";
        public const string Uncategorised = "uncategorised";

        private ProcessingRecord()
        {
        }

        public IReadOnlyList<PurposeRow> Purposes { get; private set; } = new PurposeRow[0];

        public IReadOnlyList<SubjectRow> Subjects { get; private set; } = new SubjectRow[0];

        public IReadOnlyList<CategoryRow> Categories { get; private set; } = new CategoryRow[0];

        public IReadOnlyList<CategoryRow> SpecialCategories { get; private set; } = new CategoryRow[0];

        public IReadOnlyList<RecipientRow> Recipients { get; private set; } = new RecipientRow[0];

        public IReadOnlyList<TransferRow> Transfers { get; private set; } = new TransferRow[0];

        public IReadOnlyList<RetentionRow> Retention { get; private set; } = new RetentionRow[0];

        public int ElementsWithoutRetention { get; private set; }

        public static ProcessingRecord From(Inventory inventory)
        {
            var external = inventory.Flows.Where(f => f.Status != FlowStatus.Internal && f.Sink is not null).ToList();
            return new ProcessingRecord
            {
                Purposes = PurposesOf(inventory, external),
                Subjects = Ordering.Sorted(
                    inventory.DataElements
                        .GroupBy(e => e.Subject ?? Unspecified, Ordinal)
                        .Select(g => new SubjectRow(g.Key, Sorted(g.SelectMany(CategoriesOf)))),
                    (a, b) => Ordering.Last(a.Subject == Unspecified, b.Subject == Unspecified) is var last and not 0 ? last : Ordinal.Compare(a.Subject, b.Subject)),
                Categories = CategoryRows(inventory.DataElements.Where(e => e.Category is not null || e.SpecialCategory is null), e => e.Category ?? Uncategorised, special: false),
                SpecialCategories = CategoryRows(inventory.DataElements.Where(e => e.SpecialCategory is not null), e => e.SpecialCategory!, special: true),
                Recipients = external
                    .GroupBy(f => new RecipientKey(f.Sink!.RecipientName, f.Sink.Region ?? "Unknown"))
                    .Select(g => new RecipientRow(
                        g.Key.Recipient,
                        g.Key.Region,
                        g.Select(f => f.Sink!.RegionName).Where(n => n is not null).OrderBy(n => n, Ordinal).FirstOrDefault(),
                        Eea.Contains(g.Key.Region) ? "no" : Eea.IsThirdCountry(g.Key.Region) ? "yes" : "unknown",
                        Sorted(g.Select(f => f.Sink!.Kind)),
                        Sorted(g.Select(f => f.Sink!.Host)),
                        Sorted(g.SelectMany(f => f.Sources).SelectMany(CategoriesOf)),
                        Sorted(g.Select(f => f.Sink!.Purpose))))
                    .OrderBy(r => r.Recipient, Ordinal)
                    .ThenBy(r => r.Region, Ordinal)
                    .ToList(),
                Transfers = TransfersOf(external),
                Retention = inventory.DataElements
                    .Where(e => e.Retention is not null)
                    .Select(e => new RetentionRow(e.SpecialCategory ?? e.Category ?? Uncategorised, e.DisplayName, e.Retention!, e.Assembly))
                    .OrderBy(r => r.Category, Ordinal)
                    .ThenBy(r => r.Member, Ordinal)
                    .ThenBy(r => r.Assembly, Ordinal)
                    .ToList(),
                ElementsWithoutRetention = inventory.DataElements.Count(e => e.Retention is null),
            };
        }

        private static IReadOnlyList<PurposeRow> PurposesOf(Inventory inventory, List<FlowFact> external)
        {
            var rows = new Dictionary<string, PurposeSets>(Ordinal);
            void Add(string purpose, string recipient, IEnumerable<string> categories)
            {
                if (!rows.TryGetValue(purpose, out var row))
                {
                    row = new PurposeSets(new SortedSet<string>(Ordinal), new SortedSet<string>(Ordinal));
                    rows[purpose] = row;
                }

                row.Recipients.Add(recipient);
                row.Categories.UnionWith(categories);
            }

            foreach (var flow in external.Where(f => f.Sink!.Purpose is not null))
            {
                Add(flow.Sink!.Purpose!, flow.Sink.RecipientName, flow.Sources.SelectMany(CategoriesOf));
            }

            foreach (var sink in inventory.Sinks.Where(s => s.Sink.Purpose is not null))
            {
                Add(sink.Sink.Purpose!, sink.Sink.RecipientName, new string[0]);
            }

            var purposes = new List<string>(rows.Keys);
            purposes.Sort(Ordinal); // distinct keys: an unstable sort gives the one order
            return purposes.Select(p => new PurposeRow(p, rows[p].Recipients.ToList(), rows[p].Categories.ToList())).ToList();
        }

        private static IReadOnlyList<TransferRow> TransfersOf(List<FlowFact> external)
        {
            var rows = external
                .Where(f => f.Status != FlowStatus.Allowed || Eea.IsThirdCountry(f.Sink!.Region))
                .GroupBy(f => new TransferKey(f.Sink!.Region ?? "Unknown", f.Sink.RecipientName, Basis(f), Bucket(f.Status), f.Transfer?.Justification ?? ""))
                .Select(g => new TransferRow(
                    g.Key.Region,
                    g.Select(f => f.Sink!.RegionName).Where(n => n is not null).OrderBy(n => n, Ordinal).FirstOrDefault(),
                    g.Key.Recipient,
                    g.Key.Basis,
                    g.Key.Status,
                    g.Key.Justification.Length == 0 ? null : g.Key.Justification,
                    Sorted(g.SelectMany(f => f.Sources).SelectMany(CategoriesOf)),
                    g.Count(),
                    g.Count(f => f.Baselined)));
            return Ordering.Sorted(rows, (a, b) =>
                FlowStatus.Rank(a.Status).CompareTo(FlowStatus.Rank(b.Status)) is var byRank and not 0 ? byRank :
                Ordinal.Compare(a.Region, b.Region) is var byRegion and not 0 ? byRegion :
                Ordinal.Compare(a.Recipient, b.Recipient) is var byRecipient and not 0 ? byRecipient :
                Ordinal.Compare(a.Basis, b.Basis) is var byBasis and not 0 ? byBasis :
                Ordinal.Compare(a.Justification ?? "", b.Justification ?? ""));
        }

        private static string Bucket(string status) => status == FlowStatus.Special ? FlowStatus.Violation : status;

        private static string Basis(FlowFact flow) => flow.Status switch
        {
            FlowStatus.Declared => TransferBasis.Describe(flow.Transfer?.Mechanism),
            FlowStatus.Violation or FlowStatus.Special => TransferBasis.Missing(flow.Sink?.EuAlternative),
            FlowStatus.Unknown => TransferBasis.UnknownRegion,
            _ => flow.Transfer is not null ? TransferBasis.Describe(flow.Transfer.Mechanism) : TransferBasis.AllowedByPolicy,
        };

        private static IReadOnlyList<CategoryRow> CategoryRows(IEnumerable<DataElement> elements, Func<DataElement, string> category, bool special)
        {
            return Ordering.Sorted(
                elements
                    .GroupBy(category, Ordinal)
                    .Select(g => new CategoryRow(
                        g.Key,
                        special,
                        Sorted(g.Select(e => e.Subject ?? Unspecified)),
                        Sorted(g.Select(e => e.DisplayName)))),
                (a, b) => Ordering.Last(a.Category == Uncategorised, b.Category == Uncategorised) is var last and not 0 ? last : Ordinal.Compare(a.Category, b.Category));
        }

        public static IEnumerable<string> CategoriesOf(DataElement element)
        {
            if (element.Category is not null)
            {
                yield return element.Category;
            }

            if (element.SpecialCategory is not null)
            {
                yield return element.SpecialCategory;
            }

            if (element.Category is null && element.SpecialCategory is null)
            {
                yield return Uncategorised;
            }
        }

        public static IEnumerable<string> CategoriesOf(SourceRef source)
        {
            if (source.Category is not null)
            {
                yield return source.Category;
            }

            if (source.SpecialCategory is not null)
            {
                yield return source.SpecialCategory;
            }

            if (source.Category is null && source.SpecialCategory is null)
            {
                yield return Uncategorised;
            }
        }

        // Grouping keys: records, not tuples (the task's image has code for the framework's generics over reference types only).
        private sealed record RecipientKey(string Recipient, string Region);

        private sealed record TransferKey(string Region, string Recipient, string Basis, string Status, string Justification);

        private sealed record PurposeSets(SortedSet<string> Recipients, SortedSet<string> Categories);

        private static IReadOnlyList<string> Sorted(IEnumerable<string?> values) =>
            values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct(Ordinal).OrderBy(v => v, Ordinal).ToList();
    }
}
