using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Residency.EndToEnd.Tests
{
    /// <summary>The inventory the build writes, on the sample and on purpose-built projects.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class InventoryTests(PackageFixture package)
    {
        private const string Build = "build -nologo -v:m -p:UseSharedCompilation=false -nodeReuse:false";

        [Fact]
        public void SampleWritesTheFourFilesWithItsRealFlows()
        {
            var (sample, result) = BuildSample("inventory");
            var directory = Path.Combine(sample, "bin", "Debug", "net10.0", "residency");
            foreach (var file in new[] { "inventory.json", "inventory.md", "inventory.html", "inventory.csv" })
            {
                Assert.True(File.Exists(Path.Combine(directory, file)), $"{file} missing\n{result}");
            }

            Assert.Matches(new Regex(@"Residency: 6 violations, 1 declared transfer, \d+ unknown endpoints? — inventory: .*inventory\.html"), result.Output);

            var json = File.ReadAllText(Path.Combine(directory, "inventory.json"));
            Assert.Contains("\"schemaVersion\": 1", json);
            Assert.Contains("\"status\": \"violation\"", json);
            Assert.Contains("\"status\": \"special\"", json);
            Assert.Contains("\"status\": \"declared\"", json);
            Assert.Contains("\"status\": \"allowed\"", json);
            Assert.Contains("StandardContractualClauses", json);
            // Every annotated element, even one that never reaches a sink.
            Assert.Contains("Customer.Phone", json);

            var csv = File.ReadAllLines(Path.Combine(directory, "inventory.csv"));
            Assert.Equal("assembly,status,rule,sources,categories,special_categories,sink,sink_kind,recipient,host,region,mechanism,justification,path,method,file,line,treatment,origins", csv[0]);
            Assert.Contains(csv, line => line.Contains("Acme CRM Inc.") && line.Contains(",violation,"));

            var markdown = File.ReadAllText(Path.Combine(directory, "inventory.md"));
            Assert.Contains("(e) Transfers to third countries", markdown);
            Assert.Contains("Mixpanel", markdown);
        }

        [Fact]
        public void RebuildingGivesIdenticalBytesAndDoesNotRewrite()
        {
            var (sample, _) = BuildSample("determinism");
            var directory = Path.Combine(sample, "bin", "Debug", "net10.0", "residency");
            var files = Directory.GetFiles(directory).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            var before = files.Select(File.ReadAllBytes).ToArray();
            var times = files.Select(File.GetLastWriteTimeUtc).ToArray();

            // Force a recompilation (fresh facts) without cleaning the output directory.
            File.SetLastWriteTimeUtc(Path.Combine(sample, "Program.cs"), DateTime.UtcNow);
            var again = DotNet.Run(sample, Build + " -p:ResidencyPackageVersion=" + PackageFixture.Version);
            Assert.Contains("SupportDesk ->", again.Output);
            Assert.True(again.ExitCode == 0, again.ToString());
            for (int i = 0; i < files.Length; i++)
            {
                Assert.Equal(before[i], File.ReadAllBytes(files[i]));
                Assert.Equal(times[i], File.GetLastWriteTimeUtc(files[i]));
            }
        }

        [Fact]
        public void InventoryCanBeTurnedOff()
        {
            var (sample, result) = BuildSample("off", "-p:ResidencyInventory=false");
            Assert.False(Directory.Exists(Path.Combine(sample, "bin", "Debug", "net10.0", "residency")), result.ToString());
            Assert.Contains("warning RES001", result.Output);
        }

        [Fact]
        public void TheAnalyzersAloneReportWhatTheDefaultBuildReports()
        {
            // Without the inventory a command-line build still builds the analyzers' indexes in full (the recipient rule
            // rules bodies out there too): the same warnings, at the same places.
            var (plain, plainResult) = BuildSample("alone-plain");
            var (alone, aloneResult) = BuildSample("alone", "-p:ResidencyInventory=false");
            Assert.NotEmpty(Warnings(plainResult, plain));
            Assert.Equal(Warnings(plainResult, plain), Warnings(aloneResult, alone));
            Assert.Contains("build_property._ResidencyCommandLineBuild = true", EditorConfig(alone));
            Assert.Matches(new Regex(@"build_property\._ResidencyFactsFile = \r?\n"), EditorConfig(alone));
        }

        [Fact]
        public void DesignTimeBuildsAreNotCommandLineBuilds()
        {
            var project = PackageFixture.WriteProject(package.NewWorkspace("design-time"), "App", "public class C { }");
            var restore = DotNet.Run(project, "restore -nologo");
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var result = DotNet.Run(project, "msbuild -nologo -v:m -nodeReuse:false -t:GenerateMSBuildEditorConfigFile -p:DesignTimeBuild=true");
            Assert.True(result.ExitCode == 0, result.ToString());
            var config = EditorConfig(project);
            Assert.Matches(new Regex(@"build_property\._ResidencyCommandLineBuild = \r?\n"), config);
            Assert.DoesNotContain("_ResidencyCommandLineBuild = true", config);
        }

        private static string EditorConfig(string projectDirectory) =>
            File.ReadAllText(Directory.GetFiles(Path.Combine(projectDirectory, "obj", "Debug", "net10.0"), "*.GeneratedMSBuildEditorConfig.editorconfig").Single());

        private static string[] Warnings(CommandResult result, string projectDirectory) =>
            result.Output.Split('\n')
                .Select(line => Regex.Match(line, @"(?<file>[^\s]+\.cs)\((?<line>\d+),(?<column>\d+)\): warning (?<id>RES0\d\d)"))
                .Where(m => m.Success)
                .Select(m => $"{Path.GetRelativePath(projectDirectory, m.Groups["file"].Value)}({m.Groups["line"].Value},{m.Groups["column"].Value}) {m.Groups["id"].Value}")
                .Distinct()
                .OrderBy(w => w, StringComparer.Ordinal)
                .ToArray();

        [Fact]
        public void ReferencedProjectsAreMergedWithTheirAssemblyName()
        {
            var workspace = package.NewWorkspace("merge");
            PackageFixture.WriteProject(workspace, "Crm", """
                using Residency;
                namespace Crm;
                public class Contact { [PersonalData("contact.email", Subject = "prospect")] public string Email { get; set; } = ""; }
                public class CrmClient
                {
                    [DataSink("US", Recipient = "Acme CRM Inc.")] public void Push(string email) { }
                    public void Sync(Contact contact) => Push(contact.Email);
                }
                """);
            var app = PackageFixture.WriteProject(workspace, "App", """
                using Residency;
                public class Patient { [SpecialCategoryData("health")] public string Diagnosis { get; set; } = ""; }
                public class Archive { [DataSink("DE", Recipient = "Archive GmbH")] public void Store(string s) { } }
                public class Service { public void Run(Patient p, Archive a) => a.Store(p.Diagnosis); }
                """, extraItems: """<ProjectReference Include="../Crm/Crm.csproj" />""");

            var result = DotNet.Run(app, Build);
            Assert.True(result.ExitCode == 0, result.ToString());
            var json = File.ReadAllText(Path.Combine(app, "bin", "Debug", "net10.0", "residency", "inventory.json"));
            Assert.Contains("Contact.Email", json);
            Assert.Contains("Patient.Diagnosis", json);
            Assert.Contains("\"assembly\": \"Crm\"", json);
            Assert.Contains("\"assembly\": \"App\"", json);
        }

        private (string Sample, CommandResult Result) BuildSample(string name, string extra = "")
        {
            var workspace = package.NewWorkspace(name);
            var sample = Path.Combine(workspace, "SupportDesk");
            DotNet.CopyDirectory(Path.Combine(DotNet.RepositoryRoot, "samples", "SupportDesk"), sample);
            var result = DotNet.Run(sample, $"{Build} -p:ResidencyPackageVersion={PackageFixture.Version} {extra}");
            Assert.True(result.ExitCode == 0, result.ToString());
            return (sample, result);
        }
    }
}
