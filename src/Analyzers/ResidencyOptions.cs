using System;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Regions;

namespace Residency.Analyzers
{
    /// <summary>
    /// The MSBuild properties the package passes to the analyzers (as <c>build_property.*</c> global options).
    /// </summary>
    internal sealed class ResidencyOptions
    {
        public const string AllowedRegionsKey = "build_property.ResidencyAllowedRegions";
        public const string InternalHostsKey = "build_property.ResidencyInternalHosts";

        // The package's targets pass ';'-lists with ',' separators under these keys: analyzer config files end a value at ';'.
        public const string NormalizedAllowedRegionsKey = "build_property._ResidencyAllowedRegions";
        public const string NormalizedInternalHostsKey = "build_property._ResidencyInternalHosts";
        public const string InferPersonalDataKey = "build_property.ResidencyInferPersonalData";
        public const string FactsFileKey = "build_property._ResidencyFactsFile";
        public const string CommandLineBuildKey = "build_property._ResidencyCommandLineBuild";
        public const string ExportSummariesKey = "build_property._ResidencyExportSummaries";

        private ResidencyOptions(ResidencyPolicy policy, string internalHosts, bool inferPersonalData, string? factsFile, bool commandLineBuild, bool exportSummaries)
        {
            ExportSummaries = exportSummaries && factsFile is not null;
            Policy = policy;
            InternalHosts = internalHosts;
            InferPersonalData = inferPersonalData;
            FactsFile = factsFile;
            CommandLineBuild = commandLineBuild || factsFile is not null;
        }

        public ResidencyPolicy Policy { get; }

        /// <summary><c>ResidencyInternalHosts</c>: the organisation's own domains, <c>;</c>-separated host patterns.</summary>
        public string InternalHosts { get; }

        /// <summary><c>ResidencyInferPersonalData</c>: treat members that look like personal data by name as sources.</summary>
        public bool InferPersonalData { get; }

        /// <summary>
        /// Where the inventory's facts are written at compilation end. The package's targets pass it in command-line
        /// builds only (never in design-time or IDE builds), so the IDE never collects or writes facts.
        /// </summary>
        public string? FactsFile { get; }

        /// <summary>The facts of this compilation are collected for the inventory (<see cref="FactsFile"/> is given).</summary>
        public bool EmitFacts => FactsFile is not null;

        /// <summary>
        /// A command-line build (the package's targets say so, and a build that writes facts is one): the whole compilation
        /// is analysed once and then thrown away, so the compilation-wide indexes are worth building in full and up front
        /// (docs/architecture.md, "Two pre-filters"). False in the IDE and in design-time builds, where a compilation is
        /// often abandoned at the next keystroke.
        /// </summary>
        public bool CommandLineBuild { get; }

        /// <summary>
        /// A library whose public methods' parameter-to-sink flows are written to the facts file for the projects that
        /// reference it (docs/cross-project.md): the package's targets say so for a class library, and only where the facts
        /// are written.
        /// </summary>
        public bool ExportSummaries { get; }

        public static ResidencyOptions From(AnalyzerOptions options)
        {
            var global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            if (!global.TryGetValue(NormalizedAllowedRegionsKey, out var allowed) || string.IsNullOrWhiteSpace(allowed))
            {
                global.TryGetValue(AllowedRegionsKey, out allowed);
            }

            if (!global.TryGetValue(NormalizedInternalHostsKey, out var internalHosts) || string.IsNullOrWhiteSpace(internalHosts))
            {
                global.TryGetValue(InternalHostsKey, out internalHosts);
            }

            return new ResidencyOptions(
                ResidencyPolicy.Parse(allowed),
                internalHosts ?? string.Empty,
                IsTrue(global, InferPersonalDataKey),
                global.TryGetValue(FactsFileKey, out var factsFile) && !string.IsNullOrWhiteSpace(factsFile) ? factsFile.Trim() : null,
                IsTrue(global, CommandLineBuildKey),
                IsTrue(global, ExportSummariesKey));
        }

        private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
            options.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
