using System;
using System.Collections.Generic;
using System.Linq;
using Residency.Build.Model;
using Residency.Facts;
using Residency.Build.Reading;
using Residency.Build.Writing;

namespace Residency.Build
{
    /// <summary>
    /// Turns the facts of this compilation and of the merged inventories into one deduplicated, deterministically
    /// ordered <see cref="Inventory"/>. Every list is sorted by ordinal keys and finally by the item's canonical JSON,
    /// so the same facts give the same inventory whatever order they were read in.
    /// </summary>
    internal static class InventoryBuilder
    {
        private static readonly StringComparer Ordinal = StringComparer.Ordinal;

        public static Inventory Build(FactSet facts, InventoryOptions options)
        {
            var flows = Flows(facts.Flows);
            var elements = Elements(facts.Elements, flows);
            var sinks = Sinks(facts.Sinks, flows);
            var findings = SortedDistinct(
                facts.Findings,
                (a, b) =>
                {
                    int c = Compare(a.Assembly, b.Assembly);
                    c = c != 0 ? c : Compare(a.File ?? "", b.File ?? "");
                    c = c != 0 ? c : (a.Line ?? 0).CompareTo(b.Line ?? 0);
                    c = c != 0 ? c : (a.Column ?? 0).CompareTo(b.Column ?? 0);
                    return c != 0 ? c : Compare(a.Rule, b.Rule);
                },
                FactJsonWriter.Finding);
            var transfers = DeclaredTransfers(flows);
            var unclassified = Unclassified(facts.Unclassified);

            var assemblies = new SortedSet<string>(Ordinal);
            if (options.Assembly.Length > 0)
            {
                assemblies.Add(options.Assembly);
            }

            assemblies.UnionWith(flows.Select(f => f.Assembly).Concat(elements.Select(e => e.Assembly)).Concat(sinks.Select(s => s.Assembly)).Where(a => a.Length > 0));

            return new Inventory
            {
                Generator = options.Generator,
                Assembly = options.Assembly,
                AllowedRegions = options.AllowedRegions,
                Enforce = options.Enforce,
                Controller = options.Controller,
                DataProtectionOfficer = options.DataProtectionOfficer,
                Assemblies = assemblies.ToList(),
                DataElements = elements,
                Sinks = sinks,
                Flows = flows,
                Unclassified = unclassified,
                DeclaredTransfers = transfers,
                Findings = findings,
                Notes = facts.Notes.Distinct(Ordinal).OrderBy(n => n, Ordinal).ToList(),
                Summary = Summarise(elements, sinks, flows, transfers) with
                {
                    UnannotatedCandidates = findings.Count(f => f.Rule == "RES006" && f.Treatment == Treatment.Reported),
                    UnclassifiedRecipients = unclassified.Select(u => u.Recipient).Distinct(Ordinal).Count(),
                },
            };
        }

        private static List<FlowFact> Flows(IEnumerable<FlowFact> input)
        {
            // Every field these orders compare is in the item's canonical JSON, so identical items sort next to each other.
            var normalised = input.Select(f => f with { Sources = Normalised(f.Sources) });
            return SortedDistinct(
                normalised,
                (a, b) =>
                {
                    int c = Compare(a.Assembly, b.Assembly);
                    c = c != 0 ? c : Compare(a.File ?? "", b.File ?? "");
                    c = c != 0 ? c : (a.Line ?? 0).CompareTo(b.Line ?? 0);
                    c = c != 0 ? c : (a.Column ?? 0).CompareTo(b.Column ?? 0);
                    c = c != 0 ? c : Compare(a.Rule, b.Rule);
                    c = c != 0 ? c : Compare(a.Sink?.Key ?? "", b.Sink?.Key ?? "");
                    return c != 0 ? c : Compare(a.Fingerprint ?? "", b.Fingerprint ?? "");
                },
                FactJsonWriter.Flow);
        }

