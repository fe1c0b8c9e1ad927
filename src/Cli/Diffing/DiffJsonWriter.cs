using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Residency.Build.Model;
using Residency.Facts;

namespace Residency.Cli.Diffing
{
    /// <summary>The diff as JSON (<c>--format json</c>), for bots and dashboards.</summary>
    internal static class DiffJsonWriter
    {
        public static string Write(InventoryDiff diff)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteBoolean("addsViolationOrUnknownEndpoint", diff.Fails);
                w.WriteStartObject("summary");
                Summary(w, "base", diff.Old.Summary);
                Summary(w, "head", diff.New.Summary);
                w.WriteEndObject();
                Flows(w, "addedFlows", diff.AddedFlows);
                Flows(w, "removedFlows", diff.RemovedFlows);
                w.WriteStartArray("changedFlows");
                foreach (var change in diff.ChangedFlows)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("before");
                    Flow(w, change.Old);
                    w.WritePropertyName("after");
                    Flow(w, change.New);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                Recipients(w, "addedRecipients", diff.AddedRecipients);
                Recipients(w, "removedRecipients", diff.RemovedRecipients);
                Strings(w, "addedThirdCountries", diff.AddedThirdCountries);
                Strings(w, "removedThirdCountries", diff.RemovedThirdCountries);
                Strings(w, "addedCategories", diff.AddedCategories);
                Strings(w, "removedCategories", diff.RemovedCategories);
                Transfers(w, "addedDeclaredTransfers", diff.AddedTransfers);
                Transfers(w, "removedDeclaredTransfers", diff.RemovedTransfers);
                w.WriteStartArray("changedRegions");
                foreach (var change in diff.ChangedRegions)
                {
                    w.WriteStartObject();
                    w.WriteString("sink", change.Sink);
                    w.WriteString("recipient", change.Recipient);
                    w.WriteString("before", change.OldRegion);
                    w.WriteString("after", change.NewRegion);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                Flows(w, "newViolations", diff.NewViolations);
                Strings(w, "newUnknownEndpoints", diff.NewUnknownEndpoints);
                w.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static void Summary(Utf8JsonWriter w, string name, InventorySummary s)
        {
            w.WriteStartObject(name);
            w.WriteNumber("flows", s.Flows);
            w.WriteNumber("violations", s.Violations);
            w.WriteNumber("unknownEndpoints", s.UnknownEndpoints);
            w.WriteNumber("declaredTransfers", s.DeclaredTransfers);
            w.WriteNumber("dataElements", s.DataElements);
            w.WriteNumber("sinks", s.Sinks);
            w.WriteEndObject();
        }

        private static void Flows(Utf8JsonWriter w, string name, IEnumerable<FlowFact> flows)
        {
            w.WriteStartArray(name);
            foreach (var flow in flows)
            {
                Flow(w, flow);
            }

            w.WriteEndArray();
        }

        private static void Flow(Utf8JsonWriter w, FlowFact f)
        {
            w.WriteStartObject();
            w.WriteString("assembly", f.Assembly);
            w.WriteString("status", f.Status);
            w.WriteString("rule", f.Rule);
            w.WriteString("method", f.Method);
            Strings(w, "sources", f.Sources.Select(s => s.Id));
            Strings(w, "categories", f.Sources.SelectMany(s => new[] { s.Category, s.SpecialCategory }).Where(c => c is not null).Select(c => c!).Distinct());
            w.WriteString("sink", f.Sink?.DisplayName);
            w.WriteString("recipient", f.Sink?.RecipientName);
            w.WriteString("region", f.Sink?.Region);
            w.WriteString("transferMechanism", f.Transfer?.Mechanism);
            w.WriteString("file", f.File);
            if (f.Line is { } line)
            {
                w.WriteNumber("line", line);
            }
            else
            {
                w.WriteNull("line");
            }

            w.WriteString("treatment", f.Treatment);
            w.WriteEndObject();
        }

        private static void Recipients(Utf8JsonWriter w, string name, IEnumerable<Recipient> recipients)
        {
            w.WriteStartArray(name);
            foreach (var r in recipients)
            {
                w.WriteStartObject();
                w.WriteString("recipient", r.Name);
                w.WriteString("region", r.Region);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        private static void Transfers(Utf8JsonWriter w, string name, IEnumerable<DeclaredTransfer> transfers)
        {
            w.WriteStartArray(name);
            foreach (var t in transfers)
            {
                w.WriteStartObject();
                w.WriteString("region", t.Region);
                w.WriteString("mechanism", t.Mechanism);
                w.WriteString("recipient", t.Recipient);
                w.WriteString("justification", t.Justification);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
        {
            w.WriteStartArray(name);
            foreach (var value in values)
            {
                w.WriteStringValue(value);
            }

            w.WriteEndArray();
        }
    }
}
