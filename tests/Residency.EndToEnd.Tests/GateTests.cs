using System.IO;
using System.Text.RegularExpressions;

namespace Residency.EndToEnd.Tests
{
    /// <summary>The CI gate and the baseline.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class GateTests(PackageFixture package)
    {
        private const string Build = "build -nologo -v:m -p:UseSharedCompilation=false -nodeReuse:false";

        private const string Violating = """
            using Residency;
            public class Customer
            {
                [PersonalData("contact.email")] public string Email { get; set; } = "";
                [PersonalData("name")] public string Name { get; set; } = "";
            }
            public class Crm { [DataSink("US", Recipient = "Acme CRM Inc.")] public void Send(string s) { } }
            public class Service
            {
                public void Known(Customer c, Crm crm) => crm.Send(c.Email);
            }
            """;

        [Fact]
        public void CiEnvironmentFailsTheBuildWithErrorRes001()
        {
            var project = PackageFixture.WriteProject(package.NewWorkspace("ci"), "App", Violating);
            var result = DotNet.Run(project, Build, ("CI", "true"));
            Assert.NotEqual(0, result.ExitCode);
            Assert.Matches(new Regex(@"Code\.cs\(10,\d+\): error RES001"), result.Output);
            Assert.Contains("Residency: 1 violation", result.Output);
        }

        [Fact]
        public void TurningTheGateOnFailsAnUpToDateBuild()
        {
            // A local build, then the same tree with the gate on (CI=true with a kept obj/, or -p:ResidencyEnforce=true):
            // the compilation would be up to date, and the gate, which works through WarningsAsErrors, would never run.
            var project = PackageFixture.WriteProject(package.NewWorkspace("gate-incremental"), "App", Violating);
            var local = DotNet.Run(project, Build);
            Assert.True(local.ExitCode == 0, local.ToString());
            Assert.Contains("warning RES001", local.Output);

            var gated = DotNet.Run(project, Build + " -p:ResidencyEnforce=true");
            Assert.NotEqual(0, gated.ExitCode);
            Assert.Matches(new Regex(@"Code\.cs\(10,\d+\): error RES001"), gated.Output);

            var ci = DotNet.Run(project, Build, ("CI", "true"));
            Assert.NotEqual(0, ci.ExitCode);
            Assert.Contains("error RES001", ci.Output);

            // The gate off again: the compiler runs again and the build passes with the warning.
            var off = DotNet.Run(project, Build);
            Assert.True(off.ExitCode == 0, off.ToString());
            Assert.Contains("warning RES001", off.Output);
        }

        [Fact]
        public void EnforceFalsePassesUnderCi()
        {
            var project = PackageFixture.WriteProject(package.NewWorkspace("noenforce"), "App", Violating);
            var result = DotNet.Run(project, Build + " -p:ResidencyEnforce=false", ("CI", "true"));
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("warning RES001", result.Output);
        }

        [Fact]
        public void ContinuousIntegrationBuildPropertyEnforces()
        {
            var project = PackageFixture.WriteProject(package.NewWorkspace("cib"), "App", Violating);
            var result = DotNet.Run(project, Build + " -p:ContinuousIntegrationBuild=true");
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("error RES001", result.Output);
        }

        [Fact]
        public void BaselineSuppressesKnownFindingsAndCatchesNewOnes()
        {
            var project = PackageFixture.WriteProject(package.NewWorkspace("baseline"), "App", Violating);

            // 1. The documented command writes the baseline from the current findings (even under CI).
            var write = DotNet.Run(project, Build + " -p:ResidencyUpdateBaseline=true", ("CI", "true"));
            Assert.True(write.ExitCode == 0, write.ToString());
            var baseline = Path.Combine(project, "residency-baseline.json");
            Assert.True(File.Exists(baseline), write.ToString());

            // 2. An unrelated edit above the finding: still known, the gate passes.
            File.WriteAllText(Path.Combine(project, "Code.cs"), "// a comment that moves every line down\n\n" + Violating);
            var known = DotNet.Run(project, Build, ("CI", "true"));
            Assert.True(known.ExitCode == 0, known.ToString());
            Assert.DoesNotContain("error RES001", known.Output);

            // 3. A new finding fails the gate; the known one still does not.
            File.WriteAllText(Path.Combine(project, "Code.cs"), Violating.Replace(
                "public void Known(Customer c, Crm crm) => crm.Send(c.Email);",
                "public void Known(Customer c, Crm crm) => crm.Send(c.Email);\n    public void Added(Customer c, Crm crm) => crm.Send(c.Name);"));
            var added = DotNet.Run(project, Build, ("CI", "true"));
            Assert.NotEqual(0, added.ExitCode);
            Assert.Matches(new Regex(@"error RES001: Personal data Customer\.Name"), added.Output);
            Assert.DoesNotMatch(new Regex(@"error RES001: Personal data Customer\.Email"), added.Output);
        }
    }
}
