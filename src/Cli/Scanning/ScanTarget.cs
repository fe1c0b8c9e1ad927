using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Residency.Cli.Scanning
{
    /// <summary>What <c>residency scan</c> builds: a solution or a project file, and the projects it expects to see.</summary>
    internal sealed class ScanTarget
    {
        private static readonly string[] SolutionExtensions = { ".sln", ".slnx" };
        private static readonly string[] ProjectExtensions = { ".csproj" };

        private ScanTarget(string path, string name, IReadOnlyList<string> projects)
        {
            Path = path;
            Name = name;
            Projects = projects;
        }

        /// <summary>The file given to <c>dotnet build</c>.</summary>
        public string Path { get; }

        /// <summary>The record's name (the solution's or project's file name without extension).</summary>
        public string Name { get; }

        /// <summary>The C# projects the build is expected to analyse (full paths), for "project n of m".</summary>
        public IReadOnlyList<string> Projects { get; }

        public static ScanTarget Resolve(string input)
        {
            var full = System.IO.Path.GetFullPath(input);
            if (File.Exists(full))
            {
                var extension = System.IO.Path.GetExtension(full).ToLowerInvariant();
                if (SolutionExtensions.Contains(extension))
                {
                    return new ScanTarget(full, System.IO.Path.GetFileNameWithoutExtension(full), SolutionProjects(full));
                }

                if (ProjectExtensions.Contains(extension))
                {
                    return new ScanTarget(full, System.IO.Path.GetFileNameWithoutExtension(full), ProjectClosure(full));
                }

                throw new CliException($"{input}: not a solution (.sln, .slnx) or C# project (.csproj)");
            }

            if (!Directory.Exists(full))
            {
                throw new CliException($"{input}: no such file or folder");
            }

            var solutions = Files(full, SolutionExtensions, SearchOption.TopDirectoryOnly);
            if (solutions.Count == 1)
            {
                return Resolve(solutions[0]);
            }

            if (solutions.Count > 1)
            {
                throw new CliException($"{input}: several solutions ({string.Join(", ", solutions.Select(System.IO.Path.GetFileName))}); name the one to scan");
            }

            var projects = Files(full, ProjectExtensions, SearchOption.TopDirectoryOnly);
            if (projects.Count == 1)
            {
                return Resolve(projects[0]);
            }

            if (projects.Count > 1)
            {
                throw new CliException($"{input}: several projects ({string.Join(", ", projects.Select(System.IO.Path.GetFileName))}); name the one to scan");
            }

            throw new CliException($"{input}: no solution (.sln, .slnx) or C# project (.csproj) in this folder");
        }

        private static List<string> Files(string directory, string[] extensions, SearchOption option) =>
            Directory.EnumerateFiles(directory, "*", option)
                .Where(f => extensions.Contains(System.IO.Path.GetExtension(f).ToLowerInvariant()))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();

        /// <summary>The C# projects of a .sln (text) or .slnx (XML) file.</summary>
        internal static IReadOnlyList<string> SolutionProjects(string solution)
        {
            var directory = System.IO.Path.GetDirectoryName(solution)!;
            var paths = new List<string>();
            if (solution.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
            {
                var document = XDocument.Load(solution);
                paths.AddRange(document.Descendants().Where(e => e.Name.LocalName == "Project").Select(e => (string?)e.Attribute("Path")).Where(p => p is not null)!);
            }
            else
            {
                foreach (var line in File.ReadLines(solution))
                {
                    // Project("{type}") = "Name", "relative\path.csproj", "{guid}"
                    if (!line.StartsWith("Project(", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var parts = line.Split('"');
                    if (parts.Length > 5)
                    {
                        paths.Add(parts[5]);
                    }
                }
            }

            return paths
                .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                .Select(p => System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, p.Replace('\\', System.IO.Path.DirectorySeparatorChar))))
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>A project and the C# projects it references, directly or not.</summary>
        internal static IReadOnlyList<string> ProjectClosure(string project)
        {
            var seen = new List<string>();
            var queue = new Queue<string>();
            queue.Enqueue(project);
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                if (seen.Contains(current, StringComparer.Ordinal) || !File.Exists(current))
                {
                    continue;
                }

                seen.Add(current);
                try
                {
                    var directory = System.IO.Path.GetDirectoryName(current)!;
                    foreach (var reference in XDocument.Load(current).Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
                    {
                        var include = (string?)reference.Attribute("Include");
                        if (include is not null && include.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) && !include.Contains("$(", StringComparison.Ordinal))
                        {
                            queue.Enqueue(System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, include.Replace('\\', System.IO.Path.DirectorySeparatorChar))));
                        }
                    }
                }
                catch (System.Xml.XmlException)
                {
                    // MSBuild will report the broken project file.
                }
            }

            return seen;
        }
    }
}
