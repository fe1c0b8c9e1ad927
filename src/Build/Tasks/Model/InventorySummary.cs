using System.Collections.Generic;
using Residency.Facts;

namespace Residency.Build.Model
{
    /// <summary>The counts shown in the summary line and the <c>summary</c> object.</summary>
    internal sealed record InventorySummary
    {
        public int DataElements { get; init; }

        public int SpecialCategoryElements { get; init; }

        public int Sinks { get; init; }

        public int Flows { get; init; }

        /// <summary>RES001 + RES002 flows that are not baselined.</summary>
        public int Violations { get; init; }

        /// <summary>RES002 flows that are not baselined.</summary>
        public int SpecialCategoryViolations { get; init; }

        /// <summary>Distinct sinks of RES003 flows that are not baselined.</summary>
        public int UnknownEndpoints { get; init; }

        /// <summary>Distinct declared transfers.</summary>
        public int DeclaredTransfers { get; init; }

        /// <summary>Distinct methods, nobody classified, that receive personal data (the record's "Not classified" section).</summary>
        public int UnclassifiedRecipients { get; init; }

        public int Baselined { get; init; }

        /// <summary>
        /// Flows whose diagnostic the build does not show because it was silenced by configuration (severity none,
        /// NoWarn) or in source (#pragma, SuppressMessage). Still violations of the policy when their status says so.
        /// </summary>
        public int Silenced { get; init; }

        /// <summary>
        /// Members that look like personal data by their name but are not annotated (RES006 findings the build shows): where
        /// a new user starts. The inventory lists them among the findings.
        /// </summary>
        public int UnannotatedCandidates { get; init; }

        /// <summary>FlowFact count per status, in <see cref="FlowStatus.All"/> order.</summary>
        public IReadOnlyList<StatusCount> FlowsByStatus { get; init; } = new StatusCount[0];
    }

    /// <summary>How many flows have a status (a record, not a key-value pair: see <c>Ordering</c>).</summary>
    internal sealed record StatusCount(string Status, int Count);
}
