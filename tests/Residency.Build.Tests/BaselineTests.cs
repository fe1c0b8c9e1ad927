using System.IO;
using System.Linq;
using Xunit;

namespace Residency.Build.Tests
{
    public class BaselineTests
    {
        [Fact]
        public void UpdateBaseline_writes_all_RES001_to_RES004_findings_sorted()
        {
            using var project = new TestProject().WithFixture();
            var baseline = Path.Combine(project.Root, "residency-baseline.json");
            var (_, engine) = project.Run(t =>
            {
                t.UpdateBaseline = true;
                t.BaselinePath = baseline;
            });

            var root = Json.Load(baseline);
            Assert.Equal("1", root.Str("schemaVersion"));
            var findings = root.Array("findings");
            Assert.Equal(new[] { "RES001", "RES001", "RES002", "RES003", "RES004" }, findings.Select(f => f.Str("rule")).OrderBy(r => r, System.StringComparer.Ordinal));
            var fingerprints = findings.Select(f => f.Str("fingerprint")!).ToList();
            Assert.Equal(fingerprints.OrderBy(f => f, System.StringComparer.Ordinal), fingerprints);
            Assert.Contains("0b2d4f6b8d0f2b4d6f8b0d2f4b6d8f0b", fingerprints); // the suppressed one stays in the baseline

            var violation = findings.Single(f => f.Str("fingerprint") == "3f1a9c0e5b7d2a41c6e8f0b1d2c3a4e5");
            Assert.Equal("Sample.CustomerService.Sync(Customer)", violation.Str("method"));
            Assert.Equal("UsCrm.Send", violation.Str("sink"));
            Assert.Equal(new[] { "Sample.Customer.Email" }, violation.Array("sources").Select(s => s.Text));

            var invalid = findings.Single(f => f.Str("rule") == "RES004");
            // No fingerprint in the RES004 result: the analyzers' FNV-1a recipe over (rule, message), reproducible by a suppressor.
            Assert.Equal("83ae9bcfc33eab37", invalid.Str("fingerprint"));
            Assert.Empty(invalid.Array("sources"));

            Assert.Contains(engine.Messages, m => m.Message == "Residency: wrote 5 findings to the baseline " + baseline);
        }

        [Fact]
        public void Baseline_defaults_to_the_project_directory_and_is_stable()
        {
            using var project = new TestProject().WithFixture();
            project.Run(t => t.UpdateBaseline = true);
            var baseline = Path.Combine(project.Root, "residency-baseline.json");
            var first = File.ReadAllBytes(baseline);

            var (_, engine) = project.Run(t => t.UpdateBaseline = true);

            Assert.Equal(first, File.ReadAllBytes(baseline));
            Assert.Contains(engine.Messages, m => m.Message!.Contains("is up to date (5 findings)"));
        }

        [Fact]
        public void Baseline_is_not_written_without_UpdateBaseline()
        {
            using var project = new TestProject().WithFixture();
            project.Run();
            Assert.False(File.Exists(Path.Combine(project.Root, "residency-baseline.json")));
        }

        [Fact]
        public void Baseline_is_left_alone_when_the_error_log_is_unreadable()
        {
            using var project = new TestProject().WithFacts("garbage");
            var baseline = Path.Combine(project.Root, "residency-baseline.json");
            File.WriteAllText(baseline, "{\"schemaVersion\":1,\"findings\":[{\"fingerprint\":\"keep\"}]}");

            var (_, engine) = project.Run(t => t.UpdateBaseline = true);

            Assert.Contains("keep", File.ReadAllText(baseline));
            Assert.Equal(2, engine.Warnings.Count(w => w.Code == "RES010"));
        }

        [Fact]
        public void Suppressed_results_are_marked_baselined_and_not_counted()
        {
            using var project = new TestProject();
            project.WithFacts(new FactsBuilder()
                .Flow("RES001", project.ProjectUri + "/A.cs", 3, FactsBuilder.FlowData("violation", "S.C.Email", "C.Email", "contact.email", "UsCrm.Send", "US", fingerprint: "aa"), treatment: Residency.Facts.Treatment.Baselined)
                .Flow("RES003", project.ProjectUri + "/A.cs", 9, FactsBuilder.FlowData("unknown", "S.C.Email", "C.Email", "contact.email", "Http.Get", "Unknown", fingerprint: "bb"), treatment: Residency.Facts.Treatment.Baselined)
                .ToString());
            var (task, engine) = project.Run();

            Assert.All(Json.Load(project.Output("inventory.json")).Array("flows"), f => Assert.Equal("true", f.Str("baselined")));
            Assert.Equal(0, task.ViolationCount);
            Assert.Contains(engine.Messages, m => m.Message!.StartsWith("Residency: 0 violations, 0 declared transfers, 0 unknown endpoints \u2014 inventory: ", System.StringComparison.Ordinal));
        }
    }
}
