using System;
using System.Collections.Generic;
using System.Linq;
using Residency.Build;
using Residency.Build.Model;
using Residency.Facts;
using Residency.Build.Reading;

namespace Residency.Cli.Records
{
    /// <summary>
    /// Merges the inventories of every project of a scan into one record, with the inventory task's reader and builder
    /// (the same deduplication as a project that merges its references: a flow reported by a library and merged
    /// into an application is listed once).
    /// </summary>
    internal static class RecordMerger
    {
        public static Inventory Merge(IReadOnlyList<string> inventoryFiles, string name, Action<string> warn)
        {
            var facts = new FactSet();
            var regions = new List<string>();
            string? controller = null, officer = null, generator = null;
            foreach (var path in inventoryFiles)
            {
                InventoryOptions header;
                try
                {
                    header = InventoryFile.ReadHeader(path, path);
                }
                catch (CliException e)
                {
                    warn(e.Message);
                    continue;
                }

                var result = InventoryReader.Read(path, header.Assembly);
                if (result.Failed)
                {
                    warn(path + ": " + result.Problem);
                }

                facts.Add(result.Facts);
                regions.AddRange(header.AllowedRegions.Where(r => !regions.Contains(r, StringComparer.OrdinalIgnoreCase)));
                controller ??= header.Controller;
                officer ??= header.DataProtectionOfficer;
                generator ??= header.Generator;
            }

            var record = InventoryBuilder.Build(facts, new InventoryOptions
            {
                Assembly = name,
                AllowedRegions = regions.Count > 0 ? regions : new[] { "EEA", "Adequate" },
                Enforce = false,
                Controller = controller,
                DataProtectionOfficer = officer,
                Generator = generator ?? "Residency.Analyzers",
            });

            // The record's name is the solution's, not an assembly: list only the assemblies that have facts.
            var withFacts = new HashSet<string>(
                facts.Flows.Select(f => f.Assembly).Concat(facts.Elements.Select(e => e.Assembly)).Concat(facts.Sinks.Select(s => s.Assembly)).Concat(facts.Findings.Select(f => f.Assembly)),
                StringComparer.Ordinal);
            return record with { Assemblies = record.Assemblies.Where(withFacts.Contains).ToList() };
        }
    }
}
