using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>
    /// The types endpoint resolution compares against, as symbols of one compilation: the framework's well-known ones
    /// resolved once, and the names a catalogue entry uses resolved once per name (memoised). Types are compared by
    /// symbol, never by building a name for every type met.
    /// </summary>
    internal sealed class EndpointTypes
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>> _byName = new(System.StringComparer.Ordinal);
        private readonly ImmutableArray<INamedTypeSymbol> _configuration;

        public EndpointTypes(Compilation compilation)
        {
            _compilation = compilation;
            HttpClient = Resolve("System.Net.Http.HttpClient");
            Uri = Resolve("System.Uri");
            HttpClientJsonExtensions = Resolve("System.Net.Http.Json.HttpClientJsonExtensions");
            ConfigurationSection = Resolve("Microsoft.Extensions.Configuration.IConfigurationSection");
            _configuration = Resolve("Microsoft.Extensions.Configuration.IConfiguration")
                .AddRange(Resolve("Microsoft.Extensions.Configuration.IConfigurationRoot"))
                .AddRange(ConfigurationSection)
                .AddRange(Resolve("Microsoft.Extensions.Configuration.IConfigurationManager"))
                .AddRange(Resolve("Microsoft.Extensions.Configuration.ConfigurationManager"));
        }

        public ImmutableArray<INamedTypeSymbol> HttpClient { get; }

        public ImmutableArray<INamedTypeSymbol> Uri { get; }

        public ImmutableArray<INamedTypeSymbol> HttpClientJsonExtensions { get; }

        public ImmutableArray<INamedTypeSymbol> ConfigurationSection { get; }

        /// <summary>Every type of this name in the compilation and its references (a name may be defined more than once).</summary>
        public ImmutableArray<INamedTypeSymbol> Resolve(string metadataName) =>
            _byName.GetOrAdd(metadataName, name => _compilation.GetTypesByMetadataName(name));

        /// <summary>Whether the compilation references the type of a catalogue method named <c>Namespace.Type.Method</c>.</summary>
        public bool DeclaringTypeIsReferenced(string qualifiedMethod)
        {
            int dot = qualifiedMethod.LastIndexOf('.');
            return dot > 0 && !Resolve(qualifiedMethod.Substring(0, dot)).IsDefaultOrEmpty;
        }

        /// <summary>Whether <paramref name="type"/> (its original definition) is one of <paramref name="candidates"/>.</summary>
        public static bool Is(ITypeSymbol? type, ImmutableArray<INamedTypeSymbol> candidates)
        {
            if (type is null || candidates.IsDefaultOrEmpty)
            {
                return false;
            }

            var original = type.OriginalDefinition;
            foreach (var candidate in candidates)
            {
                if (SymbolEqualityComparer.Default.Equals(original, candidate))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="symbol"/> carries an attribute whose type is one of <paramref name="attributes"/>.</summary>
        public static bool Carries(ISymbol symbol, ImmutableArray<INamedTypeSymbol> attributes)
        {
            if (attributes.IsDefaultOrEmpty)
            {
                return false;
            }

            foreach (var attribute in symbol.GetAttributes())
            {
                if (Is(attribute.AttributeClass, attributes))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="type"/> is the type named <paramref name="metadataName"/> (catalogue notation: <c>Namespace.Type`1+Nested</c>).</summary>
        public bool Is(ITypeSymbol? type, string metadataName) => type is not null && Is(type, Resolve(metadataName));

        /// <summary>Whether <paramref name="type"/> is, derives from or implements the type named <paramref name="metadataName"/>.</summary>
        public bool DerivesFrom(ITypeSymbol? type, string metadataName) => type is not null && DerivesFrom(type, Resolve(metadataName));

        public static bool DerivesFrom(ITypeSymbol? type, ImmutableArray<INamedTypeSymbol> candidates)
        {
            if (type is null || candidates.IsDefaultOrEmpty)
            {
                return false;
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                if (Is(t, candidates))
                {
                    return true;
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (Is(@interface, candidates))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An <c>IConfiguration</c>, a section, a root or a manager (or a type implementing one).</summary>
        public bool IsConfiguration(ITypeSymbol? type) => DerivesFrom(type, _configuration);

        public bool IsSection(ITypeSymbol? type) => Is(type, ConfigurationSection);

        /// <summary>Whether a value of <paramref name="type"/> can be a URL: a string or a <c>System.Uri</c>.</summary>
        public bool IsUrlText(ITypeSymbol? type) => type is not null && (type.SpecialType == SpecialType.System_String || Is(type, Uri));
    }
}
