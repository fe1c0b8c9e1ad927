using System.IO;
using System.Linq;
using Residency.Facts;
using Xunit;

namespace Residency.Build.Tests
{
    /// <summary>The record's "Not classified" section: calls that hand personal data to methods nobody classified.</summary>
    public class UnclassifiedTests
    {
        private static TestProject WithUnclassified(TestProject project, string treatment = Treatment.Reported) => project.WithFacts(new FactsBuilder()
            .Flow(null, project.ProjectUri + "/A.cs", 3, FactsBuilder.FlowData("allowed", "Sample.Customer.Email", "Customer.Email", "contact.email", "EuCrm.Send", "DE"))
            .Unclassified("Contoso.Vendor.CrmSdk.Push", project.ProjectUri + "/Services/Sync.cs", 12, "Sample.Customer.Email", "Customer.Email")
            .Unclassified("Contoso.Vendor.CrmSdk.Push", project.ProjectUri + "/Services/Sync.cs", 20, "Sample.Customer.Name", "Customer.Name", "name")
            .Unclassified("Acme.Analytics.Tracker.Track", project.ProjectUri + "/Services/Sync.cs", 30, "Sample.Customer.Email", "Customer.Email", treatment: treatment)
            .ToString());

        [Fact]
        public void Listed_in_the_json_and_counted_by_distinct_recipient()
        {
            using var project = WithUnclassified(new TestProject());
            project.Run();

            var inventory = Json.Load(project.Output("inventory.json"));
            var calls = inventory.Array("unclassified");
            Assert.Equal(3, calls.Count);
            Assert.Equal(new[] { "Acme.Analytics.Tracker.Track", "Contoso.Vendor.CrmSdk.Push", "Contoso.Vendor.CrmSdk.Push" }, calls.Select(c => c.Str("recipient")));
            Assert.All(calls, c => Assert.Equal("not classified", c.Str("classification")));
            Assert.Equal("Services/Sync.cs", calls[1].Str("file"));
            Assert.Equal("Sample", calls[1].Str("assembly"));
            Assert.Equal("2", inventory.Get("summary")!.Str("unclassifiedRecipients"));
            Assert.Single(inventory.Array("flows")); // not flows

            var errors = SchemaTests.Validator().Validate(inventory);
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        [Fact]
        public void Counted_in_the_summary_line()
        {
            using var project = WithUnclassified(new TestProject());
            var (_, engine) = project.Run();
            Assert.Contains(engine.Messages, m => m.Message!.StartsWith("Residency: 0 violations, 0 declared transfers, 0 unknown endpoints, 2 unclassified recipients \u2014 inventory: ", System.StringComparison.Ordinal));
        }

        [Fact]
        public void The_summary_line_does_not_mention_them_when_there_are_none()
        {
            using var project = new TestProject().WithFixture();
            var (_, engine) = project.Run();
            Assert.DoesNotContain(engine.Messages, m => m.Message!.Contains("unclassified", System.StringComparison.Ordinal));
            Assert.Empty(Json.Load(project.Output("inventory.json")).Array("unclassified"));
        }

        [Fact]
        public void The_record_has_a_Not_classified_section_and_section_e_refers_to_it()
        {
            using var project = WithUnclassified(new TestProject(), treatment: Treatment.SuppressedByConfiguration);
            project.Run();

            foreach (var file in new[] { "inventory.md", "inventory.html" })
            {
                var text = File.ReadAllText(project.Output(file));
                Assert.Contains("Not classified", text);
                Assert.Contains("Contoso.Vendor.CrmSdk.Push", text);
                Assert.Contains("Acme.Analytics.Tracker.Track", text);
                Assert.Contains("Among the classified sinks, no personal data is transferred outside the EEA.", text);
                Assert.Contains("2 methods that are not classified also receive personal data", text);
                Assert.Contains("2 unclassified recipients", text); // the summary paragraph
                Assert.DoesNotContain("No personal data is transferred outside the EEA.", text);
            }

            // Silencing RES008 in the build does not take a call out of the record.
            Assert.Contains("not classified (RES008 ", File.ReadAllText(project.Output("inventory.md")));
        }

        [Fact]
        public void Section_e_never_states_an_absolute_absence()
        {
            using var project = new TestProject().WithFacts(new FactsBuilder()
                .Flow(null, "file:///A.cs", 3, FactsBuilder.FlowData("allowed", "Sample.Customer.Email", "Customer.Email", "contact.email", "EuCrm.Send", "DE"))
                .ToString());
            project.Run();

            var md = File.ReadAllText(project.Output("inventory.md"));
            Assert.Contains("Among the classified sinks, no personal data is transferred outside the EEA. No personal data was handed to a method that is not classified", md);
            Assert.DoesNotContain("No personal data is transferred outside the EEA.", md);
            Assert.Contains("Every method of a referenced assembly that receives personal data is classified", md);
        }

        [Fact]
        public void Transfers_found_are_qualified_as_those_among_the_classified_sinks()
        {
            using var project = new TestProject();
            project.WithFacts(new FactsBuilder()
                .Flow("RES001", project.ProjectUri + "/A.cs", 3, FactsBuilder.FlowData("violation", "Sample.Customer.Email", "Customer.Email", "contact.email", "UsCrm.Send", "US", "Acme"))
                .Unclassified("Contoso.Vendor.CrmSdk.Push", project.ProjectUri + "/B.cs", 12, "Sample.Customer.Email", "Customer.Email")
                .ToString());
            project.Run();

            var md = File.ReadAllText(project.Output("inventory.md"));
            Assert.Contains("These are the transfers found among the classified sinks. 1 method that is not classified also receives personal data", md);
        }

        [Fact]
        public void Without_flows_the_record_still_refers_to_what_was_not_classified()
        {
            using var project = new TestProject();
            project.WithFacts(new FactsBuilder()
                .Unclassified("Contoso.Vendor.CrmSdk.Push", project.ProjectUri + "/B.cs", 12, "Sample.Customer.Email", "Customer.Email")
                .ToString());
            project.Run();

            var md = File.ReadAllText(project.Output("inventory.md"));
            Assert.Contains("No personal data reaches a classified sink outside the application. 1 method that is not classified also receives personal data", md); // (d)
            Assert.Contains("No personal data reaches a classified sink (see \u201cNot classified\u201d", md); // flow table
        }

        [Fact]
        public void Csv_has_a_row_per_call()
        {
            using var project = WithUnclassified(new TestProject());
            project.Run();

            var rows = File.ReadAllLines(project.Output("inventory.csv"));
            Assert.Equal(1 + 1 + 3, rows.Length);
            Assert.Contains("Sample,unclassified,RES008,Sample.Customer.Email,contact.email,,Contoso.Vendor.CrmSdk.Push,unclassified,,,,,,Run > Contoso.Vendor.CrmSdk.Push,Sample.Service.Run(),Services/Sync.cs,12,reported", rows);
        }

        [Fact]
        public void Merged_from_referenced_inventories()
        {
            using var lib = WithUnclassified(new TestProject("Contoso.Lib"));
            lib.Run();
            using var app = new TestProject().WithFixture();
            app.Run(t => t.ReferencedInventories = new[] { TestProject.Item(lib.Output("inventory.json"), "Contoso.Lib") });

            var inventory = Json.Load(app.Output("inventory.json"));
            Assert.Equal(3, inventory.Array("unclassified").Count(c => c.Str("assembly") == "Contoso.Lib"));
            Assert.Equal("2", inventory.Get("summary")!.Str("unclassifiedRecipients"));
        }
    }
}
