using System;
using System.Globalization;
using System.IO;
using Residency.Analyzers.Json;
using Residency.Facts;

namespace Residency.Build.Reading
{
    /// <summary>Reads another project's or a package's <c>inventory.json</c> so that it can be merged into this one.</summary>
    internal static class InventoryReader
    {
        /// <param name="path">The inventory file.</param>
        /// <param name="assemblyHint">The assembly to attribute items to when the file does not say (item metadata <c>AssemblyName</c>).</param>
        public static ReadResult Read(string path, string? assemblyHint)
        {
            var facts = new FactSet();
            string text;
            try
            {
                if (!File.Exists(path))
                {
                    return new ReadResult(facts, "the referenced inventory was not found (build the referenced project first); it is not merged");
                }

                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return new ReadResult(facts, "the referenced inventory could not be read: " + e.Message);
            }

            var root = JsonParser.TryParse(text, out var error);
            if (root is null)
            {
                return new ReadResult(facts, string.Format(
                    CultureInfo.InvariantCulture,
                    "the referenced inventory is not valid JSON ({0} at line {1}, column {2}); it is not merged",
                    error!.Message,
                    error.Line,
                    error.Column));
            }

            if (!root.IsObject || root.Get("flows") is not { IsArray: true } && root.Get("dataElements") is not { IsArray: true })
            {
                return new ReadResult(facts, "the referenced file is not a Residency inventory (no 'flows' or 'dataElements'); it is not merged");
            }

            var assembly = JsonRead.Str(root, "assembly") ?? assemblyHint ?? Path.GetFileNameWithoutExtension(Path.GetDirectoryName(path) ?? path);
            foreach (var node in JsonRead.Arr(root, "dataElements"))
            {
                if (FactJsonReader.Element(node, assembly) is { } element)
                {
                    facts.Elements.Add(element);
                }
            }

            foreach (var node in JsonRead.Arr(root, "sinks"))
            {
                if (FactJsonReader.SinkEntry(node, assembly) is { } sink)
                {
                    facts.Sinks.Add(sink);
                }
            }

            foreach (var node in JsonRead.Arr(root, "flows"))
            {
                if (FactJsonReader.Flow(node, assembly) is { } flow)
                {
                    facts.Flows.Add(flow);
                }
            }

            foreach (var node in JsonRead.Arr(root, "findings"))
            {
                if (FactJsonReader.Finding(node, assembly) is { } finding)
                {
                    facts.Findings.Add(finding);
                }
            }

            var version = JsonRead.Int(root, "schemaVersion");
            return new ReadResult(facts, version is > 1
                ? "the referenced inventory has schemaVersion " + version.Value.ToString(CultureInfo.InvariantCulture) + ", newer than this package understands; only the known fields are merged"
                : null);
        }
    }
}
