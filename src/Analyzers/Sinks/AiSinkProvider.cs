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
    /// Microsoft.Extensions.AI abstractions: <c>IChatClient.GetResponseAsync</c>/<c>GetStreamingResponseAsync</c> and
    /// <c>IEmbeddingGenerator&lt;,&gt;.GenerateAsync</c>, with their extension overloads (<c>GetResponseAsync(string)</c>,
    /// <c>GetResponseAsync&lt;T&gt;</c>, <c>GenerateVectorAsync</c>, <c>GenerateAndZipAsync</c>, …). Messages, inputs and
    /// options are sent (the client itself is not); the region is the provider's behind the abstraction
    /// (<see cref="AiClientResolver"/>). Calls on a client class of this compilation are not sinks: its body is analysed.
    /// Microsoft Agent Framework agents (<c>AIAgent.RunAsync</c>/<c>RunStreamingAsync</c>) send their messages and session
    /// to the chat client they are built over (<c>chatClient.AsAIAgent(…)</c>, <c>new ChatClientAgent(chatClient, …)</c>).
    /// </summary>
    internal sealed class AiSinkProvider : ISinkProvider, ISinkCandidates
    {
        private static readonly ImmutableHashSet<string> Methods = ImmutableHashSet.Create(
            "GetResponseAsync", "GetStreamingResponseAsync",
            "GenerateAsync", "GenerateVectorAsync", "GenerateAndZipAsync", "GenerateEmbeddingAsync", "GenerateEmbeddingVectorAsync");

        private static readonly ImmutableHashSet<string> AgentMethods = ImmutableHashSet.Create("RunAsync", "RunStreamingAsync");

        private readonly AiClientResolver _clients;
        private readonly ConcurrentDictionary<SyntaxNode, SinkCall?> _cache = new();

        public AiSinkProvider(AiClientResolver clients)
        {
            _clients = clients;
        }

        public bool MayResolve(IMethodSymbol method) => Sends(method.Name, Service(method));

        /// <summary>Whether a call of <paramref name="name"/> through <paramref name="service"/> sends: a chat or embedding call, or an agent's run.</summary>
        private static bool Sends(string name, AiService service) =>
            service == AiService.Agent ? AgentMethods.Contains(name) : service != AiService.None && Methods.Contains(name);

        public bool IsSinkHolder(ISymbol member) => false;

        /// <inheritdoc/>
        public IEnumerable<string> WildcardTypes() => Enumerable.Empty<string>();

        public void AddCallNames(ISet<string> names)
        {
            if (_clients.Types.HasAbstractions)
            {
                names.UnionWith(Methods);
                if (_clients.Types.Agent is not null)
                {
                    names.UnionWith(AgentMethods);
                }
            }
        }

        public SinkCall? TryResolve(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!(Methods.Contains(method.Name) || AgentMethods.Contains(method.Name)) || !_clients.Types.HasAbstractions)
            {
                return null;
            }

            var service = Service(method);
            if (!Sends(method.Name, service))
            {
                return null;
            }

            return _cache.GetOrAdd(invocation.Syntax, _ => Guarded(invocation, service));
        }

        /// <summary>The abstraction a call goes through: an extension's first parameter, else the declaring type (not a client class of this compilation).</summary>
        private AiService Service(IMethodSymbol method)
        {
            var types = _clients.Types;
            if (method.IsExtensionMethod || (method.IsStatic && method.Parameters.Length > 0))
            {
                var definition = method.ReducedFrom ?? method;
                return definition.IsExtensionMethod && definition.Parameters.Length > 0 ? Normalize(types.ServiceOf(definition.Parameters[0].Type)) : AiService.None;
            }

            if (method.IsStatic || method.ContainingType is not { } type || (FlowEngineSource(method) && type.TypeKind != TypeKind.Interface))
            {
                return AiService.None;
            }

            return Normalize(types.ServiceOf(type));
        }

        private static AiService Normalize(AiService service) => service is AiService.Chat or AiService.Embedding or AiService.Agent ? service : AiService.None;

        private static bool FlowEngineSource(IMethodSymbol method) => !method.IsAbstract && method.DeclaringSyntaxReferences.Length > 0;

        private SinkCall Guarded(IInvocationOperation invocation, AiService service)
        {
            var display = $"{service switch { AiService.Chat => "IChatClient", AiService.Agent => "AIAgent", _ => "IEmbeddingGenerator" }}.{invocation.TargetMethod.Name}";
            try
            {
                return Resolve(invocation, service, display);
            }
            catch (System.Exception e) when (e is not System.OperationCanceledException)
            {
                var sink = _clients.EndpointSinks.ResolutionFailed(SinkKind.Sdk, display, e);
                return new SinkCall(sink, allArguments: false, receiver: false, SentOrdinals(invocation.TargetMethod));
            }
        }

        private SinkCall Resolve(IInvocationOperation cfgInvocation, AiService service, string display)
        {
            var invocation = _clients.Resolver.OperationOf(cfgInvocation.Syntax) as IInvocationOperation ?? cfgInvocation;
            var method = invocation.TargetMethod;
            var client = method.IsExtensionMethod
                ? EndpointResolver.FirstArgument(invocation)
                : invocation.Instance;
            var sinks = _clients.Sinks(client, service == AiService.Agent ? AiService.Chat : service, display); // an agent: its chat client
            return new SinkCall(EndpointSinks.Distinct(sinks), allArguments: false, receiver: false, SentOrdinals(method));
        }

        /// <summary>Every parameter but the client (an extension's first) and the cancellation token.</summary>
        private static ImmutableArray<int> SentOrdinals(IMethodSymbol method)
        {
            var definition = method.ReducedFrom ?? method;
            var skip = definition.IsExtensionMethod ? 0 : -1;
            return definition.Parameters.Where(p => p.Ordinal != skip && p.Type.Name != "CancellationToken").Select(p => p.Ordinal).ToImmutableArray();
        }
    }
}
