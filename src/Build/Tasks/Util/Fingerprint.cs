using System.Security.Cryptography;
using System.Text;

namespace Residency.Build.Util
{
    /// <summary>
    /// A stable fallback fingerprint for results whose payload does not carry one (RES004, older analyzers):
    /// SHA-256 over the given parts, first 16 bytes as lowercase hex. Line numbers are deliberately not among
    /// the parts, so moving code does not change it.
    /// </summary>
    internal static class Fingerprint
    {
        public static string Compute(params string?[] parts)
        {
            var text = string.Join("\u001f", parts);
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            var sb = new StringBuilder(32);
            for (int i = 0; i < 16; i++)
            {
                sb.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return sb.ToString();
        }
    }
}