        private static List<UnclassifiedCall> Unclassified(IEnumerable<UnclassifiedCall> input)
        {
            var normalised = input.Select(u => u with { Sources = Normalised(u.Sources) });
            return SortedDistinct(
                normalised,
                (a, b) =>
                {
                    int c = Compare(a.Recipient, b.Recipient);
                    c = c != 0 ? c : Compare(a.Assembly, b.Assembly);
                    c = c != 0 ? c : Compare(a.File ?? "", b.File ?? "");
                    c = c != 0 ? c : (a.Line ?? 0).CompareTo(b.Line ?? 0);
                    return c != 0 ? c : (a.Column ?? 0).CompareTo(b.Column ?? 0);
                },
                FactJsonWriter.Unclassified);
        }

        /// <summary>A flow's or a call's sources without duplicates, by id.</summary>
        private static List<SourceRef> Normalised(IEnumerable<SourceRef> sources) =>
            SortedDistinct(sources, (a, b) => Compare(a.Id, b.Id), FactJsonWriter.Source);

        private static List<DataElement> Elements(IEnumerable<DataElement> reported, IReadOnlyList<FlowFact> flows)
        {
            var merged = new Dictionary<string, DataElement>(Ordinal);
            foreach (var element in Canonical(reported, e => e.File, e => e.Line, FactJsonWriter.Element))
            {
                var key = element.Assembly + "\u001f" + element.Id;
                if (merged.TryGetValue(key, out var existing))
                {
                    merged[key] = Fill(existing, element);
                }
                else
                {
                    merged[key] = element;
                }
            }

            // Sources that no element fact describes (inferred data, members of assemblies without an inventory).
            var known = new HashSet<string>(merged.Values.Select(e => e.Id), Ordinal);
            foreach (var flow in flows)
            {
                foreach (var source in flow.Sources)
                {
                    if (known.Add(source.Id))
                    {
                        var key = flow.Assembly + "\u001f" + source.Id;
                        merged[key] = new DataElement
                        {
                            Id = source.Id,
                            Member = source.Member,
                            ContainingType = ContainingType(source),
                            Category = source.Category,
                            SpecialCategory = source.SpecialCategory,
                            Subject = source.Subject,
                            Kind = source.Kind,
                            Origin = source.Origin ?? source.Annotation ?? (source.Inferred ? "inferred" : null),
                            Assembly = flow.Assembly,
                        };
                    }
                }
            }

            return SortedByCanonicalTies(
                merged.Values,
                (a, b) => Compare(a.Id, b.Id) is var byId and not 0 ? byId : Compare(a.Assembly, b.Assembly),
                FactJsonWriter.Element);
        }

        private static List<SinkEntry> Sinks(IEnumerable<SinkEntry> reported, IReadOnlyList<FlowFact> flows)
        {
            var merged = new Dictionary<string, SinkEntry>(Ordinal);
            foreach (var entry in Canonical(reported, s => s.File, s => s.Line, FactJsonWriter.SinkEntry))
            {
                // An unresolved destination keeps one row per call site: two calls whose URL is "parameter 'url'" are two unknowns.
                var key = entry.Assembly + "\u001f" + entry.Sink.Key + (entry.Sink.Target is null ? string.Empty : "\u001f" + entry.File + ":" + entry.Line);
                merged[key] = merged.TryGetValue(key, out var existing) ? Fill(existing, entry) : entry;
            }

            // A sink known only from its flows (an AI tool's result, handed over by the tool's return): its first flow's
            // place, in the flows' order, is where the data is handed to it.
            var known = new HashSet<string>(merged.Values.Select(s => s.Sink.Key), Ordinal);
            foreach (var flow in flows)
            {
                if (flow.Sink is not null && known.Add(flow.Sink.Key))
                {
                    merged[flow.Assembly + "\u001f" + flow.Sink.Key] = new SinkEntry { Sink = flow.Sink, Assembly = flow.Assembly, File = flow.File, Line = flow.Line };
                }
            }

            return SortedByCanonicalTies(
                merged.Values,
                (a, b) => Compare(a.Sink.Key, b.Sink.Key) is var byKey and not 0 ? byKey : Compare(a.Assembly, b.Assembly),
                FactJsonWriter.SinkEntry);
        }

