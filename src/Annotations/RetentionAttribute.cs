using System;

namespace Residency
{
    /// <summary>
    /// How long the data is kept (GDPR Art. 30(1)(f)): an ISO 8601 duration such as <c>P30D</c> or <c>P7Y</c>,
    /// or plain words such as <c>until the account is deleted</c>. Shown in the inventory.
    /// </summary>
    [AttributeUsage(
        AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Field,
        AllowMultiple = false,
        Inherited = true)]
    public sealed class RetentionAttribute : Attribute
    {
        /// <summary>Declares the retention period.</summary>
        /// <param name="period">An ISO 8601 duration or plain words.</param>
        public RetentionAttribute(string period)
        {
            Period = period;
        }

        /// <summary>The retention period as written.</summary>
        public string Period { get; }
    }
}
