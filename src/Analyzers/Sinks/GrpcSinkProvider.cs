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
    /// gRPC clients (docs/endpoints.md, "gRPC clients"): a call of a method of a client class generated from a <c>.proto</c>
    /// service (it derives from <c>Grpc.Core.ClientBase</c>) sends its request message to the server, as does a
    /// <c>RequestStream.WriteAsync(message)</c> on a streaming call such a method returned. The server is the channel the
    /// client was made on: <c>GrpcChannel.ForAddress(address)</c> (Grpc.Net.Client), <c>new Channel(target, …)</c>
    /// (Grpc.Core), through <c>CreateCallInvoker()</c> and interceptors; for an injected client, every creation of its class
    /// and its <c>AddGrpcClient&lt;TClient&gt;(o =&gt; o.Address = …)</c> registrations (Grpc.Net.ClientFactory); else unknown.
    /// Being a sink, the call is not followed into the generated client.
    /// </summary>
    internal sealed class GrpcSinkProvider : ISinkProvider, ISinkCandidates
    {
        private const int MaxDepth = 8;
        private const string Registrations = "Microsoft.Extensions.DependencyInjection.GrpcClientServiceExtensions";

        private readonly EndpointResolver _resolver;
        private readonly EndpointSinks _sinks;
        private readonly ImmutableArray<INamedTypeSymbol> _clientBase;
        private readonly ImmutableArray<INamedTypeSymbol> _genericClientBase;
        private readonly ImmutableArray<INamedTypeSymbol> _streamWriter;
        private readonly ImmutableArray<INamedTypeSymbol> _factoryOptions;
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _clients = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxNode, SinkCall?> _cache = new();

        public GrpcSinkProvider(EndpointResolver resolver, EndpointSinks sinks)
        {
            _resolver = resolver;
            _sinks = sinks;
            _clientBase = resolver.Types.Resolve("Grpc.Core.ClientBase");
            _genericClientBase = resolver.Types.Resolve("Grpc.Core.ClientBase`1");
            _streamWriter = resolver.Types.Resolve("Grpc.Core.IAsyncStreamWriter`1");
            _factoryOptions = resolver.Types.Resolve("Grpc.Net.ClientFactory.GrpcClientFactoryOptions");
        }

        public bool MayResolve(IMethodSymbol method) => IsClientMethod(method) || IsStreamWrite(method);

        public bool IsSinkHolder(ISymbol member) => false;

        public IEnumerable<string> WildcardTypes() => Enumerable.Empty<string>();

        public void AddCallNames(ISet<string> names)
        {
            // The client classes are generated into the compilation: their methods are found by MayResolve.
            if (!_streamWriter.IsDefaultOrEmpty)
            {
                names.Add("WriteAsync");
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public SinkCall? TryResolve(IInvocationOperation invocation)
        {
            if (_clientBase.IsDefaultOrEmpty)
            {
                return null; // gRPC is not referenced
            }

            var method = invocation.TargetMethod;
            if (!IsClientMethod(method) && !IsStreamWrite(method))
            {
                return null;
            }

            return _cache.TryGetValue(invocation.Syntax, out var known) ? known : _cache.GetOrAdd(invocation.Syntax, _ => Guarded(invocation));
        }

        /// <summary>A method a generated client declares (<c>RegisterAsync</c>, <c>Register</c>, a streaming call); not <c>ClientBase</c>'s own (<c>WithHost</c>).</summary>
        private bool IsClientMethod(IMethodSymbol method)
        {
            if (_clientBase.IsDefaultOrEmpty || method.IsStatic || method.MethodKind != MethodKind.Ordinary || method.ContainingType is not { TypeKind: TypeKind.Class } type)
            {
                return false;
            }

            return IsClientClassCached(type.OriginalDefinition);
        }

        private bool IsClientClass(INamedTypeSymbol type)
        {
            if (EndpointTypes.Is(type, _clientBase) || EndpointTypes.Is(type, _genericClientBase))
            {
                return false;
            }

            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                if (EndpointTypes.Is(baseType, _clientBase))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsStreamWrite(IMethodSymbol method) =>
            method.Name == "WriteAsync" && !_streamWriter.IsDefaultOrEmpty && method.ContainingType is { } type && EndpointTypes.Is(type.OriginalDefinition, _streamWriter);

        // Endpoint resolution walks arbitrary (possibly half-typed) code: an unexpected failure makes the sink Unknown, never an AD0001.
        private SinkCall? Guarded(IInvocationOperation cfgInvocation)
        {
            var invocation = _resolver.OperationOf(cfgInvocation.Syntax) as IInvocationOperation ?? cfgInvocation;
            var display = $"{invocation.TargetMethod.ContainingType?.Name}.{invocation.TargetMethod.Name} gRPC";
            try
            {
                if (IsStreamWrite(invocation.TargetMethod))
                {
                    // call.RequestStream.WriteAsync(message): the call a client method returned sends where that client sends.
                    var call = ClientCallOf(invocation.Instance);
                    return call is null ? null : Resolve(call, $"{call.TargetMethod.ContainingType?.Name}.{call.TargetMethod.Name} gRPC (request stream)");
                }

                return Resolve(invocation, display);
            }
            catch (System.Exception e) when (e is not System.OperationCanceledException)
            {
                return new SinkCall(ImmutableArray.Create(_sinks.ResolutionFailed(SinkKind.Http, display, e)), allArguments: true, receiver: false, ImmutableArray<int>.Empty, opaque: true);
            }
        }

        /// <summary>
        /// The client method's call whose streaming call's <c>RequestStream</c> <paramref name="writer"/> is (<c>call.RequestStream</c>,
        /// or a local assigned it), or null.
        /// </summary>
        private IInvocationOperation? ClientCallOf(IOperation? writer, int depth = 0)
        {
            if (writer is null || depth > MaxDepth)
            {
                return null;
            }

            switch (EndpointResolver.Strip(writer))
            {
                case IPropertyReferenceOperation { Property.Name: "RequestStream", Instance: { } streamingCall }:
                    foreach (var made in _resolver.Origins(streamingCall, MaxDepth))
                    {
                        if (made is IInvocationOperation call && IsClientMethod(call.TargetMethod))
                        {
                            return call;
                        }
                    }

                    break;
                case ILocalReferenceOperation local:
                    foreach (var value in _resolver.LocalValues(local.Local))
                    {
                        if (ClientCallOf(value, depth + 1) is { } call)
                        {
                            return call;
                        }
                    }

                    break;
            }

            return null;
        }

        private SinkCall Resolve(IInvocationOperation invocation, string display)
        {
            var receiver = invocation.Instance;
            var client = (receiver?.Type as INamedTypeSymbol ?? invocation.TargetMethod.ContainingType)?.OriginalDefinition;

            // 1. The client's creation (new Customers.CustomersClient(channel)), through locals, fields and properties.
            var addresses = new List<(EndpointValue Value, string Format)>();
            if (receiver is not null)
            {
                foreach (var origin in _resolver.Origins(receiver, MaxDepth))
                {
                    if (origin is IObjectCreationOperation creation && IsClientType(creation.Type))
                    {
                        addresses.AddRange(FromClientCreation(creation));
                    }
                }
            }

            // 2. An injected (or otherwise untraced) client: every creation of its class and its AddGrpcClient<TClient> registrations.
            if (addresses.Count == 0 && client is not null)
            {
                foreach (var creation in _resolver.Index.CreationsOf(client))
                {
                    addresses.AddRange(FromClientCreation(creation));
                }

                foreach (var registration in _resolver.Index.InvocationsOf(Registrations, "AddGrpcClient"))
                {
                    if (registration.TargetMethod.TypeArguments.Any(t => SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, client)))
                    {
                        addresses.AddRange(FromRegistration(registration));
                    }
                }
            }

            var infos = new List<SinkInfo>();
            if (addresses.Count == 0)
            {
                infos.Add(_sinks.ForHost(SinkKind.Http, display, null, false,
                    $"no address found for the gRPC client (GrpcChannel.ForAddress(…) given to new {client?.Name}(channel), or AddGrpcClient<{client?.Name}>(o => o.Address = …))",
                    null, null, target: $"{client?.Name ?? "a gRPC client"} without address"));
            }

            foreach (var (value, format) in addresses)
            {
                infos.Add(_sinks.ForUrl(SinkKind.Http, display, value, "address", format));
            }

            return new SinkCall(EndpointSinks.Distinct(infos), allArguments: true, receiver: false, ImmutableArray<int>.Empty, opaque: true);
        }

        private bool IsClientType(ITypeSymbol? type) => type is INamedTypeSymbol named && named.TypeKind == TypeKind.Class && IsClientClassCached(named.OriginalDefinition);

        private bool IsClientClassCached(INamedTypeSymbol type) => _clients.TryGetValue(type, out var known) ? known : _clients.GetOrAdd(type, IsClientClass);

        /// <summary>The addresses of the channel or call invoker a client's constructor is given.</summary>
        private IEnumerable<(EndpointValue, string)> FromClientCreation(IObjectCreationOperation creation)
        {
            foreach (var argument in creation.Arguments)
            {
                if (EndpointResolver.IsWritten(argument))
                {
                    foreach (var address in ChannelAddresses(argument.Value, 0))
                    {
                        yield return address;
                    }
                }
            }
        }

        /// <summary>
        /// The address a channel was made for: <c>GrpcChannel.ForAddress(address[, options])</c> (a string or a <c>Uri</c>),
        /// Grpc.Core's <c>new Channel(target, credentials)</c> (<c>host:port</c>) or <c>new Channel(host, port, credentials)</c>,
        /// followed through <c>channel.CreateCallInvoker()</c> and <c>Intercept(…)</c>.
        /// </summary>
        private IEnumerable<(EndpointValue, string)> ChannelAddresses(IOperation channel, int depth)
        {
            if (depth > 3)
            {
                yield break;
            }

            foreach (var origin in _resolver.Origins(channel, MaxDepth))
            {
                switch (origin)
                {
                    case IInvocationOperation { TargetMethod: { Name: "ForAddress", IsStatic: true } } forAddress:
                        foreach (var value in Arguments(forAddress, "address", "GrpcChannel.ForAddress"))
                        {
                            yield return (value, "url");
                        }

                        break;
                    case IInvocationOperation { TargetMethod.Name: "CreateCallInvoker", Instance: { } made }:
                        foreach (var address in ChannelAddresses(made, depth + 1))
                        {
                            yield return address;
                        }

                        break;
                    case IInvocationOperation { TargetMethod: { Name: "Intercept", IsExtensionMethod: true } } intercept when EndpointResolver.FirstArgument(intercept) is { } intercepted:
                        foreach (var address in ChannelAddresses(intercepted, depth + 1))
                        {
                            yield return address;
                        }

                        break;
                    case IObjectCreationOperation { Type: { Name: "Channel", ContainingNamespace: { Name: "Core", ContainingNamespace.Name: "Grpc" } } } legacy:
                        foreach (var value in Arguments(legacy, "target", "new Channel"))
                        {
                            yield return (value, "hostPort");
                        }

                        foreach (var value in Arguments(legacy, "host", "new Channel"))
                        {
                            yield return (value, "hostPort");
                        }

                        break;
                }
            }
        }

        private IEnumerable<EndpointValue> Arguments(IOperation call, string parameter, string via)
        {
            var arguments = call is IInvocationOperation invocation ? invocation.Arguments : ((IObjectCreationOperation)call).Arguments;
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == parameter && EndpointResolver.IsWritten(argument))
                {
                    foreach (var value in _resolver.Strings(argument.Value))
                    {
                        yield return value.With(value.Text, value.Complete, $"{via}({parameter}) {value.ResolvedBy}");
                    }
                }
            }
        }

        /// <summary>
        /// The addresses an <c>AddGrpcClient&lt;TClient&gt;</c> registration sets in its options delegate
        /// (<c>o =&gt; o.Address = new Uri(…)</c>, <c>(sp, o) =&gt; { o.Address = … }</c>).
        /// </summary>
        private IEnumerable<(EndpointValue, string)> FromRegistration(IInvocationOperation registration)
        {
            foreach (var argument in registration.Arguments)
            {
                foreach (var assignment in argument.Value.Descendants().OfType<ISimpleAssignmentOperation>())
                {
                    if (assignment.Target is IPropertyReferenceOperation { Property: { Name: "Address" } property } &&
                        EndpointTypes.Is(property.ContainingType, _factoryOptions))
                    {
                        foreach (var value in _resolver.Strings(assignment.Value))
                        {
                            yield return (value.With(value.Text, value.Complete, $"AddGrpcClient<{registration.TargetMethod.TypeArguments.FirstOrDefault()?.Name}> Address {value.ResolvedBy}"), "url");
                        }
                    }
                }
            }
        }
    }
}
