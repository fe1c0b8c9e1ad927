using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Model
{
    /// <summary>The symbols the analysis needs, resolved once per compilation.</summary>
    internal sealed class WellKnownTypes
    {
        private WellKnownTypes(Compilation compilation)
        {
            PersonalData = compilation.GetTypeByMetadataName("Residency.PersonalDataAttribute");
            SpecialCategoryData = compilation.GetTypeByMetadataName("Residency.SpecialCategoryDataAttribute");
            DataSink = compilation.GetTypeByMetadataName("Residency.DataSinkAttribute");
            DataTransfer = compilation.GetTypeByMetadataName("Residency.DataTransferAttribute");
            Anonymizer = compilation.GetTypeByMetadataName("Residency.AnonymizerAttribute");
            Pseudonymizer = compilation.GetTypeByMetadataName("Residency.PseudonymizerAttribute");
            Retention = compilation.GetTypeByMetadataName("Residency.RetentionAttribute");
            IdentityPersonalData = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Identity.PersonalDataAttribute");
            IdentityProtectedPersonalData = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Identity.ProtectedPersonalDataAttribute");
            DataClassification = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
            NoDataClassification = compilation.GetTypeByMetadataName("Microsoft.Extensions.Compliance.Classification.NoDataClassificationAttribute");
            String = compilation.GetSpecialType(SpecialType.System_String);
            IEnumerableOfT = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
            Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
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

        public INamedTypeSymbol? Task { get; }

        public INamedTypeSymbol? HttpClient { get; }

        /// <summary>Whether any personal-data annotation can exist in this compilation at all.</summary>
        public bool HasAnySourceAttribute => PersonalData is not null || SpecialCategoryData is not null || IdentityPersonalData is not null || DataClassification is not null;

        public static WellKnownTypes Create(Compilation compilation) => new(compilation);

        public static bool Is(INamedTypeSymbol? attributeClass, INamedTypeSymbol? wellKnown) =>
            attributeClass is not null && wellKnown is not null && SymbolEqualityComparer.Default.Equals(attributeClass, wellKnown);

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
