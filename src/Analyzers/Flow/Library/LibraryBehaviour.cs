using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Model;
using Residency.Analyzers.Json;

namespace Residency.Analyzers.Flow.Library
{
    /// <summary>What an external method or property does with the data it is given (<c>Catalog/library.json</c>).</summary>
    [Flags]
    internal enum Behaviour
    {
        None = 0,

        /// <summary>The result is a count, size, hash, position or comparison: no personal data.</summary>
        Aggregate = 1,

        /// <summary>Given a lambda, the result is what the lambda returns.</summary>
        Projection = 2,

        /// <summary>An integer property that is a size (<c>Count</c>, <c>Length</c>).</summary>
        Size = 4,

        /// <summary>The result carries the whole serialised object (never analysed through a body in source).</summary>
        Serializer = 8,

        /// <summary>An instance method that stores its arguments in its receiver (builders, collections, writers).</summary>
        Mutator = 16,

        /// <summary>The result carries what its own type carries, not its receiver (<c>DbContext.Set&lt;TEntity&gt;()</c>).</summary>
        Typed = 32,

        /// <summary>
        /// A call on a data store (a database context, its sets, a query over them): what the receiver's (or an extension
        /// method's source's) type declares is the data the store holds, not data the call hands on.
        /// </summary>
        Store = 64,

        /// <summary>An in-process mediator's dispatch (<c>mediator.Send(command)</c>): the call runs the compilation's handlers.</summary>
        Mediator = 128,

        /// <summary>The handler method a mediator's dispatch runs (<c>IRequestHandler&lt;TRequest&gt;.Handle</c>).</summary>
        MediatorHandler = 256,

        /// <summary>
        /// The call copies data into one of its arguments (<see cref="LibraryBehaviour.CopyEnds"/>): an instance method
        /// what its receiver holds (<c>stream.CopyTo(destination)</c>, <c>file.CopyToAsync(target)</c>,
        /// <c>list.CopyTo(0, array, 0, n)</c>), a static one what its first argument holds (<c>Array.Copy(source, target, n)</c>).
        /// Such a call is no mutator of its receiver.
        /// </summary>
        CopyInto = 512,

        /// <summary>
        /// The result is a view of the call's source (an instance method's receiver, a static one's first argument): a
        /// span, memory or segment over the same storage (<c>array.AsSpan()</c>, <c>CollectionsMarshal.AsSpan(list)</c>,
        /// <c>span.Slice(1)</c>). A write through the view is a write into the source.
        /// </summary>
        View = 1024,
    }

    /// <summary>
    /// Library behaviour as data: <c>Catalog/library.json</c> (parsed once per process) names types and their members;
    /// the types are resolved to symbols once per compilation, and a member matches when it has the name and is declared
    /// on the type, on a type derived from it or implementing it. Answers are memoised per member.
    /// </summary>
    internal sealed class LibraryBehaviour
    {
        private const string Wildcard = "*";

        private static readonly Lazy<ImmutableArray<(Behaviour Kind, string Type, ImmutableArray<string> Members)>> Table = new(Load);

        private readonly Dictionary<(Behaviour, string), List<INamedTypeSymbol>> _typesByMember = new();
        private readonly ImmutableArray<string> _mutatorPrefixes;

        // The copies of library.json's "*": a method of any external type with one of these names copies (CopyTo, TryCopyTo).
        private readonly ImmutableHashSet<string> _anyTypeCopies;

        // Every copy's name, of any type: for decisions by name alone (MayStoreByName).
        private readonly ImmutableHashSet<string> _copyNames;
        private readonly ConcurrentDictionary<ISymbol, Behaviour> _memo = new(SymbolEqualityComparer.Default);

