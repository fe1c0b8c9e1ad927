using System;
using System.Collections.Generic;
using Residency.Analyzers.Regions;

namespace Residency.Build.Record
{
    /// <summary>
    /// Whether a region code is inside the EEA, so that the record can tell third-country transfers (Art. 30(1)(e))
    /// from domestic ones. Membership comes from the analyzers' region table (compiled in by link), so there is one list.
    /// </summary>
    internal static class Eea
    {
        private static readonly HashSet<string> Members = Build();

        public static bool Contains(string? region) => region is not null && Members.Contains(region);

        /// <summary>The region is a known country or group outside the EEA (not <c>Unknown</c>, not empty).</summary>
        public static bool IsThirdCountry(string? region) =>
            !string.IsNullOrEmpty(region) && !Contains(region) && !string.Equals(region, "Unknown", StringComparison.OrdinalIgnoreCase);

        private static HashSet<string> Build()
        {
            var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "EL", "EU", "EEA" };
            members.UnionWith(RegionTable.EuMembers.Split(' '));
            members.UnionWith(RegionTable.EeaNonEuMembers.Split(' '));
            return members;
        }
    }
}
