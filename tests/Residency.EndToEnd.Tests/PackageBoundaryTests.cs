using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// The package stays where it was installed: a development dependency whose analyzers, gate and build cost do not
    /// reach the projects and packages that use a library built with it, while the library's annotations still do.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class PackageBoundaryTests(PackageFixture package)
    {
        private const string Build = "build -nologo -v:m -p:UseSharedCompilation=false -nodeReuse:false";

        private const string LibrarySource = """
            using Residency;
            namespace Contoso.Lib;
            public class Customer
            {
                [PersonalData("contact.email")] public string Email { get; set; } = "";
            }
            public class Crm
            {
                [DataSink("US", Recipient = "Acme CRM Inc.")] public void Send(string s) { }
            }
            """;

        private const string AppSource = """
            using Contoso.Lib;
            public class Sync
            {
                public void Run(Customer c, Crm crm) => crm.Send(c.Email);
            }
            """;

        /// <summary>What `dotnet add package` writes for a development dependency (compile assets excluded).</summary>
        private static string PrivateReference => $"""
            <PackageReference Include="Residency.Analyzers" Version="{PackageFixture.Version}">
              <PrivateAssets>all</PrivateAssets>
              <IncludeAssets>runtime; build; native; contentfiles; analyzers; buildtransitive</IncludeAssets>
            </PackageReference>
            """;

        [Fact]
        public void DotnetAddPackageMakesAPrivateReferenceAndTheAttributesStillCompile()
        {
            var workspace = package.NewWorkspace("add");
            var project = Path.Combine(workspace, "App");
            Directory.CreateDirectory(project);
            File.WriteAllText(Path.Combine(project, "App.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(project, "Code.cs"), LibrarySource + "\n" + AppSource.Replace("using Contoso.Lib;", ""));

            var add = DotNet.Run(project, $"add package Residency.Analyzers --version {PackageFixture.Version}");
            Assert.True(add.ExitCode == 0, add.ToString());
            var csproj = File.ReadAllText(Path.Combine(project, "App.csproj"));
            Assert.Matches(new Regex(@"<PrivateAssets>all</PrivateAssets>"), csproj);

            var build = DotNet.Run(project, Build);
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Matches(new Regex(@"Code\.cs\(\d+,\d+\): warning RES001"), build.Output);
            Assert.True(File.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "Residency.Annotations.dll")), "the attributes are copied with the output");
        }

        [Fact]
        public void ProjectReferenceConsumersGetNoAnalyzersButReadTheLibrarysAnnotations()
        {
            var workspace = package.NewWorkspace("projref");
            WriteLibrary(workspace, "");

            // An application without the package: no analyzers, no gate, no inventory, even under CI.
            var plain = WriteApp(workspace, "PlainApp", "<ProjectReference Include=\"../Lib/Lib.csproj\" />");
            var plainBuild = DotNet.Run(plain, Build, ("CI", "true"));
            Assert.True(plainBuild.ExitCode == 0, plainBuild.ToString());
            Assert.DoesNotContain("RES00", plainBuild.Output);
            // The library prints its own summary line; nothing is printed or written for the application.
            Assert.DoesNotContain(plainBuild.Output.Split('\n'), l => l.Contains("Residency:") && l.Contains("PlainApp"));
            Assert.False(Directory.Exists(Path.Combine(plain, "bin", "Debug", "net10.0", "residency")), "no inventory for the plain app");
            var assets = File.ReadAllText(Path.Combine(plain, "obj", "project.assets.json"));
            Assert.DoesNotContain("Residency.Analyzers/", assets);

            // An application that uses the package itself reads the library's annotations.
            var checkedApp = WriteApp(workspace, "CheckedApp", "<ProjectReference Include=\"../Lib/Lib.csproj\" />\n" + PrivateReference);
            var checkedBuild = DotNet.Run(checkedApp, Build, ("CI", "true"));
            Assert.NotEqual(0, checkedBuild.ExitCode);
            Assert.Matches(new Regex(@"Code\.cs\(4,\d+\): error RES001: Personal data Customer\.Email \(contact\.email\) reaches Crm\.Send \(recipient Acme CRM Inc\.\) in US"), checkedBuild.Output);
        }

        [Fact]
        public void APackedLibraryShipsNoInventoryOrDependencyUnlessAskedAndItsConsumersGetNoAnalyzers()
        {
            var workspace = package.NewWorkspace("packed");
            // The library's package goes to the test feed under its own id pattern.
            var config = Path.Combine(workspace, "NuGet.config");
            File.WriteAllText(config, File.ReadAllText(config).Replace(
                "<package pattern=\"Residency.Analyzers\" />", "<package pattern=\"Residency.Analyzers\" /><package pattern=\"Contoso.*\" />"));
            var library = WriteLibrary(workspace, "<PackageId>Contoso.Lib</PackageId><Version>1.0.0</Version>");
            var packDir = Path.Combine(workspace, "out");

            var pack = DotNet.Run(library, $"pack -nologo -v:m -o \"{packDir}\"");
            Assert.True(pack.ExitCode == 0, pack.ToString());
            using (var zip = ZipFile.OpenRead(Path.Combine(packDir, "Contoso.Lib.1.0.0.nupkg")))
            {
                Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("residency/", System.StringComparison.Ordinal));
                var nuspec = new StreamReader(zip.GetEntry("Contoso.Lib.nuspec")!.Open()).ReadToEnd();
                Assert.DoesNotContain("Residency.Analyzers", nuspec);
            }

            // Opt-in: the inventory travels inside the library's package.
            var optIn = DotNet.Run(library, $"pack -nologo -v:m -o \"{Path.Combine(workspace, "optin")}\" -p:ResidencyPackInventory=true");
            Assert.True(optIn.ExitCode == 0, optIn.ToString());
            using (var zip = ZipFile.OpenRead(Path.Combine(workspace, "optin", "Contoso.Lib.1.0.0.nupkg")))
            {
                Assert.Contains(zip.Entries, e => e.FullName == "residency/inventory.json");
            }

            File.Copy(Path.Combine(packDir, "Contoso.Lib.1.0.0.nupkg"), Path.Combine(package.Feed, "Contoso.Lib.1.0.0.nupkg"), overwrite: true);
            var app = WriteApp(workspace, "PackageApp", "<PackageReference Include=\"Contoso.Lib\" Version=\"1.0.0\" />");
            var build = DotNet.Run(app, Build, ("CI", "true"));
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.DoesNotContain("RES00", build.Output);
            Assert.DoesNotContain("Residency:", build.Output);
            Assert.DoesNotContain("Residency.Analyzers/", File.ReadAllText(Path.Combine(app, "obj", "project.assets.json")));
        }

        private static string WriteLibrary(string workspace, string extraProperties) =>
            PackageFixture.WriteUnreferencedProject(workspace, "Lib", LibrarySource, extraItems: PrivateReference, extraProperties: extraProperties);

        private static string WriteApp(string workspace, string name, string items) =>
            PackageFixture.WriteUnreferencedProject(workspace, name, AppSource, extraItems: items);
    }
}