        public LibraryBehaviour(Compilation compilation)
        {
            var prefixes = ImmutableArray.CreateBuilder<string>();
            var anyTypeCopies = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var copyNames = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var resolved = new Dictionary<string, ImmutableArray<INamedTypeSymbol>>(StringComparer.Ordinal);
            var query = compilation.GetTypeByMetadataName("System.Linq.IQueryable");
            var stores = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var (kind, type, members) in Table.Value)
            {
                if (kind == Behaviour.Mutator && type == Wildcard)
                {
                    prefixes.AddRange(members);
                    continue;
                }

                if (kind == Behaviour.CopyInto)
                {
                    copyNames.UnionWith(members);
                }

                if (kind == Behaviour.CopyInto && type == Wildcard)
                {
                    anyTypeCopies.UnionWith(members);
                    continue;
                }

                if (!resolved.TryGetValue(type, out var symbols))
                {
                    resolved[type] = symbols = compilation.GetTypesByMetadataName(type);
                }

                if (symbols.IsEmpty)
                {
                    continue;
                }

                // A store that is itself a query (EF Core's DbSet<T>) provides queries; one that only holds data (Identity's
                // UserManager<TUser>, in every ASP.NET Core application's shared framework) does not.
                if (kind == Behaviour.Store)
                {
                    stores.AddRange(symbols);
                    foreach (var symbol in symbols)
                    {
                        HasQueryStores |= query is not null && symbol.AllInterfaces.Contains(query, SymbolEqualityComparer.Default);
                    }
                }

                foreach (var member in members)
                {
                    if (!_typesByMember.TryGetValue((kind, member), out var list))
                    {
                        _typesByMember[(kind, member)] = list = new List<INamedTypeSymbol>();
                    }

                    list.AddRange(symbols);
                }
            }

            _mutatorPrefixes = prefixes.ToImmutable();
            _anyTypeCopies = anyTypeCopies.ToImmutable();
            _copyNames = copyNames.ToImmutable();
            StoreTypes = stores.ToImmutable();
        }

        /// <summary>
        /// Whether the compilation references a data store of <c>Catalog/library.json</c> ("stores") that is a query
        /// (<c>IQueryable</c>: Entity Framework Core's <c>DbSet&lt;T&gt;</c>): only then do the queries LINQ's own operators run
        /// go to a provider (Flow/Calls/QueryProviders).
        /// </summary>
        public bool HasQueryStores { get; }

        /// <summary>The <c>stores</c> types of <c>Catalog/library.json</c> this compilation references (a type once per entry that names it).</summary>
        public ImmutableArray<INamedTypeSymbol> StoreTypes { get; }

        /// <summary>What <paramref name="member"/> (a method or property of a library) does, per <c>Catalog/library.json</c>.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public Behaviour Of(ISymbol member)
        {
            member = member.OriginalDefinition;
            return _memo.TryGetValue(member, out var known) ? known : _memo.GetOrAdd(member, Compute); // no delegate on a hit
        }

        public bool Is(ISymbol member, Behaviour behaviour) => (Of(member) & behaviour) != 0;

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        private Behaviour Compute(ISymbol member)
        {
            var result = Behaviour.None;
            foreach (var kind in new[] { Behaviour.Aggregate, Behaviour.Projection, Behaviour.Size, Behaviour.Serializer, Behaviour.Typed, Behaviour.Store, Behaviour.Mediator, Behaviour.MediatorHandler, Behaviour.CopyInto, Behaviour.View })
            {
                if (_typesByMember.TryGetValue((kind, member.Name), out var types) && DeclaredOnAny(member.ContainingType, types))
                {
                    result |= kind;
                }
            }

            if ((result & Behaviour.CopyInto) == 0 && member is IMethodSymbol copy && _anyTypeCopies.Contains(copy.Name) && CopyEnds(copy).Destination >= 0)
            {
                result |= Behaviour.CopyInto; // span.CopyTo(destination), text.CopyTo(0, chars, 0, n), a package's CopyToAsync
            }

            if (member is IMethodSymbol { IsStatic: false } method && method.ContainingType?.SpecialType != SpecialType.System_String &&
                (result & Behaviour.CopyInto) == 0 && IsMutatorName(method))
            {
                result |= Behaviour.Mutator;
            }

            return result;
        }

