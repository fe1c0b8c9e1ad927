using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Residency.Analyzers.Json;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>One Entity Framework Core provider of the built-in <c>databases.json</c>: the calls that choose it and how its connection string names the server.</summary>
    internal sealed class DatabaseProvider
    {
        public DatabaseProvider(string database, ImmutableArray<string> methods, ImmutableArray<string> hostKeys, bool sqlServer, bool inProcess, ImmutableArray<string> connectionParameters = default, string? valueFormat = null)
        {
            ValueFormat = valueFormat;
            Database = database;
            Methods = methods;
            HostKeys = hostKeys;
            SqlServer = sqlServer;
            InProcess = inProcess;
            ConnectionParameters = connectionParameters.IsDefaultOrEmpty ? ImmutableArray.Create("connectionString") : connectionParameters;
        }

        /// <summary>The parameters of <see cref="Methods"/> that give the connection string or the server's URL (<c>connectionString</c>, Cosmos DB's <c>accountEndpoint</c>).</summary>
        public ImmutableArray<string> ConnectionParameters { get; }

        /// <summary>What the record calls it (<c>SQL Server</c>, <c>PostgreSQL</c>).</summary>
        public string Database { get; }

        /// <summary><c>Namespace.Type.Method</c> of each call that configures a context with this provider.</summary>
        public ImmutableArray<string> Methods { get; }

        /// <summary>The connection-string keys that name the server, the first that has a value.</summary>
        public ImmutableArray<string> HostKeys { get; }

        /// <summary>A SQL Server data source: <c>[tcp:]host[\instance][,port]</c>.</summary>
        public bool SqlServer { get; }

        /// <summary>The database is in the process (a SQLite file, the in-memory provider): nothing leaves.</summary>
        public bool InProcess { get; }

        /// <summary>
        /// A connection string that is not <c>Key=Value;</c> pairs, read in an SDK catalogue value format (docs/endpoints.md,
        /// "How an SDK's endpoint value is read"): Redis's <c>redisConfiguration</c> (<c>cache.example.com:6380,ssl=true</c>),
        /// MongoDB's <c>mongoConnectionString</c> (every host of <c>mongodb://h1,h2/</c>). Null: <see cref="HostKeys"/>.
        /// </summary>
        public string? ValueFormat { get; }
    }

    /// <summary>A .NET Aspire registration of a context by connection name (<c>builder.AddNpgsqlDbContext&lt;AppDb&gt;("crm")</c>).</summary>
    internal sealed class DatabaseRegistration
    {
        public DatabaseRegistration(string method, string database, string section)
        {
            Method = method;
            Database = database;
            Section = section;
        }

        public string Method { get; }

        public string Database { get; }

        public string Section { get; }
    }

    /// <summary>An ADO.NET type or call that makes a connection or data source of a database (<c>new SqlConnection(cs)</c>, <c>NpgsqlDataSource.Create(cs)</c>).</summary>
    internal sealed class ConnectionMaker
    {
        public ConnectionMaker(string name, string database)
        {
            Name = name;
            Database = database;
        }

        /// <summary>The type's metadata name, or <c>Namespace.Type.Method</c> of a call.</summary>
        public string Name { get; }

        /// <summary>The provider (<see cref="DatabaseProvider.Database"/>) whose keys read its connection string.</summary>
        public string Database { get; }
    }

    /// <summary>
    /// The built-in <c>databases.json</c>: where an Entity Framework Core context's database is chosen, and which calls send
    /// to it (docs/endpoints.md, "Databases (Entity Framework Core)"). Data, read once per process.
    /// </summary>
    internal sealed class DatabaseCatalog
    {
        public const string Resource = "Residency.Catalog.databases.json";

        private static readonly Lazy<DatabaseCatalog> BuiltInLazy = new(() => Read(LoadText()), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly Dictionary<string, HashSet<string>> _sinks;
        private readonly Dictionary<string, HashSet<string>> _connectionSinks;
        private readonly Dictionary<string, HashSet<string>> _commandSinks;
        private readonly Dictionary<string, HashSet<string>> _jobSinks;

        private DatabaseCatalog(ImmutableArray<DatabaseProvider> providers, ImmutableArray<string> contextRegistrations, ImmutableArray<DatabaseRegistration> aspire, Dictionary<string, HashSet<string>> sinks, JsonNode? connections, JsonNode? root)
        {
            Providers = providers;
            ContextRegistrations = contextRegistrations;
            Aspire = aspire;
            _sinks = sinks;
            ConnectionTypes = Makers(connections?.Get("types"), "type");
            ConnectionFactories = Makers(connections?.Get("factories"), "method");
            ConnectionAspire = Registrations(connections?.Get("aspire"));
            _connectionSinks = Lists(connections?.Get("sinks"));
            _commandSinks = Lists(connections?.Get("commandSinks"));
            var jobs = root?.Get("jobs");
            JobStorages = Makers(jobs?.Get("storages"), "name");
            JobConnectionParameters = Strings(jobs?.Get("connectionParameters"));
            JobStoragesInProcess = Strings(jobs?.Get("inProcess"));
            _jobSinks = Lists(jobs?.Get("sinks"));
            var identity = root?.Get("identityStores");
            IdentityManagers = Strings(identity?.Get("managers"));
            IdentityStoreRegistrations = Strings(identity?.Get("registrations"));
        }

        /// <summary>
        /// ASP.NET Core Identity's managers (<c>UserManager&lt;TUser&gt;</c>): their calls that the local catalogue counts as
        /// reaching the user store go to the database of the context an <see cref="IdentityStoreRegistrations"/> call names.
        /// </summary>
        public ImmutableArray<string> IdentityManagers { get; }

        /// <summary><c>AddEntityFrameworkStores&lt;TContext&gt;()</c>: Identity's stores are that context's tables.</summary>
        public ImmutableArray<string> IdentityStoreRegistrations { get; }

        public static DatabaseCatalog BuiltIn => BuiltInLazy.Value;

        public ImmutableArray<DatabaseProvider> Providers { get; }

        /// <summary><c>AddDbContext&lt;T&gt;(options =&gt; …)</c> and its kin: the context of a provider call in their lambda is their type argument.</summary>
        public ImmutableArray<string> ContextRegistrations { get; }

        public ImmutableArray<DatabaseRegistration> Aspire { get; }

        /// <summary>The declaring types (metadata names) of the calls that send to a context's database.</summary>
        public IEnumerable<string> SinkTypes => _sinks.Keys;

        /// <summary>Every method name of <see cref="SinkTypes"/> that sends.</summary>
        public IEnumerable<string> SinkMethodNames
        {
            get
            {
                foreach (var names in _sinks.Values)
                {
                    foreach (var name in names)
                    {
                        yield return name;
                    }
                }
            }
        }

        /// <summary>Whether <paramref name="method"/> of the type named <paramref name="typeMetadataName"/> sends to the database.</summary>
        public bool Sends(string typeMetadataName, string method) => _sinks.TryGetValue(typeMetadataName, out var names) && names.Contains(method);

        /// <summary>ADO.NET connections and data sources made with a connection string (<c>new SqlConnection(cs)</c>).</summary>
        public ImmutableArray<ConnectionMaker> ConnectionTypes { get; }

        /// <summary>Calls that make or register a connection or data source from a connection string (<c>NpgsqlDataSource.Create(cs)</c>, <c>AddNpgsqlDataSource(cs)</c>).</summary>
        public ImmutableArray<ConnectionMaker> ConnectionFactories { get; }

        /// <summary>.NET Aspire registrations of a connection or data source by connection name (<c>builder.AddNpgsqlDataSource("crm")</c>).</summary>
        public ImmutableArray<DatabaseRegistration> ConnectionAspire { get; }

        /// <summary>The declaring types of the calls that run a statement on the connection given as their first argument (Dapper).</summary>
        public IEnumerable<string> ConnectionSinkTypes => _connectionSinks.Keys;

        /// <summary>The types whose calls run a command on its connection (<c>DbCommand</c>, <c>IDbCommand</c>, <c>DbBatch</c>).</summary>
        public IEnumerable<string> CommandSinkTypes => _commandSinks.Keys;

        /// <summary>Every method name of the connections' and commands' sinks.</summary>
        public IEnumerable<string> ConnectionSinkMethodNames => _connectionSinks.Values.Concat(_commandSinks.Values).SelectMany(names => names);

        /// <summary>Whether <paramref name="method"/> of the type named <paramref name="typeMetadataName"/> runs a statement on its first argument's connection.</summary>
        public bool RunsOnConnection(string typeMetadataName, string method) => _connectionSinks.TryGetValue(typeMetadataName, out var names) && names.Contains(method);

        /// <summary>Hangfire's job storages: the calls (<c>Namespace.Type.Method</c>) and types that choose a storage's database.</summary>
        public ImmutableArray<ConnectionMaker> JobStorages { get; }

        /// <summary>The parameters of <see cref="JobStorages"/> that give the connection string.</summary>
        public ImmutableArray<string> JobConnectionParameters { get; }

        /// <summary>The calls that choose a job storage in the process.</summary>
        public ImmutableArray<string> JobStoragesInProcess { get; }

        /// <summary>The declaring types of the calls that create a job.</summary>
        public IEnumerable<string> JobSinkTypes => _jobSinks.Keys;

        /// <summary>Every method name of the calls that create a job.</summary>
        public IEnumerable<string> JobSinkMethodNames => _jobSinks.Values.SelectMany(names => names);

        /// <summary>Whether <paramref name="method"/> of the type named <paramref name="typeMetadataName"/> creates a job (its arguments go to the job storage).</summary>
        public bool CreatesJob(string typeMetadataName, string method) => _jobSinks.TryGetValue(typeMetadataName, out var names) && names.Contains(method);

        /// <summary>Whether <paramref name="method"/> runs a command when called on (a type derived from) the type named <paramref name="typeMetadataName"/>.</summary>
        public bool RunsCommand(string typeMetadataName, string method) => _commandSinks.TryGetValue(typeMetadataName, out var names) && names.Contains(method);

        /// <summary>Reads a catalogue text (the built-in file; tests).</summary>
        public static DatabaseCatalog Read(string text)
        {
            var root = JsonParser.Parse(text);
            var providers = ImmutableArray.CreateBuilder<DatabaseProvider>();
            if (root.Get("providers") is { IsArray: true } list)
            {
                foreach (var item in list.Items)
                {
                    if (item.GetString("database") is { } database)
                    {
                        providers.Add(new DatabaseProvider(database, Strings(item.Get("methods")), Strings(item.Get("hostKeys")), item.GetBool("sqlServer") == true, item.GetBool("inProcess") == true, Strings(item.Get("connectionParameters")), item.GetString("valueFormat")));
                    }
                }
            }

            return new DatabaseCatalog(providers.ToImmutable(), Strings(root.Get("contextRegistrations")), Registrations(root.Get("aspire")), Lists(root.Get("sinks")), root.Get("connections"), root);
        }

        private static ImmutableArray<DatabaseRegistration> Registrations(JsonNode? node)
        {
            var aspire = ImmutableArray.CreateBuilder<DatabaseRegistration>();
            if (node is { IsArray: true } registrations)
            {
                foreach (var item in registrations.Items)
                {
                    if (item.GetString("method") is { } method && item.GetString("database") is { } database && item.GetString("section") is { } section)
                    {
                        aspire.Add(new DatabaseRegistration(method, database, section));
                    }
                }
            }

            return aspire.ToImmutable();
        }

        private static ImmutableArray<ConnectionMaker> Makers(JsonNode? node, string nameKey)
        {
            var makers = ImmutableArray.CreateBuilder<ConnectionMaker>();
            if (node is { IsArray: true } list)
            {
                foreach (var item in list.Items)
                {
                    if (item.GetString(nameKey) is { } name && item.GetString("database") is { } database)
                    {
                        makers.Add(new ConnectionMaker(name, database));
                    }
                }
            }

            return makers.ToImmutable();
        }

        /// <summary>An object of type names, each with a list of method names.</summary>
        private static Dictionary<string, HashSet<string>> Lists(JsonNode? node)
        {
            var lists = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            if (node is { IsObject: true } types)
            {
                foreach (var type in types.Members)
                {
                    if (type.Value.IsArray)
                    {
                        lists[type.Key] = new HashSet<string>(Strings(type.Value), StringComparer.Ordinal);
                    }
                }
            }

            return lists;
        }

        private static ImmutableArray<string> Strings(JsonNode? node) => JsonRead.Strings(node);

        private static string LoadText()
        {
            using var stream = typeof(DatabaseCatalog).Assembly.GetManifestResourceStream(Resource);
            if (stream is null)
            {
                return "{}";
            }

            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
