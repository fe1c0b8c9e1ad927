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
    /// Flurl.Http (docs/endpoints.md, "Flurl"): its request methods (<c>"https://…".PostJsonAsync(body)</c>,
    /// <c>url.SetQueryParam("email", e).GetJsonAsync&lt;T&gt;()</c>, <c>client.Request("path").PutJsonAsync(body)</c>, the
    /// <c>Get…</c>, <c>Post…</c>, <c>Put…</c>, <c>Patch…</c>, <c>Delete…</c>, <c>Head…</c>, <c>Options…</c>, <c>Send…</c> and
    /// <c>Download…</c> extension methods, and <c>SendAsync</c>) are HTTP requests: every argument is sent, the URL with its
    /// query included. The host is the URL's, followed back through Flurl's URL builders (<c>AppendPathSegment</c>,
    /// <c>SetQueryParam</c>, <c>WithHeader</c>, <c>WithOAuthBearerToken</c>, …) to a string, a <c>Url</c> or <c>Uri</c>, or a
    /// <c>FlurlClient</c>'s base URL (<c>new FlurlClient(baseUrl)</c>, a client cache's <c>Add</c>/<c>GetOrAdd(name, baseUrl)</c>).
    /// </summary>
    internal sealed class FlurlSinkProvider : ISinkProvider, ISinkCandidates
    {
        private const int MaxSteps = 16;

        private static readonly ImmutableArray<string> Verbs = ImmutableArray.Create("Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "Send", "Download");

        private readonly EndpointResolver _resolver;
        private readonly EndpointSinks _sinks;
        private readonly ImmutableArray<INamedTypeSymbol> _request;
        private readonly ImmutableArray<INamedTypeSymbol> _client;
        private readonly ImmutableArray<INamedTypeSymbol> _clientCache;
        private readonly ConcurrentDictionary<SyntaxNode, SinkCall?> _cache = new();

        public FlurlSinkProvider(EndpointResolver resolver, EndpointSinks sinks)
        {
            _resolver = resolver;
            _sinks = sinks;
            _request = resolver.Types.Resolve("Flurl.Http.IFlurlRequest");
            _client = resolver.Types.Resolve("Flurl.Http.IFlurlClient");
            _clientCache = resolver.Types.Resolve("Flurl.Http.Configuration.IFlurlClientCache");
        }

        public bool MayResolve(IMethodSymbol method) => IsRequest(method);

        public bool IsSinkHolder(ISymbol member) => false;

        public IEnumerable<string> WildcardTypes() => Enumerable.Empty<string>();

        public void AddCallNames(ISet<string> names)
        {
            if (_request.IsDefaultOrEmpty)
            {
                return; // Flurl.Http is not referenced
            }

            // Flurl's request methods are extension methods of a referenced assembly the declaration walk does not visit.
            var http = _request[0].ContainingAssembly.GlobalNamespace.GetNamespaceMembers().Where(n => n.Name == "Flurl")
                .SelectMany(n => n.GetNamespaceMembers()).Where(n => n.Name == "Http");
            foreach (var type in http.SelectMany(n => n.GetTypeMembers()))
            {
                foreach (var name in type.MemberNames)
                {
                    if (IsVerbName(name))
                    {
                        names.Add(name);
                    }
                }
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public SinkCall? TryResolve(IInvocationOperation invocation)
        {
            if (_request.IsDefaultOrEmpty || !IsRequest(invocation.TargetMethod))
            {
                return null;
            }

            return _cache.TryGetValue(invocation.Syntax, out var known) ? known : _cache.GetOrAdd(invocation.Syntax, _ => Guarded(invocation));
        }

        private static bool IsVerbName(string name)
        {
            if (!name.EndsWith("Async", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var verb in Verbs)
            {
                if (name.StartsWith(verb, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A request method of Flurl.Http: an extension method of its namespace named after an HTTP verb, or <c>SendAsync</c> of a request or client.</summary>
        private bool IsRequest(IMethodSymbol method)
        {
            if (_request.IsDefaultOrEmpty || !IsVerbName(method.Name) || method.ContainingType is not { } type || !IsFlurlHttp(type))
            {
                return false;
            }

            return method.IsExtensionMethod || method.ReducedFrom is not null || (method.Name == "SendAsync" && (IsOf(type, _request) || IsClient(type)));
        }

        private static bool IsOf(ITypeSymbol? type, ImmutableArray<INamedTypeSymbol> flurlType) =>
            EndpointTypes.Is(type?.OriginalDefinition, flurlType) || EndpointTypes.DerivesFrom(type, flurlType);

        private static bool IsFlurlHttp(INamedTypeSymbol type) =>
            type.ContainingNamespace is { Name: "Http", ContainingNamespace: { Name: "Flurl", ContainingNamespace.IsGlobalNamespace: true } };

        private static bool IsFlurl(INamespaceSymbol? ns)
        {
            for (; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                if (ns.Name == "Flurl" && ns.ContainingNamespace.IsGlobalNamespace)
                {
                    return true;
                }
            }

            return false;
        }

        // Endpoint resolution walks arbitrary (possibly half-typed) code: an unexpected failure makes the sink Unknown, never an AD0001.
        private SinkCall Guarded(IInvocationOperation cfgInvocation)
        {
            var invocation = _resolver.OperationOf(cfgInvocation.Syntax) as IInvocationOperation ?? cfgInvocation;
            var display = $"Flurl {invocation.TargetMethod.Name}";
            try
            {
                return Resolve(invocation, display);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new SinkCall(_sinks.ResolutionFailed(SinkKind.Http, display, e), allArguments: true, receiver: false, ImmutableArray<int>.Empty);
            }
        }

        private SinkCall Resolve(IInvocationOperation invocation, string display)
        {
            var target = invocation.TargetMethod.IsExtensionMethod || invocation.TargetMethod.ReducedFrom is not null ? EndpointResolver.FirstArgument(invocation) : invocation.Instance;
            var urls = new List<EndpointValue>();
            var leaves = new List<IOperation>();
            if (target is not null)
            {
                AddUrls(urls, target, 0, leaves: leaves);
            }

            var sinks = SinksFor(display, urls, "a Flurl request without URL");
            if (ParameterUrl.NoneResolved(sinks) && target is not null && ParameterUrl.Of(_resolver, leaves) is { IsEmpty: false } given)
            {
                // Task Post(string url, T body) => url.AppendPathSegment("contacts").PostJsonAsync(body): each call of Post says
                // where (ParameterUrl); the URL is followed again at each call, from its syntax.
                var syntax = target.Syntax;
                return new SinkCall(
                    ParameterUrl.Unresolved(_resolver, given, () => UrlsOf(syntax), (values, hint) => SinksFor(display, values, hint), UrlHint.Describe(leaves[0], _resolver) ?? "a parameter"),
                    allArguments: true,
                    receiver: false,
                    ImmutableArray<int>.Empty);
            }

            return new SinkCall(sinks, allArguments: true, receiver: false, ImmutableArray<int>.Empty);
        }

        /// <summary>The URLs of a request's target, found again from its syntax.</summary>
        private List<EndpointValue> UrlsOf(SyntaxNode target)
        {
            var urls = new List<EndpointValue>();
            if (_resolver.OperationOf(target) is { } operation)
            {
                AddUrls(urls, operation, 0);
            }

            return urls;
        }

        /// <summary>The sinks of a request's URLs; none found is the unknown sink named after <paramref name="target"/>.</summary>
        private ImmutableArray<SinkInfo> SinksFor(string display, List<EndpointValue> urls, string target)
        {
            var infos = new List<SinkInfo>();
            foreach (var value in urls)
            {
                infos.Add(_sinks.ForUrl(SinkKind.Http, display, value, "URL"));
            }

            if (infos.Count == 0)
            {
                infos.Add(_sinks.ForHost(SinkKind.Http, display, null, false, "the request's URL was not found (a string, Url or FlurlClient base URL)", null, null, target: target));
            }

            return EndpointSinks.Distinct(infos);
        }

        /// <summary>
        /// The URLs a request's target may have: followed back through Flurl's builders (an extension or instance method of
        /// the Flurl namespaces that returns a URL or request: its first argument or receiver), locals, fields and properties,
        /// to a string, a <c>Url</c> or <c>Uri</c>, or a client's base URL (<c>client.Request(…)</c>).
        /// </summary>
        private void AddUrls(List<EndpointValue> result, IOperation target, int steps, string? via = null, List<IOperation>? leaves = null)
        {
            if (steps > MaxSteps || result.Count >= 8)
            {
                return;
            }

            var origins = _resolver.Origins(target, 8);
            if (origins.Count == 0)
            {
                AddStrings(result, target, via, leaves); // configuration["Crm:Url"], a property no code assigns: its value, if known
                return;
            }

            foreach (var origin in origins)
            {
                switch (origin)
                {
                    case IInvocationOperation { TargetMethod.Name: "Request" } request when request.Instance is { } client && IsClient(client.Type):
                        // client.Request("customers"): the client's base URL (a segment may be absolute: not followed).
                        AddClientBaseUrls(result, client);
                        break;
                    case IInvocationOperation builder when IsFlurl(builder.TargetMethod.ContainingNamespace) && Previous(builder) is { } previous:
                        AddUrls(result, previous, steps + 1, via, leaves);
                        break;
                    case IObjectCreationOperation { Type.Name: "Url" } url when IsFlurl(url.Type?.ContainingNamespace) && url.Arguments.Length > 0:
                        AddUrls(result, url.Arguments[0].Value, steps + 1, "new Url", leaves);
                        break;
                    case IObjectCreationOperation { Type.Name: "FlurlRequest" } request when IsFlurl(request.Type?.ContainingNamespace) && request.Arguments.Length > 0:
                        AddUrls(result, request.Arguments[0].Value, steps + 1, via, leaves);
                        break;
                    default:
                        AddStrings(result, origin, via, leaves);
                        break;
                }
            }
        }

        /// <summary>What a Flurl builder was called on: an extension method's first argument, an instance method's receiver, or <c>Url.Combine</c>'s first part.</summary>
        private static IOperation? Previous(IInvocationOperation builder)
        {
            var method = builder.TargetMethod;
            if (method.IsExtensionMethod || method.ReducedFrom is not null || (method.IsStatic && method.Name == "Combine"))
            {
                // Url.Combine(params string[] parts): the first part.
                var first = EndpointResolver.FirstArgument(builder);
                return first is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } parts } ? parts[0] : first;
            }

            return method.IsStatic ? null : builder.Instance;
        }

        /// <summary>A value's strings; the value is added to <paramref name="leaves"/> (what a URL the method is given may be made from: ParameterUrl).</summary>
        private void AddStrings(List<EndpointValue> result, IOperation value, string? via, List<IOperation>? leaves = null)
        {
            leaves?.Add(value);
            foreach (var text in _resolver.Strings(value))
            {
                result.Add(via is null ? text : text.With(text.Text, text.Complete, $"{via} {text.ResolvedBy}"));
            }
        }

        private bool IsClient(ITypeSymbol? type) => IsOf(type, _client);

        /// <summary>
        /// A client's base URL: <c>new FlurlClient(baseUrl)</c> (or <c>(httpClient, baseUrl)</c>), or a client cache's
        /// <c>GetOrAdd(name, baseUrl)</c> / <c>Add(name, baseUrl)</c>, for <c>cache.Get(name)</c> the calls of that name anywhere.
        /// </summary>
        private void AddClientBaseUrls(List<EndpointValue> result, IOperation client)
        {
            foreach (var origin in _resolver.Origins(client, 8))
            {
                switch (origin)
                {
                    case IObjectCreationOperation creation when IsClient(creation.Type):
                        AddArgument(result, creation.Arguments, "baseUrl", "new FlurlClient(baseUrl)");
                        break;
                    case IInvocationOperation { TargetMethod.Name: "GetOrAdd" or "Add" } added when IsCache(added.Instance?.Type):
                        AddArgument(result, added.Arguments, "baseUrl", $"client cache {added.TargetMethod.Name}(baseUrl)");
                        break;
                    case IInvocationOperation { TargetMethod.Name: "Get", Arguments.Length: > 0 } named when IsCache(named.Instance?.Type):
                        var name = _resolver.Strings(named.Arguments[0].Value).FirstOrDefault(v => v.Complete)?.Text;
                        foreach (var method in new[] { "Add", "GetOrAdd" })
                        {
                            foreach (var registration in _resolver.Index.InvocationsOf("Flurl.Http.Configuration.IFlurlClientCache", method))
                            {
                                if (name is not null && registration.Arguments.Length > 0 && _resolver.Strings(registration.Arguments[0].Value).Any(v => v.Complete && v.Text == name))
                                {
                                    AddArgument(result, registration.Arguments, "baseUrl", $"client cache {method}(\"{name}\", baseUrl)");
                                }
                            }
                        }

                        break;
                }
            }
        }

        private bool IsCache(ITypeSymbol? type) => IsOf(type, _clientCache);

        private void AddArgument(List<EndpointValue> result, ImmutableArray<IArgumentOperation> arguments, string parameter, string via)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == parameter && EndpointResolver.IsWritten(argument))
                {
                    AddStrings(result, argument.Value, via);
                }
            }
        }
    }
}
