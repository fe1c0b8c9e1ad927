using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Flow;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Sources
{
    /// <summary>
    /// Sources that need no annotation, for one compilation: claims (by claim type), ASP.NET Core Identity's
    /// <c>UserManager</c>, request metadata, and the members a project declares in residency.json <c>sources</c>. The
    /// catalogue (<see cref="SourceCatalog"/>) is data; this class resolves it against the compilation's symbols once
    /// and answers the flow engine's questions, memoised per symbol. The engine asks it at three places only: a member
    /// read (<see cref="OnPropertyRead"/>), a call (<see cref="OnInvocation"/>), and — through the classifier — what a
    /// member is and what a type carries.
    /// </summary>
    internal sealed partial class PlatformSources
    {
        private readonly Compilation _compilation;
        private readonly SemanticModels _models;
        private readonly SourceCatalog _catalog;
        private readonly IPropertySymbol? _claimValue;
        private readonly INamedTypeSymbol? _claimType;
        private readonly ImmutableArray<INamedTypeSymbol> _principalTypes;
        private readonly ImmutableArray<INamedTypeSymbol> _headerDictionaries;
        private readonly ImmutableArray<INamedTypeSymbol> _fieldCollections;
        private readonly ImmutableArray<INamedTypeSymbol> _ownResults;
        private readonly HashSet<string> _memberNames = new(StringComparer.Ordinal);
        private readonly HashSet<string> _wildcardTypes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<MemberSource>> _membersByType = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<ClaimLookup>> _lookupsByType = new(StringComparer.Ordinal);
        private readonly HashSet<string> _lookupNames = new(StringComparer.Ordinal);
        private readonly HashSet<string> _filterNames;

        private readonly ConcurrentDictionary<ISymbol, MemberMatch?> _members = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ClaimLookup?> _lookups = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, bool> _principals = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, bool> _headerTypes = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, string> _typeNames = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, DataElement?> _claimElements = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, DataElement> _headerElements = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<(IMethodSymbol Method, int Ordinal), DataElement> _parameterClaims = new(ParameterKeyComparer.Instance);
        private readonly Lazy<DataElement?> _anyClaim;
        private bool _anyParameterClaim;
        private readonly ISymbol? _claimSymbol;

        public PlatformSources(Compilation compilation, SemanticModels models, SourceCatalog catalog)
        {
            _compilation = compilation;
            _models = models;
            _catalog = catalog;
            _claimType = catalog.ClaimValueMember is { } valueMember ? compilation.GetTypeByMetadataName(valueMember.Substring(0, valueMember.LastIndexOf('.'))) : null;
            foreach (var member in _claimType?.GetMembers("Value") ?? ImmutableArray<ISymbol>.Empty)
            {
                _claimValue ??= member as IPropertySymbol;
            }

            _principalTypes = Resolve(catalog.PrincipalTypes);
            _headerDictionaries = Resolve(catalog.HeaderDictionaries);
            _fieldCollections = Resolve(catalog.FieldCollections);
            _ownResults = Resolve(catalog.OwnResults);
            _claimSymbol = (ISymbol?)_claimType ?? (_principalTypes.IsEmpty ? null : _principalTypes[0]);
            _filterNames = new HashSet<string>(catalog.ClaimFilters, StringComparer.Ordinal);
            foreach (var member in catalog.Members)
            {
                if (!_membersByType.TryGetValue(member.TypeName, out var list))
                {
                    _membersByType[member.TypeName] = list = new List<MemberSource>();
                }

                list.Add(member);
                if (member.MemberName == "*")
                {
                    _wildcardTypes.Add(member.TypeName);
                }
                else
                {
                    _memberNames.Add(member.MemberName);
                }
            }

            foreach (var lookup in catalog.Lookups)
            {
                if (!_lookupsByType.TryGetValue(lookup.TypeName, out var list))
                {
                    _lookupsByType[lookup.TypeName] = list = new List<ClaimLookup>();
                }

                list.Add(lookup);
                _lookupNames.Add(lookup.MethodName);
            }

            _handlers = new Lazy<Handlers>(ResolveHandlers, LazyThreadSafetyMode.ExecutionAndPublication);
            _mapGroups = new Lazy<Dictionary<IMethodSymbol, string?>>(FindMapGroups, LazyThreadSafetyMode.ExecutionAndPublication);
            _callbacks = new Lazy<ImmutableArray<ResolvedCallback>>(ResolveCallbacks, LazyThreadSafetyMode.ExecutionAndPublication);
            _anyClaim = new Lazy<DataElement?>(
                () => _claimSymbol is null ? null : new DataElement(_claimSymbol, "claim:*", "claims (any type)", "claim", null, ElementOrigin.Platform, "claims of the signed-in user"),
                LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>Whether anything here can apply to this compilation (the claims types exist, or residency.json names members).</summary>
        public bool MayApply => !_principalTypes.IsEmpty || _membersByType.Count > 0;

        public SourceCatalog Catalog => _catalog;

        /// <summary>The element a property, field or method return value is by the catalogue (a value source), or null.</summary>
        public DataElement? MemberElement(ISymbol symbol) =>
            symbol is IParameterSymbol parameter ? BoundElement(parameter) ?? CallbackElement(parameter) : FindMember(symbol)?.Element;

        /// <summary>What an instance of <paramref name="type"/> carries when passed whole: every claim, for a principal or identity.</summary>
        public ImmutableArray<DataElement> CarriedBy(ITypeSymbol type) =>
            IsPrincipal(type) && _anyClaim.Value is { } any ? ImmutableArray.Create(any) : ImmutableArray<DataElement>.Empty;

        /// <summary>Whether a call's result is decided here (a claim look-up, a method that returns claims, a read of the request's body).</summary>
        public bool IsSourceCall(IMethodSymbol method) =>
            FindLookup(method) is not null || FindMember(method) is { Entry.Result: not SourceResult.Value } || (method.IsGenericMethod && !ReadBodyFacts(method).IsEmpty);

        /// <summary>Whether reading this property is a source the classifier does not know (claims collections, a request header, a form field or query parameter).</summary>
        public bool IsSourceRead(IPropertyReferenceOperation property) =>
            FindMember(property.Property) is { Entry.Result: not SourceResult.Value } || HeaderOf(property) is not null || FieldOf(property) is not null ||
            !MessageFacts(property).IsEmpty;

        /// <summary>What reading <paramref name="property"/> yields besides <paramref name="facts"/>: claims, a request header, a form field or query parameter, a received message's personal members.</summary>
        public ImmutableHashSet<TaintFact> OnPropertyRead(IPropertyReferenceOperation property, ImmutableHashSet<TaintFact> facts)
        {
            if (FindMember(property.Property) is { Entry.Result: not SourceResult.Value } && _anyClaim.Value is { } any)
            {
                return Taint.Union(facts, ClaimFacts(any));
            }

            if (HeaderOf(property) is { } header)
            {
                return facts.Add(TaintFact.Source(header));
            }

            if (FieldOf(property) is { } field)
            {
                return facts.Add(TaintFact.Source(field));
            }

            return MessageFacts(property) is { IsEmpty: false } message ? Taint.Union(facts, message) : facts;
        }

        /// <summary>
        /// What a call yields, given what the engine computed (<paramref name="result"/>): a claim look-up yields the claim
        /// of the type it is given (and not the principal it was called on); a LINQ filter on claims by type keeps that
        /// claim type; a helper's parameterised claim is bound to the type its caller passes.
        /// </summary>
        public ImmutableHashSet<TaintFact> OnInvocation(IInvocationOperation invocation, IMethodSymbol caller, ImmutableHashSet<TaintFact> result, ImmutableHashSet<TaintFact> typeFacts)
        {
            var target = invocation.TargetMethod;
            if (target.IsGenericMethod && ReadBodyFacts(target) is { IsEmpty: false } body)
            {
                result = Taint.Union(result, body); // the request's body, read by the code
            }
            if (!_ownResults.IsEmpty && target.ContainingType is { } owner && Contains(_ownResults, owner.OriginalDefinition) && FindLookup(target) is null)
            {
                // UserManager<T>: the result is the store's data, not the arguments (the user passed to GetAccessFailedCountAsync).
                result = typeFacts;
                if (MemberElement(target) is { } own)
                {
                    result = result.Add(TaintFact.Source(own));
                }
            }

            if (FindLookup(target) is { } lookup)
            {
                var claimType = lookup.ClaimType is not null ? ClaimKind.Known(lookup.ClaimType) : ClaimTypeArgument(invocation, caller);
                var element = ElementFor(claimType, caller);
                if (element is null)
                {
                    return Taint.Empty;
                }

                return lookup.Result == SourceResult.Value ? Taint.Empty.Add(TaintFact.Source(element)) : ClaimFacts(element);
            }

            if (FindMember(target) is { Entry.Result: not SourceResult.Value } && _anyClaim.Value is { } any)
            {
                result = Taint.Union(result, ClaimFacts(any));
            }

            if (result.IsEmpty)
            {
                return result;
            }

            if (_filterNames.Contains(target.Name) && _anyClaim.Value is { } anyClaim && Contains(result, anyClaim))
            {
                var filter = PredicateClaimType(invocation, caller);
                if (filter.Kind != ClaimKindTag.Unknown)
                {
                    var element = ElementFor(filter, caller);
                    var builder = result.ToBuilder();
                    foreach (var fact in result)
                    {
                        if (ReferenceEquals(fact.Element, anyClaim))
                        {
                            builder.Remove(fact);
                            if (element is not null)
                            {
                                builder.Add(fact.WithElement(element));
                            }
                        }
                    }

                    result = builder.ToImmutable();
                }
            }

            return BindClaimParameters(invocation, caller, result);
        }

        /// <summary>The residency.json sources that match no member of the compilation or its references (RES004).</summary>
        public IEnumerable<MemberSource> UnmatchedUserMembers()
        {
            foreach (var entry in _catalog.Members)
            {
                if (!entry.IsUser)
                {
                    continue;
                }

                var type = _compilation.GetTypeByMetadataName(entry.TypeName);
                if (type is null)
                {
                    yield return entry;
                    continue;
                }

                if (entry.MemberName == "*")
                {
                    continue;
                }

                bool found = false;
                for (var t = type; t is not null && !found; t = t.BaseType)
                {
                    found = !t.GetMembers(entry.MemberName).IsEmpty;
                }

                foreach (var iface in type.AllInterfaces)
                {
                    found |= !iface.GetMembers(entry.MemberName).IsEmpty;
                }

                if (!found)
                {
                    yield return entry;
                }
            }
        }

        private bool IsPrincipal(ITypeSymbol type)
        {
            if (_principalTypes.IsEmpty || type is not INamedTypeSymbol)
            {
                return false;
            }

            return _principals.GetOrAdd(type, t =>
            {
                foreach (var principal in _principalTypes)
                {
                    if (WellKnownTypes.DerivesFrom(t, principal))
                    {
                        return true;
                    }

                    foreach (var iface in t.AllInterfaces)
                    {
                        if (SymbolEqualityComparer.Default.Equals(iface.OriginalDefinition, principal))
                        {
                            return true;
                        }
                    }
                }

                return false;
            });
        }

        private ClaimLookup? FindLookup(IMethodSymbol method)
        {
            if (!_lookupNames.Contains(method.Name))
            {
                return null;
            }

            method = method.ReducedFrom ?? method;
            return _lookups.GetOrAdd((IMethodSymbol)method.OriginalDefinition, m =>
            {
                for (var type = m.ContainingType; type is not null; type = type.BaseType)
                {
                    if (_lookupsByType.TryGetValue(TypeName(type), out var lookups))
                    {
                        foreach (var lookup in lookups)
                        {
                            if (lookup.MethodName == m.Name)
                            {
                                return lookup;
                            }
                        }
                    }
                }

                return null;
            });
        }

        private MemberMatch? FindMember(ISymbol symbol)
        {
            if (_membersByType.Count == 0 || (_wildcardTypes.Count == 0 && !_memberNames.Contains(symbol.Name)) ||
                symbol is not (IPropertySymbol or IFieldSymbol or IMethodSymbol { MethodKind: MethodKind.Ordinary }))
            {
                return null;
            }

            return _members.GetOrAdd(symbol.OriginalDefinition, Match);
        }

        private MemberMatch? Match(ISymbol symbol)
        {
            if (symbol.ContainingType is not { } containing || symbol.IsImplicitlyDeclared || symbol is IMethodSymbol { ReturnsVoid: true })
            {
                return null;
            }

            for (var type = containing; type is not null; type = type.BaseType)
            {
                if (Entry(TypeName(type), symbol.Name) is { } entry)
                {
                    return Create(entry, symbol);
                }
            }

            // A member that implements an interface member named in the catalogue (Contoso.Auth.ICurrentUser.Email).
            foreach (var iface in containing.AllInterfaces)
            {
                if (Entry(TypeName(iface), symbol.Name) is not { } entry)
                {
                    continue;
                }

                foreach (var member in iface.GetMembers(symbol.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(containing.FindImplementationForInterfaceMember(member)?.OriginalDefinition, symbol))
                    {
                        return Create(entry, symbol);
                    }
                }
            }

            return null;
        }

        private MemberSource? Entry(string typeName, string memberName)
        {
            if (!_membersByType.TryGetValue(typeName, out var entries))
            {
                return null;
            }

            MemberSource? wildcard = null;
            foreach (var entry in entries)
            {
                if (entry.MemberName == memberName)
                {
                    return entry;
                }

                if (entry.MemberName == "*")
                {
                    wildcard ??= entry;
                }
            }

            return wildcard;
        }

        private MemberMatch Create(MemberSource entry, ISymbol symbol)
        {
            DataElement? element = null;
            if (entry.Result == SourceResult.Value)
            {
                element = entry.ClaimType is not null ? ClaimElement(entry.ClaimType)
                    : entry.Header is not null ? HeaderElement(entry.Header, symbol)
                    : new DataElement(symbol, entry.Category, entry.IsUser ? ElementOrigin.Configured : ElementOrigin.Platform, entry.Origin, entry.SpecialCategory);
            }

            return new MemberMatch(entry, element);
        }

        /// <summary>
        /// The catalogue type's own indexer (<c>IHeaderDictionary.this[string]</c>, <c>IFormCollection.this[string]</c>), the
        /// symbol a header, form field or query parameter element is read from whichever implementation the code read it
        /// through; the type itself when it declares none.
        /// </summary>
        private static ISymbol OwnIndexer(INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol { IsIndexer: true })
                {
                    return member;
                }
            }

            return type;
        }

        /// <summary>The value under its implicit and explicit conversions (a claim type, a header name, a form key).</summary>
        private static IOperation Unconverted(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value;
        }

        private string TypeName(INamedTypeSymbol type) => _typeNames.GetOrAdd(type.OriginalDefinition, t => EndpointResolver.MetadataName(t));

        private ImmutableArray<INamedTypeSymbol> Resolve(ImmutableArray<string> names)
        {
            var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var name in names)
            {
                if (_compilation.GetTypeByMetadataName(name) is { } type)
                {
                    builder.Add(type);
                }
            }

            return builder.ToImmutable();
        }

        private sealed class MemberMatch
        {
            public MemberMatch(MemberSource entry, DataElement? element)
            {
                Entry = entry;
                Element = element;
            }

            public MemberSource Entry { get; }

            public DataElement? Element { get; }
        }

        private enum ClaimKindTag
        {
            Unknown,
            Known,
            Parameter,
        }

        private readonly struct ClaimKind
        {
            private ClaimKind(ClaimKindTag kind, string? claimType, int ordinal)
            {
                Kind = kind;
                ClaimType = claimType;
                Ordinal = ordinal;
            }

            public static ClaimKind Unknown => default;

            public ClaimKindTag Kind { get; }

            public string? ClaimType { get; }

            public int Ordinal { get; }

            public static ClaimKind Known(string claimType) => new(ClaimKindTag.Known, claimType, -1);

            public static ClaimKind OfParameter(int ordinal) => new(ClaimKindTag.Parameter, null, ordinal);
        }
    }
}
