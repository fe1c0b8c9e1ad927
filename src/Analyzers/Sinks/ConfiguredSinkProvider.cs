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
    /// every method): treated like a <c>[DataSink]</c> on the method (every argument and the receiver are sent).
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

            return _cache.GetOrAdd(invocation.TargetMethod.OriginalDefinition, Resolve);
        }

        private SinkCall? Resolve(IMethodSymbol method)
        {
            for (var type = method.ContainingType; type is not null; type = type.BaseType)
            {
                var typeName = EndpointResolver.MetadataName(type);
                foreach (var sink in _sinks)
                {
                    if (sink.TypeName == typeName && (sink.MethodName == "*" || sink.MethodName == method.Name))
                    {
                        var display = $"{method.ContainingType?.Name}.{method.Name}";
                        var location = _path is null ? null : Location.Create(_path, default, new Microsoft.CodeAnalysis.Text.LinePositionSpan(new Microsoft.CodeAnalysis.Text.LinePosition(Math.Max(0, sink.Line - 1), 0), new Microsoft.CodeAnalysis.Text.LinePosition(Math.Max(0, sink.Line - 1), 0)));
                        var info = new SinkInfo(SinkKind.Configured, display, sink.Region, sink.Recipient, null, sink.Purpose, $"residency.json sinks: {sink.TypeName}.{sink.MethodName} (\"{sink.RegionText}\")", location: location);
                        return new SinkCall(info, allArguments: true, receiver: !method.IsStatic, ImmutableArray<int>.Empty);
                    }
                }
            }

            return null;
        }
    }
}
