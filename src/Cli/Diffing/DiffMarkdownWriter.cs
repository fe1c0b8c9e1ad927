using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Residency.Build.Model;
using Residency.Facts;

namespace Residency.Cli.Diffing
{
    /// <summary>The diff as Markdown for a pull-request comment: a verdict, the counts, then one section per kind of change.</summary>
    internal static class DiffMarkdownWriter
    {
        public static string Write(InventoryDiff diff)
        {
            var sb = new StringBuilder();
            sb.Append("## Residency: personal-data processing changes\n\n");
            if (diff.Fails)
            {
                var parts = new List<string>();
                if (diff.NewViolations.Count > 0)
                {
                    parts.Add(Count(diff.NewViolations.Count, "new violation"));
                }

                if (diff.NewUnknownEndpoints.Count > 0)
                {
                    parts.Add(Count(diff.NewUnknownEndpoints.Count, "new unknown endpoint"));
                }

                sb.Append("**This change adds ").Append(string.Join(" and ", parts)).Append(".**\n\n");
            }
            else if (diff.IsEmpty)
            {
                sb.Append("No change in personal-data processing: same flows, recipients, regions, categories and transfers.\n\n");
            }
            else
            {
                sb.Append("No new violation and no new unknown endpoint. Review the changes below and update the record of processing (Art. 30) if needed.\n\n");
            }

            var o = diff.Old.Summary;
            var n = diff.New.Summary;
            sb.Append("| | base | head |\n|---|---:|---:|\n");
            Row(sb, "flows", o.Flows, n.Flows);
            Row(sb, "violations", o.Violations, n.Violations);
            Row(sb, "unknown endpoints", o.UnknownEndpoints, n.UnknownEndpoints);
            Row(sb, "declared transfers", o.DeclaredTransfers, n.DeclaredTransfers);
            Row(sb, "data elements", o.DataElements, n.DataElements);
            Row(sb, "sinks", o.Sinks, n.Sinks);
            sb.Append('\n');

            FlowTable(sb, "New flows", diff.AddedFlows);
            FlowTable(sb, "Removed flows", diff.RemovedFlows);
            if (diff.ChangedFlows.Count > 0)
            {
                sb.Append("### Changed flows (").Append(diff.ChangedFlows.Count).Append(")\n\n");
                sb.Append("| data | recipient | before | after | where |\n|---|---|---|---|---|\n");
                foreach (var change in diff.ChangedFlows)
                {
                    sb.Append("| ").Append(Data(change.New))
                      .Append(" | ").Append(Recipient(change.New))
                      .Append(" | ").Append(StatusAndRegion(change.Old))
                      .Append(" | ").Append(StatusAndRegion(change.New))
                      .Append(" | ").Append(Where(change.New)).Append(" |\n");
                }

                sb.Append('\n');
            }

            List(sb, "New recipients", diff.AddedRecipients.Select(r => Escape(r.Name) + " (" + r.Region + ")"));
            List(sb, "Removed recipients", diff.RemovedRecipients.Select(r => Escape(r.Name) + " (" + r.Region + ")"));
            List(sb, "New third countries", diff.AddedThirdCountries.Select(Code));
            List(sb, "Third countries no longer receiving data", diff.RemovedThirdCountries.Select(Code));
            List(sb, "New data categories", diff.AddedCategories.Select(Code));
            List(sb, "Data categories no longer present", diff.RemovedCategories.Select(Code));
            List(sb, "New declared transfers", diff.AddedTransfers.Select(Transfer));
            List(sb, "Removed declared transfers", diff.RemovedTransfers.Select(Transfer));
            List(sb, "Changed sink regions", diff.ChangedRegions.Select(c =>
                Escape(c.Sink) + (c.Recipient is null ? "" : " (" + Escape(c.Recipient) + ")") + ": " + c.OldRegion + " → " + c.NewRegion));
            if (diff.NewUnknownEndpoints.Count > 0)
            {
                List(sb, "New unknown endpoints", diff.NewUnknownEndpoints.Select(Code));
            }

            return sb.ToString().TrimEnd('\n') + "\n";
        }

