using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Residency.Benchmarks.Generator
{
    /// <summary>
    /// One generated C# file: usings, a file-scoped namespace, optional types before and after a main type, and the
    /// main type's members. Blocks are written without indentation; <see cref="Render"/> indents members.
    /// </summary>
    /// <remarks>
    /// The files deliberately carry no <c>// &lt;auto-generated/&gt;</c> header and no <c>.g.cs</c> suffix: analyzers
    /// skip generated code, and the benchmark must measure the analyzers on code they really analyse.
    /// </remarks>
    internal sealed class SourceFile
    {
        private readonly SortedSet<string> _usings = new SortedSet<string>(StringComparer.Ordinal);
        private readonly List<string> _before = new List<string>();
        private readonly List<string> _members = new List<string>();
        private readonly List<string> _after = new List<string>();

        public SourceFile(string relativePath, string ns, string mainTypeHeader)
        {
            RelativePath = relativePath;
            Namespace = ns;
            MainTypeHeader = mainTypeHeader.TrimEnd();
        }

        /// <summary>Path of the file below the project directory, with '/' separators.</summary>
        public string RelativePath { get; }

        public string Namespace { get; }

        /// <summary>Doc comment, attributes and declaration line of the main type (no opening brace).</summary>
        public string MainTypeHeader { get; }

        public SourceFile Using(params string[] namespaces)
        {
            foreach (var ns in namespaces)
            {
                _usings.Add(ns);
            }

            return this;
        }

        public void Before(string block) => _before.Add(Trim(block));

        public void Member(string block) => _members.Add(Trim(block));

        public void After(string block) => _after.Add(Trim(block));

        public int LineCount => CountLines(Render());

        /// <summary>Adds filler members until the file has at least <paramref name="targetLines"/> lines.</summary>
        public void PadTo(int targetLines, Rng rng, IReadOnlyList<Fillers.Filler> pool)
        {
            int lines = LineCount;
            foreach (var filler in rng.Sample(pool, pool.Count))
            {
                if (lines >= targetLines)
                {
                    break;
                }

                string block = Trim(filler(rng));
                if (lines + CountLines(block) + 1 > Limits.MaxLines)
                {
                    continue;
                }

                _members.Add(block);
                lines += CountLines(block) + 1;
            }
        }

        public string Render()
        {
            var sb = new StringBuilder();
            foreach (var u in _usings.OrderBy(u => u.StartsWith("System", StringComparison.Ordinal) ? 0 : 1).ThenBy(u => u, StringComparer.Ordinal))
            {
                sb.Append("using ").Append(u).Append(";\n");
            }

            if (_usings.Count > 0)
            {
                sb.Append('\n');
            }

            sb.Append("namespace ").Append(Namespace).Append(";\n\n");
            foreach (var block in _before)
            {
                sb.Append(block).Append("\n\n");
            }

            sb.Append(MainTypeHeader).Append("\n{\n");
            for (int i = 0; i < _members.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append('\n');
                }

                foreach (var line in _members[i].Split('\n'))
                {
                    if (line.Length > 0)
                    {
                        sb.Append("    ").Append(line);
                    }

                    sb.Append('\n');
                }
            }

            sb.Append("}\n");
            foreach (var block in _after)
            {
                sb.Append('\n').Append(block).Append('\n');
            }

            return sb.ToString();
        }

        public static int CountLines(string text)
        {
            int n = 0;
            foreach (char c in text)
            {
                if (c == '\n')
                {
                    n++;
                }
            }

            return text.Length > 0 && text[text.Length - 1] != '\n' ? n + 1 : n;
        }

        private static string Trim(string block) => block.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
    }

    /// <summary>Size bounds of a generated file.</summary>
    internal static class Limits
    {
        public const int MinLines = 80;
        public const int MaxLines = 200;
    }
}
