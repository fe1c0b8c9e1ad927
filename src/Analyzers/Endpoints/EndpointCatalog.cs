using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Residency.Analyzers.Regions;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>
    /// The host and SDK catalogue: built-in entries (embedded hosts.json and sdks.json, parsed once per process)
    /// merged with a project's residency.json. Host lookups are memoised per host.
    /// </summary>
    internal sealed class EndpointCatalog
    {
        public const string HostsResource = "Residency.Catalog.hosts.json";
        public const string SdksResource = "Residency.Catalog.sdks.json";

        private static readonly Lazy<EndpointCatalog> BuiltInLazy = new(LoadBuiltIn, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly ConcurrentDictionary<string, HostResolution?> _hosts = new(StringComparer.OrdinalIgnoreCase);

        public EndpointCatalog(
            ImmutableDictionary<string, ImmutableDictionary<string, string>> regionMaps,
            ImmutableArray<HostEntry> hosts,
            ImmutableArray<SdkEntry> sdks,
            ImmutableArray<ConfigIssue> issues)
        {
            RegionMaps = regionMaps;
            Hosts = hosts;
            Sdks = sdks;
            Issues = issues;
        }

        /// <summary>The built-in catalogue (embedded resources), parsed once per process.</summary>
        public static EndpointCatalog BuiltIn => BuiltInLazy.Value;

        /// <summary>Map name → (key, case-insensitive) → region code.</summary>
        public ImmutableDictionary<string, ImmutableDictionary<string, string>> RegionMaps { get; }

        public ImmutableArray<HostEntry> Hosts { get; }

        public ImmutableArray<SdkEntry> Sdks { get; }

        /// <summary>Problems met while reading (for the built-in catalogue these are bugs, caught by CatalogValidationTests).</summary>
        public ImmutableArray<ConfigIssue> Issues { get; }

        public string? MapLookup(string map, string key) =>
            RegionMaps.TryGetValue(map, out var values) && values.TryGetValue(key, out var region) ? region : null;

        /// <summary>The best catalogue entry for <paramref name="host"/>, or null when no pattern matches.</summary>
        public HostResolution? Resolve(string host)
        {
            if (string.IsNullOrEmpty(host))
            {
                return null;
            }

            return _hosts.GetOrAdd(host, ResolveCore);
        }

        private HostResolution? ResolveCore(string host)
        {
            var labels = host.TrimEnd('.').ToLowerInvariant().Split('.');
            HostEntry? best = null;
            Dictionary<string, string>? bestCaptures = null, bestMapped = null;
            foreach (var entry in Hosts)
            {
                if (!entry.Pattern.Match(labels, MapLookup, out var captures, out var mapped))
                {
                    continue;
                }

                if (best is null || Better(entry, best))
                {
                    best = entry;
                    bestCaptures = captures;
                    bestMapped = mapped;
                }
            }

            if (best is null)
            {
                return null;
            }

            var region = Region.Unknown;
            var regionText = best.RegionText;
            if (regionText.StartsWith("{", StringComparison.Ordinal) && regionText.EndsWith("}", StringComparison.Ordinal))
            {
                var name = regionText.Substring(1, regionText.Length - 2);
                if (bestMapped is not null && bestMapped.TryGetValue(name, out var mappedCode))
                {
                    Region.TryParse(mappedCode, out region);
                }
            }
            else
            {
                Region.TryParse(regionText, out region);
            }

            // A region-parameterised entry ({org}.ingest.{region}.sentry.io) names its EU host for every region it matches:
            // a host it resolves to the EEA has no alternative to offer, and no host is its own alternative.
            var euAlternative = HostPattern.Expand(best.EuAlternative, bestCaptures);
            var regionFromHost = regionText.StartsWith("{", StringComparison.Ordinal);
            if (euAlternative is not null &&
                ((regionFromHost && (region.Kind is RegionKind.EU or RegionKind.EEA || region.IsEeaCountry)) ||
                 string.Equals(euAlternative, host, StringComparison.OrdinalIgnoreCase)))
            {
                euAlternative = null;
            }

            return new HostResolution(
                host.ToLowerInvariant(),
                region,
                HostPattern.Expand(best.Recipient, bestCaptures) ?? best.Recipient,
                HostPattern.Expand(best.Service, bestCaptures) ?? best.Service,
                euAlternative,
                best);
        }

        /// <summary>Precedence: more literal characters; then no <c>**</c>; more map captures; residency.json; earlier entry.</summary>
        private static bool Better(HostEntry candidate, HostEntry current)
        {
            if (candidate.Pattern.LiteralCount != current.Pattern.LiteralCount)
            {
                return candidate.Pattern.LiteralCount > current.Pattern.LiteralCount;
            }

            if (candidate.Pattern.LeadingDoubleStar != current.Pattern.LeadingDoubleStar)
            {
                return !candidate.Pattern.LeadingDoubleStar;
            }

            if (candidate.Pattern.MapCaptureCount != current.Pattern.MapCaptureCount)
            {
                return candidate.Pattern.MapCaptureCount > current.Pattern.MapCaptureCount;
            }

            if (candidate.IsUser != current.IsUser)
            {
                return candidate.IsUser;
            }

            return candidate.Order < current.Order;
        }

        /// <summary>The built-in catalogue merged with a project's residency.json (user entries override and win ties).</summary>
        public EndpointCatalog WithUser(ResidencyJson user)
        {
            if (user.Hosts.IsEmpty && user.Sdks.IsEmpty && user.RegionMaps.IsEmpty)
            {
                return this;
            }

            var maps = RegionMaps.ToBuilder();
            foreach (var pair in user.RegionMaps)
            {
                var merged = maps.TryGetValue(pair.Key, out var existing) ? existing.ToBuilder() : ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var value in pair.Value)
                {
                    merged[value.Key] = value.Value;
                }

                maps[pair.Key] = merged.ToImmutable();
            }

            var overridden = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in user.Hosts)
            {
                overridden.Add(entry.Pattern.Text);
            }

            var hosts = ImmutableArray.CreateBuilder<HostEntry>();
            foreach (var entry in Hosts)
            {
                if (!overridden.Contains(entry.Pattern.Text))
                {
                    hosts.Add(entry);
                }
            }

            hosts.AddRange(user.Hosts);

            var userTypes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sdk in user.Sdks)
            {
                foreach (var type in sdk.Types)
                {
                    userTypes.Add(type);
                }
            }

            var sdks = ImmutableArray.CreateBuilder<SdkEntry>();
            sdks.AddRange(user.Sdks);
            foreach (var sdk in Sdks)
            {
                bool replaced = false;
                foreach (var type in sdk.Types)
                {
                    replaced |= userTypes.Contains(type);
                }

                if (!replaced)
                {
                    sdks.Add(sdk);
                }
            }

            return new EndpointCatalog(maps.ToImmutable(), hosts.ToImmutable(), sdks.ToImmutable(), Issues);
        }

        private static EndpointCatalog LoadBuiltIn()
        {
            var issues = ImmutableArray.CreateBuilder<ConfigIssue>();
            var hostsText = ReadResource(HostsResource);
            var sdksText = ReadResource(SdksResource);
            var hosts = CatalogReader.Read(hostsText ?? "{}", "hosts.json", isUser: false);
            var sdks = CatalogReader.Read(sdksText ?? "{}", "sdks.json", isUser: false);
            issues.AddRange(hosts.Issues);
            issues.AddRange(sdks.Issues);
            if (hostsText is null || sdksText is null)
            {
                issues.Add(new ConfigIssue("Residency.Analyzers", 0, 0, "the built-in endpoint catalogue could not be loaded"));
            }

            var maps = hosts.RegionMaps.ToBuilder();
            foreach (var pair in sdks.RegionMaps)
            {
                maps[pair.Key] = pair.Value;
            }

            return new EndpointCatalog(maps.ToImmutable(), hosts.Hosts, sdks.Sdks, issues.ToImmutable());
        }

        private static string? ReadResource(string name)
        {
            try
            {
                using var stream = typeof(EndpointCatalog).Assembly.GetManifestResourceStream(name);
                if (stream is null)
                {
                    return null;
                }

                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
