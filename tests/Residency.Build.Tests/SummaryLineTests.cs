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
