using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// The analyzers' ReadyToRun images (docs/architecture.md, "The analyzers' ReadyToRun images"): a command-line build
    /// on the .NET 10 SDK hands csc the image for the SDK's runtime identifier instead of the portable assembly,
    /// <c>ResidencyAnalyzersReadyToRun=false</c> and design-time builds keep the portable one, and both report the same
    /// diagnostics and write the same inventory, byte for byte.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class AnalyzerImageTests(PackageFixture package)
    {
        // -v:d: the csc command line is in the log. A fresh csc: no compiler server shared with other tests.
        private const string Build = "build -nologo -v:d -tl:off -p:UseSharedCompilation=false -nodeReuse:false";

        private const string Code = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Residency;
            public class Customer { [PersonalData("contact.email")] public string Email { get; set; } = ""; [PersonalData("name")] public string Name { get; set; } = ""; public string Nickname { get; set; } = ""; }
            public class Exporter
            {
                private readonly HttpClient _http = new();
                public Task Export(Customer c) => _http.PostAsync("https://api.openai.com/v1/responses", new StringContent(c.Email + c.Name));
                public Task Local(Customer c) => _http.PostAsync("https://eu.api.openai.com/v1/responses", new StringContent(c.Email));
                public Task Unknown(Customer c) => _http.PostAsync("https://crm.example.net/contacts", new StringContent(c.Name));
            }
            """;

        [Fact]
        public void CommandLineBuildsHandCscTheImageAndThePortableAnalyzersReportTheSame()
        {
            var workspace = package.NewWorkspace("analyzer-image");
            var image = PackageFixture.WriteProject(workspace, "Image", Code);
            var portable = PackageFixture.WriteProject(workspace, "Portable", Code, extraProperties: "<ResidencyAnalyzersReadyToRun>false</ResidencyAnalyzersReadyToRun>");
            var rid = TaskImageTests.SdkRuntime(image);

            var withImage = DotNet.Run(image, Build);
            Assert.True(withImage.ExitCode == 0, withImage.ToString());
            var withPortable = DotNet.Run(portable, Build);
            Assert.True(withPortable.ExitCode == 0, withPortable.ToString());

            Assert.Equal(new[] { "analyzers/dotnet/cs/Residency.Analyzers.dll" }, ResidencyAnalyzers(withPortable));
            if (TaskImageTests.ImageRuntimes.Contains(rid))
            {
                // One analyzer assembly of ours, the image: never the portable one beside it, nor the images of other machines.
                Assert.Equal(new[] { $"images/net10.0/{rid}/Residency.Analyzers.dll" }, ResidencyAnalyzers(withImage));
            }
            else
            {
                // A machine the package ships no image for: the portable analyzers, with no error.
                Assert.Equal(new[] { "analyzers/dotnet/cs/Residency.Analyzers.dll" }, ResidencyAnalyzers(withImage));
            }

            // The code fixes stay where they are (csc finds no analyzer in them); the compiler loads both without a complaint.
            Assert.DoesNotContain("CS8034", withImage.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("AD0001", withImage.Output, StringComparison.Ordinal);
            Assert.Equal(Diagnostics(withPortable), Diagnostics(withImage));
            Assert.Contains(Diagnostics(withImage), d => d.StartsWith("RES001", StringComparison.Ordinal));
            Assert.Contains(Diagnostics(withImage), d => d.StartsWith("RES003", StringComparison.Ordinal));

            var imageFiles = TaskImageTests.Inventory(image);
            var portableFiles = TaskImageTests.Inventory(portable);
            Assert.Equal(new[] { "inventory.csv", "inventory.html", "inventory.json", "inventory.md" }, imageFiles.Select(Path.GetFileName).ToArray());
            foreach (var (a, b) in imageFiles.Zip(portableFiles))
            {
                // The project's name differs (Image, Portable); everything else is the same bytes.
                Assert.Equal(File.ReadAllText(a).Replace("Image", "Portable", StringComparison.Ordinal), File.ReadAllText(b));
            }
        }

        [Fact]
        public void DesignTimeBuildsKeepThePortableAnalyzers()
        {
            // What the IDE loads: the analyzer items of a design-time build, after the target that swaps them in a build.
            var workspace = package.NewWorkspace("analyzer-image-ide");
            var project = PackageFixture.WriteProject(workspace, "App", Code);
            var restore = DotNet.Run(project, "restore -nologo");
            Assert.True(restore.ExitCode == 0, restore.ToString());

            var designTime = DotNet.Run(project, "msbuild -nologo -t:ResolveLockFileAnalyzers;_ResidencyAnalyzerImage -getItem:Analyzer -p:DesignTimeBuild=true");
            Assert.True(designTime.ExitCode == 0, designTime.ToString());
            Assert.Contains("analyzers/dotnet/cs/Residency.Analyzers.dll", designTime.Output.Replace('\\', '/'), StringComparison.Ordinal);
            Assert.DoesNotContain("images/net10.0/", designTime.Output.Replace('\\', '/'), StringComparison.Ordinal);

            var commandLine = DotNet.Run(project, "msbuild -nologo -t:ResolveLockFileAnalyzers;_ResidencyAnalyzerImage -getItem:Analyzer");
            Assert.True(commandLine.ExitCode == 0, commandLine.ToString());
            if (TaskImageTests.ImageRuntimes.Contains(TaskImageTests.SdkRuntime(project)))
            {
                Assert.Contains("images/net10.0/", commandLine.Output.Replace('\\', '/'), StringComparison.Ordinal);
                Assert.DoesNotContain("analyzers/dotnet/cs/Residency.Analyzers.dll", commandLine.Output.Replace('\\', '/'), StringComparison.Ordinal);
            }
        }

        // The package-relative paths of the Residency.Analyzers assemblies on csc's command line.
        private static string[] ResidencyAnalyzers(CommandResult build)
        {
            var line = build.Output.Split('\n').FirstOrDefault(l => l.Contains("bincore/csc", StringComparison.Ordinal) && l.Contains("/analyzer:", StringComparison.Ordinal));
            Assert.True(line is not null, "no csc command line in the log:\n" + build);
            return Regex.Matches(line!.Replace('\\', '/'), @"/analyzer:(?:""([^""]+)""|(\S+))")
                .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
                .Where(path => path.EndsWith("/Residency.Analyzers.dll", StringComparison.Ordinal))
                .Select(path => Regex.Match(path, @"residency\.analyzers/[^/]+/(.*)$", RegexOptions.IgnoreCase).Groups[1].Value)
                .ToArray();
        }

        // "RES001 file(line,col)" for each of our diagnostics csc reported, once each (MSBuild repeats them in its summary).
        private static string[] Diagnostics(CommandResult build) =>
            Regex.Matches(build.Output, @"(?<file>[^\s/\\]+\.cs)\((?<line>\d+),(?<col>\d+)\): warning (?<id>RES\d{3})")
                .Select(m => $"{m.Groups["id"].Value} {m.Groups["file"].Value}({m.Groups["line"].Value},{m.Groups["col"].Value})")
                .Distinct()
                .OrderBy(d => d, StringComparer.Ordinal)
                .ToArray();
    }
}
