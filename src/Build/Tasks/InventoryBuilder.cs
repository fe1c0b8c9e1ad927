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
            var findings = Distinct(facts.Findings, FactJsonWriter.Finding)
                .OrderBy(f => f.Item.Assembly, Ordinal)
                .ThenBy(f => f.Item.File ?? "", Ordinal)
                .ThenBy(f => f.Item.Line ?? 0)
                .ThenBy(f => f.Item.Column ?? 0)
                .ThenBy(f => f.Item.Rule, Ordinal)
                .ThenBy(f => f.Key, Ordinal)
                .Select(f => f.Item)
                .ToList();
            var transfers = DeclaredTransfers(flows);

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
                DeclaredTransfers = transfers,
                Findings = findings,
                Notes = facts.Notes.Distinct(Ordinal).OrderBy(n => n, Ordinal).ToList(),
                Summary = Summarise(elements, sinks, flows, transfers),
            };
        }

        private static List<FlowFact> Flows(IEnumerable<FlowFact> input)
        {
            var normalised = input.Select(f => f with
            {
                Sources = Distinct(f.Sources, FactJsonWriter.Source)
                    .OrderBy(s => s.Item.Id, Ordinal)
                    .ThenBy(s => s.Key, Ordinal)
                    .Select(s => s.Item)
                    .ToList(),
            });
            return Distinct(normalised, FactJsonWriter.Flow)
                .OrderBy(f => f.Item.Assembly, Ordinal)
                .ThenBy(f => f.Item.File ?? "", Ordinal)
                .ThenBy(f => f.Item.Line ?? 0)
                .ThenBy(f => f.Item.Column ?? 0)
                .ThenBy(f => f.Item.Rule, Ordinal)
                .ThenBy(f => f.Item.Sink?.Key ?? "", Ordinal)
                .ThenBy(f => f.Item.Fingerprint ?? "", Ordinal)
                .ThenBy(f => f.Key, Ordinal)
                .Select(f => f.Item)
                .ToList();
        }

        private static List<DataElement> Elements(IEnumerable<DataElement> reported, IReadOnlyList<FlowFact> flows)
        {
            var merged = new Dictionary<string, DataElement>(Ordinal);
            foreach (var element in Canonical(reported, e => e.File, e => e.Line, e => FactJsonWriter.Key(w => FactJsonWriter.Element(w, e))))
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
                            Origin = source.Inferred ? "inferred" : null,
                            Assembly = flow.Assembly,
                        };
                    }
                }
            }

            return merged.Values
                .Select(e => (Item: e, Key: FactJsonWriter.Key(w => FactJsonWriter.Element(w, e))))
                .OrderBy(e => e.Item.Id, Ordinal)
                .ThenBy(e => e.Item.Assembly, Ordinal)
                .ThenBy(e => e.Key, Ordinal)
                .Select(e => e.Item)
                .ToList();
        }

        private static List<SinkEntry> Sinks(IEnumerable<SinkEntry> reported, IReadOnlyList<FlowFact> flows)
        {
            var merged = new Dictionary<string, SinkEntry>(Ordinal);
            foreach (var entry in Canonical(reported, s => s.File, s => s.Line, s => FactJsonWriter.Key(w => FactJsonWriter.SinkEntry(w, s))))
            {
                var key = entry.Assembly + "\u001f" + entry.Sink.Key;
                merged[key] = merged.TryGetValue(key, out var existing) ? Fill(existing, entry) : entry;
            }

            var known = new HashSet<string>(merged.Values.Select(s => s.Sink.Key), Ordinal);
            foreach (var flow in flows)
            {
                if (flow.Sink is not null && known.Add(flow.Sink.Key))
                {
                    merged[flow.Assembly + "\u001f" + flow.Sink.Key] = new SinkEntry { Sink = flow.Sink, Assembly = flow.Assembly };
                }
            }

            return merged.Values
                .Select(s => (Item: s, Key: FactJsonWriter.Key(w => FactJsonWriter.SinkEntry(w, s))))
                .OrderBy(s => s.Item.Sink.Key, Ordinal)
                .ThenBy(s => s.Item.Assembly, Ordinal)
                .ThenBy(s => s.Key, Ordinal)
                .Select(s => s.Item)
                .ToList();
        }

        private static List<DeclaredTransfer> DeclaredTransfers(IReadOnlyList<FlowFact> flows)
        {
            return flows
                .Where(f => f.Transfer is not null)
                .GroupBy(f => (f.Transfer!.Region ?? "", f.Transfer.Mechanism ?? "", f.Transfer.Recipient ?? "", f.Transfer.Justification ?? ""))
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
                FlowsByStatus = FlowStatus.All.Select(s => new KeyValuePair<string, int>(s, flows.Count(f => f.Status == s))).ToList(),
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
        private static IEnumerable<T> Canonical<T>(IEnumerable<T> items, Func<T, string?> file, Func<T, int?> line, Func<T, string> key)
        {
            return items
                .Select(i => (Item: i, File: file(i), Line: line(i), Key: key(i)))
                .OrderBy(i => i.File is null ? 1 : 0)
                .ThenBy(i => i.File ?? "", Ordinal)
                .ThenBy(i => i.Line ?? int.MaxValue)
                .ThenBy(i => i.Key, Ordinal)
                .Select(i => i.Item);
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

        /// <summary>The distinct items with their canonical keys, first occurrence kept.</summary>
        private static List<(T Item, string Key)> Distinct<T>(IEnumerable<T> items, Action<Analyzers.Json.JsonWriter, T> write)
        {
            var seen = new HashSet<string>(Ordinal);
            var result = new List<(T, string)>();
            foreach (var item in items)
            {
                var key = FactJsonWriter.Key(w => write(w, item));
                if (seen.Add(key))
                {
                    result.Add((item, key));
                }
            }

            return result;
        }
    }
}
