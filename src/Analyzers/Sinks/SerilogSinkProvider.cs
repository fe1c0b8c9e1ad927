using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// Logging that ships log events to a service (docs/endpoints.md, "Logging"). Logging is local by default: where
    /// events go is the host's configuration. When the application configures a Serilog sink that sends them off the
    /// host — in code (<c>WriteTo.DatadogLogs(apiKey)</c>, also inside <c>WriteTo.Async(a =&gt; …)</c>) or in
    /// appsettings.json (<c>"Serilog": { "WriteTo": [ { "Name": "Seq", "Args": { "serverUrl": … } } ] }</c>) — every
    /// Serilog logging call (<c>Log.Information</c>, <c>ILogger.Warning</c>, …) is a sink with those destinations, and
    /// so are <c>Microsoft.Extensions.Logging</c> calls when Serilog is their provider (<c>UseSerilog</c>, <c>AddSerilog</c>).
    /// The sinks and how their destination is written are data (<c>Catalog/logging.json</c>); destinations on the
    /// application's own hosts are not transfers and are left out. Found once per compilation.
    /// </summary>
    internal sealed class SerilogSinkProvider : ISinkProvider, ISinkCandidates
    {
        private const int MaxConfiguredSinks = 32;

        private static readonly ImmutableHashSet<string> SerilogMethods = ImmutableHashSet.Create(
            "Write", "Verbose", "Debug", "Information", "Warning", "Error", "Fatal");

        private static readonly ImmutableHashSet<string> ExtensionsMethods = ImmutableHashSet.Create(
            "Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical");

        private readonly EndpointResolver _resolver;
        private readonly EndpointSinks _sinks;
        private readonly ImmutableDictionary<string, LoggingSink> _catalog;
        private readonly ImmutableArray<INamedTypeSymbol> _log;
        private readonly ImmutableArray<INamedTypeSymbol> _logger;
        private readonly ImmutableArray<INamedTypeSymbol> _sinkConfiguration;
        private readonly ImmutableArray<INamedTypeSymbol> _extensionsLogger;
        private readonly ImmutableArray<INamedTypeSymbol> _loggerExtensions;
        private readonly Lazy<Destinations> _destinations;

        public SerilogSinkProvider(EndpointResolver resolver, EndpointSinks sinks, ImmutableDictionary<string, LoggingSink> catalog)
        {
            _resolver = resolver;
            _sinks = sinks;
            _catalog = catalog;
            _log = resolver.Types.Resolve("Serilog.Log");
            _logger = resolver.Types.Resolve("Serilog.ILogger");
            _sinkConfiguration = resolver.Types.Resolve("Serilog.Configuration.LoggerSinkConfiguration");
            _extensionsLogger = resolver.Types.Resolve("Microsoft.Extensions.Logging.ILogger");
            _loggerExtensions = resolver.Types.Resolve("Microsoft.Extensions.Logging.LoggerExtensions");
            _destinations = new Lazy<Destinations>(Find, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        private sealed class Destinations
        {
            public Destinations(ImmutableArray<SinkInfo> sinks, bool bridged)
            {
                Sinks = sinks;
                Bridged = bridged;
            }

            /// <summary>Where the events go off the host (empty: logging stays local).</summary>
            public ImmutableArray<SinkInfo> Sinks { get; }

            /// <summary>Whether Serilog is the provider of Microsoft.Extensions.Logging (<c>UseSerilog</c>, <c>AddSerilog</c>).</summary>
            public bool Bridged { get; }
        }

        public SinkCall? TryResolve(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (_sinkConfiguration.IsDefaultOrEmpty || !IsLoggingCall(method, out bool extensions))
            {
                return null;
            }

            var destinations = _destinations.Value;
            if (destinations.Sinks.IsEmpty || (extensions && !destinations.Bridged))
            {
                return null;
            }

            // The message template and its values, the exception, the event: every argument but the logger itself.
            var definition = method.ReducedFrom ?? method;
            var sent = definition.Parameters.Where(p => !(definition.IsExtensionMethod && p.Ordinal == 0)).Select(p => p.Ordinal).ToImmutableArray();
            return new SinkCall(destinations.Sinks, allArguments: false, receiver: false, sent);
        }

        private bool IsLoggingCall(IMethodSymbol method, out bool extensions)
        {
            extensions = false;
            if (SerilogMethods.Contains(method.Name) && method.ContainingType is { } type)
            {
                return EndpointTypes.Is(type, _log) || EndpointTypes.DerivesFrom(type, _logger);
            }

            if (ExtensionsMethods.Contains(method.Name) && method.ContainingType is { } declaring)
            {
                extensions = true;
                return EndpointTypes.Is(declaring, _loggerExtensions) || (method.Name == "Log" && EndpointTypes.DerivesFrom(declaring, _extensionsLogger));
            }

            return false;
        }

        public bool MayResolve(IMethodSymbol method) => !_sinkConfiguration.IsDefaultOrEmpty && IsLoggingCall(method, out _);

        public bool IsSinkHolder(ISymbol member) => false;

        public IEnumerable<string> WildcardTypes() => Enumerable.Empty<string>();

        public void AddCallNames(ISet<string> names)
        {
            if (_sinkConfiguration.IsDefaultOrEmpty || _destinations.Value.Sinks.IsEmpty)
            {
                return;
            }

            names.UnionWith(SerilogMethods);
            if (_destinations.Value.Bridged)
            {
                names.UnionWith(ExtensionsMethods);
            }
        }

        private Destinations Find()
        {
            var found = new List<SinkInfo>();
            bool bridged = false;
            try
            {
                foreach (var tree in _resolver.Compilation.SyntaxTrees)
                {
                    var text = tree.GetText().ToString();
                    bool writeTo = text.IndexOf("WriteTo", StringComparison.Ordinal) >= 0;
                    bool bridge = text.IndexOf("UseSerilog", StringComparison.Ordinal) >= 0 || text.IndexOf("AddSerilog", StringComparison.Ordinal) >= 0;
                    if (!writeTo && !bridge)
                    {
                        continue;
                    }

                    foreach (var node in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
                    {
                        var name = CompilationIndex.MethodName(node);
                        if (name is null)
                        {
                            continue;
                        }

                        if (bridge && name is "UseSerilog" or "AddSerilog" && _resolver.OperationOf(node) is IInvocationOperation { TargetMethod.ContainingNamespace: { } ns } &&
                            ns.ToDisplayString().StartsWith("Serilog", StringComparison.Ordinal))
                        {
                            bridged = true;
                        }
                        else if (writeTo && _catalog.TryGetValue(name, out var sink) && !sink.Local && _resolver.OperationOf(node) is IInvocationOperation call && ConfiguresASink(call))
                        {
                            found.AddRange(FromCode(call, sink));
                        }
                    }
                }

                found.AddRange(FromConfiguration());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Half-typed code: what was found so far counts, never an AD0001.
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var sinks = found.Where(s => !s.IsInternal && seen.Add(s.Id)).Take(8).ToImmutableArray();
            return new Destinations(sinks, bridged);
        }

        /// <summary>Whether a call is a sink method of <c>LoggerSinkConfiguration</c> (<c>WriteTo.Seq(…)</c>, <c>a.Seq(…)</c> in <c>WriteTo.Async(a =&gt; …)</c>).</summary>
        private bool ConfiguresASink(IInvocationOperation call)
        {
            var definition = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
            var receiver = definition.IsExtensionMethod && definition.Parameters.Length > 0 ? definition.Parameters[0].Type : definition.ContainingType;
            return EndpointTypes.Is(receiver, _sinkConfiguration);
        }

        private IEnumerable<SinkInfo> FromCode(IInvocationOperation call, LoggingSink sink)
        {
            var values = new List<EndpointValue>();
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is not { } parameter || !EndpointResolver.IsWritten(argument))
                {
                    continue;
                }

                if (sink.Parameters.Contains(parameter.Name))
                {
                    values.AddRange(_resolver.Strings(argument.Value));
                }
                else if (parameter.Name == sink.OptionsParameter)
                {
                    if (sink.OptionsProperty is { } property)
                    {
                        foreach (var value in _resolver.PropertyValues(argument.Value, property))
                        {
                            values.AddRange(_resolver.Strings(value));
                        }
                    }

                    if (EndpointResolver.Strip(argument.Value) is IObjectCreationOperation options && sink.OptionsConstructorParameter is { } name)
                    {
                        foreach (var optionsArgument in options.Arguments)
                        {
                            if (optionsArgument.Parameter?.Name == name && EndpointResolver.IsWritten(optionsArgument))
                            {
                                values.AddRange(_resolver.Strings(optionsArgument.Value));
                            }
                        }
                    }
                }
            }

            return Sinks(sink, values, call.Syntax.GetLocation(), $"WriteTo.{sink.Name}");
        }

        /// <summary>The sinks of appsettings.json's <c>Serilog:WriteTo</c> list: each entry's <c>Name</c> (or the entry itself, a name) and its <c>Args</c>.</summary>
        private IEnumerable<SinkInfo> FromConfiguration()
        {
            var result = new List<SinkInfo>();
            for (int i = 0; i < MaxConfiguredSinks; i++)
            {
                var prefix = "Serilog:WriteTo:" + i.ToString(CultureInfo.InvariantCulture);
                var names = _resolver.ConfigLookup(prefix + ":Name");
                if (names.Count == 0)
                {
                    names = _resolver.ConfigLookup(prefix);
                }

                if (names.Count == 0)
                {
                    break;
                }

                foreach (var name in names)
                {
                    if (!_catalog.TryGetValue(name.Text, out var sink) || sink.Local)
                    {
                        continue;
                    }

                    var values = new List<EndpointValue>();
                    foreach (var parameter in sink.Parameters)
                    {
                        values.AddRange(_resolver.ConfigLookup(prefix + ":Args:" + parameter));
                    }

                    result.AddRange(Sinks(sink, values, name.Location, $"{name.ResolvedBy} (Serilog:WriteTo {sink.Name})"));
                }
            }

            return result;
        }

        private IEnumerable<SinkInfo> Sinks(LoggingSink sink, List<EndpointValue> values, Location? location, string how)
        {
            var display = $"Serilog {sink.Name}";
            var targets = new List<EndpointTarget>();
            EndpointTarget.AddFrom(targets, values, sink.ValueFormat, sink.ConnectionStringKey, how); // read as sdks.json's formats are
            var result = new List<SinkInfo>();
            foreach (var target in targets)
            {
                result.Add(_sinks.ForHost(SinkKind.Sdk, display, target.Host, target.ServiceDiscovery, target.ResolvedBy, target.Location ?? location, null));
            }

            if (result.Count == 0)
            {
                result.Add(sink.DefaultHost is { } host
                    ? _sinks.ForHost(SinkKind.Sdk, display, host, false, $"{how}: default host of {sink.Service ?? sink.Name}", location, null)
                    : _sinks.ForHost(SinkKind.Sdk, display, null, false, $"{how}: destination not found", location, null, target: $"{sink.Service ?? sink.Name} without destination"));
            }

            return result;
        }
    }
}
