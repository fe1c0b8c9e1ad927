using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Residency.Build.Model;
using Residency.Facts;
using Residency.Build.Record;
using Residency.Build.Util;

namespace Residency.Build.Writing
{
    /// <summary>
    /// Builds the draft Art. 30(1) record (sections (a)–(g)) followed by the detailed element, sink and flow tables.
    /// </summary>
    internal static class RecordDocumentBuilder
    {
        public const string None = "\u2014";

        public static Document Build(Inventory inventory)
        {
            var record = ProcessingRecord.From(inventory);
            var doc = new Document("Record of processing activities \u2014 " + inventory.Assembly);
            Preamble(doc, inventory);
            Map(doc, inventory);
            Controller(doc, inventory);
            Purposes(doc, record);
            Categories(doc, record);
            Recipients(doc, record, inventory);
            Transfers(doc, record, inventory);
            Retention(doc, record);
            Security(doc);
            Elements(doc, inventory);
            Sinks(doc, inventory);
            Flows(doc, inventory);
            NotClassified(doc, inventory);
            Findings(doc, inventory);
            return doc;
        }

        private static void Preamble(Document doc, Inventory inventory)
        {
            doc.Paragraph(
                "Draft record of processing activities (GDPR Art. 30(1)) generated from the source code by " + inventory.Generator +
                ". It lists what the code does with personal data; the controller must complete and review it before it is used as the record.",
                note: true);
            var s = inventory.Summary;
            doc.Paragraph(
                "Summary: " + SummaryLine.Count(s.Violations, "violation") + ", " +
                SummaryLine.Count(s.DeclaredTransfers, "declared transfer") + ", " +
                SummaryLine.Count(s.UnknownEndpoints, "unknown endpoint") +
                (s.UnclassifiedRecipients > 0 ? ", " + SummaryLine.Count(s.UnclassifiedRecipients, "unclassified recipient") : "") + "; " +
                SummaryLine.Count(s.DataElements, "data element") + ", " +
                SummaryLine.Count(s.Sinks, "sink") + ", " +
                SummaryLine.Count(s.Flows, "flow") +
                (s.Baselined > 0 ? " (" + Number(s.Baselined) + " baselined)" : "") +
                (s.Silenced > 0 ? "; " + Number(s.Silenced) + " of the flows raise a diagnostic the build does not show (silenced by configuration or in source), listed below all the same" : "") + ".");
            foreach (var note in inventory.Notes)
            {
                doc.Paragraph("Analysis limit: " + note, note: true);
            }
            doc.Paragraph(
                "Policy: allowed regions " + string.Join("; ", inventory.AllowedRegions) +
                "; enforcement " + (inventory.Enforce ? "on (RES001\u2013RES004 fail the build)" : "off") + ". " +
                "Assemblies: " + string.Join(", ", inventory.Assemblies) + ".");
        }

        private static void Map(Document doc, Inventory inventory)
        {
            var map = FlowMap.From(inventory);
            if (map.IsEmpty)
            {
                return;
            }

            doc.Heading(2, "Data-flow map", "map");
            doc.Map(map);
        }

        private static void Controller(Document doc, Inventory inventory)
        {
            doc.Heading(2, "(a) Controller", "controller");
            var table = doc.Table("controller-table", "Role", "Name and contact details");
            table.Row("Controller", inventory.Controller ?? "[to be completed: set the MSBuild property ResidencyController]");
            table.Row("Data protection officer", inventory.DataProtectionOfficer ?? "[to be completed: set the MSBuild property ResidencyDataProtectionOfficer]");
            doc.Paragraph("Add any joint controller and the controller's representative (Art. 27) where applicable.", note: true);
        }

        private static void Purposes(Document doc, ProcessingRecord record)
        {
            doc.Heading(2, "(b) Purposes of the processing", "purposes");
            if (record.Purposes.Count == 0)
            {
                doc.Paragraph("No purpose is annotated. Add Purpose = \"\u2026\" to the [DataSink] attributes, or describe the purposes here.", note: true);
                return;
            }

            var table = doc.Table("purposes-table", "Purpose", "Recipients", "Categories of personal data");
            foreach (var row in record.Purposes)
            {
                table.Row(row.Purpose, List(row.Recipients), Categories(row.Categories));
            }
        }

