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
    /// Refit interfaces (docs/endpoints.md, "Refit"): a call of an interface method that carries one of Refit's HTTP
    /// method attributes (<c>[Get]</c>, <c>[Post]</c>, …; they derive from <c>Refit.HttpMethodAttribute</c>) is an HTTP
    /// request, and every argument is sent (body, query, path and header parameters). The host is the base address of
    /// the client behind the interface: the <c>RestService.For&lt;T&gt;(url | httpClient)</c> that made the receiver, else
    /// every such creation of the interface and every <c>AddRefitClient&lt;T&gt;().ConfigureHttpClient(c =&gt; c.BaseAddress = …)</c>
    /// registration in the compilation, else unknown. Being a sink, the call is not followed into the implementation
    /// Refit's source generator adds to the compilation.
    /// </summary>
    internal sealed class RefitSinkProvider : ISinkProvider, ISinkCandidates
    {
        private const int MaxDepth = 8;

        private readonly EndpointResolver _resolver;
        private readonly EndpointSinks _sinks;
        private readonly ImmutableArray<INamedTypeSymbol> _httpMethodAttribute;
        private readonly ImmutableArray<INamedTypeSymbol> _restService;
        private readonly ConcurrentDictionary<IMethodSymbol, string> _verbs = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxNode, SinkCall?> _cache = new();

        public RefitSinkProvider(EndpointResolver resolver, EndpointSinks sinks)
        {
            _resolver = resolver;
            _sinks = sinks;
            _httpMethodAttribute = resolver.Types.Resolve("Refit.HttpMethodAttribute");
            _restService = resolver.Types.Resolve("Refit.RestService");
        }

        public bool MayResolve(IMethodSymbol method) => Verb(method) is not null;

        public bool IsSinkHolder(ISymbol member) => false;

        public IEnumerable<string> WildcardTypes() => Enumerable.Empty<string>();

        public void AddCallNames(ISet<string> names)
        {
            // The interfaces are the compilation's own (or a referenced library's): their methods are found by MayResolve.
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public SinkCall? TryResolve(IInvocationOperation invocation)
        {
            if (_httpMethodAttribute.IsDefaultOrEmpty)
            {
                return null; // Refit is not referenced
            }

            var verb = Verb(invocation.TargetMethod);
            if (verb is null)
            {
                return null;
            }

            return _cache.TryGetValue(invocation.Syntax, out var known) ? known : _cache.GetOrAdd(invocation.Syntax, _ => Guarded(invocation, verb));
        }

        /// <summary>The HTTP method of a Refit interface method (<c>POST</c> for <c>[Post("/v2/score")]</c>); null for any other method. Memoised.</summary>
        private string? Verb(IMethodSymbol method)
        {
            if (_httpMethodAttribute.IsDefaultOrEmpty || method.ContainingType is not { TypeKind: TypeKind.Interface } || method.IsStatic)
            {
                return null;
            }

            method = method.OriginalDefinition;
            var verb = _verbs.TryGetValue(method, out var known) ? known : _verbs.GetOrAdd(method, ComputeVerb);
            return verb.Length == 0 ? null : verb;
        }

        private string ComputeVerb(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                // [Post] is PostAttribute : HttpMethodAttribute; an attribute of one's own may derive from [Post].
                for (var type = attribute.AttributeClass; type?.BaseType is { } baseType; type = baseType)
                {
                    if (EndpointTypes.Is(baseType, _httpMethodAttribute))
                    {
                        var name = type.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Attribute".Length) : type.Name;
                        return name.ToUpperInvariant();
                    }
                }
            }

            return string.Empty;
        }

        // Endpoint resolution walks arbitrary (possibly half-typed) code: an unexpected failure makes the sink Unknown, never an AD0001.
        private SinkCall Guarded(IInvocationOperation invocation, string verb)
        {
            var display = $"{invocation.TargetMethod.ContainingType?.Name}.{invocation.TargetMethod.Name} {verb}";
            try
            {
                return Resolve(invocation, display);
            }
            catch (System.Exception e) when (e is not System.OperationCanceledException)
            {
                return new SinkCall(_sinks.ResolutionFailed(SinkKind.Http, display, e), allArguments: true, receiver: false, ImmutableArray<int>.Empty);
            }
        }

        private SinkCall Resolve(IInvocationOperation cfgInvocation, string display)
        {
            var invocation = _resolver.OperationOf(cfgInvocation.Syntax) as IInvocationOperation ?? cfgInvocation;
            var receiver = invocation.Instance;
            var api = (receiver?.Type as INamedTypeSymbol ?? invocation.TargetMethod.ContainingType)?.OriginalDefinition;

            // 1. The RestService.For<T>(…) that made the receiver (through locals, fields and properties).
            var bases = new List<EndpointValue>();
            if (receiver is not null)
            {
                foreach (var origin in _resolver.Origins(receiver, MaxDepth))
                {
                    if (origin is IInvocationOperation creation && IsRestServiceFor(creation) && bases.Count < 8)
                    {
                        bases.AddRange(FromRestService(creation));
                    }
                }
            }

            // 2. An injected (or otherwise untraced) client: every creation of the interface and its DI registrations.
            if (bases.Count == 0 && api is not null)
            {
                foreach (var creation in _resolver.Index.InvocationsOf("Refit.RestService", "For").Concat(_resolver.Index.InvocationsOf("Refit.RestService", "ForGenerated")))
                {
                    if (Creates(creation, api))
                    {
                        bases.AddRange(FromRestService(creation));
                    }
                }

                foreach (var value in _resolver.Index.RefitClientBaseAddresses(api))
                {
                    bases.AddRange(_resolver.Strings(value).Select(v => v.With(v.Text, v.Complete, "AddRefitClient BaseAddress " + v.ResolvedBy)));
                }
            }

            var infos = new List<SinkInfo>();
            if (bases.Count == 0)
            {
                infos.Add(_sinks.ForHost(SinkKind.Http, display, null, false,
                    $"no base address found for the Refit client (RestService.For<{api?.Name}>(…) or AddRefitClient<{api?.Name}>().ConfigureHttpClient(c => c.BaseAddress = …))",
                    null, null, target: $"{api?.Name ?? "a Refit client"} without base address"));
            }

            foreach (var value in bases)
            {
                infos.Add(_sinks.ForUrl(SinkKind.Http, display, value, "base address"));
            }

            return new SinkCall(EndpointSinks.Distinct(infos), allArguments: true, receiver: false, ImmutableArray<int>.Empty);
        }

        private bool IsRestServiceFor(IInvocationOperation invocation) =>
            invocation.TargetMethod.Name is "For" or "ForGenerated" && EndpointTypes.Is(invocation.TargetMethod.ContainingType, _restService);

        /// <summary>
        /// Whether a <c>RestService.For</c> call makes a client of <paramref name="api"/>: <c>For&lt;T&gt;(…)</c> or
        /// <c>For(typeof(T), …)</c>, or the same forms of <c>ForGenerated</c> (the source-generated client; Refit 17 has only these).
        /// </summary>
        private bool Creates(IInvocationOperation creation, INamedTypeSymbol api)
        {
            if (!IsRestServiceFor(creation))
            {
                return false;
            }

            foreach (var typeArgument in creation.TargetMethod.TypeArguments)
            {
                if (SymbolEqualityComparer.Default.Equals(typeArgument.OriginalDefinition, api))
                {
                    return true;
                }
            }

            return creation.Arguments.Any(a => EndpointResolver.Strip(a.Value) is ITypeOfOperation typeOf && SymbolEqualityComparer.Default.Equals(typeOf.TypeOperand.OriginalDefinition, api));
        }

        /// <summary>The base address a <c>RestService.For</c> call gives its client: the host URL argument, or the HttpClient argument's BaseAddress.</summary>
        private List<EndpointValue> FromRestService(IInvocationOperation creation)
        {
            var result = new List<EndpointValue>();
            foreach (var argument in creation.Arguments)
            {
                if (!EndpointResolver.IsWritten(argument))
                {
                    continue;
                }

                var type = argument.Parameter?.Type;
                if (type?.SpecialType == SpecialType.System_String)
                {
                    result.AddRange(_resolver.Strings(argument.Value).Select(v => v.With(v.Text, v.Complete, "RestService.For " + v.ResolvedBy)));
                }
                else if (EndpointTypes.Is(type, _resolver.Types.HttpClient))
                {
                    result.AddRange(_resolver.BaseAddress(argument.Value).Select(v => v.With(v.Text, v.Complete, "RestService.For HttpClient BaseAddress " + v.ResolvedBy)));
                }
            }

            return result;
        }
    }
}
