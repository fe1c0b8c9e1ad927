using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Residency.Analyzers.Model
{
    /// <summary>
    /// The attribute the compiler bound for an attribute written in source, read from the symbol it is applied to.
    /// <para>
    /// The compiler binds every attribute of a symbol once, when the symbol is completed, and keeps the result on the
    /// symbol. Asking a semantic model about the attribute's syntax (<c>GetSymbolInfo</c>, <c>GetConstantValue</c>) binds it
    /// again in a model of its own, which a compilation with thousands of annotations pays for each of them
    /// (docs/benchmarks.md, "The fifteenth round"). Reading the symbol's <see cref="AttributeData"/> costs a declared-symbol
    /// lookup.
    /// </para>
    /// </summary>
    internal static class AppliedAttributes
    {
        /// <summary>
        /// The <see cref="AttributeData"/> whose application is <paramref name="attribute"/>, or null when the symbol it is
        /// written on cannot be found from the syntax alone (a target the lookup does not cover, code that does not compile):
        /// then the caller binds the syntax instead.
        /// </summary>
        public static AttributeData? Of(AttributeSyntax attribute, SemanticModel model, CancellationToken cancellationToken)
        {
            if (attribute.Parent is not AttributeListSyntax list || list.Parent is null)
            {
                return null;
            }

            var target = list.Target?.Identifier.Kind();
            ImmutableArray<AttributeData> candidates;
            switch (list.Parent)
            {
                case CompilationUnitSyntax:
                    candidates = target switch
                    {
                        SyntaxKind.AssemblyKeyword => model.Compilation.Assembly.GetAttributes(),
                        SyntaxKind.ModuleKeyword => model.Compilation.SourceModule.GetAttributes(),
                        _ => default,
                    };
                    break;
                case BaseFieldDeclarationSyntax field when target is null or SyntaxKind.FieldKeyword or SyntaxKind.EventKeyword:
                    // Every variable of the declaration carries the list; the first one is enough to find it.
                    candidates = field.Declaration.Variables.Count > 0
                        ? model.GetDeclaredSymbol(field.Declaration.Variables[0], cancellationToken)?.GetAttributes() ?? default
                        : default;
                    break;
                case var owner when target == SyntaxKind.ReturnKeyword:
                    candidates = model.GetDeclaredSymbol(owner, cancellationToken) switch
                    {
                        IMethodSymbol method => method.GetReturnTypeAttributes(),
                        INamedTypeSymbol { DelegateInvokeMethod: { } invoke } => invoke.GetReturnTypeAttributes(),
                        _ => default,
                    };
                    break;
                case var owner:
                    candidates = model.GetDeclaredSymbol(owner, cancellationToken)?.GetAttributes() ?? default;
                    break;
            }

            if (candidates.IsDefaultOrEmpty)
            {
                return null;
            }

            // Matched by where it is written: an owner guessed wrongly (a 'property:' target on a record's parameter, say) matches nothing.
            foreach (var candidate in candidates)
            {
                if (candidate.ApplicationSyntaxReference is { } reference &&
                    reference.SyntaxTree == attribute.SyntaxTree && reference.Span == attribute.Span)
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