        private static void Row(StringBuilder sb, string label, int before, int after)
        {
            sb.Append("| ").Append(label).Append(" | ").Append(before.ToString(CultureInfo.InvariantCulture))
              .Append(" | ").Append(after.ToString(CultureInfo.InvariantCulture));
            if (after != before)
            {
                sb.Append(after > before ? " (+" : " (−").Append((after > before ? after - before : before - after).ToString(CultureInfo.InvariantCulture)).Append(')');
            }

            sb.Append(" |\n");
        }

        private static void FlowTable(StringBuilder sb, string title, IReadOnlyList<FlowFact> flows)
        {
            if (flows.Count == 0)
            {
                return;
            }

            sb.Append("### ").Append(title).Append(" (").Append(flows.Count).Append(")\n\n");
            sb.Append("| status | data | recipient | region | where |\n|---|---|---|---|---|\n");
            foreach (var flow in flows)
            {
                sb.Append("| ").Append(Status(flow))
                  .Append(" | ").Append(Data(flow))
                  .Append(" | ").Append(Recipient(flow))
                  .Append(" | ").Append(flow.Sink?.Region ?? "Unknown")
                  .Append(" | ").Append(Where(flow)).Append(" |\n");
            }

            sb.Append('\n');
        }

        private static void List(StringBuilder sb, string title, IEnumerable<string> items)
        {
            var list = items.ToList();
            if (list.Count == 0)
            {
                return;
            }

            sb.Append("### ").Append(title).Append(" (").Append(list.Count).Append(")\n\n");
            foreach (var item in list)
            {
                sb.Append("- ").Append(item).Append('\n');
            }

            sb.Append('\n');
        }

        private static string Status(FlowFact flow)
        {
            var label = FlowStatus.Label(flow.Status);
            if (flow.Suppressed)
            {
                return label + " (" + Treatment.Label(flow.Treatment) + ")";
            }

            return FlowStatus.IsViolation(flow.Status) || flow.Status == FlowStatus.Unknown ? "**" + label + "**" : label;
        }

        private static string StatusAndRegion(FlowFact flow) => Status(flow) + ", " + (flow.Sink?.Region ?? "Unknown") +
            (flow.Transfer is { Mechanism: { } mechanism } ? ", " + mechanism : "");

        private static string Data(FlowFact flow) => string.Join(", ", flow.Sources.Select(s =>
        {
            var category = s.SpecialCategory ?? s.Category;
            return Code(s.DisplayName) + (category is null ? "" : " (" + Escape(category) + ")");
        }));

        private static string Recipient(FlowFact flow) => flow.Sink is null ? "" : Escape(flow.Sink.RecipientName) +
            (flow.Sink.RecipientName != flow.Sink.DisplayName ? " via " + Code(flow.Sink.DisplayName) : "");

        private static string Where(FlowFact flow)
        {
            var file = flow.File is null ? flow.Method ?? "" : flow.File + (flow.Line is { } line ? ":" + line.ToString(CultureInfo.InvariantCulture) : "");
            return Code(file) + " (" + Escape(flow.Assembly) + ")";
        }

        private static string Transfer(DeclaredTransfer t) =>
            (t.Region ?? "Unknown") + ", " + (t.Mechanism ?? "mechanism not given") +
            (t.Recipient is null ? "" : ", " + Escape(t.Recipient)) +
            (t.Justification is null ? "" : " — " + Escape(t.Justification));

        private static string Code(string text) => "`" + text.Replace("`", "'") + "`";

        private static string Escape(string text) => text.Replace("|", "\\|").Replace("\n", " ").Replace("\r", "");

        private static string Count(int count, string singular) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : singular + "s");
    }
}
