using System.Collections.Immutable;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>
    /// The content of a catalogue file: the built-in hosts.json/sdks.json or a project's residency.json
    /// (schemas/catalog.schema.json, schemas/residency.schema.json). Problems are collected as <see cref="ConfigIssue"/>s
    /// with their line; reading never throws.
    /// </summary>
    internal sealed class ResidencyJson
    {
        public static readonly ResidencyJson Empty = WithoutEntries(path: null, ImmutableArray<ConfigIssue>.Empty);

        /// <summary>A file that declares nothing (unreadable, or not an object): only its issues.</summary>
        public static ResidencyJson WithoutEntries(string? path, ImmutableArray<ConfigIssue> issues) => new(
            ImmutableArray<HostEntry>.Empty,
            ImmutableDictionary<string, ImmutableDictionary<string, string>>.Empty,
            ImmutableArray<SdkEntry>.Empty,
            ImmutableArray<ConfiguredSink>.Empty,
            ImmutableArray<ConfigValue>.Empty,
            ImmutableArray<HostPattern>.Empty,
            issues,
            path);

        public ResidencyJson(
            ImmutableArray<HostEntry> hosts,
            ImmutableDictionary<string, ImmutableDictionary<string, string>> regionMaps,
            ImmutableArray<SdkEntry> sdks,
            ImmutableArray<ConfiguredSink> sinks,
            ImmutableArray<ConfigValue> configKeys,
            ImmutableArray<HostPattern> internalHosts,
            ImmutableArray<ConfigIssue> issues,
            string? path)
        {
            Hosts = hosts;
            RegionMaps = regionMaps;
            Sdks = sdks;
            Sinks = sinks;
            ConfigKeys = configKeys;
            InternalHosts = internalHosts;
            Issues = issues;
            Path = path;
        }

        public ImmutableArray<HostEntry> Hosts { get; }

        public ImmutableDictionary<string, ImmutableDictionary<string, string>> RegionMaps { get; }

        public ImmutableArray<SdkEntry> Sdks { get; }

        public ImmutableArray<ConfiguredSink> Sinks { get; }

        public ImmutableArray<ConfigValue> ConfigKeys { get; }

        public ImmutableArray<HostPattern> InternalHosts { get; }

        public ImmutableArray<ConfigIssue> Issues { get; }

        public string? Path { get; }

        /// <summary>residency.json <c>sources</c> naming members (property, field, method return value).</summary>
        public ImmutableArray<Sources.MemberSource> SourceMembers { get; init; } = ImmutableArray<Sources.MemberSource>.Empty;

        /// <summary>residency.json <c>sources</c> naming claim types.</summary>
        public ImmutableArray<Sources.ClaimTypeEntry> ClaimTypes { get; init; } = ImmutableArray<Sources.ClaimTypeEntry>.Empty;

        /// <summary>residency.json <c>local</c>: code that keeps data in the process (namespace, type or method names).</summary>
        public ImmutableArray<LocalEntry> Local { get; init; } = ImmutableArray<LocalEntry>.Empty;

        /// <summary>local.json <c>notLocal</c>: exceptions to <see cref="Local"/> (built-in catalogue only).</summary>
        public ImmutableArray<LocalEntry> NotLocal { get; init; } = ImmutableArray<LocalEntry>.Empty;
    }
}
