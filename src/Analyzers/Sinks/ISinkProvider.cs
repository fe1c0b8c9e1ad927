using Microsoft.CodeAnalysis.Operations;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// Recognises one family of sinks (annotations, HTTP, SDK clients, residency.json methods). Providers are
    /// consulted in order; the first that recognises a call wins (SPEC §5 order).
    /// </summary>
    internal interface ISinkProvider
    {
        SinkCall? TryResolve(IInvocationOperation invocation);
    }
}
