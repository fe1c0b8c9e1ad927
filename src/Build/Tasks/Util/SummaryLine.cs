using System.Globalization;
using Residency.Build.Model;
using Residency.Facts;

namespace Residency.Build.Util
{
    /// <summary>The one line the build prints: <c>Residency: 3 violations, 2 declared transfers, 1 unknown endpoint — inventory: …</c>.</summary>
    internal static class SummaryLine
    {
        public static string Format(InventorySummary summary, string inventoryDisplayPath) =>
            "Residency: " + Count(summary.Violations, "violation") + ", " +
            Count(summary.DeclaredTransfers, "declared transfer") + ", " +
            Count(summary.UnknownEndpoints, "unknown endpoint") +
            (summary.Silenced > 0 ? ", " + Count(summary.Silenced, "silenced flow") + " (listed in the inventory all the same)" : "") +
            " \u2014 inventory: " + inventoryDisplayPath;

        public static string Count(int count, string singular) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : singular + "s");
    }
}
