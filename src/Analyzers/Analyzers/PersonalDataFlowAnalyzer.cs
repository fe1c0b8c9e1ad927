using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Diagnostics;
using Residency.Analyzers.Flow;

namespace Residency.Analyzers.Analyzers
{
    /// <summary>
    /// RES001, RES002, RES003, RES005 (and the RES900 flow facts for the inventory): personal data that reaches a sink,
    /// judged against the allowed regions and the declared transfers. Reported in the method where the data is read,
    /// on the operation that hands it on toward the sink.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PersonalDataFlowAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RES001, Descriptors.RES002, Descriptors.RES003, Descriptors.RES005, Descriptors.RES900);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var residency = ResidencyContext.For(start.Compilation, start.Options);
                if (!residency.MayHavePersonalData)
                {
                    return; // nothing in this compilation can be personal data
                }

                // A code-block action, not an operation-block one: the body is bound to operations only when the
                // syntactic pre-filter says it may touch personal data (docs/architecture.md, "Cost").
                start.RegisterCodeBlockAction(block => AnalyzeBlock(block, residency));
            });
        }

        private static void AnalyzeBlock(CodeBlockAnalysisContext context, ResidencyContext residency)
        {
            if (context.OwningSymbol is not IMethodSymbol method)
            {
                return;
            }

            if (!residency.Options.InferPersonalData && !residency.Index.MayTouchPersonalData(context.CodeBlock))
            {
                return;
            }

            var summary = residency.Engine.AnalyseMethod(method, context.SemanticModel, context.CodeBlock, context.CancellationToken);
            if (summary is null)
            {
                return;
            }

            var methodId = method.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

            foreach (var finding in summary.Findings.OrderBy(f => f.Syntax.SpanStart).ThenBy(f => f.Sink.Id, StringComparer.Ordinal))
            {
                var verdict = FlowVerdict.Judge(finding, method, residency.Options.Policy, residency.Transfers);
                var descriptor = verdict.Status switch
                {
                    FlowStatus.Violation => Descriptors.RES001,
                    FlowStatus.Special => Descriptors.RES002,
                    FlowStatus.Unknown => Descriptors.RES003,
                    FlowStatus.Declared => Descriptors.RES005,
                    _ => residency.Options.EmitFacts ? Descriptors.RES900 : null,
                };
                if (descriptor is null)
                {
                    continue;
                }

                var properties = FactPayload.ForFlow(verdict, methodId, descriptor.Id);
                var location = finding.Syntax.GetLocation();
                var additional = AdditionalLocations(verdict);
                var sink = finding.Sink;
                object[] arguments = verdict.Status switch
                {
                    FlowStatus.Unknown => new object[] { verdict.DescribeData(), sink.Describe(), verdict.DescribePath() },
                    FlowStatus.Declared => new object[] { verdict.DescribeData(), sink.Describe(), sink.Region.Display, verdict.Transfer!.Describe(), verdict.DescribePath() },
                    FlowStatus.Violation or FlowStatus.Special => new object[] { verdict.DescribeData(), sink.Describe(), sink.Region.Display, residency.Options.Policy.Text, verdict.DescribePath() },
                    _ => new object[] { $"{verdict.StatusName} flow: {verdict.DescribeData()} → {sink.Describe()} in {sink.Region.Display}; path: {verdict.DescribePath()}" },
                };

                context.ReportDiagnostic(Diagnostic.Create(descriptor, location, additional, properties, arguments));
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
