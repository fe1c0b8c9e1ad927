using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// Which bodies may run a query on its store's provider (<c>MethodFlowAnalysis.RecordQueryRun</c>), for
    /// <see cref="MayReachRecipient"/>: those that call a LINQ method that may run one, or iterate, and reach a query.
    /// </summary>
    internal sealed partial class CandidateIndex
    {
        private sealed partial class Builder
        {
            // Where a store's provider runs queries (TrackQueries): the LINQ methods that may run one, the names of the
            // application's members whose type is a query (a set, a field, a helper returning IQueryable), and the bodies
            // given a query as a parameter. A body that runs a query it can reach reaches the query's provider.
            private WellKnownTypes? _queryTypes; // set by TrackQueries: null, queries are not tracked
            private readonly HashSet<string> _queryRunNames = new(System.StringComparer.Ordinal);
            private readonly HashSet<string> _queryNames = new(System.StringComparer.Ordinal);
            private readonly List<SyntaxNode> _queryOwners = new();
            private readonly Dictionary<ITypeSymbol, bool> _isQuery = new(SymbolEqualityComparer.Default);

            /// <summary>
            /// Before <see cref="WalkSymbols"/>, where a store's provider receives the queries LINQ's own operators run
            /// (<c>MethodFlowAnalysis.RecordQueryRun</c>): the symbol walk notes the application's query members and query
            /// parameters; the methods of <c>System.Linq.Queryable</c> and <c>Enumerable</c> that return no query (the
            /// calls that run one, with a <c>foreach</c>), and the members of the library's <paramref name="stores"/> whose
            /// type is a query (EF Core's <c>Set&lt;T&gt;()</c>, Identity's <c>UserManager&lt;TUser&gt;.Users</c>), are noted here.
            /// </summary>
            public void TrackQueries(WellKnownTypes types, ImmutableArray<INamedTypeSymbol> stores)
            {
                if (types.Queryable.IsEmpty)
                {
                    return;
                }

                _queryTypes = types;
                foreach (var operators in new[] { types.QueryableOperators, types.EnumerableOperators })
                {
                    foreach (var member in operators?.GetMembers() ?? ImmutableArray<ISymbol>.Empty)
                    {
                        if (member is IMethodSymbol { IsExtensionMethod: true } method && !IsQueryType(method.ReturnType))
                        {
                            _queryRunNames.Add(method.Name);
                        }
                    }
                }

                foreach (var store in stores)
                {
                    foreach (var member in store.GetMembers())
                    {
                        NoteQueryMember(member, member switch
                        {
                            IPropertySymbol property => property.Type,
                            IMethodSymbol method => method.ReturnType,
                            _ => null,
                        });
                    }
                }
            }

            /// <summary>Whether the walk tracks queries and <paramref name="type"/> is one (<c>WellKnownTypes.IsQuery</c>); memoised.</summary>
            private bool IsQueryType(ITypeSymbol? type)
            {
                if (_queryTypes is null || type is not INamedTypeSymbol { SpecialType: SpecialType.None, TypeKind: TypeKind.Interface or TypeKind.Class })
                {
                    return false;
                }

                if (!_isQuery.TryGetValue(type, out var isQuery))
                {
                    _isQuery[type] = isQuery = _queryTypes.IsQuery(type);
                }

                return isQuery;
            }

            /// <summary>A member (of the application, or of a library's store) whose type is a query is a name a query is reached by.</summary>
            private void NoteQueryMember(ISymbol member, ITypeSymbol? type)
            {
                if (IsQueryType(type))
                {
                    _queryNames.Add(member.Name);
                }
            }

            /// <summary>In the symbol walk: a method of the application that returns a query, or is given one.</summary>
            private void NoteQueryMethod(IMethodSymbol method)
            {
                if (_queryTypes is null)
                {
                    return;
                }

                NoteQueryMember(method, method.ReturnType);
                foreach (var parameter in method.Parameters)
                {
                    if (IsQueryType(parameter.Type))
                    {
                        foreach (var reference in method.DeclaringSyntaxReferences)
                        {
                            if (OwnerOf(reference.GetSyntax(_cancellationToken)) is { } owner)
                            {
                                _queryOwners.Add(owner);
                            }
                        }

                        return;
                    }
                }
            }

            /// <summary>
            /// The bodies that may run a query holding personal data on its provider: they call a method that may run one (or
            /// iterate with <c>foreach</c>) and reach a query (they name a query member of the application, or are given one).
            /// </summary>
            private IEnumerable<int> QueryRunners()
            {
                if (_queryRunNames.Count == 0)
                {
                    yield break;
                }

                var runs = new bool[_owners.Count];
                foreach (var name in _queryRunNames)
                {
                    if (_byCalledName.TryGetValue(name, out var ids))
                    {
                        foreach (var id in ids)
                        {
                            runs[id] = true;
                        }
                    }
                }

                for (int id = 0; id < _owners.Count; id++)
                {
                    runs[id] |= (_owners[id].ImplicitCalls & ImplicitCalls.ForEach) != ImplicitCalls.None;
                }

                foreach (var name in _queryNames)
                {
                    if (_byName.TryGetValue(name, out var ids))
                    {
                        foreach (var id in ids)
                        {
                            if (runs[id])
                            {
                                yield return id;
                            }
                        }
                    }
                }

                foreach (var owner in _queryOwners)
                {
                    if (_ownerIds.TryGetValue(owner, out var id) && runs[id])
                    {
                        yield return id;
                    }
                }
            }
        }
    }
}
