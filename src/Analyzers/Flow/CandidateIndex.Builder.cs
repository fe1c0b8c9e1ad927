using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Residency.Analyzers.Model;
using Residency.Analyzers.Sinks;

namespace Residency.Analyzers.Flow
{
    /// <summary>How the candidate index is built: declarations first, then identifier names per body, then a fixpoint.</summary>
    internal sealed partial class CandidateIndex
    {
        private sealed partial class Builder
        {
            private readonly Compilation _compilation;
            private readonly PersonalDataClassifier _classifier;
            private readonly ImmutableArray<ISinkProvider> _providers;
            private readonly CancellationToken _cancellationToken;

            private readonly HashSet<string> _seedNames = new(System.StringComparer.Ordinal);
            private readonly HashSet<string> _sinkNames = new(System.StringComparer.Ordinal);
            private bool _sinksUnknown;
            private readonly List<string> _walked = new();

            // The interface and abstract methods of the compilation, met by the symbol walk (CollectRecipientNames).
            private readonly List<IMethodSymbol> _abstractMethods = new();
            private readonly List<(SyntaxNode Owner, bool Export)> _seedOwners = new();

            private readonly Dictionary<SyntaxNode, int> _ownerIds = new();
            private readonly List<Owner> _owners = new();
            private readonly Dictionary<string, List<int>> _byName = new(System.StringComparer.Ordinal);

            // Per name: the bodies that write it as the method of a call (x.Start(), Start(), x?.Start<T>()); a subset of _byName.
            private readonly Dictionary<string, List<int>> _byCalledName = new(System.StringComparer.Ordinal);
            private readonly Dictionary<string, HashSet<string>> _storage = new(System.StringComparer.Ordinal);

            // Storage (type key, name) of a value or string type: handing it to a method cannot fill it.
            private readonly HashSet<(string TypeKey, string Name)> _unfillable = new();

            public Builder(Compilation compilation, PersonalDataClassifier classifier, ImmutableArray<ISinkProvider> providers, CancellationToken cancellationToken)
            {
                _compilation = compilation;
                _classifier = classifier;
                _providers = providers;
                _cancellationToken = cancellationToken;
            }

            /// <summary>One pass over the syntax trees: every body, the identifiers it mentions, the storage of every type.</summary>
            public void IndexSyntax()
            {
                foreach (var tree in _compilation.SyntaxTrees)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    Visit(tree.GetRoot(_cancellationToken), typeKey: null);
                }
            }

