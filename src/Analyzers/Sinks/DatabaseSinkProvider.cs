using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// The database behind an Entity Framework Core context (docs/endpoints.md, "Databases (Entity Framework Core)"): where
    /// the compilation chooses a context's provider and connection string (<c>AddDbContext&lt;AppDb&gt;(o =&gt; o.UseSqlServer(cs))</c>,
    /// <c>OnConfiguring</c>, <c>services.AddNpgsql&lt;AppDb&gt;(cs)</c>, .NET Aspire's <c>AddNpgsqlDbContext&lt;AppDb&gt;("crm")</c>), the
    /// server its connection string names is where the context's saves and queries go. A call of <c>databases.json</c>'s
    /// <c>sinks</c> on a context whose database is found is a sink of that server (a SQLite file or the in-memory provider:
    /// internal); on a context whose database is not found it stays what it was, an unclassified recipient until residency.json
    /// declares it. residency.json <c>sinks</c> entries come first (they are consulted before this provider).
    /// </summary>
    internal sealed class DatabaseSinkProvider : ISinkProvider, ISinkCandidates
    {
        private const string DbContextType = "Microsoft.EntityFrameworkCore.DbContext";

        private readonly EndpointResolver _resolver;
        private readonly EndpointSinks _sinks;
        private readonly DatabaseCatalog _catalog;
        private readonly bool _referenced;
        private readonly HashSet<string> _sinkNames;
        private readonly ConnectionSinkProvider? _connections;
        private readonly Lazy<List<Configuration>> _configurations;
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<SinkInfo>> _byContext = new(SymbolEqualityComparer.Default);

        public DatabaseSinkProvider(EndpointResolver resolver, EndpointSinks sinks, DatabaseCatalog catalog, ConnectionSinkProvider? connections = null, LocalCatalog? local = null)
        {
            _resolver = resolver;
            _sinks = sinks;
            _catalog = catalog;
            _connections = connections;
            _referenced = !resolver.Types.Resolve(DbContextType).IsDefaultOrEmpty;
            _sinkNames = new HashSet<string>(catalog.SinkMethodNames, StringComparer.Ordinal);
            _configurations = new Lazy<List<Configuration>>(FindConfigurations, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            _identity = new IdentityStores(resolver, catalog, local, _referenced);
        }

        private readonly IdentityStores _identity;

        public SinkCall? TryResolve(IInvocationOperation cfgInvocation)
        {
            var method = cfgInvocation.TargetMethod;
            if (_identity.ContextOf(method) is { } store)
            {
                // A manager's call that reaches Identity's store: the registered context's database.
                var storeSinks = SinksOf(store, $"{store.Name}.{method.Name}");
                return storeSinks.IsDefaultOrEmpty
                    ? null
                    : new SinkCall(storeSinks.Select(sink => DatabaseServers.Named(sink, $"{method.ContainingType.Name}.{method.Name} ({store.Name})")).ToImmutableArray(), allArguments: true, receiver: false, ImmutableArray<int>.Empty);
            }

            if (!_referenced || !_sinkNames.Contains(method.Name) || method.ContainingType is not { } declaring || !_catalog.Sends(EndpointResolver.MetadataName(declaring.OriginalDefinition), method.Name))
            {
                return null;
            }

            // The bound call, not the control-flow graph's (whose receiver and arguments may be captures of the values).
            var invocation = _resolver.OperationOf(cfgInvocation.Syntax) as IInvocationOperation ?? cfgInvocation;
            if (ContextOf(method.IsStatic ? EndpointResolver.FirstArgument(invocation) : invocation.Instance) is not { } context)
            {
                return null;
            }

            var sinks = SinksOf(context, $"{context.Name}.{method.Name}");
            return sinks.IsDefaultOrEmpty ? null : new SinkCall(sinks, allArguments: true, receiver: !method.IsStatic, ImmutableArray<int>.Empty);
        }

        /// <summary>
        /// The sink a query of the context <paramref name="holder"/> (a query built from one of its sets) reaches when LINQ's
        /// own operators run it; null when the context's database is not found.
        /// </summary>
        public SinkInfo? QueryProvider(INamedTypeSymbol? holder)
        {
            if (!_referenced || holder is null)
            {
                return null;
            }

            // A query an Identity manager hands out (users.Users.Where(…)) runs on its store's context.
            if (_identity.ContextOfManager(holder) is { } store)
            {
                return SinksOf(store, $"{store.Name}.Provider") is { IsDefaultOrEmpty: false } storeSinks ? DatabaseServers.Named(storeSinks[0], $"{holder.Name}.Provider ({store.Name})") : null;
            }

            return _resolver.Types.DerivesFrom(holder, DbContextType) && SinksOf(holder, $"{holder.Name}.Provider") is { IsDefaultOrEmpty: false } sinks
                ? sinks[0]
                : null;
        }

        public bool MayResolve(IMethodSymbol method) =>
            _referenced && (_sinkNames.Contains(method.Name) && method.ContainingType is { } type && _catalog.Sends(EndpointResolver.MetadataName(type.OriginalDefinition), method.Name) ||
            _identity.ContextOf(method) is not null);

        public bool IsSinkHolder(ISymbol member) => false;

        /// <summary>
        /// The names of the calls that send, for the inventory's sink scan, less the ones every collection has (<c>Add</c>,
        /// <c>Update</c>, <c>Remove</c>, <c>Find</c>, …: with them every body that fills a list would be bound to look for
        /// sinks). A body that hands personal data to such a call is analysed for flows whatever this says.
        /// </summary>
        public void AddCallNames(ISet<string> names)
        {
            _identity.AddCallNames(names);
            if (_referenced)
            {
                foreach (var name in _sinkNames)
                {
                    if (name.EndsWith("Async", StringComparison.Ordinal) || name.StartsWith("SaveChanges", StringComparison.Ordinal) || name.StartsWith("Execute", StringComparison.Ordinal) ||
                        name.StartsWith("FromSql", StringComparison.Ordinal))
                    {
                        names.Add(name);
                    }
                }
            }
        }

        public IEnumerable<string> WildcardTypes() => Enumerable.Empty<string>();

        /// <summary>
        /// The context a call on a store works on: the receiver (<c>db.SaveChangesAsync()</c>), or the context a set or query
        /// comes from, back through the calls that build a query from a query or a set from a context
        /// (<c>db.Customers.Where(…).ToListAsync()</c>, <c>db.Set&lt;Customer&gt;()</c>) and the assignments of a local.
        /// </summary>
        private INamedTypeSymbol? ContextOf(IOperation? operation)
        {
            for (int step = 0; step < 16 && operation is not null; step++)
            {
                operation = EndpointResolver.Strip(operation);
                if (operation.Type is INamedTypeSymbol { TypeKind: TypeKind.Class } type && _resolver.Types.DerivesFrom(type, DbContextType))
                {
                    return type;
                }

                operation = operation switch
                {
                    IPropertyReferenceOperation property => property.Instance,
                    IFieldReferenceOperation field when field.Type is INamedTypeSymbol { IsGenericType: true } => field.Instance,
                    IInvocationOperation call => call.Instance ?? EndpointResolver.FirstArgument(call),
                    ILocalReferenceOperation => _resolver.MadeBy(operation).FirstOrDefault(made => made is not ILocalReferenceOperation),
                    _ => null,
                };
            }

            return null;
        }

        /// <summary>
        /// The sinks of a context's database: one per configuration found for the context or a base type of it; else, for a
        /// context typed by a base (<c>DbContext</c> itself), those of the configured contexts derived from it; else those of
        /// the configurations whose context is not known.
        /// </summary>
        private ImmutableArray<SinkInfo> SinksOf(INamedTypeSymbol context, string display) =>
            _byContext.GetOrAdd((INamedTypeSymbol)context.OriginalDefinition, c => Resolve(c, display.Substring(0, display.IndexOf('.')))).Select(sink => DatabaseServers.Named(sink, display)).ToImmutableArray();

        private ImmutableArray<SinkInfo> Resolve(INamedTypeSymbol context, string contextName)
        {
            var configurations = _configurations.Value;
            var mine = configurations.Where(c => c.Context is not null && Is(context, c.Context)).ToList();
            if (mine.Count == 0)
            {
                // A context typed by a base (a generic repository's DbContext, an application's abstract context): any of the
                // configured contexts derived from it.
                mine = configurations.Where(c => c.Context is not null && Is(c.Context, context)).ToList();
            }

            if (mine.Count == 0)
            {
                mine = configurations.Where(c => c.Context is null).ToList();
            }

            var infos = new List<SinkInfo>();
            foreach (var configuration in mine)
            {
                if (configuration.Connection.IsDefault)
                {
                    DatabaseServers.Add(infos, _sinks, configuration.Provider, configuration.Value, contextName);
                }
                else
                {
                    infos.AddRange(configuration.Connection);
                }
            }

            return EndpointSinks.Distinct(infos);
        }

        /// <summary>Whether <paramref name="context"/> is <paramref name="configured"/> or derives from it.</summary>
        private static bool Is(INamedTypeSymbol context, INamedTypeSymbol configured) =>
            EndpointTypes.DerivesFrom(context, ImmutableArray.Create((INamedTypeSymbol)configured.OriginalDefinition));

        /// <summary>
        /// Every provider call of the compilation with the context it configures (null: not known) and its connection string's
        /// values, or the sinks of the ADO.NET connection or data source it is given (<c>UseNpgsql(dataSource)</c>).
        /// </summary>
        private List<Configuration> FindConfigurations()
        {
            var found = new List<Configuration>();
            foreach (var provider in _catalog.Providers)
            {
                foreach (var method in provider.Methods)
                {
                    foreach (var call in _resolver.Index.InvocationsOf(method))
                    {
                        var context = ConfiguredContext(call);
                        var connection = call.Arguments.FirstOrDefault(a => EndpointResolver.IsWritten(a) && a.Parameter is { } parameter && provider.ConnectionParameters.Contains(parameter.Name));
                        if (!provider.InProcess && connection is null && _connections is not null &&
                            call.Arguments.FirstOrDefault(a => EndpointResolver.IsWritten(a) && a.Parameter?.Name is "connection" or "dataSource") is { } made)
                        {
                            found.Add(new Configuration(context, provider, null, _connections.SinksOfConnection(made.Value)));
                            continue;
                        }

                        if (provider.InProcess || connection is null)
                        {
                            found.Add(new Configuration(context, provider, null));
                            continue;
                        }

                        var values = _resolver.Strings(connection.Value);
                        if (values.Count == 0)
                        {
                            found.Add(new Configuration(context, provider, null)); // configured, with a connection string not seen: not another context's database
                        }

                        foreach (var value in values)
                        {
                            found.Add(new Configuration(context, provider, value));
                        }
                    }
                }
            }

            foreach (var registration in _catalog.Aspire)
            {
                if (_catalog.Providers.FirstOrDefault(p => p.Database == registration.Database) is { } provider)
                {
                    foreach (var (call, value) in DatabaseServers.AspireConnectionStrings(_resolver, registration))
                    {
                        found.Add(new Configuration(call.TargetMethod.TypeArguments.FirstOrDefault() as INamedTypeSymbol, provider, value));
                    }
                }
            }

            return found;
        }

        /// <summary>
        /// The context a provider call configures: the type argument of its builder (<c>DbContextOptionsBuilder&lt;AppDb&gt;</c>) or
        /// registration (<c>AddSqlServer&lt;AppDb&gt;</c>), of the <c>AddDbContext&lt;AppDb&gt;</c> whose lambda makes it, or the
        /// context whose <c>OnConfiguring</c> makes it; null when none says.
        /// </summary>
        private INamedTypeSymbol? ConfiguredContext(IInvocationOperation call)
        {
            if (call.TargetMethod.TypeArguments.FirstOrDefault() is INamedTypeSymbol typeArgument && _resolver.Types.DerivesFrom(typeArgument, DbContextType))
            {
                return typeArgument;
            }

            if (EndpointResolver.FirstArgument(call) is { Type: INamedTypeSymbol { IsGenericType: true } builder } && builder.TypeArguments.FirstOrDefault() is INamedTypeSymbol builderContext &&
                _resolver.Types.DerivesFrom(builderContext, DbContextType))
            {
                return builderContext;
            }

            foreach (var node in call.Syntax.Ancestors())
            {
                if (node is AnonymousFunctionExpressionSyntax { Parent: ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax registration } } &&
                    _resolver.OperationOf(registration) is IInvocationOperation { TargetMethod: { } registered } &&
                    _catalog.ContextRegistrations.Contains(EndpointResolver.MetadataName(registered.ContainingType) + "." + registered.Name) &&
                    registered.TypeArguments.FirstOrDefault() is INamedTypeSymbol registeredContext)
                {
                    return registeredContext;
                }

                if (node is MethodDeclarationSyntax { Identifier.ValueText: "OnConfiguring", Parent: TypeDeclarationSyntax declaration } &&
                    _resolver.Model(declaration.SyntaxTree)?.GetDeclaredSymbol(declaration) is INamedTypeSymbol configuring)
                {
                    return configuring;
                }
            }

            return null;
        }

        /// <summary>A context's configuration: its provider and connection string, or the sinks of the connection it is given.</summary>
        private sealed class Configuration
        {
            public Configuration(INamedTypeSymbol? context, DatabaseProvider provider, EndpointValue? value, ImmutableArray<SinkInfo> connection = default)
            {
                Context = context;
                Provider = provider;
                Value = value;
                Connection = connection;
            }

            public INamedTypeSymbol? Context { get; }

            public DatabaseProvider Provider { get; }

            public EndpointValue? Value { get; }

            /// <summary>The sinks of the ADO.NET connection or data source given instead of a connection string (default: none given).</summary>
            public ImmutableArray<SinkInfo> Connection { get; }
        }
    }
}
