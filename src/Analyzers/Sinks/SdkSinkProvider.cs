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
    /// Calls on catalogued SDK clients (sdks.json + residency.json <c>sdks</c>, docs/endpoints.md). The endpoint is followed from
    /// the client's creation (options property, constructor parameter, region parameter, residency method, child
    /// factories), then configuration keys, then the SDK's default host or region. Every argument is sent.
    /// </summary>
    internal sealed partial class SdkSinkProvider : ISinkProvider, ISinkCandidates
    {
        private const int MaxDepth = 8;

        private static readonly ImmutableHashSet<string> NotSinks = ImmutableHashSet.Create(
            "ToString", "Equals", "GetHashCode", "GetType", "Dispose", "DisposeAsync", "Init", "SetRegion", "SetEdge", "Close", "Flush", "FlushAsync");

        private readonly EndpointResolver _resolver;
        private readonly EndpointSinks _sinks;
        private readonly Lazy<Dictionary<INamedTypeSymbol, SdkEntry>> _types;
        private readonly ConcurrentDictionary<SyntaxNode, SinkCall?> _cache = new();

        public SdkSinkProvider(EndpointResolver resolver, EndpointSinks sinks)
        {
            _resolver = resolver;
            _sinks = sinks;
            _types = new Lazy<Dictionary<INamedTypeSymbol, SdkEntry>>(BuildTypes, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        private Dictionary<INamedTypeSymbol, SdkEntry> BuildTypes()
        {
            var map = new Dictionary<INamedTypeSymbol, SdkEntry>(SymbolEqualityComparer.Default);
            foreach (var entry in _resolver.Project.Catalog.Sdks)
            {
                bool? activated = null;
                foreach (var name in entry.Types)
                {
                    var type = _resolver.Compilation.GetTypeByMetadataName(name);
                    if (type is not null && !map.ContainsKey(type) && (activated ??= Activated(entry)))
                    {
                        map[type] = entry;
                    }
                }
            }

            return map;
        }

        /// <summary>
        /// Whether an entry's types are clients in this compilation: always, unless the entry is <c>activatedBy</c> registrations
        /// and none of them is called (<c>IDistributedCache</c> sends to Redis only with <c>AddStackExchangeRedisCache</c>).
        /// Asked once per entry whose types the compilation has (the trees are read only when a registration's type is referenced).
        /// </summary>
        private bool Activated(SdkEntry entry)
        {
            foreach (var method in entry.ActivatedBy)
            {
                if (_resolver.Index.InvocationsOf(method).Length > 0)
                {
                    return true;
                }
            }

            return entry.ActivatedBy.IsEmpty;
        }

        /// <summary>The SDK entry of a client type: an exact match, else the nearest base or interface of a matchDerived entry.</summary>
        internal SdkEntry? EntryOf(ITypeSymbol? type)
        {
            if (type is not INamedTypeSymbol named || _types.Value.Count == 0)
            {
                return null;
            }

            // Asked for the receiver of every call the analyzers look at: memoised per type definition (bases and
            // interfaces of a constructed type are those of its definition, constructed).
            var definition = named.OriginalDefinition;
            return _entries.TryGetValue(definition, out var known) ? known : _entries.GetOrAdd(definition, ComputeEntryOf(definition));
        }

        private readonly ConcurrentDictionary<INamedTypeSymbol, SdkEntry?> _entries = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamespaceSymbol, SdkEntry?> _namespaceEntries = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamespaceSymbol, SdkEntry?> _serviceNamespaceEntries = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IAssemblySymbol, Dictionary<INamedTypeSymbol, SdkEntry>> _clientInterfaces = new(SymbolEqualityComparer.Default);

        private SdkEntry? ComputeEntryOf(INamedTypeSymbol named)
        {
            var types = _types.Value;
            if (types.TryGetValue(named.OriginalDefinition, out var exact))
            {
                return exact;
            }

            for (var t = named.BaseType; t is not null; t = t.BaseType)
            {
                if (types.TryGetValue(t.OriginalDefinition, out var entry) && entry.MatchDerived)
                {
                    return entry;
                }
            }

            foreach (var @interface in named.AllInterfaces)
            {
                if (types.TryGetValue(@interface.OriginalDefinition, out var entry) && entry.MatchDerived)
                {
                    return entry;
                }
            }

            return ServiceEntry(named) ?? (named.TypeKind == TypeKind.Interface ? InterfaceOfClients(named) : null);
        }

        /// <summary>
        /// The entry of the clients that implement <paramref name="type"/>, an interface of their own assembly: Mollie's
        /// <c>IPaymentClient</c> (what its DI registration hands out) is implemented by <c>PaymentClient</c>, a client of the
        /// <c>BaseMollieClient</c> entry. A call through it is a call on such a client. Each assembly's classes are scanned
        /// once, and only when one of its interfaces is asked about.
        /// </summary>
        private SdkEntry? InterfaceOfClients(INamedTypeSymbol type)
        {
            // Only an SDK's own interfaces: the application's interfaces over its own client classes are analysed through them.
            if (type.ContainingAssembly is not { } assembly || SymbolEqualityComparer.Default.Equals(assembly, _resolver.Compilation.Assembly))
            {
                return null;
            }

            var implemented = _clientInterfaces.TryGetValue(assembly, out var known) ? known : _clientInterfaces.GetOrAdd(assembly, ScanClientInterfaces(assembly));
            return implemented.TryGetValue(type.OriginalDefinition, out var entry) ? entry : null;
        }

        private Dictionary<INamedTypeSymbol, SdkEntry> ScanClientInterfaces(IAssemblySymbol assembly)
        {
            var result = new Dictionary<INamedTypeSymbol, SdkEntry>(SymbolEqualityComparer.Default);
            var types = _types.Value;
            if (types.Count == 0 || !types.Values.Any(e => e.MatchDerived))
            {
                return result;
            }

            foreach (var candidate in Model.SymbolWalk.Types(assembly.GlobalNamespace))
            {
                if (candidate.TypeKind != TypeKind.Class)
                {
                    continue;
                }

                SdkEntry? entry = null;
                for (var t = candidate.BaseType; t is not null && entry is null; t = t.BaseType)
                {
                    if (types.TryGetValue(t.OriginalDefinition, out var found) && found.MatchDerived)
                    {
                        entry = found;
                    }
                }

                if (entry is null)
                {
                    continue;
                }

                foreach (var @interface in candidate.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(@interface.ContainingAssembly, assembly) && !result.ContainsKey(@interface.OriginalDefinition))
                    {
                        result[@interface.OriginalDefinition] = entry;
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// The entry whose <c>serviceNamespaces</c> hold <paramref name="type"/> (Anthropic's <c>IMessageService</c>), when the
        /// type is declared in the assembly of one of the entry's client types: a service the client hands out.
        /// </summary>
        private SdkEntry? ServiceEntry(INamedTypeSymbol type)
        {
            if (type.ContainingNamespace is not { } symbol || type.ContainingAssembly is not { } assembly)
            {
                return null;
            }

            var entry = _serviceNamespaceEntries.TryGetValue(symbol, out var known) ? known : _serviceNamespaceEntries.GetOrAdd(symbol, ComputeServiceNamespaceEntry(symbol));
            if (entry is null)
            {
                return null;
            }

            foreach (var pair in _types.Value)
            {
                if (ReferenceEquals(pair.Value, entry) && SymbolEqualityComparer.Default.Equals(pair.Key.ContainingAssembly, assembly))
                {
                    return entry;
                }
            }

            return null;
        }

        private SdkEntry? ComputeServiceNamespaceEntry(INamespaceSymbol symbol)
        {
            if (symbol.IsGlobalNamespace)
            {
                return null;
            }

            var ns = symbol.ToDisplayString();
            foreach (var entry in _resolver.Project.Catalog.Sdks)
            {
                foreach (var serviceNamespace in entry.ServiceNamespaces)
                {
                    if (ns == serviceNamespace || ns.StartsWith(serviceNamespace + ".", StringComparison.Ordinal))
                    {
                        return entry;
                    }
                }
            }

            return null;
        }

        private SdkEntry? NamespaceEntry(INamedTypeSymbol type)
        {
            // Asked for every static call (LINQ, string.Join, …): memoised per namespace, no display string per call.
            var symbol = type.ContainingNamespace;
            if (symbol is null)
            {
                return null;
            }

            return _namespaceEntries.TryGetValue(symbol, out var known) ? known : _namespaceEntries.GetOrAdd(symbol, ComputeNamespaceEntry(symbol));
        }

        private SdkEntry? ComputeNamespaceEntry(INamespaceSymbol symbol)
        {
            var ns = symbol.ToDisplayString();
            if (ns is null)
            {
                return null;
            }

            foreach (var entry in _resolver.Project.Catalog.Sdks)
            {
                foreach (var sinkNamespace in entry.SinkNamespaces)
                {
                    if (ns == sinkNamespace || ns.StartsWith(sinkNamespace + ".", StringComparison.Ordinal))
                    {
                        return entry;
                    }
                }
            }

            return null;
        }

        public bool MayResolve(IMethodSymbol method) =>
            method.ContainingType is { } type && (EntryOf(type) is not null || NamespaceEntry(type) is not null || ExtensionEntry(method) is not null);

        /// <summary>
        /// The SDK entry of an extension method declared with its client type (Sentry's <c>HubExtensions.CaptureMessage(this
        /// IHub, …)</c> in Sentry.dll): its <c>this</c> parameter's type is a catalogued client type (or matched by the
        /// entry's matchDerived rule), and it is declared in a referenced assembly, the one that declares that type. An
        /// extension method with a body in this compilation is not one: the flow engine analyses its body (a sink here
        /// too would report its flows twice). Adapters that other packages declare over a client
        /// (<c>AsIChatClient(this ChatClient)</c> in Microsoft.Extensions.AI.OpenAI) are not either: they send nothing.
        /// </summary>
        private SdkEntry? ExtensionEntry(IMethodSymbol method)
        {
            var definition = method.ReducedFrom ?? method;
            if (!definition.IsExtensionMethod || definition.Parameters.Length == 0)
            {
                return null;
            }

            var type = definition.Parameters[0].Type;
            if (type is ITypeParameterSymbol parameter)
            {
                type = parameter.ConstraintTypes.FirstOrDefault(t => EntryOf(t) is not null);
            }

            // Every LINQ call asks: a memoised look-up of the parameter's type first, the declaration checks only for a client.
            var entry = EntryOf(type);
            if (entry is null || Model.SymbolWalk.HasSourceBody(definition) || definition.ContainingAssembly is not { } assembly ||
                !SymbolEqualityComparer.Default.Equals(assembly, type!.OriginalDefinition.ContainingAssembly))
            {
                return null;
            }

            return entry;
        }

        public bool IsSinkHolder(ISymbol member) => false;

        /// <inheritdoc/>
        public System.Collections.Generic.IEnumerable<string> WildcardTypes() => System.Linq.Enumerable.Empty<string>();

        /// <summary>
        /// The names of the methods a call may resolve to a sink by (<see cref="TryResolve"/>): every method of a catalogued
        /// client type, of a type deriving from one (in the assemblies that define them or reference them), with what they
        /// inherit (base types and interfaces, short of <c>object</c>), and the static methods of the types of a sink
        /// namespace. Not the other types of those assemblies: <c>MailAddressCollection.Add</c> shares an assembly with
        /// <c>SmtpClient</c> but is no sink, and as a name it would make every body that calls an <c>Add</c> a possible sink caller.
        /// </summary>
        public void AddCallNames(ISet<string> names)
        {
            var seeds = new List<IAssemblySymbol>();
            foreach (var type in _types.Value.Keys)
            {
                seeds.Add(type.ContainingAssembly);
            }

            var namespaces = _resolver.Project.Catalog.Sdks.SelectMany(e => e.SinkNamespaces).ToList();
            var compilation = _resolver.Compilation;
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (namespaces.Any(ns => Model.SymbolWalk.HasNamespace(assembly, ns)))
                {
                    seeds.Add(assembly);
                }
            }

            var visited = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var assembly in Model.SymbolWalk.ReferencingClosure(compilation, seeds))
            {
                foreach (var type in Model.SymbolWalk.Types(assembly.GlobalNamespace))
                {
                    // Not memoised in _entries: most of these types are never a receiver.
                    if (ComputeEntryOf(type.OriginalDefinition) is not null)
                    {
                        for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
                        {
                            AddMethodNames(t, names, visited, staticOnly: false);
                        }

                        foreach (var @interface in type.AllInterfaces)
                        {
                            AddMethodNames(@interface, names, visited, staticOnly: false);
                        }
                    }
                    else if (NamespaceEntry(type) is not null)
                    {
                        AddMethodNames(type, names, null, staticOnly: true); // TryResolve: static calls only
                    }
                    else if (type.MightContainExtensionMethods)
                    {
                        foreach (var member in type.GetMembers())
                        {
                            if (member is IMethodSymbol { IsExtensionMethod: true } extension && !NotSinks.Contains(extension.Name) && ExtensionEntry(extension) is not null)
                            {
                                names.Add(extension.Name);
                            }
                        }
                    }
                }
            }
        }

        private static void AddMethodNames(INamedTypeSymbol type, ISet<string> names, HashSet<INamedTypeSymbol>? visited, bool staticOnly)
        {
            if (visited is not null && !visited.Add(type.OriginalDefinition))
            {
                return;
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && (!staticOnly || method.IsStatic) && !NotSinks.Contains(method.Name))
                {
                    names.Add(method.Name);
                }
            }
        }

        public SinkCall? TryResolve(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.MethodKind != MethodKind.Ordinary || NotSinks.Contains(method.Name) || method.ContainingType is null)
            {
                return null;
            }

            var receiverType = method.IsStatic ? method.ContainingType : invocation.Instance?.Type ?? method.ContainingType;
            var entry = EntryOf(receiverType) ?? EntryOf(method.ContainingType);
            if (entry is null && method.IsExtensionMethod && ExtensionEntry(method) is { } extensionEntry && EndpointResolver.FirstArgument(invocation) is { } receiver)
            {
                // hub.CaptureMessage(…) with HubExtensions.CaptureMessage(this IHub, …): a call on the receiver.
                entry = extensionEntry;
                receiverType = EndpointResolver.Strip(receiver).Type ?? receiver.Type ?? receiverType;
            }

            if (entry is null && method.IsStatic)
            {
                entry = NamespaceEntry(method.ContainingType);
            }

            if (entry is null || entry.IsChildFactory(method.Name) || entry.NotSinks.Contains(method.Name) || method.Name.StartsWith("get_", StringComparison.Ordinal))
            {
                return null;
            }

            return _cache.GetOrAdd(invocation.Syntax, _ => Guarded(invocation, entry, receiverType));
        }

        /// <summary>What a call sends: every argument, but for an extension method of a client not its <c>this</c> argument (the client, as the receiver of an instance call).</summary>
        private SinkCall Sends(ImmutableArray<SinkInfo> sinks, IMethodSymbol method) =>
            method.IsExtensionMethod && method.ReducedFrom is null && ExtensionEntry(method) is not null
                ? new SinkCall(sinks, allArguments: false, receiver: false, method.Parameters.Where(p => p.Ordinal > 0).Select(p => p.Ordinal).ToImmutableArray())
                : new SinkCall(sinks, allArguments: true, receiver: false, ImmutableArray<int>.Empty);

        /// <summary>
        /// The sink a client of <paramref name="entry"/> (of type <paramref name="clientType"/>) reaches through one of its
        /// targets: a host through the internal rules and the catalogue; a region given by name to a client of a service in
        /// the entry's <c>serviceHosts</c>, that service's regional host; else the region alone. Used for calls on the
        /// client and for the AI abstractions built over it (<c>bedrockRuntime.AsIChatClient()</c>).
        /// </summary>
        internal SinkInfo SinkOf(SdkEntry entry, EndpointTarget target, string display, ITypeSymbol? clientType)
        {
            if (target.Host is null && target.RegionName is { } regionName && clientType is not null && ServiceHost(entry, clientType, regionName) is { } serviceHost)
            {
                // A region given to a client of one service of a multi-service SDK: that service's host in the region.
                return _sinks.ForHost(SinkKind.Sdk, display, serviceHost, false, $"{target.ResolvedBy} → the service's host in {regionName}", target.Location, entry.Recipient).NamedFromRegion(regionName);
            }

            return target.RegionCode is { } code && target.Host is null
                ? _sinks.ForRegion(SinkKind.Sdk, display, code, entry.Recipient, target.ResolvedBy, target.Location)
                : _sinks.ForHost(SinkKind.Sdk, display, target.Host, target.ServiceDiscovery, target.ResolvedBy, target.Location, entry.Recipient);
        }

        // Endpoint resolution walks arbitrary (possibly half-typed) code: an unexpected failure makes the sink Unknown, never an AD0001.
        private SinkCall Guarded(IInvocationOperation invocation, SdkEntry entry, ITypeSymbol receiverType)
        {
            try
            {
                return Resolve(invocation, entry, receiverType);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var sink = _sinks.ResolutionFailed(SinkKind.Sdk, $"{receiverType.Name}.{invocation.TargetMethod.Name}", e, entry.Recipient);
                return Sends(ImmutableArray.Create(sink), invocation.TargetMethod);
            }
        }

        private SinkCall Resolve(IInvocationOperation cfgInvocation, SdkEntry entry, ITypeSymbol receiverType)
        {
            var invocation = _resolver.OperationOf(cfgInvocation.Syntax) as IInvocationOperation ?? cfgInvocation;
            var display = $"{receiverType.Name}.{invocation.TargetMethod.Name}";
            List<EndpointTarget> targets;
            if (invocation.TargetMethod.IsExtensionMethod && ReferenceEquals(ExtensionEntry(invocation.TargetMethod), entry) && EndpointResolver.FirstArgument(invocation) is { } receiver)
            {
                targets = Targets(receiver, entry, 0); // exactly as a call on the receiver
            }
            else if (invocation.TargetMethod.IsStatic)
            {
                // Static resource methods that take the client (Twilio MessageResource.Create(…, client: c)) use it; else the static configuration.
                var clientArgument = invocation.Arguments.FirstOrDefault(a => EndpointResolver.IsWritten(a) && a.Parameter is not null && ReferenceEquals(EntryOf(a.Parameter.Type), entry));
                targets = clientArgument is not null ? Targets(clientArgument.Value, entry, 0) : StaticTargets(entry);
            }
            else
            {
                targets = Targets(invocation.Instance, entry, 0);
            }

            var clientTargets = targets;
            if (entry.Endpoint.RequestUrl is { } requestUrl)
            {
                targets = WithRequestUrl(invocation, entry, requestUrl, targets);
            }

            var sinks = SinksOf(entry, targets, display, receiverType, target: null);
            if (entry.Endpoint.RequestUrl is { } url && ParameterUrl.NoneResolved(sinks) && RequestUrlValue(invocation, url) is { } request &&
                HelperSink(request.Value, request.Via, entry, clientTargets, display, receiverType) is { } helper)
            {
                sinks = ImmutableArray.Create(helper); // string Download(string url) => _web.DownloadString(url): each call of Download says where
            }

            return Sends(sinks, invocation.TargetMethod);
        }

        /// <summary>
        /// The sink of a call whose request URL is made from the calling method's parameters (<see cref="ParameterUrl"/>), or
        /// null. Its own method, so that the sinks the calls resolve hold the client's targets as read here, and no operation.
        /// </summary>
        private SinkInfo? HelperSink(IOperation url, string via, SdkEntry entry, List<EndpointTarget> clientTargets, string display, ITypeSymbol receiverType) =>
            ParameterUrl.ForValue(_resolver, url, (values, target) => SinksOf(entry, WithRequestUrls(values, via, clientTargets), display, receiverType, target));

        /// <summary>The sinks of an entry's targets; none is the unknown sink, named after <paramref name="target"/> when one is given.</summary>
        private ImmutableArray<SinkInfo> SinksOf(SdkEntry entry, List<EndpointTarget> targets, string display, ITypeSymbol receiverType, string? target)
        {
            var infos = new List<SinkInfo>();
            foreach (var endpoint in targets)
            {
                infos.Add(SinkOf(entry, endpoint, display, receiverType));
            }

            if (infos.Count == 0)
            {
                infos.Add(_sinks.ForHost(SinkKind.Sdk, display, null, false, $"{entry.Service ?? receiverType.Name}: endpoint not determined", null, entry.Recipient, target: target));
            }

            return EndpointSinks.Distinct(infos);
        }
    }
}
