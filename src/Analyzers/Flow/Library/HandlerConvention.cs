using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Json;

namespace Residency.Analyzers.Flow.Library
{
    /// <summary>
    /// Handlers a mediator finds by name rather than by interface (<c>Catalog/library.json</c>, "mediatorConventions"):
    /// Wolverine's <c>bus.InvokeAsync(command)</c> runs the <c>Handle</c> method of a class named <c>…Handler</c>, static or
    /// not, whose first parameter is the message. Read once per process; resolved per compilation, and only for the
    /// libraries it references.
    /// </summary>
    internal sealed class HandlerConvention
    {
        private static readonly Lazy<ImmutableArray<Entry>> Table = new(Load);

        private readonly ImmutableArray<INamedTypeSymbol> _mediators;
        private readonly ImmutableArray<string> _typeSuffixes;
        private readonly ImmutableArray<INamedTypeSymbol> _interfaces;
        private readonly ImmutableArray<INamedTypeSymbol> _attributes;
        private readonly ImmutableArray<INamedTypeSymbol> _ignoreAttributes;
        private readonly ImmutableHashSet<string> _methods;

        private HandlerConvention(ImmutableArray<INamedTypeSymbol> mediators, Entry entry, Compilation compilation)
        {
            _mediators = mediators;
            _typeSuffixes = entry.TypeSuffixes;
            _interfaces = Resolve(compilation, entry.Interfaces);
            _attributes = Resolve(compilation, entry.Attributes);
            _ignoreAttributes = Resolve(compilation, entry.IgnoreAttributes);
            _methods = entry.Methods;
            Cascades = entry.Cascades;
        }

        /// <summary>
        /// Whether what a handler returns is sent on as a message (Wolverine's cascading messages): to that message's handlers,
        /// unless the caller asked for it as the response (a mediator method whose return type carries its type parameter,
        /// <c>InvokeAsync&lt;T&gt;</c>).
        /// </summary>
        public bool Cascades { get; }

        /// <summary>The conventions of the mediators <paramref name="compilation"/> references.</summary>
        public static ImmutableArray<HandlerConvention> For(Compilation compilation)
        {
            var result = ImmutableArray.CreateBuilder<HandlerConvention>();
            foreach (var entry in Table.Value)
            {
                var mediators = Resolve(compilation, entry.Mediators);
                if (!mediators.IsEmpty)
                {
                    result.Add(new HandlerConvention(mediators, entry, compilation));
                }
            }

            return result.ToImmutable();
        }

        /// <summary>Whether <paramref name="target"/>, a mediator's method, is one of this convention's mediators'.</summary>
        public bool Dispatches(IMethodSymbol target) => EndpointTypes.DerivesFrom(target.ContainingType, _mediators);

        /// <summary>Whether <paramref name="type"/> holds handlers by this convention (its name, an interface, an attribute).</summary>
        public bool IsHandlerType(INamedTypeSymbol type)
        {
            if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsGenericType || type.DeclaredAccessibility != Accessibility.Public || EndpointTypes.Carries(type, _ignoreAttributes))
            {
                return false;
            }

            foreach (var suffix in _typeSuffixes)
            {
                if (type.Name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return EndpointTypes.DerivesFrom(type, _interfaces) || EndpointTypes.Carries(type, _attributes);
        }

        /// <summary>Whether <paramref name="method"/>, a member of a handler type, handles the message its first parameter takes.</summary>
        public bool IsHandlerMethod(IMethodSymbol method) =>
            method is { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsAbstract: false, Parameters.Length: > 0 } &&
            _methods.Contains(method.Name) && !EndpointTypes.Carries(method, _ignoreAttributes);

        private static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, ImmutableArray<string> names)
        {
            var result = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var name in names)
            {
                result.AddRange(compilation.GetTypesByMetadataName(name));
            }

            return result.ToImmutable();
        }

        private static ImmutableArray<Entry> Load()
        {
            var result = ImmutableArray.CreateBuilder<Entry>();
            if (LibraryBehaviour.Catalog?.Get("mediatorConventions") is not { IsObject: true } conventions)
            {
                return result.ToImmutable();
            }

            foreach (var convention in conventions.Members)
            {
                if (convention.Value.IsObject)
                {
                    result.Add(new Entry(
                        Strings(convention.Value, "mediators"),
                        Strings(convention.Value, "typeSuffixes"),
                        Strings(convention.Value, "interfaces"),
                        Strings(convention.Value, "attributes"),
                        Strings(convention.Value, "ignoreAttributes"),
                        Strings(convention.Value, "methods").ToImmutableHashSet(StringComparer.Ordinal),
                        convention.Value.GetBool("cascades") == true));
                }
            }

            return result.ToImmutable();
        }

        private static ImmutableArray<string> Strings(JsonNode node, string name)
        {
            var result = ImmutableArray.CreateBuilder<string>();
            foreach (var item in node.Get(name)?.Items ?? Array.Empty<JsonNode>())
            {
                if (item.IsString && item.Text is { } text)
                {
                    result.Add(text);
                }
            }

            return result.ToImmutable();
        }

        private sealed record Entry(ImmutableArray<string> Mediators, ImmutableArray<string> TypeSuffixes, ImmutableArray<string> Interfaces, ImmutableArray<string> Attributes, ImmutableArray<string> IgnoreAttributes, ImmutableHashSet<string> Methods, bool Cascades);
    }
}
