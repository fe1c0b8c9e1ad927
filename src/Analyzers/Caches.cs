using System.Collections.Concurrent;
using System.Collections.Generic;

namespace Residency.Analyzers
{
    /// <summary>
    /// The compilation-wide caches that every analyzer thread and the index thread fill at once (elements, carried
    /// elements, sink resolutions, summaries). A default <see cref="ConcurrentDictionary{TKey, TValue}"/> has one lock per
    /// core and starts small: on 2 cores the threads queued on its two locks and on its repeated resizing (measured:
    /// over a tenth of the analysis's CPU at N = 1000, spinning in <c>Monitor.Enter</c>). These start with more locks and
    /// room for a few thousand symbols.
    /// </summary>
    internal static class Caches
    {
        private const int InitialCapacity = 2048;

        // Fixed, not read from the machine (RS1035): enough for the analyzer threads of any build machine to rarely meet.
        private const int ConcurrencyLevel = 64;

        public static ConcurrentDictionary<TKey, TValue> Create<TKey, TValue>(IEqualityComparer<TKey> comparer)
            where TKey : notnull =>
            new(ConcurrencyLevel, InitialCapacity, comparer);
    }
}
