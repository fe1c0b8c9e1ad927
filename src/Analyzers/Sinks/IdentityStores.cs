using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Endpoints;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// ASP.NET Core Identity over Entity Framework Core (<c>databases.json</c>, "identityStores"): with
    /// <c>services.AddIdentityCore&lt;ApplicationUser&gt;().AddEntityFrameworkStores&lt;ApplicationDbContext&gt;()</c>, the
    /// user store is that context's tables, so a <c>UserManager</c> call that reaches the store (<c>CreateAsync</c>,
    /// <c>SetEmailAsync</c>, <c>FindByEmailAsync</c>: the local catalogue's carve-outs of ASP.NET Core, which it counts as
    /// leaving the process) goes to the context's database. The registration is looked for once, on the first manager call.
    /// </summary>
    internal sealed class IdentityStores
    {
        private readonly EndpointResolver _resolver;
        private readonly DatabaseCatalog _catalog;
        private readonly LocalCatalog? _local;
        private readonly ImmutableArray<INamedTypeSymbol> _managers;
        private readonly Lazy<INamedTypeSymbol?> _context;
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _storeCalls = new(SymbolEqualityComparer.Default);

        public IdentityStores(EndpointResolver resolver, DatabaseCatalog catalog, LocalCatalog? local, bool entityFramework)
        {
            _resolver = resolver;
            _catalog = catalog;
            _local = local;
            var managers = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            if (entityFramework && local is not null)
            {
                foreach (var name in catalog.IdentityManagers)
                {
                    managers.AddRange(resolver.Types.Resolve(name));
                }
            }

            _managers = managers.ToImmutable();
            _context = new Lazy<INamedTypeSymbol?>(FindContext, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The context whose database a call of <paramref name="method"/> reaches through Identity's store; null for any other call, or with no store registered.</summary>
        public INamedTypeSymbol? ContextOf(IMethodSymbol method)
        {
            if (_managers.IsEmpty || method.IsStatic || method.ContainingType is not { } type || !EndpointTypes.Is(type.OriginalDefinition, _managers) ||
                !_storeCalls.GetOrAdd((IMethodSymbol)method.OriginalDefinition, ReachesStore))
            {
                return null;
            }

            return _context.Value;
        }

        /// <summary>The context of the store behind a manager of type <paramref name="type"/> (its queries run there); null for any other type.</summary>
        public INamedTypeSymbol? ContextOfManager(INamedTypeSymbol type) =>
            !_managers.IsEmpty && EndpointTypes.Is(type.OriginalDefinition, _managers) ? _context.Value : null;

        /// <summary>The names of the managers' calls that reach the store, when a store is registered (the inventory's sink scan).</summary>
        public void AddCallNames(ISet<string> names)
        {
            if (_managers.IsEmpty || _context.Value is null)
            {
                return;
            }

            foreach (var manager in _managers)
            {
                foreach (var member in manager.GetMembers())
                {
                    if (member is IMethodSymbol { IsStatic: false, MethodKind: MethodKind.Ordinary } method && ReachesStore(method))
                    {
                        names.Add(method.Name);
                    }
                }
            }
        }

        private bool ReachesStore(IMethodSymbol method) =>
            _local is not null && !_local.IsLocal(EndpointResolver.QualifiedName(method));

        /// <summary>The context of the compilation's <c>AddEntityFrameworkStores&lt;TContext&gt;()</c> call (the first, in syntax order); null without one.</summary>
        private INamedTypeSymbol? FindContext()
        {
            foreach (var registration in _catalog.IdentityStoreRegistrations)
            {
                foreach (var call in _resolver.Index.InvocationsOf(registration))
                {
                    if (call.TargetMethod.TypeArguments.Length > 0 && call.TargetMethod.TypeArguments[0] is INamedTypeSymbol { TypeKind: TypeKind.Class } context)
                    {
                        return context;
                    }
                }
            }

            return null;
        }
    }
}
