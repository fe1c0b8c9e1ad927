namespace Residency.Facts
{
    /// <summary>The status values a flow can have, in the order a reader should see them.</summary>
    internal static class FlowStatus
    {
        public const string Violation = "violation";
        public const string Special = "special";
        public const string Unknown = "unknown";
        public const string Declared = "declared";
        public const string Allowed = "allowed";
        public const string Internal = "internal";

        /// <summary>All statuses, most severe first.</summary>
        public static readonly string[] All = { Violation, Special, Unknown, Declared, Allowed, Internal };

        /// <summary>The status a rule implies when the payload does not say.</summary>
        public static string FromRule(string? rule) => rule switch
        {
            "RES001" => Violation,
            "RES002" => Special,
            "RES003" => Unknown,
            "RES005" => Declared,
            _ => Allowed,
        };

        /// <summary>The diagnostic a flow of this status raises; null for allowed and internal flows, which raise none.</summary>
        public static string? ToRule(string status) => status switch
        {
            Violation => "RES001",
            Special => "RES002",
            Unknown => "RES003",
            Declared => "RES005",
            _ => null,
        };

        /// <summary>Sort rank: violations first, internal flows last, anything unrecognised after them.</summary>
        public static int Rank(string status)
        {
            int index = System.Array.IndexOf(All, status);
            return index < 0 ? All.Length : index;
        }

        /// <summary>A violation of the policy (RES001 or RES002).</summary>
        public static bool IsViolation(string status) => status == Violation || status == Special;

        public static string Label(string status) => status switch
        {
            Violation => "violation",
            Special => "violation (special category)",
            Unknown => "unknown region",
            Declared => "declared transfer",
            Allowed => "allowed",
            Internal => "internal",
            _ => status,
        };
    }
}