        private static List<DeclaredTransfer> DeclaredTransfers(IReadOnlyList<FlowFact> flows)
        {
            return flows
                .Where(f => f.Transfer is not null)
                .GroupBy(f => new TransferKey(f.Transfer!.Region ?? "", f.Transfer.Mechanism ?? "", f.Transfer.Recipient ?? "", f.Transfer.Justification ?? ""))
                .Select(g =>
                {
                    var transfer = g.First().Transfer!;
                    var regionName = g.Select(f => f.Sink)
                        .Where(s => s?.RegionName is not null && string.Equals(s.Region, transfer.Region, StringComparison.OrdinalIgnoreCase))
                        .Select(s => s!.RegionName!)
                        .OrderBy(n => n, Ordinal)
                        .FirstOrDefault();
                    return new DeclaredTransfer
                    {
                        Region = transfer.Region,
                        RegionName = regionName,
                        Mechanism = transfer.Mechanism,
                        Recipient = transfer.Recipient,
                        Justification = transfer.Justification,
                        FlowCount = g.Count(),
                    };
                })
                .OrderBy(t => t.Region ?? "", Ordinal)
                .ThenBy(t => t.Recipient ?? "", Ordinal)
                .ThenBy(t => t.Mechanism ?? "", Ordinal)
                .ThenBy(t => t.Justification ?? "", Ordinal)
                .ToList();
        }

        // A record, not a tuple: see Ordering.
        private sealed record TransferKey(string Region, string Mechanism, string Recipient, string Justification);

        private static InventorySummary Summarise(IReadOnlyList<DataElement> elements, IReadOnlyList<SinkEntry> sinks, IReadOnlyList<FlowFact> flows, IReadOnlyList<DeclaredTransfer> transfers)
        {
            var open = flows.Where(f => !f.Baselined).ToList();
            return new InventorySummary
            {
                DataElements = elements.Count,
                SpecialCategoryElements = elements.Count(e => e.SpecialCategory is not null),
                Sinks = sinks.Select(s => s.Sink.Key).Distinct(Ordinal).Count(),
                Flows = flows.Count,
                Violations = open.Count(f => FlowStatus.IsViolation(f.Status)),
                SpecialCategoryViolations = open.Count(f => f.Status == FlowStatus.Special),
                UnknownEndpoints = open.Where(f => f.Status == FlowStatus.Unknown).Select(f => f.Sink?.Key ?? f.Fingerprint ?? "").Distinct(Ordinal).Count(),
                DeclaredTransfers = transfers.Count,
                Baselined = flows.Count(f => f.Baselined),
                Silenced = flows.Count(f => f.Suppressed && !f.Baselined),
                FlowsByStatus = FlowStatus.All.Select(s => new StatusCount(s, flows.Count(f => f.Status == s))).ToList(),
            };
        }

        private static string? ContainingType(SourceRef source)
        {
            // "Sample.Customer.Email" with member "Customer.Email" → "Sample.Customer".
            if (source.Member is not null && source.Id.EndsWith("." + source.Member.Substring(source.Member.LastIndexOf('.') + 1), StringComparison.Ordinal))
            {
                int dot = source.Id.LastIndexOf('.');
                return dot > 0 ? source.Id.Substring(0, dot) : null;
            }

            return null;
        }

        /// <summary>
        /// The order in which the merges below see duplicate facts decides which location and which fields win. The
        /// compiler reports diagnostics in whatever order its concurrent analysis finished, so merge in a canonical
        /// order instead: earliest file and line first, then the whole serialised fact. Same code, same bytes.
        /// </summary>
        private static IEnumerable<T> Canonical<T>(IEnumerable<T> items, Func<T, string?> file, Func<T, int?> line, Action<Analyzers.Json.JsonWriter, T> write)
        {
            return SortedByCanonicalTies(
                items,
                (a, b) =>
                {
                    string? fileA = file(a), fileB = file(b);
                    int c = (fileA is null ? 1 : 0).CompareTo(fileB is null ? 1 : 0);
                    c = c != 0 ? c : Compare(fileA ?? "", fileB ?? "");
                    return c != 0 ? c : (line(a) ?? int.MaxValue).CompareTo(line(b) ?? int.MaxValue);
                },
                write);
        }

