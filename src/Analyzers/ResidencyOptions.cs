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

        private ResidencyOptions(ResidencyPolicy policy, string internalHosts, bool inferPersonalData, string? factsFile)
        {
            Policy = policy;
            InternalHosts = internalHosts;
            InferPersonalData = inferPersonalData;
            FactsFile = factsFile;
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
                global.TryGetValue(FactsFileKey, out var factsFile) && !string.IsNullOrWhiteSpace(factsFile) ? factsFile.Trim() : null);
        }

        private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
            options.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
