using Residency.Build.Model;
using Residency.Facts;
using Residency.Build.Util;
using Residency.Build.Writing;
using Xunit;

namespace Residency.Build.Tests
{
    public class SummaryLineTests
    {
        [Theory]
        [InlineData(3, 2, 1, "Residency: 3 violations, 2 declared transfers, 1 unknown endpoint \u2014 inventory: bin/x.html")]
        [InlineData(1, 1, 0, "Residency: 1 violation, 1 declared transfer, 0 unknown endpoints \u2014 inventory: bin/x.html")]
        [InlineData(0, 0, 2, "Residency: 0 violations, 0 declared transfers, 2 unknown endpoints \u2014 inventory: bin/x.html")]
        public void Counts_are_pluralised(int violations, int transfers, int unknown, string expected)
        {
            var summary = new InventorySummary { Violations = violations, DeclaredTransfers = transfers, UnknownEndpoints = unknown };
            Assert.Equal(expected, SummaryLine.Format(summary, "bin/x.html"));
        }

        [Fact]
        public void A_first_build_with_no_flow_says_where_to_start()
        {
            Assert.Equal(
                "Residency: 0 flows found \u2014 19 members look like personal data but are not annotated (RES006): see bin/x.html, or set ResidencyInferPersonalData=true",
                SummaryLine.Format(new InventorySummary { UnannotatedCandidates = 19 }, "bin/x.html"));
            Assert.Equal(
                "Residency: 0 flows found \u2014 1 member looks like personal data but is not annotated (RES006): see bin/x.html, or set ResidencyInferPersonalData=true",
                SummaryLine.Format(new InventorySummary { UnannotatedCandidates = 1 }, "bin/x.html"));

            // Once flows are found, the usual counts (the candidates stay listed in the inventory).
            Assert.StartsWith("Residency: 1 violation,", SummaryLine.Format(new InventorySummary { Flows = 1, Violations = 1, UnannotatedCandidates = 4 }, "bin/x.html"));
            Assert.StartsWith("Residency: 0 violations,", SummaryLine.Format(new InventorySummary(), "bin/x.html"));
        }

        // A field test's first build said only "0 flows found — 2 members look like personal data" although four calls
        // handed personal data to SDKs nobody classified: those counts are kept.
        [Fact]
        public void No_flow_but_unclassified_recipients_keeps_the_counts()
        {
            Assert.Equal(
                "Residency: 0 violations, 0 declared transfers, 0 unknown endpoints, 4 unclassified recipients; 0 flows found: 2 members look like personal data but are not annotated (RES006) \u2014 inventory: bin/x.html",
                SummaryLine.Format(new InventorySummary { UnannotatedCandidates = 2, UnclassifiedRecipients = 4 }, "bin/x.html"));
        }

        [Fact]
        public void Relative_paths_use_forward_slashes_and_parent_segments()
        {
            var root = System.IO.Path.GetTempPath();
            var file = System.IO.Path.Combine(root, "a", "b", "c.cs");
            Assert.Equal("a/b/c.cs", PathUtil.ToRelative(file, root));
            Assert.Equal("../b/c.cs", PathUtil.ToRelative(file, System.IO.Path.Combine(root, "a", "x")));
        }

        [Theory]
        [InlineData("US", "United States", "United States (US)")]
        [InlineData("US", "US (United States)", "United States (US)")]
        [InlineData("US", "United States (US)", "United States (US)")]
        [InlineData("EU", "EU", "EU")]
        [InlineData("Unknown", null, "Unknown")]
        [InlineData(null, null, "Unknown")]
        public void Regions_read_as_name_and_code(string? code, string? name, string expected)
        {
            Assert.Equal(expected, RecordDocumentBuilder.Region(code, name));
        }
    }
}
