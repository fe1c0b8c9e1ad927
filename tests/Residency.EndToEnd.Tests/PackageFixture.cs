using System;
using System.IO;
using System.Linq;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// Packs Residency.Analyzers once into a temporary folder feed and gives each test a fresh directory whose
    /// NuGet.config points at that feed (and nuget.org for everything else), with its own package folder so
    /// the freshly packed package is always the one restored.
    /// </summary>
    public sealed class PackageFixture : IDisposable
    {
        public const string Version = "0.1.0-e2e";

        public PackageFixture()
        {
            Root = Path.Combine(Path.GetTempPath(), "residency-e2e-" + Guid.NewGuid().ToString("N")[..8]);
            Feed = Path.Combine(Root, "feed");
            Packages = Path.Combine(Root, "packages");
            Directory.CreateDirectory(Feed);
            var package = Path.Combine(DotNet.RepositoryRoot, "src", "Build", "Package", "Residency.Package.csproj");
            PackResult = DotNet.Run(DotNet.RepositoryRoot, $"pack \"{package}\" -c Release -o \"{Feed}\" -p:Version={Version} -nologo");
            if (PackResult.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet pack failed:\n" + PackResult.Output);
            }

            PackagePath = Directory.GetFiles(Feed, "*.nupkg").Single();
        }

        public string Root { get; }

        public string Feed { get; }

        public string Packages { get; }

        public string PackagePath { get; }

        public CommandResult PackResult { get; }

        /// <summary>A new empty project directory configured to restore from the test feed.</summary>
        public string NewWorkspace(string name)
        {
            var directory = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..6]);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="e2e" value="{Feed}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                  <packageSourceMapping>
                    <packageSource key="e2e"><package pattern="Residency.Analyzers" /></packageSource>
                    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
                  </packageSourceMapping>
                  <config><add key="globalPackagesFolder" value="{Packages}" /></config>
                </configuration>
                """);
            // Stop MSBuild from importing the repository's Directory.Build.* files (the temp dir is outside it anyway).
            File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />");
            File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>");
            return directory;
        }

        /// <summary>Writes a minimal library project that references the package.</summary>
        public static string WriteProject(string directory, string name, string source, string extraProperties = "", string extraItems = "") =>
            WriteUnreferencedProject(directory, name, source, extraItems: $"""<PackageReference Include="Residency.Analyzers" Version="{Version}" />""" + "\n" + extraItems, extraProperties: extraProperties);

        /// <summary>
        /// Builds <paramref name="project"/> as a user would (<c>dotnet build</c>, Debug, no compiler server), asserts that the
        /// build succeeded, and returns its output and the inventory it wrote.
        /// </summary>
        internal static (CommandResult Result, Residency.Analyzers.Json.JsonNode Inventory) BuildAndReadInventory(string project)
        {
            var result = DotNet.Run(project, "build -nologo -v:m -p:UseSharedCompilation=false -nodeReuse:false");
            Assert.True(result.ExitCode == 0, result.ToString());
            var inventory = Residency.Analyzers.Json.JsonParser.Parse(File.ReadAllText(Path.Combine(project, "bin", "Debug", "net10.0", "residency", "inventory.json")));
            return (result, inventory);
        }

        /// <summary>Writes a minimal library project that does not reference the package (what an auditor scans with the tool).</summary>
        public static string WriteUnreferencedProject(string directory, string name, string source, string fileName = "Code.cs", string extraItems = "", string extraProperties = "")
        {
            var projectDirectory = Path.Combine(directory, name);
            Directory.CreateDirectory(projectDirectory);
            File.WriteAllText(Path.Combine(projectDirectory, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    {extraProperties}
                  </PropertyGroup>
                  <ItemGroup>
                    {extraItems}
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(projectDirectory, fileName), source);
            return projectDirectory;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    [CollectionDefinition(Name)]
    public sealed class PackageCollection : ICollectionFixture<PackageFixture>
    {
        public const string Name = "package";
    }
}
