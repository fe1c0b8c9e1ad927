using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// The <c>Microsoft.Extensions.Logging</c> providers and tracing exporters of <c>Catalog/logging.json</c> that the
    /// application registers (docs/endpoints.md, "Logging"): where each ships records (from which level) or spans.
    /// </summary>
    internal sealed partial class LoggingSinkProvider
    {
        /// <summary>A record of unknown level (<c>Log(level, …)</c> with a level computed at run time) may reach every provider.</summary>
        private const int UnknownLevel = 5;

        /// <summary><c>LogLevel.Information</c>: Microsoft.Extensions.Logging's minimum when no filter is configured.</summary>
        private const int DefaultMinimum = 2;

        /// <summary><c>LogLevel.None</c>: a provider filtered to it receives nothing.</summary>
        private const int LevelNone = 6;

        // The settings an environment sees: null, the base appsettings.json alone; an environment file's path, that file over
        // the base; AllEnvironments, every value (a trace exporter's spans, whose level no setting filters).
        private const string AllEnvironments = "*";

        /// <summary>The environments whose settings are paired: the base file alone, and each appsettings.{Environment}.json over it.</summary>
        private IEnumerable<string?> Environments()
        {
            yield return null;
            foreach (var file in _resolver.Project.SettingsFiles)
            {
                if (!ProjectEndpoints.IsBaseSettings(file))
                {
                    yield return file;
                }
            }
        }

        /// <summary>
        /// The values of one configuration key the current environment sees: its own file's, else the base file's; values
        /// from code or residency.json always. Every value outside the providers' pairing.
        /// </summary>
        private static IEnumerable<EndpointValue> InEnvironment(List<EndpointValue> values, string? environment) => InEnvironment(values, environment, v => v.Location);

        private static IEnumerable<EndpointTarget> InEnvironment(List<EndpointTarget> targets, string? environment) => InEnvironment(targets, environment, t => t.Location);

        private static IEnumerable<T> InEnvironment<T>(List<T> items, string? environment, Func<T, Location?> location)
        {
            if (environment == AllEnvironments)
            {
                return items;
            }

            bool own = environment is not null && items.Exists(item => SettingsFile(location(item)) == environment);
            return items.Where(item => SettingsFile(location(item)) is not { } file || file == environment || (!own && ProjectEndpoints.IsBaseSettings(file)));
        }

        /// <summary>The appsettings file a value was read from, or null for a value of the code or of residency.json.</summary>
        private static string? SettingsFile(Location? location)
        {
            var path = location is { Kind: LocationKind.ExternalFile or LocationKind.SourceFile } ? location.GetLineSpan().Path : null;
            return path is not null && ProjectEndpoints.IsAppSettings(System.IO.Path.GetFileName(path)) ? path : null;
        }

        private bool AnyProviderReferenced()
        {
            foreach (var provider in _providers)
            {
                foreach (var registration in provider.Registrations)
                {
                    if (_resolver.Index.DeclaringTypeIsReferenced(registration))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private (ImmutableArray<ProviderSinks> Logs, ImmutableArray<SinkInfo> Traces) FindProviders()
        {
            var result = ImmutableArray.CreateBuilder<ProviderSinks>();
            var traces = new List<SinkInfo>();
            foreach (var provider in _providers)
            {
                try
                {
                    var calls = new List<IInvocationOperation>();
                    foreach (var registration in provider.Registrations)
                    {
                        calls.AddRange(_resolver.Index.InvocationsOf(registration));
                    }

                    if (calls.Count == 0)
                    {
                        continue;
                    }

                    if (provider.Traces)
                    {
                        traces.AddRange(ShippedTo(provider, calls, AllEnvironments, $"{calls[0].TargetMethod.Name} (spans, with their tags)"));
                        continue;
                    }

                    // Per environment: the level and the destination an environment's settings give together (Debug in
                    // appsettings.Development.json goes where Development's endpoint says, not where production's does).
                    foreach (var environment in Environments())
                    {
                        int minimum = MinimumLevel(provider, environment);
                        var sinks = Distinct(ShippedTo(provider, calls, environment, $"{calls[0].TargetMethod.Name} (ILogger records of {LoggingCatalog.LevelName(minimum)} and above)"));
                        if (!sinks.IsEmpty && minimum < LevelNone)
                        {
                            result.Add(new ProviderSinks(minimum, sinks));
                        }
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Half-typed code: this provider is left out, never an AD0001.
                }
            }

            return (result.ToImmutable(), Distinct(traces));
        }

        /// <summary>Where a registered provider ships: its SDK's application-wide endpoint, else what its registrations and configuration say.</summary>
        private IEnumerable<SinkInfo> ShippedTo(LoggingProvider provider, List<IInvocationOperation> calls, string? environment, string how) =>
            provider.Sdk is { } package ? FromSdk(provider, package, calls[0], environment, how) : FromRegistrations(provider, calls, environment, how);

        /// <summary>A provider that is an SDK's logging provider: where that SDK is configured to send for the whole application.</summary>
        private IEnumerable<SinkInfo> FromSdk(LoggingProvider provider, string package, IInvocationOperation registration, string? environment, string how)
        {
            if (_sdk.ApplicationTargets(package) is not { } found)
            {
                yield break;
            }

            var display = Display(provider);
            foreach (var target in InEnvironment(found.Targets, environment))
            {
                var withHow = new EndpointTarget(target.Host, target.RegionCode, target.ServiceDiscovery, $"{how} → {target.ResolvedBy}", target.Location ?? registration.Syntax.GetLocation(), target.RegionName);
                yield return _sdk.SinkOf(found.Entry, withHow, display, null);
            }
        }

        /// <summary>A provider whose destination is given to its registration (an argument, an options property set in its lambda) or configured.</summary>
        private IEnumerable<SinkInfo> FromRegistrations(LoggingProvider provider, List<IInvocationOperation> calls, string? environment, string how)
        {
            var values = new List<EndpointValue>();
            foreach (var call in calls)
            {
                foreach (var argument in call.Arguments)
                {
                    if (!EndpointResolver.IsWritten(argument))
                    {
                        continue;
                    }

                    if (argument.Parameter is { } parameter && provider.Parameters.Contains(parameter.Name))
                    {
                        values.AddRange(InEnvironment(_resolver.Strings(argument.Value), environment));
                    }
                    else if (provider.OptionsProperty is { } property)
                    {
                        // AddOtlpExporter(o => o.Endpoint = new Uri("…")): the property assigned in the registration's lambda.
                        foreach (var assignment in argument.Value.DescendantsAndSelf().OfType<ISimpleAssignmentOperation>())
                        {
                            if (assignment.Target is IPropertyReferenceOperation target && target.Property.Name == property)
                            {
                                values.AddRange(InEnvironment(_resolver.Strings(assignment.Value), environment));
                            }
                        }
                    }
                }
            }

            if (values.Count == 0)
            {
                foreach (var key in provider.ConfigKeys)
                {
                    values.AddRange(InEnvironment(_resolver.ConfigLookup(key), environment));
                }
            }

            return Sinks(Display(provider), values, provider.ValueFormat, provider.ConnectionStringKey, provider.DefaultHost, provider.Service, calls[0].Syntax.GetLocation(), how);
        }

        private static string Display(LoggingProvider provider) => (provider.Traces ? "Activity " : "ILogger ") + provider.Name;

        /// <summary>
        /// The lowest level of record the provider receives: its own configuration (<c>Logging:{alias}:LogLevel:Default</c>),
        /// else the filter it registers for itself, else the general one (<c>Logging:LogLevel:Default</c>, Information when
        /// absent); never below the provider's own threshold. Read in the current environment's settings.
        /// </summary>
        private int MinimumLevel(LoggingProvider provider, string? environment)
        {
            int filter = ConfiguredLevel($"Logging:{provider.Alias}:LogLevel:Default", environment) ?? provider.Filter ?? ConfiguredLevel("Logging:LogLevel:Default", environment) ?? DefaultMinimum;
            int? threshold = null;
            foreach (var key in provider.ThresholdConfigKeys)
            {
                threshold = Lowest(threshold, ConfiguredLevel(key, environment));
            }

            return Math.Max(filter, threshold ?? provider.Threshold ?? 0);
        }

        private int? ConfiguredLevel(string key, string? environment)
        {
            int? result = null;
            foreach (var value in InEnvironment(_resolver.ConfigLookup(key), environment))
            {
                result = Lowest(result, LoggingCatalog.Level(value.Text));
            }

            return result;
        }

        private static int? Lowest(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

        /// <summary>
        /// The level of a Microsoft.Extensions.Logging call: the <c>LogX</c> method's, a constant <c>LogLevel</c> argument,
        /// or a <c>[LoggerMessage]</c> method's <c>Level</c>; unknown (reaching every provider) when computed at run time.
        /// </summary>
        private int LevelOf(IInvocationOperation invocation, bool generated)
        {
            var method = invocation.TargetMethod;
            if (!generated && method.Name.Length > 3 && method.Name.StartsWith("Log", StringComparison.Ordinal) &&
                LoggingCatalog.Level(method.Name.Substring(3)) is { } named)
            {
                return named;
            }

            if (generated && LoggerMessage(method) is { } attribute)
            {
                foreach (var argument in attribute.NamedArguments)
                {
                    if (argument.Key == "Level" && argument.Value.Value is int level)
                    {
                        return level;
                    }
                }

                foreach (var argument in attribute.ConstructorArguments)
                {
                    if (argument.Type?.Name == "LogLevel" && argument.Value is int level)
                    {
                        return level;
                    }
                }
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.Name == "LogLevel" && argument.Parameter.Type.TypeKind == TypeKind.Enum)
                {
                    return argument.Value.ConstantValue is { HasValue: true, Value: int level } ? level : UnknownLevel;
                }
            }

            return UnknownLevel;
        }
    }
}
