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
    /// <c>Microsoft.Extensions.Logging</c> calls — the <c>LogX</c> extensions, <c>ILogger.Log</c> and the application's
    /// source-generated <c>[LoggerMessage]</c> methods — are also sinks to the logging providers the application registers
    /// that ship records to a service (Application Insights, Azure Monitor, Sentry, an OpenTelemetry OTLP exporter), for
    /// the levels those providers receive; with a tracing exporter registered, the tags, baggage and events set on a span
    /// (<c>Activity.SetTag</c>, …) are sinks to it. The sinks, the providers and how their destination is written are data
    /// (<c>Catalog/logging.json</c>); destinations on the application's own hosts are not transfers and are left out.
    /// Found once per compilation.
    /// </summary>
    internal sealed partial class LoggingSinkProvider : ISinkProvider, ISinkCandidates
    {
        private const int MaxConfiguredSinks = 32;

        private static readonly ImmutableHashSet<string> SerilogMethods = ImmutableHashSet.Create(
            "Write", "Verbose", "Debug", "Information", "Warning", "Error", "Fatal");

        private static readonly ImmutableHashSet<string> ExtensionsMethods = ImmutableHashSet.Create(
            "Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical");

        /// <summary>What a span carries to a tracing exporter: its tags, baggage, events and status description.</summary>
        private static readonly ImmutableHashSet<string> ActivityMethods = ImmutableHashSet.Create(
            "SetTag", "AddTag", "AddBaggage", "SetBaggage", "AddEvent", "SetStatus");

        private readonly EndpointResolver _resolver;
        private readonly EndpointSinks _sinks;
        private readonly SdkSinkProvider _sdk;
        private readonly ImmutableDictionary<string, LoggingSink> _catalog;
        private readonly ImmutableArray<LoggingProvider> _providers;
        private readonly ImmutableArray<INamedTypeSymbol> _log;
        private readonly ImmutableArray<INamedTypeSymbol> _logger;
        private readonly ImmutableArray<INamedTypeSymbol> _sinkConfiguration;
        private readonly ImmutableArray<INamedTypeSymbol> _extensionsLogger;
        private readonly ImmutableArray<INamedTypeSymbol> _loggerExtensions;
        private readonly ImmutableArray<INamedTypeSymbol> _loggerMessage;
        private readonly ImmutableArray<INamedTypeSymbol> _activity;
        private readonly Lazy<bool> _providersPresent;
        private readonly Lazy<Destinations> _destinations;

        public LoggingSinkProvider(EndpointResolver resolver, EndpointSinks sinks, SdkSinkProvider sdk, ImmutableDictionary<string, LoggingSink> catalog, ImmutableArray<LoggingProvider> providers)
        {
            _resolver = resolver;
            _sinks = sinks;
            _sdk = sdk;
            _catalog = catalog;
            _providers = providers;
            _log = resolver.Types.Resolve("Serilog.Log");
            _logger = resolver.Types.Resolve("Serilog.ILogger");
            _sinkConfiguration = resolver.Types.Resolve("Serilog.Configuration.LoggerSinkConfiguration");
            _extensionsLogger = resolver.Types.Resolve("Microsoft.Extensions.Logging.ILogger");
            _loggerExtensions = resolver.Types.Resolve("Microsoft.Extensions.Logging.LoggerExtensions");
            _loggerMessage = resolver.Types.Resolve("Microsoft.Extensions.Logging.LoggerMessageAttribute");
            _activity = resolver.Types.Resolve("System.Diagnostics.Activity");
            _providersPresent = new Lazy<bool>(AnyProviderReferenced, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            _destinations = new Lazy<Destinations>(Find, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        private sealed class Destinations
        {
            public Destinations(ImmutableArray<SinkInfo> sinks, bool bridged, ImmutableArray<ProviderSinks> providers, ImmutableArray<SinkInfo> traces)
            {
                Sinks = sinks;
                Bridged = bridged;
                Providers = providers;
                Traces = traces;
            }

            /// <summary>Where the registered tracing exporters ship spans off the host (empty: spans stay local).</summary>
            public ImmutableArray<SinkInfo> Traces { get; }

            /// <summary>Where Serilog's events go off the host (empty: Serilog's logging stays local).</summary>
            public ImmutableArray<SinkInfo> Sinks { get; }

            /// <summary>Whether Serilog is the provider of Microsoft.Extensions.Logging (<c>UseSerilog</c>, <c>AddSerilog</c>).</summary>
            public bool Bridged { get; }

            /// <summary>The registered Microsoft.Extensions.Logging providers that ship records off the host.</summary>
            public ImmutableArray<ProviderSinks> Providers { get; }

            /// <summary>Whether any Microsoft.Extensions.Logging call can be a sink.</summary>
            public bool ExtensionsShip => (Bridged && !Sinks.IsEmpty) || !Providers.IsEmpty;
        }

        /// <summary>A logging provider's destinations and the lowest level of record it receives.</summary>
        private sealed class ProviderSinks
        {
            public ProviderSinks(int minimumLevel, ImmutableArray<SinkInfo> sinks)
            {
                MinimumLevel = minimumLevel;
                Sinks = sinks;
            }

            public int MinimumLevel { get; }

            public ImmutableArray<SinkInfo> Sinks { get; }
        }

        /// <summary>Whether Serilog, or a logging provider's registration type, is referenced: without them no logging call is a sink.</summary>
        private bool Active => !_sinkConfiguration.IsDefaultOrEmpty || _providersPresent.Value;

        public SinkCall? TryResolve(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!Active)
            {
                return null;
            }

            if (IsActivityCall(method))
            {
                // activity.SetTag("applicant.email", email): the span leaves with its tags when an exporter ships it.
                var traces = _destinations.Value.Traces;
                return traces.IsEmpty ? null : new SinkCall(traces, allArguments: true, receiver: false, ImmutableArray<int>.Empty);
            }

            if (!IsLoggingCall(method, out bool extensions, out bool generated))
            {
                return null;
            }

            var destinations = _destinations.Value;
            var sinks = extensions ? ExtensionsSinks(destinations, LevelOf(invocation, generated)) : destinations.Sinks;
            if (sinks.IsEmpty)
            {
                return null;
            }

            // The message template and its values, the exception, the event: every argument but the logger itself.
            var definition = method.ReducedFrom ?? method;
            var sent = definition.Parameters
                .Where(p => !(definition.IsExtensionMethod && p.Ordinal == 0) && !(generated && EndpointTypes.DerivesFrom(p.Type, _extensionsLogger)))
                .Select(p => p.Ordinal).ToImmutableArray();
            return new SinkCall(sinks, allArguments: false, receiver: false, sent);
        }

        private static ImmutableArray<SinkInfo> ExtensionsSinks(Destinations destinations, int level)
        {
            var result = destinations.Bridged ? destinations.Sinks : ImmutableArray<SinkInfo>.Empty;
            foreach (var provider in destinations.Providers)
            {
                if (level >= provider.MinimumLevel)
                {
                    result = result.AddRange(provider.Sinks);
                }
            }

            return result;
        }

        private bool IsLoggingCall(IMethodSymbol method, out bool extensions, out bool generated)
        {
            extensions = false;
            generated = false;
            if (SerilogMethods.Contains(method.Name) && method.ContainingType is { } type)
            {
                return EndpointTypes.Is(type, _log) || EndpointTypes.DerivesFrom(type, _logger);
            }

            if (ExtensionsMethods.Contains(method.Name) && method.ContainingType is { } declaring &&
                (EndpointTypes.Is(declaring, _loggerExtensions) || (method.Name == "Log" && EndpointTypes.DerivesFrom(declaring, _extensionsLogger))))
            {
                extensions = true;
                return true;
            }

            // [LoggerMessage] partial methods: the logging source generator writes their bodies (not analysed).
            if (!_loggerMessage.IsDefaultOrEmpty && method.MethodKind == MethodKind.Ordinary && !method.DeclaringSyntaxReferences.IsEmpty && LoggerMessage(method) is not null)
            {
                extensions = generated = true;
                return true;
            }

            return false;
        }

        private AttributeData? LoggerMessage(IMethodSymbol method)
        {
            foreach (var attribute in (method.PartialDefinitionPart ?? method).GetAttributes())
            {
                if (EndpointTypes.Is(attribute.AttributeClass, _loggerMessage))
                {
                    return attribute;
                }
            }

            return null;
        }

        private bool IsActivityCall(IMethodSymbol method) =>
            ActivityMethods.Contains(method.Name) && !method.IsStatic && EndpointTypes.Is(method.ContainingType, _activity);

        public bool MayResolve(IMethodSymbol method) => Active && (IsActivityCall(method) || IsLoggingCall(method, out _, out _));

        public bool IsSinkHolder(ISymbol member) => false;

        public IEnumerable<string> WildcardTypes() => Enumerable.Empty<string>();

        public void AddCallNames(ISet<string> names)
        {
            if (!Active)
            {
                return;
            }

            var destinations = _destinations.Value;
            if (!destinations.Sinks.IsEmpty)
            {
                names.UnionWith(SerilogMethods);
            }

            if (destinations.ExtensionsShip)
            {
                names.UnionWith(ExtensionsMethods);
            }

            if (!destinations.Traces.IsEmpty)
            {
                names.UnionWith(ActivityMethods);
            }
        }

        private Destinations Find()
        {
            var found = new List<SinkInfo>();
            bool bridged = false;
            try
            {
                foreach (var tree in _sinkConfiguration.IsDefaultOrEmpty ? Enumerable.Empty<SyntaxTree>() : _resolver.Compilation.SyntaxTrees)
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

                if (!_sinkConfiguration.IsDefaultOrEmpty)
                {
                    found.AddRange(FromConfiguration());
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Half-typed code: what was found so far counts, never an AD0001.
            }

            var (providers, traces) = _providersPresent.Value ? FindProviders() : (ImmutableArray<ProviderSinks>.Empty, ImmutableArray<SinkInfo>.Empty);
            return new Destinations(Distinct(found), bridged, providers, traces);
        }

        /// <summary>The destinations off the host, each once, at most eight.</summary>
        private static ImmutableArray<SinkInfo> Distinct(IEnumerable<SinkInfo> found)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return found.Where(s => !s.IsInternal && seen.Add(s.Id)).Take(8).ToImmutableArray();
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

            return Sinks($"Serilog {sink.Name}", values, sink.ValueFormat, sink.ConnectionStringKey, sink.DefaultHost, sink.Service ?? sink.Name, call.Syntax.GetLocation(), $"WriteTo.{sink.Name}");
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

                    result.AddRange(Sinks($"Serilog {sink.Name}", values, sink.ValueFormat, sink.ConnectionStringKey, sink.DefaultHost, sink.Service ?? sink.Name, name.Location, $"{name.ResolvedBy} (Serilog:WriteTo {sink.Name})"));
                }
            }

            return result;
        }

        private IEnumerable<SinkInfo> Sinks(string display, List<EndpointValue> values, string valueFormat, string? connectionStringKey, string? defaultHost, string service, Location? location, string how)
        {
            var targets = new List<EndpointTarget>();
            EndpointTarget.AddFrom(targets, values, valueFormat, connectionStringKey, how); // read as sdks.json's formats are
            var result = new List<SinkInfo>();
            foreach (var target in targets)
            {
                result.Add(_sinks.ForHost(SinkKind.Sdk, display, target.Host, target.ServiceDiscovery, target.ResolvedBy, target.Location ?? location, null));
            }

            if (result.Count == 0)
            {
                result.Add(defaultHost is { } host
                    ? _sinks.ForHost(SinkKind.Sdk, display, host, false, $"{how}: default host of {service}", location, null)
                    : _sinks.ForHost(SinkKind.Sdk, display, null, false, $"{how}: destination not found", location, null, target: $"{service} without destination"));
            }

            return result;
        }
    }
}