        private static void Categories(Document doc, ProcessingRecord record)
        {
            doc.Heading(2, "(c) Categories of data subjects and of personal data", "categories");
            doc.Heading(3, "Data subjects", "subjects");
            if (record.Subjects.Count == 0)
            {
                doc.Paragraph("No personal data is annotated.", note: true);
            }
            else
            {
                var subjects = doc.Table("subjects-table", "Data subject", "Categories of personal data");
                foreach (var row in record.Subjects)
                {
                    subjects.Row(row.Subject, Categories(row.Categories));
                }
            }

            doc.Heading(3, "Personal data", "personal-data");
            CategoryTable(doc, "personal-data-table", record.Categories, "No personal data is annotated.");
            doc.Heading(3, "Special categories (Art. 9) and criminal offence data (Art. 10)", "special-categories");
            CategoryTable(doc, "special-categories-table", record.SpecialCategories, "No special-category data is annotated.");
        }

        private static void CategoryTable(Document doc, string id, IReadOnlyList<CategoryRow> rows, string empty)
        {
            if (rows.Count == 0)
            {
                doc.Paragraph(empty, note: true);
                return;
            }

            var table = doc.Table(id, "Category", "Data subjects", "Data elements");
            foreach (var row in rows)
            {
                table.Row(RecordLabels.Category(row.Category), List(row.Subjects), List(row.Members));
            }
        }

        private static void Recipients(Document doc, ProcessingRecord record, Inventory inventory)
        {
            doc.Heading(2, "(d) Categories of recipients", "recipients");
            if (record.Recipients.Count == 0)
            {
                doc.Paragraph("No personal data reaches a classified sink outside the application." + UnclassifiedReference(inventory), note: true);
                return;
            }

            var table = doc.Table("recipients-table", "Recipient", "Region", "Third country", "Type of recipient", "Hosts", "Categories of personal data", "Purposes");
            foreach (var row in record.Recipients)
            {
                table.Row(row.Recipient, Region(row.Region, row.RegionName), row.ThirdCountry, List(row.Kinds.Select(RecordLabels.SinkKind).ToList()), List(row.Hosts), Categories(row.Categories), List(row.Purposes));
            }
        }

        /// <summary>
        /// Section (e) never states an absolute absence: it says what was found among the classified sinks, and refers to
        /// the methods that receive personal data but are not classified (where that data goes was not analysed).
        /// </summary>
        private static void Transfers(Document doc, ProcessingRecord record, Inventory inventory)
        {
            doc.Heading(2, "(e) Transfers to third countries", "transfers");
            if (record.Transfers.Count == 0)
            {
                doc.Paragraph("Among the classified sinks, no personal data is transferred outside the EEA." + UnclassifiedReference(inventory), note: true);
                return;
            }

            doc.Paragraph("These are the transfers found among the classified sinks." + UnclassifiedReference(inventory), note: true);

            var table = doc.Table("transfers-table", "Country", "Recipient", "Categories of personal data", "Basis (GDPR Chapter V)", "Justification", "Flows");
            foreach (var row in record.Transfers)
            {
                var flows = Number(row.FlowCount) + (row.BaselinedCount > 0 ? " (" + Number(row.BaselinedCount) + " baselined)" : "");
                var justification = row.Status == FlowStatus.Declared ? TransferBasis.Justification(row.Justification) : row.Justification ?? None;
                table.StatusRow(row.Status, Region(row.Region, row.RegionName), row.Recipient, Categories(row.Categories), row.Basis, justification, flows);
            }
        }

        private static void Retention(Document doc, ProcessingRecord record)
        {
            doc.Heading(2, "(f) Time limits for erasure", "retention");
            if (record.Retention.Count > 0)
            {
                var table = doc.Table("retention-table", "Category", "Data element", "Retention");
                foreach (var row in record.Retention)
                {
                    table.Row(RecordLabels.Category(row.Category), row.Member, RecordLabels.Retention(row.Retention));
                }
            }

            if (record.ElementsWithoutRetention > 0)
            {
                doc.Paragraph(
                    SummaryLine.Count(record.ElementsWithoutRetention, "data element") +
                    " without an annotated retention period: add [Retention(\"P\u2026\")] or describe the time limits here.",
                    note: true);
            }
            else if (record.Retention.Count == 0)
            {
                doc.Paragraph("No retention period is annotated.", note: true);
            }
        }

