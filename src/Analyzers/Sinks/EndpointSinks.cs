using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Regions;

namespace Residency.Analyzers.Sinks
{
    /// <summary>Turns resolved endpoints (hosts or regions) into <see cref="SinkInfo"/>s: internal rules first, then the catalogue.</summary>
    internal sealed class EndpointSinks
    {
        private readonly ProjectEndpoints _project;

        public EndpointSinks(ProjectEndpoints project)
        {
            _project = project;
        }

        /// <summary>
        /// The sink of a call whose endpoint resolution threw (the code around it half-typed at a keystroke, or a shape no
        /// provider foresaw): unknown, with the exception's type in its explanation, never an AD0001.
        /// </summary>
        public SinkInfo ResolutionFailed(SinkKind kind, string display, System.Exception exception, string? recipient = null) =>
            ForHost(kind, display, null, false, $"endpoint resolution failed ({exception.GetType().Name})", null, recipient);

        /// <summary>
        /// The sink of a URL or base address a client library was given (a Refit client's base address, a gRPC channel's
        /// address, a Flurl request's URL): its host through the internal rules and the catalogue; a relative text (no
        /// scheme) names no host. <paramref name="what"/> names the value in the explanation.
        /// </summary>
        public SinkInfo ForUrl(SinkKind kind, string display, EndpointValue value, string what, string format = "url")
        {
            var url = UrlText.Parse(value.Text, value.Complete, format);
            return url.IsAbsolute
                ? ForHost(kind, display, url.Host, url.IsServiceDiscovery, value.ResolvedBy, value.Location, null)
                : ForHost(kind, display, null, false, $"{what} '{value.Text}' is not an absolute URI", value.Location, null, target: $"relative '{UrlHint.Shorten(value.Text)}'");
        }

        /// <summary>A sink for a host (or for an unresolved endpoint when <paramref name="host"/> is null).</summary>
        public SinkInfo ForHost(SinkKind kind, string display, string? host, bool serviceDiscovery, string resolvedBy, Location? location, string? fallbackRecipient, string? fallbackRegion = null, string? hint = null, string? target = null)
        {
            if (serviceDiscovery)
            {
                return new SinkInfo(kind, $"{display} {host ?? "service"}", Region.Unknown, fallbackRecipient, host, null, $"{resolvedBy} → .NET Aspire service discovery (internal)", isInternal: true, location: location);
            }

            if (host is null)
            {
                var region = Region.Unknown;
                if (fallbackRegion is not null)
                {
                    Region.TryParse(fallbackRegion, out region);
                }

                return new SinkInfo(kind, target is null ? display : $"{display} ‹{target}›", region, fallbackRecipient, null, null, resolvedBy, location: location, hint: hint, target: target);
            }

            var named = $"{display} {host}";
            var reason = _project.Internal.Reason(host);
            if (reason is not null)
            {
                return new SinkInfo(kind, named, Region.Unknown, fallbackRecipient, host, null, $"{resolvedBy} → {reason} (internal)", isInternal: true, location: location);
            }

            var resolution = _project.Catalog.Resolve(host);
            if (resolution is null)
            {
                return new SinkInfo(kind, named, Region.Unknown, fallbackRecipient, host, null, $"{resolvedBy} → host {host} is not in the catalogue", location: location, hint: HostsEntry(host));
            }

            // A host several services share names the recipient of the SDK a catalogued client belongs to (Event Hubs, not Service Bus).
            var recipient = resolution.Entry.RecipientFromSdk && kind == SinkKind.Sdk && fallbackRecipient is not null ? fallbackRecipient : resolution.Recipient ?? fallbackRecipient;
            return new SinkInfo(kind, named, resolution.Region, recipient, host, resolution.Entry.Purpose, $"{resolvedBy} → {resolution.Describe()}", location: location, euAlternative: resolution.EuAlternative,
                hint: resolution.Region.Kind == RegionKind.Unknown ? HostsEntry(host) : null);
        }

        /// <summary>The residency.json entry that states a host's region (an Azure OpenAI resource's, an unlisted API's).</summary>
        public static string HostsEntry(string host) =>
            $"add {{ \"pattern\": \"{host}\", \"region\": \"<region>\" }} to \"hosts\" in residency.json (the region of the resource or service behind the host)";

        public SinkInfo ForRegion(SinkKind kind, string display, string regionCode, string? recipient, string resolvedBy, Location? location)
        {
            Region.TryParse(regionCode, out var region);
            return new SinkInfo(kind, $"{display} ({region.Code})", region, recipient, null, null, resolvedBy, location: location);
        }

        /// <summary>One sink per distinct (region, internal) pair, in order; at most a handful.</summary>
        public static ImmutableArray<SinkInfo> Distinct(IEnumerable<SinkInfo> sinks)
        {
            var seen = new HashSet<string>();
            var builder = ImmutableArray.CreateBuilder<SinkInfo>();
            foreach (var sink in sinks)
            {
                if (seen.Add(sink.Region.Code + "|" + sink.IsInternal) && builder.Count < 8)
                {
                    builder.Add(sink);
                }
            }

            return builder.ToImmutable();
        }
    }
}
