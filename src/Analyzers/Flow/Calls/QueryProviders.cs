using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Sinks;

namespace Residency.Analyzers.Flow.Calls
{
    /// <summary>
    /// Who receives a query that LINQ's own operators run (<c>db.Customers.Where(c =&gt; c.Email == email).ToList()</c>,
    /// <c>FirstOrDefault(c =&gt; …)</c>, <c>foreach</c>): the provider of the store the query was built from. Its recipient is
    /// named by the store's type, <c>Microsoft.EntityFrameworkCore.DbSet`1.Provider</c>, which residency.json declares as
    /// <c>DbSet`1.*</c>, <c>DbSet`1.Provider</c>, or through the type that holds the store (<c>DbContext.*</c>); a query whose
    /// store the method does not show (a parameter, a helper's result) reaches <c>System.Linq.IQueryable.Provider</c>.
    /// Undeclared, it is an unclassified recipient (docs/flow-semantics.md, "a database's own data"). Memoised per store.
    /// </summary>
    internal sealed class QueryProviders
    {
        /// <summary>The recipient of a query whose store is not known where it runs.</summary>
        public const string AnyProvider = "System.Linq.IQueryable";

        private readonly ConfiguredSinkProvider? _declared;
        private readonly DatabaseSinkProvider? _databases;
        private readonly LocalCatalog _local;
        private readonly ConcurrentDictionary<(ISymbol? Store, ISymbol? Holder), SinkInfo?> _memo = new(KeyComparer.Instance);

        public QueryProviders(ConfiguredSinkProvider? declared, LocalCatalog local, DatabaseSinkProvider? databases = null)
        {
            _declared = declared;
            _local = local;
            _databases = databases;
        }

        /// <summary>
        /// The sink a query built from <paramref name="store"/> (a class implementing <c>IQueryable</c>; an interface or null
        /// when unknown) held by, or made from, an object of type <paramref name="holder"/> reaches when it runs; null when
        /// the project declares it local.
        /// </summary>
        public SinkInfo? Of(INamedTypeSymbol? store, INamedTypeSymbol? holder)
        {
            return _memo.GetOrAdd((store?.OriginalDefinition, holder?.OriginalDefinition), key => Resolve((INamedTypeSymbol?)key.Store, (INamedTypeSymbol?)key.Holder));
        }

        private SinkInfo? Resolve(INamedTypeSymbol? storeType, INamedTypeSymbol? holder)
        {
            var store = storeType is { TypeKind: TypeKind.Class } ? storeType : null; // an interface (IQueryable<T>) names no store
            var types = new List<INamedTypeSymbol>(2);
            if (storeType is not null)
            {
                types.Add(storeType);
            }

            if (holder is not null)
            {
                types.Add(holder);
            }

            if (_declared?.ResolveQueryProvider(types, store is null ? AnyProvider : null) is { } declared)
            {
                return declared;
            }

            // The database the context holding the store is configured with (AddDbContext<AppDb>(o => o.UseSqlServer(…))).
            if (_databases?.QueryProvider(holder) is { } database)
            {
                return database;
            }

            // A query a library's object hands out without saying its store (UserManager<TUser>.Users, an IQueryable<TUser>)
            // is named after that object's type: its provider is the store behind it.
            var libraryHolder = store is null && holder is { TypeKind: TypeKind.Class, DeclaringSyntaxReferences.Length: 0 } ? holder : null;
            var named = store ?? libraryHolder;
            var name = (named is null ? AnyProvider : EndpointResolver.MetadataName(named)) + "." + ConfiguredSinkProvider.QueryProviderMember;

            // The built-in catalogue makes System.Linq local, which is right for a query over objects in memory, not for the
            // provider of a store it cannot see (nor for a library whose namespace it makes local, as Microsoft.AspNetCore's):
            // only the project's own entries make those local.
            if (store is null ? _local.IsLocalByProject(name) : _local.IsLocal(name))
            {
                return null;
            }

            return UnclassifiedCalls.RecipientInfo(
                name,
                store is not null
                    ? "not classified: a query built from this store and run here; its provider receives the values the query holds"
                    : libraryHolder is not null
                        ? "not classified: a query this library's object hands out, run here; the provider of the store behind it receives the values the query holds"
                        : "not classified: a query run here whose store this method does not show; its provider receives the values the query holds",
                named is { Locations.Length: > 0 } ? named.Locations[0] : null,
                named?.ContainingAssembly?.Name);
        }

        private sealed class KeyComparer : IEqualityComparer<(ISymbol? Store, ISymbol? Holder)>
        {
            public static readonly KeyComparer Instance = new();

            public bool Equals((ISymbol? Store, ISymbol? Holder) x, (ISymbol? Store, ISymbol? Holder) y) =>
                SymbolEqualityComparer.Default.Equals(x.Store, y.Store) && SymbolEqualityComparer.Default.Equals(x.Holder, y.Holder);

            public int GetHashCode((ISymbol? Store, ISymbol? Holder) obj) =>
                unchecked((SymbolEqualityComparer.Default.GetHashCode(obj.Store) * 31) + SymbolEqualityComparer.Default.GetHashCode(obj.Holder));
        }
    }
}
