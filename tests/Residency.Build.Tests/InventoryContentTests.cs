using System.IO;
using System.Linq;
using Xunit;

namespace Residency.Build.Tests
{
    public class InventoryContentTests
    {
        [Fact]
        public void Writes_the_four_files()
        {
            using var project = new TestProject().WithFixture();
            var (task, engine) = project.Run();

            foreach (var file in new[] { "inventory.json", "inventory.md", "inventory.html", "inventory.csv" })
            {
                Assert.True(File.Exists(project.Output(file)), file);
            }

            Assert.Empty(engine.Warnings);
            Assert.Equal(project.Output("inventory.json"), task.InventoryFile);
            Assert.Equal(4, task.WrittenFiles.Length);
        }

        [Fact]
        public void Json_lists_every_flow_with_status_location_and_assembly()
        {
            using var project = new TestProject().WithFixture();
            project.Run();
            var inventory = Json.Load(project.Output("inventory.json"));

            Assert.Equal("1", inventory.Str("schemaVersion"));
            Assert.Equal("Sample", inventory.Str("assembly"));
            var flows = inventory.Array("flows");
            Assert.Equal(7, flows.Count);
            Assert.All(flows, f => Assert.Equal("Sample", f.Str("assembly")));
            Assert.Equal(2, inventory.WithStatus("violation").Count());
            Assert.Single(inventory.WithStatus("special"));
            Assert.Single(inventory.WithStatus("unknown"));
            Assert.Single(inventory.WithStatus("declared"));
            Assert.Single(inventory.WithStatus("allowed"));
            Assert.Single(inventory.WithStatus("internal"));

            var violation = flows.Single(f => f.Str("fingerprint") == "3f1a9c0e5b7d2a41c6e8f0b1d2c3a4e5");
            Assert.Equal("RES001", violation.Str("rule"));
            Assert.Equal("Services/CustomerService.cs", violation.Str("file"));
            Assert.Equal("42", violation.Str("line"));
            Assert.Equal("13", violation.Str("column"));
            Assert.Equal("Sample.CustomerService.Sync(Customer)", violation.Str("method"));
            Assert.Equal(new[] { "Sync", "Forward", "UsCrm.Send" }, violation.Array("path").Select(p => p.Text));
            Assert.Equal("Acme CRM", violation.Get("sink")!.Str("recipient"));
            Assert.Equal("US", violation.Get("sink")!.Str("region"));
            Assert.Equal("Sample.Customer.Email", violation.Array("sources").Single().Str("id"));
            Assert.Equal("false", violation.Str("baselined"));

            var suppressed = flows.Single(f => f.Str("fingerprint") == "0b2d4f6b8d0f2b4d6f8b0d2f4b6d8f0b");
            Assert.Equal("true", suppressed.Str("baselined"));

            var declared = inventory.WithStatus("declared").Single();
            Assert.Equal("StandardContractualClauses", declared.Get("transfer")!.Str("mechanism"));
            Assert.Equal(new[] { "Sample.Customer.Email", "Sample.Customer.Name" }, declared.Array("sources").Select(s => s.Str("id")));
        }

        [Fact]
        public void Json_lists_every_annotated_element_even_without_a_flow()
        {
            using var project = new TestProject().WithFixture();
            project.Run();
            var inventory = Json.Load(project.Output("inventory.json"));
            var elements = inventory.Array("dataElements");

            Assert.Equal(
                new[] { "Sample.Customer.BirthDate", "Sample.Customer.Email", "Sample.Customer.Name", "Sample.Customer.Phone", "Sample.Employee.UserName", "Sample.Patient.Diagnosis" },
                elements.Select(e => e.Str("id")));
            var email = elements.Single(e => e.Str("id") == "Sample.Customer.Email");
            Assert.Equal("P7Y", email.Str("retention"));
            Assert.Equal("Models/Customer.cs", email.Str("file"));
            Assert.Equal("AspNetCore.Identity", elements.Single(e => e.Str("id") == "Sample.Employee.UserName").Str("origin"));
            Assert.Equal("health", elements.Single(e => e.Str("id") == "Sample.Patient.Diagnosis").Str("specialCategory"));
        }

