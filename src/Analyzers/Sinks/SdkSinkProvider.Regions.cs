using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;

namespace Residency.Analyzers.Sinks
{
    /// <summary>The region an SDK client is created for (a residency method, a region argument or options object, a region name) and the endpoints an SDK fixes statically.</summary>
    internal sealed partial class SdkSinkProvider
    {
        private void AddResidency(List<EndpointTarget> result, IOperation value, SdkEntry entry, string residencyMethod, int depth)
        {
            if (depth > 4)
            {
                return;
            }

            var operation = EndpointResolver.Strip(value);
            if (operation is IInvocationOperation call && call.TargetMethod.Name == residencyMethod)
            {
                foreach (var argument in call.Arguments)
                {
                    foreach (var text in _resolver.Strings(argument.Value).Where(v => v.Complete))
                    {
                        if (entry.ResidencyHosts.TryGetValue(text.Text, out var host))
                        {
                            result.Add(new EndpointTarget(host, null, false, $"{ShortName(entry.ResidencyMethodType ?? "options")}.{residencyMethod}(\"{text.Text}\")", argument.Value.Syntax.GetLocation()));
                        }
                    }
                }
            }
            else if (operation is ILocalReferenceOperation local)
            {
                foreach (var assigned in _resolver.LocalValues(local.Local))
                {
                    AddResidency(result, assigned, entry, residencyMethod, depth + 1);
                }

                // options.SetDataResidency("eu"); as a statement on the local.
                foreach (var statement in _resolver.CallsOn(local.Local, residencyMethod))
                {
                    AddResidency(result, statement, entry, residencyMethod, depth + 1);
                }
            }
        }

        private void AddRegionArgument(List<EndpointTarget> result, IArgumentOperation argument, SdkRegion region, IObjectCreationOperation creation, SdkEntry entry)
        {
            var parameter = argument.Parameter!;

            // RegionEndpoint.EUCentral1 / RegionEndpoint.GetBySystemName("eu-central-1") / options.RegionEndpoint = …
            if (region.ParameterType is { } parameterType && _resolver.IsType(argument.Value.Type, parameterType))
            {
                AddRegionObject(result, argument.Value, region, 0);
            }

            if (region.Options is { } options && _resolver.Types.DerivesFrom(argument.Value.Type, options.Type))
            {
                foreach (var value in _resolver.PropertyValues(argument.Value, options.Property))
                {
                    AddRegionObject(result, value, region, 0);
                }
            }

            if (region.ConstructorParameters.Contains(parameter.Name))
            {
                if (region.EnabledByParameter is { } switchName &&
                    !(creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == switchName)?.Value is { } switchValue && EndpointResolver.Strip(switchValue).ConstantValue is { HasValue: true, Value: true }))
                {
                    return;
                }

                string? edge = null;
                var edgeArgument = creation.Arguments.FirstOrDefault(a => a.Parameter is not null && region.EdgeConstructorParameters.Contains(a.Parameter.Name) && EndpointResolver.IsWritten(a));
                if (edgeArgument is not null)
                {
                    edge = _resolver.Strings(edgeArgument.Value).FirstOrDefault(v => v.Complete)?.Text;
                }

                foreach (var value in _resolver.Strings(argument.Value).Where(v => v.Complete))
                {
                    AddRegionName(result, value.Text, edge, region, $"{creation.Type?.Name}({parameter.Name}: \"{value.Text}\")", value.Location);
                }
            }
        }

