using System.IO.Compression;
using System.Linq;

namespace Residency.EndToEnd.Tests
{
    [Collection(PackageCollection.Name)]
    public sealed class PackageLayoutTests(PackageFixture package)
    {
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
            Assert.Contains("build/Residency.Analyzers.targets", entries);
            Assert.Contains("buildTransitive/Residency.Analyzers.props", entries);
            Assert.Contains("buildTransitive/Residency.Analyzers.targets", entries);
            // Analyzers must not bring Roslyn along: it is provided by the compiler.
            Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", System.StringComparison.OrdinalIgnoreCase) && e.EndsWith(".dll"));
        }

        [Fact]
        public void PackageNameIsResidencyAnalyzers()
        {
            Assert.Equal($"Residency.Analyzers.{PackageFixture.Version}.nupkg", System.IO.Path.GetFileName(package.PackagePath));
        }
    }
}
