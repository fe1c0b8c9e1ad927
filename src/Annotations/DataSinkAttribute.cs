using System;

namespace Residency
{
    /// <summary>
    /// Declares that data passed here leaves the process towards <see cref="Region"/>.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>On a method: every argument and the receiver are sent.</item>
    /// <item>On a parameter: only that argument is sent.</item>
    /// <item>On a class, struct or interface: all its methods are sinks.</item>
    /// <item>On a field or property of a client type (an <c>HttpClient</c>, an SDK client): calls through it are sinks.</item>
    /// </list>
    /// The region is an ISO 3166-1 alpha-2 code (<c>DE</c>, <c>US</c>; <c>EL</c> is accepted for Greece) or one of the
    /// groups <c>EU</c>, <c>EEA</c>, <c>Adequate</c>, <c>Unknown</c>. Anything else is reported as RES004.
    /// </remarks>
    /// <example><code>
    /// [DataSink("US", Recipient = "Acme CRM Inc.", Purpose = "customer support")]
    /// public Task SendAsync(string payload) { ... }
    /// </code></example>
    [AttributeUsage(
        AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.Class | AttributeTargets.Struct |
        AttributeTargets.Interface | AttributeTargets.Field | AttributeTargets.Property,
        AllowMultiple = false,
        Inherited = true)]
    public sealed class DataSinkAttribute : Attribute
    {
        /// <summary>Declares a sink in <paramref name="region"/>.</summary>
        /// <param name="region">An ISO 3166-1 alpha-2 code or <c>EU</c>, <c>EEA</c>, <c>Adequate</c>, <c>Unknown</c>.</param>
        public DataSinkAttribute(string region)
        {
            Region = region;
        }

        /// <summary>The region the data goes to.</summary>
        public string Region { get; }

        /// <summary>Who receives the data (an organisation or service), shown in diagnostics and the inventory.</summary>
        public string? Recipient { get; set; }

        /// <summary>Why the data is sent (the processing purpose of Art. 30(1)(b)).</summary>
        public string? Purpose { get; set; }
    }
}
