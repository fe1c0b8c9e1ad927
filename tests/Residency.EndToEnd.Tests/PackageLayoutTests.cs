using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;

namespace Residency.EndToEnd.Tests
{
    [Collection(PackageCollection.Name)]
    public sealed class PackageLayoutTests(PackageFixture package)
    {
        private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

        [Fact]
        public void PackageHasTheDocumentedLayout()
        {
            using var zip = ZipFile.OpenRead(package.PackagePath);
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
            Assert.Contains("lib/netstandard2.0/Residency.Annotations.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Residency.Analyzers.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Residency.CodeFixes.dll", entries);
            Assert.Contains("tasks/netstandard2.0/Residency.Build.dll", entries);
            Assert.Contains("build/Residency.Analyzers.props", entries);
            // The task's ReadyToRun images, one per runtime identifier, and nothing else under tasks/net10.0.
            Assert.Contains("linux-x64", TaskImageTests.ImageRuntimes);
            Assert.Equal(
                TaskImageTests.ImageRuntimes.Select(rid => $"tasks/net10.0/{rid}/Residency.Build.dll").OrderBy(e => e, StringComparer.Ordinal),
                entries.Where(e => e.StartsWith("tasks/net10.0/", StringComparison.Ordinal)).OrderBy(e => e, StringComparer.Ordinal));
            // The analyzers' ReadyToRun images, one per runtime identifier, and nothing else under images/.
            Assert.Equal(
                TaskImageTests.ImageRuntimes.Select(rid => $"images/net10.0/{rid}/Residency.Analyzers.dll").OrderBy(e => e, StringComparer.Ordinal),
                entries.Where(e => e.StartsWith("images/", StringComparison.Ordinal)).OrderBy(e => e, StringComparer.Ordinal));
            // Under analyzers/, only the two portable assemblies: NuGet makes every DLL there an analyzer of the project.
            Assert.Equal(
                new[] { "analyzers/dotnet/cs/Residency.Analyzers.dll", "analyzers/dotnet/cs/Residency.CodeFixes.dll" },
                entries.Where(e => e.StartsWith("analyzers", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal)).OrderBy(e => e, StringComparer.Ordinal));
            Assert.Contains("build/Residency.Analyzers.targets", entries);
            // Nothing transitive: the analyzers, the gate and the build cost stay in the project that installed the package.
            Assert.DoesNotContain(entries, e => e.StartsWith("buildTransitive/", StringComparison.Ordinal));
            // Analyzers must not bring Roslyn along: it is provided by the compiler.
            Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase) && e.EndsWith(".dll"));
        }

        [Fact]
        public void TaskImagesArePrecompiledBuildsOfThePortableTask() =>
            AssertImagesOf("tasks/netstandard2.0/Residency.Build.dll", rid => $"tasks/net10.0/{rid}/Residency.Build.dll");

        // The same assembly name and version as the portable analyzers: the code fixes' reference to them binds to the image.
        [Fact]
        public void AnalyzerImagesArePrecompiledBuildsOfThePortableAnalyzers() =>
            AssertImagesOf("analyzers/dotnet/cs/Residency.Analyzers.dll", rid => $"images/net10.0/{rid}/Residency.Analyzers.dll");

        // Each runtime identifier's image is a precompiled build of the portable assembly: same name, version and public types.
        private void AssertImagesOf(string portablePath, Func<string, string> imagePath)
        {
            using var zip = ZipFile.OpenRead(package.PackagePath);
            var portable = Metadata(ReadAll(zip.GetEntry(portablePath)!));
            Assert.False(portable.Precompiled);
            foreach (var rid in TaskImageTests.ImageRuntimes)
            {
                var image = Metadata(ReadAll(zip.GetEntry(imagePath(rid))!));
                Assert.True(image.Precompiled, $"{rid}: no ReadyToRun header");
                Assert.Equal(portable.Name, image.Name);
                Assert.Equal(portable.Version, image.Version);
                Assert.Equal(portable.Types, image.Types);
                Assert.Equal(Machine(rid), image.Machine);
            }
        }

        private static (bool Precompiled, string Name, Version Version, string[] Types, Machine Machine) Metadata(byte[] bytes)
        {
            using var pe = new PEReader(new MemoryStream(bytes));
            var reader = pe.GetMetadataReader();
            var definition = reader.GetAssemblyDefinition();
            var types = reader.TypeDefinitions.Select(t => reader.GetTypeDefinition(t)).Where(t => t.Attributes.HasFlag(System.Reflection.TypeAttributes.Public))
                .Select(t => reader.GetString(t.Namespace) + "." + reader.GetString(t.Name)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            return (pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, reader.GetString(definition.Name), definition.Version, types, pe.PEHeaders.CoffHeader.Machine);
        }

        // A ReadyToRun image's COFF machine is the target's, XOR'd with a per-OS value (the runtime's ReadyToRun format).
        private static Machine Machine(string rid)
        {
            var machine = rid.EndsWith("arm64", StringComparison.Ordinal) ? System.Reflection.PortableExecutable.Machine.Arm64 : System.Reflection.PortableExecutable.Machine.Amd64;
            int os = rid.StartsWith("linux", StringComparison.Ordinal) ? 0x7B79 : rid.StartsWith("osx", StringComparison.Ordinal) ? 0x4644 : 0;
            return (Machine)((int)machine ^ os);
        }

        [Fact]
        public void PackingProducesNoWarnings()
        {
            // NU1603 (a dependency version the feed does not serve) and any other restore, build or pack warning.
            Assert.DoesNotMatch(new System.Text.RegularExpressions.Regex(@"warning [A-Z]+\d+"), package.PackResult.Output);
        }

        [Fact]
        public void PackageNameIsResidencyAnalyzers()
        {
            Assert.Equal($"Residency.Analyzers.{PackageFixture.Version}.nupkg", Path.GetFileName(package.PackagePath));
        }

        [Fact]
        public void NuspecDeclaresADevelopmentDependencyWithReadmeIconLicenseAndRepository()
        {
            using var zip = ZipFile.OpenRead(package.PackagePath);
            var nuspec = XDocument.Load(zip.GetEntry("Residency.Analyzers.nuspec")!.Open());
            var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string? Value(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

            Assert.Equal("true", Value("developmentDependency"));
            Assert.Equal("README.md", Value("readme"));
            Assert.Equal("icon.png", Value("icon"));
            Assert.Equal("MIT", Value("license"));
            Assert.StartsWith("https://github.com/", Value("projectUrl"));
            Assert.False(string.IsNullOrWhiteSpace(Value("releaseNotes")));
            var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
            Assert.StartsWith("https://github.com/", repository.Attribute("url")!.Value);
            Assert.Null(metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "dependencies"));

            foreach (var file in new[] { "README.md", "icon.png", "LICENSE" })
            {
                Assert.NotNull(zip.GetEntry(file));
            }

            var png = ReadAll(zip.GetEntry("icon.png")!);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Take(4).ToArray());
            Assert.Contains("MIT License", Encoding.UTF8.GetString(ReadAll(zip.GetEntry("LICENSE")!)));
        }

        [Fact]
        public void PackageReadmeIsWrittenForThePackagePage()
        {
            using var zip = ZipFile.OpenRead(package.PackagePath);
            var readme = Encoding.UTF8.GetString(ReadAll(zip.GetEntry("README.md")!));
            Assert.Contains("dotnet add package Residency.Analyzers", readme);
            Assert.DoesNotContain("bash samples/", readme);
            // Every link is absolute: the package page has no repository to resolve relative links against.
            foreach (System.Text.RegularExpressions.Match link in System.Text.RegularExpressions.Regex.Matches(readme, @"\]\(([^)]+)\)"))
            {
                Assert.StartsWith("https://", link.Groups[1].Value);
            }
        }

        [Fact]
        public void DllsEmbedTheirPdbsAndCarryNoBuildMachinePath()
        {
            using var zip = ZipFile.OpenRead(package.PackagePath);
            var root = DotNet.RepositoryRoot.TrimEnd('/', '\\');
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)))
            {
                var bytes = ReadAll(entry);
                Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(root)), $"{entry.FullName} contains the build path {root}");
                Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(root)), $"{entry.FullName} contains the build path {root} (UTF-16)");

                using var pe = new PEReader(new MemoryStream(bytes));
                var debug = pe.ReadDebugDirectory();
                var embedded = debug.SingleOrDefault(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
                Assert.True(embedded.DataSize > 0, $"{entry.FullName} has no embedded PDB");
                var codeView = pe.ReadCodeViewDebugDirectoryData(debug.First(d => d.Type == DebugDirectoryEntryType.CodeView));
                Assert.DoesNotContain(root, codeView.Path);
                Assert.True(pe.ReadDebugDirectory().Any(d => d.IsPortableCodeView), entry.FullName);

                using var pdb = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
                var reader = pdb.GetMetadataReader();
                var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
                Assert.NotEmpty(documents);
                Assert.All(documents, d => Assert.DoesNotContain(root, d));
                var hasSourceLink = reader.CustomDebugInformation
                    .Select(h => reader.GetCustomDebugInformation(h))
                    .Any(c => reader.GetGuid(c.Kind) == SourceLinkKind);
                // Source Link needs an origin on a host the SDK's Source Link providers know; a checkout without one (no remote,
                // or a clone of a local path as CI makes) builds without it, and that is the only case where it may be missing.
                Assert.True(hasSourceLink || !OriginIsHosted(), $"{entry.FullName} has no Source Link although origin is {Origin()}");
            }
        }

        private static string Origin()
        {
            var result = DotNet.RunProcess("git", DotNet.RepositoryRoot, "remote get-url origin");
            return result.ExitCode == 0 ? result.Output.Trim() : "(none)";
        }

        private static bool OriginIsHosted() => System.Text.RegularExpressions.Regex.IsMatch(
            Origin(),
            @"^(https?://|ssh://|git@)([^/@]+@)?[^/:]*(github\.com|gitlab\.com|dev\.azure\.com|visualstudio\.com|bitbucket\.org)[/:]",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);

        private static byte[] ReadAll(ZipArchiveEntry entry)
        {
            using var stream = entry.Open();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return memory.ToArray();
        }

        private static bool Contains(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i <= haystack.Length - needle.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && haystack[i + j] == needle[j])
                {
                    j++;
                }

                if (j == needle.Length)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
