using System.Globalization;

namespace Residency.Build.Util
{
    /// <summary>
    /// The fallback fingerprint for results whose payload carries none (RES004, older analyzers). It is the analyzers'
    /// own recipe (FactPayload.Fingerprint: FNV-1a 64-bit over the parts, each part closed by 0xFF, 16 hex digits),
    /// so a baseline suppressor can compute the same value from the diagnostic: for flows over (rule, method, sink id,
    /// source ids joined by '|'), for other findings over (rule, message). No line numbers: moving code keeps it.
    /// </summary>
    internal static class Fingerprint
    {
        public static string Compute(params string?[] parts)
        {
            unchecked
            {
                ulong hash = 14695981039346656037UL;
                foreach (var part in parts)
                {
                    foreach (char c in part ?? "")
                    {
                        hash ^= c;
                        hash *= 1099511628211UL;
                    }

                    hash ^= 0xFF;
                    hash *= 1099511628211UL;
                }

                return hash.ToString("x16", CultureInfo.InvariantCulture);
            }
        }
    }
}
