using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>
    /// One value an endpoint expression can take: the text (complete, or only its constant prefix), how it was found
    /// (<c>literal</c>, <c>appsettings.json: OpenAI:Endpoint</c>) and where it is written.
    /// </summary>
    internal sealed class EndpointValue
    {
        public EndpointValue(string text, bool complete, string resolvedBy, Location? location)
        {
            Text = text;
            Complete = complete;
            ResolvedBy = resolvedBy;
            Location = location;
        }

        public string Text { get; }

        /// <summary>False when only a prefix is known (<c>$"https://api.x.com/{id}"</c>).</summary>
        public bool Complete { get; }

        public string ResolvedBy { get; }

        public Location? Location { get; }

        public EndpointValue With(string text, bool complete, string? resolvedBy = null) => new(text, complete, resolvedBy ?? ResolvedBy, Location);
    }

    /// <summary>Where an SDK client or request sends data: a host, or a region given directly (AWS RegionEndpoint).</summary>
    internal sealed class EndpointTarget
    {
        public EndpointTarget(string? host, string? regionCode, bool serviceDiscovery, string resolvedBy, Location? location, string? regionName = null)
        {
            Host = host;
            RegionCode = regionCode;
            ServiceDiscovery = serviceDiscovery;
            ResolvedBy = resolvedBy;
            Location = location;
            RegionName = regionName;
        }

        public string? Host { get; }

        public string? RegionCode { get; }

        /// <summary>The provider's own name of a region given directly (<c>us-east-1</c>), when known: with the entry's <c>serviceHosts</c> it names the host.</summary>
        public string? RegionName { get; }

        public bool ServiceDiscovery { get; }

        public string ResolvedBy { get; }

        public Location? Location { get; }
    }
}
