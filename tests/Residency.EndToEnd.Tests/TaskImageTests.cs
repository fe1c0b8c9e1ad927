using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// The inventory task's ReadyToRun images (docs/inventory.md, "The task's ReadyToRun images"): the .NET 10 SDK's
    /// MSBuild loads the one for its runtime identifier, <c>ResidencyTaskReadyToRun=false</c> loads the portable
    /// netstandard2.0 assembly, and both write the same inventory, byte for byte.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class TaskImageTests(PackageFixture package)
    {
        // -v:d: MSBuild names the assembly each task is loaded from ("Using "…" task from assembly "…"").
        private const string Build = "build -nologo -v:d -tl:off -p:UseSharedCompilation=false -nodeReuse:false";

        private const string Code = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Residency;
            public class Customer { [PersonalData("contact.email")] public string Email { get; set; } = ""; [PersonalData("name")] public string Name { get; set; } = ""; }
            public class Exporter
            {
                private readonly HttpClient _http = new();
                public Task Export(Customer c) => _http.PostAsync("https://api.openai.com/v1/responses", new StringContent(c.Email + c.Name));
                public Task Local(Customer c) => _http.PostAsync("https://eu.api.openai.com/v1/responses", new StringContent(c.Email));
            }
            """;

        [Fact]
        public void TheSdksMsBuildLoadsTheImageForItsRuntimeAndThePortableTaskWritesTheSameInventory()
        {
            var workspace = package.NewWorkspace("task-image");
            var image = PackageFixture.WriteProject(workspace, "Image", Code);
            var portable = PackageFixture.WriteProject(workspace, "Portable", Code, extraProperties: "<ResidencyTaskReadyToRun>false</ResidencyTaskReadyToRun>");

            var rid = SdkRuntime(image);

            var withImage = DotNet.Run(image, Build);
            Assert.True(withImage.ExitCode == 0, withImage.ToString());
            var withPortable = DotNet.Run(portable, Build);
            Assert.True(withPortable.ExitCode == 0, withPortable.ToString());

            Assert.Contains("tasks/netstandard2.0/Residency.Build.dll", TaskAssembly(withPortable));
            if (ImageRuntimes.Contains(rid))
            {
                Assert.Contains($"tasks/net10.0/{rid}/Residency.Build.dll", TaskAssembly(withImage));
            }
            else
            {
                // A machine the package ships no image for: the portable task, with no error.
                Assert.Contains("tasks/netstandard2.0/Residency.Build.dll", TaskAssembly(withImage));
            }

            Assert.Contains("Residency: 1 violation", withImage.Output);
            Assert.Contains("Residency: 1 violation", withPortable.Output);
            var imageFiles = Inventory(image);
            var portableFiles = Inventory(portable);
            Assert.Equal(new[] { "inventory.csv", "inventory.html", "inventory.json", "inventory.md" }, imageFiles.Select(Path.GetFileName).ToArray());
            Assert.Equal(imageFiles.Select(Path.GetFileName), portableFiles.Select(Path.GetFileName));
            foreach (var (a, b) in imageFiles.Zip(portableFiles))
            {
                // The project's name differs (Image, Portable); everything else is the same bytes.
                Assert.Equal(File.ReadAllText(a).Replace("Image", "Portable", StringComparison.Ordinal), File.ReadAllText(b));
            }
        }

        [Fact]
        public void TheImageRunsWithoutCompilingAnyMethodOfOurs()
        {
            // Everything the task runs is precompiled in the image: the task class (which needs the MSBuild assemblies as
            // crossgen references), and no generic of the framework over a value type of ours (Ordering).
            var workspace = package.NewWorkspace("task-image-jit");
            var project = PackageFixture.WriteProject(workspace, "App", Code);
            var rid = SdkRuntime(project);
            var build = DotNet.Run(project, Build);
            Assert.True(build.ExitCode == 0, build.ToString());
            if (!ImageRuntimes.Contains(rid))
            {
                // A machine the package ships no image for: the portable task, JIT-compiled as any assembly is.
                Assert.Contains("tasks/netstandard2.0/Residency.Build.dll", TaskAssembly(build));
                return;
            }

            // The inventory target alone, in a fresh MSBuild process, with the runtime listing every method it JIT-compiles.
            var jitted = Path.Combine(workspace, "jitted.txt");
            var run = DotNet.Run(
                project,
                "msbuild -nologo -v:d -t:ResidencyInventory -p:BuildingProject=true -nodeReuse:false",
                ("DOTNET_JitDisasmSummary", "1"),
                ("DOTNET_JitStdOutFile", jitted));
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains($"tasks/net10.0/{rid}/Residency.Build.dll", TaskAssembly(run));

            var lines = File.ReadAllLines(jitted);
            Assert.Contains(lines, l => l.Contains("JIT compiled", StringComparison.Ordinal)); // the listing works: MSBuild's own methods are in it
            Assert.DoesNotContain(lines, l => l.Contains("Residency.", StringComparison.Ordinal));
        }

        [Fact]
        public void AnExplicitTaskAssemblyWinsOverTheImage()
        {
            // ResidencyTaskAssembly (the repository's own builds and tests) is used as given, in a task host.
            var workspace = package.NewWorkspace("task-assembly");
            var project = PackageFixture.WriteProject(workspace, "App", Code);
            var first = DotNet.Run(project, Build);
            Assert.True(first.ExitCode == 0, first.ToString());

            // The portable task, from the package itself (the package folder may be anywhere: NUGET_PACKAGES wins over NuGet.config).
            var copy = Path.Combine(workspace, "task", "Residency.Build.dll");
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            using (var zip = ZipFile.OpenRead(package.PackagePath))
            {
                zip.GetEntry("tasks/netstandard2.0/Residency.Build.dll")!.ExtractToFile(copy);
            }

            var second = DotNet.Run(project, Build + $" --no-incremental \"-p:ResidencyTaskAssembly={copy}\"");
            Assert.True(second.ExitCode == 0, second.ToString());
            Assert.Contains(copy, TaskAssembly(second));
        }

        /// <summary>The runtime identifiers the package ships an image for (Directory.Build.props, ResidencyTaskImageRuntimes).</summary>
        internal static readonly string[] ImageRuntimes = typeof(TaskImageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ResidencyTaskImageRuntimes").Value!
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        /// <summary>The SDK's own word for this machine (linux-x64 also for a distribution's build of the SDK).</summary>
        internal static string SdkRuntime(string project)
        {
            var query = DotNet.Run(project, "msbuild -nologo -getProperty:NETCoreSdkPortableRuntimeIdentifier");
            Assert.True(query.ExitCode == 0, query.ToString());
            var rid = query.Output.Trim();
            Assert.False(string.IsNullOrEmpty(rid), query.ToString());
            return rid;
        }

        private static string TaskAssembly(CommandResult result)
        {
            var line = result.Output.Split('\n').FirstOrDefault(l => l.Contains("Using \"GenerateResidencyInventory\" task from assembly", StringComparison.Ordinal));
            Assert.True(line is not null, "MSBuild did not say where it loaded the task from:\n" + result);
            return line!.Replace('\\', '/');
        }

        /// <summary>The four inventory files of a Debug build of <paramref name="project"/>, in name order.</summary>
        internal static string[] Inventory(string project) =>
            Directory.GetFiles(Path.Combine(project, "bin", "Debug", "net10.0", "residency")).OrderBy(f => f, StringComparer.Ordinal).ToArray();
    }
}