        private void AddRegionObject(List<EndpointTarget> result, IOperation value, SdkRegion region, int depth)
        {
            if (depth > 4)
            {
                return;
            }

            var operation = EndpointResolver.Strip(value);
            switch (operation)
            {
                case IMemberReferenceOperation { Instance: null } member when region.StaticMembersMap is { } map:
                {
                    var code = _resolver.Project.Catalog.MapLookup(map, member.Member.Name);
                    if (code is not null)
                    {
                        result.Add(new EndpointTarget(null, code, false, $"{member.Member.ContainingType?.Name}.{member.Member.Name}", operation.Syntax.GetLocation(), SystemName(region, member.Member.Name)));
                        return;
                    }

                    break;
                }

                case IInvocationOperation call when region.GetBySystemNameMap is { } systemMap && call.Arguments.Length > 0:
                    foreach (var name in _resolver.Strings(call.Arguments[0].Value).Where(v => v.Complete))
                    {
                        var code = _resolver.Project.Catalog.MapLookup(systemMap, name.Text);
                        if (code is not null)
                        {
                            result.Add(new EndpointTarget(null, code, false, $"{call.TargetMethod.Name}(\"{name.Text}\") ({name.ResolvedBy})", name.Location ?? call.Syntax.GetLocation(), name.Text));
                        }
                    }

                    return;
                case ILocalReferenceOperation local:
                    foreach (var assigned in _resolver.LocalValues(local.Local))
                    {
                        AddRegionObject(result, assigned, region, depth + 1);
                    }

                    return;
            }

            if (operation is IMemberReferenceOperation { Instance: not null } or IFieldReferenceOperation)
            {
                foreach (var assigned in _resolver.MemberValues(((IMemberReferenceOperation)operation).Member))
                {
                    AddRegionObject(result, assigned, region, depth + 1);
                }
            }
        }

        private void AddRegionName(List<EndpointTarget> result, string name, string? edge, SdkRegion region, string resolvedBy, Location? location)
        {
            if (region.HostOverrides.TryGetValue(name, out var overrideHost))
            {
                result.Add(new EndpointTarget(overrideHost, null, false, resolvedBy, location));
                return;
            }

            var template = edge is not null ? region.HostTemplate : region.HostTemplateWithoutEdge ?? region.HostTemplate;
            if (template is not null && (edge is not null || template.IndexOf("{edge}", StringComparison.Ordinal) < 0))
            {
                var host = template.Replace("{region}", name.ToLowerInvariant()).Replace("{edge}", edge?.ToLowerInvariant() ?? string.Empty);
                result.Add(new EndpointTarget(host, null, false, resolvedBy, location));
                return;
            }

            if (region.Map is { } map && _resolver.Project.Catalog.MapLookup(map, name) is { } code)
            {
                result.Add(new EndpointTarget(null, code, false, resolvedBy, location, name));
            }
        }

        /// <summary>
        /// The provider's name of the region a static member stands for (<c>RegionEndpoint.EUCentral1</c> →
        /// <c>eu-central-1</c>): the key of the entry's system-name map that is the member's name without its hyphens.
        /// Null when none is (AWS GovCloud's members are not spelled like their names): the region still applies, the host is not named.
        /// </summary>
        private string? SystemName(SdkRegion region, string member)
        {
            if (region.ServiceHosts.IsEmpty || region.GetBySystemNameMap is not { } systemMap ||
                !_resolver.Project.Catalog.RegionMaps.TryGetValue(systemMap, out var names))
            {
                return null;
            }

            foreach (var name in names.Keys)
            {
                if (name.Length == member.Length + name.Count(c => c == '-') &&
                    string.Equals(name.Replace("-", string.Empty), member, StringComparison.OrdinalIgnoreCase))
                {
                    return name;
                }
            }

            return null;
        }

        /// <summary>The regional host of the service a client belongs to (its type's namespace in the entry's <c>serviceHosts</c>), for a region given by name.</summary>
        private static string? ServiceHost(SdkEntry entry, ITypeSymbol clientType, string regionName)
        {
            if (entry.Region is not { ServiceHosts.IsEmpty: false } region || clientType.ContainingNamespace is not { IsGlobalNamespace: false } ns ||
                !region.ServiceHosts.TryGetValue(ns.ToDisplayString(), out var template))
            {
                return null;
            }

            var host = template.Replace("{region}", regionName.ToLowerInvariant());
            return UrlText.IsHostText(host) ? host : null;
        }

