using System;
using System.Collections.Generic;
using System.Linq;
using Residency.Build.Model;
using Residency.Facts;
using Residency.Build.Record;

namespace Residency.Cli.Diffing
{
    /// <summary>A flow present in both records whose status, transfer basis or destination region changed.</summary>
    internal sealed record FlowChange(FlowFact Old, FlowFact New);

    /// <summary>A sink whose region changed between the two records.</summary>
    internal sealed record RegionChange(string Sink, string? Recipient, string OldRegion, string NewRegion);

    /// <summary>A recipient of personal data and the region it is in.</summary>
    internal sealed record Recipient(string Name, string Region);

    /// <summary>
    /// What changed in the processing between two records: flows (matched by assembly, method, sink and data — not by
    /// line, so moved code is not a change), recipients, third countries, data categories, declared transfers and sink
    /// regions.
    /// </summary>
    internal sealed class InventoryDiff
    {
        private static readonly StringComparer Ordinal = StringComparer.Ordinal;

        private InventoryDiff(Inventory old, Inventory @new)
        {
            Old = old;
            New = @new;
        }

        public Inventory Old { get; }

        public Inventory New { get; }

        public IReadOnlyList<FlowFact> AddedFlows { get; private set; } = new FlowFact[0];

        public IReadOnlyList<FlowFact> RemovedFlows { get; private set; } = new FlowFact[0];

        public IReadOnlyList<FlowChange> ChangedFlows { get; private set; } = new FlowChange[0];

        public IReadOnlyList<Recipient> AddedRecipients { get; private set; } = new Recipient[0];

        public IReadOnlyList<Recipient> RemovedRecipients { get; private set; } = new Recipient[0];

        public IReadOnlyList<string> AddedThirdCountries { get; private set; } = new string[0];

        public IReadOnlyList<string> RemovedThirdCountries { get; private set; } = new string[0];

        public IReadOnlyList<string> AddedCategories { get; private set; } = new string[0];

        public IReadOnlyList<string> RemovedCategories { get; private set; } = new string[0];

        public IReadOnlyList<DeclaredTransfer> AddedTransfers { get; private set; } = new DeclaredTransfer[0];

        public IReadOnlyList<DeclaredTransfer> RemovedTransfers { get; private set; } = new DeclaredTransfer[0];

        public IReadOnlyList<RegionChange> ChangedRegions { get; private set; } = new RegionChange[0];

        /// <summary>New or changed flows that are violations (RES001/RES002) and not baselined.</summary>
        public IReadOnlyList<FlowFact> NewViolations { get; private set; } = new FlowFact[0];

        /// <summary>Sinks of unknown region that personal data reaches in the new record and did not in the old one.</summary>
        public IReadOnlyList<string> NewUnknownEndpoints { get; private set; } = new string[0];

        /// <summary>The change adds a violation or an unknown endpoint (exit code 1).</summary>
        public bool Fails => NewViolations.Count > 0 || NewUnknownEndpoints.Count > 0;

        public bool IsEmpty =>
            AddedFlows.Count + RemovedFlows.Count + ChangedFlows.Count + AddedRecipients.Count + RemovedRecipients.Count +
            AddedThirdCountries.Count + RemovedThirdCountries.Count + AddedCategories.Count + RemovedCategories.Count +
            AddedTransfers.Count + RemovedTransfers.Count + ChangedRegions.Count == 0;

        public static InventoryDiff Compare(Inventory old, Inventory @new)
        {
            var diff = new InventoryDiff(old, @new);
            diff.CompareFlows();

            var oldRecipients = RecipientsOf(old);
            var newRecipients = RecipientsOf(@new);
            diff.AddedRecipients = newRecipients.Except(oldRecipients).ToList();
            diff.RemovedRecipients = oldRecipients.Except(newRecipients).ToList();

            var oldCountries = ThirdCountriesOf(old);
            var newCountries = ThirdCountriesOf(@new);
            diff.AddedThirdCountries = newCountries.Except(oldCountries, Ordinal).ToList();
            diff.RemovedThirdCountries = oldCountries.Except(newCountries, Ordinal).ToList();

            var oldCategories = CategoriesOf(old);
            var newCategories = CategoriesOf(@new);
            diff.AddedCategories = newCategories.Except(oldCategories, Ordinal).ToList();
            diff.RemovedCategories = oldCategories.Except(newCategories, Ordinal).ToList();

            diff.AddedTransfers = @new.DeclaredTransfers.Where(t => !old.DeclaredTransfers.Any(o => SameTransfer(o, t))).ToList();
            diff.RemovedTransfers = old.DeclaredTransfers.Where(t => !@new.DeclaredTransfers.Any(n => SameTransfer(n, t))).ToList();

            diff.ChangedRegions = RegionChanges(old, @new);

            var oldUnknown = new HashSet<string>(UnknownEndpointsOf(old), Ordinal);
            diff.NewUnknownEndpoints = UnknownEndpointsOf(@new).Where(e => !oldUnknown.Contains(e)).ToList();
            return diff;
        }

