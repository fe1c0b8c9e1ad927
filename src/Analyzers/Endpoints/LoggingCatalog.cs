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

    /// <summary>The Serilog sinks the analyzers follow (<c>Catalog/logging.json</c>, docs/endpoints.md "Logging"), by sink method name.</summary>
    internal static class LoggingCatalog
    {
        public const string Resource = "Residency.Catalog.logging.json";

        private static readonly Lazy<ImmutableDictionary<string, LoggingSink>> BuiltInLazy = new(LoadBuiltIn, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

        public static ImmutableDictionary<string, LoggingSink> BuiltIn => BuiltInLazy.Value;

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

                var parameters = ImmutableArray.CreateBuilder<string>();
                if (item.Get("parameters") is { IsArray: true } list)
                {
                    foreach (var parameter in list.Items)
                    {
                        if (parameter.IsString && parameter.Text is { Length: > 0 } p)
                        {
                            parameters.Add(p);
                        }
                    }
                }

                var options = item.Get("options");
                result[name] = new LoggingSink(
                    name,
                    item.GetBool("local") ?? false,
                    parameters.ToImmutable(),
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

        private static ImmutableDictionary<string, LoggingSink> LoadBuiltIn()
        {
            try
            {
                using var stream = typeof(LoggingCatalog).Assembly.GetManifestResourceStream(Resource);
                if (stream is null)
                {
                    return ImmutableDictionary<string, LoggingSink>.Empty;
                }

                using var reader = new StreamReader(stream);
                return Read(reader.ReadToEnd());
            }
            catch (IOException)
            {
                return ImmutableDictionary<string, LoggingSink>.Empty;
            }
        }
    }
}
