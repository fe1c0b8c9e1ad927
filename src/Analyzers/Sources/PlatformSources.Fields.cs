using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
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
        private readonly ConcurrentDictionary<ITypeSymbol, string?> _fieldKinds = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, DataElement?> _fieldElements = new(StringComparer.Ordinal);

        private DataElement? FieldOf(IPropertyReferenceOperation property)
        {
            if (_fieldCollections.IsEmpty || !property.Property.IsIndexer || property.Arguments.Length != 1 ||
                property.Property.ContainingType is not { } type ||
                _fieldKinds.GetOrAdd(type.OriginalDefinition, FieldKind) is not { } kind)
            {
                return null;
            }

            var value = property.Arguments[0].Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value.ConstantValue is not { HasValue: true, Value: string { Length: > 0 } name })
            {
                return null;
            }

            // Form and query keys are compared ignoring case: one element per name, whatever its spelling in the code.
            name = name.ToLowerInvariant();
            var symbol = property.Property.OriginalDefinition;
            return _fieldElements.GetOrAdd(kind + ":" + name, _ =>
            {
                if (NameHeuristics.ClassifyName(name) is not { } inferred)
                {
                    return null;
                }

                var label = kind + " " + name;
                return new DataElement(symbol, (kind == FormField ? "form:" : "query:") + name, label, kind, inferred.Category, ElementOrigin.Platform, label, inferred.SpecialCategory);
            });
        }

        private const string FormField = "form field";
        private const string QueryParameter = "query parameter";

        /// <summary>"form field" or "query parameter" for a collection type of the catalogue (or one implementing it), else null.</summary>
        private string? FieldKind(ITypeSymbol type)
        {
            foreach (var collection in _fieldCollections)
            {
                if (IsOrImplements(type, collection))
                {
                    return collection.Name.IndexOf("Query", StringComparison.Ordinal) >= 0 ? QueryParameter : FormField;
                }
            }

            return null;
        }
    }
}
