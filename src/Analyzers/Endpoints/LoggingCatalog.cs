using System;
using System.Collections.Immutable;
using System.IO;
using Residency.Analyzers.Json;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>A Serilog sink of <c>Catalog/logging.json</c>: how to find where it sends log events.</summary>
    internal sealed record LoggingSink(
        string Name,
        bool Local,
        ImmutableArray<string> Parameters,
        string? OptionsParameter,
        string? OptionsProperty,
        string? OptionsConstructorParameter,
        string ValueFormat,
        string? ConnectionStringKey,
        string? DefaultHost,
        string? Service);

    /// <summary>
    /// A <c>Microsoft.Extensions.Logging</c> provider of <c>Catalog/logging.json</c> that ships log records to a service, or
    /// (<see cref="Traces"/>, <c>"signal": "traces"</c>) a tracing exporter that ships spans and their tags, found by its
    /// registration methods. Its endpoint is an SDK entry's application-wide one (<see cref="Sdk"/>, a package of
    /// sdks.json), or read from the registration call and configuration as a Serilog sink's is. Levels are
    /// <c>Microsoft.Extensions.Logging.LogLevel</c> values (Trace 0 … Critical 5, None 6).
    /// </summary>
    internal sealed record LoggingProvider(
        string Name,
        string Alias,
        ImmutableArray<string> Registrations,
        string? Sdk,
        ImmutableArray<string> Parameters,
        string? OptionsProperty,
        ImmutableArray<string> ConfigKeys,
        string ValueFormat,
        string? ConnectionStringKey,
        string? DefaultHost,
        int? Filter,
        int? Threshold,
        ImmutableArray<string> ThresholdConfigKeys,
        string Service,
        bool Traces);

    /// <summary>The Serilog sinks the analyzers follow (<c>Catalog/logging.json</c>, docs/endpoints.md "Logging"), by sink method name.</summary>
    internal static class LoggingCatalog
    {
        public const string Resource = "Residency.Catalog.logging.json";

        private static readonly Lazy<ImmutableDictionary<string, LoggingSink>> BuiltInLazy = new(LoadBuiltIn, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        private static readonly Lazy<ImmutableArray<LoggingProvider>> ProvidersLazy = new(() => ReadProviders(Text()), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        private static readonly ImmutableArray<string> LevelNames = ImmutableArray.Create("Trace", "Debug", "Information", "Warning", "Error", "Critical", "None");

        public static ImmutableDictionary<string, LoggingSink> BuiltIn => BuiltInLazy.Value;

        /// <summary>The logging providers the analyzers follow, in the file's order.</summary>
        public static ImmutableArray<LoggingProvider> Providers => ProvidersLazy.Value;

        /// <summary>A <c>LogLevel</c> name's value (case-insensitive), or null.</summary>
        public static int? Level(string? name)
        {
            if (name is null)
            {
                return null;
            }

            for (int i = 0; i < LevelNames.Length; i++)
            {
                if (string.Equals(LevelNames[i], name.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return null;
        }

        public static string LevelName(int level) => level >= 0 && level < LevelNames.Length ? LevelNames[level] : level.ToString(System.Globalization.CultureInfo.InvariantCulture);

        internal static ImmutableArray<LoggingProvider> ReadProviders(string text)
        {
            var result = ImmutableArray.CreateBuilder<LoggingProvider>();
            if (text.Length == 0 || JsonParser.Parse(text).Get("providers") is not { IsArray: true } providers)
            {
                return result.ToImmutable();
            }

            foreach (var item in providers.Items)
            {
                if (item.GetString("name") is not { Length: > 0 } name)
                {
                    continue;
                }

                result.Add(new LoggingProvider(
                    name,
                    item.GetString("alias") ?? name,
                    Strings(item, "registrations"),
                    item.GetString("sdk"),
                    Strings(item, "parameters"),
                    item.GetString("optionsProperty"),
                    Strings(item, "configKeys"),
                    item.GetString("valueFormat") ?? "url",
                    item.GetString("connectionStringKey"),
                    item.GetString("defaultHost"),
                    Level(item.GetString("filter")),
                    Level(item.GetString("threshold")),
                    Strings(item, "thresholdConfigKeys"),
                    item.GetString("service") ?? name,
                    item.GetString("signal") == "traces"));
            }

            return result.ToImmutable();
        }

        internal static ImmutableDictionary<string, LoggingSink> Read(string text)
        {
            var result = ImmutableDictionary.CreateBuilder<string, LoggingSink>(StringComparer.Ordinal);
            var root = JsonParser.Parse(text);
            if (root.Get("sinks") is not { IsArray: true } sinks)
            {
                return result.ToImmutable();
            }

            foreach (var item in sinks.Items)
            {
                if (item.GetString("name") is not { Length: > 0 } name)
                {
                    continue;
                }

                var options = item.Get("options");
                result[name] = new LoggingSink(
                    name,
                    item.GetBool("local") ?? false,
                    Strings(item, "parameters"),
                    options?.GetString("parameter"),
                    options?.GetString("property"),
                    options?.GetString("constructorParameter"),
                    item.GetString("valueFormat") ?? "url",
                    item.GetString("connectionStringKey"),
                    item.GetString("defaultHost"),
                    item.GetString("service"));
            }

            return result.ToImmutable();
        }

        private static ImmutableArray<string> Strings(JsonNode item, string name)
        {
            var result = ImmutableArray.CreateBuilder<string>();
            if (item.Get(name) is { IsArray: true } list)
            {
                foreach (var value in list.Items)
                {
                    if (value.IsString && value.Text is { Length: > 0 } text)
                    {
                        result.Add(text);
                    }
                }
            }

            return result.ToImmutable();
        }

        private static ImmutableDictionary<string, LoggingSink> LoadBuiltIn()
        {
            var text = Text();
            return text.Length == 0 ? ImmutableDictionary<string, LoggingSink>.Empty : Read(text);
        }

        private static string Text()
        {
            try
            {
                using var stream = typeof(LoggingCatalog).Assembly.GetManifestResourceStream(Resource);
                if (stream is null)
                {
                    return string.Empty;
                }

                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            }
            catch (IOException)
            {
                return string.Empty;
            }
        }
    }
}
