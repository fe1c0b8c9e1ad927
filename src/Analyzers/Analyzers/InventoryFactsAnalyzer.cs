using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Diagnostics;

namespace Residency.Analyzers.Analyzers
{
    /// <summary>
    /// RES901 and RES902: every annotated personal-data element and every sink, as facts for the inventory (a DPO
    /// needs the elements even when no flow reaches a sink). Only in command-line builds (<c>ResidencyEmitFacts</c>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InventoryFactsAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.RES901, Descriptors.RES902);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var residency = ResidencyContext.For(start.Compilation, start.Options);
                if (!residency.Options.EmitFacts)
                {
                    return;
                }

                start.RegisterSymbolAction(
                    symbol => ReportElements(symbol, residency),
                    SymbolKind.NamedType,
                    SymbolKind.Property,
                    SymbolKind.Field,
                    SymbolKind.Method);

                // Sink facts: a code-block action that binds a body to operations only when it mentions a name that a sink
                // provider may recognise (an operation action would bind every body of the compilation).
                var reportedSinks = new ConcurrentDictionary<string, bool>();
                start.RegisterCodeBlockAction(block => ReportSinks(block, residency, reportedSinks));
            });
        }

        private static void ReportSinks(CodeBlockAnalysisContext context, ResidencyContext residency, ConcurrentDictionary<string, bool> reportedSinks)
        {
            if (!residency.Index.MayCallSink(context.CodeBlock))
            {
                return;
            }

            var root = context.SemanticModel.GetOperation(context.CodeBlock, context.CancellationToken);
            if (root is null)
            {
                return;
            }

            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is not IInvocationOperation invocation)
                {
                    continue;
                }

                var call = residency.Engine.ResolveSink(invocation);
                if (call is null)
                {
                    continue;
                }

                foreach (var sink in call.Sinks)
                {
                    if (!reportedSinks.TryAdd(sink.Id + "@" + invocation.Syntax.SyntaxTree.FilePath + ":" + invocation.Syntax.SpanStart, true))
                    {
                        continue;
                    }

                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RES902,
                        invocation.Syntax.GetLocation(),
                        FactPayload.ForSink(sink),
                        $"sink {sink.Describe()} in {sink.Region.Display} ({sink.ResolvedBy})"));
                }
            }
        }

        private static void ReportElements(SymbolAnalysisContext context, ResidencyContext residency)
        {
            var symbol = context.Symbol;
            if (symbol.IsImplicitlyDeclared)
            {
                return;
            }

            Report(symbol);
            if (symbol is IMethodSymbol method)
            {
                foreach (var parameter in method.Parameters)
                {
                    Report(parameter);
                }
            }

            void Report(ISymbol candidate)
            {
                var element = residency.Classifier.GetElement(candidate);
                var location = candidate.Locations.FirstOrDefault(l => l.IsInSource);
                if (element is null || location is null)
                {
                    return;
                }

                // Members of a personal type are listed through the type; report them only when they are annotated themselves.
                if (candidate is IPropertySymbol or IFieldSymbol && !HasOwnAnnotation(candidate, residency) && element.Origin != Model.ElementOrigin.Inferred)
                {
                    return;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RES901,
                    location,
                    FactPayload.ForElement(element),
                    $"personal data {element.Describe()}"));
            }
        }

        private static bool HasOwnAnnotation(ISymbol symbol, ResidencyContext residency) =>
            symbol.GetAttributes().Any(a =>
                Model.WellKnownTypes.Is(a.AttributeClass, residency.Types.PersonalData) ||
                Model.WellKnownTypes.Is(a.AttributeClass, residency.Types.SpecialCategoryData) ||
                Model.WellKnownTypes.Is(a.AttributeClass, residency.Types.IdentityPersonalData) ||
                Model.WellKnownTypes.Is(a.AttributeClass, residency.Types.IdentityProtectedPersonalData) ||
                Model.WellKnownTypes.DerivesFrom(a.AttributeClass, residency.Types.DataClassification));
    }
}
