using System;
using System.Collections.Generic;
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

        /// <summary>
        /// The targets of endpoint values written in a catalogue <c>valueFormat</c> (docs/endpoints.md, "How an SDK's endpoint
        /// value is read"): a URL or host, a connection string's key, a storage connection string's account. Shared by the
        /// SDK entries (sdks.json) and the logging sinks (logging.json), which use the same formats.
        /// </summary>
        public static void AddFrom(List<EndpointTarget> result, IEnumerable<EndpointValue> values, string valueFormat, string? connectionStringKey, string? via)
        {
            foreach (var value in values)
            {
                var text = value.Text;
                var format = valueFormat;
                var through = via is null ? value.ResolvedBy : $"{via} ← {value.ResolvedBy}";
                if (format == "connectionString")
                {
                    var inner = UrlText.ConnectionStringValue(text, connectionStringKey ?? "IngestionEndpoint");
                    if (inner is null)
                    {
                        continue;
                    }

                    text = inner;
                    format = "url";
                }
                else if (format == "storageConnectionString")
                {
                    if (UrlText.IsConnectionString(text))
                    {
                        var host = UrlText.StorageHost(text, value.Complete, connectionStringKey ?? "BlobEndpoint", out var how);
                        if (host is not null)
                        {
                            result.Add(new EndpointTarget(host, null, false, $"{through} (connection string: {how})", value.Location));
                        }

                        continue;
                    }

                    format = "url"; // a service, container or blob URI
                }
                else if (format == "connectionStringOrHost")
                {
                    // new ServiceBusClient(connectionString) or new ServiceBusClient(fullyQualifiedNamespace, credential): one entry, two shapes.
                    var host = UrlText.ConnectionStringOrHost(text, value.Complete, connectionStringKey ?? "Endpoint", out var how);
                    if (host.Host is not null)
                    {
                        result.Add(new EndpointTarget(host.Host, null, host.IsServiceDiscovery, how is null ? through : $"{through} ({how})", value.Location));
                    }

                    continue;
                }
                else if (format is "redisConfiguration" or "hostList")
                {
                    // StackExchange.Redis: "cache.example.com:6380,password=…,ssl=True": the elements without '=' are the
                    // endpoints (host[:port]); a configuration may list several (a cluster, replicas). A host list (Kafka's
                    // bootstrap servers, "b1.example.com:9092,b2.example.com:9092") is the same without options.
                    var parts = text.Split(',');
                    for (int i = 0; i < parts.Length; i++)
                    {
                        var part = parts[i].Trim();
                        if (part.Length == 0 || part.IndexOf('=') >= 0)
                        {
                            continue;
                        }

                        var endpoint = UrlText.Parse(part, value.Complete || i < parts.Length - 1, "hostPort");
                        if (endpoint.Host is not null)
                        {
                            result.Add(new EndpointTarget(endpoint.Host, null, false, format == "hostList" ? $"{through} (host {part})" : $"{through} (configuration endpoint {part})", value.Location));
                        }
                    }

                    continue;
                }
                else if (format == "mongoConnectionString")
                {
                    // mongodb://[user:password@]host1[:port1][,host2[:port2]…][/database][?options], or mongodb+srv://…@host
                    // (a DNS seed list: the cluster's name). Every host of the list is an endpoint. A text without a scheme is
                    // a server's host (new MongoServerAddress(host, port)).
                    if (text.IndexOf("://", StringComparison.Ordinal) < 0)
                    {
                        var server = UrlText.Parse(text, value.Complete, "hostPort");
                        if (server.Host is not null)
                        {
                            result.Add(new EndpointTarget(server.Host, null, false, through, value.Location));
                        }

                        continue;
                    }

                    foreach (var (host, part) in UrlText.MongoHosts(text, value.Complete))
                    {
                        result.Add(new EndpointTarget(host, null, false, $"{through} (host {part})", value.Location));
                    }

                    continue;
                }
                else if (format == "urlOrCloudId")
                {
                    // Elasticsearch clients: a node's URI, or an Elastic Cloud ID (its cluster's host, base64-encoded); .NET
                    // Aspire's connection string names either (Endpoint=https://…;ApiKey=…, CloudId=…;ApiKey=…).
                    if (UrlText.ConnectionStringValue(text, "Endpoint") is { } endpointUri)
                    {
                        text = endpointUri;
                    }
                    else if (UrlText.ConnectionStringValue(text, "CloudId") is { } cloudId)
                    {
                        text = cloudId;
                    }

                    if (text.IndexOf("://", StringComparison.Ordinal) < 0)
                    {
                        if (UrlText.CloudIdHost(text, value.Complete) is { } cluster)
                        {
                            result.Add(new EndpointTarget(cluster, null, false, $"{through} (Cloud ID)", value.Location));
                        }

                        continue;
                    }

                    format = "url";
                }
                else if (format == "adyenLivePrefix")
                {
                    continue; // not a host: the entry's default region applies
                }

                var parsed = UrlText.Parse(text, value.Complete, format);
                result.Add(new EndpointTarget(parsed.Host, null, parsed.IsServiceDiscovery, through, value.Location));
            }
        }
    }
}
