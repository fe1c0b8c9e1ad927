using System.IO;
using System.Linq;
using System.Text.Json;
using Residency.Cli.Scanning;

namespace Residency.Cli.Tests
{
    public sealed class SarifMergerTests
    {
        private static string Log(string tool, params string[] ruleIds)
        {
            var results = string.Join(",", ruleIds.Select(id => $$"""{ "ruleId": "{{id}}", "level": "warning", "message": { "text": "{{id}} here" } }"""));
            var rules = string.Join(",", ruleIds.Distinct().Select(id => $$"""{ "id": "{{id}}" }"""));
            return Records.WriteText($$"""
                { "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "{{tool}}", "rules": [ {{rules}} ] } }, "results": [ {{results}} ] } ] }
                """, "compiler.sarif");
        }

        [Fact]
        public void KeepsOneRunPerCompilationAndOnlyResidencyRules()
        {
            var first = Log("Microsoft (R) Visual C# Compiler", "RES001", "CS0168", "RES900", "CA1822", "RES006");
            var second = Log("Microsoft (R) Visual C# Compiler", "RES003", "RES901");
            var destination = Path.Combine(Path.GetDirectoryName(first)!, "residency.sarif");

            var count = SarifMerger.Merge(new[] { first, second, first, "missing.sarif" }, destination, _ => { });

            Assert.Equal(3, count);
            using var document = JsonDocument.Parse(File.ReadAllText(destination));
            Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
            var runs = document.RootElement.GetProperty("runs").EnumerateArray().ToList();
            Assert.Equal(2, runs.Count);
            Assert.Equal(new[] { "RES001", "RES006" }, runs[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()));
            Assert.Equal(new[] { "RES001", "RES006" }, runs[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
            Assert.Equal(new[] { "RES003" }, runs[1].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()));
        }

        [Fact]
        public void UnreadableLogIsAWarningNotAFailure()
        {
            var broken = Records.WriteText("{ not json", "compiler.sarif");
            var destination = Path.Combine(Path.GetDirectoryName(broken)!, "residency.sarif");
            string? warning = null;

            var count = SarifMerger.Merge(new[] { broken }, destination, w => warning = w);

            Assert.Equal(0, count);
            Assert.Contains("not a readable SARIF log", warning);
            Assert.True(File.Exists(destination));
        }
    }
}
