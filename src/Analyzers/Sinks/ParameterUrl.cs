using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// The destination of a sink whose URL is made from parameters of the method that makes the call: a helper that sends
    /// to the URL it is given (<c>Task Post(string url, T body) =&gt; http.PostAsJsonAsync(url, body)</c>, or
    /// <c>$"{baseUrl}/contacts"</c>). In the helper the destination is unknown; at each call of the helper it is what the
    /// URL is with the arguments that call passes (a constant, a configuration key, a path relative to the client's base
    /// address), read as if they had been written in the helper. The flow analysis asks <see cref="At"/> where it applies a
    /// callee's parameter sinks, so a caller's finding names the host its own arguments give (docs/endpoints.md "A URL given
    /// to a helper"). Arguments that are themselves parameters of the caller hand the question on to the caller's callers.
    /// </summary>
    internal sealed class ParameterUrl
    {
        private const int MaxParameters = 8;

        private readonly EndpointResolver _resolver;
        private readonly Func<List<EndpointValue>> _values;
        private readonly Func<List<EndpointValue>, string, ImmutableArray<SinkInfo>> _sinks;
        private readonly ConcurrentDictionary<SyntaxNode, ImmutableArray<SinkInfo>> _calls = new();

        private ParameterUrl(EndpointResolver resolver, ImmutableArray<IParameterSymbol> parameters, Func<List<EndpointValue>> values, Func<List<EndpointValue>, string, ImmutableArray<SinkInfo>> sinks)
        {
            _resolver = resolver;
            Parameters = parameters;
            Method = parameters[0].ContainingSymbol;
            _values = values;
            _sinks = sinks;
        }

        /// <summary>The method whose calls give the URL.</summary>
        public ISymbol Method { get; }

        /// <summary>The parameters of <see cref="Method"/> the URL is made from (original definitions), in order.</summary>
        public ImmutableArray<IParameterSymbol> Parameters { get; }

        /// <summary>
        /// The parameters of the method that contains <paramref name="url"/> which the URL's value is made from (read directly,
        /// in an interpolation or concatenation, or through a local assigned from them): strings and <c>Uri</c>s only.
        /// </summary>
        public static ImmutableArray<IParameterSymbol> Of(EndpointResolver resolver, IOperation? url) =>
            url is null ? ImmutableArray<IParameterSymbol>.Empty : Of(resolver, new[] { url });

        /// <summary>The parameters of one method that any of <paramref name="values"/> is made from (see <see cref="Of(EndpointResolver, IOperation)"/>).</summary>
        public static ImmutableArray<IParameterSymbol> Of(EndpointResolver resolver, IEnumerable<IOperation> values)
        {
            var builder = ImmutableArray.CreateBuilder<IParameterSymbol>();
            foreach (var value in values)
            {
                foreach (var origin in resolver.Origins(value, 4))
                {
                    foreach (var operation in origin.DescendantsAndSelf())
                    {
                        if (operation is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol } parameter } && resolver.Types.IsUrlText(parameter.Type) &&
                            !builder.Contains(parameter.OriginalDefinition) && builder.Count < MaxParameters &&
                            (builder.Count == 0 || SymbolEqualityComparer.Default.Equals(builder[0].ContainingSymbol, parameter.OriginalDefinition.ContainingSymbol)))
                        {
                            builder.Add(parameter.OriginalDefinition);
                        }
                    }
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>
        /// The unknown sink of a call whose URL is made from <paramref name="parameters"/> (see <see cref="Of(EndpointResolver, IOperation)"/>, not empty):
        /// <paramref name="values"/> reads the URL's values (under <see cref="EndpointResolver.WithArguments"/> at a call),
        /// <paramref name="sinks"/> makes the sinks of values, or, for none, the unknown sink for the target given (what the URL
        /// is: <c>parameter 'url'</c>, <c>configuration key Crm:Url</c>); <paramref name="target"/> is this sink's.
        /// </summary>
        public static SinkInfo Unresolved(EndpointResolver resolver, ImmutableArray<IParameterSymbol> parameters, Func<List<EndpointValue>> values, Func<List<EndpointValue>, string, ImmutableArray<SinkInfo>> sinks, string target) =>
            sinks(new List<EndpointValue>(), target)[0].WithUrlParameter(new ParameterUrl(resolver, parameters, values, sinks));

        /// <summary>
        /// The unknown sink of a call whose URL value <paramref name="url"/> is made from parameters of the calling method, read
        /// again as a string at each call (<see cref="Unresolved"/>); null when it is made from none.
        /// </summary>
        public static SinkInfo? ForValue(EndpointResolver resolver, IOperation url, Func<List<EndpointValue>, string, ImmutableArray<SinkInfo>> sinks)
        {
            var parameters = Of(resolver, url);
            if (parameters.IsEmpty)
            {
                return null;
            }

            var syntax = url.Syntax;
            return Unresolved(resolver, parameters, () => resolver.Strings(resolver.OperationOf(syntax)), sinks, UrlHint.Describe(url, resolver) ?? "a parameter");
        }

        /// <summary>
        /// The sinks <paramref name="unbound"/> (this URL's sink) stands for at <paramref name="call"/>, a call of
        /// <paramref name="callee"/>: <paramref name="unbound"/> itself unless the call is one of <see cref="Method"/>.
        /// Memoised per call: the flow analysis asks on each of its passes.
        /// </summary>
        public ImmutableArray<SinkInfo> At(SyntaxNode call, IMethodSymbol callee, SinkInfo unbound)
        {
            if (!SymbolEqualityComparer.Default.Equals(callee.OriginalDefinition, Method))
            {
                return ImmutableArray.Create(unbound);
            }

            return _calls.GetOrAdd(call, node => Resolve(node, unbound));
        }

        private ImmutableArray<SinkInfo> Resolve(SyntaxNode call, SinkInfo unbound)
        {
            try
            {
                // The arguments as syntax (an omitted one as its default's values): the reading below runs again for each caller
                // further up, and must not keep operations.
                var arguments = new List<(IParameterSymbol Parameter, SyntaxNode? Argument, List<EndpointValue>? Default)>();
                IOperation? first = null;
                foreach (var argument in Arguments(_resolver.OperationOf(call)))
                {
                    foreach (var parameter in Parameters)
                    {
                        if (argument.Parameter?.Ordinal == parameter.Ordinal)
                        {
                            var written = EndpointResolver.IsWritten(argument);
                            arguments.Add((parameter, written ? argument.Value.Syntax : null, written ? null : _resolver.Strings(argument.Value)));
                            first ??= written ? argument.Value : null;
                        }
                    }
                }

                if (arguments.Count == 0)
                {
                    return ImmutableArray.Create(unbound);
                }

                List<EndpointValue> AtCall()
                {
                    var given = new Dictionary<IParameterSymbol, List<EndpointValue>>(SymbolEqualityComparer.Default);
                    foreach (var (parameter, argument, defaultValues) in arguments)
                    {
                        given[parameter] = argument is null ? defaultValues! : _resolver.Strings(_resolver.OperationOf(argument));
                    }

                    return _resolver.WithArguments(given, _values);
                }

                var target = (first is null ? null : UrlHint.Describe(first, _resolver)) ?? $"parameter '{Parameters[0].Name}'";
                var sinks = _sinks(AtCall(), target);
                if (!NoneResolved(sinks))
                {
                    return sinks;
                }

                // Forward(string target, T body) => Post(target, body): the URL is made from the caller's own parameters, whose callers say.
                var given = new List<IOperation>();
                foreach (var (_, argument, _) in arguments)
                {
                    if (argument is not null && _resolver.OperationOf(argument) is { } operation)
                    {
                        given.Add(operation);
                    }
                }

                var outer = Of(_resolver, given);
                return outer.IsEmpty ? sinks : ImmutableArray.Create(Unresolved(_resolver, outer, AtCall, _sinks, target));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Half-typed code at a keystroke: the helper's own unknown sink, never an AD0001.
                return ImmutableArray.Create(unbound);
            }
        }

        /// <summary>
        /// Whether no sink of a call names where it goes: all unknown, with no host (an unresolved or relative URL, a host built
        /// from an unknown part). A host outside the catalogue is a destination, and so is an internal one.
        /// </summary>
        public static bool NoneResolved(ImmutableArray<SinkInfo> sinks)
        {
            foreach (var sink in sinks)
            {
                if (sink.IsInternal || !string.IsNullOrEmpty(sink.Host) || sink.Region.Kind != Regions.RegionKind.Unknown)
                {
                    return false;
                }
            }

            return true;
        }

        private static ImmutableArray<IArgumentOperation> Arguments(IOperation? call) => call switch
        {
            IInvocationOperation invocation => invocation.Arguments,
            IObjectCreationOperation creation => creation.Arguments,
            _ => ImmutableArray<IArgumentOperation>.Empty,
        };
    }
}
