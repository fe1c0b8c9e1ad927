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
    /// Semantic Kernel: <c>Kernel.InvokePromptAsync</c>/<c>InvokePromptStreamingAsync</c> (the prompt and its
    /// <c>KernelArguments</c>), <c>Kernel.InvokeAsync</c>/<c>InvokeStreamingAsync</c> (the arguments), and
    /// <c>IChatCompletionService.GetChatMessageContent(s)Async</c>/<c>GetStreamingChatMessageContentsAsync</c> (the chat
    /// history and settings). The region is the kernel's chat service (<see cref="KernelResolver"/>).
    /// </summary>
    internal sealed class SemanticKernelSinkProvider : ISinkProvider, ISinkCandidates
    {
        private static readonly ImmutableHashSet<string> KernelMethods = ImmutableHashSet.Create(
            "InvokePromptAsync", "InvokePromptStreamingAsync", "InvokeAsync", "InvokeStreamingAsync");

        private static readonly ImmutableHashSet<string> ChatMethods = ImmutableHashSet.Create(
            "GetChatMessageContentAsync", "GetChatMessageContentsAsync", "GetStreamingChatMessageContentsAsync");

        private readonly KernelResolver _kernels;
        private readonly ConcurrentDictionary<SyntaxNode, SinkCall?> _cache = new();

        public SemanticKernelSinkProvider(KernelResolver kernels)
        {
            _kernels = kernels;
        }

        public bool MayResolve(IMethodSymbol method) => Kind(method) is not null;

        public bool IsSinkHolder(ISymbol member) => false;

        /// <inheritdoc/>
        public IEnumerable<string> WildcardTypes() => Enumerable.Empty<string>();

        public void AddCallNames(ISet<string> names)
        {
            if (_kernels.Types.HasKernel)
            {
                names.UnionWith(KernelMethods);
                names.UnionWith(ChatMethods);
            }
        }

        public SinkCall? TryResolve(IInvocationOperation invocation)
        {
            var kind = Kind(invocation.TargetMethod);
            return kind is null ? null : _cache.GetOrAdd(invocation.Syntax, _ => Guarded(invocation, kind));
        }

        /// <summary><c>Kernel</c> or <c>IChatCompletionService</c> for a call this provider handles, else null.</summary>
        private string? Kind(IMethodSymbol method)
        {
            var types = _kernels.Types;
            if (!types.HasKernel)
            {
                return null;
            }

            bool kernel = KernelMethods.Contains(method.Name);
            if (!kernel && !ChatMethods.Contains(method.Name))
            {
                return null;
            }

            var receiverType = method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type : method.ContainingType;
            if (kernel && AiTypes.IsOrDerives(receiverType, types.Kernel))
            {
                return "Kernel";
            }

            return !kernel && AiTypes.IsOrDerives(receiverType, types.ChatCompletionService) && !(method.DeclaringSyntaxReferences.Length > 0 && !method.IsAbstract)
                ? "IChatCompletionService"
                : null;
        }

        private SinkCall Guarded(IInvocationOperation invocation, string kind)
        {
            var display = $"{kind}.{invocation.TargetMethod.Name}";
            try
            {
                // The original tree's operation (control-flow graphs rewrite theirs): receivers are followed back from it.
                var operation = _kernels.OperationOf(invocation.Syntax) as IInvocationOperation ?? invocation;
                var method = operation.TargetMethod;
                var receiver = method.IsExtensionMethod ? EndpointResolver.FirstArgument(operation) : operation.Instance;
                var sinks = _kernels.Sinks(receiver, display);
                return new SinkCall(EndpointSinks.Distinct(sinks), allArguments: false, receiver: false, SentOrdinals(method));
            }
            catch (System.Exception e) when (e is not System.OperationCanceledException)
            {
                var sink = new SinkInfo(SinkKind.Sdk, display, Regions.Region.Unknown, null, null, null, $"endpoint resolution failed ({e.GetType().Name})");
                return new SinkCall(sink, allArguments: false, receiver: false, SentOrdinals(invocation.TargetMethod));
            }
        }

        /// <summary>Every parameter but the receiver (an extension's first), the kernel and the cancellation token.</summary>
        private ImmutableArray<int> SentOrdinals(IMethodSymbol method)
        {
            var skip = method.IsExtensionMethod ? 0 : -1;
            return method.Parameters
                .Where(p => p.Ordinal != skip && p.Type.Name != "CancellationToken" && !AiTypes.IsOrDerives(p.Type, _kernels.Types.Kernel))
                .Select(p => p.Ordinal)
                .ToImmutableArray();
        }
    }
}
