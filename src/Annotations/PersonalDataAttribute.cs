using System;

namespace Residency
{
    /// <summary>
    /// Marks personal data in the sense of GDPR Art. 4(1): any information relating to an identified or
    /// identifiable natural person. Residency.Analyzers follows values of annotated members through the code
    /// and reports where they leave the process towards a region that the project does not allow.
    /// </summary>
    /// <remarks>
    /// On a class or struct, every instance and every member of the type is personal data.
    /// The optional <see cref="Category"/> is a key of the fideslang data-category taxonomy without its
    /// <c>user.</c> prefix, for example <c>contact.email</c>, <c>name</c>, <c>contact.address</c>,
    /// <c>government_id.passport_number</c>, <c>financial.bank_account</c>, <c>device.ip_address</c>.
    /// A key outside that taxonomy is allowed and shown in the inventory as given.
    /// </remarks>
    /// <example><code>
    /// public sealed class Customer
    /// {
    ///     [PersonalData("contact.email", Subject = "customer")]
    ///     public string Email { get; set; } = "";
    /// }
    /// </code></example>
    [AttributeUsage(
        AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue |
        AttributeTargets.Class | AttributeTargets.Struct,
        AllowMultiple = false,
        Inherited = true)]
    public sealed class PersonalDataAttribute : Attribute
    {
        /// <summary>Marks personal data without a category.</summary>
        public PersonalDataAttribute()
        {
        }

        /// <summary>Marks personal data of the given fideslang category (without the <c>user.</c> prefix).</summary>
        /// <param name="category">For example <c>contact.email</c> or <c>name</c>.</param>
        public PersonalDataAttribute(string category)
        {
            Category = category;
        }

        /// <summary>The fideslang data category (without <c>user.</c>), or <see langword="null"/> when not given.</summary>
        public string? Category { get; }

        /// <summary>The data subject the data is about: <c>customer</c>, <c>employee</c>, <c>patient</c>, <c>prospect</c>, …</summary>
        public string? Subject { get; set; }
    }
}
