using System.IO;
using System.Linq;
using Residency.Cli.Scanning;

namespace Residency.Cli.Tests
{
    public sealed class ScanTargetTests
    {
        private static string NewFolder()
        {
            var directory = Path.Combine(Path.GetTempPath(), "residency-cli-tests", System.Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(directory);
            return directory;
        }

        private static string Project(string folder, string name, params string[] references)
        {
            Directory.CreateDirectory(Path.Combine(folder, name));
            var path = Path.Combine(folder, name, name + ".csproj");
            var items = string.Concat(references.Select(r => $"<ProjectReference Include=\"..\\{r}\\{r}.csproj\" />"));
            File.WriteAllText(path, $"<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup>{items}</ItemGroup></Project>");
            return path;
        }

        [Fact]
        public void FolderWithOneSlnxUsesItsCSharpProjects()
        {
            var folder = NewFolder();
            var core = Project(folder, "Core");
            var api = Project(folder, "Api", "Core");
            File.WriteAllText(Path.Combine(folder, "Shop.slnx"), """
                <Solution>
                  <Folder Name="/src/">
                    <Project Path="Api/Api.csproj" />
                    <Project Path="Core/Core.csproj" />
                  </Folder>
                  <Project Path="tools/Build.fsproj" />
                </Solution>
                """);

            var target = ScanTarget.Resolve(folder);

            Assert.Equal(Path.Combine(folder, "Shop.slnx"), target.Path);
            Assert.Equal("Shop", target.Name);
            Assert.Equal(new[] { api, core }, target.Projects);
        }

        [Fact]
        public void ClassicSolutionFileIsRead()
        {
            var folder = NewFolder();
            var core = Project(folder, "Core");
            File.WriteAllText(Path.Combine(folder, "Shop.sln"), """
                Microsoft Visual Studio Solution File, Format Version 12.00
                Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Core", "Core\Core.csproj", "{3B22300C-1203-47F2-82CE-4A55009B0437}"
                EndProject
                Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "src", "src", "{827E0CD3-B72D-47B6-A68D-7590B98EB39B}"
                EndProject
                """);

            var target = ScanTarget.Resolve(Path.Combine(folder, "Shop.sln"));

            Assert.Equal(new[] { core }, target.Projects);
        }

        [Fact]
        public void ProjectCountsItsReferencesTransitively()
        {
            var folder = NewFolder();
            var model = Project(folder, "Model");
            var core = Project(folder, "Core", "Model");
            var api = Project(folder, "Api", "Core", "Model");

            var target = ScanTarget.Resolve(api);

            Assert.Equal(new[] { api, core, model }, target.Projects);
        }

        [Fact]
        public void SeveralSolutionsMustBeNamed()
        {
            var folder = NewFolder();
            File.WriteAllText(Path.Combine(folder, "A.sln"), "");
            File.WriteAllText(Path.Combine(folder, "B.slnx"), "<Solution />");

            var e = Assert.Throws<CliException>(() => ScanTarget.Resolve(folder));
            Assert.EndsWith(": several solutions (A.sln, B.slnx); name the one to scan", e.Message);
        }

        [Fact]
        public void FolderWithoutSolutionOrProject()
        {
            var e = Assert.Throws<CliException>(() => ScanTarget.Resolve(NewFolder()));
            Assert.EndsWith(": no solution (.sln, .slnx) or C# project (.csproj) in this folder", e.Message);
        }

        [Fact]
        public void OtherFilesAreRefused()
        {
            var folder = NewFolder();
            var file = Path.Combine(folder, "inventory.json");
            File.WriteAllText(file, "{}");

            var e = Assert.Throws<CliException>(() => ScanTarget.Resolve(file));
            Assert.EndsWith("inventory.json: not a solution (.sln, .slnx) or C# project (.csproj)", e.Message);
        }
    }
}
