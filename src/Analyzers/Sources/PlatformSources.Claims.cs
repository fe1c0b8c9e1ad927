using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Flow;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Sources
{
    /// <summary>Claims: the claim type a look-up reads (a constant, a parameter bound per caller, a predicate), and its element.</summary>
    internal sealed partial class PlatformSources
    {
        private ImmutableHashSet<TaintFact> ClaimFacts(DataElement element)
        {
            var fact = TaintFact.Source(element);
            return Taint.Empty.Add(_claimValue is null ? fact : fact.InMember(_claimValue));
        }

        private static bool Contains(ImmutableArray<INamedTypeSymbol> types, INamedTypeSymbol type)
        {
            foreach (var candidate in types)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, type))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Contains(ImmutableHashSet<TaintFact> facts, DataElement element)
        {
            foreach (var fact in facts)
            {
                if (ReferenceEquals(fact.Element, element))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Facts for a helper's parameterised claim (from its summary) bound to the claim type this call passes.</summary>
        private ImmutableHashSet<TaintFact> BindClaimParameters(IInvocationOperation invocation, IMethodSymbol caller, ImmutableHashSet<TaintFact> result)
        {
            if (!Volatile.Read(ref _anyParameterClaim))
            {
                return result;
            }

            ImmutableHashSet<TaintFact>.Builder? builder = null;
            foreach (var fact in result)
            {
                if (fact.Element is not { ClaimTypeParameter: >= 0 } parameterised)
                {
                    continue;
                }

                builder ??= result.ToBuilder();
                builder.Remove(fact);
                var kind = ClaimKind.Unknown;
                if (SymbolEqualityComparer.Default.Equals(parameterised.Symbol, invocation.TargetMethod.OriginalDefinition))
                {
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Ordinal == parameterised.ClaimTypeParameter)
                        {
                            kind = ClaimTypeOf(argument.Value, caller);
                        }
                    }
                }

                if (ElementFor(kind, caller) is { } bound)
                {
                    builder.Add(fact.WithElement(bound));
                }
            }

            return builder?.ToImmutable() ?? result;
        }

        private DataElement? ElementFor(ClaimKind kind, IMethodSymbol caller) => kind.Kind switch
        {
            ClaimKindTag.Known => ClaimElement(kind.ClaimType!),
            ClaimKindTag.Parameter => ParameterClaim(caller, kind.Ordinal),
            _ => _anyClaim.Value,
        };

        /// <summary>The element of a claim type: by the catalogue, else personal with a category guessed from its name; null when not personal.</summary>
        public DataElement? ClaimElement(string claimType)
        {
            if (_claimSymbol is null)
            {
                return null;
            }

            var entry = _catalog.FindClaimType(claimType);
            if (entry is { Personal: false })
            {
                return null;
            }

            var name = entry?.Name ?? claimType;
            return _claimElements.GetOrAdd(name, n =>
            {
                var category = entry?.Category ?? NameHeuristics.CategoryForName(ShortName(claimType));
                return new DataElement(_claimSymbol, "claim:" + n, "claim " + n, "claim", category, ElementOrigin.Platform, "claim " + n);
            });
        }

        private DataElement? ParameterClaim(IMethodSymbol method, int ordinal)
        {
            method = (IMethodSymbol)method.OriginalDefinition;
            if (_claimSymbol is null || ordinal < 0 || ordinal >= method.Parameters.Length)
            {
                return _anyClaim.Value;
            }

            Volatile.Write(ref _anyParameterClaim, true);
            return _parameterClaims.GetOrAdd((method, ordinal), key =>
            {
                var parameter = key.Method.Parameters[key.Ordinal];
                var owner = $"{key.Method.ContainingType?.Name}.{key.Method.Name}";
                return new DataElement(key.Method, $"claim:{key.Method.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}#{key.Ordinal}", $"claim of the type given to {owner} ('{parameter.Name}')", "claim", null, ElementOrigin.Platform, "claim (type given by the caller)")
                {
                    ClaimTypeParameter = key.Ordinal,
                };
            });
        }

        private static string ShortName(string claimType)
        {
            int slash = claimType.LastIndexOf('/');
            return slash >= 0 && slash < claimType.Length - 1 ? claimType.Substring(slash + 1) : claimType;
        }

        /// <summary>The claim type a look-up is given: its first string argument, or the type its predicate compares with.</summary>
        private ClaimKind ClaimTypeArgument(IInvocationOperation invocation, IMethodSymbol caller)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                {
                    return ClaimTypeOf(argument.Value, caller);
                }
            }

            return PredicateClaimType(invocation, caller);
        }

        private static ClaimKind ClaimTypeOf(IOperation value, IMethodSymbol caller)
        {
            value = Unconverted(value);

            if (value.ConstantValue is { HasValue: true, Value: string text })
            {
                return ClaimKind.Known(text);
            }

            if (value is IParameterReferenceOperation parameter &&
                SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol?.OriginalDefinition, caller.OriginalDefinition))
            {
                return ClaimKind.OfParameter(parameter.Parameter.Ordinal);
            }

            return ClaimKind.Unknown;
        }

        /// <summary>
        /// The claim type a predicate argument compares a claim's <c>Type</c> with (<c>c =&gt; c.Type == "email"</c>,
        /// <c>string.Equals(c.Type, ClaimTypes.Email)</c>, <c>c.Type.Equals(type)</c>), read from the lambda's syntax.
        /// </summary>
        private ClaimKind PredicateClaimType(IInvocationOperation invocation, IMethodSymbol caller)
        {
            // Operations of a control-flow graph have no semantic model: the compilation's (shared, weakly cached) one reads the lambda.
            var model = invocation.SemanticModel ?? _models.Get(invocation.Syntax.SyntaxTree);
            if (model is null)
            {
                return ClaimKind.Unknown;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Syntax is not ArgumentSyntax { Expression: LambdaExpressionSyntax lambda } || lambda.ExpressionBody is not { } body)
                {
                    continue;
                }

                ExpressionSyntax? other = body switch
                {
                    BinaryExpressionSyntax binary when binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.EqualsExpression) =>
                        IsClaimType(binary.Left, model) ? binary.Right : IsClaimType(binary.Right, model) ? binary.Left : null,
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Equals" } access } call when call.ArgumentList.Arguments.Count >= 1 =>
                        IsClaimType(access.Expression, model) ? call.ArgumentList.Arguments[0].Expression :
                        call.ArgumentList.Arguments.Count >= 2 && IsClaimType(call.ArgumentList.Arguments[0].Expression, model) ? call.ArgumentList.Arguments[1].Expression :
                        call.ArgumentList.Arguments.Count >= 2 && IsClaimType(call.ArgumentList.Arguments[1].Expression, model) ? call.ArgumentList.Arguments[0].Expression : null,
                    _ => null,
                };
                if (other is null)
                {
                    continue;
                }

                var constant = model.GetConstantValue(other);
                if (constant is { HasValue: true, Value: string text })
                {
                    return ClaimKind.Known(text);
                }

                if (model.GetSymbolInfo(other).Symbol is IParameterSymbol parameter &&
                    SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, caller.OriginalDefinition))
                {
                    return ClaimKind.OfParameter(parameter.Ordinal);
                }
            }

            return ClaimKind.Unknown;
        }

        private bool IsClaimType(ExpressionSyntax expression, SemanticModel model) =>
            expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Type" } &&
            model.GetSymbolInfo(expression).Symbol is IPropertySymbol { ContainingType: { } type } &&
            SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _claimType);

        private sealed class ParameterKeyComparer : IEqualityComparer<(IMethodSymbol Method, int Ordinal)>
        {
            public static readonly ParameterKeyComparer Instance = new();

            public bool Equals((IMethodSymbol Method, int Ordinal) x, (IMethodSymbol Method, int Ordinal) y) =>
                x.Ordinal == y.Ordinal && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

            public int GetHashCode((IMethodSymbol Method, int Ordinal) obj) => unchecked((SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 31) + obj.Ordinal);
        }
    }
}
