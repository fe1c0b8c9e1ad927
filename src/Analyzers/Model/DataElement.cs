using System;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Model
{
    /// <summary>Where a data element's classification comes from.</summary>
    internal enum ElementOrigin
    {
        /// <summary><c>Residency.PersonalData</c> / <c>SpecialCategoryData</c>.</summary>
        Residency,

        /// <summary>ASP.NET Core Identity's <c>[PersonalData]</c> / <c>[ProtectedPersonalData]</c>.</summary>
        AspNetCoreIdentity,

        /// <summary>A <c>DataClassificationAttribute</c> subclass (Microsoft.Extensions.Compliance).</summary>
        DataClassification,

        /// <summary>Inferred from the member's name (<c>ResidencyInferPersonalData=true</c>).</summary>
        Inferred,

        /// <summary>
        /// Arrives from the platform with no annotation: a claim, ASP.NET Core Identity's <c>UserManager</c>, request
        /// metadata (the built-in source catalogue, Catalog/sources.json). <see cref="DataElement.Source"/> says which.
        /// </summary>
        Platform,

        /// <summary>Declared personal in residency.json <c>sources</c>.</summary>
        Configured,
    }

    /// <summary>
    /// A personal-data element: an annotated member, parameter, return value or type, with its category,
    /// data subject, special category and retention. Identity is the symbol.
    /// </summary>
    internal sealed class DataElement
    {
        public DataElement(ISymbol symbol, string? category, string? specialCategory, string? subject, string? retention, ElementOrigin origin)
        {
            Symbol = symbol;
            Category = CategoryKey(category);
            SpecialCategory = specialCategory;
            Subject = subject;
            Retention = retention;
            Origin = origin;
            Name = NameOf(symbol);
            Id = symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        }

        /// <summary>
        /// An element with no declaration of its own in the code (a claim, a request header) or one named by where it
        /// comes from: <paramref name="symbol"/> is the platform symbol it is read through.
        /// </summary>
        public DataElement(ISymbol symbol, string id, string name, string kind, string? category, ElementOrigin origin, string source, string? specialCategory = null)
        {
            Symbol = symbol;
            Category = CategoryKey(category);
            SpecialCategory = specialCategory;
            Origin = origin;
            Name = name;
            Id = id;
            _kind = kind;
            Source = source;
        }

        /// <summary>A member element that comes from a source catalogue entry (<see cref="ElementOrigin.Platform"/> or <see cref="ElementOrigin.Configured"/>).</summary>
        public DataElement(ISymbol symbol, string? category, ElementOrigin origin, string source, string? specialCategory = null)
            : this(symbol, category, specialCategory, null, null, origin)
        {
            Source = source;
        }

        private readonly string? _kind;

        /// <summary>
        /// A category as the record keys it: a fideslang key is written without its <c>user.</c> prefix
        /// (<c>[PersonalData("user.contact.email")]</c> is <c>contact.email</c>, as fideslang's own files spell it).
        /// </summary>
        internal static string? CategoryKey(string? category) =>
            category is { Length: > 5 } && category.StartsWith("user.", StringComparison.Ordinal) ? category.Substring(5) : category;

        /// <summary>
        /// Where a platform or configured element comes from, as the inventory shows it: <c>claim email</c>,
        /// <c>UserManager.GetEmailAsync</c>, <c>HttpContext.Connection.RemoteIpAddress</c>, <c>residency.json</c>. Null for
        /// annotated elements.
        /// </summary>
        public string? Source { get; }

        /// <summary>
        /// For the claim a helper looks up by a type it is given: the ordinal of that parameter (the caller's argument
        /// names the claim); -1 otherwise.
        /// </summary>
        public int ClaimTypeParameter { get; init; } = -1;

        public ISymbol Symbol { get; }

        /// <summary>Short name used in messages: <c>Customer.Email</c>, parameter <c>email</c>.</summary>
        public string Name { get; }

        /// <summary>Stable identifier: the symbol's display string.</summary>
        public string Id { get; }

        public string? Category { get; }

        public string? SpecialCategory { get; }

        public string? Subject { get; }

        public string? Retention { get; }

        public ElementOrigin Origin { get; }

        public bool IsSpecial => SpecialCategory is not null;

        /// <summary><c>Customer.Email (contact.email)</c>.</summary>
        public string Describe()
        {
            var category = SpecialCategory ?? Category;
            return category is null ? Name : $"{Name} ({category})";
        }

        public string KindName => _kind ?? Symbol switch
        {
            IPropertySymbol => "property",
            IFieldSymbol => "field",
            IParameterSymbol => "parameter",
            IMethodSymbol => "return",
            ITypeSymbol => "type",
            _ => "member",
        };

        private static string NameOf(ISymbol symbol) => symbol switch
        {
            IParameterSymbol p => $"parameter '{p.Name}' of {p.ContainingSymbol?.ContainingType?.Name}.{p.ContainingSymbol?.Name}",
            IMethodSymbol m => $"{m.ContainingType?.Name}.{m.Name}()",
            ITypeSymbol t => t.Name,
            _ => $"{symbol.ContainingType?.Name}.{symbol.Name}",
        };
    }
}
