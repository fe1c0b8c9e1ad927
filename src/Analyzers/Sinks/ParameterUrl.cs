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
    /// The destination of a sink whose URL is a parameter of the method that makes the call: a helper that sends to the
    /// URL it is given (<c>Task Post(string url, T body) =&gt; http.PostAsJsonAsync(url, body)</c>). In the helper the
    /// destination is unknown; at each call of the helper it is what that call passes (a constant, a configuration key, a
    /// path relative to the client's base address), resolved as if it had been written in the helper. The flow analysis
    /// asks <see cref="At"/> where it applies a callee's parameter sinks, so a caller's finding names the host its own
    /// argument gives (docs/endpoints.md "A URL given to a helper"). An argument that is itself a parameter of the caller
    /// hands the question on to the caller's callers.
    /// </summary>
    internal sealed class ParameterUrl
    {
        private readonly EndpointResolver _resolver;
        private readonly Func<List<EndpointValue>, string, ImmutableArray<SinkInfo>> _sinks;
        private readonly ConcurrentDictionary<SyntaxNode, ImmutableArray<SinkInfo>> _calls = new();

        /// <param name="resolver">The endpoint resolver of the compilation.</param>
        /// <param name="parameter">The parameter the URL comes from.</param>
        /// <param name="sinks">
        /// The sinks for the URL values a call passes, or, for none, the unknown sink for the target given (what the
        /// argument is: <c>parameter 'url'</c>, <c>configuration key Crm:Url</c>).
        /// </param>
        public ParameterUrl(EndpointResolver resolver, IParameterSymbol parameter, Func<List<EndpointValue>, string, ImmutableArray<SinkInfo>> sinks)
        {
            _resolver = resolver;
            Parameter = parameter.OriginalDefinition;
            _sinks = sinks;
        }

        /// <summary>The parameter the URL comes from (its original definition).</summary>
        public IParameterSymbol Parameter { get; }

        /// <summary>The unknown sink of a call that sends to <paramref name="parameter"/>'s URL, which each of its callers resolves.</summary>
        public static SinkInfo Unresolved(EndpointResolver resolver, IParameterSymbol parameter, Func<List<EndpointValue>, string, ImmutableArray<SinkInfo>> sinks)
        {
            var url = new ParameterUrl(resolver, parameter, sinks);
            return url.Carried(sinks(new List<EndpointValue>(), Describe(parameter))[0]);
        }

        /// <summary>
        /// The sinks <paramref name="unbound"/> (this URL's sink) stands for at <paramref name="call"/>, a call of
        /// <paramref name="callee"/>: <paramref name="unbound"/> itself unless the call is one of the method this URL is a
        /// parameter of. Memoised per call: the flow analysis asks on each of its passes.
        /// </summary>
        public ImmutableArray<SinkInfo> At(SyntaxNode call, IMethodSymbol callee, SinkInfo unbound)
        {
            if (!SymbolEqualityComparer.Default.Equals(callee.OriginalDefinition, Parameter.ContainingSymbol))
            {
                return ImmutableArray.Create(unbound);
            }

            return _calls.GetOrAdd(call, node => Resolve(node, unbound));
        }

        private ImmutableArray<SinkInfo> Resolve(SyntaxNode call, SinkInfo unbound)
        {
            try
            {
                var argument = ArgumentOf(_resolver.OperationOf(call));
                if (argument is null)
                {
                    return ImmutableArray.Create(unbound);
                }

                var values = _resolver.Strings(argument);
                if (values.Count > 0)
                {
                    return _sinks(values, string.Empty);
                }

                if (EndpointResolver.Strip(argument) is IParameterReferenceOperation { Parameter: { } outer } && _resolver.Types.IsUrlText(outer.Type))
                {
                    // Forward(string target, T body) => Post(target, body): the callers of Forward say.
                    return ImmutableArray.Create(new ParameterUrl(_resolver, outer, _sinks).Carried(_sinks(values, Describe(outer))[0]));
                }

                return _sinks(values, UrlHint.Describe(argument, _resolver) ?? Describe(Parameter));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Half-typed code at a keystroke: the helper's own unknown sink, never an AD0001.
                return ImmutableArray.Create(unbound);
            }
        }

        private IOperation? ArgumentOf(IOperation? call)
        {
            var arguments = call switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };

            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == Parameter.Ordinal)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private SinkInfo Carried(SinkInfo sink) => sink.WithUrlParameter(this);

        private static string Describe(IParameterSymbol parameter) => $"parameter '{parameter.Name}'";
    }
}