        private void CompareFlows()
        {
            var added = new List<FlowFact>();
            var removed = new List<FlowFact>();
            var changed = new List<FlowChange>();
            var oldByKey = Old.Flows.ToLookup(Identity, Ordinal);
            var newByKey = New.Flows.ToLookup(Identity, Ordinal);
            foreach (var key in oldByKey.Select(g => g.Key).Union(newByKey.Select(g => g.Key), Ordinal).OrderBy(k => k, Ordinal))
            {
                // The same identity can occur more than once (the same data sent twice from one method): pair them in order.
                var olds = oldByKey[key].ToList();
                var news = newByKey[key].ToList();
                int paired = Math.Min(olds.Count, news.Count);
                for (int i = 0; i < paired; i++)
                {
                    if (olds[i].Status != news[i].Status || olds[i].Sink?.Region != news[i].Sink?.Region || !SameTransfer(olds[i].Transfer, news[i].Transfer))
                    {
                        changed.Add(new FlowChange(olds[i], news[i]));
                    }
                }

                removed.AddRange(olds.Skip(paired));
                added.AddRange(news.Skip(paired));
            }

            AddedFlows = Sort(added);
            RemovedFlows = Sort(removed);
            ChangedFlows = changed.OrderBy(c => FlowStatus.Rank(c.New.Status)).ThenBy(c => Identity(c.New), Ordinal).ToList();
            NewViolations = Sort(added.Where(IsOpenViolation)
                .Concat(changed.Where(c => IsOpenViolation(c.New) && !IsOpenViolation(c.Old)).Select(c => c.New)));
        }

        /// <summary>A flow's identity across commits: who sends which data to which sink, not where the line is.</summary>
        internal static string Identity(FlowFact flow) => string.Join(
            "\u001f",
            flow.Assembly,
            flow.Method ?? "",
            flow.Sink?.Key ?? "",
            string.Join(",", flow.Sources.Select(s => s.Id).OrderBy(s => s, Ordinal)));

        private static bool IsOpenViolation(FlowFact flow) => FlowStatus.IsViolation(flow.Status) && !flow.Baselined;

        private static List<FlowFact> Sort(IEnumerable<FlowFact> flows) => flows
            .OrderBy(f => FlowStatus.Rank(f.Status))
            .ThenBy(f => f.Assembly, Ordinal)
            .ThenBy(f => f.File ?? "", Ordinal)
            .ThenBy(f => f.Line ?? 0)
            .ThenBy(Identity, Ordinal)
            .ToList();

        private static bool External(FlowFact flow) => flow.Status != FlowStatus.Internal && flow.Sink is not null;

        private static List<Recipient> RecipientsOf(Inventory inventory) => inventory.Flows
            .Where(External)
            .Select(f => new Recipient(f.Sink!.RecipientName, f.Sink.Region ?? "Unknown"))
            .Distinct()
            .OrderBy(r => r.Name, Ordinal)
            .ThenBy(r => r.Region, Ordinal)
            .ToList();

        private static List<string> ThirdCountriesOf(Inventory inventory) => inventory.Flows
            .Where(External)
            .Select(f => f.Sink!.Region)
            .Where(Eea.IsThirdCountry)
            .Select(r => r!.ToUpperInvariant() == "ADEQUATE" ? "Adequate" : r!)
            .Distinct(Ordinal)
            .OrderBy(r => r, Ordinal)
            .ToList();

        private static List<string> CategoriesOf(Inventory inventory)
        {
            var categories = new SortedSet<string>(Ordinal);
            foreach (var element in inventory.DataElements)
            {
                Add(categories, element.Category, element.SpecialCategory);
            }

            foreach (var source in inventory.Flows.SelectMany(f => f.Sources))
            {
                Add(categories, source.Category, source.SpecialCategory);
            }

            return categories.ToList();

            static void Add(SortedSet<string> set, string? category, string? special)
            {
                if (!string.IsNullOrEmpty(category))
                {
                    set.Add(category!);
                }

                if (!string.IsNullOrEmpty(special))
                {
                    set.Add(special!);
                }
            }
        }

        private static IEnumerable<string> UnknownEndpointsOf(Inventory inventory) => inventory.Flows
            .Where(f => f.Status == FlowStatus.Unknown && !f.Baselined && f.Sink is not null)
            .Select(f => f.Sink!.Key)
            .Distinct(Ordinal)
            .OrderBy(k => k, Ordinal);

        private static IReadOnlyList<RegionChange> RegionChanges(Inventory old, Inventory @new)
        {
            var oldSinks = SinksOf(old);
            var changes = new List<RegionChange>();
            foreach (var pair in SinksOf(@new))
            {
                if (oldSinks.TryGetValue(pair.Key, out var before) && !string.Equals(before.Region ?? "Unknown", pair.Value.Region ?? "Unknown", StringComparison.OrdinalIgnoreCase))
                {
                    changes.Add(new RegionChange(pair.Value.DisplayName, pair.Value.Recipient, before.Region ?? "Unknown", pair.Value.Region ?? "Unknown"));
                }
            }

            return changes;
        }

        private static SortedDictionary<string, SinkInfo> SinksOf(Inventory inventory)
        {
            var sinks = new SortedDictionary<string, SinkInfo>(Ordinal);
            foreach (var sink in inventory.Sinks.Select(s => s.Sink).Concat(inventory.Flows.Where(f => f.Sink is not null).Select(f => f.Sink!)))
            {
                if (!sinks.ContainsKey(sink.Key))
                {
                    sinks[sink.Key] = sink;
                }
            }

            return sinks;
        }

        private static bool SameTransfer(DeclaredTransfer a, DeclaredTransfer b) =>
            string.Equals(a.Region, b.Region, StringComparison.OrdinalIgnoreCase) &&
            a.Mechanism == b.Mechanism && a.Recipient == b.Recipient && a.Justification == b.Justification;

        private static bool SameTransfer(TransferInfo? a, TransferInfo? b) =>
            a is null ? b is null : b is not null && string.Equals(a.Region, b.Region, StringComparison.OrdinalIgnoreCase) &&
            a.Mechanism == b.Mechanism && a.Recipient == b.Recipient && a.Justification == b.Justification;
    }
}