        private static DataElement Fill(DataElement a, DataElement b) => a with
        {
            Member = a.Member ?? b.Member,
            ContainingType = a.ContainingType ?? b.ContainingType,
            Kind = a.Kind ?? b.Kind,
            Category = a.Category ?? b.Category,
            SpecialCategory = a.SpecialCategory ?? b.SpecialCategory,
            Subject = a.Subject ?? b.Subject,
            Retention = a.Retention ?? b.Retention,
            Origin = a.Origin ?? b.Origin,
            File = a.File ?? b.File,
            Line = a.Line ?? b.Line,
        };

        private static SinkEntry Fill(SinkEntry a, SinkEntry b) => a with
        {
            Sink = a.Sink with
            {
                Kind = a.Sink.Kind ?? b.Sink.Kind,
                Display = a.Sink.Display ?? b.Sink.Display,
                Region = a.Sink.Region ?? b.Sink.Region,
                RegionName = a.Sink.RegionName ?? b.Sink.RegionName,
                Recipient = a.Sink.Recipient ?? b.Sink.Recipient,
                Host = a.Sink.Host ?? b.Sink.Host,
                Purpose = a.Sink.Purpose ?? b.Sink.Purpose,
                ResolvedBy = a.Sink.ResolvedBy ?? b.Sink.ResolvedBy,
                EuAlternative = a.Sink.EuAlternative ?? b.Sink.EuAlternative,
            },
            File = a.File ?? b.File,
            Line = a.Line ?? b.Line,
        };

        private static int Compare(string? a, string? b) => string.CompareOrdinal(a, b);

        /// <summary>
        /// <paramref name="items"/> sorted by <paramref name="order"/>, the items' canonical JSON breaking the ties that
        /// remain (the same order as sorting by both; the JSON is rendered only for items that tie).
        /// </summary>
        private static List<T> SortedByCanonicalTies<T>(IEnumerable<T> items, Comparison<T> order, Action<Analyzers.Json.JsonWriter, T> write)
        {
            var entries = items.Select(item => new TieBreak<T>(item)).ToList();
            entries.Sort((a, b) =>
            {
                int byOrder = order(a.Item, b.Item);
                return byOrder != 0 ? byOrder : string.CompareOrdinal(a.Key(write), b.Key(write));
            });
            return entries.ConvertAll(e => e.Item);
        }

        /// <summary>
        /// The distinct items (first occurrence kept) sorted by <paramref name="order"/> then by their canonical JSON: the
        /// same as keeping the first of each canonical JSON and then sorting, provided <paramref name="order"/> compares only what the JSON
        /// holds (identical items then sort next to each other). The JSON is rendered only for items that tie.
        /// </summary>
        private static List<T> SortedDistinct<T>(IEnumerable<T> items, Comparison<T> order, Action<Analyzers.Json.JsonWriter, T> write)
        {
            int index = 0;
            var entries = items.Select(item => new TieBreak<T>(item, index++)).ToList();
            if (entries.Count < 2)
            {
                return entries.ConvertAll(e => e.Item);
            }

            entries.Sort((a, b) =>
            {
                int byOrder = order(a.Item, b.Item);
                if (byOrder != 0)
                {
                    return byOrder;
                }

                int byKey = string.CompareOrdinal(a.Key(write), b.Key(write));
                return byKey != 0 ? byKey : a.Index.CompareTo(b.Index);
            });
            var result = new List<T>(entries.Count) { entries[0].Item };
            for (int i = 1; i < entries.Count; i++)
            {
                var previous = entries[i - 1];
                var current = entries[i];
                if (order(previous.Item, current.Item) != 0 || !string.Equals(previous.Key(write), current.Key(write), StringComparison.Ordinal))
                {
                    result.Add(current.Item);
                }
            }

            return result;
        }

        private sealed class TieBreak<T>
        {
            private string? _key;

            public TieBreak(T item, int index = 0)
            {
                Item = item;
                Index = index;
            }

            public int Index { get; }

            public T Item { get; }

            public string Key(Action<Analyzers.Json.JsonWriter, T> write) => _key ??= FactJsonWriter.Key(w => write(w, Item));
        }
    }
}
