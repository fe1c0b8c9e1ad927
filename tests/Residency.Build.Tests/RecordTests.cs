using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Residency.Build.Tests
{
    public class RecordTests
    {
        private static readonly string[] Sections =
        {
            "(a) Controller",
            "(b) Purposes of the processing",
            "(c) Categories of data subjects and of personal data",
            "(d) Categories of recipients",
            "(e) Transfers to third countries",
            "(f) Time limits for erasure",
            "(g) Technical and organisational security measures",
        };

        [Fact]
        public void Html_has_the_Art_30_sections_and_the_record_content()
        {
            using var project = new TestProject().WithFixture();
            project.Run(t => t.Controller = "Example GmbH");
            var html = File.ReadAllText(project.Output("inventory.html"));

            foreach (var section in Sections)
            {
                Assert.Contains(">" + section + "</h2>", html);
            }

            Assert.Contains("Example GmbH", html);
            Assert.Contains("Customer relationship management", html); // (b) purpose
            Assert.Contains("Ticket summarisation", html);
            Assert.Contains("<td>patient</td>", html); // (c) subject
            Assert.Contains("<td>Health data (health)</td>", html); // (c) special category, labelled, with its key
            Assert.Contains("Standard contractual clauses (Art. 46(2)(c))", html); // (e) declared basis
            Assert.Contains("no basis declared", html); // (e) violation
            Assert.Contains("<td>7 years (P7Y)</td>", html); // (f) in words
            Assert.Contains("until the treatment ends", html);
            Assert.Contains("Services/CustomerService.cs:42", html); // flow table
            Assert.Contains("data-status=\"violation\"", html);
        }

        [Fact]
        public void Html_is_self_contained()
        {
            using var project = new TestProject().WithFixture();
            project.Run();
            var html = File.ReadAllText(project.Output("inventory.html"));

            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.Single(Regex.Matches(html, "<script"));
            Assert.Single(Regex.Matches(html, "<style"));
            Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
            Assert.DoesNotContain("<link", html);
            Assert.DoesNotContain("@import", html);
            Assert.Contains("@media print", html);
            Assert.Contains("default-src 'none'", html);
        }

        [Fact]
        public void Html_and_markdown_escape_hostile_names()
        {
            using var project = new TestProject();
            project.WithFacts(new FactsBuilder()
                .Flow("RES001", project.ProjectUri + "/A.cs", 3, FactsBuilder.FlowData("violation", "S.C.<script>alert(1)</script>", "C.<script>alert(1)</script>", "a|b", "Crm.Send", "US", "R&D <Corp>"))
                .Element(project.ProjectUri + "/C.cs", 1, FactsBuilder.ElementData("S.C.<script>alert(1)</script>", "C.<script>alert(1)</script>"))
                .ToString());
            project.Run();

            var html = File.ReadAllText(project.Output("inventory.html"));
            Assert.DoesNotContain("<script>alert", html);
            Assert.Contains("C.&lt;script&gt;alert(1)&lt;/script&gt;", html);
            Assert.Contains("R&amp;D &lt;Corp&gt;", html);
            Assert.Single(Regex.Matches(html, "<script"));

            var md = File.ReadAllText(project.Output("inventory.md"));
            Assert.DoesNotContain("<script>", md);
            Assert.Contains("C.\\<script\\>alert(1)\\</script\\>", md);
            Assert.Contains("a\\|b", md);

            var json = File.ReadAllText(project.Output("inventory.json"));
            Assert.DoesNotContain("<script>", json);
        }

        [Fact]
        public void Markdown_has_the_Art_30_sections_and_a_flow_table()
        {
            using var project = new TestProject().WithFixture();
            project.Run();
            var md = File.ReadAllText(project.Output("inventory.md")).Split('\n');

            Assert.StartsWith("# Record of processing activities", md[0]);
            foreach (var section in Sections)
            {
                Assert.Contains("## " + section, md);
            }

            Assert.Contains("## Flows", md);
            var flowRows = md.SkipWhile(l => l != "## Flows").Skip(4).TakeWhile(l => l.StartsWith('|')).ToList();
            Assert.Equal(7, flowRows.Count);
            Assert.StartsWith("| violation |", flowRows[0]);
            Assert.StartsWith("| internal |", flowRows[^1]);
            Assert.Contains(md, l => l.Contains("[to be completed: set the MSBuild property ResidencyController]".Replace("[", "\\[").Replace("]", "\\]")));
        }

        [Fact]
        public void Transfers_section_lists_violations_without_basis_and_declared_transfers_with_theirs()
        {
            using var project = new TestProject().WithFixture();
            project.Run();
            var md = File.ReadAllText(project.Output("inventory.md")).Split('\n');
            var transfers = md.SkipWhile(l => l != "## (e) Transfers to third countries").Skip(4).TakeWhile(l => l.StartsWith('|')).ToList();

            Assert.Contains(transfers, l => l.StartsWith("| United States (US) | Acme CRM | E-mail address (contact.email), Phone number (contact.phone\\_number) | no basis declared |", System.StringComparison.Ordinal) && l.EndsWith("| 2 (1 baselined) |", System.StringComparison.Ordinal));
            Assert.Contains(transfers, l => l.StartsWith("| United States (US) | OpenAI | Health data (health) | no basis declared (EU endpoint available: eu.api.openai.com) |", System.StringComparison.Ordinal));
            Assert.Contains(transfers, l => l.Contains("| OpenAI | E-mail address (contact.email), Name (name) | Standard contractual clauses (Art. 46(2)(c)) | DPA signed 2024-03-01, TIA on file | 1 |"));
            Assert.Contains(transfers, l => l.Contains("Unknown") && l.Contains("api.unknown-vendor.io"));
            Assert.DoesNotContain(transfers, l => l.Contains("Germany") || l.Contains("ordering-api"));
        }
    
        [Theory]
        [InlineData("TODO: reference the signed SCCs", "UNJUSTIFIED: no justification recorded; a person must document this basis (placeholder \u201cTODO: reference the signed SCCs\u201d)")]
        [InlineData("   ", "UNJUSTIFIED: no justification recorded; a person must document this basis")]
        [InlineData("SCCs module 2 signed 2026-03-01, DPA ref. 42", "SCCs module 2 signed 2026-03-01, DPA ref. 42")]
        public void A_declared_transfer_without_a_persons_justification_is_shown_as_unjustified(string justification, string shown)
        {
            using var project = new TestProject();
            project.WithFacts(new FactsBuilder()
                .Flow("RES005", project.ProjectUri + "/A.cs", 3, FactsBuilder.FlowData("declared", "S.Customer.Email", "Customer.Email", "contact.email", "Crm.Send", "US", "Acme CRM", justification))
                .ToString());
            project.Run();

            var md = File.ReadAllText(project.Output("inventory.md")).Split('\n');
            var transfers = md.SkipWhile(l => l != "## (e) Transfers to third countries").Skip(4).TakeWhile(l => l.StartsWith('|')).ToList();
            var row = Assert.Single(transfers);
            Assert.Contains("| Standard contractual clauses (Art. 46(2)(c)) | " + shown + " | 1 |", row);

            var html = File.ReadAllText(project.Output("inventory.html"));
            Assert.Equal(shown.StartsWith("UNJUSTIFIED", System.StringComparison.Ordinal), html.Contains("UNJUSTIFIED"));
        }
    }
}
