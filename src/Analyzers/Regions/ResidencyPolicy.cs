using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Residency.Analyzers.Regions
{
    /// <summary>
    /// The regions personal data may go to without a declared transfer: the MSBuild property
    /// <c>ResidencyAllowedRegions</c> (default <c>EEA;Adequate</c>).
    /// </summary>
    internal sealed class ResidencyPolicy
    {
        public const string DefaultAllowedRegions = RegionTable.DefaultAllowedRegions;

        private ResidencyPolicy(ImmutableArray<Region> allowed, ImmutableArray<string> invalidTokens, string text)
        {
            Allowed = allowed;
            InvalidTokens = invalidTokens;
            Text = text;
        }

        public static ResidencyPolicy Default { get; } = Parse(null);

        public ImmutableArray<Region> Allowed { get; }

        /// <summary>Entries of the property that are not region codes (reported as RES004).</summary>
        public ImmutableArray<string> InvalidTokens { get; }

        /// <summary>The policy as the user wrote it, normalised (<c>EEA;Adequate</c>).</summary>
        public string Text { get; }

        public static ResidencyPolicy Parse(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                value = DefaultAllowedRegions;
            }

            var allowed = ImmutableArray.CreateBuilder<Region>();
            var invalid = ImmutableArray.CreateBuilder<string>();
            foreach (var raw in value!.Split(new[] { ';', ',' }))
            {
                var token = raw.Trim();
                if (token.Length == 0)
                {
                    continue;
                }

                if (Region.TryParse(token, out var region))
                {
                    if (!allowed.Contains(region))
                    {
                        allowed.Add(region);
                    }
                }
                else
                {
                    invalid.Add(token);
                }
            }

            return new ResidencyPolicy(allowed.ToImmutable(), invalid.ToImmutable(), string.Join(";", allowed.Select(r => r.Code)));
        }

        /// <summary>Whether a sink in <paramref name="region"/> is allowed. <c>Unknown</c> is never allowed.</summary>
        public bool IsAllowed(Region region)
        {
            if (region.Kind == RegionKind.Unknown)
            {
                return false;
            }

            foreach (var allowed in Allowed)
            {
                if (region.IsWithin(allowed))
                {
                    return true;
                }
            }

            return false;
        }

        public IEnumerable<string> Codes => Allowed.Select(r => r.Code);
    }
}
