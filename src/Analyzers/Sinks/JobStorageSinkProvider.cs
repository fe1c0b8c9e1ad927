using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Regions;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// Hangfire's job storage (docs/endpoints.md, "Background jobs (Hangfire)"): a job's arguments are kept in the storage's
    /// database until a server runs the job, so a call that creates one (<c>BackgroundJob.Enqueue(() =&gt; mailer.Send(c.Email))</c>,
    /// <c>jobs.Schedule(…)</c>, <c>RecurringJob.AddOrUpdate(…)</c>) hands what its expression tree is given from outside it to
    /// the server the storage's connection string names (<c>UseSqlServerStorage(cs)</c>, <c>UsePostgreSqlStorage(o =&gt;
    /// o.UseNpgsqlConnection(cs))</c>, <c>new SqlServerStorage(cs)</c>, Redis's <c>UseRedisStorage(configuration)</c>, MongoDB's
    /// <c>UseMongoStorage(connectionString, "jobs")</c>, or the SDK client such a storage is given), or keeps it in the process (<c>UseInMemoryStorage()</c>).
    /// An application has one storage: every storage the compilation chooses counts for every job. With none found the call
    /// stays what it was, an unclassified recipient until residency.json declares it. The data is <c>databases.json</c>'s <c>jobs</c>.
    /// </summary>
    internal sealed class JobStorageSinkProvider : ISinkProvider, ISinkCandidates
    {
        private const string Holder = "Hangfire job storage";

        private readonly EndpointResolver _resolver;
        private readonly EndpointSinks _sinks;
        private readonly DatabaseCatalog _catalog;
        private readonly SdkSinkProvider _sdk;
        private readonly bool _referenced;
        private readonly HashSet<string> _sinkNames;
        private readonly Lazy<ImmutableArray<SinkInfo>> _storages;

        public JobStorageSinkProvider(EndpointResolver resolver, EndpointSinks sinks, DatabaseCatalog catalog, SdkSinkProvider sdk)
        {
            _sdk = sdk;
            _resolver = resolver;
            _sinks = sinks;
            _catalog = catalog;
            _referenced = catalog.JobSinkTypes.Any(type => !resolver.Types.Resolve(type).IsDefaultOrEmpty);
            _sinkNames = new HashSet<string>(catalog.JobSinkMethodNames, StringComparer.Ordinal);
            _storages = new Lazy<ImmutableArray<SinkInfo>>(GuardedStorages, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public SinkCall? TryResolve(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!_referenced || !_sinkNames.Contains(method.Name) || method.ContainingType is not { } declaring ||
                !_catalog.CreatesJob(EndpointResolver.MetadataName(declaring.OriginalDefinition), method.Name))
            {
                return null;
            }

            var storages = _storages.Value;
            return storages.IsDefaultOrEmpty
                ? null
                : new SinkCall(storages.Select(sink => DatabaseServers.Named(sink, $"{declaring.Name}.{method.Name}")).ToImmutableArray(), allArguments: true, receiver: false, ImmutableArray<int>.Empty);
        }

        public bool MayResolve(IMethodSymbol method) =>
            _referenced && _sinkNames.Contains(method.Name) && method.ContainingType is { } type && _catalog.CreatesJob(EndpointResolver.MetadataName(type.OriginalDefinition), method.Name);

        public bool IsSinkHolder(ISymbol member) => false;

        public void AddCallNames(ISet<string> names)
        {
            if (_referenced)
            {
                names.UnionWith(_sinkNames);
            }
        }

        public IEnumerable<string> WildcardTypes() => Enumerable.Empty<string>();

        // The storages' arguments are followed through arbitrary (possibly half-typed) code, SDK clients included: an
        // unexpected failure makes the storage Unknown, never an AD0001.
        private ImmutableArray<SinkInfo> GuardedStorages()
        {
            try
            {
                return FindStorages();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return ImmutableArray.Create(_sinks.ResolutionFailed(SinkKind.Sdk, Holder, e, "job storage"));
            }
        }

        /// <summary>The sinks of every job storage the compilation chooses.</summary>
        private ImmutableArray<SinkInfo> FindStorages()
        {
            var infos = new List<SinkInfo>();
            foreach (var storage in _catalog.JobStorages)
            {
                if (_catalog.Providers.FirstOrDefault(p => p.Database == storage.Database) is not { } provider)
                {
                    continue;
                }

                foreach (var arguments in StorageArguments(storage.Name))
                {
                    foreach (var argument in arguments)
                    {
                        if (!EndpointResolver.IsWritten(argument) || argument.Parameter is not { } parameter)
                        {
                            continue;
                        }

                        if (_catalog.JobConnectionParameters.Contains(parameter.Name))
                        {
                            foreach (var value in _resolver.Strings(argument.Value))
                            {
                                DatabaseServers.Add(infos, _sinks, provider, value, Holder);
                            }
                        }
                        else if (_sdk.ClientTargets(argument.Value) is { } client)
                        {
                            // UseMongoStorage(mongoClient, "jobs"), UseRedisStorage(multiplexer): the client's own endpoint.
                            foreach (var target in client.Targets)
                            {
                                infos.Add(_sinks.ForHost(SinkKind.Sdk, Holder, target.Host, target.ServiceDiscovery, $"{provider.Database} client of {Holder} ← {target.ResolvedBy}", target.Location, $"database ({provider.Database})"));
                            }
                        }
                    }
                }
            }

            foreach (var method in _catalog.JobStoragesInProcess)
            {
                if (!_resolver.Index.InvocationsOf(method).IsEmpty)
                {
                    infos.Add(new SinkInfo(SinkKind.Sdk, Holder, Region.Unknown, "job storage (in the process)", null, null, "Hangfire's in-memory job storage", isInternal: true));
                }
            }

            return EndpointSinks.Distinct(infos);
        }

        /// <summary>The arguments of each call of a storage method, or of each creation of a storage type.</summary>
        private IEnumerable<ImmutableArray<IArgumentOperation>> StorageArguments(string name)
        {
            var types = _resolver.Types.Resolve(name);
            if (!types.IsDefaultOrEmpty)
            {
                foreach (var type in types)
                {
                    foreach (var creation in _resolver.Index.CreationsOf(type))
                    {
                        yield return creation.Arguments;
                    }
                }

                yield break;
            }

            foreach (var call in _resolver.Index.InvocationsOf(name))
            {
                yield return call.Arguments;
            }
        }
    }
}
