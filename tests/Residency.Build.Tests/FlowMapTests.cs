using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Residency.Build.Tests
{
    /// <summary>The data-flow map of inventory.html: categories → recipients → countries, third countries highlighted.</summary>
    public class FlowMapTests
    {
        [Fact]
        public void Html_draws_the_map_with_every_category_recipient_and_country()
        {
            using var project = new TestProject().WithFixture();
            project.Run();
            var html = File.ReadAllText(project.Output("inventory.html"));

            var svg = Regex.Match(html, "<svg class=\"flow-map\".*?</svg>", RegexOptions.Singleline);
            Assert.True(svg.Success, "no map");
            var doc = XDocument.Parse(svg.Value); // well-formed: it renders the same in every browser
            XNamespace ns = "http://www.w3.org/2000/svg";
            var texts = doc.Descendants(ns + "text").Select(t => t.Value).ToList();
            Assert.Contains("Personal data", texts);
            Assert.Contains("Recipients", texts);
            Assert.Contains("Countries", texts);
            Assert.Contains("E-mail address", texts);
            Assert.Contains("Acme CRM", texts);
            Assert.Contains("United States (US)", texts);

            var edges = doc.Descendants(ns + "path").Where(p => ((string?)p.Attribute("class"))?.Contains("edge") == true && p.Parent?.Name == ns + "svg").ToList();
            Assert.NotEmpty(edges);
            Assert.Contains(edges, e => ((string)e.Attribute("class")!).Contains("edge-violation"));

            // The United States is a third country: highlighted; an EEA country is not.
            var third = doc.Descendants(ns + "g").Where(g => (string?)g.Attribute("class") == "node third").Select(g => g.Element(ns + "title")!.Value).ToList();
            Assert.Contains(third, t => t.StartsWith("United States (US)"));
            Assert.DoesNotContain(third, t => t.Contains("Germany"));

            Assert.Contains("<a href=\"#map\">Data-flow map</a>", html);
        }

        [Fact]
        public void No_external_flow_no_map()
        {
            using var project = new TestProject();
            project.WithFacts(new FactsBuilder()
                .Element(project.ProjectUri + "/C.cs", 1, FactsBuilder.ElementData("S.Customer.Email", "Customer.Email"))
                .ToString());
            project.Run();
            var html = File.ReadAllText(project.Output("inventory.html"));
            Assert.DoesNotContain("<svg", html);
            Assert.DoesNotContain("Data-flow map", File.ReadAllText(project.Output("inventory.md")));
        }

        [Fact]
        public void Table_cells_are_never_broken_mid_word()
        {
            using var project = new TestProject().WithFixture();
            project.Run();
            var html = File.ReadAllText(project.Output("inventory.html"));
            Assert.DoesNotContain("overflow-wrap: anywhere", html);
            Assert.DoesNotContain("word-break: break-all", html);
            Assert.Contains("word-break: normal", html);
        }

        [Fact]
        public void Markdown_refers_to_the_map()
        {
            using var project = new TestProject().WithFixture();
            project.Run();
            var md = File.ReadAllText(project.Output("inventory.md"));
            Assert.Contains("## Data-flow map", md);
            Assert.Contains("The map is drawn in inventory.html", md);
            // Counted in words a reader expects: one third country, two categories (never "1 third countries").
            Assert.Matches(@"categories \u2192 recipients \u2192 countries\): \d+ categor(y|ies), \d+ recipients?, \d+ third countr(y|ies)\.", md);
            Assert.DoesNotMatch(@"\b1 (categories|recipients|third countries)\b", md);
            Assert.DoesNotMatch(@"\b([02-9]|\d\d+) (category|recipient|third country)\b", md);
        }
    }
}
