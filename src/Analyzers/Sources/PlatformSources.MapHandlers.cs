using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Residency.Analyzers.Endpoints;

namespace Residency.Analyzers.Sources
{
    /// <summary>
    /// A minimal API's handlers: what a route builder's map method is given — a lambda
    /// (<c>app.MapPost("/todos", (TodoDto todo) =&gt; …)</c>) or a method by name (<c>app.MapPost("/todos", CreateTodo)</c>,
    /// the local functions of Microsoft's own tutorial, or <c>TodoEndpoints.Create</c>). Model binding fills their
    /// parameters from the request (docs/flow-semantics.md, "Sources without annotations").
    /// </summary>
    internal sealed partial class PlatformSources
    {
        // The methods given to map methods by name, with the route template each was mapped to; found on first use.
        private readonly Lazy<Dictionary<IMethodSymbol, string?>> _mapGroups;

        /// <summary>Whether <paramref name="lambda"/> is given to a route builder's map method, and the template it is mapped to.</summary>
        private bool IsMapHandler(IMethodSymbol lambda, Handlers handlers, out string? template)
        {
            template = null;
            foreach (var reference in lambda.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is AnonymousFunctionExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } } &&
                    IsMapCall(invocation, handlers, _models.Get(invocation.SyntaxTree), out template))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Every method the compilation gives a map method by name, and its route template. Only trees whose text names a map
        /// method are walked, and only a map call's arguments that name a method are bound: once per compilation, when the
        /// first parameter that could be bound from a request is asked about (a compilation without ASP.NET Core never asks).
        /// </summary>
        private Dictionary<IMethodSymbol, string?> FindMapGroups()
        {
            var handlers = _handlers.Value;
            var found = new Dictionary<IMethodSymbol, string?>(SymbolEqualityComparer.Default);
            if (handlers.RouteBuilders.IsEmpty)
            {
                return found;
            }

            foreach (var tree in _compilation.SyntaxTrees)
            {
                var text = tree.GetText().ToString();
                if (!NamesAny(text, handlers.MapMethods))
                {
                    continue;
                }

                SemanticModel? model = null;
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax invocation || !handlers.MapMethods.Contains(CalledName(invocation) ?? ""))
                    {
                        continue;
                    }

                    // The map call is bound once, and only when an argument may name a method.
                    if (!HasMethodGroupShape(invocation))
                    {
                        continue;
                    }

                    model ??= _models.Get(tree);
                    if (model is null || !IsMapCall(invocation, handlers, model, out var template))
                    {
                        continue;
                    }

                    foreach (var argument in invocation.ArgumentList.Arguments)
                    {
                        if (!IsMethodGroupShape(argument))
                        {
                            continue;
                        }

                        // A method group converted to Delegate (its natural type) binds as a candidate, not as the symbol.
                        var info = model.GetSymbolInfo(argument.Expression);
                        foreach (var symbol in info.Symbol is { } bound ? new[] { bound } : (IEnumerable<ISymbol>)info.CandidateSymbols)
                        {
                            if (symbol is IMethodSymbol method)
                            {
                                found[method.OriginalDefinition] = template;
                            }
                        }
                    }
                }
            }

            return found;
        }

        private static bool IsMethodGroupShape(ArgumentSyntax argument) => argument.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or GenericNameSyntax;

        private static bool HasMethodGroupShape(InvocationExpressionSyntax invocation)
        {
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (IsMethodGroupShape(argument))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool NamesAny(string text, IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                if (NameInText.Contains(text, name))
                {
                    return true;
                }
            }

            return false;
        }

        private static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>
        /// Whether <paramref name="method"/> is the application's own map method: an extension method of a route builder
        /// named as a map method that takes the handler as a <c>Delegate</c> and hands it on (the Clean Architecture
        /// template's <c>groupBuilder.MapPost(CreateTodoItem)</c>, whose <c>MapPost(this IEndpointRouteBuilder builder,
        /// Delegate handler, string pattern = "")</c> calls <c>builder.MapPost(pattern, handler)</c>).
        /// </summary>
        private static bool IsApplicationMapMethod(IMethodSymbol method, Handlers handlers)
        {
            if (!method.IsExtensionMethod || method.DeclaringSyntaxReferences.Length == 0 || handlers.RouteBuilderInterfaces.IsEmpty ||
                method.Parameters[0].Type is not INamedTypeSymbol receiver || !EndpointTypes.DerivesFrom(receiver, handlers.RouteBuilderInterfaces))
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_Delegate)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="invocation"/> calls a route builder's map method, and the route template it is given (its first string literal).</summary>
        private static bool IsMapCall(InvocationExpressionSyntax invocation, Handlers handlers, SemanticModel? model, out string? template)
        {
            template = null;
            if (CalledName(invocation) is not { } called || !handlers.MapMethods.Contains(called) || model is null ||
                model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol map ||
                (map.ReducedFrom ?? map) is not { ContainingType: { } builder } definition ||
                !(Contains(handlers.RouteBuilders, builder.OriginalDefinition) || IsApplicationMapMethod(definition, handlers)))
            {
                return false;
            }

            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (argument.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    template = literal.Token.ValueText;
                    break;
                }
            }

            return true;
        }
    }
}
