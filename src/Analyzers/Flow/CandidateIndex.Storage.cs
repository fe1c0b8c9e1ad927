using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// The storage of each type (its fields and auto-properties) and the names each body may store into: what the quiet-storage
    /// rule, the field names a candidate spreads and the helpers that fill fields are computed from (Solve).
    /// </summary>
    internal sealed partial class CandidateIndex
    {
        private sealed partial class Builder
        {
            /// <summary>Records a field or auto-property of the type <paramref name="typeKey"/>, and whether a call could fill it.</summary>
            private void Storage(string typeKey, string name, TypeSyntax? type)
            {
                if (!_storage.TryGetValue(typeKey, out var names))
                {
                    _storage[typeKey] = names = new HashSet<string>(System.StringComparer.Ordinal);
                }

                names.Add(name);
                if (IsUnfillable(type))
                {
                    _unfillable.Add((typeKey, name));
                }
            }

            /// <summary>
            /// A declared type that a method it is passed to cannot fill: a value or string keyword type (<c>int</c>, <c>string</c>,
            /// <c>bool?</c>), not <c>object</c>.
            /// </summary>
            private static bool IsUnfillable(TypeSyntax? type) => type switch
            {
                PredefinedTypeSyntax predefined => !predefined.Keyword.IsKind(SyntaxKind.ObjectKeyword),
                NullableTypeSyntax { ElementType: PredefinedTypeSyntax } => true,
                _ => false,
            };

            /// <summary>
            /// Names a node of a body may store into: every name in an assignment target (outside object initializers), in the
            /// receiver of a call (<c>_items.Add(x)</c>, <c>other._items.Add(x)</c>), in a <c>ref</c>/<c>out</c>
            /// argument (<paramref name="written"/>), and the names of a chain handed to a call, the one it starts at first
            /// (<c>Lists.Put(_pending, x)</c>, <c>Lists.Put(Outbox.Pending, x)</c>: the callee may fill it; <paramref name="passed"/>).
            /// Only those that are fields or auto-properties of the body's own type, or static ones of another type, are used (Solve).
            /// </summary>
            [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
            private void CollectWritten(SyntaxNode node, ref List<string>? written, ref List<string>? passed)
            {
                // A field, or an object reached from one, handed to a method (Lists.Put(_pending, x), Fill(_draft.Lines, x)), which
                // may fill it (the engine's parameter stores): the field the chain starts at.
                // Called on every node of every body: the kind, an integer, rules out most nodes before any type test.
                var kind = node.Kind();
                if (kind is not (SyntaxKind.Argument or SyntaxKind.InvocationExpression) && !SyntaxFacts.IsAssignmentExpression(kind))
                {
                    return;
                }

                if (node is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax } handed && handed.RefKindKeyword.IsKind(SyntaxKind.None))
                {
                    AddChainNames(handed.Expression, ref passed);
                    return;
                }

                ExpressionSyntax? target = node switch
                {
                    AssignmentExpressionSyntax assignment when assignment.Parent is not InitializerExpressionSyntax => assignment.Left,
                    InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Expression,
                    InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } => binding, // _pending?.Add(x)
                    ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) => argument.Expression,
                    _ => null,
                };
                if (target is null)
                {
                    return;
                }

                if (target is not MemberBindingExpressionSyntax)
                {
                    AddIdentifiers(target, ref written);
                }

                if (StartsAtBinding(target))
                {
                    AddConditionalReceivers(node, ref written);
                }
            }

            /// <summary>Whether <paramref name="expression"/> starts at the receiver of a conditional access (<c>?.B</c>, <c>?[i]</c>).</summary>
            private static bool StartsAtBinding(ExpressionSyntax expression)
            {
                while (true)
                {
                    switch (expression)
                    {
                        case MemberBindingExpressionSyntax or ElementBindingExpressionSyntax:
                            return true;
                        case MemberAccessExpressionSyntax access:
                            expression = access.Expression;
                            continue;
                        case ElementAccessExpressionSyntax element:
                            expression = element.Expression;
                            continue;
                        case InvocationExpressionSyntax invocation:
                            expression = invocation.Expression;
                            continue;
                        case PostfixUnaryExpressionSyntax suppressed:
                            expression = suppressed.Operand;
                            continue;
                        default:
                            return false;
                    }
                }
            }

            /// <summary>
            /// The names the receivers of the conditional accesses around <paramref name="node"/> are written with
            /// (<c>_pending</c> in <c>_pending?.Add(x)</c>; <c>a</c> and <c>b</c> in <c>a?.b?.Add(x)</c>, C# 14's <c>a?.B = v</c>).
            /// </summary>
            private static void AddConditionalReceivers(SyntaxNode node, ref List<string>? written)
            {
                var child = node;
                for (var parent = node.Parent; parent is ExpressionSyntax or ArgumentSyntax or ArgumentListSyntax; child = parent, parent = parent.Parent)
                {
                    if (parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == child)
                    {
                        AddIdentifiers(conditional.Expression, ref written);
                    }
                }
            }

            /// <summary>Every name written in <paramref name="expression"/>.</summary>
            [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
            private static void AddIdentifiers(ExpressionSyntax expression, ref List<string>? names)
            {
                foreach (var node in expression.DescendantNodesAndSelf())
                {
                    if (node is IdentifierNameSyntax identifier)
                    {
                        (names ??= new List<string>()).Add(identifier.Identifier.ValueText);
                    }
                }
            }

            /// <summary>
            /// The names of a chain <c>a.b[i].c</c> (or <c>this.a.b</c>) handed to a call that a callee may fill (the engine's
            /// parameter stores): the name it starts at, and along it the names of static storage
            /// (<c>Lists.Put(Outbox.Pending, x)</c>). Nothing for a chain that does not start at a name (<c>Make().Items</c>).
            /// </summary>
            private void AddChainNames(ExpressionSyntax expression, ref List<string>? names)
            {
                int start = names?.Count ?? 0;
                while (true)
                {
                    switch (expression)
                    {
                        case IdentifierNameSyntax identifier:
                            (names ??= new List<string>()).Add(identifier.Identifier.ValueText);
                            return;
                        case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member }:
                            (names ??= new List<string>()).Add(member.Identifier.ValueText);
                            return;
                        case MemberAccessExpressionSyntax access:
                            if (_staticStorage.ContainsKey(access.Name.Identifier.ValueText))
                            {
                                (names ??= new List<string>()).Add(access.Name.Identifier.ValueText);
                            }

                            expression = access.Expression;
                            continue;
                        case ElementAccessExpressionSyntax element:
                            expression = element.Expression;
                            continue;
                        case ParenthesizedExpressionSyntax parenthesized:
                            expression = parenthesized.Expression;
                            continue;
                        case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                            expression = suppressed.Operand; // _pending!
                            continue;
                        case CastExpressionSyntax cast:
                            expression = cast.Expression; // (List<string>)_boxed
                            continue;
                        case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AsExpression } conversion:
                            expression = conversion.Left; // _boxed as List<string>
                            continue;
                        default:
                            // No name at its start: nothing of it is a field a callee could fill.
                            names?.RemoveRange(start, names.Count - start);
                            return;
                    }
                }
            }
        }
    }
}
