namespace Residency.Build.Util
{
    /// <summary>
    /// The fallback fingerprint for results whose payload carries none (RES004, older analyzers). It is the analyzers'
    /// own recipe (DiagnosticProperties.Fingerprint: FNV-1a 64-bit over the parts, each part closed by 0xFF, 16 hex digits),
    /// so a baseline suppressor can compute the same value from the diagnostic: for flows over (rule, method, sink id,
    /// source ids joined by '|'), for other findings over (rule, message). No line numbers: moving code keeps it.
    /// </summary>
    internal static class Fingerprint
    {
        public static string Compute(params string?[] parts) => Residency.Analyzers.Diagnostics.StableFingerprint.Compute(parts);
    }
}
