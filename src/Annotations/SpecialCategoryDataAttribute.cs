using System;

namespace Residency
{
    /// <summary>
    /// Marks special-category personal data (GDPR Art. 9) or data on criminal convictions and offences (Art. 10).
    /// Flows of such data to a non-allowed region are reported as RES002 instead of RES001.
    /// </summary>
    /// <remarks>
    /// Categories: <c>health</c>, <c>biometric</c>, <c>genetic</c>, <c>racial-or-ethnic-origin</c>,
    /// <c>political-opinions</c>, <c>religious-beliefs</c>, <c>trade-union-membership</c>,
    /// <c>sex-life-or-orientation</c>, <c>criminal-offences</c>.
    /// </remarks>
    [AttributeUsage(
        AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue |
        AttributeTargets.Class | AttributeTargets.Struct,
        AllowMultiple = false,
        Inherited = true)]
    public sealed class SpecialCategoryDataAttribute : Attribute
    {
        /// <summary>Marks special-category data of the given Art. 9/10 category.</summary>
        /// <param name="category">For example <c>health</c> or <c>biometric</c>.</param>
        public SpecialCategoryDataAttribute(string category)
        {
            Category = category;
        }

        /// <summary>The Art. 9/10 category.</summary>
        public string Category { get; }

        /// <summary>The data subject the data is about: <c>patient</c>, <c>employee</c>, …</summary>
        public string? Subject { get; set; }
    }
}
