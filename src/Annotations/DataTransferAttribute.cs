using System;

namespace Residency
{
    /// <summary>
    /// Declares the GDPR Chapter V basis for transfers of personal data to <see cref="Region"/> from code in its
    /// scope (a method, a type, or the whole assembly). Flows covered by a declaration are reported as RES005
    /// (recorded in the inventory) instead of RES001/RES002.
    /// </summary>
    /// <remarks>
    /// When <see cref="Recipient"/> is given, the declaration covers only sinks of that recipient.
    /// </remarks>
    /// <example><code>
    /// [DataTransfer("US", TransferMechanism.StandardContractualClauses, Recipient = "OpenAI",
    ///     Justification = "SCCs signed 2026-03-01, DPA ref. 42")]
    /// public Task&lt;string&gt; SummariseAsync(Ticket ticket) { ... }
    /// </code></example>
    [AttributeUsage(
        AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly,
        AllowMultiple = true,
        Inherited = false)]
    public sealed class DataTransferAttribute : Attribute
    {
        /// <summary>Declares a transfer to <paramref name="region"/> on the basis of <paramref name="mechanism"/>.</summary>
        /// <param name="region">An ISO 3166-1 alpha-2 code or a region group.</param>
        /// <param name="mechanism">The Chapter V transfer mechanism.</param>
        public DataTransferAttribute(string region, TransferMechanism mechanism)
        {
            Region = region;
            Mechanism = mechanism;
        }

        /// <summary>The destination region.</summary>
        public string Region { get; }

        /// <summary>The Chapter V basis of the transfer.</summary>
        public TransferMechanism Mechanism { get; }

        /// <summary>The only recipient this declaration covers; <see langword="null"/> covers every recipient in the region.</summary>
        public string? Recipient { get; set; }

        /// <summary>Where the basis is documented (contract, DPA, assessment): shown in the inventory.</summary>
        public string? Justification { get; set; }
    }
}
