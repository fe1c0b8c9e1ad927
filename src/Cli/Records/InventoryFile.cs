using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Residency.Build;
using Residency.Build.Model;
using Residency.Facts;
using Residency.Build.Reading;

namespace Residency.Cli.Records
{
    /// <summary>
    /// Loads an <c>inventory.json</c> through the inventory task's own reader and builder, after checking that the file
    /// is one (a clear one-line <see cref="CliException"/> otherwise: missing file, not JSON, not an inventory,
    /// unsupported schema version).
    /// </summary>
    internal static class InventoryFile
    {
        public static Inventory Load(string path)
        {
            var fullPath = Path.GetFullPath(path);
            if (Directory.Exists(fullPath))
            {
                throw new CliException($"{path}: is a directory; give the inventory.json file");
            }

            if (!File.Exists(fullPath))
            {
                throw new CliException($"{path}: file not found");
            }

            var header = ReadHeader(path, fullPath);
            var result = InventoryReader.Read(fullPath, null);
            if (result.Failed)
            {
                throw new CliException($"{path}: {result.Problem}");
            }

            return InventoryBuilder.Build(result.Facts, header);
        }

        /// <summary>Checks the file and returns the inventory's own settings (assembly, policy, controller, generator).</summary>
        internal static InventoryOptions ReadHeader(string displayPath, string fullPath)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(File.ReadAllText(fullPath), new JsonDocumentOptions { AllowTrailingCommas = true });
            }
            catch (JsonException e)
            {
                throw new CliException($"{displayPath}: not a Residency inventory (not valid JSON: line {e.LineNumber + 1}: {FirstSentence(e.Message)})");
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object ||
                    !(root.TryGetProperty("flows", out var flows) && flows.ValueKind == JsonValueKind.Array) ||
                    !(root.TryGetProperty("dataElements", out var elements) && elements.ValueKind == JsonValueKind.Array))
                {
                    throw new CliException($"{displayPath}: not a Residency inventory (no 'flows' and 'dataElements' arrays)");
                }

                if (!root.TryGetProperty("schemaVersion", out var versionElement) || versionElement.ValueKind != JsonValueKind.Number || !versionElement.TryGetInt32(out var version))
                {
                    throw new CliException($"{displayPath}: not a Residency inventory (no numeric 'schemaVersion')");
                }

                if (version < 1 || version > Inventory.SchemaVersion)
                {
                    throw new CliException(string.Format(
                        CultureInfo.InvariantCulture,
                        "{0}: inventory schema version {1} is not supported (this residency reads version {2}{3}); use the Residency.Cli that matches the package that wrote it",
                        displayPath,
                        version,
                        Inventory.SchemaVersion == 1 ? "" : "1 to ",
                        Inventory.SchemaVersion));
                }

                var regions = new List<string>();
                var enforce = false;
                if (root.TryGetProperty("policy", out var policy) && policy.ValueKind == JsonValueKind.Object)
                {
                    if (policy.TryGetProperty("allowedRegions", out var allowed) && allowed.ValueKind == JsonValueKind.Array)
                    {
                        regions.AddRange(allowed.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!));
                    }

                    enforce = policy.TryGetProperty("enforce", out var e) && e.ValueKind == JsonValueKind.True;
                }

                return new InventoryOptions
                {
                    Assembly = Text(root, "assembly") ?? Path.GetFileNameWithoutExtension(fullPath),
                    AllowedRegions = regions.Count > 0 ? regions : new[] { "EEA", "Adequate" },
                    Enforce = enforce,
                    Controller = Text(root, "controller"),
                    DataProtectionOfficer = Text(root, "dataProtectionOfficer"),
                    Generator = Text(root, "generator") ?? "Residency.Analyzers",
                };
            }
        }

        private static string? Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static string FirstSentence(string message)
        {
            int end = message.IndexOf(". ", StringComparison.Ordinal);
            return (end > 0 ? message.Substring(0, end) : message).TrimEnd('.');
        }
    }
}
