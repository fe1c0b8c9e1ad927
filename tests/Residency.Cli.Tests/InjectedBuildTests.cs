using System.IO;
using System.Linq;
using Residency.Cli.Scanning;

namespace Residency.Cli.Tests
{
    /// <summary>The build <c>scan</c> starts: the repository's own build, with the package injected through global properties.</summary>
    public sealed class InjectedBuildTests
    {
        private static ScanTarget Target()
        {
            var folder = Path.Combine(Path.GetTempPath(), "residency-cli-tests", System.Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(folder);
            var project = Path.Combine(folder, "App.csproj");
            File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\" />");
            return ScanTarget.Resolve(project);
        }

        [Fact]
        public void InjectsThePackageAndInfersByDefault()
        {
            var target = Target();

            var arguments = InjectedBuild.Arguments(target, new ScanOptions(), "/out/residency");

            Assert.Equal("build", arguments[0]);
            Assert.Equal(target.Path, arguments[1]);
            Assert.Contains("--no-incremental", arguments);
            Assert.Contains("-nodeReuse:false", arguments);
            Assert.Contains("-p:CustomAfterMicrosoftCommonProps=" + Path.Combine(InjectedBuild.PackageDirectory, "cli", "Residency.Cli.props"), arguments);
            Assert.Contains("-p:CustomAfterMicrosoftCommonTargets=" + Path.Combine(InjectedBuild.PackageDirectory, "cli", "Residency.Cli.targets"), arguments);
            Assert.Contains("-p:ResidencyCliOutput=/out/residency" + Path.DirectorySeparatorChar, arguments);
            Assert.Contains("-p:ResidencyInferPersonalData=true", arguments);
            Assert.Contains("-p:ResidencyEnforce=false", arguments);
            Assert.DoesNotContain(arguments, a => a.StartsWith("-p:ErrorLog", System.StringComparison.Ordinal));
        }

        [Fact]
        public void NoInferAndExtraProperties()
        {
            var arguments = InjectedBuild.Arguments(Target(), new ScanOptions { Infer = false, Configuration = "Release", Properties = new[] { "ResidencyAllowedRegions=EEA" } }, "/out");

            Assert.Contains("-p:ResidencyInferPersonalData=false", arguments);
            Assert.Equal("Release", arguments[arguments.ToList().IndexOf("-c") + 1]);
            Assert.Equal("-p:ResidencyAllowedRegions=EEA", arguments.Last());
        }

        [Fact]
        public void TheToolCarriesThePackageLayout()
        {
            foreach (var file in new[] { "cli/Residency.Cli.props", "cli/Residency.Cli.targets", "build/Residency.Analyzers.targets", "build/Residency.Analyzers.props", "analyzers/dotnet/cs/Residency.Analyzers.dll", "tasks/netstandard2.0/Residency.Build.dll" })
            {
                Assert.True(File.Exists(Path.Combine(InjectedBuild.PackageDirectory, file)), file);
            }
        }
    }
}