        private static void Security(Document doc)
        {
            doc.Heading(2, "(g) Technical and organisational security measures", "security");
            doc.Paragraph("Not derivable from the code: describe the Art. 32(1) measures (encryption, pseudonymisation, access control, resilience, testing) here.", note: true);
        }

        private static void Elements(Document doc, Inventory inventory)
        {
            doc.Heading(2, "Data elements", "data-elements");
            if (inventory.DataElements.Count == 0)
            {
                doc.Paragraph("No personal data is annotated.", note: true);
                return;
            }

            var table = doc.Table("data-elements-table", "Data element", "Kind", "Category", "Special category", "Subject", "Retention", "Origin", "Assembly", "Declared at");
            foreach (var e in inventory.DataElements)
            {
                table.Row(
                    e.DisplayName,
                    e.Kind ?? None,
                    e.Category is null ? None : RecordLabels.Category(e.Category),
                    e.SpecialCategory is null ? None : RecordLabels.Category(e.SpecialCategory),
                    e.Subject ?? None,
                    e.Retention is null ? None : RecordLabels.Retention(e.Retention),
                    e.Origin ?? None,
                    e.Assembly,
                    Location(e.File, e.Line));
            }
        }

        private static void Sinks(Document doc, Inventory inventory)
        {
            doc.Heading(2, "Sinks", "sinks");
            if (inventory.Sinks.Count == 0)
            {
                doc.Paragraph("No sink was found.", note: true);
                return;
            }

            var table = doc.Table("sinks-table", "Sink", "Kind", "Region", "Recipient", "Host", "EU alternative", "Purpose", "Resolved by", "Call site", "Assembly");
            foreach (var s in inventory.Sinks)
            {
                table.Row(s.Sink.DisplayName, s.Sink.Kind is null ? None : RecordLabels.SinkKind(s.Sink.Kind), SinkRegion(s.Sink), s.Sink.Recipient ?? None, s.Sink.Host ?? None, s.Sink.EuAlternative ?? None, s.Sink.Purpose ?? None, s.Sink.ResolvedBy ?? None, Location(s.File, s.Line), s.Assembly);
            }
        }

        private static void Flows(Document doc, Inventory inventory)
        {
            doc.Heading(2, "Flows", "flows");
            if (inventory.Flows.Count == 0)
            {
                doc.Paragraph("No personal data reaches a classified sink" + (inventory.Summary.UnclassifiedRecipients > 0 ? " (see \u201cNot classified\u201d for the methods that are not classified)." : "."), note: true);
                return;
            }

            var table = doc.Table("flows-table", "Status", "Personal data", "Sink", "Region", "Basis", "Path", "Method", "Location", "Assembly");
            table.Filterable = true;
            // Stable: keeps the inventory order within a status.
            var ordered = Ordering.Sorted(
                inventory.Flows,
                (a, b) => FlowStatus.Rank(a.Status).CompareTo(FlowStatus.Rank(b.Status)) is var byRank and not 0 ? byRank : Ordering.Last(a.Suppressed, b.Suppressed));
            foreach (var f in ordered)
            {
                table.StatusRow(
                    f.Status,
                    FlowStatus.Label(f.Status) + (f.Suppressed ? " (" + Treatment.Label(f.Treatment) + ")" : ""),
                    string.Join(", ", f.Sources.Select(Source)),
                    f.Sink?.DisplayName ?? None,
                    f.Sink is null ? None : SinkRegion(f.Sink),
                    Basis(f),
                    f.Path.Count == 0 ? None : string.Join(" \u2192 ", f.Path),
                    f.Method ?? None,
                    Location(f.File, f.Line),
                    f.Assembly);
            }
        }

        /// <summary>What the analysis could not classify, for the sections that would otherwise state an absence.</summary>
        private static string UnclassifiedReference(Inventory inventory)
        {
            var count = inventory.Summary.UnclassifiedRecipients;
            return count == 0
                ? " No personal data was handed to a method that is not classified (as a sink or as local)."
                : " " + SummaryLine.Count(count, "method") + (count == 1 ? " that is" : " that are") +
                  " not classified also " + (count == 1 ? "receives" : "receive") +
                  " personal data (see \u201cNot classified\u201d): where that data goes was not analysed, so transfers through " +
                  (count == 1 ? "it" : "them") + " are not excluded.";
        }

