using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Residency.Benchmarks.Generator
{
    /// <summary>
    /// Writes a synthetic C# project of N files for the build-time benchmarks:
    /// <c>--files N --out DIR [--package-version V | --no-package] [--seed S]</c>.
    /// </summary>
    internal static class Program
    {
        private const string Usage =
            "usage: Residency.Benchmarks.Generator --files N --out DIR [--package-version V | --no-package] [--seed S]\n" +
            "  --files N            number of .cs files to write (at least 5); src/Annotations.cs is extra with --no-package\n" +
            "  --out DIR            output directory; its src/ folder is replaced\n" +
            "  --package-version V  reference the Residency.Analyzers package at version V (feed from a NuGet.config above DIR)\n" +
            "  --no-package         no package (the default); emit src/Annotations.cs with the attribute types instead\n" +
            "  --seed S             seed of the deterministic generator (default 42)";

        private static int Main(string[] args)
        {
            int files = 0;
            string? output = null;
            string? version = null;
            bool noPackage = false;
            ulong seed = 42;
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i];
                string? Value() => i + 1 < args.Length ? args[++i] : null;
                switch (arg)
                {
                    case "--files":
                        if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out files))
                        {
                            return Fail("--files needs a number");
                        }

                        break;
                    case "--out":
                        output = Value();
                        break;
                    case "--package-version":
                        version = Value();
                        break;
                    case "--no-package":
                        noPackage = true;
                        break;
                    case "--seed":
                        if (!ulong.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out seed))
                        {
                            return Fail("--seed needs a non-negative number");
                        }

                        break;
                    case "-h":
                    case "--help":
                        Console.WriteLine(Usage);
                        return 0;
                    default:
                        return Fail("unknown argument " + arg);
                }
            }

            if (files < 5)
            {
                return Fail("--files must be at least 5");
            }

            if (string.IsNullOrEmpty(output))
            {
                return Fail("--out is required");
            }

            if (noPackage && version is not null)
            {
                return Fail("give either --package-version V or --no-package, not both");
            }

            if (version is not null && (version.Length == 0 || version.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+'))))
            {
                return Fail("--package-version is not a NuGet version");
            }

            Write(Path.GetFullPath(output), files, version, seed);
            return 0;
        }

        private static int Fail(string message)
        {
            Console.Error.WriteLine("error: " + message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        private static void Write(string root, int fileCount, string? packageVersion, ulong seed)
        {
            Directory.CreateDirectory(root);
            string src = Path.Combine(root, "src");
            if (Directory.Exists(src))
            {
                Directory.Delete(src, recursive: true);
            }

            WriteText(root, ProjectFiles.ProjectFileName, ProjectFiles.Project(packageVersion));
            WriteText(root, "Directory.Build.props", ProjectFiles.IsolationProject);
            WriteText(root, "Directory.Build.targets", ProjectFiles.IsolationProject);
            WriteText(root, "Directory.Packages.props", ProjectFiles.IsolationProject);
            WriteText(root, ".editorconfig", ProjectFiles.EditorConfig);
            if (packageVersion is null)
            {
                WriteText(root, "src/Annotations.cs", ProjectFiles.Annotations);
            }

            var modules = Planner.Plan(fileCount - 1, seed);
            var sources = new List<(FileKind? Kind, SourceFile File)>
            {
                (null, ProjectFiles.Program(fileCount, modules.Count, Rng.For(seed, 0, 0))),
            };
            foreach (var module in modules)
            {
                for (int i = 0; i < module.Files.Count; i++)
                {
                    var slot = module.Files[i];
                    var rng = Rng.For(seed, 2 + module.Index, i);
                    SourceFile file = slot.Kind switch
                    {
                        FileKind.Model => ModelTemplates.Create(module, slot.Model!, rng),
                        FileKind.Client => ClientTemplates.Create(module, slot.Client!, rng),
                        FileKind.Service => ServiceTemplates.Create(module, slot, rng),
                        _ => OrdinaryTemplates.Create(module, slot.OrdinaryTemplate!, rng),
                    };
                    file.PadTo(rng.Between(Limits.MinLines + 2, Limits.MinLines + 35), rng, Fillers.All);
                    sources.Add((slot.Kind, file));
                }
            }

            long totalLines = 0;
            int outOfRange = 0;
            var lineCounts = new List<int>();
            foreach (var (_, file) in sources)
            {
                string text = file.Render();
                int lines = SourceFile.CountLines(text);
                lineCounts.Add(lines);
                totalLines += lines;
                if (lines < Limits.MinLines || lines > Limits.MaxLines)
                {
                    outOfRange++;
                    Console.Error.WriteLine($"warning: {file.RelativePath} has {lines} lines");
                }

                WriteText(root, file.RelativePath, text);
            }

            var byKind = sources.Where(s => s.Kind.HasValue).GroupBy(s => s.Kind!.Value).OrderBy(g => g.Key)
                .Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count()}");
            Console.WriteLine(
                $"Wrote {sources.Count} files ({totalLines} lines, {lineCounts.Min()}-{lineCounts.Max()} per file; " +
                $"{string.Join(", ", byKind)}; {modules.Count} modules) to {root} " +
                (packageVersion is null ? "without the package (plus src/Annotations.cs)" : $"referencing Residency.Analyzers {packageVersion}") +
                (outOfRange > 0 ? $"; {outOfRange} files outside {Limits.MinLines}-{Limits.MaxLines} lines" : string.Empty));
        }

        private static void WriteText(string root, string relativePath, string text)
        {
            string path = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }
}
