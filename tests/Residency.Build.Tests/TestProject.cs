using System;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Residency.Build.Tests
{
    /// <summary>A throw-away project directory with an analyzers' facts file, and a task wired to it.</summary>
    internal sealed class TestProject : IDisposable
    {
        public TestProject(string assembly = "Sample")
        {
            Root = Path.Combine(Path.GetTempPath(), "residency-build-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(Root, "obj"));
            Assembly = assembly;
        }

        public string Root { get; }

        public string Assembly { get; }

        public string Facts => Path.Combine(Root, "obj", "residency.facts.json");

        public string OutputDirectory => Path.Combine(Root, "bin", "residency");

        public string Output(string file) => Path.Combine(OutputDirectory, file);

        /// <summary>The project directory as a file URI without a trailing slash, as the fixtures expect.</summary>
        public string ProjectUri => new Uri(Root + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');

        /// <summary>Copies a fixture into the facts file, pointing its source paths into this project.</summary>
        public TestProject WithFixture(string name = "sample.facts.json")
        {
            var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
            File.WriteAllText(Facts, text.Replace("{{PROJECT_DIR}}", Root.Replace("\\", "/")));
            return this;
        }

        public TestProject WithFacts(string content)
        {
            File.WriteAllText(Facts, content);
            return this;
        }

        public (GenerateResidencyInventory Task, FakeBuildEngine Engine) CreateTask(Action<GenerateResidencyInventory>? configure = null)
        {
            var engine = new FakeBuildEngine();
            var task = new GenerateResidencyInventory
            {
                BuildEngine = engine,
                FactsPath = "obj/residency.facts.json",
                AssemblyName = Assembly,
                ProjectPath = Path.Combine(Root, Assembly + ".csproj"),
                OutputDirectory = OutputDirectory + Path.DirectorySeparatorChar,
                AllowedRegions = "EEA;Adequate",
                StartupDirectory = Root,
            };
            configure?.Invoke(task);
            return (task, engine);
        }

        public (GenerateResidencyInventory Task, FakeBuildEngine Engine) Run(Action<GenerateResidencyInventory>? configure = null)
        {
            var (task, engine) = CreateTask(configure);
            if (!task.Execute())
            {
                throw new InvalidOperationException("the task failed: " + string.Join("; ", engine.Errors.ConvertAll(e => e.Message)));
            }

            return (task, engine);
        }

        public static ITaskItem Item(string path, string? assemblyName = null)
        {
            var item = new TaskItem(path);
            if (assemblyName is not null)
            {
                item.SetMetadata("AssemblyName", assemblyName);
            }

            return item;
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
}
