using System.Collections.Generic;
using Microsoft.CodeAnalysis;
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

        /// <summary>
        /// For the syntactic pre-filter (the flow engine's candidate index): whether a call to <paramref name="method"/>
        /// may be recognised, judged from the declaration alone. Must not answer false for a method it can resolve.
        /// </summary>
        bool MayResolve(IMethodSymbol method);

        /// <summary>Whether calls made through this field or property are sinks whatever the method (a <c>[DataSink]</c> client).</summary>
        bool IsSinkHolder(ISymbol member);

        /// <summary>
        /// Method names this provider may recognise that a walk of the compilation's own types and of the assemblies
        /// that reference the annotations would not find (framework and SDK methods, residency.json entries).
        /// </summary>
        void AddCallNames(ISet<string> names);
    }
}