        /// <summary>
        /// Where a copying call (<see cref="Behaviour.CopyInto"/>) takes its data from and puts it: the source is the
        /// receiver (<c>-1</c>) of an instance method, or the first parameter that can hold data of a static one (an
        /// extension method's <c>this</c>, <c>Array.Copy</c>'s source); the destination is the next parameter that can
        /// hold data, past indices, counts and cancellation tokens (<c>-1</c> when there is none).
        /// </summary>
        public static (int Source, int Destination) CopyEnds(IMethodSymbol method)
        {
            int source = method.IsStatic ? -2 : -1;
            foreach (var parameter in method.Parameters)
            {
                if (!CanHoldCopiedData(parameter.Type))
                {
                    continue;
                }

                if (source == -2)
                {
                    source = parameter.Ordinal;
                    continue;
                }

                return (source, parameter.Ordinal);
            }

            return (Math.Max(source, -1), -1);
        }

        // An array, a span, a stream, a collection or an object can be filled; a number, a flag, an enum member, a
        // cancellation token or a string (immutable) cannot.
        private static bool CanHoldCopiedData(ITypeSymbol type)
        {
            if (type.TypeKind == TypeKind.Enum || type.SpecialType == SpecialType.System_String)
            {
                return false;
            }

            if (type.IsValueType)
            {
                // Numbers, characters, flags and dates are special types; a span or a memory is not.
                return type.SpecialType == SpecialType.None && !Model.WellKnownTypes.IsCancellationToken(type);
            }

            return true;
        }

        /// <summary>
        /// Whether a call of this name may store an argument in its receiver or copy into an argument, judged by the name
        /// alone (a mutator prefix of library.json, or one of its copies on any type): for a decision from syntax that must
        /// not miss a store, such as whether a member of a type copies another member into itself.
        /// </summary>
        public bool MayStoreByName(string name) => _copyNames.Contains(name) || HasMutatorPrefix(name);

        private bool IsMutatorName(IMethodSymbol method) =>
            // sb.Append(x) returns the builder it stored x in (string's own methods are never mutators: the caller excludes them)
            SymbolWalk.ReturnsItsReceiver(method) || HasMutatorPrefix(method.Name);

        private bool HasMutatorPrefix(string name)
        {
            foreach (var prefix in _mutatorPrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DeclaredOnAny(INamedTypeSymbol? type, List<INamedTypeSymbol> candidates)
        {
            if (type is null)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (Contains(candidates, current.OriginalDefinition))
                {
                    return true;
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (Contains(candidates, @interface.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Contains(List<INamedTypeSymbol> candidates, INamedTypeSymbol type)
        {
            foreach (var candidate in candidates)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>Catalog/library.json</c>, parsed once per process (null if the resource is missing).</summary>
        internal static JsonNode? Catalog => CatalogRoot.Value;

        private static readonly Lazy<JsonNode?> CatalogRoot = new(() =>
        {
            using var stream = typeof(LibraryBehaviour).Assembly.GetManifestResourceStream("Residency.Catalog.library.json");
            if (stream is null)
            {
                return null;
            }

            using var reader = new StreamReader(stream);
            return JsonParser.Parse(reader.ReadToEnd());
        });

        private static ImmutableArray<(Behaviour, string, ImmutableArray<string>)> Load()
        {
            var builder = ImmutableArray.CreateBuilder<(Behaviour, string, ImmutableArray<string>)>();
            if (Catalog is not { } root)
            {
                return builder.ToImmutable();
            }

            foreach (var (section, kind) in new[]
            {
                ("aggregates", Behaviour.Aggregate), ("projections", Behaviour.Projection), ("sizes", Behaviour.Size),
                ("serializers", Behaviour.Serializer), ("typedAccessors", Behaviour.Typed), ("stores", Behaviour.Store),
                ("mediators", Behaviour.Mediator), ("mediatorHandlers", Behaviour.MediatorHandler),
                ("copies", Behaviour.CopyInto), ("views", Behaviour.View), ("mutatorPrefixes", Behaviour.Mutator),
            })
            {
                if (root.Get(section) is not { IsObject: true } entries)
                {
                    continue;
                }

                foreach (var entry in entries.Members)
                {
                    if (!entry.Value.IsArray)
                    {
                        continue; // "$comment"
                    }

                    var members = ImmutableArray.CreateBuilder<string>();
                    foreach (var item in entry.Value.Items)
                    {
                        if (item.IsString && item.Text is { } name)
                        {
                            members.Add(name);
                        }
                    }

                    builder.Add((kind, entry.Key, members.ToImmutable()));
                }
            }

            return builder.ToImmutable();
        }
    }
}
