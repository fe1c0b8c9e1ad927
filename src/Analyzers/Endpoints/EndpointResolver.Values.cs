using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>The values a local, field or property can take: every assignment of it in its method or type, bound again through the weak model cache.</summary>
    internal sealed partial class EndpointResolver
    {
        /// <summary>The values assigned to a local: its initializer and every assignment in its method.</summary>
        internal ImmutableArray<IOperation> LocalValues(ILocalSymbol local) => Bind(_memberValues.GetOrAdd(local, _ => ComputeLocalValues(local)));

        /// <summary>
        /// Where a value may come from: the operation itself, or, for a local, field or property, what is assigned to it,
        /// followed through further locals, fields and properties up to <paramref name="maxDepth"/> steps (conversions and
        /// parentheses stripped). A member with no assignment in the compilation (injected, from metadata) gives nothing.
        /// </summary>
        internal List<IOperation> Origins(IOperation operation, int maxDepth)
        {
            var result = new List<IOperation>();
            AddOrigins(operation, maxDepth, result);
            return result;
        }

        private void AddOrigins(IOperation operation, int depth, List<IOperation> result)
        {
            var stripped = Strip(operation);
            switch (stripped)
            {
                case ILocalReferenceOperation local:
                    if (depth > 0)
                    {
                        foreach (var value in LocalValues(local.Local))
                        {
                            AddOrigins(value, depth - 1, result);
                        }
                    }

                    break;
                case IMemberReferenceOperation member:
                    if (depth > 0)
                    {
                        foreach (var value in MemberValues(member.Member))
                        {
                            AddOrigins(value, depth - 1, result);
                        }
                    }

                    break;
                default:
                    result.Add(stripped);
                    break;
            }
        }

        /// <summary>The operations of value syntax kept by a cache, bound now (they are not kept).</summary>
        internal ImmutableArray<IOperation> Bind(ImmutableArray<SyntaxNode> values)
        {
            if (values.IsEmpty)
            {
                return ImmutableArray<IOperation>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<IOperation>(values.Length);
            foreach (var value in values)
            {
                if (OperationOf(value) is { } operation)
                {
                    builder.Add(operation);
                }
            }

            return builder.ToImmutable();
        }

        private ImmutableArray<SyntaxNode> ComputeLocalValues(ILocalSymbol local)
        {
            var builder = ImmutableArray.CreateBuilder<SyntaxNode>();
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                var declarator = reference.GetSyntax();
                if (declarator is VariableDeclaratorSyntax { Initializer: { } initializer } && OperationOf(initializer.Value) is not null)
                {
                    builder.Add(initializer.Value);
                }

                var scope = declarator.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax) ?? declarator.SyntaxTree.GetRoot();
                AddAssignments(scope, local, local.Name, builder);
            }

            return builder.ToImmutable();
        }

        /// <summary>Calls <c>local.Method(…)</c> in the local's method (fluent setters used as statements).</summary>
        internal List<IInvocationOperation> CallsOn(ILocalSymbol local, string methodName)
        {
            var result = new List<IInvocationOperation>();
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                var scope = reference.GetSyntax().Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
                if (scope is null)
                {
                    continue;
                }

                foreach (var node in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (node.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax holder } access &&
                        access.Name.Identifier.ValueText == methodName && holder.Identifier.ValueText == local.Name &&
                        OperationOf(node) is IInvocationOperation call &&
                        call.Instance is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local))
                    {
                        result.Add(call);
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// Calls <c>holder.Method(…)</c> (or <c>this.holder.Method(…)</c>) on the local, parameter, field or property that
        /// <paramref name="holder"/> reads: in its member for a local or parameter, in its type for a field or property.
        /// </summary>
        internal List<IInvocationOperation> CallsOnHolder(IOperation holder, string methodName)
        {
            var result = new List<IInvocationOperation>();
            ISymbol? symbol = Strip(holder) switch
            {
                ILocalReferenceOperation l => l.Local,
                IParameterReferenceOperation p => p.Parameter,
                IFieldReferenceOperation f => f.Field.OriginalDefinition,
                IPropertyReferenceOperation p => p.Property.OriginalDefinition,
                _ => null,
            };
            if (symbol is null)
            {
                return result;
            }

            var scopes = new List<SyntaxNode>();
            if (symbol is ILocalSymbol or IParameterSymbol)
            {
                var owner = symbol is IParameterSymbol parameter ? parameter.ContainingSymbol : symbol;
                foreach (var reference in owner.DeclaringSyntaxReferences)
                {
                    var syntax = reference.GetSyntax();
                    var scope = symbol is IParameterSymbol ? syntax : syntax.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
                    if (scope is not null)
                    {
                        scopes.Add(scope);
                    }
                }
            }
            else if (symbol.ContainingType is { } type)
            {
                scopes.AddRange(type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()));
            }

            foreach (var scope in scopes)
            {
                foreach (var node in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (result.Count >= MaxValues)
                    {
                        return result;
                    }

                    if (node.Expression is not MemberAccessExpressionSyntax access || access.Name.Identifier.ValueText != methodName)
                    {
                        continue;
                    }

                    var name = access.Expression switch
                    {
                        IdentifierNameSyntax id => id.Identifier.ValueText,
                        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } inner => inner.Name.Identifier.ValueText,
                        _ => null,
                    };
                    if (name != symbol.Name || OperationOf(node) is not IInvocationOperation call)
                    {
                        continue;
                    }

                    // holder.Extension(…) binds as Extension(holder, …).
                    var receiver = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
                    if (receiver is null)
                    {
                        continue;
                    }

                    ISymbol? target = Strip(receiver) switch
                    {
                        ILocalReferenceOperation l => l.Local,
                        IParameterReferenceOperation p => p.Parameter,
                        IFieldReferenceOperation f => f.Field.OriginalDefinition,
                        IPropertyReferenceOperation p => p.Property.OriginalDefinition,
                        _ => null,
                    };
                    if (SymbolEqualityComparer.Default.Equals(target, symbol))
                    {
                        result.Add(call);
                    }
                }
            }

            return result;
        }

        /// <summary>The values assigned to a field or property: its initializer, expression body and assignments in its type.</summary>
        internal ImmutableArray<IOperation> MemberValues(ISymbol symbol)
        {
            symbol = symbol.OriginalDefinition;
            if (symbol is not IFieldSymbol and not IPropertySymbol || symbol.DeclaringSyntaxReferences.Length == 0)
            {
                return ImmutableArray<IOperation>.Empty;
            }

            return Bind(_memberValues.GetOrAdd(symbol, ComputeMemberValues));
        }

        private ImmutableArray<SyntaxNode> ComputeMemberValues(ISymbol symbol)
        {
            var builder = ImmutableArray.CreateBuilder<SyntaxNode>();
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                ExpressionSyntax? value = syntax switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression ?? GetterExpression(property),
                    _ => null,
                };
                if (value is not null && OperationOf(value) is not null)
                {
                    builder.Add(value);
                }
            }

            if (symbol.ContainingType is { } type)
            {
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    AddAssignments(reference.GetSyntax(), symbol, symbol.Name, builder);
                }
            }

            return builder.ToImmutable();
        }

        private static ExpressionSyntax? GetterExpression(PropertyDeclarationSyntax property)
        {
            var getter = property.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
            if (getter?.ExpressionBody is { } body)
            {
                return body.Expression;
            }

            return getter?.Body?.Statements is { Count: 1 } statements && statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null;
        }

        /// <summary>Adds the right-hand sides of <c>name = value</c> (and <c>this.name = value</c>) in <paramref name="scope"/> that bind to <paramref name="symbol"/>.</summary>
        private void AddAssignments(SyntaxNode scope, ISymbol symbol, string name, ImmutableArray<SyntaxNode>.Builder builder)
        {
            foreach (var assignment in scope.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (builder.Count >= MaxValues || assignment.Parent is InitializerExpressionSyntax)
                {
                    continue;
                }

                var left = assignment.Left;
                var identifier = left switch
                {
                    IdentifierNameSyntax id => id.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
                    _ => null,
                };
                if (identifier != name)
                {
                    continue;
                }

                var model = Model(assignment.SyntaxTree);
                if (model is null || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(left).Symbol?.OriginalDefinition, symbol))
                {
                    continue;
                }

                if (OperationOf(assignment.Right) is not null)
                {
                    builder.Add(assignment.Right);
                }
            }
        }
    }
}
