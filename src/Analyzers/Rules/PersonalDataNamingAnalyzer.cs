using System.Collections.Generic;
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

        /// <summary>Set (to the Art. 9/10 key) when the name is special-category data: the fix writes <c>[SpecialCategoryData]</c>.</summary>
        public const string SpecialCategoryKey = "residency.specialCategory";

        private static readonly NameHeuristics Heuristics = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RES006);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(AnalyzerSettings.GeneratedCode);
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
            foreach (var diagnostic in Candidates(context.Symbol, residency, context.CancellationToken))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        private static void AnalyzePrimaryConstructor(SymbolAnalysisContext context, ResidencyContext residency) => AnalyzeMember(context, residency);

        /// <summary>
        /// The RES006 diagnostics for a declared symbol: a property or field of a data-carrying type, or — for a class or
        /// struct — the parameters of its C# 12 primary constructor (they hold the instance's data like fields do; a record's
        /// positional parameters are reported through the properties they declare). Shared with the inventory's facts, which
        /// list these candidates.
        /// </summary>
        internal static IEnumerable<Diagnostic> Candidates(ISymbol symbol, ResidencyContext residency, System.Threading.CancellationToken cancellationToken)
        {
            if (symbol is INamedTypeSymbol type)
            {
                if (type.IsRecord || type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || !NameHeuristics.IsDataCarryingType(type))
                {
                    yield break;
                }

                foreach (var constructor in type.InstanceConstructors)
                {
                    if (constructor.IsImplicitlyDeclared || constructor.Parameters.Length == 0 || !IsPrimaryConstructor(constructor, cancellationToken))
                    {
                        continue;
                    }

                    foreach (var parameter in constructor.Parameters)
                    {
                        if (Candidate(parameter, residency, cancellationToken) is { } diagnostic)
                        {
                            yield return diagnostic;
                        }
                    }
                }

                yield break;
            }

            if (symbol is not (IPropertySymbol or IFieldSymbol) || symbol.IsImplicitlyDeclared || symbol.IsStatic || symbol is IFieldSymbol { IsConst: true } || symbol is IFieldSymbol { AssociatedSymbol: not null } ||
                symbol is IPropertySymbol { IsIndexer: true } || symbol is IPropertySymbol { OverriddenProperty: not null } || symbol.ContainingType is null)
            {
                yield break;
            }

            if (Candidate(symbol, residency, cancellationToken) is { } member)
            {
                yield return member;
            }
        }

        /// <summary>
        /// A computed property that returns a type's or member's name or a constant (<c>Name =&gt; typeof(T).Name</c>,
        /// <c>GetType().Name</c>, <c>nameof(X)</c>, <c>"admin"</c>): no person's data.
        /// </summary>
        private static bool ReturnsTechnicalName(IPropertySymbol property, System.Threading.CancellationToken cancellationToken)
        {
            foreach (var reference in property.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration)
                {
                    continue;
                }

                var returned = declaration.ExpressionBody?.Expression;
                if (returned is null && declaration.AccessorList is { } accessors)
                {
                    foreach (var accessor in accessors.Accessors)
                    {
                        if (accessor.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.GetAccessorDeclaration))
                        {
                            returned = accessor.ExpressionBody?.Expression ??
                                (accessor.Body?.Statements is { Count: 1 } statements && statements[0] is ReturnStatementSyntax ret ? ret.Expression : null);
                        }
                    }
                }

                while (returned is PostfixUnaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression } or ParenthesizedExpressionSyntax)
                {
                    returned = returned is PostfixUnaryExpressionSyntax suppressed ? suppressed.Operand : ((ParenthesizedExpressionSyntax)returned).Expression;
                }

                while (returned is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Name" or "FullName" or "AssemblyQualifiedName" } access)
                {
                    returned = access.Expression;
                    if (returned is TypeOfExpressionSyntax || returned is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "GetType" } or MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetType" } })
                    {
                        return true;
                    }
                }

                if (returned is LiteralExpressionSyntax || returned is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A computed property whose getter returns data the flow rules already treat as personal: an annotated member
        /// (<c>FullName =&gt; $"{FirstName} {LastName}"</c>), or with no annotation a claim, a UserManager look-up, the client
        /// IP address. Its reads carry those elements already; RES006 does not suggest annotating it.
        /// </summary>
        private static bool ReturnsPersonalData(IPropertySymbol property, ResidencyContext residency, System.Threading.CancellationToken cancellationToken)
        {
            if (property.GetMethod is not { } getter || !Flow.FlowEngine.IsInSource(getter) || residency.Engine.BackingField(property) is not null)
            {
                return false;
            }

            try
            {
                var summary = residency.Engine.GetCalleeSummary(getter, 0, System.Collections.Immutable.ImmutableHashSet.Create<IMethodSymbol>(SymbolEqualityComparer.Default), null, new Flow.AnalysisRequest(cancellationToken));
                if (summary is null)
                {
                    return false;
                }

                foreach (var fact in summary.Returns)
                {
                    if (fact.Element is not null)
                    {
                        return true;
                    }
                }
            }
            catch (System.InsufficientExecutionStackException)
            {
                // pathologically deep getter: suggest as usual
            }

            return false;
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

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private static Diagnostic? Candidate(ISymbol symbol, ResidencyContext residency, System.Threading.CancellationToken cancellationToken)
        {
            var inferred = Heuristics.Classify(symbol);
            if (inferred is null)
            {
                return null;
            }

            // Already classified (annotated, Identity, DataClassification, residency.json sources, or a member of a personal type)?
            var element = residency.Classifier.GetElement(symbol);
            if (element is not null && element.Origin != ElementOrigin.Inferred)
            {
                return null;
            }

            if (symbol is IPropertySymbol property && (ReturnsTechnicalName(property, cancellationToken) || ReturnsPersonalData(property, residency, cancellationToken)))
            {
                return null;
            }

            var owner = symbol.ContainingType;
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource)
                {
                    return Diagnostic.Create(
                        Descriptors.RES006,
                        location,
                        inferred.SpecialCategory is { } special
                            ? ImmutableDictionary<string, string?>.Empty.Add(CategoryKey, special).Add(SpecialCategoryKey, special)
                            : ImmutableDictionary<string, string?>.Empty.Add(CategoryKey, inferred.Category),
                        $"{owner?.Name}.{symbol.Name}",
                        inferred.SpecialCategory is null ? inferred.Category : inferred.SpecialCategory + ", special category");
                }
            }

            return null;
        }
    }
}
