using System;
using System.Collections.Generic;

namespace Residency.Benchmarks.Generator
{
    /// <summary>
    /// A small deterministic pseudo-random generator (SplitMix64). <see cref="System.Random"/> is not used so the
    /// generated code is the same on every runtime version for a given seed.
    /// </summary>
    internal sealed class Rng
    {
        private ulong _state;

        public Rng(ulong seed)
        {
            _state = seed;
        }

        /// <summary>A generator for a sub-stream (a module, a file) that does not depend on how much the parent consumed.</summary>
        public static Rng For(ulong seed, int stream, int index)
        {
            return new Rng(Mix(seed ^ Mix(((ulong)(uint)stream << 32) | (uint)index)));
        }

        public ulong NextUInt64()
        {
            _state += 0x9E3779B97F4A7C15UL;
            return Mix(_state);
        }

        /// <summary>A value in [0, maxExclusive).</summary>
        public int Next(int maxExclusive)
        {
            if (maxExclusive <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maxExclusive));
            }

            return (int)(NextUInt64() % (ulong)maxExclusive);
        }

        /// <summary>A value in [minInclusive, maxInclusive].</summary>
        public int Between(int minInclusive, int maxInclusive)
        {
            return minInclusive + Next(maxInclusive - minInclusive + 1);
        }

        /// <summary>True with the given probability (0..1).</summary>
        public bool Chance(double probability)
        {
            return (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < probability;
        }

        public T Pick<T>(IReadOnlyList<T> items)
        {
            return items[Next(items.Count)];
        }

        /// <summary>Up to <paramref name="count"/> distinct items, in random order.</summary>
        public List<T> Sample<T>(IReadOnlyList<T> items, int count)
        {
            var copy = new List<T>(items);
            Shuffle(copy);
            if (count < copy.Count)
            {
                copy.RemoveRange(count, copy.Count - count);
            }

            return copy;
        }

        public void Shuffle<T>(IList<T> items)
        {
            for (int i = items.Count - 1; i > 0; i--)
            {
                int j = Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }

        private static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
