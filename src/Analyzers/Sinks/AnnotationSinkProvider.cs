using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Model;
using Residency.Analyzers.Regions;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// Sinks declared with <c>[DataSink]</c>: on the method (or the member it overrides or implements), on a parameter,
    /// on the containing type or an interface it implements, or on the field/property the call goes through.
    /// </summary>
    internal sealed class AnnotationSinkProvider : ISinkProvider, ISinkCandidates
    {
        private readonly WellKnownTypes _types;
        private readonly ConcurrentDictionary<IMethodSymbol, SinkCall?> _methods;
        private readonly System.Func<IMethodSymbol, SinkCall?> _resolve; // one delegate, not one per lookup
        private readonly ConcurrentDictionary<ISymbol, SinkInfo?> _members = Caches.Create<ISymbol, SinkInfo?>(SymbolEqualityComparer.Default);

        // Per type, not per method: the [DataSink] its base types or interfaces carry, and whether an interface declares
        // one on a member. The index asks about every method of the compilation; most types have several.
        private readonly ConcurrentDictionary<INamedTypeSymbol, (INamedTypeSymbol On, AttributeData Attribute)?> _typeSinks =
            Caches.Create<INamedTypeSymbol, (INamedTypeSymbol On, AttributeData Attribute)?>(SymbolEqualityComparer.Default);
        private readonly System.Func<INamedTypeSymbol, (INamedTypeSymbol On, AttributeData Attribute)?> _typeSink;
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _interfacesWithSinkMembers = Caches.Create<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly System.Func<INamedTypeSymbol, bool> _hasSinkMember;

        public AnnotationSinkProvider(WellKnownTypes types, int cacheCapacity = Caches.DefaultCapacity)
        {
            _methods = Caches.Create<IMethodSymbol, SinkCall?>(SymbolEqualityComparer.Default, cacheCapacity);
            _types = types;
            _resolve = Resolve;
            _typeSink = FindTypeSink;
            _hasSinkMember = HasSinkMember;
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public bool MayResolve(IMethodSymbol method) =>
            _types.DataSink is not null && _methods.GetOrAdd(method.OriginalDefinition, _resolve) is not null;

        /// <summary>
        /// Whether calls to <paramref name="method"/> send every argument to a sink declared on the method (or the member it
        /// overrides or implements) or on its type; a <c>[DataSink]</c> on a parameter alone does not count.
        /// </summary>
        public bool IsDeclaredSink(IMethodSymbol method) =>
            _types.DataSink is not null && _methods.GetOrAdd((IMethodSymbol)method.OriginalDefinition, _resolve) is { AllArguments: true };

        public bool IsSinkHolder(ISymbol member) =>
            _types.DataSink is not null && member is IFieldSymbol or IPropertySymbol && DataSinkOn(member) is not null;

        /// <summary>A member's attributes; for a record's positional property, also those written on its parameter.</summary>
        private static System.Collections.Generic.IEnumerable<AttributeData> AttributesOf(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                yield return attribute;
            }

            if (symbol is IPropertySymbol property && PersonalDataClassifier.PositionalParameter(property) is { } parameter)
            {
                foreach (var attribute in parameter.GetAttributes())
                {
                    yield return attribute;
                }
            }
        }

        /// <inheritdoc/>
        public System.Collections.Generic.IEnumerable<string> WildcardTypes() => System.Linq.Enumerable.Empty<string>();

        public void AddCallNames(System.Collections.Generic.ISet<string> names)
        {
            // Annotated methods live in this compilation or in assemblies that reference the annotations: the walk finds them.
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public SinkCall? TryResolve(IInvocationOperation invocation)
        {
            if (_types.DataSink is null)
            {
                return null;
            }

            var method = invocation.TargetMethod.OriginalDefinition;
            var call = _methods.GetOrAdd(method, _resolve);
            if (call is not null)
            {
                return call;
            }

            // A client held in a [DataSink] field or property: every call through it sends its arguments.
            var receiver = invocation.Instance;
            while (receiver is IConversionOperation conversion)
            {
                receiver = conversion.Operand;
            }

            ISymbol? holder = receiver switch
            {
                IFieldReferenceOperation f => f.Field,
                IPropertyReferenceOperation p => p.Property,
                _ => null,
            };
            if (holder is not null)
            {
                var sink = _members.GetOrAdd(holder.OriginalDefinition, h => DataSinkOn(h) is { } attribute ? Sink(h, attribute, $"{h.ContainingType?.Name}.{h.Name}.{method.Name}") : null);
                if (sink is not null)
                {
                    return new SinkCall(sink, allArguments: true, receiver: false, ImmutableArray<int>.Empty);
                }
            }

            return null;
        }

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private SinkCall? Resolve(IMethodSymbol method)
        {
            // The display names are built only for a sink found: most methods of a compilation are none, and the index asks for every one.

            // 1. The method itself, or what it overrides or implements.
            foreach (var candidate in MethodAndBases(method))
            {
                if (DataSinkOn(candidate) is { } attribute)
                {
                    return new SinkCall(Sink(candidate, attribute, Display(method)), allArguments: true, receiver: !method.IsStatic && method.MethodKind != MethodKind.Constructor, ImmutableArray<int>.Empty);
                }
            }

            // 2. Parameters: only those arguments.
            SinkInfo? parameterSink = null;
            ImmutableArray<int>.Builder? ordinals = null;
            foreach (var parameter in method.Parameters)
            {
                if (DataSinkOn(parameter) is { } attribute)
                {
                    parameterSink ??= Sink(parameter, attribute, $"{Display(method)}({parameter.Name})");
                    (ordinals ??= ImmutableArray.CreateBuilder<int>()).Add(parameter.Ordinal);
                }
            }

            if (parameterSink is not null)
            {
                return new SinkCall(parameterSink, allArguments: false, receiver: false, ordinals!.ToImmutable());
            }

            // 3. The containing type or one of its base types, then one of its interfaces.
            if (method.ContainingType is { } containingType && _typeSinks.GetOrAdd(containingType, _typeSink) is { } inherited)
            {
                return new SinkCall(Sink(inherited.On, inherited.Attribute, Display(method)), allArguments: true, receiver: false, ImmutableArray<int>.Empty);
            }

            return null;
        }

        private (INamedTypeSymbol On, AttributeData Attribute)? FindTypeSink(INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (DataSinkOn(t) is { } attribute)
                {
                    return (t, attribute);
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (DataSinkOn(@interface) is { } attribute)
                {
                    return (@interface, attribute);
                }
            }

            return null;
        }

        /// <summary>Whether a method of <paramref name="interface"/> carries <c>[DataSink]</c> (only then can an implementation inherit one).</summary>
        private bool HasSinkMember(INamedTypeSymbol @interface)
        {
            foreach (var member in @interface.GetMembers())
            {
                if (member is IMethodSymbol && DataSinkOn(member) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        private static string Display(IMethodSymbol method) => $"{method.ContainingType?.Name}.{method.Name}";

        private System.Collections.Generic.IEnumerable<IMethodSymbol> MethodAndBases(IMethodSymbol method)
        {
            for (var m = method; m is not null; m = m.OverriddenMethod)
            {
                yield return m;
            }

            var type = method.ContainingType;
            if (type is null)
            {
                yield break;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (!_interfacesWithSinkMembers.GetOrAdd(@interface.OriginalDefinition, _hasSinkMember))
                {
                    continue; // no member to implement that is a sink: the common case, and no implementation lookup
                }

                foreach (var member in @interface.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol im && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(im)?.OriginalDefinition, method))
                    {
                        yield return im;
                    }
                }
            }
        }

        /// <summary>The first <c>[DataSink]</c> written on <paramref name="symbol"/> (for a record's positional property, also on its parameter).</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private AttributeData? DataSinkOn(ISymbol symbol)
        {
            foreach (var attribute in symbol is IPropertySymbol ? AttributesOf(symbol) : symbol.GetAttributes())
            {
                if (WellKnownTypes.Is(attribute.AttributeClass, _types.DataSink))
                {
                    return attribute;
                }
            }

            return null;
        }

        private static SinkInfo Sink(ISymbol symbol, AttributeData attribute, string display)
        {
            var regionText = PersonalDataClassifier.FirstStringArgument(attribute);
            var region = Region.TryParse(regionText, out var parsed) ? parsed : Region.Unknown;
            var recipient = PersonalDataClassifier.NamedString(attribute, "Recipient");
            var purpose = PersonalDataClassifier.NamedString(attribute, "Purpose");
            var location = attribute.ApplicationSyntaxReference is { } reference
                ? Location.Create(reference.SyntaxTree, reference.Span)
                : null;
            var on = symbol is IParameterSymbol p ? $"parameter '{p.Name}' of {p.ContainingSymbol.Name}" : symbol.Name;
            return new SinkInfo(SinkKind.Annotation, display, region, recipient, host: null, purpose, $"[DataSink(\"{regionText}\")] on {on}", location: location);
        }
    }
}
