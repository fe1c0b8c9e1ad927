using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Model
{
    /// <summary>
    /// Decides which symbols are personal data and which types carry personal data when passed whole.
    /// One instance per compilation; every answer is memoised, so the attribute lookups happen once per symbol.
    /// </summary>
    internal sealed class PersonalDataClassifier
    {
        private const int MaxTypeDepth = 3;

        private readonly WellKnownTypes _types;
        private readonly NameHeuristics? _inference;
        private readonly ConcurrentDictionary<ISymbol, DataElement?> _elements;
        private readonly ConcurrentDictionary<ITypeSymbol, ImmutableArray<DataElement>> _carried;

        [ThreadStatic]
        private static HashSet<ITypeSymbol>? t_inProgress;

        [ThreadStatic]
        private static int t_cuts;

        private readonly Sources.PlatformSources? _sources;

        private readonly Compilation? _compilation;
        private readonly ConcurrentDictionary<IAssemblySymbol, bool> _ownAssemblies = new(SymbolEqualityComparer.Default);

        public PersonalDataClassifier(WellKnownTypes types, bool inferFromNames, Sources.PlatformSources? sources = null, int cacheCapacity = Caches.DefaultCapacity, Compilation? compilation = null)
        {
            _compilation = compilation;
            _elements = Caches.Create<ISymbol, DataElement?>(SymbolEqualityComparer.Default, cacheCapacity);
            _carried = Caches.Create<ITypeSymbol, ImmutableArray<DataElement>>(SymbolEqualityComparer.Default, cacheCapacity);
            _types = types;
            _inference = inferFromNames ? new NameHeuristics() : null;
            _sources = sources;
        }

        /// <summary>Sources that need no annotation (claims, Identity, request metadata, residency.json), when known.</summary>
        public Sources.PlatformSources? Sources => _sources;

        /// <summary>The element when <paramref name="symbol"/> (member, parameter, method return, type) is personal data.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public DataElement? GetElement(ISymbol symbol)
        {
            symbol = symbol.OriginalDefinition;
            if (_elements.TryGetValue(symbol, out var cached))
            {
                return cached;
            }

            var element = Classify(symbol);
            return _elements.GetOrAdd(symbol, element);
        }

        /// <summary>
        /// The elements an instance of <paramref name="type"/> carries when it is passed whole: the type itself if it is
        /// annotated, else its personal members and those of the types of its members (up to three levels), and the
        /// element type of arrays and collections. Empty for strings, primitives and types with no personal members.
        /// </summary>
        public ImmutableArray<DataElement> GetCarriedElements(ITypeSymbol? type)
        {
            if (type is null)
            {
                return ImmutableArray<DataElement>.Empty;
            }

            return GetCarriedElements(type, 0);
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private ImmutableArray<DataElement> GetCarriedElements(ITypeSymbol type, int depth)
        {
            if (IsOpaque(type))
            {
                return ImmutableArray<DataElement>.Empty;
            }

            if (_carried.TryGetValue(type, out var cached))
            {
                return cached;
            }

            // Recursive types and the nesting limit are handled per thread, never by seeding the shared cache: another
            // thread must not see a provisional (empty) answer. A result cut by a cycle or by the limit is cached only
            // for the outermost type, whose answer does not depend on who asked first.
            var inProgress = t_inProgress ??= new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            if (inProgress.Count > MaxTypeDepth || !inProgress.Add(type))
            {
                t_cuts++;
                return ImmutableArray<DataElement>.Empty;
            }

            int cutsBefore = t_cuts;
            ImmutableArray<DataElement> result;
            try
            {
                result = ComputeCarried(type, depth);
            }
            finally
            {
                inProgress.Remove(type);
            }

            if (t_cuts == cutsBefore || inProgress.Count == 0)
            {
                result = _carried.GetOrAdd(type, result);
            }

            return result;
        }

        private ImmutableArray<DataElement> ComputeCarried(ITypeSymbol type, int depth)
        {
            if (type is IArrayTypeSymbol array)
            {
                return GetCarriedElements(array.ElementType, depth + 1);
            }

            if (type is ITypeParameterSymbol)
            {
                return ImmutableArray<DataElement>.Empty;
            }

            if (type is INamedTypeSymbol named && named.IsGenericType)
            {
                // Collections, Task<T>, Nullable<T>, KeyValuePair<,>, tuples: what their type arguments carry.
                var fromArguments = new List<DataElement>();
                foreach (var argument in named.TypeArguments)
                {
                    fromArguments.AddRange(GetCarriedElements(argument, depth + 1));
                }

                if (IsFrameworkType(named))
                {
                    return Distinct(fromArguments);
                }

                fromArguments.AddRange(MembersOf(named, depth));
                return Distinct(fromArguments);
            }

            if (_sources is not null && _sources.CarriedBy(type) is { IsEmpty: false } claims)
            {
                return claims; // a principal or identity carries every claim of the user
            }

            if (IsFrameworkType(type) && !IsIdentityType(type))
            {
                return ImmutableArray<DataElement>.Empty;
            }

            var own = GetElement(type);
            if (own is not null)
            {
                return ImmutableArray.Create(own);
            }

            return Distinct(MembersOf(type, depth));
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private List<DataElement> MembersOf(ITypeSymbol type, int depth)
        {
            var result = new List<DataElement>();
            for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
            {
                foreach (var member in t.GetMembers())
                {
                    if (member.IsStatic || member.IsImplicitlyDeclared)
                    {
                        continue;
                    }

                    ITypeSymbol? memberType = member switch
                    {
                        IPropertySymbol p when !p.IsIndexer && p.GetMethod is not null => p.Type,
                        IFieldSymbol f => f.Type,
                        _ => null,
                    };
                    if (memberType is null)
                    {
                        continue;
                    }

                    var element = GetElement(member);
                    if (element is not null)
                    {
                        result.Add(element);
                    }
                    else if (member.DeclaredAccessibility == Accessibility.Public && !IsFrameworkType(t))
                    {
                        // Not through members a framework base declares (a controller's User, a page's HttpContext): the
                        // derived type is the application's service, not the user's data.
                        result.AddRange(GetCarriedElements(memberType, depth + 1));
                    }
                }
            }

            return result;
        }

        private static ImmutableArray<DataElement> Distinct(List<DataElement> elements) =>
            elements.Count == 0 ? ImmutableArray<DataElement>.Empty : elements.Distinct().ToImmutableArray();

        private static bool IsOpaque(ITypeSymbol type) =>
            type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Enum or TypeKind.Delegate or TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Error or TypeKind.Dynamic;

        private static bool IsFrameworkType(ITypeSymbol type)
        {
            return WellKnownTypes.RootNamespace(type) is { Name: "System" or "Microsoft" } && type.ContainingAssembly?.Name is { } assembly &&
                (assembly.StartsWith("System", System.StringComparison.Ordinal) || assembly.StartsWith("Microsoft", System.StringComparison.Ordinal) || assembly == "mscorlib" || assembly == "netstandard");
        }

        private static bool IsIdentityType(ITypeSymbol type) =>
            type.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Identity";

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private DataElement? Classify(ISymbol symbol)
        {
            var attributes = symbol is IMethodSymbol method ? method.GetReturnTypeAttributes() : symbol.GetAttributes();
            var element = FromAttributes(symbol, attributes);
            if (element is not null)
            {
                return element;
            }

            if (symbol is IPropertySymbol positional && PositionalParameter(positional) is { } parameter)
            {
                // record Shipped(int Id, [PersonalData("name")] string BuyerName): the annotation on the parameter is the property's.
                element = FromAttributes(symbol, parameter.GetAttributes());
                if (element is not null)
                {
                    return element;
                }
            }

            if (_sources?.MemberElement(symbol) is { } platform)
            {
                return platform;
            }

            switch (symbol)
            {
                case IPropertySymbol { OverriddenProperty: { } overridden }:
                    return GetElement(overridden);
                case IPropertySymbol or IFieldSymbol when symbol.ContainingType is { } containing && !symbol.IsStatic:
                    // A member of a personal type is personal data with the type's category.
                    var typeElement = GetElement(containing);
                    if (typeElement is not null)
                    {
                        return new DataElement(symbol, typeElement.Category, typeElement.SpecialCategory, typeElement.Subject, RetentionOf(symbol) ?? typeElement.Retention, typeElement.Origin);
                    }

                    break;
                case INamedTypeSymbol { BaseType: { } baseType } when baseType.SpecialType == SpecialType.None && !IsFrameworkType(baseType):
                    var inherited = GetElement(baseType);
                    if (inherited is not null)
                    {
                        return new DataElement(symbol, inherited.Category, inherited.SpecialCategory, inherited.Subject, RetentionOf(symbol) ?? inherited.Retention, inherited.Origin);
                    }

                    break;
            }

            // Inferred from names: the members RES006 would flag, which are the application's own. A library's types are not
            // inferred (SendGrid's EmailAddress.Email and SendGridMessage.IpPoolName made a message with no personal data at
            // all a flow).
            if (_inference is not null && symbol is IPropertySymbol or IFieldSymbol or IParameterSymbol && IsApplicationsOwn(symbol))
            {
                var inferred = _inference.Classify(symbol);
                if (inferred is not null)
                {
                    return new DataElement(symbol, inferred.SpecialCategory is null ? inferred.Category : null, inferred.SpecialCategory, null, null, ElementOrigin.Inferred);
                }
            }

            return null;
        }

        /// <summary>
        /// Whether <paramref name="symbol"/> is the application's own: declared in this compilation, or in an assembly another
        /// project of the same build produced (a project reference resolves to that project's <c>obj/</c> or <c>bin/</c>
        /// directory; a package's assembly comes from the NuGet packages folder, the framework's from its packs).
        /// </summary>
        private bool IsApplicationsOwn(ISymbol symbol)
        {
            if (!symbol.Locations.IsEmpty && symbol.Locations[0].IsInSource)
            {
                return true;
            }

            if (symbol.ContainingAssembly is not { } assembly || _compilation is null)
            {
                return false;
            }

            return _ownAssemblies.GetOrAdd(assembly, a =>
                _compilation.GetMetadataReference(a) is PortableExecutableReference { FilePath: { } path } &&
                path.Replace('\\', '/') is var normalised &&
                (normalised.IndexOf("/obj/", System.StringComparison.OrdinalIgnoreCase) >= 0 || normalised.IndexOf("/bin/", System.StringComparison.OrdinalIgnoreCase) >= 0));
        }

        private DataElement? FromAttributes(ISymbol symbol, ImmutableArray<AttributeData> attributes)
        {
            string? category = null, special = null, subject = null;
            ElementOrigin? origin = null;
            foreach (var attribute in attributes)
            {
                var attributeClass = attribute.AttributeClass;
                if (attributeClass is null)
                {
                    continue;
                }

                if (WellKnownTypes.Is(attributeClass, _types.PersonalData))
                {
                    origin = ElementOrigin.Residency;
                    category ??= FirstStringArgument(attribute);
                    subject ??= NamedString(attribute, "Subject");
                }
                else if (WellKnownTypes.Is(attributeClass, _types.SpecialCategoryData))
                {
                    origin = ElementOrigin.Residency;
                    special = FirstStringArgument(attribute) ?? "special";
                    subject ??= NamedString(attribute, "Subject");
                }
                else if (WellKnownTypes.Is(attributeClass, _types.IdentityPersonalData) || WellKnownTypes.Is(attributeClass, _types.IdentityProtectedPersonalData))
                {
                    origin ??= ElementOrigin.AspNetCoreIdentity;
                }
                else if (_types.DataClassification is not null && WellKnownTypes.DerivesFrom(attributeClass, _types.DataClassification) &&
                         !WellKnownTypes.DerivesFrom(attributeClass, _types.NoDataClassification))
                {
                    origin ??= ElementOrigin.DataClassification;
                    category ??= TaxonomyName(attributeClass);
                }
            }

            if (origin is null)
            {
                return null;
            }

            if (category is null && origin == ElementOrigin.AspNetCoreIdentity)
            {
                // IdentityUser.Id is the user's key: a unique identifier, as the nameidentifier claim that carries it.
                category = NameHeuristics.CategoryForName(symbol.Name) ?? (symbol.Name == "Id" ? "unique_id" : null);
            }

            return new DataElement(symbol, category, special, subject, RetentionOf(symbol) ?? RetentionOf(symbol.ContainingType), origin.Value);
        }

        /// <summary>
        /// The primary-constructor parameter a record's positional property is declared by (same name and type), so that
        /// <c>[PersonalData]</c>, <c>[SpecialCategoryData]</c>, <c>[Retention]</c> and <c>[DataSink]</c> written on the
        /// parameter count for the property; also for records from referenced assemblies (the attribute stays on the
        /// constructor parameter in metadata).
        /// </summary>
        internal static IParameterSymbol? PositionalParameter(IPropertySymbol property)
        {
            if (property.ContainingType is not { IsRecord: true } type || property.IsStatic || property.IsIndexer)
            {
                return null;
            }

            foreach (var constructor in type.InstanceConstructors)
            {
                if (constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type))
                {
                    continue; // the copy constructor
                }

                foreach (var parameter in constructor.Parameters)
                {
                    if (parameter.Name == property.Name && SymbolEqualityComparer.Default.Equals(parameter.Type, property.Type) && IsPrimary(constructor))
                    {
                        return parameter;
                    }
                }
            }

            return null;
        }

        private static bool IsPrimary(IMethodSymbol constructor)
        {
            if (constructor.DeclaringSyntaxReferences.Length == 0)
            {
                return true; // metadata: a constructor parameter named and typed like the property is the positional one
            }

            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        private string? RetentionOf(ISymbol? symbol)
        {
            if (symbol is null || _types.Retention is null)
            {
                return null;
            }

            if (symbol is IPropertySymbol property && PositionalParameter(property) is { } parameter && RetentionOf(parameter) is { } fromParameter)
            {
                return fromParameter;
            }

            foreach (var attribute in symbol.GetAttributes())
            {
                if (WellKnownTypes.Is(attribute.AttributeClass, _types.Retention))
                {
                    return FirstStringArgument(attribute);
                }
            }

            return null;
        }

        private static string TaxonomyName(INamedTypeSymbol attributeClass)
        {
            var name = attributeClass.Name;
            return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        }

        internal static string? FirstStringArgument(AttributeData attribute) =>
            attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0] is { Kind: TypedConstantKind.Primitive, Value: string s } ? s : null;

        internal static string? NamedString(AttributeData attribute, string name)
        {
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Key == name && pair.Value.Value is string s)
                {
                    return s;
                }
            }

            return null;
        }
    }
}
