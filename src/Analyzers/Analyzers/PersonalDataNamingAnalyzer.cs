using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Diagnostics;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Analyzers
{
    /// <summary>
    /// RES006: a property or field of a data-carrying type (class, record, struct) whose name says it is personal data
    /// (email, phone, birth date, IBAN, … in English, German, French, Spanish, Italian) but that is not annotated.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PersonalDataNamingAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the inferred fideslang category (used by the code fix).</summary>
        public const string CategoryKey = "residency.category";

        private static readonly NameHeuristics Heuristics = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RES006);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var residency = ResidencyContext.For(start.Compilation, start.Options);
                start.RegisterSymbolAction(symbol => Analyze(symbol, residency), SymbolKind.Property, SymbolKind.Field);
            });
        }

        private static void Analyze(SymbolAnalysisContext context, ResidencyContext residency)
        {
            var symbol = context.Symbol;
            if (symbol.IsImplicitlyDeclared || symbol.IsStatic || symbol is IFieldSymbol { IsConst: true } || symbol is IFieldSymbol { AssociatedSymbol: not null } ||
                symbol is IPropertySymbol { IsIndexer: true } || symbol is IPropertySymbol { OverriddenProperty: not null } || symbol.ContainingType is not { } type ||
                type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsStatic)
            {
                return;
            }

            var inferred = Heuristics.Classify(symbol);
            if (inferred is null)
            {
                return;
            }

            // Already classified (annotated, Identity, DataClassification, or a member of a personal type)?
            var element = residency.Classifier.GetElement(symbol);
            if (element is not null && element.Origin != ElementOrigin.Inferred)
            {
                return;
            }

            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RES006,
                        location,
                        ImmutableDictionary<string, string?>.Empty.Add(CategoryKey, inferred.Category),
                        $"{type.Name}.{symbol.Name}",
                        inferred.Category));
                    return;
                }
            }
        }
    }
}
