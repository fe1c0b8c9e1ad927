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
        /// <summary>The capacity of a cache in the IDE, where a compilation is often abandoned at the next keystroke.</summary>
        public const int DefaultCapacity = 2048;

        private const int MaxCapacity = 1 << 17;

        // Fixed, not read from the machine (RS1035): enough for the analyzer threads of any build machine to rarely meet.
        private const int ConcurrencyLevel = 64;

        public static ConcurrentDictionary<TKey, TValue> Create<TKey, TValue>(IEqualityComparer<TKey> comparer, int capacity = DefaultCapacity)
            where TKey : notnull =>
            new(ConcurrencyLevel, capacity, comparer);

        /// <summary>
        /// The capacity of the per-symbol caches (elements, carried elements, sink resolutions, summaries) of one compilation.
        /// A command-line build analyses the whole compilation once: its caches start at a size proportional to it, since a
        /// growing <see cref="ConcurrentDictionary{TKey, TValue}"/> takes all its locks while it rehashes, and every other
        /// thread waits (measured: an eighth of the analysis's samples at N = 4000 spent in <c>Monitor.Enter</c>). In the
        /// IDE they start small.
        /// </summary>
        public static int CapacityFor(Microsoft.CodeAnalysis.Compilation compilation, bool commandLineBuild)
        {
            if (!commandLineBuild)
            {
                return DefaultCapacity;
            }

            long trees = 0;
            foreach (var _ in compilation.SyntaxTrees)
            {
                trees++;
            }

            return (int)System.Math.Min(MaxCapacity, System.Math.Max(DefaultCapacity, trees * 32));
        }
    }
}
