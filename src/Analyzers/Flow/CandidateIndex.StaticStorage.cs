using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// Static fields and static auto-properties written from outside their type (<c>Registry.Current = c.Email</c> in another
    /// class, or in top-level statements): what such a member holds is what every body of the compilation stores in it, so
    /// the bodies that may write it are found here, by name, for the engine's field stores (docs/flow-semantics.md, "Fields").
    /// </summary>
    internal sealed partial class CandidateIndex
    {
        // Per type key: the bodies outside the type that may write one of its static fields or auto-properties. Null: not known.
        private Dictionary<string, List<SyntaxNode>>? _foreignStaticWriters;

        private static readonly IReadOnlyList<SyntaxNode> NoWriters = new SyntaxNode[0];

        /// <summary>
        /// The declarations of the bodies outside <paramref name="type"/> that may store into one of its static fields or
        /// static auto-properties (they write, call a method on, or hand to a call a name the type declares as such; for a
        /// private one, only bodies of its nested types). Names are compared as text: namesakes only add bodies. Null when
        /// not known (no index).
        /// </summary>
        public IReadOnlyList<SyntaxNode>? ForeignStaticWriters(INamedTypeSymbol type)
        {
            if (_everything || _foreignStaticWriters is null)
            {
                return null;
            }

            return _foreignStaticWriters.TryGetValue(TypeKey(type.OriginalDefinition), out var writers) ? writers : NoWriters;
        }

        private sealed partial class Builder
        {
            // Per name: the types (by key) of the compilation that declare a static field or auto-property of that name, and
            // whether it is private. From declarations (WalkSymbols), before the bodies are indexed: the chains handed to calls
            // keep the static storage names along them (AddChainNames).
            private readonly Dictionary<string, List<(string TypeKey, bool Private)>> _staticStorage = new(System.StringComparer.Ordinal);

            /// <summary>Records a static field of <paramref name="type"/> (or the backing field of a static auto-property) by the name bodies write.</summary>
            private void StaticStorage(INamedTypeSymbol type, IFieldSymbol field)
            {
                var member = field.AssociatedSymbol ?? field;
                if (!_staticStorage.TryGetValue(member.Name, out var declared))
                {
                    _staticStorage[member.Name] = declared = new List<(string, bool)>(1);
                }

                declared.Add((TypeKey(type), member.DeclaredAccessibility == Accessibility.Private));
            }

            /// <summary>Whether a body of <paramref name="ownerKey"/> (null: top-level statements) can reach a static member of another type.</summary>
            private static bool IsForeign(string? ownerKey, string typeKey, bool isPrivate) =>
                !string.Equals(ownerKey, typeKey, System.StringComparison.Ordinal) &&
                (!isPrivate || (ownerKey is not null && ownerKey.Length > typeKey.Length && ownerKey[typeKey.Length] == '+' &&
                    ownerKey.StartsWith(typeKey, System.StringComparison.Ordinal)));

            /// <summary>
            /// Calls <paramref name="found"/> with each (type key, name) of a static field or auto-property of another type
            /// that the body may store into: a name it writes (<see cref="Owner.Written"/>) or hands to a call (<see cref="Owner.Passed"/>).
            /// </summary>
            private void ForEachForeignStatic<TState>(Owner owner, TState state, System.Action<string, string, TState> found)
            {
                if (_staticStorage.Count == 0)
                {
                    return;
                }

                Visit(owner.Written);
                Visit(owner.Passed);

                void Visit(List<string>? names)
                {
                    if (names is null)
                    {
                        return;
                    }

                    foreach (var name in names)
                    {
                        if (_staticStorage.TryGetValue(name, out var declared))
                        {
                            foreach (var (typeKey, isPrivate) in declared)
                            {
                                if (IsForeign(owner.TypeKey, typeKey, isPrivate))
                                {
                                    found(typeKey, name, state);
                                }
                            }
                        }
                    }
                }
            }

            /// <summary>
            /// Per type key, the bodies outside the type that may store into its static storage (every body, candidate or not:
            /// the engine asks the pre-filter about each); and into <paramref name="named"/>, each such (type key, name) a
            /// candidate writes, for the quiet-storage rule.
            /// </summary>
            private Dictionary<string, List<SyntaxNode>> ForeignStaticWriters(bool[] candidates, HashSet<(string TypeKey, string Name)> named)
            {
                var writers = new Dictionary<string, List<SyntaxNode>>(System.StringComparer.Ordinal);
                if (_staticStorage.Count == 0)
                {
                    return writers;
                }

                var declarations = new SyntaxNode[_owners.Count];
                foreach (var pair in _ownerIds)
                {
                    declarations[pair.Value] = pair.Key;
                }

                for (int id = 0; id < _owners.Count; id++)
                {
                    var state = (Declaration: declarations[id], Candidate: candidates[id], Writers: writers, Named: named);
                    ForEachForeignStatic(_owners[id], state, static (typeKey, name, s) =>
                    {
                        if (!s.Writers.TryGetValue(typeKey, out var list))
                        {
                            s.Writers[typeKey] = list = new List<SyntaxNode>();
                        }

                        if (list.Count == 0 || list[list.Count - 1] != s.Declaration)
                        {
                            list.Add(s.Declaration);
                        }

                        if (s.Candidate)
                        {
                            s.Named.Add((typeKey, name));
                        }
                    });
                }

                return writers;
            }
        }
    }
}
