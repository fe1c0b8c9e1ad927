using System;
using System.Collections.Generic;
using System.Text;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// Whether a <c>[DataTransfer]</c>'s <c>Recipient</c> names a sink's recipient (docs/rules/RES005.md): the same words
    /// without case, punctuation and a trailing legal form ("HubSpot, Inc." is "HubSpot"; "Acme CRM GmbH" is "Acme CRM"),
    /// and a catalogue name's parenthesised part is another name of the same recipient ("Sentry (Functional Software)" is
    /// "Sentry" and "Functional Software"). Nothing looser: a declaration is a legal basis for one counterparty.
    /// </summary>
    internal static class RecipientNames
    {
        private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
        {
            "inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "plc", "corp", "corporation", "co", "company",
            "gmbh", "ag", "kg", "kgaa", "ug", "ev", "se", "sa", "sas", "sarl", "sl", "srl", "spa", "bv", "nv", "oy", "oyj",
            "ab", "as", "asa", "aps", "pty", "pte", "kk",
        };

        public static bool Same(string declared, string recipient)
        {
            var name = Normalise(declared);
            if (name.Length == 0)
            {
                return false;
            }

            foreach (var candidate in Names(recipient))
            {
                if (string.Equals(name, Normalise(candidate), StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The recipient's name, and, for <c>Base (Other)</c>, its base and its parenthesised part.</summary>
        private static IEnumerable<string> Names(string recipient)
        {
            yield return recipient;
            int open = recipient.IndexOf('(');
            int close = recipient.LastIndexOf(')');
            if (open > 0 && close > open)
            {
                yield return recipient.Substring(0, open);
                yield return recipient.Substring(open + 1, close - open - 1);
            }
        }

        /// <summary>Lower-case words of letters and digits, a trailing legal form dropped (<c>"HubSpot, Inc."</c> → <c>"hubspot"</c>).</summary>
        private static string Normalise(string text)
        {
            var words = new List<string>();
            var word = new StringBuilder();
            foreach (char c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    word.Append(char.ToLowerInvariant(c));
                }
                else if (c is '.' && word.Length > 0 && word.Length <= 2)
                {
                    continue; // "B.V.", "S.A.": the letters of an abbreviation stay one word
                }
                else if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }

            if (word.Length > 0)
            {
                words.Add(word.ToString());
            }

            while (words.Count > 1 && LegalForms.Contains(words[words.Count - 1]))
            {
                words.RemoveAt(words.Count - 1);
            }

            return string.Join(" ", words);
        }
    }
}
