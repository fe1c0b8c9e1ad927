using State = System.Collections.Immutable.ImmutableDictionary<object, System.Collections.Immutable.ImmutableHashSet<Residency.Analyzers.Flow.TaintFact>>;

namespace Residency.Analyzers.Flow.States
{
    /// <summary>
    /// The taint state of a forward analysis and its lattice: an immutable map from a storage location (a local,
    /// parameter, flow capture, field of the type, or <see cref="Thrown"/>) to the facts it may carry. Absent means clean.
    /// States are shared between blocks; a join that adds nothing returns its first argument itself, so that the driver
    /// detects change by reference and straight-line code costs no copies.
    /// </summary>
    internal static class TaintState
    {
        /// <summary>The location that holds what the exceptions thrown so far in this method carry (read by <c>catch (E e)</c>).</summary>
        public static readonly object Thrown = new ThrownLocation();

        public static readonly State Empty = State.Empty;

        /// <summary>The union of two states; <paramref name="a"/> itself when <paramref name="b"/> adds nothing.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static State Join(State? a, State b)
        {
            if (a is null || a.IsEmpty)
            {
                return b;
            }

            if (ReferenceEquals(a, b) || b.IsEmpty)
            {
                return a;
            }

            var result = a;
            foreach (var pair in b)
            {
                if (result.TryGetValue(pair.Key, out var existing))
                {
                    if (ReferenceEquals(existing, pair.Value))
                    {
                        continue;
                    }

                    var union = Taint.Union(existing, pair.Value);
                    if (union.Count != existing.Count)
                    {
                        result = result.SetItem(pair.Key, union);
                    }
                }
                else
                {
                    result = result.SetItem(pair.Key, pair.Value);
                }
            }

            return result;
        }

        public static bool Same(State a, State b)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (a.Count != b.Count)
            {
                return false;
            }

            foreach (var pair in a)
            {
                if (!b.TryGetValue(pair.Key, out var other) || (!ReferenceEquals(pair.Value, other) && !pair.Value.SetEquals(other)))
                {
                    return false;
                }
            }

            return true;
        }

        private sealed class ThrownLocation
        {
            public override string ToString() => "thrown";
        }
    }
}
