using System;
using System.Collections.Generic;
using System.Linq;

namespace Residency.Build
{
    /// <summary>
    /// Stable sorting by a comparison, for the task's lists of records.
    /// <para>
    /// The task runs once per build, so every generic method of the framework it calls over a value type — an
    /// <c>OrderBy</c> with an <c>int</c> key, a <c>GroupBy</c> with a tuple key — is JIT-compiled in each build: the
    /// task's ReadyToRun image can hold code for the framework's generics over reference types only (their shared
    /// code), not over value types, which belong to the framework's version bubble. Sorting with one comparison of the
    /// records themselves keeps every instantiation over reference types (docs/inventory.md, "The task's ReadyToRun images").
    /// </para>
    /// </summary>
    internal static class Ordering
    {
        /// <summary><paramref name="items"/> in the order <paramref name="comparison"/> gives, ties in their original order (as <c>OrderBy</c>).</summary>
        public static List<T> Sorted<T>(IEnumerable<T> items, Comparison<T> comparison)
            where T : class =>
            items.OrderBy(item => item, Comparer<T>.Create(comparison)).ToList();

        /// <summary>Orders the item that is the exception (<c>unspecified</c>, <c>uncategorised</c>) after the others: -1, 0 or 1.</summary>
        public static int Last(bool first, bool second) => first == second ? 0 : first ? 1 : -1;
    }
}
