using System;

namespace Residency
{
    /// <summary>
    /// Declares that the method's return value carries no personal data (it is anonymised: Recital 26 no longer
    /// applies). Flows of personal data stop at calls of this method.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class AnonymizerAttribute : Attribute
    {
    }
}
