using System;
using System.Collections.Immutable;
using Residency.Analyzers.Json;
using Residency.Analyzers.Regions;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>Reads the <c>sdks</c> section of a catalogue.</summary>
    internal static partial class CatalogReader
    {
        /// <summary>
        /// The values an SDK endpoint's <c>valueFormat</c> may take: how a host is read from an endpoint value
        /// (docs/endpoints.md, "How an SDK's endpoint value is read"). Any other value is an issue (RES004 in residency.json),
        /// and the entry reads its values as URLs.
        /// </summary>
        internal static readonly ImmutableArray<string> ValueFormats = ImmutableArray.Create(
            "url", "host", "hostPort", "hostAndPath", "urlOrHost", "dsn", "connectionString", "storageConnectionString", "connectionStringOrHost", "redisConfiguration", "hostList", "mongoConnectionString", "adyenLivePrefix", "urlOrCloudId");

        private sealed partial class Reader
        {
            public ImmutableArray<SdkEntry> ReadSdks(JsonNode? node)
            {
                var sdks = ImmutableArray.CreateBuilder<SdkEntry>();
                if (node is null)
                {
                    return sdks.ToImmutable();
                }

                if (!node.IsArray)
                {
                    Issue(node, "'sdks' must be an array");
                    return sdks.ToImmutable();
                }

                foreach (var item in node.Items)
                {
                    if (!item.IsObject)
                    {
                        Issue(item, "an SDK entry must be an object with 'types'");
                        continue;
                    }

                    var types = Strings(item.Get("types"), "types");
                    if (types.IsEmpty)
                    {
                        Issue(item, "an SDK entry needs a non-empty 'types' array of full type names");
                        continue;
                    }

                    var entry = new SdkEntry
                    {
                        Package = item.GetString("package"),
                        Types = types,
                        MatchDerived = item.GetBool("matchDerived") ?? false,
                        Service = item.GetString("service"),
                        Recipient = item.GetString("recipient"),
                        DefaultHost = item.GetString("defaultHost"),
                        ChildFactories = Strings(item.Get("childFactories"), "childFactories"),
                        ChildMembers = Strings(item.Get("childMembers"), "childMembers"),
                        SinkNamespaces = Strings(item.Get("sinkNamespaces"), "sinkNamespaces"),
                        ServiceNamespaces = Strings(item.Get("serviceNamespaces"), "serviceNamespaces"),
                        NotSinks = Strings(item.Get("notSinks"), "notSinks").ToImmutableHashSet(StringComparer.Ordinal),
                        ActivatedBy = Methods(item.Get("activatedBy"), types[0], "activatedBy"),
                        IsUser = _isUser,
                        Node = item,
                    };

                    var defaultRegion = item.Get("defaultRegion");
                    if (defaultRegion is { IsString: true })
                    {
                        if (Region.TryParse(defaultRegion.Text, out _))
                        {
                            entry.DefaultRegionText = defaultRegion.Text;
                        }
                        else
                        {
                            Issue(defaultRegion, $"SDK '{types[0]}': defaultRegion '{defaultRegion.Text}' is not a region code");
                        }
                    }

                    if (item.Get("endpoint") is { IsObject: true } endpoint)
                    {
                        var options = ImmutableArray.CreateBuilder<OptionsProperty>();
                        if (endpoint.GetString("optionsType") is { } optionsType && endpoint.GetString("optionsProperty") is { } optionsProperty)
                        {
                            options.Add(new OptionsProperty(optionsType, optionsProperty));
                        }

                        if (endpoint.Get("otherOptions") is { IsArray: true } others)
                        {
                            foreach (var other in others.Items)
                            {
                                if (other.GetString("optionsType") is { } t && other.GetString("optionsProperty") is { } p)
                                {
                                    options.Add(new OptionsProperty(t, p));
                                }
                            }
                        }

                        var valueFormat = "url";
                        if (endpoint.Get("valueFormat") is { } format)
                        {
                            if (format.IsString && ValueFormats.Contains(format.Text!))
                            {
                                valueFormat = format.Text!;
                            }
                            else
                            {
                                Issue(format, $"SDK '{types[0]}': valueFormat '{(format.IsString ? format.Text : "?")}' is not one of {string.Join(", ", ValueFormats)}");
                            }
                        }

                        var connectionNames = ImmutableArray.CreateBuilder<ConnectionNameRegistration>();
                        if (endpoint.Get("connectionNames") is { } names)
                        {
                            if (!names.IsArray)
                            {
                                Issue(names, $"SDK '{types[0]}': connectionNames must be an array of {{ \"method\", \"section\" }} objects");
                            }
                            else
                            {
                                foreach (var name in names.Items)
                                {
                                    var method = name.IsObject ? name.GetString("method") : null;
                                    var section = name.IsObject ? name.GetString("section") : null;
                                    if (method is null || method.LastIndexOf('.') <= 0 || section is null)
                                    {
                                        Issue(name, $"SDK '{types[0]}': a connectionNames entry needs 'method' (Type.Method) and 'section'");
                                        continue;
                                    }

                                    connectionNames.Add(new ConnectionNameRegistration(method, section));
                                }
                            }
                        }

                        entry.Endpoint = new SdkEndpoint
                        {
                            Options = options.ToImmutable(),
                            ConstructorParameters = Strings(endpoint.Get("constructorParameters"), "constructorParameters"),
                            SettingsTypes = Strings(endpoint.Get("settingsTypes"), "settingsTypes"),
                            Properties = Strings(endpoint.Get("properties"), "properties"),
                            ConnectMethods = Strings(endpoint.Get("connectMethods"), "connectMethods"),
                            ConfigKeys = Strings(endpoint.Get("configKeys"), "configKeys"),
                            ParseMethods = endpoint.Get("parseMethods") is { } parse ? Strings(parse, "parseMethods") : SdkEndpoint.DefaultParseMethods,
                            Registrations = Registrations(endpoint.Get("registrations"), types[0]),
                            ConnectionNames = connectionNames.ToImmutable(),
                            ValueFormat = valueFormat,
                            ConnectionStringKey = endpoint.GetString("connectionStringKey"),
                            HttpClientParameters = Strings(endpoint.Get("httpClientParameters"), "httpClientParameters"),
                            ConfigureParameters = Strings(endpoint.Get("configureParameters"), "configureParameters"),
                            RequestUrl = RequestUrl(endpoint.Get("requestUrl"), types[0]),
                            ChildFactoryParameters = Strings(endpoint.Get("childFactoryParameters"), "childFactoryParameters"),
                        };
                    }

                    if (item.Get("region") is { IsObject: true } region)
                    {
                        var overrides = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
                        if (region.Get("hostOverrides") is { IsObject: true } hostOverrides)
                        {
                            foreach (var pair in hostOverrides.Members)
                            {
                                if (pair.Value.IsString)
                                {
                                    overrides[pair.Key] = pair.Value.Text!;
                                }
                            }
                        }

                        var serviceHosts = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                        if (region.Get("serviceHosts") is { IsObject: true } services)
                        {
                            foreach (var pair in services.Members)
                            {
                                if (pair.Value.IsString && pair.Value.Text!.IndexOf("{region}", StringComparison.Ordinal) >= 0)
                                {
                                    serviceHosts[pair.Key] = pair.Value.Text!;
                                }
                                else
                                {
                                    Issue(pair.Value, $"SDK '{types[0]}': serviceHosts '{pair.Key}' must be a host template with {{region}}");
                                }
                            }
                        }

                        entry.Region = new SdkRegion
                        {
                            ParameterType = region.GetString("parameterType"),
                            StaticMembersMap = region.GetString("staticMembersMap"),
                            GetBySystemNameMap = region.GetString("getBySystemNameMap"),
                            Options = region.GetString("optionsType") is { } rt && region.GetString("optionsProperty") is { } rp ? new OptionsProperty(rt, rp) : null,
                            ConstructorParameters = Strings(region.Get("constructorParameters"), "constructorParameters"),
                            Properties = Strings(region.Get("properties"), "properties"),
                            StaticMethods = Strings(region.Get("staticMethods"), "staticMethods"),
                            EdgeConstructorParameters = Strings(region.Get("edgeConstructorParameters"), "edgeConstructorParameters"),
                            EdgeProperties = Strings(region.Get("edgeProperties"), "edgeProperties"),
                            EdgeStaticMethods = Strings(region.Get("edgeStaticMethods"), "edgeStaticMethods"),
                            ConfigKeys = Strings(region.Get("configKeys"), "configKeys"),
                            Map = region.GetString("map"),
                            HostTemplate = region.GetString("hostTemplate"),
                            HostTemplateWithoutEdge = region.GetString("hostTemplateWithoutEdge"),
                            HostOverrides = overrides.ToImmutable(),
                            ServiceHosts = serviceHosts.ToImmutable(),
                            EnabledByParameter = region.Get("enabledBy")?.GetString("constructorParameter"),
                        };
                    }

                    if (item.Get("residencyMethod") is { IsObject: true } residency)
                    {
                        entry.ResidencyMethodType = residency.GetString("type");
                        entry.ResidencyMethod = residency.GetString("method");
                        var hosts = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
                        if (residency.Get("hosts") is { IsObject: true } map)
                        {
                            foreach (var pair in map.Members)
                            {
                                if (pair.Value.IsString)
                                {
                                    hosts[pair.Key] = pair.Value.Text!;
                                }
                            }
                        }

                        entry.ResidencyHosts = hosts.ToImmutable();
                    }

                    sdks.Add(entry);
                }

                return sdks.ToImmutable();
            }

            /// <summary>An array of <c>Type.Method</c> names.</summary>
            private ImmutableArray<string> Methods(JsonNode? node, string sdk, string property)
            {
                var builder = ImmutableArray.CreateBuilder<string>();
                foreach (var method in Strings(node, property))
                {
                    if (method.LastIndexOf('.') <= 0)
                    {
                        Issue(node!, $"SDK '{sdk}': {property} entries are Type.Method names ('{method}' is not)");
                        continue;
                    }

                    builder.Add(method);
                }

                return builder.ToImmutable();
            }

            /// <summary><c>endpoint.requestUrl</c>: an object with <c>parameters</c> and, optionally, <c>types</c> and <c>properties</c>.</summary>
            private SdkRequestUrl? RequestUrl(JsonNode? node, string sdk)
            {
                if (node is null || node.Kind == JsonKind.Null)
                {
                    return null;
                }

                var parameters = node.IsObject ? Strings(node.Get("parameters"), "parameters") : ImmutableArray<string>.Empty;
                if (parameters.IsEmpty)
                {
                    Issue(node, $"SDK '{sdk}': requestUrl is an object with 'parameters' (the names of the arguments that hold the URL), and optionally 'types' and 'properties'");
                    return null;
                }

                return new SdkRequestUrl(parameters, Strings(node.Get("types"), "types"), Strings(node.Get("properties"), "properties"));
            }

            /// <summary><c>endpoint.registrations</c>: <c>Type.Method</c> strings, or objects with <c>method</c> and <c>parameters</c>, <c>hostTemplate</c> or <c>host</c>.</summary>
            private ImmutableArray<SdkRegistration> Registrations(JsonNode? node, string sdk)
            {
                var builder = ImmutableArray.CreateBuilder<SdkRegistration>();
                if (node is null)
                {
                    return builder.ToImmutable();
                }

                if (!node.IsArray)
                {
                    Issue(node, $"SDK '{sdk}': registrations must be an array");
                    return builder.ToImmutable();
                }

                foreach (var item in node.Items)
                {
                    if (item.IsString)
                    {
                        builder.Add(new SdkRegistration(item.Text!));
                        continue;
                    }

                    var method = item.IsObject ? item.GetString("method") : null;
                    var template = item.IsObject ? item.GetString("hostTemplate") : null;
                    if (method is null || method.LastIndexOf('.') <= 0)
                    {
                        Issue(item, $"SDK '{sdk}': a registrations entry is a Type.Method string or an object with 'method'");
                        continue;
                    }

                    if (template is not null && template.IndexOf("{region}", StringComparison.Ordinal) < 0)
                    {
                        Issue(item, $"SDK '{sdk}': hostTemplate '{template}' must contain {{region}}");
                        continue;
                    }

                    builder.Add(new SdkRegistration(method, Strings(item.Get("parameters"), "parameters"), template, item.GetString("host"), item.GetString("note")));
                }

                return builder.ToImmutable();
            }
        }
    }
}
