using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Diagnostics
{
    /// <summary>The diagnostic descriptors, each linked to its page in docs/rules.</summary>
    internal static class Descriptors
    {
        public const string Category = "Residency";
        public const string HelpBase = "https://github.com/residency-analyzers/residency-analyzers/blob/main/docs/rules/";

        public static readonly DiagnosticDescriptor RES001 = new(
            DiagnosticIds.TransferOutsideAllowedRegions,
            title: "Personal data sent outside the allowed regions",
            messageFormat: "Personal data {0} reaches {1} in {2}, outside the allowed regions ({3}), and no DataTransfer covers it; path: {4}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "GDPR Chapter V forbids transferring personal data outside the EEA without an adequacy decision or a declared safeguard. Use an endpoint in an allowed region, or declare the transfer basis with [DataTransfer].",
            helpLinkUri: HelpBase + "RES001.md");

        public static readonly DiagnosticDescriptor RES002 = new(
            DiagnosticIds.SpecialCategoryTransfer,
            title: "Special-category data sent outside the allowed regions",
            messageFormat: "Special-category data {0} reaches {1} in {2}, outside the allowed regions ({3}), and no DataTransfer covers it; path: {4}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "Art. 9/10 data (health, biometric, …) reaches a sink outside the allowed regions with no declared transfer basis. Such transfers need particular care.",
            helpLinkUri: HelpBase + "RES002.md");

        public static readonly DiagnosticDescriptor RES003 = new(
            DiagnosticIds.UnknownSinkRegion,
            title: "Personal data sent to an endpoint of unknown region",
            messageFormat: "Personal data {0} reaches {1}, whose region is unknown; path: {2}; to declare it, {3}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "The destination of this sink could not be determined. Annotate it with [DataSink(region)], add its host to residency.json, or mark it internal with ResidencyInternalHosts.",
            helpLinkUri: HelpBase + "RES003.md");

        public static readonly DiagnosticDescriptor RES004 = new(
            DiagnosticIds.InvalidConfiguration,
            title: "Invalid residency annotation or configuration",
            messageFormat: "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A region code is not an ISO 3166-1 alpha-2 code nor one of EU, EEA, Adequate, Unknown, a data category is mistyped (a special category outside Art. 9/10, a near miss of a known key), a [DataTransfer] has no justification written by a person, or a configuration file cannot be read.",
            helpLinkUri: HelpBase + "RES004.md");

        /// <summary>RES004 for project-level configuration (MSBuild properties, configuration files), reported once per compilation.</summary>
        public static readonly DiagnosticDescriptor RES004Configuration = new(
            DiagnosticIds.InvalidConfiguration,
            title: "Invalid residency annotation or configuration",
            messageFormat: "{0}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A region code is not an ISO 3166-1 alpha-2 code nor one of EU, EEA, Adequate, Unknown, a data category is mistyped (a special category outside Art. 9/10, a near miss of a known key), a [DataTransfer] has no justification written by a person, or a configuration file cannot be read.",
            helpLinkUri: HelpBase + "RES004.md",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor RES005 = new(
            DiagnosticIds.DeclaredTransfer,
            title: "Declared transfer of personal data",
            messageFormat: "Personal data {0} reaches {1} in {2} under a declared transfer ({3}); path: {4}",
            Category,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "Personal data leaves the allowed regions under a declared Chapter V basis. This is recorded in the inventory, not a violation.",
            helpLinkUri: HelpBase + "RES005.md");

        public static readonly DiagnosticDescriptor RES006 = new(
            DiagnosticIds.UnannotatedPersonalData,
            title: "Member looks like personal data but is not annotated",
            messageFormat: "'{0}' looks like personal data ({1}) but is not annotated",
            Category,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "The member's name suggests personal data. Annotate it with [PersonalData] so that its flows are checked and it appears in the inventory.",
            helpLinkUri: HelpBase + "RES006.md");

        /// <summary>The rule a flow of this status raises; null for allowed and internal flows, which raise none.</summary>
        internal static DiagnosticDescriptor? ForFlow(Flow.FlowStatus status) => status switch
        {
            Flow.FlowStatus.Violation => RES001,
            Flow.FlowStatus.Special => RES002,
            Flow.FlowStatus.Unknown => RES003,
            Flow.FlowStatus.Declared => RES005,
            _ => null,
        };

        /// <summary>
        /// Not configurable on purpose: a descriptor that no severity setting can turn off keeps the compiler from
        /// skipping the analyzer that collects the inventory's facts, so silencing every other rule never empties the
        /// record (docs/inventory.md, "Findings and their treatment").
        /// </summary>
        public static readonly DiagnosticDescriptor RES007 = new(
            DiagnosticIds.FactsNotWritten,
            title: "The inventory's facts could not be written",
            messageFormat: "Residency could not write the inventory's facts to '{0}': {1}",
            Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "At the end of a command-line compilation the analyzers write what they found to a facts file that the inventory task reads. The file could not be written, so the inventory of this build is incomplete.",
            helpLinkUri: HelpBase + "RES007.md",
            customTags: new[] { WellKnownDiagnosticTags.NotConfigurable, WellKnownDiagnosticTags.CompilationEnd });

        public static readonly DiagnosticDescriptor RES008 = new(
            DiagnosticIds.UnclassifiedRecipient,
            title: "Personal data handed to a method nobody classified",
            messageFormat: "Personal data {0} is handed to {1}, which is not classified (neither a known sink nor known to keep data in the process); path: {2}",
            Category,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "The method belongs to a referenced assembly (a package or another project) that the catalogues do not know. If it sends data somewhere, declare it in residency.json under 'sinks' with its region; if it keeps data in the process, list it under 'local'. Until then the inventory lists it as not classified, and its record does not claim that no data leaves.",
            helpLinkUri: HelpBase + "RES008.md");
    }
}
