using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// Methods declared as sinks in residency.json <c>sinks</c> (<c>Type.Method</c> for all overloads, <c>Type.*</c> for
    /// every method, <c>Namespace.*</c> for every method of every type in a namespace): treated like a <c>[DataSink]</c> on the method (every argument and the receiver are sent).
    /// </summary>
    internal sealed class ConfiguredSinkProvider : ISinkProvider, ISinkCandidates
    {
        private readonly ImmutableArray<ConfiguredSink> _sinks;
        private readonly string? _path;
        private readonly ConcurrentDictionary<IMethodSymbol, SinkCall?> _cache = new(SymbolEqualityComparer.Default);

        public ConfiguredSinkProvider(ResidencyJson user)
        {
            _sinks = user.Sinks;
            _path = user.Path;
        }

        public bool MayResolve(IMethodSymbol method) => !_sinks.IsEmpty && _cache.GetOrAdd(method.OriginalDefinition, Resolve) is not null;

        public bool IsSinkHolder(ISymbol member) => false;

        public void AddCallNames(System.Collections.Generic.ISet<string> names)
        {
            foreach (var sink in _sinks)
            {
                // "Type.*" matches every method: those of source types are found by MayResolve, those of metadata types
                // (and their bases) are added here by name.
                if (sink.MethodName != "*")
                {
                    names.Add(sink.MethodName);
                }
            }
        }

        /// <summary>The type names of residency.json sinks that cover every method ("Type.*").</summary>
        public System.Collections.Generic.IEnumerable<string> WildcardTypes()
        {
            foreach (var sink in _sinks)
            {
                if (sink.MethodName == "*")
                {
                    yield return sink.TypeName;
                }
            }
        }

        public SinkCall? TryResolve(IInvocationOperation invocation)
        {
            if (_sinks.IsEmpty)
            {
                return null;
            }

            var method = invocation.TargetMethod.OriginalDefinition;
            var call = _cache.GetOrAdd(method, Resolve);
            if (call is not null || invocation.Instance?.Type is not INamedTypeSymbol receiverType ||
                SymbolEqualityComparer.Default.Equals(receiverType.OriginalDefinition, method.ContainingType?.OriginalDefinition))
            {
                return call;
            }

            // A method declared on a base type, named in residency.json by the derived type it is called through
            // (MailKit's MailTransport.SendAsync reached through SmtpClient, named "MailKit.Net.Smtp.SmtpClient.SendAsync").
            return _byReceiver.GetOrAdd((method, (INamedTypeSymbol)receiverType.OriginalDefinition), key => Resolve(key.Method, key.Receiver));
        }

        private readonly ConcurrentDictionary<(IMethodSymbol Method, INamedTypeSymbol Receiver), SinkCall?> _byReceiver = new(ReceiverKeyComparer.Instance);

        private sealed class ReceiverKeyComparer : System.Collections.Generic.IEqualityComparer<(IMethodSymbol Method, INamedTypeSymbol Receiver)>
        {
            public static readonly ReceiverKeyComparer Instance = new();

            public bool Equals((IMethodSymbol Method, INamedTypeSymbol Receiver) x, (IMethodSymbol Method, INamedTypeSymbol Receiver) y) =>
                SymbolEqualityComparer.Default.Equals(x.Method, y.Method) && SymbolEqualityComparer.Default.Equals(x.Receiver, y.Receiver);

            public int GetHashCode((IMethodSymbol Method, INamedTypeSymbol Receiver) obj) =>
                unchecked((SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 31) + SymbolEqualityComparer.Default.GetHashCode(obj.Receiver));
        }

        private SinkCall? Resolve(IMethodSymbol method) => Resolve(method, method.ContainingType);

        private SinkCall? Resolve(IMethodSymbol method, INamedTypeSymbol? from)
        {
            // "Type.*" and "Namespace.*" cover what callers call: public methods. Not a derived type's constructor
            // initializer (": base(options)") nor protected extension points (OnModelCreating, Dispose(bool)).
            bool coveredByWildcards = method.MethodKind == MethodKind.Ordinary && method.DeclaredAccessibility == Accessibility.Public;
            for (var type = from; type is not null; type = type.BaseType)
            {
                if (DeclaredOn(EndpointResolver.MetadataName(type), coveredByWildcards, method.Name) is { } sink)
                {
                    return Call(method, from, sink);
                }
            }

            // "Namespace.*": every method of every type in the namespace and its sub-namespaces.
            var ns = coveredByWildcards && method.ContainingType?.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : null;
            if (ns is not null)
            {
                foreach (var sink in _sinks)
                {
                    if (sink.MethodName == "*" && ns.StartsWith(sink.TypeName, StringComparison.Ordinal) && (ns.Length == sink.TypeName.Length || ns[sink.TypeName.Length] == '.'))
                    {
                        return Call(method, from, sink);
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The declared sink a query's provider sends to: a residency.json entry <c>Type.*</c> or <c>Type.Provider</c> on one
        /// of <paramref name="types"/> (in order) or one of their base types, where the types are the store the query was
        /// built from (<c>DbSet`1</c>) and the object that holds it (the application's <c>DbContext</c>), or, for a query whose
        /// store is unknown, the type <paramref name="anyProvider"/> names (<c>System.Linq.IQueryable</c>). Null when none is declared.
        /// </summary>
        public SinkInfo? ResolveQueryProvider(System.Collections.Generic.IEnumerable<INamedTypeSymbol> types, string? anyProvider)
        {
            if (_sinks.IsEmpty)
            {
                return null;
            }

            foreach (var start in types)
            {
                for (var type = start; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
                {
                    if (DeclaredOn(EndpointResolver.MetadataName(type), wildcard: true, QueryProviderMember) is { } sink)
                    {
                        return Info($"{start.Name}.{QueryProviderMember}", sink);
                    }
                }
            }

            // A query whose store is not known where it runs: the name its unclassified recipient has.
            return anyProvider is not null && DeclaredOn(anyProvider, wildcard: true, QueryProviderMember) is { } any
                ? Info($"{anyProvider.Substring(anyProvider.LastIndexOf('.') + 1)}.{QueryProviderMember}", any)
                : null;
        }

        /// <summary>The first residency.json entry for <paramref name="member"/> of the type <paramref name="typeName"/>, or for all of its members (<c>Type.*</c>) when <paramref name="wildcard"/>.</summary>
        private ConfiguredSink? DeclaredOn(string typeName, bool wildcard, string member)
        {
            foreach (var sink in _sinks)
            {
                if (sink.TypeName == typeName && ((wildcard && sink.MethodName == "*") || sink.MethodName == member))
                {
                    return sink;
                }
            }

            return null;
        }

        /// <summary>The member by which residency.json names a store's query provider (<c>Microsoft.EntityFrameworkCore.DbSet`1.Provider</c>).</summary>
        public const string QueryProviderMember = "Provider";

        private SinkCall Call(IMethodSymbol method, INamedTypeSymbol? from, ConfiguredSink sink) =>
            new(Info($"{from?.Name}.{method.Name}", sink), allArguments: true, receiver: !method.IsStatic, ImmutableArray<int>.Empty);

        private SinkInfo Info(string display, ConfiguredSink sink)
        {
            var location = _path is null ? null : Location.Create(_path, default, new Microsoft.CodeAnalysis.Text.LinePositionSpan(new Microsoft.CodeAnalysis.Text.LinePosition(Math.Max(0, sink.Line - 1), 0), new Microsoft.CodeAnalysis.Text.LinePosition(Math.Max(0, sink.Line - 1), 0)));
            return new SinkInfo(SinkKind.Configured, display, sink.Region, sink.Recipient, null, sink.Purpose, $"residency.json sinks: {sink.TypeName}.{sink.MethodName} (\"{sink.RegionText}\")", location: location);
        }
    }
}
