using Microsoft.CodeAnalysis.Operations;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// Recognises one family of sinks (annotations, HTTP, SDK clients, residency.json methods). Providers are
    /// consulted in order; the first that recognises a call wins (docs/endpoints.md). This is all a provider must do:
    /// the engine's pre-filters need nothing from it (a provider may also implement <see cref="ISinkCandidates"/> to
    /// make the inventory's sink scan cheaper).
    /// </summary>
    internal interface ISinkProvider
    {
        SinkCall? TryResolve(IInvocationOperation invocation);
    }
}
