using System.Security.Cryptography;
using System.Text;
using Residency;

namespace SupportDesk.Services;

public static class Privacy
{
    /// <summary>Keeps only the e-mail domain: no longer personal data for our purposes.</summary>
    [Anonymizer]
    public static string EmailDomain(string email) => email[(email.IndexOf('@') + 1)..];

    /// <summary>A keyed hash of the customer id: still personal data (Recital 26).</summary>
    [Pseudonymizer]
    public static string Pseudonym(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("pepper:" + value)));
}
