namespace Residency.Build.Record
{
    /// <summary>The GDPR Chapter V article behind each <c>TransferMechanism</c>.</summary>
    internal static class TransferBasis
    {
        public static string Describe(string? mechanism) => mechanism switch
        {
            "AdequacyDecision" => "Adequacy decision (Art. 45)",
            "StandardContractualClauses" => "Standard contractual clauses (Art. 46(2)(c))",
            "BindingCorporateRules" => "Binding corporate rules (Art. 46(2)(b), Art. 47)",
            "CodeOfConduct" => "Approved code of conduct (Art. 46(2)(e))",
            "Certification" => "Approved certification mechanism (Art. 46(2)(f))",
            "Derogation" => "Derogation for a specific situation (Art. 49(1)); document the suitable safeguards (Art. 30(1)(e))",
            null => "Declared transfer (mechanism not given)",
            _ => mechanism,
        };

        public const string NoBasis = "no basis declared";

        /// <summary>What the record says when a declared transfer has no justification written by a person.</summary>
        public const string Unjustified = "UNJUSTIFIED: no justification recorded; a person must document this basis";

        /// <summary>
        /// The justification as the record shows it: missing, blank or a placeholder (<c>TODO…</c>, as the code fix writes it)
        /// is <see cref="Unjustified"/>, with the placeholder quoted so the reader sees what is there.
        /// </summary>
        public static string Justification(string? justification)
        {
            if (!Residency.Analyzers.Model.TransferJustification.IsMissing(justification))
            {
                return justification!;
            }

            return Residency.Analyzers.Model.TransferJustification.IsPlaceholder(justification)
                ? Unjustified + " (placeholder \u201c" + justification!.Trim() + "\u201d)"
                : Unjustified;
        }

        /// <summary>"no basis declared", with the EU endpoint that would avoid the transfer when the catalogue knows one.</summary>
        public static string Missing(string? euAlternative) =>
            euAlternative is null ? NoBasis : NoBasis + " (EU endpoint available: " + euAlternative + ")";

        public const string UnknownRegion = "destination region unknown: determine the recipient's country";

        public const string AllowedByPolicy = "allowed by the project policy: confirm the Art. 45 adequacy decision or other basis";
    }
}
