using System;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Residency.Build.Tests
{
    /// <summary>A throw-away project directory with an error log, and a task wired to it.</summary>
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

        public string ErrorLog => Path.Combine(Root, "obj", "residency.sarif");

        public string OutputDirectory => Path.Combine(Root, "bin", "residency");

        public string Output(string file) => Path.Combine(OutputDirectory, file);

        /// <summary>The project directory as a file URI without a trailing slash, as the fixtures expect.</summary>
        public string ProjectUri => new Uri(Root + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');

        /// <summary>Copies a fixture into the error log, pointing its file URIs into this project.</summary>
        public TestProject WithFixture(string name = "sample.sarif")
        {
            var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
            File.WriteAllText(ErrorLog, text.Replace("{{PROJECT_URI}}", ProjectUri));
            return this;
        }

        public TestProject WithErrorLog(string content)
        {
            File.WriteAllText(ErrorLog, content);
            return this;
        }

        public (GenerateResidencyInventory Task, FakeBuildEngine Engine) CreateTask(Action<GenerateResidencyInventory>? configure = null)
        {
            var engine = new FakeBuildEngine();
            var task = new GenerateResidencyInventory
            {
                BuildEngine = engine,
                ErrorLogPath = "obj/residency.sarif,version=2.1",
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
