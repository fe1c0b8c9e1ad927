namespace Residency.Analyzers.Diagnostics
{
    /// <summary>Every diagnostic ID the package reports, in one place.</summary>
    public static class DiagnosticIds
    {
        /// <summary>Personal data reaches a sink outside the allowed regions with no matching DataTransfer.</summary>
        public const string TransferOutsideAllowedRegions = "RES001";

        /// <summary>Special-category (Art. 9/10) data reaches a sink outside the allowed regions.</summary>
        public const string SpecialCategoryTransfer = "RES002";

        /// <summary>Personal data reaches a sink whose region is unknown.</summary>
        public const string UnknownSinkRegion = "RES003";

        /// <summary>An invalid annotation or configuration.</summary>
        public const string InvalidConfiguration = "RES004";

        /// <summary>Personal data reaches a non-allowed region under a declared DataTransfer.</summary>
        public const string DeclaredTransfer = "RES005";

        /// <summary>A member looks like personal data by its name but is not annotated.</summary>
        public const string UnannotatedPersonalData = "RES006";

        /// <summary>The inventory's facts file could not be written (command-line builds only).</summary>
        public const string FactsNotWritten = "RES007";
    }
}
