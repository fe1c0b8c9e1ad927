using System.Globalization;
using Residency.Build.Model;
using Residency.Facts;

namespace Residency.Build.Util
{
    /// <summary>The one line the build prints: <c>Residency: 3 violations, 2 declared transfers, 1 unknown endpoint — inventory: …</c>.</summary>
    internal static class SummaryLine
    {
        /// <summary>The MSBuild property that treats RES006 candidates as personal data.</summary>
        public const string InferProperty = "ResidencyInferPersonalData";

        public static string Format(InventorySummary summary, string inventoryDisplayPath)
        {
            if (summary.Flows == 0 && summary.UnannotatedCandidates > 0)
            {
                var notAnnotated = Members(summary.UnannotatedCandidates) + " personal data but " + (summary.UnannotatedCandidates == 1 ? "is" : "are") + " not annotated (RES006)";

                // Data handed to code nobody classified is worth the counts: they say how many recipients to look at.
                return summary.UnclassifiedRecipients > 0 || summary.Silenced > 0
                    ? Counts(summary, inventoryDisplayPath, "; 0 flows found: " + notAnnotated)
                    : "Residency: 0 flows found \u2014 " + notAnnotated + ": see " + inventoryDisplayPath + ", or set " + InferProperty + "=true";
            }

            return Counts(summary, inventoryDisplayPath, string.Empty);
        }

        private static string Members(int count) => count == 1 ? "1 member looks like" : count.ToString(CultureInfo.InvariantCulture) + " members look like";

        private static string Counts(InventorySummary summary, string inventoryDisplayPath, string note) =>
            "Residency: " + Count(summary.Violations, "violation") + ", " +
            Count(summary.DeclaredTransfers, "declared transfer") + ", " +
            Count(summary.UnknownEndpoints, "unknown endpoint") +
            (summary.UnclassifiedRecipients > 0 ? ", " + Count(summary.UnclassifiedRecipients, "unclassified recipient") : "") +
            (summary.Silenced > 0 ? ", " + Count(summary.Silenced, "silenced flow") + " (listed in the inventory all the same)" : "") +
            note + " \u2014 inventory: " + inventoryDisplayPath;

        public static string Count(int count, string singular) => Count(count, singular, singular + "s");

        /// <summary><c>1 third country</c>, <c>2 third countries</c>.</summary>
        public static string Count(int count, string singular, string plural) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);
    }
}
