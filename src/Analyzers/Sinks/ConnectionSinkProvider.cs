using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// The database behind an ADO.NET connection (docs/endpoints.md, "Databases (ADO.NET and Dapper)"): Dapper's calls on a
    /// connection (<c>connection.ExecuteAsync(sql, customer)</c>) and a command's <c>ExecuteNonQuery</c> / <c>ExecuteReader</c> /
    /// <c>ExecuteScalar</c> go to the server the connection's connection string names. The connection is followed back from the
    /// call (the command's constructor's <c>connection</c>, its <c>Connection</c>, the connection or data source that made it, the
    /// data source's builder) to where it is made (<c>new SqlConnection(cs)</c>, <c>NpgsqlDataSource.Create(cs)</c>); one the
    /// compilation hands in from out of sight (a constructor parameter, an application's own connection factory) is any of the
    /// connections the compilation makes or registers (<c>AddNpgsqlDataSource(cs)</c>, .NET Aspire's <c>AddNpgsqlDataSource("crm")</c>)
    /// of its type's database, or of every database for an <c>IDbConnection</c>. With none found the call stays what it was, an
    /// unclassified recipient until residency.json declares it. The data is <c>databases.json</c>'s <c>connections</c>.
    /// </summary>
    internal sealed class ConnectionSinkProvider : ISinkProvider, ISinkCandidates
    {
        private const int MaxSteps = 8;

        private readonly EndpointResolver _resolver;
        private readonly EndpointSinks _sinks;
        private readonly DatabaseCatalog _catalog;
        private readonly bool _referenced;
        private readonly HashSet<string> _sinkNames;
        private readonly ImmutableArray<(ImmutableArray<INamedTypeSymbol> Types, DatabaseProvider Provider)> _connectionTypes;
        private readonly ImmutableArray<(string Namespace, DatabaseProvider Provider)> _connectionNamespaces;
        private readonly Lazy<List<(DatabaseProvider Provider, EndpointValue? Value, string Holder)>> _configurations;
        private readonly ConcurrentDictionary<string, ImmutableArray<SinkInfo>> _byDatabase = new(StringComparer.Ordinal);

        public ConnectionSinkProvider(EndpointResolver resolver, EndpointSinks sinks, DatabaseCatalog catalog)
        {
            _resolver = resolver;
            _sinks = sinks;
            _catalog = catalog;
            _connectionTypes = catalog.ConnectionTypes
                .Select(maker => (Types: resolver.Types.Resolve(maker.Name), Provider: ProviderOf(maker.Database)))
                .Where(t => !t.Types.IsDefaultOrEmpty && t.Provider is not null)
                .Select(t => (t.Types, t.Provider!))
                .ToImmutableArray();
            _connectionNamespaces = _connectionTypes
                .SelectMany(t => t.Types.Where(type => type.ContainingNamespace is not null).Select(type => (type.ContainingNamespace.ToDisplayString(), t.Provider)))
                .ToImmutableArray();
            _referenced = !_connectionTypes.IsEmpty ||
                          catalog.ConnectionFactories.Any(f => resolver.Types.DeclaringTypeIsReferenced(f.Name)) ||
                          catalog.ConnectionAspire.Any(a => resolver.Types.DeclaringTypeIsReferenced(a.Method));
            _sinkNames = new HashSet<string>(catalog.ConnectionSinkMethodNames, StringComparer.Ordinal);
            _configurations = new Lazy<List<(DatabaseProvider, EndpointValue?, string)>>(FindConfigurations, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public SinkCall? TryResolve(IInvocationOperation cfgInvocation)
        {
            var method = cfgInvocation.TargetMethod;
            if (!_referenced || !_sinkNames.Contains(method.Name) || method.ContainingType is not { } declaring)
            {
                return null;
            }

            // The bound call, not the control-flow graph's (whose receiver and arguments may be captures of the values).
            var invocation = _resolver.OperationOf(cfgInvocation.Syntax) as IInvocationOperation ?? cfgInvocation;

            if (method.IsStatic && _catalog.RunsOnConnection(EndpointResolver.MetadataName(declaring.OriginalDefinition), method.Name))
            {
                // Dapper: the connection is the extension method's first argument.
                var connection = EndpointResolver.FirstArgument(invocation);
                var sinks = Sinks(connection, connection is null ? null : EndpointResolver.Strip(connection).Type, $"{TypeName(connection)}.{method.Name}");
                return sinks.IsDefaultOrEmpty ? null : new SinkCall(sinks, allArguments: true, receiver: false, ImmutableArray<int>.Empty);
            }

            if (invocation.Instance is { Type: { } commandType } command && RunsCommand(commandType, method.Name))
            {
                // A command (or batch) holds its parameters: what was added to them is sent with the receiver.
                var sinks = Sinks(ConnectionOfCommand(command), commandType, $"{commandType.Name}.{method.Name}");
                return sinks.IsDefaultOrEmpty ? null : new SinkCall(sinks, allArguments: true, receiver: true, ImmutableArray<int>.Empty);
            }

            return null;
        }

        /// <summary>
        /// The sinks of the database behind a connection or data source an Entity Framework Core provider is given
        /// (<c>UseNpgsql(dataSource)</c>, <c>UseSqlServer(connection)</c>), found as a call's connection is.
        /// </summary>
        public ImmutableArray<SinkInfo> SinksOfConnection(IOperation connection) =>
            Sinks(connection, EndpointResolver.Strip(connection).Type, TypeName(connection));

        public bool MayResolve(IMethodSymbol method) =>
            _referenced && _sinkNames.Contains(method.Name) && method.ContainingType is { } type &&
            (_catalog.RunsOnConnection(EndpointResolver.MetadataName(type.OriginalDefinition), method.Name) || RunsCommand(type, method.Name));

        public bool IsSinkHolder(ISymbol member) => false;

        public void AddCallNames(ISet<string> names)
        {
            if (_referenced)
            {
                names.UnionWith(_sinkNames);
            }
        }

        public IEnumerable<string> WildcardTypes() => Enumerable.Empty<string>();

        private bool RunsCommand(ITypeSymbol type, string method)
        {
            foreach (var commandType in _catalog.CommandSinkTypes)
            {
                if (_catalog.RunsCommand(commandType, method) && _resolver.Types.DerivesFrom(type, commandType))
                {
                    return true;
                }
            }

            return false;
        }

        private DatabaseProvider? ProviderOf(string database) => _catalog.Providers.FirstOrDefault(p => p.Database == database);

        /// <summary>What a factory call is called in the record: <c>NpgsqlDataSource.Create</c>, <c>AddNpgsqlDataSource</c>.</summary>
        private static string Holder(IInvocationOperation call) =>
            call.TargetMethod.IsExtensionMethod || call.TargetMethod.ContainingType is null ? call.TargetMethod.Name : $"{call.TargetMethod.ContainingType.Name}.{call.TargetMethod.Name}";

        private static string TypeName(IOperation? operation) => operation is null ? "connection" : EndpointResolver.Strip(operation).Type?.Name ?? "connection";

        /// <summary>
        /// The connection a command (a bulk copy, a binary import) runs on: its constructor's <c>connection</c> (or the bulk copy
        /// itself, made with a connection string), its <c>Connection</c> (an initializer or an assignment), or the connection or
        /// data source whose <c>CreateCommand</c> / <c>CreateBatch</c> / <c>BeginBinaryImport</c> made it; null when not seen.
        /// </summary>
        private IOperation? ConnectionOfCommand(IOperation command)
        {
            foreach (var made in _resolver.MadeBy(command))
            {
                switch (made)
                {
                    case IObjectCreationOperation creation when creation.Arguments.FirstOrDefault(a => EndpointResolver.IsWritten(a) && a.Parameter?.Name == "connection") is { } argument:
                        return argument.Value;
                    case IObjectCreationOperation { Type: { } type } creation when ConnectionProvider(type) is not null:
                        return creation; // a bulk copy made with its own connection string (new SqlBulkCopy(cs))
                    case IInvocationOperation { TargetMethod.Name: "CreateCommand" or "CreateBatch" or "BeginBinaryImport" or "BeginBinaryImportAsync", Instance: { } maker }:
                        return maker;
                }
            }

            return _resolver.PropertyValues(command, "Connection").FirstOrDefault();
        }

        /// <summary>
        /// The sinks of the database a connection (or data source) expression is: the one it is made as, followed back; else
        /// any the compilation makes of its type's database (<paramref name="type"/>: the connection's, or the command's, type).
        /// </summary>
        private ImmutableArray<SinkInfo> Sinks(IOperation? connection, ITypeSymbol? type, string display)
        {
            var infos = new List<SinkInfo>();
            if (connection is not null && Traced(connection, infos, 0))
            {
                return EndpointSinks.Distinct(infos.Select(sink => DatabaseServers.Named(sink, display)));
            }

            var database = type is null ? null : DatabaseOf(type);
            return _byDatabase.GetOrAdd(database?.Database ?? "*", _ => FromConfigurations(database)).Select(sink => DatabaseServers.Named(sink, display)).ToImmutableArray();
        }

        /// <summary>Whether the connection is followed back to where it is made; adds that database's sinks.</summary>
        private bool Traced(IOperation connection, List<SinkInfo> infos, int step)
        {
            if (step > MaxSteps)
            {
                return false;
            }

            bool traced = false;
            foreach (var made in _resolver.MadeBy(connection))
            {
                switch (made)
                {
                    case IObjectCreationOperation creation when creation.Type is { } type && ConnectionProvider(type) is { } provider:
                        foreach (var value in provider.InProcess ? new List<EndpointValue?> { null } : ConnectionStrings(creation, connection).ConvertAll(v => (EndpointValue?)v))
                        {
                            DatabaseServers.Add(infos, _sinks, provider, value, type.Name);
                        }

                        traced = true;
                        break;
                    case IInvocationOperation call when Factory(call) is { } factory:
                        foreach (var value in ConnectionStrings(call))
                        {
                            DatabaseServers.Add(infos, _sinks, factory, value, Holder(call));
                        }

                        traced = true;
                        break;
                    case IInvocationOperation { Instance: { } maker } call when call.TargetMethod.Name is "OpenConnection" or "OpenConnectionAsync" or "CreateConnection" or "Build" or "BuildMultiHost":
                        // A connection of a data source, a data source of its builder.
                        traced |= Traced(maker, infos, step + 1);
                        break;
                }
            }

            return traced;
        }

        /// <summary>The provider of a connection type of the catalogue (or a type derived from one); null for any other type.</summary>
        private DatabaseProvider? ConnectionProvider(ITypeSymbol type)
        {
            foreach (var (types, provider) in _connectionTypes)
            {
                if (EndpointTypes.DerivesFrom(type, types))
                {
                    return provider;
                }
            }

            return null;
        }

        /// <summary>
        /// The database a connection, data source or command type belongs to: a connection type of the catalogue, or a type of
        /// the same namespace (<c>Npgsql.NpgsqlCommand</c> beside <c>Npgsql.NpgsqlConnection</c>); null for the ADO.NET
        /// abstractions (<c>IDbConnection</c>, <c>DbCommand</c>), which any database may be behind.
        /// </summary>
        private DatabaseProvider? DatabaseOf(ITypeSymbol type)
        {
            if (ConnectionProvider(type) is { } provider)
            {
                return provider;
            }

            var name = type.ContainingNamespace?.ToDisplayString();
            foreach (var (ns, candidate) in _connectionNamespaces)
            {
                if (ns == name)
                {
                    return candidate;
                }
            }

            return null;
        }

        private DatabaseProvider? Factory(IInvocationOperation call)
        {
            if (call.TargetMethod.ContainingType is not { } type)
            {
                return null;
            }

            var name = EndpointResolver.MetadataName(type.OriginalDefinition) + "." + call.TargetMethod.Name;
            var maker = _catalog.ConnectionFactories.FirstOrDefault(f => f.Name == name);
            return maker is null ? null : ProviderOf(maker.Database);
        }

        /// <summary>A creation's connection strings: its <c>connectionString</c> argument, or a <c>ConnectionString</c> set on it (or on <paramref name="holder"/>).</summary>
        private List<EndpointValue> ConnectionStrings(IObjectCreationOperation creation, IOperation? holder)
        {
            var values = new List<EndpointValue>();
            foreach (var argument in creation.Arguments)
            {
                if (EndpointResolver.IsWritten(argument) && argument.Parameter?.Name == "connectionString")
                {
                    values.AddRange(_resolver.Strings(argument.Value));
                }
            }

            foreach (var value in _resolver.PropertyValues(creation, "ConnectionString").Concat(holder is null ? Enumerable.Empty<IOperation>() : _resolver.PropertyValues(holder, "ConnectionString")))
            {
                values.AddRange(_resolver.Strings(value));
            }

            return values;
        }

        private List<EndpointValue> ConnectionStrings(IInvocationOperation call) =>
            call.Arguments.Where(a => EndpointResolver.IsWritten(a) && a.Parameter?.Name == "connectionString").SelectMany(a => _resolver.Strings(a.Value)).ToList();

        /// <summary>The sinks of every connection the compilation makes or registers of <paramref name="database"/> (null: of any).</summary>
        private ImmutableArray<SinkInfo> FromConfigurations(DatabaseProvider? database)
        {
            var infos = new List<SinkInfo>();
            foreach (var (provider, value, holder) in _configurations.Value)
            {
                if (database is null || provider == database)
                {
                    DatabaseServers.Add(infos, _sinks, provider, value, holder);
                }
            }

            return EndpointSinks.Distinct(infos);
        }

        /// <summary>Every connection, data source and registration of one the compilation makes, with its connection string's values.</summary>
        private List<(DatabaseProvider Provider, EndpointValue? Value, string Holder)> FindConfigurations()
        {
            var found = new List<(DatabaseProvider, EndpointValue?, string)>();
            foreach (var (types, provider) in _connectionTypes)
            {
                foreach (var type in types)
                {
                    foreach (var creation in _resolver.Index.CreationsOf(type))
                    {
                        if (provider.InProcess)
                        {
                            found.Add((provider, null, type.Name));
                            continue;
                        }

                        foreach (var value in ConnectionStrings(creation, null))
                        {
                            found.Add((provider, value, type.Name));
                        }
                    }
                }
            }

            foreach (var factory in _catalog.ConnectionFactories)
            {
                if (ProviderOf(factory.Database) is not { } provider)
                {
                    continue;
                }

                foreach (var call in _resolver.Index.InvocationsOf(factory.Name))
                {
                    foreach (var value in ConnectionStrings(call))
                    {
                        found.Add((provider, value, Holder(call)));
                    }
                }
            }

            foreach (var registration in _catalog.ConnectionAspire)
            {
                if (ProviderOf(registration.Database) is { } provider)
                {
                    foreach (var (call, value) in DatabaseServers.AspireConnectionStrings(_resolver, registration))
                    {
                        found.Add((provider, value, call.TargetMethod.Name));
                    }
                }
            }

            return found;
        }
    }
}
