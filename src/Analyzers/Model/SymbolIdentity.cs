using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Model
{
    /// <summary>
    /// Compares symbols by reference, for caches keyed by a symbol's <see cref="ISymbol.OriginalDefinition"/>: within one
    /// compilation the compiler hands out one object per definition, so identity is equality there, and asking the object
    /// for its hash code is one instruction instead of <see cref="SymbolEqualityComparer"/>'s calls through the compiler's
    /// symbol model on every lookup (docs/benchmarks.md, sixteenth round). Two equal symbols that are distinct objects
    /// (an error type, say) each get an entry of their own with the same answer: a cache miss, never a wrong answer.
    /// Never for constructed or nullable-annotated types, which the compiler creates afresh on each request.
    /// </summary>
    internal sealed class SymbolIdentity : IEqualityComparer<ISymbol>
    {
        public static readonly SymbolIdentity Instance = new();

        private SymbolIdentity()
        {
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Equals(ISymbol? x, ISymbol? y) => ReferenceEquals(x, y);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int GetHashCode(ISymbol obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
