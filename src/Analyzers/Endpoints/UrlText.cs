using System;
using System.Collections.Generic;
using System.Globalization;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>What a (possibly partial) URL string says about its destination.</summary>
    internal readonly struct UrlHost
    {
        public UrlHost(string? host, bool isAbsolute, bool isServiceDiscovery)
        {
            Host = host;
            IsAbsolute = isAbsolute;
            IsServiceDiscovery = isServiceDiscovery;
        }

        /// <summary>The host (lower-case, no port or user info), or null when it is not known.</summary>
        public string? Host { get; }

        /// <summary>The text starts with a scheme (<c>https://</c>): a base address does not apply.</summary>
        public bool IsAbsolute { get; }

        /// <summary>.NET Aspire service discovery (<c>https+http://basket-api</c>): always internal.</summary>
        public bool IsServiceDiscovery { get; }
    }

    /// <summary>Hand-written URL and host parsing for endpoint values (no System.Uri: partial texts must work too).</summary>
    internal static class UrlText
    {
        /// <summary>
        /// Reads the host of a URL. <paramref name="complete"/> is false when <paramref name="text"/> is only the constant
        /// prefix of a longer string (<c>$"https://api.x.com/{id}"</c> → <c>https://api.x.com/</c>): the host is then known
        /// only if the prefix goes past it.
        /// </summary>
        public static UrlHost Parse(string text, bool complete, string format = "url")
        {
            text = text.Trim();
            switch (format)
            {
                case "host":
                case "hostPort":
                case "hostAndPath":
                    return new UrlHost(HostOfAuthority(text, complete), isAbsolute: true, isServiceDiscovery: false);
                case "dsn":
                case "url":
                case "urlOrHost":
                case "connectionString":
                default:
                    break;
            }

            int schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd <= 0 || !IsScheme(text, schemeEnd))
            {
                if (format == "urlOrHost" || (format != "url" && format != "dsn"))
                {
                    return new UrlHost(HostOfAuthority(text, complete), isAbsolute: true, isServiceDiscovery: false);
                }

                // A relative URI ("v1/chat", "/users"): the base address applies.
                return new UrlHost(null, isAbsolute: false, isServiceDiscovery: false);
            }

            var scheme = text.Substring(0, schemeEnd);
            var serviceDiscovery = scheme.IndexOf('+') >= 0;
            var host = HostOfAuthority(text.Substring(schemeEnd + 3), complete);
            return new UrlHost(host, isAbsolute: true, serviceDiscovery);
        }

        /// <summary>
        /// The hosts of a MongoDB connection string (<c>mongodb://user:pw@h1:27017,h2:27017/db?replicaSet=rs0</c>,
        /// <c>mongodb+srv://cluster0.ab1cd.mongodb.net/</c>), each with the element it came from; none when the text is
        /// not one, or when only a prefix is known that stops inside the host list.
        /// </summary>
        public static List<(string Host, string Part)> MongoHosts(string text, bool complete)
        {
            var hosts = new List<(string, string)>();
            text = text.Trim();
            int schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd <= 0 || !text.StartsWith("mongodb", StringComparison.OrdinalIgnoreCase))
            {
                return hosts;
            }

            var rest = text.Substring(schemeEnd + 3);
            int end = rest.IndexOfAny(new[] { '/', '?' });
            bool listComplete = complete || end >= 0;
            var authority = end >= 0 ? rest.Substring(0, end) : rest;
            int at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                authority = authority.Substring(at + 1);
            }
            else if (!listComplete)
            {
                return hosts; // "mongodb://" + user + …: the credentials may still come, and the hosts after them
            }

            var parts = authority.Split(',');
            for (int i = 0; i < parts.Length; i++)
            {
                var part = parts[i].Trim();
                var host = HostOfAuthority(part, listComplete || i < parts.Length - 1);
                if (host is not null)
                {
                    hosts.Add((host, part));
                }
            }

            return hosts;
        }

        /// <summary>
        /// The Elasticsearch host of an Elastic Cloud ID: <c>[label:]base64("{domain}[:port]${es-uuid}[${kibana-uuid}]")</c>,
        /// whose cluster is <c>{es-uuid}.{domain}</c> (<c>staging:dXMtZWFzdC0xLmF3cy5mb3VuZC5pbyRjZWM2…</c> →
        /// <c>cec6….us-east-1.aws.found.io</c>). Null when the text is not a whole Cloud ID.
        /// </summary>
        public static string? CloudIdHost(string text, bool complete)
        {
            text = text.Trim();
            if (!complete || text.Length == 0 || text.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                return null;
            }

            int colon = text.LastIndexOf(':');
            var encoded = colon >= 0 ? text.Substring(colon + 1) : text;
            string decoded;
            try
            {
                decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            catch (FormatException)
            {
                return null;
            }

            var parts = decoded.Split('$');
            if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                return null;
            }

            var domain = parts[0];
            int port = domain.IndexOf(':');
            if (port >= 0)
            {
                domain = domain.Substring(0, port);
            }

            var host = (parts[1] + "." + domain).Trim().TrimEnd('.').ToLowerInvariant();
            return IsHostText(host) && host.IndexOf(':') < 0 ? host : null;
        }

        private static bool IsScheme(string text, int end)
        {
            for (int i = 0; i < end; i++)
            {
                char c = text[i];
                if (!char.IsLetterOrDigit(c) && c != '+' && c != '-' && c != '.')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The host of <c>[user@]host[:port][/path…]</c>; null when the prefix stops inside the host.</summary>
        private static string? HostOfAuthority(string rest, bool complete)
        {
            int end = rest.IndexOfAny(new[] { '/', '?', '#' });
            bool terminated = end >= 0;
            var authority = terminated ? rest.Substring(0, end) : rest;
            int at = authority.LastIndexOf('@');
            if (at >= 0)
            {
                authority = authority.Substring(at + 1);
            }

            string host;
            if (authority.StartsWith("[", StringComparison.Ordinal))
            {
                int close = authority.IndexOf(']');
                if (close < 0)
                {
                    return null;
                }

                host = authority.Substring(1, close - 1);
                terminated = true;
            }
            else
            {
                int colon = authority.IndexOf(':');
                if (colon >= 0)
                {
                    host = authority.Substring(0, colon);
                    terminated = true;
                }
                else
                {
                    host = authority;
                }
            }

            if (!terminated && !complete)
            {
                return null; // "https://api." + region + ".example.com": the host continues after the known part.
            }

            host = host.Trim().TrimEnd('.').ToLowerInvariant();
            return IsHostText(host) ? host : null;
        }

        internal static bool IsHostText(string host)
        {
            if (host.Length == 0)
            {
                return false;
            }

            foreach (char c in host)
            {
                if (!char.IsLetterOrDigit(c) && c != '-' && c != '.' && c != '_' && c != ':')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The value of <paramref name="key"/> in a <c>Key=Value;…</c> connection string.</summary>
        public static string? ConnectionStringValue(string text, string key)
        {
            foreach (var part in text.Split(';'))
            {
                int eq = part.IndexOf('=');
                if (eq > 0 && string.Equals(part.Substring(0, eq).Trim(), key, StringComparison.OrdinalIgnoreCase))
                {
                    return part.Substring(eq + 1).Trim();
                }
            }

            return null;
        }

        /// <summary>
        /// The servers a database connection string names (docs/endpoints.md, "Databases (Entity Framework Core)"): the value
        /// of the first of <paramref name="keys"/> it has, read as a SQL Server data source (<c>[tcp:]host[\instance][,port]</c>;
        /// <c>.</c>, <c>(local)</c> and <c>(localdb)\…</c> are this machine) when <paramref name="sqlServer"/>, otherwise as a
        /// comma-separated list of <c>host[:port]</c>; a URL (<c>postgres://user:…@host:5432/db</c>, a key's
        /// <c>https://acme.documents.azure.com:443/</c>) is its host. Empty when the
        /// text does not say, or says it only in a part that is not known (a value at the end of an incomplete text).
        /// </summary>
        public static List<string> DatabaseHosts(string text, bool complete, IEnumerable<string> keys, bool sqlServer)
        {
            var hosts = new List<string>();
            if (text.IndexOf("://", StringComparison.Ordinal) > 0 && !IsConnectionString(text))
            {
                if (Parse(text, complete).Host is { } urlHost)
                {
                    hosts.Add(urlHost);
                }

                return hosts;
            }

            foreach (var key in keys)
            {
                if (ConnectionStringValue(text, key) is not { Length: > 0 } value)
                {
                    continue;
                }

                if (!complete && text.TrimEnd().EndsWith(value, StringComparison.Ordinal))
                {
                    return hosts; // the value may go on in the unknown rest
                }

                foreach (var part in sqlServer ? new[] { value } : value.Split(','))
                {
                    var host = part.Trim().Trim('"', '\'');
                    if (host.IndexOf("://", StringComparison.Ordinal) > 0)
                    {
                        // A URL (Cosmos DB's AccountEndpoint=https://acme.documents.azure.com:443/): its host.
                        host = Parse(host, true).Host ?? string.Empty;
                    }
                    else if (sqlServer)
                    {
                        int colon = host.IndexOf(':');
                        if (colon > 0 && colon < 6)
                        {
                            host = host.Substring(0, colon).Equals("lpc", StringComparison.OrdinalIgnoreCase) ? "localhost" : host.Substring(colon + 1); // tcp:, np:, lpc:, admin:
                        }

                        int comma = host.IndexOf(',');
                        host = comma >= 0 ? host.Substring(0, comma) : host;
                        if (host.StartsWith("(localdb)", StringComparison.OrdinalIgnoreCase))
                        {
                            host = "localhost";
                        }

                        int backslash = host.IndexOf('\\');
                        host = backslash >= 0 ? host.Substring(0, backslash) : host;
                        if (host is "." || host.Equals("(local)", StringComparison.OrdinalIgnoreCase))
                        {
                            host = "localhost";
                        }
                    }
                    else
                    {
                        int colon = host.LastIndexOf(':');
                        if (colon > 0 && host.IndexOf(':') == colon)
                        {
                            host = host.Substring(0, colon);
                        }
                    }

                    host = host.Trim().TrimEnd('.').ToLowerInvariant();
                    if (host.Length > 0 && !hosts.Contains(host))
                    {
                        hosts.Add(host);
                    }
                }

                return hosts;
            }

            return hosts;
        }

        /// <summary>
        /// Whether <paramref name="text"/> is a <c>Key=Value;…</c> connection string rather than a URI: it has a '=' before
        /// any <c>://</c> (a URI's query string, <c>?sv=…</c>, comes after its scheme).
        /// </summary>
        public static bool IsConnectionString(string text)
        {
            int eq = text.IndexOf('=');
            int scheme = text.IndexOf("://", StringComparison.Ordinal);
            return eq > 0 && (scheme < 0 || eq < scheme);
        }

        /// <summary>
        /// The host of an Azure Storage connection string for one service: the URI in <paramref name="endpointKey"/>
        /// (<c>BlobEndpoint=https://acct.blob.core.windows.net/</c>), else <c>{AccountName}.{service}.{EndpointSuffix}</c>, the
        /// service named by the key (<c>BlobEndpoint</c> → <c>blob</c>) and the suffix <c>core.windows.net</c> when absent;
        /// <c>UseDevelopmentStorage=true</c> is the local emulator (<c>127.0.0.1</c>). Null when the text does not tell
        /// (a key only in the unknown rest of an incomplete text). <paramref name="how"/> says which form it was.
        /// </summary>
        public static string? StorageHost(string text, bool complete, string endpointKey, out string how)
        {
            how = endpointKey;
            var explicitEndpoint = KnownValue(text, complete, endpointKey);
            if (explicitEndpoint is not null)
            {
                return Parse(explicitEndpoint, complete: true).Host;
            }

            if (ContainerConnectionEndpoint(text, complete) is { } containerEndpoint)
            {
                // .NET Aspire's blob container connection string: the service URI, or the emulator's whole connection string.
                if (IsConnectionString(containerEndpoint))
                {
                    var inner = StorageHost(containerEndpoint, complete: true, endpointKey, out var innerHow);
                    how = "Endpoint of a blob container connection string, " + innerHow;
                    return inner;
                }

                how = "Endpoint of a blob container connection string";
                return Parse(containerEndpoint, complete: true).Host;
            }

            if (string.Equals(KnownValue(text, complete, "UseDevelopmentStorage"), "true", StringComparison.OrdinalIgnoreCase))
            {
                how = "UseDevelopmentStorage=true: the local storage emulator";
                return "127.0.0.1";
            }

            var account = KnownValue(text, complete, "AccountName");
            var suffix = KnownValue(text, complete, "EndpointSuffix");
            if (account is null || !endpointKey.EndsWith("Endpoint", StringComparison.Ordinal) || endpointKey.Length == "Endpoint".Length ||
                (suffix is null && !complete))
            {
                return null;
            }

            var service = endpointKey.Substring(0, endpointKey.Length - "Endpoint".Length).ToLowerInvariant();
            how = suffix is null ? "AccountName, default EndpointSuffix core.windows.net" : "AccountName + EndpointSuffix";
            var host = $"{account}.{service}.{(suffix ?? "core.windows.net").Trim('.')}".ToLowerInvariant();
            return IsHostText(host) ? host : null;
        }

        /// <summary>
        /// The <c>Endpoint</c> of a .NET Aspire blob container connection string, <c>Endpoint={value};ContainerName={name}</c>
        /// (<c>AddAzureBlobContainerClient</c>): the blob service URI, or for the local emulator a whole storage connection
        /// string in quotes. Null when the text is not one (both keys are needed), or when in an incomplete text the endpoint
        /// runs into the unknown rest.
        /// </summary>
        public static string? ContainerConnectionEndpoint(string text, bool complete)
        {
            string? endpoint = null;
            bool container = false;
            int i = 0;
            while (i < text.Length)
            {
                int eq = text.IndexOf('=', i);
                if (eq < 0)
                {
                    break;
                }

                var key = text.Substring(i, eq - i);
                key = key.Substring(key.LastIndexOf(';') + 1).Trim(); // a part without '=' before it is skipped
                int start = eq + 1;
                while (start < text.Length && text[start] == ' ')
                {
                    start++;
                }

                string value;
                bool known;
                if (start < text.Length && (text[start] == '"' || text[start] == '\''))
                {
                    int close = text.IndexOf(text[start], start + 1);
                    known = close > 0;
                    value = known ? text.Substring(start + 1, close - start - 1) : text.Substring(start + 1);
                    int next = known ? text.IndexOf(';', close) : -1;
                    i = next < 0 ? text.Length : next + 1;
                }
                else
                {
                    int next = text.IndexOf(';', start);
                    known = next >= 0 || complete;
                    value = (next < 0 ? text.Substring(start) : text.Substring(start, next - start)).Trim();
                    i = next < 0 ? text.Length : next + 1;
                }

                if (string.Equals(key, "Endpoint", StringComparison.OrdinalIgnoreCase))
                {
                    endpoint = known && value.Length > 0 ? value : null;
                }
                else if (string.Equals(key, "ContainerName", StringComparison.OrdinalIgnoreCase))
                {
                    container = true;
                }
            }

            return container ? endpoint : null;
        }

        /// <summary>
        /// The host of a value that is either a <c>Key=Value;…</c> connection string or a URL or bare host (a Service Bus
        /// client's <c>Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=…</c> or its fully qualified namespace
        /// <c>ns.servicebus.windows.net</c>): a connection string's host is that of the URI in <paramref name="endpointKey"/>,
        /// anything else is read as a URL or a bare host. Null when the text does not tell (the key missing, or only in the
        /// unknown rest of an incomplete text). <paramref name="how"/> says which form it was.
        /// </summary>
        public static UrlHost ConnectionStringOrHost(string text, bool complete, string endpointKey, out string? how)
        {
            if (!IsConnectionString(text))
            {
                how = null;
                return Parse(text, complete, "urlOrHost");
            }

            how = "connection string: " + endpointKey;
            var endpoint = KnownValue(text, complete, endpointKey);
            return endpoint is null ? new UrlHost(null, isAbsolute: true, isServiceDiscovery: false) : Parse(endpoint, complete: true, "urlOrHost");
        }

        /// <summary>A connection string's value for <paramref name="key"/>, when it is known: non-empty, and in an incomplete text followed by a ';'.</summary>
        private static string? KnownValue(string text, bool complete, string key)
        {
            var parts = text.Split(';');
            for (int i = 0; i < parts.Length; i++)
            {
                var part = parts[i];
                int eq = part.IndexOf('=');
                if (eq > 0 && string.Equals(part.Substring(0, eq).Trim(), key, StringComparison.OrdinalIgnoreCase))
                {
                    var value = part.Substring(eq + 1).Trim();
                    return value.Length > 0 && (complete || i < parts.Length - 1) ? value : null;
                }
            }

            return null;
        }

        /// <summary>Combines a base address and a relative reference for display (<c>https://a/v1/</c> + <c>chat</c>).</summary>
        public static string Combine(string baseText, string relative)
        {
            if (relative.Length == 0)
            {
                return baseText;
            }

            if (baseText.EndsWith("/", StringComparison.Ordinal) && relative.StartsWith("/", StringComparison.Ordinal))
            {
                return baseText + relative.Substring(1);
            }

            return baseText.EndsWith("/", StringComparison.Ordinal) || relative.StartsWith("/", StringComparison.Ordinal) ? baseText + relative : baseText + "/" + relative;
        }

        internal static bool TryParseIPv4(string host, out byte[] bytes)
        {
            bytes = new byte[4];
            var parts = host.Split('.');
            if (parts.Length != 4)
            {
                return false;
            }

            for (int i = 0; i < 4; i++)
            {
                if (parts[i].Length == 0 || parts[i].Length > 3 || !byte.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out bytes[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
