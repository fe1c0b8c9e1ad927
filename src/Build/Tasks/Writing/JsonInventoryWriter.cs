using Residency.Analyzers.Json;
using Residency.Build.Model;
using Residency.Facts;

namespace Residency.Build.Writing
{
    /// <summary>Writes <c>inventory.json</c> (schema: <c>schemas/inventory.schema.json</c>, <c>schemaVersion</c> 1).</summary>
    internal static class JsonInventoryWriter
    {
        public static string Write(Inventory inventory) => TextSpill.ToText(w => Write(inventory, w));

        /// <summary>Streams <c>inventory.json</c> to <paramref name="output"/> (the task writes it to disk without a string of the whole file).</summary>
        public static void Write(Inventory inventory, System.IO.TextWriter output)
        {
            var w = new JsonWriter(output);
            w.StartObject();
            w.Property("schemaVersion", Inventory.SchemaVersion);
            w.Property("generator", inventory.Generator);
            w.Property("assembly", inventory.Assembly);
            w.Name("policy");
            w.StartObject();
            w.Name("allowedRegions");
            w.StartArray();
            foreach (var region in inventory.AllowedRegions)
            {
                w.Value(region);
            }

            w.EndArray();
            w.Property("enforce", inventory.Enforce);
            w.EndObject();
            w.Property("controller", inventory.Controller);
            w.Property("dataProtectionOfficer", inventory.DataProtectionOfficer);
            w.Name("assemblies");
            w.StartArray();
            foreach (var assembly in inventory.Assemblies)
            {
                w.Value(assembly);
            }

            w.EndArray();
            Summary(w, inventory.Summary);
            w.Name("dataElements");
            w.StartArray();
            foreach (var element in inventory.DataElements)
            {
                FactJsonWriter.Element(w, element);
            }

            w.EndArray();
            w.Name("sinks");
            w.StartArray();
            foreach (var sink in inventory.Sinks)
            {
                FactJsonWriter.SinkEntry(w, sink);
            }

            w.EndArray();
            w.Name("flows");
            w.StartArray();
            foreach (var flow in inventory.Flows)
            {
                FactJsonWriter.Flow(w, flow);
            }

            w.EndArray();
            w.Name("unclassified");
            w.StartArray();
            foreach (var call in inventory.Unclassified)
            {
                FactJsonWriter.Unclassified(w, call);
            }

            w.EndArray();
            w.Name("declaredTransfers");
            w.StartArray();
            foreach (var transfer in inventory.DeclaredTransfers)
            {
                FactJsonWriter.DeclaredTransfer(w, transfer);
            }

            w.EndArray();
            w.Name("findings");
            w.StartArray();
            foreach (var finding in inventory.Findings)
            {
                FactJsonWriter.Finding(w, finding);
            }

            w.EndArray();
            w.Name("notes");
            w.StartArray();
            foreach (var note in inventory.Notes)
            {
                w.Value(note);
            }

            w.EndArray();
            w.EndObject();
            w.Finish();
        }

        private static void Summary(JsonWriter w, InventorySummary s)
        {
            w.Name("summary");
            w.StartObject();
            w.Property("dataElements", s.DataElements);
            w.Property("specialCategoryElements", s.SpecialCategoryElements);
            w.Property("sinks", s.Sinks);
            w.Property("flows", s.Flows);
            w.Property("violations", s.Violations);
            w.Property("specialCategoryViolations", s.SpecialCategoryViolations);
            w.Property("unknownEndpoints", s.UnknownEndpoints);
            w.Property("declaredTransfers", s.DeclaredTransfers);
            w.Property("unclassifiedRecipients", s.UnclassifiedRecipients);
            w.Property("baselined", s.Baselined);
            w.Property("silenced", s.Silenced);
            w.Property("unannotatedCandidates", s.UnannotatedCandidates);
            w.Name("flowsByStatus");
            w.StartObject();
            foreach (var pair in s.FlowsByStatus)
            {
                w.Property(pair.Status, pair.Count);
            }

            w.EndObject();
            w.EndObject();
        }
    }
}
