using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Residency.Build.Model;
using Residency.Build.Util;
using Residency.Facts;

namespace Residency.Build.Reading
{
    /// <summary>
    /// Reads the facts file the analyzers wrote at the end of the compilation (<see cref="FactsFile"/>) into a
    /// <see cref="FactSet"/>: source paths made relative to the project, baseline candidates taken from the findings the
    /// gate counts.
    /// </summary>
    internal sealed class FactsReader
    {
        private static readonly HashSet<string> BaselineRules = new(StringComparer.Ordinal) { "RES001", "RES002", "RES003", "RES004" };

        private readonly string _defaultAssembly;
        private readonly string? _projectDirectory;

        public FactsReader(string defaultAssembly, string? projectDirectory)
        {
            _defaultAssembly = defaultAssembly;
            _projectDirectory = projectDirectory;
        }

        /// <summary>The allowed regions as the analyzers parsed them (empty when the file gave none).</summary>
        public IReadOnlyList<string> AllowedRegions { get; private set; } = new string[0];

        [System.Runtime.CompilerServices.MethodImpl(Residency.Analyzers.HotPath.Optimized)]
        public ReadResult Read(string path)
        {
            var facts = new FactSet();
            string text;
            try
            {
                if (!File.Exists(path))
                {
                    return new ReadResult(facts, "the analyzers' facts file was not found (was the project compiled with the Residency analyzers?); the inventory lists no facts from this compilation");
                }

                text = ReadText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return new ReadResult(facts, "the analyzers' facts file could not be read: " + e.Message);
            }

            // Every item is of this compilation's assembly, its path relative to the project: both applied as the file is
            // read, so no fact is copied to change them.
            var document = FactsFile.Read(text, itemAssembly: _defaultAssembly, file: Relative, out var problem);
            if (document is null)
            {
                return new ReadResult(facts, problem);
            }

            AllowedRegions = document.AllowedRegions;
            facts.Elements.AddRange(document.Elements);
            facts.Sinks.AddRange(document.Sinks);
            facts.Flows.AddRange(document.Flows);
            facts.Unclassified.AddRange(document.Unclassified);
            facts.Findings.AddRange(document.Findings);
            facts.Notes.AddRange(document.Notes);
            facts.Exports.AddRange(document.Exports);
            facts.ExportedSources.AddRange(document.ExportedSources);

            foreach (var flow in facts.Flows.Where(f => f.Rule is not null && BaselineRules.Contains(f.Rule)))
            {
                facts.BaselineCandidates.Add(new BaselineFinding
                {
                    Fingerprint = flow.Fingerprint ?? Fingerprint.Compute(flow.Rule, flow.Method, flow.Sink?.Id, string.Join("|", flow.Sources.Select(s => s.Id))),
                    Rule = flow.Rule!,
                    Method = flow.Method,
                    Sink = flow.Sink?.DisplayName,
                    Sources = flow.Sources.Select(s => s.Id).Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal).ToArray(),
                });
            }

            foreach (var finding in facts.Findings.Where(f => BaselineRules.Contains(f.Rule)))
            {
                facts.BaselineCandidates.Add(new BaselineFinding
                {
                    Fingerprint = finding.Fingerprint ?? Fingerprint.Compute(finding.Rule, finding.Message),
                    Rule = finding.Rule,
                });
            }

            return new ReadResult(facts, null);
        }

        /// <summary>
        /// The file's text. The analyzers write UTF-8 without a byte order mark: its bytes are decoded in one call into a
        /// string of the exact size, where <see cref="File.ReadAllText(string)"/> decodes through a reader's buffers and
        /// copies the text again (a tenth of the task's time for a facts file of megabytes). A file that starts with a
        /// UTF-16 or UTF-32 byte order mark (another writer's) is read as <see cref="File.ReadAllText(string)"/> reads it.
        /// </summary>
        internal static string ReadText(string path)
        {
            var bytes = File.ReadAllBytes(path);
            bool utf16Or32 = (bytes.Length >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE))) ||
                (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF);
            if (utf16Or32)
            {
                return File.ReadAllText(path);
            }

            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
        }

        // Many facts share a file: each path is made relative once.
        private readonly Dictionary<string, string> _relative = new(StringComparer.Ordinal);

        private string Relative(string file)
        {
            if (!_relative.TryGetValue(file, out var relative))
            {
                _relative[file] = relative = PathUtil.ToRelative(file, _projectDirectory);
            }

            return relative;
        }
    }
}
