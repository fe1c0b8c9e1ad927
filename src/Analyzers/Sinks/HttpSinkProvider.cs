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
    /// HTTP requests (docs/endpoints.md): HttpClient's Get/Post/Put/Patch/Delete/Send/GetString/GetByteArray/GetStream and the
    /// System.Net.Http.Json extensions. The region comes from the request URI (or the HttpRequestMessage's), combined
    /// with the client's BaseAddress. Everything passed to the call (URI, content, request) is sent; the client is not.
    /// </summary>
    internal sealed class HttpSinkProvider : ISinkProvider, ISinkCandidates
    {
        private static readonly ImmutableHashSet<string> ClientMethods = ImmutableHashSet.Create(
            "GetAsync", "PostAsync", "PutAsync", "PatchAsync", "DeleteAsync", "SendAsync", "Send",
            "GetStringAsync", "GetByteArrayAsync", "GetStreamAsync");

        private static readonly ImmutableHashSet<string> JsonMethods = ImmutableHashSet.Create(
            "GetFromJsonAsync", "GetFromJsonAsAsyncEnumerable", "PostAsJsonAsync", "PutAsJsonAsync", "PatchAsJsonAsync", "DeleteFromJsonAsync");

        private readonly EndpointResolver _resolver;
        private readonly EndpointSinks _sinks;
        private readonly ConcurrentDictionary<SyntaxNode, SinkCall?> _cache = new();

        public HttpSinkProvider(EndpointResolver resolver, EndpointSinks sinks)
        {
            _resolver = resolver;
            _sinks = sinks;
        }

        public bool MayResolve(IMethodSymbol method) => ClientMethods.Contains(method.Name) || JsonMethods.Contains(method.Name);

        public bool IsSinkHolder(ISymbol member) => false;

        /// <inheritdoc/>
        public System.Collections.Generic.IEnumerable<string> WildcardTypes() => System.Linq.Enumerable.Empty<string>();

        public void AddCallNames(ISet<string> names)
        {
            names.UnionWith(ClientMethods);
            names.UnionWith(JsonMethods);
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public SinkCall? TryResolve(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            if (type is null)
            {
                return null;
            }

            bool client = ClientMethods.Contains(method.Name) && EndpointTypes.Is(type, _resolver.Types.HttpClient);
            bool json = !client && JsonMethods.Contains(method.Name) && EndpointTypes.Is(type, _resolver.Types.HttpClientJsonExtensions);
            if (!client && !json)
            {
                return null;
            }

            return _cache.GetOrAdd(invocation.Syntax, _ => Guarded(invocation, json));
        }

        // Endpoint resolution walks arbitrary (possibly half-typed) code: an unexpected failure makes the sink Unknown, never an AD0001.
        private SinkCall Guarded(IInvocationOperation invocation, bool json)
        {
            try
            {
                return Resolve(invocation, json);
            }
            catch (System.Exception e) when (e is not System.OperationCanceledException)
            {
                var sink = _sinks.ResolutionFailed(SinkKind.Http, "HTTP", e);
                return new SinkCall(sink, allArguments: !json, receiver: false, json ? invocation.TargetMethod.Parameters.Where(p => p.Ordinal > 0).Select(p => p.Ordinal).ToImmutableArray() : ImmutableArray<int>.Empty);
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private SinkCall Resolve(IInvocationOperation cfgInvocation, bool json)
        {
            var invocation = _resolver.OperationOf(cfgInvocation.Syntax) as IInvocationOperation ?? cfgInvocation;
            var method = invocation.TargetMethod;
            var clientExpression = json ? EndpointResolver.FirstArgument(invocation) : invocation.Instance;
            var verb = Verb(method.Name);

            List<EndpointValue>? requests = null;
            bool relativeToBase = false;
            var uriArgument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "requestUri");
            var requestArgument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "request");
            if (uriArgument is not null)
            {
                if (uriArgument.Value.ConstantValue is { HasValue: true, Value: null })
                {
                    relativeToBase = true; // GetAsync((string?)null): the BaseAddress itself
                }
                else
                {
                    requests = _resolver.Strings(uriArgument.Value);
                }
            }
            else if (requestArgument is not null)
            {
                requests = new List<EndpointValue>();
                var named = false;
                foreach (var creation in Creations(requestArgument.Value))
                {
                    var ctorUri = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "requestUri");
                    if (ctorUri is not null)
                    {
                        requests.AddRange(_resolver.Strings(ctorUri.Value));
                        named |= ctorUri.Value.ConstantValue is not { HasValue: true, Value: null };
                    }

                    if (verb == "SEND" && creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "method")?.Value is IPropertyReferenceOperation { Property.Name: { } httpMethod })
                    {
                        verb = httpMethod.ToUpperInvariant();
                    }
                }

                foreach (var value in _resolver.PropertyValues(requestArgument.Value, "RequestUri"))
                {
                    requests.AddRange(_resolver.Strings(value));
                    named = true;
                }

                if (requests.Count == 0 && !named && Creations(requestArgument.Value).Count > 0)
                {
                    relativeToBase = true; // new HttpRequestMessage() with no URI: the BaseAddress
                }
            }

            var display = $"HTTP {verb}";
            if (relativeToBase)
            {
                requests = new List<EndpointValue> { new(string.Empty, true, "BaseAddress", null) };
            }

            List<EndpointValue>? bases = null;
            string? client = null;
            List<EndpointValue> Bases() => bases ??= _resolver.BaseAddress(clientExpression);
            string Client() => client ??= UrlHint.Describe(clientExpression, _resolver) ?? "a client";
            var sinks = SinksFor(display, requests ?? new List<EndpointValue>(), Bases, Client, uriArgument?.Value.Syntax.GetLocation(),
                () => UrlHint.Describe(uriArgument?.Value ?? requestArgument?.Value, _resolver));
            if (ParameterUrl.NoneResolved(sinks) && Url(uriArgument?.Value, requestArgument?.Value) is { } url && HelperSink(url, display, Bases(), Client()) is { } helper)
            {
                sinks = ImmutableArray.Create(helper); // Post(string url, T body) => http.PostAsJsonAsync(url, body): each call of Post says where
            }

            if (json)
            {
                var ordinals = method.Parameters.Where(p => p.Ordinal > 0).Select(p => p.Ordinal).ToImmutableArray();
                return new SinkCall(sinks, allArguments: false, receiver: false, ordinals);
            }

            return new SinkCall(sinks, allArguments: true, receiver: false, ImmutableArray<int>.Empty);
        }

        /// <summary>
        /// The sinks of request URLs on a client: an absolute URL's host, a relative one's client base addresses
        /// (<paramref name="bases"/>, asked only then); no URL at all is the unknown sink named after <paramref name="target"/>
        /// (what the URL comes from, described only then).
        /// </summary>
        private ImmutableArray<SinkInfo> SinksFor(string display, List<EndpointValue> requests, System.Func<List<EndpointValue>> bases, System.Func<string> client, Location? uriLocation, System.Func<string?> target)
        {
            var infos = new List<SinkInfo>();
            if (requests.Count == 0)
            {
                infos.Add(_sinks.ForHost(SinkKind.Http, display, null, false, "request URI not resolved (not a constant, configuration key with a value, or known base address)", null, null, target: target()));
            }

            foreach (var request in requests)
            {
                var parsed = UrlText.Parse(request.Text, request.Complete);
                if (parsed.IsAbsolute)
                {
                    infos.Add(_sinks.ForHost(SinkKind.Http, display, parsed.Host, parsed.IsServiceDiscovery, request.ResolvedBy, request.Location ?? uriLocation, null));
                    continue;
                }

                var baseAddresses = bases();
                if (baseAddresses.Count == 0)
                {
                    infos.Add(_sinks.ForHost(SinkKind.Http, display, null, false, $"relative request URI '{request.Text}' and no BaseAddress found for the client", request.Location, null,
                        target: $"relative '{UrlHint.Shorten(request.Text)}' on {client()} without BaseAddress"));
                    continue;
                }

                foreach (var b in baseAddresses)
                {
                    var baseUrl = UrlText.Parse(b.Text, b.Complete);
                    infos.Add(_sinks.ForHost(SinkKind.Http, display, baseUrl.Host, baseUrl.IsServiceDiscovery, "BaseAddress " + b.ResolvedBy, b.Location, null));
                }
            }

            return EndpointSinks.Distinct(infos);
        }

        /// <summary>
        /// The sink of a request whose URL is made from the calling method's parameters (<see cref="ParameterUrl"/>), or null.
        /// Its own method, so that the sinks the calls resolve hold the client's base addresses and name as read here, and no
        /// operation of the calling method.
        /// </summary>
        private SinkInfo? HelperSink(IOperation url, string display, List<EndpointValue> bases, string client) =>
            ParameterUrl.ForValue(_resolver, url, (values, target) => SinksFor(display, values, () => bases, () => client, null, () => target));

        /// <summary>
        /// A request's URL: the call's URI argument, or the <c>requestUri</c> of the one <c>HttpRequestMessage</c> it sends.
        /// </summary>
        private IOperation? Url(IOperation? uri, IOperation? request)
        {
            if (uri is not null)
            {
                return uri;
            }

            return request is not null && Creations(request) is { Count: 1 } creations
                ? creations[0].Arguments.FirstOrDefault(a => a.Parameter?.Name == "requestUri")?.Value
                : null;
        }

        private List<IObjectCreationOperation> Creations(IOperation operation) =>
            _resolver.Origins(operation, maxDepth: 6).OfType<IObjectCreationOperation>().ToList();

        private static string Verb(string method)
        {
            if (method.StartsWith("Post", System.StringComparison.Ordinal))
            {
                return "POST";
            }

            if (method.StartsWith("Put", System.StringComparison.Ordinal))
            {
                return "PUT";
            }

            if (method.StartsWith("Patch", System.StringComparison.Ordinal))
            {
                return "PATCH";
            }

            if (method.StartsWith("Delete", System.StringComparison.Ordinal))
            {
                return "DELETE";
            }

            return method.StartsWith("Send", System.StringComparison.Ordinal) ? "SEND" : "GET";
        }
    }
}
