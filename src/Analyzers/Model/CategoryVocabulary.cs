using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Residency.Analyzers.Json;

namespace Residency.Analyzers.Model
{
    /// <summary>
    /// The category keys the record has words for (<c>Catalog/labels.json</c>, shared with the inventory task): fideslang's
    /// keys without <c>user.</c>, and the closed list of Art. 9/10 special categories. A <c>[PersonalData]</c> category
    /// outside it is the team's own unless it is a near miss of a known key (RES004 then); a <c>[SpecialCategoryData]</c>
    /// key outside the special list is always RES004.
    /// </summary>
    internal static class CategoryVocabulary
    {
        private static readonly Lazy<(HashSet<string> Known, ImmutableArray<string> Special)> Table = new(Load);

        /// <summary>The Art. 9/10 keys <c>[SpecialCategoryData]</c> takes.</summary>
        public static ImmutableArray<string> SpecialKeys => Table.Value.Special;

        public static bool IsKnown(string key) => Table.Value.Known.Contains(key);

        public static bool IsSpecial(string key) => Table.Value.Special.Contains(key);

        /// <summary>
        /// The known key <paramref name="written"/> (already without <c>user.</c>) most likely means, or null: the same key
        /// written with other separators or case (<c>racial_or_ethnic_origin</c>, <c>contact.phone-number</c>), else the one
        /// key within two edits of it (<c>contact.emial</c>) when no other is as close.
        /// </summary>
        public static string? Suggest(string written, bool special)
        {
            var candidates = special ? (IEnumerable<string>)Table.Value.Special : Table.Value.Known;
            var normalised = Normalise(written);
            if (normalised.Length == 0)
            {
                return null;
            }

            string? best = null;
            int bestDistance = int.MaxValue;
            bool tie = false;
            foreach (var key in candidates)
            {
                var other = Normalise(key);
                if (other == normalised)
                {
                    return key;
                }

                if (normalised.Length < 5)
                {
                    continue;
                }

                var distance = Distance(normalised, other, 2);
                if (distance < bestDistance)
                {
                    best = key;
                    bestDistance = distance;
                    tie = false;
                }
                else if (distance == bestDistance)
                {
                    tie = true;
                }
            }

            return bestDistance <= 2 && !tie ? best : null;
        }

        /// <summary>Lower case, separators other than the dot left out.</summary>
        private static string Normalise(string key)
        {
            var builder = new System.Text.StringBuilder(key.Length);
            foreach (var c in key)
            {
                if (char.IsLetterOrDigit(c) || c == '.')
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }

            return builder.ToString();
        }

        /// <summary>Levenshtein distance, or <paramref name="limit"/> + 1 as soon as it exceeds the limit.</summary>
        private static int Distance(string a, string b, int limit)
        {
            if (Math.Abs(a.Length - b.Length) > limit)
            {
                return limit + 1;
            }

            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                int rowMin = current[0];
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                    rowMin = Math.Min(rowMin, current[j]);
                }

                if (rowMin > limit)
                {
                    return limit + 1;
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }

        private static (HashSet<string>, ImmutableArray<string>) Load()
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            var special = ImmutableArray.CreateBuilder<string>();
            using var stream = typeof(CategoryVocabulary).Assembly.GetManifestResourceStream("Residency.Catalog.labels.json");
            if (stream is null)
            {
                return (known, special.ToImmutable());
            }

            using var reader = new StreamReader(stream);
            var root = JsonParser.Parse(reader.ReadToEnd());
            foreach (var member in root.Get("categories")?.Members ?? Array.Empty<KeyValuePair<string, JsonNode>>())
            {
                if (member.Value.IsString && member.Key is not ("special" or "uncategorised"))
                {
                    known.Add(member.Key);
                }
            }

            foreach (var item in root.Get("specialCategories")?.Get("keys")?.Items ?? Array.Empty<JsonNode>())
            {
                if (item.IsString && item.Text is { } key)
                {
                    special.Add(key);
                    known.Add(key);
                }
            }

            return (known, special.ToImmutable());
        }
    }
}
