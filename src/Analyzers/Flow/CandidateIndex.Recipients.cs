using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Residency.Analyzers.Model;

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

        /// <summary>
        /// For tests: the recipient names, and the kinds of syntax that call a recipient by pattern, that the index finds for
        /// a compilation whose bodies call each of <paramref name="called"/> — read from the metadata tables of the references,
        /// or with <paramref name="fromSymbols"/> from their symbols, as for a reference without metadata.
        /// </summary>
        internal static (HashSet<string> Names, int PatternCalls) RecipientNamesOf(Compilation compilation, Endpoints.LocalCatalog local, IEnumerable<string> called, bool fromSymbols)
        {
            var builder = new Builder(compilation, null!, System.Collections.Immutable.ImmutableArray<Sinks.ISinkProvider>.Empty, default);
            foreach (var name in called)
            {
                builder.AddCalledName(name);
            }

            builder.CollectRecipientNames(local, implementedHere: null, fromSymbols);
            return (builder.RecipientNames, (int)builder.ImplicitRecipients);
        }

        private sealed partial class Builder
        {
            internal HashSet<string> RecipientNames => _recipientNames!;

            internal ImplicitCalls ImplicitRecipients => _implicitRecipients;

            internal void AddCalledName(string name) => _byCalledName[name] = new List<int>();

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
            public void CollectRecipientNames(Endpoints.LocalCatalog? local, System.Func<IMethodSymbol, bool>? implementedHere, bool fromSymbols = false)
            {
                _recipientNames = new HashSet<string>(System.StringComparer.Ordinal);
                if (local is null)
                {
                    return;
                }

                var localNamespaces = new Dictionary<string, bool>(System.StringComparer.Ordinal);
                foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    foreach (var module in assembly.Modules)
                    {
                        if (!fromSymbols && MethodNameIndex.For(module) is { } index)
                        {
                            CollectRecipientNames(index, local, localNamespaces);
                        }
                        else
                        {
                            // No metadata of its own (a compilation reference in a workspace): the same question asked of symbols.
                            CollectRecipientNames(assembly.GlobalNamespace, "", local);
                            break;
                        }
                    }
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

            /// <summary>
            /// <c>CollectRecipientNames</c> for one module,
            /// from its metadata tables: the names some body calls (and the members called by pattern) that a type of the
            /// module declares as a method, unless every type declaring it is local. The same answer as the walk over
            /// symbols below (<c>RecipientNamesTests</c>), without creating a symbol: on an application with a few hundred
            /// references, that walk decoded the members of every type of every vendor's SDK, a tenth of the analysis
            /// (docs/benchmarks.md, "A real application").
            /// </summary>
            private void CollectRecipientNames(MethodNameIndex index, Endpoints.LocalCatalog local, Dictionary<string, bool> localNamespaces)
            {
                // Per type: 0 not yet asked, 1 local, 2 not.
                var localTypes = new byte[index.TypeCount];
                var localNamespace = new bool[index.Namespaces.Count];
                bool anyOpen = false;
                for (int i = 0; i < localNamespace.Length; i++)
                {
                    localNamespace[i] = IsLocalNamespace(index.Namespaces[i], local, localNamespaces);
                    anyOpen |= !localNamespace[i];
                }

                if (!anyOpen)
                {
                    return;
                }

                bool IsLocal(int type)
                {
                    if (localTypes[type] == 0)
                    {
                        int declaring = index.DeclaringTypeOf(type);
                        bool isLocal = localNamespace[index.NamespaceOf(type)] || (declaring >= 0 && IsLocal(declaring)) || local.IsWhollyLocal(index.TypeName(type));
                        localTypes[type] = isLocal ? (byte)1 : (byte)2;
                    }

                    return localTypes[type] == 1;
                }

                bool DeclaredOutside(string name)
                {
                    if (index.TryGetDeclaringTypes(name, out var types))
                    {
                        foreach (var type in types)
                        {
                            if (!IsLocal(type))
                            {
                                return true;
                            }
                        }
                    }

                    return false;
                }

                foreach (var name in _byCalledName.Keys)
                {
                    if (!_recipientNames!.Contains(name) && DeclaredOutside(name))
                    {
                        _recipientNames.Add(name);
                    }
                }

                foreach (var pattern in PatternMembers)
                {
                    if ((_implicitRecipients & pattern.Value) != pattern.Value && DeclaredOutside(pattern.Key))
                    {
                        _implicitRecipients |= pattern.Value;
                    }
                }
            }

            // Whether a namespace is skipped by the walk over symbols: it or a namespace it is in is wholly local.
            private static bool IsLocalNamespace(string ns, Endpoints.LocalCatalog local, Dictionary<string, bool> known)
            {
                if (ns.Length == 0)
                {
                    return false;
                }

                if (!known.TryGetValue(ns, out var isLocal))
                {
                    int dot = ns.LastIndexOf('.');
                    isLocal = (dot > 0 && IsLocalNamespace(ns.Substring(0, dot), local, known)) || local.IsWhollyLocal(ns);
                    known.Add(ns, isLocal);
                }

                return isLocal;
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
            /// then every body that names a method, constructor or accessor already found (a fixpoint over names); a method
            /// the language calls by pattern (<c>Add</c>, <c>Dispose</c>, <c>GetEnumerator</c>, …) also through every body
            /// with the syntax that calls it so. Null (every body) as soon as one found may run where nothing shows the call
            /// (an operator, a conversion, a finalizer).
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

                foreach (var id in QueryRunners())
                {
                    Reach(id);
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

                var patternCalls = ImplicitCalls.None;
                while (pending.Count > 0)
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    var owner = _owners[pending.Dequeue()];
                    if (owner.CalledImplicitly)
                    {
                        if (owner.CallName is not { } patternName || !PatternMembers.TryGetValue(patternName, out var kinds))
                        {
                            return null; // an operator, a conversion or a finalizer: any body may run it
                        }

                        // A method the language calls by pattern (a collection's Add, GetEnumerator, Dispose, GetAwaiter, …):
                        // besides the calls that name it (below), the bodies with the syntax that calls it by pattern.
                        if ((patternCalls & kinds) != kinds)
                        {
                            patternCalls |= kinds;
                            for (int id = 0; id < _owners.Count; id++)
                            {
                                if ((_owners[id].ImplicitCalls & kinds) != ImplicitCalls.None)
                                {
                                    Reach(id);
                                }
                            }
                        }
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
