using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.Build.Framework;
using Residency.Build.Model;
using Residency.Facts;
using Residency.Build.Reading;
using Residency.Build.Util;
using Residency.Build.Writing;

namespace Residency.Build
{
    /// <summary>
    /// Writes the personal-data inventory (<c>inventory.json</c>, <c>.md</c>, <c>.html</c>, <c>.csv</c>) from the facts file
    /// the Residency analyzers wrote at the end of the compilation, merged with the inventories of referenced projects
    /// and packages. It never fails the build: unreadable inputs give a RES010 warning, unwritable outputs RES011.
    /// </summary>
    public sealed class GenerateResidencyInventory : Microsoft.Build.Utilities.Task
    {
        public const string InputWarning = "RES010";
        public const string OutputWarning = "RES011";

        /// <summary>The facts file the analyzers wrote (<c>$(_ResidencyFactsFile)</c>, under the intermediate output path).</summary>
        public string? FactsPath { get; set; }

        /// <summary>The assembly the facts belong to when a result does not say (<c>$(AssemblyName)</c>).</summary>
        public string? AssemblyName { get; set; }

        public string? ProjectPath { get; set; }

        /// <summary>Source paths in the inventory are relative to this directory (default: the directory of <see cref="ProjectPath"/>).</summary>
        public string? ProjectDirectory { get; set; }

        /// <summary>Where the inventory files go (<c>$(ResidencyInventoryDir)</c>).</summary>
        [Required]
        public string OutputDirectory { get; set; } = "";

        /// <summary><c>;</c>-separated region codes (<c>$(ResidencyAllowedRegions)</c>, default <c>EEA;Adequate</c>).</summary>
        public string? AllowedRegions { get; set; }

        public bool Enforce { get; set; }

        /// <summary>Where <c>residency-baseline.json</c> is written when <see cref="UpdateBaseline"/> is true.</summary>
        public string? BaselinePath { get; set; }

        public bool UpdateBaseline { get; set; }

        /// <summary><c>inventory.json</c> files of referenced projects (metadata <c>AssemblyName</c> optional).</summary>
        public ITaskItem[]? ReferencedInventories { get; set; }

        /// <summary>References resolved from NuGet packages (<c>@(ReferencePath)</c> with <c>NuGetPackageId</c>), searched for <c>residency/inventory.json</c>.</summary>
        public ITaskItem[]? PackageReferences { get; set; }

        public string? NuGetPackageRoot { get; set; }

        /// <summary>Microsoft.Extensions.AuditReports' <c>ComplianceReport.json</c>, optional.</summary>
        public string? ComplianceReportPath { get; set; }

        /// <summary>Art. 30(1)(a): <c>$(ResidencyController)</c>.</summary>
        public string? Controller { get; set; }

        /// <summary>Art. 30(1)(a): <c>$(ResidencyDataProtectionOfficer)</c>.</summary>
        public string? DataProtectionOfficer { get; set; }

        /// <summary>The directory the build was started from (<c>$(MSBuildStartupDirectory)</c>), for the summary line's path.</summary>
        public string? StartupDirectory { get; set; }

        /// <summary>
        /// Where a class library's exported flows are written (<c>residency.exports.json</c>, docs/cross-project.md), for the
        /// projects that reference it; none when not given. Rewritten only when its bytes change.
        /// </summary>
        public string? ExportsPath { get; set; }

        /// <summary>RES001 + RES002 flows that are not baselined (this assembly and everything merged into it).</summary>
        [Output]
        public int ViolationCount { get; set; }

        [Output]
        public int DeclaredTransferCount { get; set; }

        [Output]
        public int UnknownEndpointCount { get; set; }

        /// <summary>The full path of <c>inventory.json</c>.</summary>
        [Output]
        public string? InventoryFile { get; set; }

        /// <summary>The full path of <c>inventory.html</c>.</summary>
        [Output]
        public string? InventoryHtmlFile { get; set; }

