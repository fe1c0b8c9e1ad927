using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Residency.Analyzers.Json;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// The record does not depend on warnings: severity settings, NoWarn, #pragma and an error log change what the
    /// build prints, never what inventory.json lists (docs/inventory.md, "Findings and their treatment").
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class RecordIndependenceTests(PackageFixture package)
    {
        private const string Build = "build -nologo -v:m -p:UseSharedCompilation=false -nodeReuse:false";

        private const string Code = """
            using Residency;
            public class Customer
            {
                [PersonalData("contact.email")] public string Email { get; set; } = "";
                [PersonalData("name")] public string Name { get; set; } = "";
            }
            public class Crm { [DataSink("US", Recipient = "Acme CRM Inc.")] public void Send(string s) { } }
            public class Service
            {
            #pragma warning disable RES001
                public void Hidden(Customer c, Crm crm) => crm.Send(c.Name);
            #pragma warning restore RES001
                public void Shown(Customer c, Crm crm) => crm.Send(c.Email);
            }
            """;

        [Fact]
        public void SampleSilencedInEditorConfigListsTheSameFlows()
        {
            var (plain, plainResult) = BuildSample("plain", editorConfig: null);
            var (silenced, silencedResult) = BuildSample("silenced", editorConfig: "root = true\n[*.cs]\ndotnet_diagnostic.RES001.severity = none\ndotnet_diagnostic.RES005.severity = none\n");

            Assert.Contains("warning RES001", plainResult.Output);
            Assert.DoesNotContain("warning RES001", silencedResult.Output);

            var before = Flows(plain);
            var after = Flows(silenced);
            Assert.NotEmpty(before);
            Assert.Equal(before.Select(Identity), after.Select(Identity));
            Assert.Contains(after, f => f.GetString("status") == "violation" && f.GetString("treatment") == "suppressed-by-configuration");
            Assert.Contains(after, f => f.GetString("status") == "declared" && f.GetString("treatment") == "suppressed-by-configuration");
            Assert.Matches(new Regex(@"Residency: 4 violations, 1 declared transfer, \d+ unknown endpoints?, \d+ silenced flows? \(listed in the inventory all the same\)"), silencedResult.Output);
        }

        [Fact]
        public void NoWarnAndPragmaAreRecordedAsTreatments()
        {
            var project = PackageFixture.WriteProject(package.NewWorkspace("nowarn"), "App", Code);
            var result = DotNet.Run(project, Build + " -p:NoWarn=RES001");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain("warning RES001", result.Output);
            var flows = Flows(project);
            Assert.Equal(2, flows.Count);
            Assert.All(flows, f => Assert.Equal("suppressed-by-configuration", f.GetString("treatment")));

            // NoWarn is not an input of the compilation: recompile so that the warnings are printed again.
            var again = DotNet.Run(project, Build + " --no-incremental -p:NoWarn=");
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Matches(new Regex(@"Code\.cs\(13,\d+\): warning RES001"), again.Output);
            Assert.DoesNotMatch(new Regex(@"Code\.cs\(11,\d+\): warning RES001"), again.Output);
            flows = Flows(project);
            Assert.Equal("suppressed-in-source", flows.Single(f => f.GetString("method")!.Contains("Hidden")).GetString("treatment"));
            Assert.Equal("reported", flows.Single(f => f.GetString("method")!.Contains("Shown")).GetString("treatment"));
        }

        [Fact]
        public void NoErrorLogIsPassedToTheCompilerButAUsersOwnStillGetsTheRules()
        {
            var project = PackageFixture.WriteProject(package.NewWorkspace("errorlog"), "App", Code);
            var result = DotNet.Run(project, "build -nologo -v:d -p:UseSharedCompilation=false -nodeReuse:false");
            Assert.True(result.ExitCode == 0, result.ToString());
            // The csc command line (logged at this verbosity) has the analyzer options, and no error log.
            Assert.Contains("/analyzerconfig:", result.Output);
            Assert.DoesNotContain("/errorlog:", result.Output);
            Assert.True(File.Exists(Path.Combine(project, "obj", "Debug", "net10.0", "residency.facts.json")));
            Assert.Equal(2, Flows(project).Count);

            var sarif = Path.Combine(project, "own.sarif");
            var own = DotNet.Run(project, Build + " --no-incremental -p:ErrorLog=own.sarif%2Cversion=2.1");
            Assert.True(own.ExitCode == 0, own.ToString());
            var log = File.ReadAllText(sarif);
            Assert.Contains("\"RES001\"", log);
            Assert.DoesNotContain("RES900", log);
            Assert.Equal(2, Flows(project).Count);
        }

        private (string Sample, CommandResult Result) BuildSample(string name, string? editorConfig)
        {
            var workspace = package.NewWorkspace(name);
            var sample = Path.Combine(workspace, "SupportDesk");
            DotNet.CopyDirectory(Path.Combine(DotNet.RepositoryRoot, "samples", "SupportDesk"), sample);
            if (editorConfig is not null)
            {
                File.WriteAllText(Path.Combine(sample, ".editorconfig"), editorConfig);
            }

            var result = DotNet.Run(sample, $"{Build} -p:ResidencyPackageVersion={PackageFixture.Version}");
            Assert.True(result.ExitCode == 0, result.ToString());
            return (sample, result);
        }

        private static IReadOnlyList<JsonNode> Flows(string projectDirectory) =>
            JsonParser.Parse(File.ReadAllText(Path.Combine(projectDirectory, "bin", "Debug", "net10.0", "residency", "inventory.json"))).Get("flows")!.Items;

        private static string Identity(JsonNode flow) =>
            string.Join("|", flow.GetString("status"), flow.GetString("rule"), flow.GetString("method"), flow.Get("sink")?.GetString("id"), flow.GetString("file"), flow.GetString("line"), flow.GetString("fingerprint"));
    }
}