        [Fact]
        public void Json_has_sinks_policy_transfers_findings_and_summary()
        {
            using var project = new TestProject().WithFixture();
            // The policy as the analyzers parsed ResidencyAllowedRegions="EEA; Adequate; CH".
            File.WriteAllText(project.Facts, File.ReadAllText(project.Facts).Replace("\"Adequate\"\n  ]", "\"Adequate\",\n    \"CH\"\n  ]"));
            project.Run(t =>
            {
                t.Enforce = true;
                t.AllowedRegions = "EEA; Adequate; CH";
                t.Controller = "Example GmbH, Berlin, privacy@example.com";
            });
            var inventory = Json.Load(project.Output("inventory.json"));

            Assert.Equal(new[] { "EEA", "Adequate", "CH" }, inventory.Get("policy")!.Array("allowedRegions").Select(r => r.Text));
            Assert.Equal("true", inventory.Get("policy")!.Str("enforce"));
            Assert.Equal("Example GmbH, Berlin, privacy@example.com", inventory.Str("controller"));

            var sinks = inventory.Array("sinks").Select(s => s.Str("display")).ToList();
            Assert.Contains("UsCrm.Send", sinks);
            Assert.Contains("ChatClient.CompleteChat", sinks);
            Assert.Contains("HttpClient.GetStringAsync", sinks);
            Assert.Equal(5, sinks.Count);
            Assert.Equal("Integrations/UsCrm.cs", inventory.Array("sinks").Single(s => s.Str("display") == "UsCrm.Send").Str("file"));
            Assert.Equal("eu.api.openai.com", inventory.Array("sinks").Single(s => s.Str("display") == "ChatClient.CompleteChat").Str("euAlternative"));

            var transfer = inventory.Array("declaredTransfers").Single();
            Assert.Equal("US", transfer.Str("region"));
            Assert.Equal("United States", transfer.Str("regionName"));
            Assert.Equal("OpenAI", transfer.Str("recipient"));
            Assert.Equal("1", transfer.Str("flowCount"));

            var findings = inventory.Array("findings");
            Assert.Equal(new[] { "RES006", "RES004" }, findings.Select(f => f.Str("rule")));
            Assert.DoesNotContain(findings, f => f.Str("rule") == "CS8618");

            var summary = inventory.Get("summary")!;
            Assert.Equal("2", summary.Str("violations"));
            Assert.Equal("1", summary.Str("specialCategoryViolations"));
            Assert.Equal("1", summary.Str("unknownEndpoints"));
            Assert.Equal("1", summary.Str("declaredTransfers"));
            Assert.Equal("1", summary.Str("baselined"));
            Assert.Equal("7", summary.Str("flows"));
            Assert.Equal("6", summary.Str("dataElements"));
        }

        [Fact]
        public void Summary_line_and_outputs()
        {
            using var project = new TestProject().WithFixture();
            var (task, engine) = project.Run();

            var expected = "Residency: 2 violations, 1 declared transfer, 1 unknown endpoint \u2014 inventory: " +
                Path.Combine("bin", "residency", "inventory.html");
            var summary = Assert.Single(engine.Messages, m => m.Message!.StartsWith("Residency: ", System.StringComparison.Ordinal) && m.Message.Contains("inventory:"));
            Assert.Equal(expected, summary.Message);
            Assert.Equal(Microsoft.Build.Framework.MessageImportance.High, summary.Importance);
            Assert.Equal(2, task.ViolationCount);
            Assert.Equal(1, task.DeclaredTransferCount);
            Assert.Equal(1, task.UnknownEndpointCount);
        }

        [Fact]
        public void Summary_line_uses_the_absolute_path_when_that_is_shorter()
        {
            using var project = new TestProject().WithFixture();
            var deep = Path.Combine(project.Root, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w");
            var (_, engine) = project.Run(t => t.StartupDirectory = deep);
            var line = engine.Messages.Single(m => m.Message!.Contains("inventory:")).Message!;
            Assert.EndsWith("inventory: " + project.Output("inventory.html"), line);
        }

        [Fact]
        public void Files_outside_the_project_are_relative_with_forward_slashes()
        {
            using var project = new TestProject();
            var outside = new System.Uri(Path.Combine(Path.GetDirectoryName(project.Root)!, "shared code", "Linked.cs")).AbsoluteUri;
            project.WithFacts(new FactsBuilder()
                .Flow("RES001", outside, 5, FactsBuilder.FlowData("violation", "Sample.Customer.Email", "Customer.Email", "contact.email", "UsCrm.Send", "US"))
                .ToString());
            project.Run();

            Assert.Equal("../shared code/Linked.cs", Json.Load(project.Output("inventory.json")).Array("flows").Single().Str("file"));
        }

        [Fact]
        public void Allowed_regions_come_from_the_analyzers_parse_not_the_raw_property()
        {
            // The analyzers drop entries that are not region codes (and report RES004): the record must not list them.
            using var project = new TestProject().WithFixture();
            project.Run(t => t.AllowedRegions = "EEA;Adequate;Mars");

            var policy = Json.Load(project.Output("inventory.json")).Get("policy")!;
            Assert.Equal(new[] { "EEA", "Adequate" }, policy.Array("allowedRegions").Select(r => r.Text));
        }

        [Fact]
        public void Without_facts_the_property_is_read_dropping_what_is_not_a_region()
        {
            Assert.Equal(new[] { "EEA", "CH" }, GenerateResidencyInventory.ParseRegions("EEA;Mars;CH"));
        }

        [Fact]
        public void Allowed_regions_default_to_EEA_and_Adequate()
        {
            Assert.Equal(new[] { "EEA", "Adequate" }, GenerateResidencyInventory.ParseRegions(null));
            Assert.Equal(new[] { "EU", "CH" }, GenerateResidencyInventory.ParseRegions(" EU ;CH;eu;"));
        }
    }
}
