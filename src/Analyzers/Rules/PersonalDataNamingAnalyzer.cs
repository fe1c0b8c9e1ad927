using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Diagnostics;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Rules
{
    /// <summary>
    /// RES006: a property or field of a data-carrying type (class, record, struct) whose name says it is personal data
    /// (email, phone, birth date, IBAN, … in English, German, French, Spanish, Italian) but that is not annotated; and the
    /// parameters of a primary constructor of such a type.
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
                start.RegisterSymbolAction(symbol => AnalyzeMember(symbol, residency), SymbolKind.Property, SymbolKind.Field);
                start.RegisterSymbolAction(symbol => AnalyzePrimaryConstructor(symbol, residency), SymbolKind.NamedType);
            });
        }

        private static void AnalyzeMember(SymbolAnalysisContext context, ResidencyContext residency)
        {
            var symbol = context.Symbol;
            if (symbol.IsImplicitlyDeclared || symbol.IsStatic || symbol is IFieldSymbol { IsConst: true } || symbol is IFieldSymbol { AssociatedSymbol: not null } ||
                symbol is IPropertySymbol { IsIndexer: true } || symbol is IPropertySymbol { OverriddenProperty: not null } || symbol.ContainingType is null)
            {
                return;
            }

            Report(context, symbol, residency);
        }

        /// <summary>
        /// Parameters of a C# 12 primary constructor of a class or struct hold the instance's data like fields do.
        /// (A record's positional parameters are reported through the properties they declare.)
        /// </summary>
        private static void AnalyzePrimaryConstructor(SymbolAnalysisContext context, ResidencyContext residency)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.IsRecord || type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || !NameHeuristics.IsDataCarryingType(type))
            {
                return;
            }

            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.IsImplicitlyDeclared || constructor.Parameters.Length == 0 || !IsPrimaryConstructor(constructor, context.CancellationToken))
                {
                    continue;
                }

                foreach (var parameter in constructor.Parameters)
                {
                    Report(context, parameter, residency);
                }
            }
        }

        private static bool IsPrimaryConstructor(IMethodSymbol constructor, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private static void Report(SymbolAnalysisContext context, ISymbol symbol, ResidencyContext residency)
        {
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

            var owner = symbol.ContainingType;
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.RES006,
                        location,
                        ImmutableDictionary<string, string?>.Empty.Add(CategoryKey, inferred.Category),
                        $"{owner?.Name}.{symbol.Name}",
                        inferred.Category));
                    return;
                }
            }
        }
    }
}
