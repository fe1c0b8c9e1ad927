using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Sources
{
    /// <summary>Request metadata: the client address and the headers that carry personal data (User-Agent, forwarding headers).</summary>
    internal sealed partial class PlatformSources
    {
        private DataElement? HeaderOf(IPropertyReferenceOperation property)
        {
            if (!property.Property.IsIndexer || property.Arguments.Length != 1 || _headerDictionaries.IsEmpty ||
                HeaderName(property.Arguments[0].Value) is not { } name ||
                !_catalog.Headers.ContainsKey(name) || property.Property.ContainingType is not { } type)
            {
                return null;
            }

            if (!_headerTypes.GetOrAdd(type.OriginalDefinition, IsHeaderDictionary))
            {
                return null;
            }

            return HeaderElement(name, property.Property.OriginalDefinition);
        }

        /// <summary>A header name: a constant, or a field of <c>HeaderNames</c> (its name is the header's without dashes).</summary>
        private string? HeaderName(IOperation value)
        {
            value = Unconverted(value);
            if (value.ConstantValue is { HasValue: true, Value: string text })
            {
                return text;
            }

            if (value is IFieldReferenceOperation { Field: { IsStatic: true, ContainingType: { } holder } field } &&
                _catalog.HeaderNameFields.Contains(TypeName(holder)))
            {
                foreach (var header in _catalog.Headers.Keys)
                {
                    if (string.Equals(header.Replace("-", string.Empty), field.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        return header;
                    }
                }
            }

            return null;
        }

        private DataElement? HeaderElement(string name, ISymbol symbol)
        {
            if (!_catalog.Headers.TryGetValue(name, out var category))
            {
                return null;
            }

            return _headerElements.GetOrAdd(name, n =>
            {
                // One element per header, whatever the spelling of its name in the code; read from the first catalogue
                // dictionary's own indexer whichever member the code read it through (HeaderDictionary's indexer,
                // IHeaderDictionary.UserAgent), so that the record does not depend on which read a thread met first.
                foreach (var pair in _catalog.Headers)
                {
                    if (string.Equals(pair.Key, n, StringComparison.OrdinalIgnoreCase))
                    {
                        n = pair.Key;
                        break;
                    }
                }

                return new DataElement(_headerDictionaries.IsEmpty ? symbol : OwnIndexer(_headerDictionaries[0]), "header:" + n, "header " + n, "header", category, ElementOrigin.Platform, "header " + n);
            });
        }

        private bool IsHeaderDictionary(ITypeSymbol type) => EndpointTypes.DerivesFrom(type, _headerDictionaries);
    }
}
