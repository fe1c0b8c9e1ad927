using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Diagnostics;
using Residency.Analyzers.Flow;

namespace Residency.Analyzers.Rules
{
    /// <summary>
    /// RES008: personal data handed to a method of a referenced assembly that is neither a known sink nor known to keep
    /// data in the process. Reported where the data is read, on the operation that hands it on (as the flow rules are),
    /// from the same memoised method summaries (<see cref="MethodSummary.Unclassified"/>). Reporting only: the inventory's
    /// "Not classified" section is collected by <see cref="InventoryFactsAnalyzer"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnclassifiedRecipientAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RES008);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(AnalyzerSettings.GeneratedCode);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var residency = ResidencyContext.For(start.Compilation, start.Options);
                if (!residency.MayHavePersonalData)
                {
                    return;
                }

                // In a command-line build the analysis waits for the end of the compilation (Flow/DeferredAnalyses.cs).
                FlowFindings.RegisterReporting(start, residency, (method, summary, report) => Report(method, summary, residency, report));
            });
        }

        private static void Report(IMethodSymbol method, MethodSummary summary, ResidencyContext residency, Action<Diagnostic> report)
        {
            if (summary.Unclassified.IsEmpty)
            {
                return;
            }

            var methodId = residency.MethodId(method);
            foreach (var finding in FlowFindings.InOrder(summary.Unclassified))
            {
                // The verdict's data and path descriptions; an unclassified recipient has no status to judge.
                var described = FlowVerdict.Judge(finding, method, residency.Options.Policy, residency.Transfers);
                var properties = DiagnosticProperties.ForUnclassified(finding, DiagnosticProperties.UnclassifiedFingerprint(finding, methodId));
                var additional = described.Sources
                    .Select(source => source.Symbol.Locations.FirstOrDefault(l => l.IsInSource))
                    .Where(location => location is not null)
                    .Cast<Location>();
                report(Diagnostic.Create(
                    Descriptors.RES008,
                    finding.Syntax.GetLocation(),
                    additional,
                    properties,
                    described.DescribeData(),
                    finding.Sink.Display,
                    described.DescribePath()));
            }
        }
    }
}
