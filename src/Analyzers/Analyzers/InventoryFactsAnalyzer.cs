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

                var reportedSinks = new ConcurrentDictionary<string, bool>();
                start.RegisterOperationAction(
                    operation =>
                    {
                        var invocation = (IInvocationOperation)operation.Operation;
                        var call = residency.Engine.ResolveSink(invocation);
                        if (call is null)
                        {
                            return;
                        }

                        foreach (var sink in call.Sinks)
                        {
                            if (!reportedSinks.TryAdd(sink.Id + "@" + invocation.Syntax.SyntaxTree.FilePath + ":" + invocation.Syntax.SpanStart, true))
                            {
                                continue;
                            }

                            operation.ReportDiagnostic(Diagnostic.Create(
                                Descriptors.RES902,
                                invocation.Syntax.GetLocation(),
                                FactPayload.ForSink(sink),
                                $"sink {sink.Describe()} in {sink.Region.Display} ({sink.ResolvedBy})"));
                        }
                    },
                    OperationKind.Invocation);
            });
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
