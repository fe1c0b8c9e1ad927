using System.Collections.Generic;

namespace Residency.Facts
{
    /// <summary>
    /// Personal data handed to a method of a referenced assembly that is neither a known sink nor known to keep data in
    /// the process: where the data goes from there is not classified (RES008). Listed in the record's "Not classified"
    /// section whatever the build reports about RES008 (see <see cref="Treatment"/>).
    /// </summary>
    internal sealed record UnclassifiedCall
    {
        /// <summary>What every unclassified call is, in the record's words.</summary>
        public const string NotClassified = "not classified";

        /// <summary>The assembly whose compilation found the call.</summary>
        public string Assembly { get; init; } = "";

        /// <summary>The method that receives the data, as residency.json names it: <c>Contoso.Vendor.CrmSdk.Push</c>.</summary>
        public string Recipient { get; init; } = "";

        /// <summary>The assembly that declares <see cref="Recipient"/> (a package or another project).</summary>
        public string? RecipientAssembly { get; init; }

        /// <summary>The method of the application where the data is read and handed on.</summary>
        public string? Method { get; init; }

        public IReadOnlyList<SourceRef> Sources { get; init; } = new SourceRef[0];

        /// <summary>The call path from the read to the recipient, in order.</summary>
        public IReadOnlyList<string> Path { get; init; } = new string[0];

        /// <summary>Always <see cref="NotClassified"/>: the call is listed until residency.json classifies the method.</summary>
        public string Classification { get; init; } = NotClassified;

        /// <summary>Source file of the call site (the task makes it relative to the project, with '/').</summary>
        public string? File { get; init; }

        public int? Line { get; init; }

        public int? Column { get; init; }

        public string? Fingerprint { get; init; }

        /// <summary>How the build treats RES008 at this call: reported, suppressed by configuration or in source, baselined.</summary>
        public string Treatment { get; init; } = Facts.Treatment.Reported;
    }
}
