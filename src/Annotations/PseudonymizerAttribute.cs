using System;

namespace Residency
{
    /// <summary>
    /// Declares that the method's return value is pseudonymised. Pseudonymised data is still personal data
    /// (Recital 26): flows continue and diagnostics say the data is pseudonymised.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class PseudonymizerAttribute : Attribute
    {
    }
}