        /// <summary>
        /// Whether a value assigned to an options property belongs to options that only configure one client of their own:
        /// <c>new SentryClient(new SentryOptions { Dsn = … })</c>, or an options local given only to such constructors (and
        /// otherwise only set up: <c>options.Dsn = …</c>). Those describe that client (followed from its creation), not the
        /// process-wide SDK (<c>SentrySdk</c>, an injected <c>IHub</c>). Options configured in a lambda
        /// (<c>UseSentry(o => o.Dsn = …)</c>), given to <c>Init</c> or kept anywhere else are process-wide, as before.
        /// </summary>
        private bool OfStandaloneClient(IOperation value)
        {
            if (value.Parent is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: { } instance } } assignment)
            {
                return false;
            }

            if (instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
            {
                // new SentryOptions { Dsn = … }: the options object is the creation the initializer belongs to.
                return assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation options } && OnlyGivenToClients(options);
            }

            return EndpointResolver.Strip(instance) is ILocalReferenceOperation local && LocalOnlyGivenToClients(local.Local);
        }

        private bool OnlyGivenToClients(IOperation options)
        {
            var parent = options.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            return parent switch
            {
                IArgumentOperation { Parent: IObjectCreationOperation client } => EntryOf(client.Type) is not null,
                IInvocationOperation call => MakesClient(call, options),
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => LocalOnlyGivenToClients(declarator.Symbol),
                _ => false,
            };
        }

        /// <summary>
        /// Whether a call made on an options object is one of its entry's child factories, so that the options make that one
        /// client: <c>factory.CreateConnectionAsync()</c> on a RabbitMQ <c>ConnectionFactory</c> (itself of the entry).
        /// </summary>
        private bool MakesClient(IInvocationOperation call, IOperation options) =>
            call.Instance is { } receiver && ReferenceEquals(EndpointResolver.Strip(receiver), EndpointResolver.Strip(options)) &&
            EntryOf(options.Type) is { } entry && entry.IsChildFactory(call.TargetMethod.Name);

        /// <summary>
        /// Every use of the local in its method sets it up (<c>options.Dsn = …</c>) or gives it to a catalogued client's
        /// constructor or child factory (<c>factory.CreateConnectionAsync()</c>), at least one the latter.
        /// </summary>
        private bool LocalOnlyGivenToClients(ILocalSymbol local)
        {
            var clients = 0;
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                var scope = reference.GetSyntax().Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
                if (scope is GlobalStatementSyntax)
                {
                    scope = scope.Parent; // top-level statements: the local is visible in all of them
                }

                if (scope is null)
                {
                    return false;
                }

                foreach (var name in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    if (name.Identifier.ValueText != local.Name || _resolver.OperationOf(name) is not ILocalReferenceOperation use || !SymbolEqualityComparer.Default.Equals(use.Local, local))
                    {
                        continue;
                    }

                    if (use.Parent is IPropertyReferenceOperation property && ReferenceEquals(property.Instance, use))
                    {
                        continue; // options.Dsn = …, options.Debug = true
                    }

                    var parent = use.Parent;
                    while (parent is IConversionOperation or IParenthesizedOperation)
                    {
                        parent = parent.Parent;
                    }

                    if ((parent is IArgumentOperation { Parent: IObjectCreationOperation client } && EntryOf(client.Type) is not null) ||
                        (parent is IInvocationOperation call && MakesClient(call, use)))
                    {
                        clients++;
                        continue;
                    }

                    return false; // given to Init, stored, returned: not only one client's
                }
            }

            return clients > 0;
        }

        /// <summary>
        /// The endpoints of the entry's DI registrations in the compilation (<c>AddAzureClients(b =&gt; b.AddBlobServiceClient(…))</c>):
        /// an argument named like an endpoint constructor parameter (<c>connectionString</c>, <c>serviceUri</c>), or a
        /// configuration section, read as the client factory reads it: the section's own value, or its keys named like those
        /// parameters (<c>Storage:serviceUri</c>; configuration keys are case-insensitive).
        /// </summary>
        private List<EndpointTarget> RegistrationTargets(SdkEntry entry)
        {
            var result = new List<EndpointTarget>();
            var endpoint = entry.Endpoint;
            foreach (var registration in endpoint.Registrations)
            {
                var parameters = registration.Parameters.IsEmpty ? endpoint.ConstructorParameters : registration.Parameters;
                foreach (var call in _resolver.Index.InvocationsOf(registration.Method))
                {
                    var method = call.TargetMethod.Name;
                    if (registration.Host is { } fixedHost)
                    {
                        // UsingInMemory(…): the registration itself says where the client sends.
                        result.Add(new EndpointTarget(fixedHost, null, false, registration.Note is null ? $"{method}(…)" : $"{method}(…): {registration.Note}", call.Syntax.GetLocation()));
                        continue;
                    }

                    foreach (var argument in call.Arguments)
                    {
                        if (!EndpointResolver.IsWritten(argument) || argument.Parameter is not { } parameter)
                        {
                            continue;
                        }

                        if (parameters.Contains(parameter.Name))
                        {
                            if (registration.HostTemplate is { } template)
                            {
                                // cfg.Host("eu-west-1") (MassTransit's Amazon SQS transport): a region, named by the host it reaches.
                                var regions = new List<EndpointTarget>();
                                AddValues(regions, _resolver.Strings(argument.Value), endpoint, $"{method}({parameter.Name})");
                                foreach (var region in regions)
                                {
                                    var host = region.Host is null ? null : template.Replace("{region}", region.Host);
                                    if (host is not null && UrlText.IsHostText(host))
                                    {
                                        result.Add(new EndpointTarget(host, null, false, $"{region.ResolvedBy} (region {region.Host})", region.Location));
                                    }
                                }

                                continue;
                            }

                            AddValues(result, _resolver.Strings(argument.Value), endpoint, $"{method}({parameter.Name})");
                        }
                        else if (_resolver.IsConfiguration(EndpointResolver.Strip(argument.Value).Type) && _resolver.SectionPath(argument.Value, 0) is { Length: > 0 } section)
                        {
                            AddValues(result, _resolver.ConfigLookup(section), endpoint, $"{method}(section {section})");
                            foreach (var name in endpoint.ConstructorParameters)
                            {
                                AddValues(result, _resolver.ConfigLookup(section + ":" + name), endpoint, $"{method}(section {section})");
                            }
                        }
                    }
                }
            }

            foreach (var registration in endpoint.ConnectionNames)
            {
                AddConnectionNameTargets(result, registration, endpoint);
            }

            return result;
        }

        /// <summary>
        /// The endpoints of a registration that takes a connection name (.NET Aspire's <c>builder.AddAzureCosmosClient("cosmos")</c>,
        /// keyed forms <c>AddKeyedAzureCosmosClient("cosmos")</c>): read as the integration reads its settings, the first that
        /// has a value: <c>ConnectionStrings:{name}</c> (a connection string, a URI or a bare host), the settings section's
        /// <c>{section}:{name}:{parameter}</c> keys, its <c>{section}:{parameter}</c> keys, for the constructorParameters names
        /// (<c>ConnectionString</c>, <c>ServiceUri</c>, <c>AccountEndpoint</c>, <c>FullyQualifiedNamespace</c>; keys are case-insensitive).
        /// The name is the registration's first string argument after the builder.
        /// </summary>
        private void AddConnectionNameTargets(List<EndpointTarget> result, ConnectionNameRegistration registration, SdkEndpoint endpoint)
        {
            foreach (var call in _resolver.Index.InvocationsOf(registration.Method))
            {
                var method = call.TargetMethod.Name;
                var nameArgument = call.Arguments.FirstOrDefault(a => EndpointResolver.IsWritten(a) && a.Parameter is { Ordinal: > 0, Type.SpecialType: SpecialType.System_String });
                if (nameArgument is null)
                {
                    continue;
                }

                foreach (var name in _resolver.Strings(nameArgument.Value).Where(v => v.Complete))
                {
                    var via = $"{method}(\"{name.Text}\")";
                    var values = _resolver.ConfigLookup("ConnectionStrings:" + name.Text);
                    for (int named = 1; named >= 0 && values.Count == 0; named--)
                    {
                        var section = named == 1 ? registration.Section + ":" + name.Text : registration.Section;
                        foreach (var parameter in endpoint.ConstructorParameters)
                        {
                            values.AddRange(_resolver.ConfigLookup(section + ":" + parameter));
                        }
                    }

                    AddValues(result, values, endpoint, via);
                }
            }
        }

        /// <summary>SDKs configured once for the process (SentrySdk.Init, TwilioClient.SetRegion, options set anywhere), then configuration, then defaults.</summary>
        private List<EndpointTarget> StaticTargets(SdkEntry entry)
        {
            var result = new List<EndpointTarget>();
            var endpoint = entry.Endpoint;
            foreach (var options in endpoint.Options)
            {
                foreach (var value in _resolver.Index.AssignmentsTo(options.Type, options.Property))
                {
                    if (OfStandaloneClient(value))
                    {
                        continue;
                    }

                    if (value.Type is not null && endpoint.Options.Any(o => _resolver.Types.DerivesFrom(value.Type, o.Type)))
                    {
                        AddOptionsValues(result, value, entry, 0); // o.ConfigurationOptions = new ConfigurationOptions { EndPoints = { … } }
                    }
                    else
                    {
                        AddValues(result, _resolver.Strings(value), endpoint, $"{ShortName(options.Type)}.{options.Property}");
                    }
                }

                // The options bound to a configuration section (services.Configure<RabbitMqTransportOptions>(configuration
                // .GetSection("RabbitMq")), AddOptions<T>().BindConfiguration("RabbitMq"), a derived type's too): the section's
                // value for the property.
                foreach (var section in _resolver.Index.OptionsSectionsDerivedFrom(options.Type))
                {
                    AddValues(result, _resolver.ConfigLookup(section + ":" + options.Property), endpoint, $"{ShortName(options.Type)}.{options.Property}");
                }
            }

            result.AddRange(ConnectTargets(entry));

            if (endpoint.ConstructorParameters.Length > 0)
            {
                foreach (var typeName in entry.Types)
                {
                    foreach (var init in _resolver.Index.InvocationsOf(typeName, "Init"))
                    {
                        foreach (var argument in init.Arguments)
                        {
                            if (argument.Parameter is not null && EndpointResolver.IsWritten(argument) && endpoint.ConstructorParameters.Contains(argument.Parameter.Name))
                            {
                                AddValues(result, _resolver.Strings(argument.Value), endpoint, $"{init.TargetMethod.ContainingType?.Name}.Init({argument.Parameter.Name})");
                            }
                        }
                    }
                }
            }

            result.AddRange(RegistrationTargets(entry));

            if (entry.Region is { } region)
            {
                foreach (var staticMethod in region.StaticMethods)
                {
                    string? edge = null;
                    foreach (var edgeMethod in region.EdgeStaticMethods)
                    {
                        foreach (var call in _resolver.Index.InvocationsOf(edgeMethod))
                        {
                            edge ??= call.Arguments.Length > 0 ? _resolver.Strings(call.Arguments[0].Value).FirstOrDefault(v => v.Complete)?.Text : null;
                        }
                    }

                    foreach (var call in _resolver.Index.InvocationsOf(staticMethod))
                    {
                        if (call.Arguments.Length == 0)
                        {
                            continue;
                        }

                        foreach (var value in _resolver.Strings(call.Arguments[0].Value).Where(v => v.Complete))
                        {
                            AddRegionName(result, value.Text, edge, region, $"{staticMethod}(\"{value.Text}\")", value.Location);
                        }
                    }
                }
            }

            if (result.Count == 0)
            {
                result.AddRange(ConfiguredTargets(entry));
            }

            return result.Count > 0 ? result : Defaults(entry);
        }
    }
}