        /// <summary>All files this task owns (for <c>FileWrites</c>).</summary>
        [Output]
        public ITaskItem[] WrittenFiles { get; set; } = new ITaskItem[0];

        public override bool Execute()
        {
            try
            {
                Run();
            }
            catch (Exception e)
            {
                Log.LogWarning(null, OutputWarning, null, ProjectPath ?? "", 0, 0, 0, 0, "Residency: the inventory could not be generated: {0}", e.Message);
            }

            return !Log.HasLoggedErrors;
        }

        private void Run()
        {
            var projectDirectory = FullPath(ProjectDirectory, null)
                ?? FullPath(Path.GetDirectoryName(ProjectPath ?? ""), null)
                ?? Directory.GetCurrentDirectory();
            var assembly = !string.IsNullOrWhiteSpace(AssemblyName) ? AssemblyName!.Trim()
                : !string.IsNullOrWhiteSpace(ProjectPath) ? Path.GetFileNameWithoutExtension(ProjectPath)
                : "unknown";
            var outputDirectory = FullPath(OutputDirectory, projectDirectory) ?? Path.Combine(projectDirectory, "residency");
            var jsonPath = Path.Combine(outputDirectory, "inventory.json");

            var facts = new FactSet();
            var factsReadable = ReadFacts(facts, assembly, projectDirectory, out var analysedRegions);
            ReadComplianceReport(facts, assembly, projectDirectory);
            ReadReferencedInventories(facts, jsonPath);

            var inventory = InventoryBuilder.Build(facts, new InventoryOptions
            {
                Assembly = assembly,
                // The policy as the analyzers parsed it, so the record never lists a region they rejected.
                AllowedRegions = analysedRegions.Count > 0 ? analysedRegions : ParseRegions(AllowedRegions),
                Enforce = Enforce,
                Controller = Blank(Controller),
                DataProtectionOfficer = Blank(DataProtectionOfficer),
                Generator = GeneratorName(),
            });

            if (FullPath(ExportsPath, projectDirectory) is { } exportsPath && factsReadable)
            {
                Write(exportsPath, w => ExportsFile.Write(assembly, facts.Exports, facts.ExportedSources, w));
            }

            var htmlPath = Path.Combine(outputDirectory, "inventory.html");
            var outputs = new[] { jsonPath, Path.Combine(outputDirectory, "inventory.md"), htmlPath, Path.Combine(outputDirectory, "inventory.csv") };
            WriteOutputs(inventory, outputs);

            if (UpdateBaseline)
            {
                WriteBaseline(facts.BaselineCandidates, projectDirectory, factsReadable);
            }

            ViolationCount = inventory.Summary.Violations;
            DeclaredTransferCount = inventory.Summary.DeclaredTransfers;
            UnknownEndpointCount = inventory.Summary.UnknownEndpoints;
            InventoryFile = jsonPath;
            InventoryHtmlFile = htmlPath;
            WrittenFiles = outputs.Select(o => (ITaskItem)new Microsoft.Build.Utilities.TaskItem(o)).ToArray();

            var display = PathUtil.ForDisplay(htmlPath, FullPath(StartupDirectory, null) ?? Directory.GetCurrentDirectory());
            Log.LogMessage(MessageImportance.High, "{0}", SummaryLine.Format(inventory.Summary, display));
        }

