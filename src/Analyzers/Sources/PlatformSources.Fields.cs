using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Sources
{
    /// <summary>
    /// What the request's form and query string carry: <c>Request.Form["email"]</c>, <c>Request.Query["phone"]</c>,
    /// <c>(await Request.ReadFormAsync())["name"]</c>. A field read by a constant name that names personal data — by the
    /// vocabulary that makes a member a RES006 candidate (<see cref="NameHeuristics"/>) — is a source of that category;
    /// a name that names nothing personal (<c>page</c>, <c>sort</c>), or one that is not a constant, is not.
    /// </summary>
    internal sealed partial class PlatformSources
    {
        private readonly ConcurrentDictionary<ITypeSymbol, INamedTypeSymbol?> _fieldCollectionOf = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, DataElement?> _fieldElements = new(StringComparer.Ordinal);

        private DataElement? FieldOf(IPropertyReferenceOperation property)
        {
            if (_fieldCollections.IsEmpty || !property.Property.IsIndexer || property.Arguments.Length != 1 ||
                property.Property.ContainingType is not { } type ||
                _fieldCollectionOf.GetOrAdd(type.OriginalDefinition, FieldCollection) is not { } collection)
            {
                return null;
            }

            if (Unconverted(property.Arguments[0].Value).ConstantValue is not { HasValue: true, Value: string { Length: > 0 } name })
            {
                return null;
            }

            return FieldElement(collection.Name.IndexOf("Query", StringComparison.Ordinal) >= 0, name);
        }

        /// <summary>
        /// The element of the query parameter (or form field) <paramref name="name"/>, whether the code reads it from the
        /// collection (<c>Request.Query["email"]</c>) or model binding gives it to a parameter (<c>string email</c>); null
        /// when the name names nothing personal or the compilation has no such collection.
        /// </summary>
        private DataElement? FieldElement(bool query, string name)
        {
            // Form and query keys are compared ignoring case: one element per name, whatever its spelling in the code.
            name = name.ToLowerInvariant();
            return _fieldElements.GetOrAdd((query ? "query:" : "form:") + name, id =>
            {
                if (NameHeuristics.ClassifyName(name) is not { } inferred || Collection(query) is not { } collection)
                {
                    return null;
                }

                // The catalogue collection's own indexer, whichever implementation the code read it through: the element
                // is the same, and so is what the record says it is read from, whichever thread met it first.
                var symbol = OwnIndexer(collection);
                var kind = query ? "query parameter" : "form field";
                var label = kind + " " + name;
                return new DataElement(symbol, id, label, kind, inferred.Category, ElementOrigin.Platform, label, inferred.SpecialCategory);
            });
        }

        private INamedTypeSymbol? Collection(bool query)
        {
            foreach (var collection in _fieldCollections)
            {
                if ((collection.Name.IndexOf("Query", StringComparison.Ordinal) >= 0) == query)
                {
                    return collection;
                }
            }

            return null;
        }

        /// <summary>The catalogue's collection that <paramref name="type"/> is or implements (<c>FormCollection</c>: <c>IFormCollection</c>), else null.</summary>
        private INamedTypeSymbol? FieldCollection(ITypeSymbol type)
        {
            foreach (var collection in _fieldCollections)
            {
                if (EndpointTypes.DerivesFrom(type, ImmutableArray.Create(collection)))
                {
                    return collection;
                }
            }

            return null;
        }
    }
}
