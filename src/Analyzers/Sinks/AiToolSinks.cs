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
    /// Methods offered to a model as tools send their return value to that model: <c>AIFunctionFactory.Create(Method)</c>
    /// (the chat calls of the method that offers it, else of its type) and Semantic Kernel <c>[KernelFunction]</c> methods of
    /// a type added to a kernel's plugins (<c>Plugins.AddFromType&lt;T&gt;()</c>, <c>ImportPluginFromType&lt;T&gt;()</c>,
    /// <c>AddFromObject(new T())</c>, …: that kernel's chat service). The offers are found once per compilation (syntax
    /// filtered by text, then bound); the sinks of each tool are memoised. Keeps symbols and syntax, no operation trees.
    /// </summary>
    internal sealed class AiToolSinks
    {
        private static readonly ImmutableHashSet<string> PluginMethods = ImmutableHashSet.Create(
            "AddFromType", "AddFromObject", "ImportPluginFromType", "ImportPluginFromObject", "CreateFromType", "CreateFromObject");

        private static readonly ImmutableHashSet<string> ChatMethods = ImmutableHashSet.Create("GetResponseAsync", "GetStreamingResponseAsync", "RunAsync", "RunStreamingAsync");

        private readonly AiClientResolver _ai;
        private readonly KernelResolver _kernels;
        private readonly Lazy<Offers> _offers;
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<SinkInfo>> _sinks = new(SymbolEqualityComparer.Default);

        public AiToolSinks(AiClientResolver ai, KernelResolver kernels)
        {
            _ai = ai;
            _kernels = kernels;
            _offers = new Lazy<Offers>(FindOffers, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        private sealed class Offers
        {
            /// <summary>Tool methods → the <c>AIFunctionFactory.Create</c> calls that offer them.</summary>
            public readonly Dictionary<IMethodSymbol, List<SyntaxNode>> Functions = new(SymbolEqualityComparer.Default);

            /// <summary>Plugin types → the calls that add them to a kernel.</summary>
            public readonly Dictionary<INamedTypeSymbol, List<SyntaxNode>> Plugins = new(SymbolEqualityComparer.Default);
        }

        /// <summary>The sinks a method's return value reaches as a tool (empty for any other method).</summary>
        public ImmutableArray<SinkInfo> Of(IMethodSymbol method)
        {
            var types = _ai.Types;
            if (!types.HasAbstractions && !types.HasKernel)
            {
                return ImmutableArray<SinkInfo>.Empty;
            }

            method = method.OriginalDefinition;
            return _sinks.TryGetValue(method, out var known) ? known : _sinks.GetOrAdd(method, Guarded);
        }

        private ImmutableArray<SinkInfo> Guarded(IMethodSymbol method)
        {
            try
            {
                return Compute(method);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return ImmutableArray<SinkInfo>.Empty; // half-typed code: the tool is not recognised, never an AD0001
            }
        }

        private ImmutableArray<SinkInfo> Compute(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.ReturnsVoid)
            {
                return ImmutableArray<SinkInfo>.Empty;
            }

            var offers = _offers.Value;
            var result = new List<SinkInfo>();
            if (offers.Functions.TryGetValue(method, out var creations))
            {
                foreach (var creation in creations)
                {
                    result.AddRange(ChatSinksNear(creation, method));
                }
            }

            if (_ai.Types.KernelFunctionAttribute is { } kernelFunction && method.ContainingType is { } type &&
                offers.Plugins.TryGetValue(type.OriginalDefinition, out var registrations) &&
                method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, kernelFunction)))
            {
                foreach (var registration in registrations)
                {
                    result.AddRange(KernelSinks(registration, method));
                }
            }

            return EndpointSinks.Distinct(result);
        }

        /// <summary>The chat calls of the member that offers the tool (else of its type): their clients' sinks.</summary>
        private IEnumerable<SinkInfo> ChatSinksNear(SyntaxNode offer, IMethodSymbol tool)
        {
            var display = $"IChatClient (result of tool {tool.Name})";
            var member = offer.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m is not TypeDeclarationSyntax);
            var type = offer.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault();
            foreach (var scope in new SyntaxNode?[] { member, type })
            {
                if (scope is null)
                {
                    continue;
                }

                var found = new List<SinkInfo>();
                foreach (var node in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (CompilationIndex.MethodName(node) is not { } name || !ChatMethods.Contains(name) ||
                        _ai.Resolver.OperationOf(node) is not IInvocationOperation call)
                    {
                        continue;
                    }

                    var receiver = call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : call.Instance;
                    // A chat call, or an agent's run (the tools given to AsAIAgent / ChatClientAgent go to its chat client).
                    var service = receiver is null ? AiService.None : _ai.Types.ServiceOf(receiver.Type);
                    if (receiver is not null && (service == AiService.Chat || (service == AiService.Agent && name is "RunAsync" or "RunStreamingAsync")))
                    {
                        // Declared at the chat call, unless the client's own declaration is known: the EU-endpoint fix of a
                        // finding at the tool's return value finds the client there.
                        foreach (var sink in _ai.Sinks(receiver, AiService.Chat, display))
                        {
                            found.Add(sink.Location is null ? sink.WithLocation(node.GetLocation()) : sink);
                        }
                    }
                }

                if (found.Count > 0)
                {
                    return found;
                }
            }

            return new[] { _ai.EndpointSinks.ForHost(SinkKind.Sdk, display, null, false, $"tool {tool.Name} is offered to a model (AIFunctionFactory.Create) whose chat client was not found in the member or type that offers it", null, null) };
        }

        private IEnumerable<SinkInfo> KernelSinks(SyntaxNode registration, IMethodSymbol tool)
        {
            var display = $"Kernel (result of tool {tool.Name})";
            if (_ai.Resolver.OperationOf(registration) is not IInvocationOperation call)
            {
                return Enumerable.Empty<SinkInfo>();
            }

            var receiver = call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : call.Instance;
            return _kernels.Sinks(receiver, display, anyRegistration: true);
        }

        private Offers FindOffers()
        {
            var offers = new Offers();
            var types = _ai.Types;
            foreach (var tree in _ai.Resolver.Compilation.SyntaxTrees)
            {
                var text = tree.GetText().ToString();
                bool functions = types.AIFunctionFactory is not null && text.IndexOf("AIFunctionFactory", StringComparison.Ordinal) >= 0;
                bool plugins = types.HasKernel && PluginMethods.Any(m => text.IndexOf(m, StringComparison.Ordinal) >= 0);
                if (!functions && !plugins)
                {
                    continue;
                }

                foreach (var node in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var name = CompilationIndex.MethodName(node);
                    if (functions && name == "Create")
                    {
                        AddFunction(offers, node);
                    }
                    else if (plugins && name is not null && PluginMethods.Contains(name))
                    {
                        AddPlugin(offers, node);
                    }
                }
            }

            return offers;
        }

        private void AddFunction(Offers offers, InvocationExpressionSyntax node)
        {
            if (_ai.Resolver.OperationOf(node) is not IInvocationOperation call ||
                !SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, _ai.Types.AIFunctionFactory))
            {
                return;
            }

            foreach (var argument in call.Arguments)
            {
                var value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (value is IDelegateCreationOperation { Target: IMethodReferenceOperation reference })
                {
                    Add(offers.Functions, reference.Method.OriginalDefinition, node);
                }
            }
        }

        private void AddPlugin(Offers offers, InvocationExpressionSyntax node)
        {
            if (_ai.Resolver.OperationOf(node) is not IInvocationOperation call)
            {
                return;
            }

            var method = call.TargetMethod;
            var ns = method.ContainingNamespace?.ToDisplayString();
            if (ns is null || !ns.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal))
            {
                return;
            }

            INamedTypeSymbol? plugin = null;
            if (method.Name.EndsWith("FromType", StringComparison.Ordinal) && method.TypeArguments.Length == 1)
            {
                plugin = method.TypeArguments[0] as INamedTypeSymbol;
            }
            else if (method.Name.EndsWith("FromObject", StringComparison.Ordinal))
            {
                var target = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "target")?.Value;
                plugin = target is null ? null : EndpointResolver.Strip(target).Type as INamedTypeSymbol;
            }

            if (plugin is not null)
            {
                Add(offers.Plugins, plugin.OriginalDefinition, node);
            }
        }

        private static void Add<TKey>(Dictionary<TKey, List<SyntaxNode>> map, TKey key, SyntaxNode node)
            where TKey : notnull
        {
            lock (map)
            {
                if (!map.TryGetValue(key, out var list))
                {
                    map[key] = list = new List<SyntaxNode>();
                }

                if (list.Count < 8)
                {
                    list.Add(node);
                }
            }
        }
    }
}
