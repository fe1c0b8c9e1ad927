namespace Residency.Facts
{
    /// <summary>
    /// How the build treats a finding's diagnostic. The inventory lists every finding whatever its treatment: a warning
    /// silenced in <c>.editorconfig</c>, by <c>NoWarn</c>, by <c>#pragma</c> or accepted in the baseline changes what the
    /// build prints and fails on, never what the record lists (docs/inventory.md, "Findings and their treatment").
    /// </summary>
    internal static class Treatment
    {
        /// <summary>The build reports the diagnostic (as an error, a warning or a message, as configured).</summary>
        public const string Reported = "reported";

        /// <summary>Severity <c>none</c> in <c>.editorconfig</c>/<c>.globalconfig</c>, <c>NoWarn</c>, or a rule set.</summary>
        public const string SuppressedByConfiguration = "suppressed-by-configuration";

        /// <summary><c>#pragma warning disable</c> or <c>[SuppressMessage]</c> at the finding.</summary>
        public const string SuppressedInSource = "suppressed-in-source";

        /// <summary>Accepted in <c>residency-baseline.json</c>.</summary>
        public const string Baselined = "baselined";

        public static readonly string[] All = { Reported, SuppressedByConfiguration, SuppressedInSource, Baselined };

        /// <summary>Reads a treatment; inventories written before treatments existed only said whether a result was suppressed.</summary>
        public static string Parse(string? value, bool legacySuppressed)
        {
            foreach (var known in All)
            {
                if (value == known)
                {
                    return known;
                }
            }

            return legacySuppressed ? Baselined : Reported;
        }

        public static string Label(string treatment) => treatment switch
        {
            Reported => "reported",
            SuppressedByConfiguration => "suppressed by configuration",
            SuppressedInSource => "suppressed in source",
            Baselined => "baselined",
            _ => treatment,
        };
    }
}
