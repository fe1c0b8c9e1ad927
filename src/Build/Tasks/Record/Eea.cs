using System;
using System.Collections.Generic;

namespace Residency.Build.Record
{
    /// <summary>
    /// Whether a region code is inside the EEA, so that the record can tell third-country transfers (Art. 30(1)(e))
    /// from domestic ones. Only membership is needed here; the analyzers own the full region table.
    /// </summary>
    internal static class Eea
    {
        private static readonly HashSet<string> Members = new(StringComparer.OrdinalIgnoreCase)
        {
            // EU-27 (EL is accepted for Greece) …
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU", "IE", "IT",
            "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            // … plus the EEA EFTA states, and the groups.
            "IS", "LI", "NO", "EU", "EEA",
        };

        public static bool Contains(string? region) => region is not null && Members.Contains(region);

        /// <summary>The region is a known country or group outside the EEA (not <c>Unknown</c>, not empty).</summary>
        public static bool IsThirdCountry(string? region) =>
            !string.IsNullOrEmpty(region) && !Contains(region) && !string.Equals(region, "Unknown", StringComparison.OrdinalIgnoreCase);
    }
}
