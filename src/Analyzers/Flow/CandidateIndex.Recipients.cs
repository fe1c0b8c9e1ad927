using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// Which bodies may hand data to a recipient (<see cref="MayReachRecipient"/>): the names of non-local library
    /// methods, what a body may be called by, and the fixpoint over callers.
    /// </summary>
    internal sealed partial class CandidateIndex
    {
        /// <summary>The type whose <c>Create</c> offers a method to a model as a tool.</summary>
        private const string ToolFactoryName = "AIFunctionFactory";

        private sealed partial class Builder
        {
            // Names of methods of referenced assemblies that no catalogue says keep data in the process: a call of one may
            // hand personal data to an unclassified recipient. Null: not collected (every body may reach a recipient).
            private HashSet<string>? _recipientNames;

            // The syntax that calls a member of a non-local referenced type by pattern (a collection initializer's Add of a
            // vendor's collection): the bodies with such syntax may reach it without writing its name.
            private ImplicitCalls _implicitRecipients;

            // Names of methods that may be offered to a model as tools (named where AIFunctionFactory is).
            private readonly HashSet<string> _recipientRootNames = new(System.StringComparer.Ordinal);

            /// <summary>
            /// After <see cref="IndexSyntax"/>: the names of the methods of referenced assemblies that <paramref name="local"/>
            /// does not say keep data in the process (a call of one is an unclassified recipient when it receives personal
            /// data), among the names some body writes. Whole namespaces and
            /// types that are local are skipped without reading their members: the BCL and the catalogued frameworks cost
            /// a look at their namespace names. Null <paramref name="local"/>: unclassified recipients are not recorded.
            /// </summary>
            public void CollectRecipientNames(Endpoints.LocalCatalog? local, System.Func<IMethodSymbol, bool>? implementedHere)
            {
                _recipientNames = new HashSet<string>(System.StringComparer.Ordinal);
                if (local is null)
                {
                    return;
                }

                foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
                {
                    CollectRecipientNames(assembly.GlobalNamespace, "", local);
                }

                // An interface or abstract method of the application that no code here implements is an unclassified
                // recipient too: its implementation is in another project (or made at run time).
                if (implementedHere is not null)
                {
                    foreach (var method in _abstractMethods)
                    {
                        if (!implementedHere(method))
                        {
                            _recipientNames.Add(method.Name);
                        }
                    }
                }
            }

            private void CollectRecipientNames(INamespaceSymbol ns, string name, Endpoints.LocalCatalog local)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (name.Length > 0 && local.IsWhollyLocal(name))
                {
                    return;
                }

                foreach (var child in ns.GetNamespaceMembers())
                {
                    CollectRecipientNames(child, name.Length == 0 ? child.Name : name + "." + child.Name, local);
                }

                foreach (var type in ns.GetTypeMembers())
                {
                    CollectRecipientNames(type, (name.Length == 0 ? "" : name + ".") + type.MetadataName, local);
                }
            }

            private static bool HasMethod(INamedTypeSymbol type, string name)
            {
                foreach (var member in type.GetMembers(name))
                {
                    // An override is never the target of a call (C# binds to the method it overrides), so never a recipient.
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsOverride: false })
                    {
                        return true;
                    }
                }

                return false;
            }

            private void CollectRecipientNames(INamedTypeSymbol type, string name, Endpoints.LocalCatalog local)
            {
                if (type.DeclaredAccessibility == Accessibility.Private || local.IsWhollyLocal(name))
                {
                    return;
                }

                foreach (var member in type.MemberNames)
                {
                    // Only methods are recipients (a call hands them data), and only a name some body calls can be called,
                    // or a member the language calls by pattern where its syntax is (new Vendor.Bag { c.Email }).
                    if (!_recipientNames!.Contains(member) && _byCalledName.ContainsKey(member) && HasMethod(type, member))
                    {
                        _recipientNames.Add(member);
                    }

                    if (PatternMembers.TryGetValue(member, out var calls) && (_implicitRecipients & calls) != calls && HasMethod(type, member))
                    {
                        _implicitRecipients |= calls;
                    }
                }

                foreach (var nested in type.GetTypeMembers())
                {
                    CollectRecipientNames(nested, name + "+" + nested.MetadataName, local);
                }
            }

            /// <summary>
            /// The name by which a call of <paramref name="method"/> is written: a method's name, a constructor's type name
            /// (<c>new Customer(…)</c>); null for operators, conversions and finalizers, which are never called by name.
            /// </summary>
            private static string? CallName(BaseMethodDeclarationSyntax method) => method switch
            {
                MethodDeclarationSyntax m => m.Identifier.ValueText,
                ConstructorDeclarationSyntax c => c.Identifier.ValueText,
                _ => null,
            };

            /// <summary>
            /// Whether the engine may run the body without its name being written at the call: user-defined operators and
            /// conversions, finalizers, and the members the language calls by pattern where the operation tree shows the
            /// call (collection initializers' <c>Add</c>, <c>foreach</c>, <c>using</c>, <c>await</c>, deconstruction,
            /// interpolated-string handlers, query expressions). A record's synthesised <c>ToString</c> reading its getters
            /// is not one: the engine does not follow synthesised members, which have no body.
            /// </summary>
            private static bool CalledImplicitly(SyntaxNode declaration, string? callName) =>
                declaration is OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax or DestructorDeclarationSyntax ||
                (callName is not null && PatternMembers.ContainsKey(callName));

            /// <summary>A method marked <c>[KernelFunction]</c> (by its written name): a Semantic Kernel plugin's tool, whose return value reaches a model.</summary>
            private static bool IsKernelFunction(SyntaxNode declaration)
            {
                if (declaration is not MethodDeclarationSyntax method)
                {
                    return false;
                }

                foreach (var list in method.AttributeLists)
                {
                    foreach (var attribute in list.Attributes)
                    {
                        if (attribute.Name.ToString().IndexOf("KernelFunction", System.StringComparison.Ordinal) >= 0)
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            /// <summary>
            /// Which bodies may hand data to a sink or an unclassified recipient: those that name one, that may be a tool,
            /// then every body that names a method, constructor or accessor already found (a fixpoint over names). Null
            /// (every body) as soon as one found may run without being named (an operator, a pattern member, a record's).
            /// </summary>
            private bool[]? ReachRecipients(bool[] mentionsSinkName)
            {
                var reaches = new bool[_owners.Count];
                var names = new HashSet<string>(System.StringComparer.Ordinal);
                var calledNames = new HashSet<string>(System.StringComparer.Ordinal);
                var pending = new Queue<int>();
                bool constructors = false;

                void Reach(int id)
                {
                    if (!reaches[id])
                    {
                        reaches[id] = true;
                        pending.Enqueue(id);
                    }
                }

                void ReachName(string name)
                {
                    if (names.Add(name) && _byName.TryGetValue(name, out var ids))
                    {
                        foreach (var id in ids)
                        {
                            Reach(id);
                        }
                    }
                }

                // A method is reached only by the bodies that call it (Builder.IsCalled), not by every body that writes its name.
                void ReachCalls(string name)
                {
                    if (!names.Contains(name) && calledNames.Add(name) && _byCalledName.TryGetValue(name, out var ids))
                    {
                        foreach (var id in ids)
                        {
                            Reach(id);
                        }
                    }
                }

                for (int id = 0; id < _owners.Count; id++)
                {
                    if (mentionsSinkName[id] || _owners[id].Tool)
                    {
                        Reach(id);
                    }
                }

                foreach (var name in _recipientNames!)
                {
                    ReachCalls(name);
                }

                if (_implicitRecipients != ImplicitCalls.None)
                {
                    for (int id = 0; id < _owners.Count; id++)
                    {
                        if ((_owners[id].ImplicitCalls & _implicitRecipients) != ImplicitCalls.None)
                        {
                            Reach(id);
                        }
                    }
                }

                if (_recipientRootNames.Count > 0)
                {
                    for (int id = 0; id < _owners.Count; id++)
                    {
                        if (_owners[id].CallName is { } callName && _recipientRootNames.Contains(callName))
                        {
                            Reach(id);
                        }
                    }
                }

                while (pending.Count > 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    var owner = _owners[pending.Dequeue()];
                    if (owner.CalledImplicitly)
                    {
                        return null;
                    }

                    if (owner.Constructor && !constructors)
                    {
                        // base(…), this(…) and target-typed new() call a constructor without naming its type.
                        constructors = true;
                        for (int id = 0; id < _owners.Count; id++)
                        {
                            if (_owners[id].Constructor || _owners[id].Seed)
                            {
                                Reach(id);
                            }
                        }
                    }

                    if (owner.CallName is { } callName)
                    {
                        if (owner.Method)
                        {
                            ReachCalls(callName);
                        }
                        else
                        {
                            ReachName(callName); // an accessor is run by any mention of its property, a constructor by new
                        }
                    }
                }

                return reaches;
            }
        }
    }
}