        /// <summary>
        /// Renders and writes the four files, <c>inventory.json</c>, <c>.md</c>, <c>.html</c>, <c>.csv</c>, side by side (the JSON
        /// and the CSV on the thread pool, the Art. 30 record, built once for <c>.md</c> and <c>.html</c>, here): the task runs
        /// after the compiler, on the build's critical path, when the machine's other cores are idle. Each file is streamed
        /// to disk as it is rendered (<see cref="AtomicFile"/>) and depends only on the inventory, so its bytes do not depend
        /// on the order the renderings finish in. The outcomes are logged afterwards, on this thread.
        /// </summary>
        private void WriteOutputs(Inventory inventory, string[] outputs)
        {
            var json = System.Threading.Tasks.Task.Run(() => TryWrite(outputs[0], w => JsonInventoryWriter.Write(inventory, w)));
            var csv = System.Threading.Tasks.Task.Run(() => TryWrite(outputs[3], w => CsvInventoryWriter.Write(inventory, w)));
            WriteOutcome markdown, html;
            try
            {
                var record = RecordDocumentBuilder.Build(inventory);
                markdown = TryWrite(outputs[1], w => MarkdownInventoryWriter.Write(inventory, record, w));
                html = TryWrite(outputs[2], w => HtmlInventoryWriter.Write(inventory, record, w));
            }
            finally
            {
                // Whatever happened here, no rendering is left writing a file after the task returns.
                System.Threading.Tasks.Task.WhenAll(new System.Threading.Tasks.Task[] { json, csv }).ContinueWith(_ => { }, System.Threading.Tasks.TaskScheduler.Default).Wait();
            }

            // GetResult, not Wait: a failure surfaces as itself (the task's warning quotes its message), not as an AggregateException.
            var outcomes = new[] { json.GetAwaiter().GetResult(), markdown, html, csv.GetAwaiter().GetResult() };
            for (int i = 0; i < outputs.Length; i++)
            {
                Report(outputs[i], outcomes[i]);
            }
        }

        /// <summary>Reads the analyzers' facts file; false when it could not be read at all (then the baseline is left alone).</summary>
        private bool ReadFacts(FactSet facts, string assembly, string projectDirectory, out IReadOnlyList<string> allowedRegions)
        {
            allowedRegions = new string[0];
            var path = FullPath(FactsPath, projectDirectory);
            if (path is null)
            {
                Warn(InputWarning, ProjectPath, "no facts file was given; the inventory lists no facts from this compilation");
                return false;
            }

            var reader = new FactsReader(assembly, projectDirectory);
            var result = reader.Read(path);
            facts.Add(result.Facts);
            allowedRegions = reader.AllowedRegions;
            if (result.Failed)
            {
                Warn(InputWarning, path, result.Problem!);
            }

            return !result.Failed;
        }

        private void ReadComplianceReport(FactSet facts, string assembly, string projectDirectory)
        {
            var path = FullPath(ComplianceReportPath, projectDirectory);
            if (path is null)
            {
                return;
            }

            var result = ComplianceReportReader.Read(path, assembly, projectDirectory);
            facts.Add(result.Facts);
            if (result.Failed)
            {
                Warn(InputWarning, path, result.Problem!);
            }
        }

        private void ReadReferencedInventories(FactSet facts, string ownInventory)
        {
            var inputs = new List<ReferencedInventory>();
            foreach (var item in ReferencedInventories ?? new ITaskItem[0])
            {
                var path = FullPath(item.ItemSpec, null);
                if (path is not null)
                {
                    inputs.Add(new ReferencedInventory(path, Blank(item.GetMetadata("AssemblyName"))));
                }
            }

            inputs.AddRange(PackageInventoryLocator.Locate(PackageReferences ?? new ITaskItem[0], Blank(NuGetPackageRoot)));

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (path, assembly) in inputs)
            {
                if (PathUtil.SamePath(path, ownInventory) || !seen.Add(path))
                {
                    continue;
                }

                var result = InventoryReader.Read(path, assembly);
                facts.Flows.AddRange(result.Facts.Flows);
                facts.Elements.AddRange(result.Facts.Elements);
                facts.Sinks.AddRange(result.Facts.Sinks);
                facts.Unclassified.AddRange(result.Facts.Unclassified);
                facts.Findings.AddRange(result.Facts.Findings);
                if (result.Failed)
                {
                    Warn(InputWarning, path, result.Problem!);
                }
                else
                {
                    Log.LogMessage(MessageImportance.Low, "Residency: merged {0} ({1} flows, {2} data elements)", path, result.Facts.Flows.Count, result.Facts.Elements.Count);
                }
            }
        }

