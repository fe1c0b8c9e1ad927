using Microsoft.CodeAnalysis.Diagnostics;

namespace Residency.Analyzers.Rules
{
    /// <summary>What every analyzer of the package configures the same way.</summary>
    internal static class AnalyzerSettings
    {
        /// <summary>
        /// Generated code is not analysed (no <see cref="GeneratedCodeAnalysisFlags.Analyze"/>): the compiler runs no action of
        /// ours on a generated file or a <c>[GeneratedCode]</c> symbol. <see cref="GeneratedCodeAnalysisFlags.ReportDiagnostics"/>
        /// is set because every diagnostic a rule reports is at a location an action found in hand-written code: without it the
        /// compiler checks each reported location against the generated code of its file, which costs a scan of the whole
        /// tree (for <c>[GeneratedCode]</c> attributes) per file that gets a diagnostic — about 5 % of the analyzers' time on the
        /// benchmark (docs/benchmarks.md). <c>GeneratedCodeTests</c> pins that generated files still get no diagnostics.
        /// </summary>
        public const GeneratedCodeAnalysisFlags GeneratedCode = GeneratedCodeAnalysisFlags.ReportDiagnostics;
    }
}
