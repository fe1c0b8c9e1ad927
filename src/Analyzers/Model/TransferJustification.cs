using System;

namespace Residency.Analyzers.Model
{
    /// <summary>
    /// Whether a <c>[DataTransfer]</c> justification records a person's decision. Missing, blank or still a placeholder
    /// (text starting with <c>TODO</c>, as the "Declare the transfer" code fix writes it) is not a justification: the
    /// analyzers report it (RES004) and the record shows the transfer as unjustified. Shared by the analyzers and the task.
    /// </summary>
    internal static class TransferJustification
    {
        /// <summary>The placeholder the "Declare the transfer" code fix writes; a person replaces it.</summary>
        public const string Placeholder = "TODO: reference the signed SCCs";

        /// <summary>Whether <paramref name="justification"/> is missing, blank or a placeholder.</summary>
        public static bool IsMissing(string? justification) => justification is null || string.IsNullOrWhiteSpace(justification) || IsPlaceholder(justification);

        /// <summary>Whether <paramref name="justification"/> is a placeholder: it starts with <c>TODO</c> (any case, after blanks).</summary>
        public static bool IsPlaceholder(string? justification)
        {
            var text = justification?.TrimStart();
            return text is not null && text.Length >= 4 && text.StartsWith("TODO", StringComparison.OrdinalIgnoreCase) &&
                   (text.Length == 4 || !char.IsLetterOrDigit(text[4]));
        }
    }
}
