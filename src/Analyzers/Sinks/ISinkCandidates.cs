using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// Optional, for the inventory's sink scan only: which calls a provider may recognise, judged from declarations, so
    /// that bodies that cannot call a sink are not bound just to list sinks. A provider that does not implement it is
    /// sound by default (every body is then scanned for sinks); it is never needed to find personal-data flows.
    /// </summary>
    internal interface ISinkCandidates
    {
        /// <summary>Whether a call to <paramref name="method"/> may be recognised. Must not answer false for a method the provider can resolve.</summary>
        bool MayResolve(IMethodSymbol method);

        /// <summary>Whether calls made through this field or property are sinks whatever the method (a <c>[DataSink]</c> client).</summary>
        bool IsSinkHolder(ISymbol member);

        /// <summary>
        /// Method names this provider may recognise that a walk of the compilation's own types and of the assemblies
        /// that reference the annotations would not find (framework and SDK methods, residency.json entries).
        /// </summary>
        void AddCallNames(ISet<string> names);

        /// <summary>Types every method of which may be a sink (<c>Type.*</c> entries): their assemblies are walked too.</summary>
        IEnumerable<string> WildcardTypes();
    }
}
