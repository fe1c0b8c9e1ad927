using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Residency.Analyzers.Json;
using Residency.Analyzers.Regions;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>Reads catalogue JSON into the model.</summary>
    internal static partial class CatalogReader
    {
        private static readonly ImmutableHashSet<string> TopLevel = ImmutableHashSet.Create(
            "$schema", "$comment", "schemaVersion", "hosts", "regionMaps", "sdks", "sinks", "local", "notLocal", "configKeys", "internalHosts", "sources");

        private static readonly ImmutableHashSet<string> HostProperties = ImmutableHashSet.Create(
            "pattern", "region", "recipient", "recipientFromSdk", "service", "euAlternative", "note", "source", "purpose");

        public static ResidencyJson Read(string text, string path, bool isUser)
        {
            var issues = ImmutableArray.CreateBuilder<ConfigIssue>();
            JsonNode? root;
            try
            {
                root = JsonParser.TryParse(text, out var error);
                if (root is null)
                {
                    issues.Add(new ConfigIssue(path, error?.Line ?? 1, error?.Column ?? 1, $"{System.IO.Path.GetFileName(path)} is not valid JSON: {error?.Message}"));
                    return ResidencyJson.WithoutEntries(path, issues.ToImmutable());
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                issues.Add(new ConfigIssue(path, 1, 1, $"{System.IO.Path.GetFileName(path)} cannot be read: {e.Message}"));
                return ResidencyJson.WithoutEntries(path, issues.ToImmutable());
            }

            if (!root.IsObject)
            {
                issues.Add(new ConfigIssue(path, root.Line, root.Column, $"{System.IO.Path.GetFileName(path)} must contain a JSON object"));
                return ResidencyJson.WithoutEntries(path, issues.ToImmutable());
            }

            var context = new Reader(path, isUser, issues);
            foreach (var member in root.Members)
            {
                if (!TopLevel.Contains(member.Key))
                {
                    context.Issue(member.Value, $"unknown property '{member.Key}' (expected one of hosts, regionMaps, sdks, sinks, local, configKeys, internalHosts, sources)");
                }
            }

            var maps = context.ReadMaps(root.Get("regionMaps"));
            var hosts = context.ReadHosts(root.Get("hosts"), maps);
            var sdks = context.ReadSdks(root.Get("sdks"));
            var sinks = context.ReadSinks(root.Get("sinks"));
            var configKeys = context.ReadConfigKeys(root.Get("configKeys"));
            var internalHosts = context.ReadInternalHosts(root.Get("internalHosts"));
            Sources.SourceCatalog.ReadUserSources(root.Get("sources"), path, context.Issue, out var sourceMembers, out var claimTypes);
            var local = context.ReadLocal(root.Get("local"), "local");
            var notLocal = isUser ? ImmutableArray<LocalEntry>.Empty : context.ReadLocal(root.Get("notLocal"), "notLocal");
            if (isUser && root.Get("notLocal") is { } userNotLocal)
            {
                context.Issue(userNotLocal, "'notLocal' is for the built-in catalogue: declare code that sends data under 'sinks'");
            }

            return new ResidencyJson(hosts, maps, sdks, sinks, configKeys, internalHosts, issues.ToImmutable(), path)
            {
                SourceMembers = sourceMembers,
                ClaimTypes = claimTypes,
                Local = local,
                NotLocal = notLocal,
            };
        }

        /// <summary>
        /// Checks what needs the merged catalogue: region placeholders name map captures, maps exist, and every EU
        /// alternative resolves to the EU/EEA. Used for residency.json entries (RES004) and by the catalogue tests.
        /// </summary>
        public static IEnumerable<ConfigIssue> Validate(EndpointCatalog catalog, IEnumerable<HostEntry> entries, string path)
        {
            foreach (var entry in entries)
            {
                int line = entry.Node?.Line ?? 0, column = entry.Node?.Column ?? 0;
                var mapCaptures = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, map) in entry.Pattern.MapCaptures)
                {
                    mapCaptures[name] = map;
                    if (!catalog.RegionMaps.ContainsKey(map))
                    {
                        yield return new ConfigIssue(path, line, column, $"host pattern '{entry.Pattern.Text}' uses the region map '{map}', which does not exist");
                    }
                }

                var regionText = entry.RegionText;
                if (regionText.StartsWith("{", StringComparison.Ordinal))
                {
                    var name = regionText.Trim('{', '}');
                    if (!mapCaptures.ContainsKey(name))
                    {
                        yield return new ConfigIssue(path, line, column, $"host '{entry.Pattern.Text}': region '{regionText}' does not name a {{name:map}} capture of the pattern");
                    }
                }

                if (entry.EuAlternative is { } alternative)
                {
                    // Fill the pattern's captures with sample values: a map key for map captures, a plain label otherwise.
                    var samples = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var name in entry.Pattern.CaptureNames)
                    {
                        samples[name] = mapCaptures.TryGetValue(name, out var map) && catalog.RegionMaps.TryGetValue(map, out var values) && values.Count > 0
                            ? First(values)
                            : "sample";
                    }

                    var host = HostPattern.Expand(alternative, samples);
                    if (host is null)
                    {
                        yield return new ConfigIssue(path, line, column, $"host '{entry.Pattern.Text}': euAlternative '{alternative}' uses a capture the pattern does not have");
                        continue;
                    }

                    var resolved = catalog.Resolve(host);
                    var region = resolved?.Region ?? Region.Unknown;
                    if (resolved is null || !(region.Kind is RegionKind.EU or RegionKind.EEA || region.IsEeaCountry))
                    {
                        yield return new ConfigIssue(path, line, column, $"host '{entry.Pattern.Text}': euAlternative '{alternative}' does not resolve to the EU/EEA through the catalogue (it resolves to {(resolved is null ? "no entry" : region.Code)})");
                    }
                }
            }
        }

        private static string First(ImmutableDictionary<string, string> values)
        {
            string? first = null;
            foreach (var key in values.Keys)
            {
                if (first is null || string.CompareOrdinal(key, first) < 0)
                {
                    first = key;
                }
            }

            return first!;
        }

        private sealed partial class Reader
        {
            private readonly string _path;
            private readonly bool _isUser;
            private readonly ImmutableArray<ConfigIssue>.Builder _issues;

            public Reader(string path, bool isUser, ImmutableArray<ConfigIssue>.Builder issues)
            {
                _path = path;
                _isUser = isUser;
                _issues = issues;
            }

            private string FileName => System.IO.Path.GetFileName(_path);

            public void Issue(JsonNode node, string message) => _issues.Add(new ConfigIssue(_path, node.Line, node.Column, $"{FileName}: {message}"));

            public ImmutableDictionary<string, ImmutableDictionary<string, string>> ReadMaps(JsonNode? node)
            {
                var maps = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, string>>(StringComparer.Ordinal);
                if (node is null)
                {
                    return maps.ToImmutable();
                }

                if (!node.IsObject)
                {
                    Issue(node, "'regionMaps' must be an object of maps");
                    return maps.ToImmutable();
                }

                foreach (var map in node.Members)
                {
                    if (!HostPattern.IsIdentifier(map.Key))
                    {
                        Issue(map.Value, $"region map name '{map.Key}' must be letters and digits, starting with a letter");
                        continue;
                    }

                    if (!map.Value.IsObject)
                    {
                        Issue(map.Value, $"region map '{map.Key}' must be an object (key → region code)");
                        continue;
                    }

                    var values = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var pair in map.Value.Members)
                    {
                        var code = pair.Value.IsString ? pair.Value.Text : null;
                        if (!Region.TryParse(code, out var region))
                        {
                            Issue(pair.Value, $"region map '{map.Key}': '{pair.Key}' maps to '{code ?? pair.Value.Kind.ToString()}', which is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown)");
                            continue;
                        }

                        values[pair.Key] = region.Code;
                    }

                    maps[map.Key] = values.ToImmutable();
                }

                return maps.ToImmutable();
            }

            public ImmutableArray<HostEntry> ReadHosts(JsonNode? node, ImmutableDictionary<string, ImmutableDictionary<string, string>> maps)
            {
                var hosts = ImmutableArray.CreateBuilder<HostEntry>();
                if (node is null)
                {
                    return hosts.ToImmutable();
                }

                if (!node.IsArray)
                {
                    Issue(node, "'hosts' must be an array");
                    return hosts.ToImmutable();
                }

                int order = 0;
                foreach (var item in node.Items)
                {
                    order++;
                    if (!item.IsObject)
                    {
                        Issue(item, "a host entry must be an object with 'pattern' and 'region'");
                        continue;
                    }

                    foreach (var member in item.Members)
                    {
                        if (!HostProperties.Contains(member.Key))
                        {
                            Issue(member.Value, $"host entry: unknown property '{member.Key}'");
                        }
                    }

                    var patternText = item.GetString("pattern");
                    var pattern = HostPattern.TryParse(patternText, out var error);
                    if (pattern is null)
                    {
                        Issue(item.Get("pattern") ?? item, $"host pattern '{patternText}' is not valid: {error}");
                        continue;
                    }

                    var regionNode = item.Get("region");
                    var regionText = regionNode is { IsString: true } ? regionNode.Text! : null;
                    if (regionText is null)
                    {
                        Issue(regionNode ?? item, $"host '{patternText}' has no region");
                        continue;
                    }

                    if (regionText.StartsWith("{", StringComparison.Ordinal))
                    {
                        if (!regionText.EndsWith("}", StringComparison.Ordinal) || !HostPattern.IsIdentifier(regionText.Substring(1, regionText.Length - 2)))
                        {
                            Issue(regionNode!, $"host '{patternText}': region '{regionText}' is neither a region code nor a {{name}} capture");
                            continue;
                        }
                    }
                    else if (!Region.TryParse(regionText, out _))
                    {
                        var suggestion = Region.SuggestCorrection(regionText);
                        Issue(regionNode!, $"host '{patternText}': region '{regionText}' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown){(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")}");
                        continue;
                    }

                    var alternative = item.GetString("euAlternative");
                    if (alternative is not null && HostPattern.TryParse(alternative, out _) is null)
                    {
                        Issue(item.Get("euAlternative")!, $"host '{patternText}': euAlternative '{alternative}' is not a host");
                        alternative = null;
                    }

                    if (!_isUser && (item.GetString("recipient") is null || item.GetString("service") is null))
                    {
                        Issue(item, $"built-in host '{patternText}' needs 'recipient' and 'service'");
                    }

                    hosts.Add(new HostEntry(pattern, regionText, item.GetString("recipient"), item.GetString("service"), alternative, item.GetString("note"), _isUser, order, item, item.GetString("purpose"))
                    {
                        RecipientFromSdk = item.GetBool("recipientFromSdk") ?? false,
                    });
                }

                return hosts.ToImmutable();
            }

            public ImmutableArray<ConfiguredSink> ReadSinks(JsonNode? node)
            {
                var sinks = ImmutableArray.CreateBuilder<ConfiguredSink>();
                if (node is null)
                {
                    return sinks.ToImmutable();
                }

                if (!node.IsArray)
                {
                    Issue(node, "'sinks' must be an array");
                    return sinks.ToImmutable();
                }

                foreach (var item in node.Items)
                {
                    var method = item.GetString("method");
                    int dot = method?.LastIndexOf('.') ?? -1;
                    if (method is null || dot <= 0 || dot == method.Length - 1)
                    {
                        Issue(item, $"a sink needs 'method' as the full type name + '.' + method name (or '.*'), not '{method}'");
                        continue;
                    }

                    var regionNode = item.Get("region");
                    var regionText = regionNode is { IsString: true } ? regionNode.Text : null;
                    if (!Region.TryParse(regionText, out var region))
                    {
                        Issue(regionNode ?? item, $"sink '{method}': region '{regionText}' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown)");
                        continue;
                    }

                    sinks.Add(new ConfiguredSink(method.Substring(0, dot), method.Substring(dot + 1), region, regionText!, item.GetString("recipient"), item.GetString("purpose"), item.Line));
                }

                return sinks.ToImmutable();
            }

            /// <summary>
            /// <c>local</c> entries: a name (<c>"Contoso.Formatting"</c>) or an object with <c>name</c> and an optional
            /// <c>note</c>. A name is a namespace, a type (nested types with '+', generic arity with '`') or a method.
            /// </summary>
            public ImmutableArray<LocalEntry> ReadLocal(JsonNode? node, string property)
            {
                var entries = ImmutableArray.CreateBuilder<LocalEntry>();
                if (node is null)
                {
                    return entries.ToImmutable();
                }

                if (!node.IsArray)
                {
                    Issue(node, $"'{property}' must be an array of namespace, type or method names");
                    return entries.ToImmutable();
                }

                foreach (var item in node.Items)
                {
                    var nameNode = item.IsObject ? item.Get("name") : item;
                    var name = nameNode is { IsString: true } ? nameNode.Text : null;
                    if (item.IsObject)
                    {
                        foreach (var member in item.Members)
                        {
                            if (member.Key is not ("name" or "note"))
                            {
                                Issue(member.Value, $"{property}: unknown property '{member.Key}' (expected name, note)");
                            }
                        }
                    }

                    if (!LocalEntry.IsValidName(name))
                    {
                        Issue(nameNode ?? item, $"{property}: '{name}' is not a namespace, type or method name (dotted identifiers, nested types with '+', generic arity with '`', a constructor as Type..ctor)");
                        continue;
                    }

                    entries.Add(new LocalEntry(name!, item.Line));
                }

                return entries.ToImmutable();
            }

            public ImmutableArray<ConfigValue> ReadConfigKeys(JsonNode? node)
            {
                var values = ImmutableArray.CreateBuilder<ConfigValue>();
                if (node is null)
                {
                    return values.ToImmutable();
                }

                if (!node.IsObject)
                {
                    Issue(node, "'configKeys' must be an object (configuration key → URL or host)");
                    return values.ToImmutable();
                }

                foreach (var pair in node.Members)
                {
                    if (!pair.Value.IsString || string.IsNullOrWhiteSpace(pair.Value.Text))
                    {
                        Issue(pair.Value, $"configKeys '{pair.Key}' must be a non-empty string (a URL or a host)");
                        continue;
                    }

                    values.Add(new ConfigValue(pair.Key, pair.Value.Text!, _path, pair.Value.Line, pair.Value.Column));
                }

                return values.ToImmutable();
            }

            public ImmutableArray<HostPattern> ReadInternalHosts(JsonNode? node)
            {
                var patterns = ImmutableArray.CreateBuilder<HostPattern>();
                if (node is null)
                {
                    return patterns.ToImmutable();
                }

                if (!node.IsArray)
                {
                    Issue(node, "'internalHosts' must be an array of host patterns");
                    return patterns.ToImmutable();
                }

                foreach (var item in node.Items)
                {
                    var pattern = item.IsString ? HostPattern.TryParse(item.Text, out var error) : null;
                    if (pattern is null)
                    {
                        Issue(item, $"internalHosts: '{item.Text}' is not a host pattern");
                        continue;
                    }

                    patterns.Add(pattern);
                }

                return patterns.ToImmutable();
            }

            private ImmutableArray<string> Strings(JsonNode? node, string name)
            {
                if (node is null || node.Kind == JsonKind.Null)
                {
                    return ImmutableArray<string>.Empty;
                }

                if (!node.IsArray)
                {
                    Issue(node, $"'{name}' must be an array of strings");
                    return ImmutableArray<string>.Empty;
                }

                var builder = ImmutableArray.CreateBuilder<string>();
                foreach (var item in node.Items)
                {
                    if (item.IsString && !string.IsNullOrWhiteSpace(item.Text))
                    {
                        builder.Add(item.Text!);
                    }
                    else
                    {
                        Issue(item, $"'{name}' must contain only non-empty strings");
                    }
                }

                return builder.ToImmutable();
            }
        }
    }
}