        private static void NotClassified(Document doc, Inventory inventory)
        {
            doc.Heading(2, "Not classified", "not-classified");
            if (inventory.Unclassified.Count == 0)
            {
                doc.Paragraph("Every method of a referenced assembly that receives personal data is classified, as a sink or as local.", note: true);
                return;
            }

            doc.Paragraph(
                "Personal data is handed to these methods of referenced assemblies (packages, other projects), which are neither known sinks nor known to keep data in the process. " +
                "Where the data goes from there was not analysed. Classify each in residency.json: under \u201csinks\u201d with its region if it sends data, under \u201clocal\u201d if it does not (RES008).",
                note: true);
            var table = doc.Table("not-classified-table", "Recipient (method)", "Declared in", "Personal data", "Classification", "Path", "Method", "Location", "Assembly");
            foreach (var u in inventory.Unclassified)
            {
                table.Row(
                    u.Recipient,
                    u.RecipientAssembly ?? None,
                    string.Join(", ", u.Sources.Select(Source)),
                    u.Classification + (u.Treatment != Treatment.Reported ? " (RES008 " + Treatment.Label(u.Treatment) + ")" : ""),
                    u.Path.Count == 0 ? None : string.Join(" \u2192 ", u.Path),
                    u.Method ?? None,
                    Location(u.File, u.Line),
                    u.Assembly);
            }
        }

        private static void Findings(Document doc, Inventory inventory)
        {
            if (inventory.Findings.Count == 0)
            {
                return;
            }

            doc.Heading(2, "Other findings", "findings");
            var table = doc.Table("findings-table", "Rule", "Message", "Location", "Assembly");
            foreach (var f in inventory.Findings)
            {
                table.Row(f.Rule + (f.Suppressed ? " (" + Treatment.Label(f.Treatment) + ")" : ""), f.Message ?? None, Location(f.File, f.Line), f.Assembly);
            }
        }

        public static string Basis(FlowFact flow) => flow.Status switch
        {
            FlowStatus.Violation or FlowStatus.Special => TransferBasis.Missing(flow.Sink?.EuAlternative),
            FlowStatus.Unknown => TransferBasis.UnknownRegion,
            FlowStatus.Internal => "internal endpoint (not a transfer)",
            _ when flow.Transfer is not null => TransferBasis.Describe(flow.Transfer.Mechanism) +
                (flow.Transfer.Recipient is null ? "" : ", recipient " + flow.Transfer.Recipient) +
                ": " + TransferBasis.Justification(flow.Transfer.Justification),
            _ => "region allowed by policy",
        };

        private static string Source(SourceRef s)
        {
            var categories = ProcessingRecord.CategoriesOf(s).Select(c => RecordLabels.CategoryLabel(c) ?? c).ToList();
            var flags = new List<string>(categories);
            if (s.Pseudonymised)
            {
                flags.Add("pseudonymised");
            }

            if (s.Inferred)
            {
                flags.Add("inferred");
            }

            if (s.Origin is { } origin && origin != s.DisplayName)
            {
                flags.Add("from " + origin); // a source that needs no annotation: UserManager.GetEmailAsync, residency.json, …
            }

            return s.DisplayName + " (" + string.Join(", ", flags) + ")";
        }

        /// <summary>"internal" for the application's own endpoints (not a transfer), else the region.</summary>
        private static string SinkRegion(SinkInfo sink) => sink.Internal ? "internal" : Region(sink.Region, sink.RegionName);

        /// <summary>"United States (US)", whether the analyzers named the region "United States" or "US (United States)".</summary>
        public static string Region(string? code, string? name)
        {
            if (code is null)
            {
                return name ?? "Unknown";
            }

            if (name is null || name == code)
            {
                return code;
            }

            if (name.StartsWith(code + " (", System.StringComparison.Ordinal) && name.EndsWith(")", System.StringComparison.Ordinal))
            {
                return name.Substring(code.Length + 2, name.Length - code.Length - 3) + " (" + code + ")";
            }

            return name.IndexOf("(" + code + ")", System.StringComparison.Ordinal) >= 0 ? name : name + " (" + code + ")";
        }

        public static string Location(string? file, int? line) =>
            file is null ? None : line is null ? file : file + ":" + Number(line.Value);

        private static string List(IReadOnlyList<string> items) => items.Count == 0 ? None : string.Join(", ", items);

        /// <summary>Categories as a DPO reads them: <c>E-mail address (contact.email), Name (name)</c>.</summary>
        private static string Categories(IReadOnlyList<string> keys) => List(keys.Select(RecordLabels.Category).ToList());

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
