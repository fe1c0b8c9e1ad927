using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Model
{
    /// <summary>
    /// The symbols the analysis needs, resolved once per compilation. The Residency attributes are recognised by their
    /// full name (namespace <c>Residency</c> and attribute name), not only by symbol identity: a library's annotations are
    /// read even when this compilation does not reference <c>Residency.Annotations</c> (the library's package reference is
    /// private, so its consumers do not get it) or references another copy of the attributes (declared in source under
    /// namespace <c>Residency</c>, or a different version).
    /// </summary>
    internal sealed class WellKnownTypes
    {
        /// <summary>The assembly that declares the attributes in the package.</summary>
        public const string AnnotationsAssemblyName = "Residency.Annotations";

        private const string ResidencyNamespace = "Residency";

        private static readonly HashSet<string> ResidencyAttributeNames = new(System.StringComparer.Ordinal)
        {
            "PersonalDataAttribute", "SpecialCategoryDataAttribute", "DataSinkAttribute", "DataTransferAttribute",
            "AnonymizerAttribute", "PseudonymizerAttribute", "RetentionAttribute",
        };

        private WellKnownTypes(Compilation compilation)
        {
            // Stand-ins (error types with the attribute's name) when the compilation cannot name an attribute itself but some
            // reference was built against the annotations: its attributes are then matched by name (see Is).
            var byName = MayHoldResidencyAttributes(compilation);
            PersonalData = Residency(compilation, "PersonalDataAttribute", byName);
            SpecialCategoryData = Residency(compilation, "SpecialCategoryDataAttribute", byName);
            DataSink = Residency(compilation, "DataSinkAttribute", byName);
            DataTransfer = Residency(compilation, "DataTransferAttribute", byName);
            Anonymizer = Residency(compilation, "AnonymizerAttribute", byName);
            Pseudonymizer = Residency(compilation, "PseudonymizerAttribute", byName);
            Retention = Residency(compilation, "RetentionAttribute", byName);
            IdentityPersonalData = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Identity.PersonalDataAttribute");
            IdentityProtectedPersonalData = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Identity.ProtectedPersonalDataAttribute");
            DataClassification = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
            NoDataClassification = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.NoDataClassificationAttribute");
            String = compilation.GetSpecialType(SpecialType.System_String);
            IEnumerableOfT = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
            IAsyncEnumeratorOfT = compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerator`1");
            Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
            ExpressionOfT = compilation.GetTypeByMetadataName("System.Linq.Expressions.Expression`1");
            var queryable = compilation.GetTypeByMetadataName("System.Linq.IQueryable");
            Queryable = queryable is null ? ImmutableArray<INamedTypeSymbol>.Empty : ImmutableArray.Create(queryable);
            QueryableOperators = compilation.GetTypeByMetadataName("System.Linq.Queryable");
            EnumerableOperators = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
            foreach (var member in queryable?.GetMembers("Expression") ?? ImmutableArray<ISymbol>.Empty)
            {
                QueryExpression ??= member as IPropertySymbol;
            }
        }

        public INamedTypeSymbol? PersonalData { get; }

        public INamedTypeSymbol? SpecialCategoryData { get; }

        public INamedTypeSymbol? DataSink { get; }

        public INamedTypeSymbol? DataTransfer { get; }

        public INamedTypeSymbol? Anonymizer { get; }

        public INamedTypeSymbol? Pseudonymizer { get; }

        public INamedTypeSymbol? Retention { get; }

        public INamedTypeSymbol? IdentityPersonalData { get; }

        public INamedTypeSymbol? IdentityProtectedPersonalData { get; }

        public INamedTypeSymbol? DataClassification { get; }

        public INamedTypeSymbol? NoDataClassification { get; }

        public INamedTypeSymbol String { get; }

        public INamedTypeSymbol IEnumerableOfT { get; }

        /// <summary><c>System.Collections.Generic.IAsyncEnumerator&lt;T&gt;</c>: an <c>await foreach</c> reads its <c>Current</c>.</summary>
        public INamedTypeSymbol? IAsyncEnumeratorOfT { get; }

        public INamedTypeSymbol? Task { get; }

        public INamedTypeSymbol? HttpClient { get; }

        /// <summary><c>System.Linq.Expressions.Expression&lt;TDelegate&gt;</c>, the type a lambda is converted to as a tree.</summary>
        public INamedTypeSymbol? ExpressionOfT { get; }

        /// <summary>
        /// <c>System.Linq.IQueryable</c>, which every query a provider runs later implements (empty when the compilation does
        /// not have it), in the shape <see cref="Endpoints.EndpointTypes.DerivesFrom(ITypeSymbol, ImmutableArray{INamedTypeSymbol})"/> takes.
        /// </summary>
        public ImmutableArray<INamedTypeSymbol> Queryable { get; }

        /// <summary><c>System.Linq.Queryable</c>, LINQ's operators on queries (<c>AsQueryable</c> over objects makes a query in memory).</summary>
        public INamedTypeSymbol? QueryableOperators { get; }

        /// <summary><c>System.Linq.Enumerable</c>, LINQ's operators on sequences (a query is one).</summary>
        public INamedTypeSymbol? EnumerableOperators { get; }

        /// <summary>Whether a type is a query a provider runs later: <c>IQueryable</c> or a type that implements it (<c>DbSet&lt;T&gt;</c>).</summary>
        public bool IsQuery(ITypeSymbol? type) =>
            type is INamedTypeSymbol { SpecialType: SpecialType.None, TypeKind: TypeKind.Interface or TypeKind.Class } &&
            Endpoints.EndpointTypes.DerivesFrom(type, Queryable);

        /// <summary><c>IQueryable.Expression</c>: where a query holds the values its operators' trees were handed until it runs.</summary>
        public IPropertySymbol? QueryExpression { get; }

        /// <summary>Whether any personal-data annotation can exist in this compilation at all.</summary>
        public bool HasAnySourceAttribute => PersonalData is not null || SpecialCategoryData is not null || IdentityPersonalData is not null || DataClassification is not null;

        public static WellKnownTypes Create(Compilation compilation) => new(compilation);

        /// <summary>
        /// Whether <paramref name="attributeClass"/> is <paramref name="wellKnown"/>: the same symbol, or, for the Residency
        /// attributes, a type of the same full name (another copy, or an unresolved type from a referenced assembly).
        /// </summary>
        public static bool Is(INamedTypeSymbol? attributeClass, INamedTypeSymbol? wellKnown) =>
            attributeClass is not null && wellKnown is not null &&
            (SymbolEqualityComparer.Default.Equals(attributeClass, wellKnown) ||
             attributeClass.Name == wellKnown.Name && ResidencyAttributeNames.Contains(wellKnown.Name) && InResidencyNamespace(attributeClass));

        /// <summary>Whether <paramref name="type"/> is declared directly in namespace <c>Residency</c> (not nested in a type).</summary>
        private static bool InResidencyNamespace(INamedTypeSymbol type) =>
            type.ContainingType is null &&
            type.ContainingNamespace is { Name: ResidencyNamespace } ns && ns.ContainingNamespace is { IsGlobalNamespace: true };

        private static INamedTypeSymbol? Residency(Compilation compilation, string name, bool byName) =>
            compilation.GetTypeByMetadataName(ResidencyNamespace + "." + name) ??
            (byName ? compilation.CreateErrorTypeSymbol(null, name, 0) : null);

        /// <summary>
        /// Whether attributes named <c>Residency.*</c> may appear although the compilation cannot resolve them by metadata
        /// name: a reference was built against <c>Residency.Annotations</c> that this compilation does not reference, or
        /// several copies make the name ambiguous (a namespace <c>Residency</c> exists).
        /// </summary>
        private static bool MayHoldResidencyAttributes(Compilation compilation)
        {
            if (compilation.GlobalNamespace.GetNamespaceMembers().Any(n => n.Name == ResidencyNamespace))
            {
                return true;
            }

            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                foreach (var module in assembly.Modules)
                {
                    if (module.ReferencedAssemblies.Any(a => a.Name == AnnotationsAssemblyName))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// <c>System.Threading.CancellationToken</c>: handed to a call beside its data (an HTTP call, a copy), never data
        /// itself. By name, so that no compilation is asked for the symbol.
        /// </summary>
        public static bool IsCancellationToken(ITypeSymbol type) =>
            type is INamedTypeSymbol { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

        /// <summary>The outermost namespace <paramref name="type"/> is declared in (<c>System</c> for <c>System.Collections.Generic.List&lt;T&gt;</c>); the global namespace for a type declared there.</summary>
        public static INamespaceSymbol? RootNamespace(ITypeSymbol type)
        {
            var ns = type.ContainingNamespace;
            while (ns is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
            {
                ns = ns.ContainingNamespace;
            }

            return ns;
        }

        /// <summary>Whether <paramref name="type"/> is or derives from <paramref name="baseType"/>.</summary>
        public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
