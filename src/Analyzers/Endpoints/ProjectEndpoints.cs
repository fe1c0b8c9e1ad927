using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Residency.Analyzers.Json;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>
    /// What one project tells about endpoints, read once per compilation from its AdditionalFiles: residency.json
    /// (merged into the catalogue) and appsettings.json / appsettings.*.json (configuration values), plus the
    /// ResidencyInternalHosts property. Never throws: problems become <see cref="Issues"/> (RES004).
    /// </summary>
    internal sealed class ProjectEndpoints
    {
        private readonly Dictionary<string, List<ConfigValue>> _config;
        private readonly Dictionary<string, SourceText> _texts;

        private ProjectEndpoints(
            EndpointCatalog catalog,
            ResidencyJson user,
            InternalHosts internalHosts,
            Dictionary<string, List<ConfigValue>> config,
            Dictionary<string, SourceText> texts,
            ImmutableArray<ConfigIssue> issues)
        {
            Catalog = catalog;
            User = user;
            Internal = internalHosts;
            _config = config;
            _texts = texts;
            Issues = issues;
        }

        public EndpointCatalog Catalog { get; }

        public ResidencyJson User { get; }

        public InternalHosts Internal { get; }

        public ImmutableArray<ConfigIssue> Issues { get; }

        public static ProjectEndpoints Load(AnalyzerOptions? options, string internalHostsProperty, CancellationToken cancellationToken)
        {
            var issues = ImmutableArray.CreateBuilder<ConfigIssue>();
            var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
            var config = new Dictionary<string, List<ConfigValue>>(StringComparer.OrdinalIgnoreCase);
            var user = ResidencyJson.Empty;
            var catalog = EndpointCatalog.BuiltIn;

            var settings = new List<(string Path, string Name, string Text)>();
            foreach (var file in options?.AdditionalFiles ?? ImmutableArray<AdditionalText>.Empty)
            {
                var name = Path.GetFileName(file.Path);
                bool isResidency = string.Equals(name, "residency.json", StringComparison.OrdinalIgnoreCase);
                bool isSettings = IsAppSettings(name);
                if (!isResidency && !isSettings)
                {
                    continue;
                }

                SourceText? text;
                try
                {
                    text = file.GetText(cancellationToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    issues.Add(new ConfigIssue(file.Path, 0, 0, $"{name} cannot be read: {e.Message}"));
                    continue;
                }

                if (text is null)
                {
                    continue;
                }

                texts[file.Path] = text;
                if (isResidency)
                {
                    if (user.Path is not null)
                    {
                        issues.Add(new ConfigIssue(file.Path, 0, 0, $"more than one residency.json is an AdditionalFile; only {user.Path} is used"));
                        continue;
                    }

                    user = CatalogReader.Read(text.ToString(), file.Path, isUser: true);
                    issues.AddRange(user.Issues);
                }
                else
                {
                    settings.Add((file.Path, name, text.ToString()));
                }
            }

            if (user.Path is not null)
            {
                catalog = catalog.WithUser(user);
                foreach (var issue in CatalogReader.Validate(catalog, user.Hosts, user.Path))
                {
                    issues.Add(issue);
                }
            }

            var read = ImmutableArray.CreateBuilder<string>();

            // appsettings.json first, then the environment files by name: every value a key can take is kept.
            settings.Sort((a, b) =>
            {
                bool aBase = IsBaseSettings(a.Name);
                bool bBase = IsBaseSettings(b.Name);
                return aBase != bBase ? (aBase ? -1 : 1) : string.CompareOrdinal(a.Path, b.Path);
            });
            foreach (var (path, name, text) in settings)
            {
                var root = JsonParser.TryParse(text, out var error);
                if (root is null)
                {
                    issues.Add(new ConfigIssue(path, error?.Line ?? 1, error?.Column ?? 1, $"{name} is not valid JSON: {error?.Message}"));
                    continue;
                }

                if (!root.IsObject)
                {
                    issues.Add(new ConfigIssue(path, root.Line, root.Column, $"{name} must contain a JSON object"));
                    continue;
                }

                Flatten(root, null, path, config);
                read.Add(path);
            }

            var patterns = InternalHosts.ParseProperty(internalHostsProperty).AddRange(user.InternalHosts);
            return new ProjectEndpoints(catalog, user, new InternalHosts(patterns), config, texts, issues.ToImmutable()) { SettingsFiles = read.ToImmutable() };
        }

        /// <summary>The paths of the appsettings files read, appsettings.json first, then the environment files by path.</summary>
        public ImmutableArray<string> SettingsFiles { get; private set; } = ImmutableArray<string>.Empty;

        /// <summary>Whether <paramref name="path"/> (or a file name) is the base settings file (appsettings.json, not an environment's).</summary>
        public static bool IsBaseSettings(string path) => string.Equals(System.IO.Path.GetFileName(path), "appsettings.json", StringComparison.OrdinalIgnoreCase);

        public static bool IsAppSettings(string name) =>
            name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) &&
            name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) &&
            (name.Length == "appsettings.json".Length || name[11] == '.');

        private static void Flatten(JsonNode node, string? prefix, string path, Dictionary<string, List<ConfigValue>> config)
        {
            switch (node.Kind)
            {
                case JsonKind.Object:
                    foreach (var member in node.Members)
                    {
                        Flatten(member.Value, prefix is null ? member.Key : prefix + ":" + member.Key, path, config);
                    }

                    break;
                case JsonKind.Array:
                    for (int i = 0; i < node.Items.Count; i++)
                    {
                        Flatten(node.Items[i], (prefix is null ? string.Empty : prefix + ":") + i.ToString(System.Globalization.CultureInfo.InvariantCulture), path, config);
                    }

                    break;
                default:
                    var value = node.AsConfigurationValue();
                    if (prefix is null || value is null)
                    {
                        return;
                    }

                    if (!config.TryGetValue(prefix, out var list))
                    {
                        config[prefix] = list = new List<ConfigValue>();
                    }

                    list.Add(new ConfigValue(prefix, value, path, node.Line, node.Column));
                    break;
            }
        }

        /// <summary>
        /// Every value <paramref name="key"/> can take: from appsettings.json and each appsettings.*.json that sets it,
        /// else from residency.json configKeys.
        /// </summary>
        public IReadOnlyList<ConfigValue> Lookup(string key)
        {
            if (_config.TryGetValue(key, out var values) && values.Count > 0)
            {
                return values;
            }

            var result = new List<ConfigValue>();
            foreach (var value in User.ConfigKeys)
            {
                if (string.Equals(value.Key, key, StringComparison.OrdinalIgnoreCase))
                {
                    result.Add(value);
                }
            }

            return result;
        }

        /// <summary>A location in an additional file (for RES004 and sink locations), from a 1-based line and column.</summary>
        public Location LocationOf(string path, int line, int column, int length = 1)
        {
            if (line <= 0 || !_texts.TryGetValue(path, out var text) || line > text.Lines.Count)
            {
                var position = new LinePosition(Math.Max(0, line - 1), Math.Max(0, column - 1));
                return Location.Create(path, default, new LinePositionSpan(position, position));
            }

            var textLine = text.Lines[line - 1];
            int start = Math.Min(textLine.Start + Math.Max(0, column - 1), textLine.End);
            int end = Math.Min(start + Math.Max(1, length), textLine.End);
            if (end < start)
            {
                end = start;
            }

            var span = TextSpan.FromBounds(start, end);
            return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
        }
    }
}
