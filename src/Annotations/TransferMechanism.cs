namespace Residency
{
    /// <summary>The legal bases of GDPR Chapter V for a transfer of personal data outside the EEA.</summary>
    public enum TransferMechanism
    {
        /// <summary>Art. 45: the destination has an adequacy decision (for the US: the recipient is certified under the EU-US Data Privacy Framework).</summary>
        AdequacyDecision = 0,

        /// <summary>Art. 46(2)(c)/(d): standard data protection clauses adopted by the Commission.</summary>
        StandardContractualClauses = 1,

        /// <summary>Art. 46(2)(b) and Art. 47: binding corporate rules.</summary>
        BindingCorporateRules = 2,

        /// <summary>Art. 46(2)(e): an approved code of conduct with binding commitments of the importer.</summary>
        CodeOfConduct = 3,

        /// <summary>Art. 46(2)(f): an approved certification mechanism with binding commitments of the importer.</summary>
        Certification = 4,

        /// <summary>Art. 49: a derogation for a specific situation (explicit consent, contract performance, …).</summary>
        Derogation = 5,
    }
}
