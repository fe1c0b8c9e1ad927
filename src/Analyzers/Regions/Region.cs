using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Residency.Analyzers.Regions
{
    /// <summary>The kind of a region value.</summary>
    internal enum RegionKind
    {
        Country,
        EU,
        EEA,
        Adequate,
        Unknown,
    }

    /// <summary>
    /// A parsed region: an ISO 3166-1 alpha-2 country (upper-case, <c>EL</c> normalised to <c>GR</c>) or one of the
    /// groups EU, EEA, Adequate, Unknown.
    /// </summary>
    internal readonly struct Region : IEquatable<Region>
    {
        private static readonly ImmutableHashSet<string> Iso = ImmutableHashSet.CreateRange(StringComparer.Ordinal, RegionTable.IsoCodes.Split(' '));
        private static readonly ImmutableHashSet<string> Eu = ImmutableHashSet.CreateRange(StringComparer.Ordinal, RegionTable.EuMembers.Split(' '));
        private static readonly ImmutableHashSet<string> EeaOnly = ImmutableHashSet.CreateRange(StringComparer.Ordinal, RegionTable.EeaNonEuMembers.Split(' '));
        private static readonly ImmutableDictionary<string, AdequacyDecision> AdequacyByCountry = BuildAdequacy();

        private Region(RegionKind kind, string? country)
        {
            Kind = kind;
            Country = country;
        }

        public static Region Unknown => new(RegionKind.Unknown, null);

        public RegionKind Kind { get; }

        /// <summary>The ISO code when <see cref="Kind"/> is <see cref="RegionKind.Country"/>.</summary>
        public string? Country { get; }

        /// <summary>The canonical code: <c>DE</c>, <c>EU</c>, <c>EEA</c>, <c>Adequate</c>, <c>Unknown</c>.</summary>
        public string Code => Kind switch
        {
            RegionKind.Country => Country!,
            RegionKind.EU => "EU",
            RegionKind.EEA => "EEA",
            RegionKind.Adequate => "Adequate",
            _ => "Unknown",
        };

        /// <summary>The English name of a country (<c>United States</c>), or the code of a group.</summary>
        public string Name => Kind == RegionKind.Country && RegionTable.Names.TryGetValue(Country!, out var name) ? name : Code;

        /// <summary>A human-readable description: <c>US (United States)</c>, <c>EU</c>.</summary>
        public string Display => Kind == RegionKind.Country && RegionTable.Names.TryGetValue(Country!, out var name)
            ? $"{Country} ({name})"
            : Code;

        public bool IsEuCountry => Kind == RegionKind.Country && Eu.Contains(Country!);

        public bool IsEeaCountry => Kind == RegionKind.Country && (Eu.Contains(Country!) || EeaOnly.Contains(Country!));

        public bool IsAdequateCountry => Kind == RegionKind.Country && AdequacyByCountry.ContainsKey(Country!);

        /// <summary>The adequacy decision for this country, if any.</summary>
        public AdequacyDecision? AdequacyDecision => Kind == RegionKind.Country && AdequacyByCountry.TryGetValue(Country!, out var d) ? d : null;

        /// <summary>Parses a region code case-insensitively. Returns false for anything that is not a code or group.</summary>
        public static bool TryParse(string? text, out Region region)
        {
            region = Unknown;
            if (text is null)
            {
                return false;
            }

            var code = text.Trim().ToUpperInvariant();
            switch (code)
            {
                case "EU":
                    region = new Region(RegionKind.EU, null);
                    return true;
                case "EEA":
                    region = new Region(RegionKind.EEA, null);
                    return true;
                case "ADEQUATE":
                    region = new Region(RegionKind.Adequate, null);
                    return true;
                case "UNKNOWN":
                    region = Unknown;
                    return true;
                case "EL":
                    region = new Region(RegionKind.Country, "GR");
                    return true;
            }

            if (code.Length == 2 && Iso.Contains(code))
            {
                region = new Region(RegionKind.Country, code);
                return true;
            }

            return false;
        }

        /// <summary>
        /// A correction for an invalid code where the intent is clear (case is never the problem: codes are
        /// case-insensitive). Returns null when there is no unambiguous suggestion.
        /// </summary>
        public static string? SuggestCorrection(string? text)
        {
            if (text is null)
            {
                return null;
            }

            var key = text.Trim().ToUpperInvariant();
            return RegionTable.Aliases.TryGetValue(key, out var code) ? code : null;
        }

        /// <summary>Whether this region (a country or group) lies entirely within <paramref name="other"/>.</summary>
        public bool IsWithin(Region other)
        {
            switch (other.Kind)
            {
                case RegionKind.Country:
                    return Kind == RegionKind.Country && Country == other.Country;
                case RegionKind.EU:
                    return Kind == RegionKind.EU || IsEuCountry;
                case RegionKind.EEA:
                    return Kind is RegionKind.EU or RegionKind.EEA || IsEeaCountry;
                case RegionKind.Adequate:
                    return Kind == RegionKind.Adequate || IsAdequateCountry;
                default:
                    return Kind == RegionKind.Unknown;
            }
        }

        public bool Equals(Region other) => Kind == other.Kind && Country == other.Country;

        public override bool Equals(object? obj) => obj is Region r && Equals(r);

        public override int GetHashCode() => ((int)Kind * 397) ^ (Country?.GetHashCode() ?? 0);

        public override string ToString() => Code;

        private static ImmutableDictionary<string, AdequacyDecision> BuildAdequacy()
        {
            var builder = ImmutableDictionary.CreateBuilder<string, AdequacyDecision>(StringComparer.Ordinal);
            foreach (var decision in RegionTable.Adequacy)
            {
                builder[decision.Country] = decision;
            }

            return builder.ToImmutable();
        }

        internal static IEnumerable<string> AllIsoCodes => Iso;
    }
}