        private void WriteBaseline(IEnumerable<BaselineFinding> candidates, string projectDirectory, bool factsReadable)
        {
            var path = FullPath(BaselinePath, projectDirectory) ?? Path.Combine(projectDirectory, "residency-baseline.json");
            if (!factsReadable)
            {
                Warn(InputWarning, path, "the baseline was not updated because the analyzers' facts file could not be read");
                return;
            }

            var findings = BaselineWriter.Normalise(candidates);
            if (Write(path, BaselineWriter.Write(findings)))
            {
                Log.LogMessage(MessageImportance.High, "Residency: wrote {0} to the baseline {1}", SummaryLine.Count(findings.Count, "finding"), path);
            }
            else
            {
                Log.LogMessage(MessageImportance.High, "Residency: the baseline {0} is up to date ({1})", path, SummaryLine.Count(findings.Count, "finding"));
            }
        }

        /// <summary>Writes one output; false when it was already up to date or could not be written (RES011).</summary>
        private bool Write(string path, string content) => Write(path, w => w.Write(content));

        private bool Write(string path, Action<TextWriter> write) => Report(path, TryWrite(path, write));

        /// <summary>Streams one output to disk: whether it was written, or the I/O error that stopped it (logged by <see cref="Report"/>).</summary>
        private static WriteOutcome TryWrite(string path, Action<TextWriter> write)
        {
            try
            {
                return new WriteOutcome(AtomicFile.WriteIfChanged(path, write), null);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return new WriteOutcome(false, e);
            }
        }

        private bool Report(string path, WriteOutcome outcome)
        {
            if (outcome.Error is { } error)
            {
                Warn(OutputWarning, path, "could not be written: " + error.Message);
                return false;
            }

            Log.LogMessage(MessageImportance.Low, outcome.Written ? "Residency: wrote {0}" : "Residency: {0} is up to date", path);
            return outcome.Written;
        }

        private void Warn(string code, string? file, string message) =>
            Log.LogWarning(null, code, null, file ?? "", 0, 0, 0, 0, "Residency: {0}", message);

        /// <summary>
        /// The allowed regions when no facts file could be read (the analyzers' own parse is used otherwise): entries
        /// that are not region codes are dropped, as the analyzers drop them.
        /// </summary>
        internal static IReadOnlyList<string> ParseRegions(string? value)
        {
            var regions = new List<string>();
            foreach (var part in (value ?? "").Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var region = part.Trim();
                if (IsRegionCode(region) && !regions.Exists(r => string.Equals(r, region, StringComparison.OrdinalIgnoreCase)))
                {
                    regions.Add(region);
                }
            }

            return regions.Count > 0 ? regions : ParseRegions(Analyzers.Regions.RegionTable.DefaultAllowedRegions);
        }

        private static bool IsRegionCode(string token)
        {
            var upper = token.ToUpperInvariant();
            return upper is "EU" or "EEA" or "ADEQUATE" or "UNKNOWN" or "EL" ||
                (upper.Length == 2 && Analyzers.Regions.RegionTable.IsoCodes.Split(' ').Contains(upper));
        }

        private static string? FullPath(string? path, string? baseDirectory)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                return null;
            }

            try
            {
                return Path.GetFullPath(baseDirectory is null || Path.IsPathRooted(path) ? path : Path.Combine(baseDirectory, path));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return null;
            }
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private static string GeneratorName()
        {
            var version = typeof(GenerateResidencyInventory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (string.IsNullOrEmpty(version))
            {
                return "Residency.Analyzers";
            }

            int plus = version!.IndexOf('+');
            return "Residency.Analyzers " + (plus >= 0 ? version.Substring(0, plus) : version);
        }
    }
}
