using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Diagnostics;
using Residency.Analyzers.Flow;

namespace Residency.Analyzers.Rules
{
    /// <summary>
    /// RES001, RES002, RES003, RES005: personal data that reaches a sink, judged against the allowed regions and the
    /// declared transfers. Reported in the method where the data is read, on the operation that hands it on toward the
    /// sink. Reporting only: the inventory's facts are collected by <see cref="InventoryFactsAnalyzer"/> from the same
    /// memoised method summaries, whatever the severity of these rules.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PersonalDataFlowAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RES001, Descriptors.RES002, Descriptors.RES003, Descriptors.RES005);

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

                // A code-block action, not an operation-block one: the body is bound to operations only when the
                // syntactic pre-filter says it may touch personal data (docs/architecture.md, "Performance by design"). In a command-line
                // build the analysis waits for the end of the compilation, when the compiler has bound every body.
                FlowFindings.RegisterReporting(start, residency, (method, summary, report) => Report(method, summary, residency, report));
            });
        }

        private static void Report(IMethodSymbol method, MethodSummary summary, ResidencyContext residency, Action<Diagnostic> report)
        {
            if (summary.Findings.IsEmpty)
            {
                return; // most analysed methods find nothing: no display string for them
            }

            var methodId = residency.MethodId(method);
            foreach (var finding in FlowFindings.InOrder(summary))
            {
                var verdict = FlowVerdict.Judge(finding, method, residency.Options.Policy, residency.Transfers);
                var descriptor = Descriptors.ForFlow(verdict.Status);
                if (descriptor is null)
                {
                    continue;
                }

                var properties = DiagnosticProperties.ForFlow(verdict, DiagnosticProperties.FlowFingerprint(verdict, methodId, descriptor.Id));
                var sink = finding.Sink;
                object[] arguments = verdict.Status switch
                {
                    FlowStatus.Unknown => new object[] { verdict.DescribeData(), sink.Describe(), verdict.DescribePath(), sink.DeclareAdvice },
                    FlowStatus.Declared => new object[] { verdict.DescribeData(), sink.Describe(), sink.Region.Display, verdict.Transfer!.Describe(), verdict.DescribePath() },
                    FlowStatus.Special => new object[] { verdict.DescribeSpecialData(), sink.Describe(), sink.Region.Display, residency.Options.Policy.Text, verdict.DescribePath() },
                    _ => new object[] { verdict.DescribeData(), sink.Describe(), sink.Region.Display, residency.Options.Policy.Text, verdict.DescribePath() },
                };

                report(Diagnostic.Create(descriptor, finding.Syntax.GetLocation(), AdditionalLocations(verdict), properties, arguments));
            }
        }

        private static IEnumerable<Location> AdditionalLocations(FlowVerdict verdict)
        {
            if (verdict.Finding.Sink.Location is { IsInSource: true } sinkLocation)
            {
                yield return sinkLocation;
            }

            foreach (var source in verdict.Sources)
            {
                var location = source.Symbol.Locations.FirstOrDefault(l => l.IsInSource);
                if (location is not null)
                {
                    yield return location;
                }
            }
        }
    }
}
