using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>
    /// The application's own infrastructure (docs/endpoints.md): loopback, single-label hosts, <c>*.local</c>, <c>*.internal</c>,
    /// <c>*.svc.cluster.local</c>, private and link-local IPs, plus the organisation's patterns (ResidencyInternalHosts,
    /// residency.json internalHosts). Results are memoised per host.
    /// </summary>
    internal sealed class InternalHosts
    {
        private readonly ImmutableArray<HostPattern> _patterns;
        private readonly ConcurrentDictionary<string, string?> _cache = new(StringComparer.OrdinalIgnoreCase);

        public InternalHosts(ImmutableArray<HostPattern> patterns)
        {
            _patterns = patterns;
        }

        public static ImmutableArray<HostPattern> ParseProperty(string? value)
        {
            var builder = ImmutableArray.CreateBuilder<HostPattern>();
            if (string.IsNullOrWhiteSpace(value))
            {
                return builder.ToImmutable();
            }

            foreach (var raw in value!.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var pattern = HostPattern.TryParse(raw.Trim(), out _);
                if (pattern is not null)
                {
                    builder.Add(pattern);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>Why <paramref name="host"/> is internal (<c>loopback</c>, <c>ResidencyInternalHosts: *.corp.com</c>), or null.</summary>
        public string? Reason(string host) => _cache.GetOrAdd(host, ReasonCore);

        private string? ReasonCore(string host)
        {
            host = host.TrimEnd('.').ToLowerInvariant();
            var labels = host.Split('.');
            foreach (var pattern in _patterns)
            {
                if (pattern.Match(labels, (_, _) => null, out _, out _))
                {
                    return $"internal host pattern {pattern.Text}";
                }
            }

            return BuiltInReason(host);
        }

        internal static string? BuiltInReason(string host)
        {
            if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || host == "::1" || host == "0:0:0:0:0:0:0:1")
            {
                return "loopback";
            }

            if (UrlText.TryParseIPv4(host, out var ip))
            {
                if (ip[0] == 127)
                {
                    return "loopback";
                }

                if (ip[0] == 10 || (ip[0] == 172 && ip[1] >= 16 && ip[1] <= 31) || (ip[0] == 192 && ip[1] == 168))
                {
                    return "private IP address";
                }

                if (ip[0] == 169 && ip[1] == 254)
                {
                    return "link-local IP address";
                }

                return null; // a public IP address: not internal, not in the catalogue
            }

            if (host.IndexOf(':') >= 0)
            {
                // IPv6: unique-local fc00::/7, link-local fe80::/10.
                if (host.StartsWith("fc", StringComparison.Ordinal) || host.StartsWith("fd", StringComparison.Ordinal))
                {
                    return "private IP address";
                }

                return host.StartsWith("fe8", StringComparison.Ordinal) || host.StartsWith("fe9", StringComparison.Ordinal) ||
                       host.StartsWith("fea", StringComparison.Ordinal) || host.StartsWith("feb", StringComparison.Ordinal)
                    ? "link-local IP address"
                    : null;
            }

            if (host.IndexOf('.') < 0)
            {
                return "single-label host";
            }

            if (host.EndsWith(".svc.cluster.local", StringComparison.Ordinal))
            {
                return "Kubernetes service";
            }

            if (host.EndsWith(".local", StringComparison.Ordinal))
            {
                return "*.local host";
            }

            if (host.EndsWith(".internal", StringComparison.Ordinal))
            {
                return "*.internal host";
            }

            return null;
        }
    }
}
