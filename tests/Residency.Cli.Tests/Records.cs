using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Residency.Build;
using Residency.Build.Model;
using Residency.Facts;
using Residency.Build.Reading;
using Residency.Build.Writing;

namespace Residency.Cli.Tests
{
    /// <summary>Builds inventories with the task's own builder and writer, as a build would write them.</summary>
    internal static class Records
    {
        public static SourceRef Email => new() { Id = "Shop.Customer.Email", Member = "Customer.Email", Category = "contact.email", Subject = "customer" };

        public static SourceRef Name => new() { Id = "Shop.Customer.FullName", Member = "Customer.FullName", Category = "name", Subject = "customer" };

        public static SourceRef Health => new() { Id = "Shop.Patient.Notes", Member = "Patient.Notes", SpecialCategory = "health", Subject = "patient" };

        public static SinkInfo Crm(string region = "US") => new()
        {
            Id = "Shop.CrmClient.UpsertAsync", Kind = "annotation", Display = "CrmClient.UpsertAsync", Region = region, Recipient = "Acme CRM Inc.",
        };

        public static SinkInfo Mail => new() { Id = "http:api.sendgrid.com", Kind = "http", Display = "HTTP POST api.sendgrid.com", Host = "api.sendgrid.com", Region = "US", Recipient = "Twilio SendGrid" };

        public static SinkInfo Store => new() { Id = "Shop.Store.Save", Kind = "annotation", Display = "Store.Save", Region = "DE", Recipient = "Example DB GmbH" };

        public static SinkInfo Tracker => new() { Id = "http:track.example.io", Kind = "http", Display = "HTTP POST track.example.io", Host = "track.example.io", Region = "Unknown" };

        public static FlowFact FlowOf(string status, SinkInfo sink, string method, int line, params SourceRef[] sources) => new()
        {
            Assembly = "Shop",
            Status = status,
            Rule = FlowStatus.ToRule(status),
            Sources = sources,
            Sink = sink,
            Method = method,
            Path = new[] { method },
            File = "Services/" + method.Split('.')[0] + ".cs",
            Line = line,
            Column = 9,
            Fingerprint = status + ":" + method + ":" + sink.Id,
        };

        public static Inventory Make(params FlowFact[] flows)
        {
            var facts = new FactSet();
            facts.Flows.AddRange(flows);
            foreach (var source in flows.SelectMany(f => f.Sources))
            {
                facts.Elements.Add(new DataElement
                {
                    Id = source.Id, Member = source.Member, ContainingType = source.Id.Substring(0, source.Id.LastIndexOf('.')), Kind = "property",
                    Category = source.Category, SpecialCategory = source.SpecialCategory, Subject = source.Subject, Origin = "Residency", Assembly = "Shop",
                });
            }

            return InventoryBuilder.Build(facts, new InventoryOptions { Assembly = "Shop", Generator = "Residency.Analyzers 0.1.0" });
        }

        /// <summary>Writes the inventory as <c>inventory.json</c> in a new temporary folder and returns the file.</summary>
        public static string Write(Inventory inventory)
        {
            var directory = Path.Combine(Path.GetTempPath(), "residency-cli-tests", Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, "inventory.json");
            File.WriteAllText(path, JsonInventoryWriter.Write(inventory));
            return path;
        }

        public static string WriteText(string text, string name = "inventory.json")
        {
            var directory = Path.Combine(Path.GetTempPath(), "residency-cli-tests", Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, text);
            return path;
        }
    }
}
