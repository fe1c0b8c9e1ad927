using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Regions;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>Validates every entry of the embedded catalogue (hosts.json, sdks.json) and pins the facts docs/endpoints.md names.</summary>
    public class CatalogValidationTests
    {
        private static EndpointCatalog Catalog => EndpointCatalog.BuiltIn;

        private static readonly Regex TypeName = new(@"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*(?:`[0-9]+)?(?:\+[A-Za-z_][A-Za-z0-9_]*)*$");

        [Fact]
        public void CatalogueLoadsWithoutIssues()
        {
            Assert.Empty(Catalog.Issues.Select(i => i.ToString()));
            Assert.True(Catalog.Hosts.Length >= 200, $"only {Catalog.Hosts.Length} host entries");
            Assert.True(Catalog.Sdks.Length >= 25, $"only {Catalog.Sdks.Length} SDK entries");
        }

        [Fact]
        public void EveryHostEntryIsValidAndEveryEuAlternativeIsInTheEu()
        {
            var issues = CatalogReader.Validate(Catalog, Catalog.Hosts, "hosts.json").Select(i => i.ToString()).ToList();
            Assert.Empty(issues);
            foreach (var entry in Catalog.Hosts)
            {
                Assert.NotNull(HostPattern.TryParse(entry.Pattern.Text, out _));
                Assert.True(entry.RegionText.StartsWith("{") || Region.TryParse(entry.RegionText, out _), entry.Pattern.Text);
                Assert.False(string.IsNullOrWhiteSpace(entry.Recipient), entry.Pattern.Text);
                Assert.False(string.IsNullOrWhiteSpace(entry.Service), entry.Pattern.Text);
            }
        }

        [Fact]
        public void EverySdkEntryReadsItsValuesInAKnownFormat()
        {
            // The reader reports any other valueFormat as an issue (CatalogueLoadsWithoutIssues); the formats are those
            // docs/endpoints.md describes ("How an SDK's endpoint value is read").
            Assert.Equal(
                new[] { "url", "host", "hostPort", "hostAndPath", "urlOrHost", "dsn", "connectionString", "storageConnectionString", "connectionStringOrHost", "redisConfiguration", "hostList", "mongoConnectionString", "adyenLivePrefix", "urlOrCloudId" },
                CatalogReader.ValueFormats);
            Assert.All(Catalog.Sdks, sdk => Assert.Contains(sdk.Endpoint.ValueFormat, CatalogReader.ValueFormats));
            Assert.Equal("connectionStringOrHost", Catalog.Sdks.Single(s => s.Package == "Azure.Messaging.ServiceBus").Endpoint.ValueFormat);
            Assert.Equal("connectionStringOrHost", Catalog.Sdks.Single(s => s.Package == "Azure.Messaging.EventHubs").Endpoint.ValueFormat);
            Assert.Equal("AccountEndpoint", Catalog.Sdks.Single(s => s.Package == "Microsoft.Azure.Cosmos").Endpoint.ConnectionStringKey);
            Assert.Equal("redisConfiguration", Catalog.Sdks.Single(s => s.Package == "StackExchange.Redis").Endpoint.ValueFormat);
            Assert.Equal("redisConfiguration", Catalog.Sdks.Single(s => s.Package == "Microsoft.Extensions.Caching.StackExchangeRedis").Endpoint.ValueFormat);
            Assert.Equal("hostList", Catalog.Sdks.Single(s => s.Package == "Confluent.Kafka").Endpoint.ValueFormat);
            Assert.Equal("mongoConnectionString", Catalog.Sdks.Single(s => s.Package == "MongoDB.Driver").Endpoint.ValueFormat);
        }

        [Fact]
        public void TheServiceBusHostLeavesTheRecipientToTheSdkAndAspireRegistrationsNameTheirSections()
        {
            // Service Bus and Event Hubs namespaces share {namespace}.servicebus.windows.net: the SDK entry names the recipient.
            Assert.True(Catalog.Resolve("acme.servicebus.windows.net")!.Entry.RecipientFromSdk);
            Assert.False(Catalog.Resolve("acme.servicebus.usgovcloudapi.net")!.Entry.RecipientFromSdk);
            var cosmos = Catalog.Sdks.Single(s => s.Package == "Microsoft.Azure.Cosmos").Endpoint.ConnectionNames;
            Assert.Contains(cosmos, r => r.Method == "Microsoft.Extensions.Hosting.AspireMicrosoftAzureCosmosExtensions.AddAzureCosmosClient" && r.Section == "Aspire:Microsoft:Azure:Cosmos");
            Assert.All(Catalog.Sdks.SelectMany(s => s.Endpoint.ConnectionNames), r => Assert.StartsWith("Aspire:", r.Section));
            Assert.Equal(10, Catalog.Sdks.Count(s => !s.Endpoint.ConnectionNames.IsEmpty));
        }

        [Fact]
        public void AConnectionNamesEntryWithoutMethodOrSectionIsAnIssue()
        {
            var json = CatalogReader.Read("{ \"sdks\": [ { \"types\": [ \"Contoso.Bus.Client\" ], \"endpoint\": { \"constructorParameters\": [ \"connectionString\" ], \"connectionNames\": [ { \"method\": \"Contoso.Hosting.BusExtensions.AddBus\" }, { \"method\": \"Contoso.Hosting.BusExtensions.AddKeyedBus\", \"section\": \"Contoso:Bus\" } ] } } ] }", "residency.json", isUser: true);
            Assert.Contains("a connectionNames entry needs 'method' (Type.Method) and 'section'", Assert.Single(json.Issues).ToString());
            Assert.Equal("Contoso:Bus", Assert.Single(Assert.Single(json.Sdks).Endpoint.ConnectionNames).Section);
        }

        [Fact]
        public void RegistrationsAreNamesOrObjectsAndActivatedByNamesMethods()
        {
            var json = CatalogReader.Read(@"{ ""sdks"": [ { ""types"": [ ""Contoso.Bus.IPublisher"" ], ""activatedBy"": [ ""Contoso.Bus.Setup.UseContosoBus"", ""NoDot"" ],
                ""endpoint"": { ""registrations"": [ ""Contoso.Bus.Setup.Host"", { ""method"": ""Contoso.Bus.Setup.Region"", ""parameters"": [ ""region"" ], ""hostTemplate"": ""bus.{region}.contoso.net"" },
                  { ""method"": ""Contoso.Bus.Setup.InMemory"", ""host"": ""localhost"" }, { ""method"": ""Contoso.Bus.Setup.Bad"", ""hostTemplate"": ""bus.contoso.net"" }, { ""parameters"": [ ""x"" ] } ] } } ] }", "residency.json", isUser: true);
            Assert.Equal(3, json.Issues.Length);
            var sdk = Assert.Single(json.Sdks);
            Assert.Equal(new[] { "Contoso.Bus.Setup.UseContosoBus" }, sdk.ActivatedBy);
            Assert.Equal(new[] { "Contoso.Bus.Setup.Host", "Contoso.Bus.Setup.Region", "Contoso.Bus.Setup.InMemory" }, sdk.Endpoint.Registrations.Select(r => r.Method));
            Assert.Equal("bus.{region}.contoso.net", sdk.Endpoint.Registrations[1].HostTemplate);
            Assert.Equal("localhost", sdk.Endpoint.Registrations[2].Host);
        }

        [Theory]
        [InlineData("kyc-cache.redis.cache.windows.net:6380,password=p,ssl=True", true, "kyc-cache.redis.cache.windows.net")]
        [InlineData("ssl=true,abortConnect=false,redis-a:6379,redis-b", true, "redis-a redis-b")]
        [InlineData("[::1]:6379", true, "::1")]
        [InlineData("cache.example.com:6380,", false, "cache.example.com")]
        [InlineData("cache.exa", false, "")]
        public void ARedisConfigurationListsItsEndpoints(string text, bool complete, string hosts)
        {
            var result = new List<EndpointTarget>();
            EndpointTarget.AddFrom(result, new[] { new EndpointValue(text, complete, "literal", null) }, "redisConfiguration", null, null);
            Assert.Equal(hosts, string.Join(" ", result.Select(t => t.Host)));
        }

        [Fact]
        public void TheClientAndRequestEndpointKeysAreReadAndARequestUrlNeedsParameters()
        {
            var json = CatalogReader.Read(@"{ ""sdks"": [
                { ""types"": [ ""Contoso.Http.Client"" ], ""endpoint"": { ""httpClientParameters"": [ ""http"" ], ""configureParameters"": [ ""configure"" ], ""childFactoryParameters"": [ ""hosts"" ],
                  ""requestUrl"": { ""parameters"": [ ""url"" ], ""types"": [ ""Contoso.Http.Request"" ], ""properties"": [ ""Url"" ] } } },
                { ""types"": [ ""Contoso.Http.Other"" ], ""endpoint"": { ""requestUrl"": { ""types"": [ ""Contoso.Http.Request"" ] } } } ] }", "residency.json", isUser: true);
            Assert.Contains("requestUrl is an object with 'parameters'", Assert.Single(json.Issues).ToString());
            var endpoint = json.Sdks[0].Endpoint;
            Assert.Equal(new[] { "http" }, endpoint.HttpClientParameters);
            Assert.Equal(new[] { "configure" }, endpoint.ConfigureParameters);
            Assert.Equal(new[] { "hosts" }, endpoint.ChildFactoryParameters);
            Assert.Equal(new[] { "url" }, endpoint.RequestUrl!.Parameters);
            Assert.Equal(new[] { "Contoso.Http.Request" }, endpoint.RequestUrl.Types);
            Assert.Equal(new[] { "Url" }, endpoint.RequestUrl.Properties);
            Assert.Null(json.Sdks[1].Endpoint.RequestUrl);
        }

        [Fact]
        public void AnUnknownValueFormatIsAnIssueAndReadsUrls()
        {
            var json = CatalogReader.Read("{ \"sdks\": [ { \"types\": [ \"Contoso.Bus.Client\" ], \"defaultRegion\": \"Unknown\", \"endpoint\": { \"constructorParameters\": [ \"address\" ], \"valueFormat\": \"connectionStringOrUrl\" } } ] }", "residency.json", isUser: true);
            var issue = Assert.Single(json.Issues);
            Assert.Contains("valueFormat 'connectionStringOrUrl' is not one of url, host, hostPort, hostAndPath, urlOrHost, dsn, connectionString, storageConnectionString, connectionStringOrHost, redisConfiguration, hostList, mongoConnectionString, adyenLivePrefix", issue.ToString());
            Assert.Equal("url", Assert.Single(json.Sdks).Endpoint.ValueFormat);
        }

        [Theory]
        [InlineData("Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=a2V5", true, "acme.servicebus.windows.net")]
        [InlineData("Endpoint=sb://localhost;SharedAccessKeyName=k;SharedAccessKey=v;UseDevelopmentEmulator=true;", true, "localhost")]
        [InlineData("acme.servicebus.windows.net", true, "acme.servicebus.windows.net")]
        [InlineData("sb://acme.servicebus.windows.net/", true, "acme.servicebus.windows.net")]
        [InlineData("SharedAccessKeyName=send;SharedAccessKey=a2V5", true, null)]
        [InlineData("Endpoint=sb://acme.servicebus.windows.net/", false, null)] // the value may go on past the known prefix
        [InlineData("Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=", false, "acme.servicebus.windows.net")]
        public void ConnectionStringOrHostReadsTheEndpointKeyOrTheHost(string text, bool complete, string? host) =>
            Assert.Equal(host, UrlText.ConnectionStringOrHost(text, complete, "Endpoint", out _).Host);

        /// <summary>Hosts added with their providers' documentation in their notes (Event Grid, Customer.io, PagerDuty, Opsgenie, SparkPost).</summary>
        [Theory]
        [InlineData("signups.westeurope-1.eventgrid.azure.net", "NL", null, "Microsoft (Azure Event Grid)")]
        [InlineData("orders.eastus.eventgrid.azure.net", "US", null, "Microsoft (Azure Event Grid)")]
        [InlineData("shop.eventgrid.azure.net", "Unknown", null, "Microsoft (Azure Event Grid)")]
        [InlineData("track.customer.io", "US", "track-eu.customer.io", "Customer.io")]
        [InlineData("api-eu.customer.io", "EU", null, "Customer.io")]
        [InlineData("events.pagerduty.com", "US", "events.eu.pagerduty.com", "PagerDuty")]
        [InlineData("api.eu.pagerduty.com", "EU", null, "PagerDuty")]
        [InlineData("api.opsgenie.com", "US", "api.eu.opsgenie.com", "Atlassian (Opsgenie)")]
        [InlineData("api.sparkpost.com", "Unknown", "api.eu.sparkpost.com", "SparkPost")]
        [InlineData("api.eu.sparkpost.com", "EU", null, "SparkPost")]
        [InlineData("api.honeycomb.io", "US", "api.eu1.honeycomb.io", "Honeycomb")]
        [InlineData("api.eu1.honeycomb.io", "EU", null, "Honeycomb")]
        [InlineData("listener.logz.io", "US", "listener-eu.logz.io", "Logz.io")]
        [InlineData("listener-eu.logz.io", "DE", null, "Logz.io")]
        [InlineData("listener-uk.logz.io", "GB", null, "Logz.io")]
        [InlineData("api-au.logz.io", "AU", null, "Logz.io")]
        [InlineData("endpoint4.collection.sumologic.com", "US", "endpoint4.collection.eu.sumologic.com", "Sumo Logic")]
        [InlineData("endpoint4.collection.eu.sumologic.com", "IE", null, "Sumo Logic")]
        [InlineData("endpoint1.collection.de.sumologic.com", "DE", null, "Sumo Logic")]
        [InlineData("endpoint2.collection.jp.sumologic.com", "JP", "endpoint2.collection.eu.sumologic.com", "Sumo Logic")]
        [InlineData("open-collectors.us2.sumologic.com", "US", "open-collectors.eu.sumologic.com", "Sumo Logic")]
        [InlineData("endpoint1.collection.zrh.sumologic.com", "Unknown", null, "Sumo Logic")]
        [InlineData("ingest.us1.signalfx.com", "US", "ingest.eu0.signalfx.com", "Splunk (Observability Cloud)")]
        [InlineData("ingest.eu1.observability.splunkcloud.com", "DE", null, "Splunk (Observability Cloud)")]
        [InlineData("ingest.us2.signalfx.com", "Unknown", "ingest.eu0.signalfx.com", "Splunk (Observability Cloud)")]
        [InlineData("api-mt1.pusher.com", "US", "api-eu.pusher.com", "Pusher")]
        [InlineData("api-eu.pusher.com", "IE", null, "Pusher")]
        [InlineData("ws-ap2.pusher.com", "IN", "ws-eu.pusher.com", "Pusher")]
        [InlineData("ingress.eu2.coralogix.com", "SE", null, "Coralogix")]
        [InlineData("ingress.cx498.coralogix.com", "US", "ingress.eu1.coralogix.com", "Coralogix")]
        [InlineData("ingress.coralogix.com", "IE", null, "Coralogix")]
        [InlineData("ingress.coralogix.us", "US", "ingress.eu1.coralogix.com", "Coralogix")]
        [InlineData("ingress.coralogixsg.com", "SG", "ingress.eu1.coralogix.com", "Coralogix")]
        [InlineData("sdk.launchdarkly.com", "US", "sdk.eu.launchdarkly.com", "LaunchDarkly")]
        [InlineData("events.eu.launchdarkly.com", "DE", null, "LaunchDarkly")]
        [InlineData("notify.bugsnag.com", "Unknown", null, "SmartBear (BugSnag)")]
        [InlineData("0123abcd.otlp.bugsnag.com", "Unknown", null, "SmartBear (BugSnag)")]
        [InlineData("api.rollbar.com", "Unknown", null, "Rollbar")]
        public void AProvidersRegionalHostResolves(string host, string region, string? euAlternative, string recipient)
        {
            var resolution = Catalog.Resolve(host);
            Assert.NotNull(resolution);
            Assert.Equal(region, resolution!.Region.Code);
            Assert.Equal(euAlternative, resolution.EuAlternative);
            Assert.Equal(recipient, resolution.Recipient);
        }

        [Fact]
        public void PatternsAreUnique()
        {
            var duplicates = Catalog.Hosts.GroupBy(h => h.Pattern.Text.ToLowerInvariant()).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.Empty(duplicates);
        }

        [Fact]
        public void RegionMapsHoldOnlyRegionCodes()
        {
            foreach (var map in Catalog.RegionMaps)
            {
                Assert.NotEmpty(map.Value);
                foreach (var value in map.Value)
                {
                    Assert.True(Region.TryParse(value.Value, out _), $"{map.Key}.{value.Key} = {value.Value}");
                }
            }
        }

        [Fact]
        public void AServicesRegionalHostResolvesToTheRegionItsNameMapsTo()
        {
            // Naming the host of a client given a region (serviceHosts) must never change where the catalogue says it is.
            var checkedHosts = 0;
            foreach (var entry in Catalog.Sdks.Where(e => e.Region is { ServiceHosts.IsEmpty: false }))
            {
                var names = Catalog.RegionMaps[entry.Region!.GetBySystemNameMap!];
                foreach (var template in entry.Region.ServiceHosts.Values)
                {
                    foreach (var name in names)
                    {
                        var host = template.Replace("{region}", name.Key);
                        Assert.Equal(name.Value, Catalog.Resolve(host)?.Region.Code);
                        checkedHosts++;
                    }
                }
            }

            Assert.True(checkedHosts > 500, $"{checkedHosts} hosts checked");
        }

        [Fact]
        public void EveryAwsRegionEndpointMemberButGovCloudIsSpelledLikeItsSystemName()
        {
            // SdkSinkProvider.SystemName finds a RegionEndpoint member's region name as the name without its hyphens.
            var names = Catalog.RegionMaps["aws"];
            var unmatched = Catalog.RegionMaps["awsRegionEndpoint"]
                .Where(member => !names.Any(n => string.Equals(n.Key.Replace("-", string.Empty), member.Key, System.StringComparison.OrdinalIgnoreCase) && n.Value == member.Value))
                .Select(member => member.Key).OrderBy(k => k, System.StringComparer.Ordinal).ToList();
            Assert.Equal(new[] { "USGovCloudEast1", "USGovCloudWest1" }, unmatched);
        }

        [Fact]
        public void EveryLoggingSinkSaysWhereItSends()
        {
            var sinks = LoggingCatalog.BuiltIn;
            Assert.True(sinks.Count >= 10, $"only {sinks.Count} logging sinks");
            foreach (var sink in sinks.Values.Where(s => !s.Local))
            {
                Assert.True(!sink.Parameters.IsEmpty || sink.OptionsParameter is not null || sink.DefaultHost is not null, sink.Name);
                Assert.Contains(sink.ValueFormat, CatalogReader.ValueFormats);
                Assert.False(string.IsNullOrWhiteSpace(sink.Service), sink.Name);
                if (sink.DefaultHost is { } host && host != "localhost")
                {
                    Assert.True(Catalog.Resolve(host) is not null, $"{sink.Name}: default host {host} is not in the host catalogue");
                }
            }

            Assert.True(sinks["Console"].Local && sinks["File"].Local);
        }

        [Fact]
        public void EverySdkEntryIsConsistent()
        {
            var problems = new List<string>();
            foreach (var sdk in Catalog.Sdks)
            {
                var name = sdk.Package ?? sdk.Types.FirstOrDefault() ?? "?";
                problems.AddRange(sdk.Types.Where(t => !TypeName.IsMatch(t)).Select(t => $"{name}: bad type name {t}"));
                if (sdk.DefaultHost is { } host && Catalog.Resolve(host) is null)
                {
                    problems.Add($"{name}: default host {host} is not in the host catalogue");
                }

                if (sdk.DefaultHost is null && sdk.DefaultRegionText is null)
                {
                    problems.Add($"{name}: neither defaultHost nor defaultRegion");
                }

                foreach (var residencyHost in sdk.ResidencyHosts.Values)
                {
                    if (Catalog.Resolve(residencyHost) is null)
                    {
                        problems.Add($"{name}: residency host {residencyHost} is not in the host catalogue");
                    }
                }

                if (sdk.Region is { } region)
                {
                    foreach (var map in new[] { region.Map, region.StaticMembersMap, region.GetBySystemNameMap })
                    {
                        if (map is not null && !Catalog.RegionMaps.ContainsKey(map))
                        {
                            problems.Add($"{name}: region map {map} does not exist");
                        }
                    }
                }
            }

            Assert.Empty(problems);
        }

        [Theory]
        [InlineData("api.openai.com", "US", "OpenAI", "eu.api.openai.com")]
        [InlineData("eu.api.openai.com", "EU", "OpenAI", null)]
        [InlineData("api.eu.mistral.ai", "EU", "Mistral AI", null)]
        [InlineData("api.mistral.ai", "FR", "Mistral AI", "api.eu.mistral.ai")]
        [InlineData("api.deepseek.com", "CN", "DeepSeek", null)]
        [InlineData("api.anthropic.com", "US", "Anthropic", null)]
        [InlineData("s3.eu-central-1.amazonaws.com", "DE", null, null)]
        [InlineData("bedrock-runtime.eu-west-2.amazonaws.com", "GB", null, null)]
        [InlineData("europe-west9-aiplatform.googleapis.com", "FR", "Google", null)]
        [InlineData("acme.openai.azure.com", "Unknown", "Microsoft (Azure OpenAI)", null)]
        [InlineData("tenant.eu.auth0.com", "EU", null, null)]
        [InlineData("api.sendgrid.com", "US", "Twilio SendGrid", "api.eu.sendgrid.com")]
        [InlineData("o1.ingest.de.sentry.io", "DE", null, null)]
        [InlineData("acme.blob.core.windows.net", "Unknown", "Microsoft (Azure Storage)", null)]
        [InlineData("acme.queue.core.windows.net", "Unknown", "Microsoft (Azure Storage)", null)]
        [InlineData("acme.blob.core.usgovcloudapi.net", "US", "Microsoft (Azure Government)", null)]
        [InlineData("acme.blob.core.chinacloudapi.cn", "CN", null, null)]
        [InlineData("acme.table.core.windows.net", "Unknown", "Microsoft (Azure Storage)", null)]
        [InlineData("acme.file.core.windows.net", "Unknown", "Microsoft (Azure Storage)", null)]
        [InlineData("acme.table.cosmos.azure.com", "Unknown", "Microsoft (Azure Cosmos DB)", null)]
        [InlineData("acme.documents.azure.com", "Unknown", "Microsoft (Azure Cosmos DB)", null)]
        [InlineData("acme.documents.azure.us", "US", "Microsoft (Azure Government)", null)]
        [InlineData("acme.documents.azure.cn", "CN", "21Vianet (Microsoft Azure operated in China)", null)]
        [InlineData("acme.servicebus.windows.net", "Unknown", "Microsoft (Azure Service Bus, Event Hubs)", null)]
        [InlineData("acme.servicebus.usgovcloudapi.net", "US", "Microsoft (Azure Government)", null)]
        [InlineData("acme.servicebus.chinacloudapi.cn", "CN", "21Vianet (Microsoft Azure operated in China)", null)]
        [InlineData("kyc-cache.redis.cache.windows.net", "Unknown", "Microsoft (Azure Cache for Redis)", null)]
        [InlineData("API.OpenAI.COM", "US", "OpenAI", "eu.api.openai.com")]
        public void KnownHosts(string host, string region, string? recipient, string? euAlternative)
        {
            var resolved = Catalog.Resolve(host);
            Assert.NotNull(resolved);
            Assert.Equal(region, resolved!.Region.Code);
            if (recipient is not null)
            {
                Assert.Equal(recipient, resolved.Recipient);
            }

            if (euAlternative is not null)
            {
                Assert.Equal(euAlternative, resolved.EuAlternative);
            }
        }

        // Entries whose region comes from the host ({org}.ingest.{region}.sentry.io) name their EU host for every region:
        // a host they resolve to the EEA offers none (the record's "EU alternative" column named the sink's own host).
        [Theory]
        [InlineData("api.dublin.ie1.twilio.com", "IE", null)]
        [InlineData("verify.dublin.ie1.twilio.com", "IE", null)]
        [InlineData("o1.ingest.de.sentry.io", "DE", null)]
        [InlineData("o1.ingest.us.sentry.io", "US", "o1.ingest.de.sentry.io")]
        [InlineData("api.twilio.com", "US", "api.dublin.ie1.twilio.com")]
        [InlineData("api.mistral.ai", "FR", "api.eu.mistral.ai")]
        public void AHostInTheEeaIsNotItsOwnEuAlternative(string host, string region, string? euAlternative)
        {
            var resolved = Catalog.Resolve(host);
            Assert.NotNull(resolved);
            Assert.Equal(region, resolved!.Region.Code);
            Assert.Equal(euAlternative, resolved.EuAlternative);
        }

        [Fact]
        public void EuWest2IsAdequateButNotEu()
        {
            var region = Catalog.Resolve("bedrock-runtime.eu-west-2.amazonaws.com")!.Region;
            Assert.False(region.IsEuCountry);
            Assert.True(region.IsAdequateCountry);
            Assert.False(ResidencyPolicy.Parse("EU").IsAllowed(region));
            Assert.True(ResidencyPolicy.Default.IsAllowed(region));
        }

        [Theory]
        [InlineData("example.com")]
        [InlineData("openai.com.evil.example")]
        [InlineData("s3.xx-nowhere-1.amazonaws.com")]
        public void UnlistedHostsAreNotResolvedToARegion(string host)
        {
            var resolved = Catalog.Resolve(host);
            Assert.True(resolved is null || resolved.Region.Kind == RegionKind.Unknown, $"{host} resolved to {resolved?.Region.Code} via {resolved?.Entry.Pattern.Text}");
        }

        [Fact]
        public void MostLiteralCharactersWin()
        {
            Assert.Equal("api.datadoghq.com", Catalog.Resolve("api.datadoghq.com")?.Entry.Pattern.Text);
            Assert.Equal("generativelanguage.googleapis.com", Catalog.Resolve("generativelanguage.googleapis.com")?.Entry.Pattern.Text);
        }

        [Theory]
        [InlineData("api.openai.com", "api.openai.com", true)]
        [InlineData("*.openai.azure.com", "acme.openai.azure.com", true)]
        [InlineData("*.openai.azure.com", "openai.azure.com", false)]
        [InlineData("**.datadoghq.eu", "http-intake.logs.datadoghq.eu", true)]
        [InlineData("**.datadoghq.eu", "datadoghq.eu", false)]
        [InlineData("{region}-aiplatform.googleapis.com", "europe-west4-aiplatform.googleapis.com", true)]
        [InlineData("{region}-aiplatform.googleapis.com", "aiplatform.googleapis.com", false)]
        [InlineData("{prefix}-checkout-live.adyenpayments.com", "abc-checkout-live.adyenpayments.com", true)]
        public void PatternMatching(string pattern, string host, bool matches)
        {
            var parsed = HostPattern.TryParse(pattern, out var error);
            Assert.True(parsed is not null, error);
            Assert.Equal(matches, parsed!.Match(host.Split('.'), (_, _) => null, out _, out _));
        }

        [Theory]
        [InlineData("")]
        [InlineData("a..com")]
        [InlineData("a.**.com")]
        [InlineData("{a}{b}.com")]
        [InlineData("*x*.com")]
        [InlineData("{1a}.com")]
        [InlineData("a b.com")]
        [InlineData("{a}.{a}.com")]
        public void MalformedPatternsAreRejected(string pattern) => Assert.Null(HostPattern.TryParse(pattern, out _));
    }
}
