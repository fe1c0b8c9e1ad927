using System.Globalization;

namespace Residency.Analyzers.Diagnostics
{
    /// <summary>
    /// The one recipe for finding fingerprints, shared (compiled in by link) by the analyzers, which attach it to
    /// diagnostics, and the inventory task, which writes it to baselines: FNV-1a 64-bit over the parts, each part
    /// closed by 0xFF, as 16 hex digits. No line numbers go in, so moving code keeps a finding's fingerprint.
    /// </summary>
    internal static class StableFingerprint
    {
        public static string Compute(params string?[] parts)
        {
            unchecked
            {
                ulong hash = 14695981039346656037UL;
                foreach (var part in parts)
                {
                    foreach (char c in part ?? string.Empty)
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
