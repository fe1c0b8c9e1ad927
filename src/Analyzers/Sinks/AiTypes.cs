using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Sinks
{
    /// <summary>Which AI service abstraction a type is (or implements).</summary>
    internal enum AiService
    {
        None,

        /// <summary><c>Microsoft.Extensions.AI.IChatClient</c>.</summary>
        Chat,

        /// <summary><c>Microsoft.Extensions.AI.IEmbeddingGenerator&lt;,&gt;</c>.</summary>
        Embedding,

        /// <summary><c>Microsoft.Extensions.AI.ChatClientBuilder</c>.</summary>
        ChatBuilder,

        /// <summary><c>Microsoft.Extensions.AI.EmbeddingGeneratorBuilder&lt;,&gt;</c>.</summary>
        EmbeddingBuilder,

        /// <summary><c>Microsoft.Agents.AI.AIAgent</c> (Microsoft Agent Framework): it sends to the chat client it is built over.</summary>
        Agent,
    }

    /// <summary>
    /// The Microsoft.Extensions.AI and Semantic Kernel types the AI sinks recognise, resolved once per compilation (all
    /// null when the packages are not referenced, which makes every AI check a null test). Type questions are memoised
    /// per type definition.
    /// </summary>
    internal sealed class AiTypes
    {
        private readonly ConcurrentDictionary<ITypeSymbol, AiService> _services = new(SymbolEqualityComparer.Default);

        public AiTypes(Compilation compilation)
        {
            ChatClient = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.IChatClient");
            EmbeddingGenerator = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.IEmbeddingGenerator");
            EmbeddingGeneratorOf = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.IEmbeddingGenerator`2");
            ChatClientBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatClientBuilder");
            EmbeddingGeneratorBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.EmbeddingGeneratorBuilder`2");
            AIFunctionFactory = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.AIFunctionFactory");
            Kernel = compilation.GetTypeByMetadataName("Microsoft.SemanticKernel.Kernel");
            KernelBuilder = compilation.GetTypeByMetadataName("Microsoft.SemanticKernel.IKernelBuilder");
            KernelFunctionAttribute = compilation.GetTypeByMetadataName("Microsoft.SemanticKernel.KernelFunctionAttribute");
            ChatCompletionService = compilation.GetTypeByMetadataName("Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService");
            Agent = compilation.GetTypeByMetadataName("Microsoft.Agents.AI.AIAgent");
        }

        /// <summary><c>Microsoft.Agents.AI.AIAgent</c>, the base of every Agent Framework agent (<c>ChatClientAgent</c>, decorators).</summary>
        public INamedTypeSymbol? Agent { get; }

        public INamedTypeSymbol? ChatClient { get; }

        public INamedTypeSymbol? EmbeddingGenerator { get; }

        public INamedTypeSymbol? EmbeddingGeneratorOf { get; }

        public INamedTypeSymbol? ChatClientBuilder { get; }

        public INamedTypeSymbol? EmbeddingGeneratorBuilder { get; }

        public INamedTypeSymbol? AIFunctionFactory { get; }

        public INamedTypeSymbol? Kernel { get; }

        public INamedTypeSymbol? KernelBuilder { get; }

        public INamedTypeSymbol? KernelFunctionAttribute { get; }

        public INamedTypeSymbol? ChatCompletionService { get; }

        /// <summary>Whether Microsoft.Extensions.AI is referenced at all.</summary>
        public bool HasAbstractions => ChatClient is not null || EmbeddingGenerator is not null;

        /// <summary>Whether Semantic Kernel is referenced at all.</summary>
        public bool HasKernel => Kernel is not null;

        /// <summary>The AI abstraction <paramref name="type"/> is or implements; memoised.</summary>
        public AiService ServiceOf(ITypeSymbol? type)
        {
            if (type is null || !HasAbstractions || type.SpecialType != SpecialType.None)
            {
                return AiService.None;
            }

            var definition = type.OriginalDefinition;
            return _services.TryGetValue(definition, out var known) ? known : _services.GetOrAdd(definition, Compute(definition));
        }

        private AiService Compute(ITypeSymbol type)
        {
            if (Agent is not null && IsOrDerives(type, Agent))
            {
                return AiService.Agent;
            }

            if (Is(type, ChatClientBuilder))
            {
                return AiService.ChatBuilder;
            }

            if (Is(type, EmbeddingGeneratorBuilder))
            {
                return AiService.EmbeddingBuilder;
            }

            if (Is(type, ChatClient))
            {
                return AiService.Chat;
            }

            if (Is(type, EmbeddingGenerator) || Is(type, EmbeddingGeneratorOf))
            {
                return AiService.Embedding;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (Is(@interface, ChatClient))
                {
                    return AiService.Chat;
                }

                if (Is(@interface, EmbeddingGenerator) || Is(@interface, EmbeddingGeneratorOf))
                {
                    return AiService.Embedding;
                }
            }

            return AiService.None;
        }

        /// <summary>Whether <paramref name="type"/> is, derives from or implements <paramref name="target"/>.</summary>
        public static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol? target)
        {
            if (type is null || target is null)
            {
                return false;
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                if (Is(t, target))
                {
                    return true;
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (Is(@interface, target))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Is(ITypeSymbol type, INamedTypeSymbol? target) =>
            target is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, target);
    }
}
