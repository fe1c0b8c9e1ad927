using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// The methods that implement a declared sink: a method annotated <c>[DataSink]</c> (itself, or the member it overrides
    /// or implements), a method of a <c>[DataSink]</c> type, and the local functions and lambdas inside them. Their own
    /// calls — the HTTP post to the CRM inside <c>[DataSink("DE", Recipient = "Muster CRM GmbH")] UpsertAsync</c> — are how
    /// the sink sends its data: the flow is the one into the annotated sink, with the annotation's region, and the calls
    /// inside are not sinks of their own (no second flow, no unknown endpoint). A <c>[DataSink]</c> on a parameter only
    /// marks that argument and does not make the method an implementation. Memoised per method.
    /// </summary>
    internal sealed class SinkImplementations
    {
        private readonly AnnotationSinkProvider _annotations;
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _implements = new(SymbolEqualityComparer.Default);

        public SinkImplementations(AnnotationSinkProvider annotations)
        {
            _annotations = annotations;
        }

        /// <summary>Whether the body of <paramref name="method"/> is (part of) the implementation of a declared sink.</summary>
        public bool Contains(IMethodSymbol method)
        {
            method = (IMethodSymbol)method.OriginalDefinition;
            return _implements.TryGetValue(method, out var known) ? known : _implements.GetOrAdd(method, Compute); // no delegate on a hit
        }

        private bool Compute(IMethodSymbol method)
        {
            // A local function or lambda belongs to the method around it.
            ISymbol? current = method;
            while (current is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } inner)
            {
                current = inner.ContainingSymbol;
            }

            return current is IMethodSymbol outer && _annotations.IsDeclaredSink(outer);
        }
    }
}