            [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
            private void Visit(SyntaxNode node, string? typeKey)
            {
                foreach (var child in node.ChildNodes())
                {
                    switch (child)
                    {
                        case BaseNamespaceDeclarationSyntax:
                            Visit(child, typeKey);
                            break;
                        case TypeDeclarationSyntax type:
                            var key = (typeKey ?? Namespace(type)) + "+" + type.Identifier.ValueText + "`" + (type.TypeParameterList?.Parameters.Count ?? 0);
                            if (type.ParameterList is { } primary)
                            {
                                foreach (var parameter in primary.Parameters)
                                {
                                    Storage(key, parameter.Identifier.ValueText, parameter.Type);
                                }
                            }

                            Visit(child, key);
                            break;
                        case GlobalStatementSyntax:
                            break; // indexed below, with the compilation unit
                        case FieldDeclarationSyntax field when typeKey is not null:
                            if (!field.Modifiers.Any(SyntaxKind.ConstKeyword))
                            {
                                foreach (var variable in field.Declaration.Variables)
                                {
                                    Storage(typeKey, variable.Identifier.ValueText, field.Declaration.Type);
                                }
                            }

                            break;
                        case BaseMethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null:
                            AddOwner(method, method is MethodDeclarationSyntax m ? m.Identifier.ValueText : null, typeKey, CallName(method), method.ParameterList, (method as ConstructorDeclarationSyntax)?.Initializer, method.Body, method.ExpressionBody);
                            break;
                        case BasePropertyDeclarationSyntax property:
                            VisitProperty(property, typeKey);
                            break;
                    }
                }

                if (node is CompilationUnitSyntax unit && unit.Members.Any(SyntaxKind.GlobalStatement))
                {
                    var statements = new List<SyntaxNode>();
                    foreach (var member in unit.Members)
                    {
                        if (member is GlobalStatementSyntax statement)
                        {
                            statements.Add(statement);
                        }
                    }

                    AddOwner(unit, null, null, null, statements.ToArray());
                }
            }

            private void VisitProperty(BasePropertyDeclarationSyntax property, string? typeKey)
            {
                string name = property switch
                {
                    PropertyDeclarationSyntax p => p.Identifier.ValueText,
                    IndexerDeclarationSyntax => IndexerName,
                    EventDeclarationSyntax e => e.Identifier.ValueText,
                    _ => "",
                };
                var parameters = (property as IndexerDeclarationSyntax)?.ParameterList;
                var arrow = property switch
                {
                    PropertyDeclarationSyntax p => p.ExpressionBody,
                    IndexerDeclarationSyntax i => i.ExpressionBody,
                    _ => null,
                };
                if (arrow is not null)
                {
                    AddOwner(property, name, typeKey, name, parameters, arrow);
                    return;
                }

                bool auto = property is PropertyDeclarationSyntax && property.AccessorList is not null;
                foreach (var accessor in property.AccessorList?.Accessors ?? default)
                {
                    if (accessor.Body is null && accessor.ExpressionBody is null)
                    {
                        continue;
                    }

                    auto = false;
                    // A getter exports the property's name (reading it calls the getter); a setter or event accessor exports nothing.
                    var export = accessor.IsKind(SyntaxKind.GetAccessorDeclaration) ? name : null;
                    AddOwner(accessor, export, typeKey, name, parameters, accessor.Body, accessor.ExpressionBody);
                }

                if (auto && typeKey is not null)
                {
                    Storage(typeKey, name, (property as PropertyDeclarationSyntax)?.Type);
                }
            }

            private static string Namespace(SyntaxNode node)
            {
                var parts = new List<string>();
                for (var n = node.Parent; n is not null; n = n.Parent)
                {
                    if (n is BaseNamespaceDeclarationSyntax ns)
                    {
                        parts.Add(ns.Name.ToString());
                    }
                }

                parts.Reverse();
                return string.Join(".", parts);
            }

            // export: the name by which a caller reads what this body returns (a method, a getter); null for others.
            // callName: the name by which a caller hands data to this body (method, constructor's type, any accessor's property).
            [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
            private void AddOwner(SyntaxNode declaration, string? export, string? typeKey, string? callName, params SyntaxNode?[] parts)
            {
                int id = _owners.Count;
                bool seed = false;
                bool offersTools = false;
                List<string>? written = null;
                List<string>? passed = null;
                var implicitCalls = ImplicitCalls.None;
                foreach (var part in parts)
                {
                    if (part is null)
                    {
                        continue;
                    }

                    // One walk of the body for both the names it mentions and the names it may store into.
                    foreach (var item in part.DescendantNodesAndTokens())
                    {
                        if (item.IsNode)
                        {
                            // Also in top-level statements (no type): they may write a static field of a type.
                            var node = item.AsNode()!;
                            CollectWritten(node, ref written, ref passed);
                            implicitCalls |= ImplicitCallsOf(node);
                            continue;
                        }

                        var token = item.AsToken();
                        switch (token.Kind())
                        {
                            case SyntaxKind.IdentifierToken:
                                var text = token.ValueText;
                                Mention(_byName, text, id);
                                if (IsCalled(token))
                                {
                                    Mention(_byCalledName, text, id);
                                }

                                offersTools |= text == ToolFactoryName;
                                break;
                            case SyntaxKind.OpenBracketToken when token.Parent is BracketedArgumentListSyntax:
                                Mention(_byName, IndexerName, id);
                                break;
                            case SyntaxKind.NewKeyword when token.Parent is ImplicitObjectCreationExpressionSyntax:
                                seed = true; // target-typed new(): its type is not written here
                                break;
                        }
                    }
                }

                if (offersTools)
                {
                    // AIFunctionFactory.Create(GetCustomer): every method this body names may be a tool, whose return value
                    // reaches a model. Such bodies are rare: their names are gathered in a second walk of them alone.
                    foreach (var part in parts)
                    {
                        if (part is null)
                        {
                            continue;
                        }

                        foreach (var token in part.DescendantTokens())
                        {
                            if (token.IsKind(SyntaxKind.IdentifierToken))
                            {
                                _recipientRootNames.Add(token.ValueText);
                            }
                        }
                    }
                }

                _ownerIds[declaration] = id;
                _owners.Add(new Owner(export, typeKey, seed, written)
                {
                    Passed = passed,
                    CallName = callName,
                    Constructor = declaration is ConstructorDeclarationSyntax,
                    CalledImplicitly = CalledImplicitly(declaration, callName),
                    Method = declaration is MethodDeclarationSyntax,
                    ImplicitCalls = implicitCalls,
                    Tool = IsKernelFunction(declaration),
                });
            }

            [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
            private static void Mention(Dictionary<string, List<int>> byName, string name, int id)
            {
                if (!byName.TryGetValue(name, out var ids))
                {
                    byName[name] = ids = new List<int>();
                }

                if (ids.Count == 0 || ids[ids.Count - 1] != id)
                {
                    ids.Add(id);
                }
            }

            /// <summary>
            /// Whether the identifier names the method of a call: <c>Start()</c>, <c>x.Start()</c>, <c>x?.Start()</c>,
            /// <c>x.Start&lt;T&gt;()</c>. A method of another assembly is a recipient, and a method of this compilation is
            /// followed by the engine, only at a call (MethodFlowAnalysis's invocations); a property or an enum member of the
            /// same name (<c>date &gt;= Start</c>, <c>Status.Pending</c>) calls nothing.
            /// </summary>
            [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
            private static bool IsCalled(SyntaxToken token)
            {
                if (token.Parent is not SimpleNameSyntax name)
                {
                    return false;
                }

                ExpressionSyntax called = name.Parent switch
                {
                    MemberAccessExpressionSyntax access when access.Name == name => access,
                    MemberBindingExpressionSyntax binding => binding,
                    _ => name,
                };
                while (called.Parent is ParenthesizedExpressionSyntax parenthesized)
                {
                    called = parenthesized;
                }

                return called.Parent is InvocationExpressionSyntax invocation && invocation.Expression == called;
            }
        }
    }
}
