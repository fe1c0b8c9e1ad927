using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// Where a catalogued client sends data: its endpoint followed from the client's creation (constructor parameters,
    /// options, child factories, holders' connect calls), then the entry's DI registrations and configuration keys, then
    /// the SDK's default host or region (docs/endpoints.md, "Resolution order for SDK clients").
    /// </summary>
    internal sealed partial class SdkSinkProvider
    {
        /// <summary>
        /// Where a catalogued client expression sends data, for abstractions built over it (<c>chatClient.AsIChatClient()</c>,
        /// a Semantic Kernel connector given the client): null when its type is not catalogued.
        /// </summary>
        internal (SdkEntry Entry, List<EndpointTarget> Targets)? ClientTargets(IOperation client)
        {
            var entry = EntryOf(client.Type);
            return entry is null ? null : (entry, Targets(client, entry, 0));
        }

        /// <summary>The targets of a creation of a catalogued client (<c>new OllamaApiClient(uri)</c>): null when not catalogued.</summary>
        internal (SdkEntry Entry, List<EndpointTarget> Targets)? CreationTargets(IObjectCreationOperation creation)
        {
            var entry = EntryOf(creation.Type);
            return entry is null ? null : (entry, FromCreation(creation, creation.Arguments, entry));
        }

        /// <summary>The SDK's default endpoint (an entry named by its package).</summary>
        internal (SdkEntry Entry, List<EndpointTarget> Targets)? PackageDefaults(string package)
        {
            var entry = _resolver.Project.Catalog.Sdks.FirstOrDefault(e => e.Package == package);
            return entry is null ? null : (entry, Defaults(entry));
        }

        /// <summary>
        /// Where an SDK (an entry named by its package) sends when it is configured for the whole application rather than
        /// per client: its options set anywhere, its registrations, its configuration keys, else its defaults. The endpoint
        /// of a logging provider that is that SDK (the Application Insights and Sentry logging providers).
        /// </summary>
        internal (SdkEntry Entry, List<EndpointTarget> Targets)? ApplicationTargets(string package)
        {
            var entry = _resolver.Project.Catalog.Sdks.FirstOrDefault(e => e.Package == package);
            return entry is null ? null : (entry, StaticTargets(entry));
        }

        private List<EndpointTarget> Targets(IOperation? client, SdkEntry entry, int depth)
        {
            var result = new List<EndpointTarget>();
            if (client is null || depth > MaxDepth)
            {
                return result;
            }

            var operation = EndpointResolver.Strip(client);
            switch (operation)
            {
                case IInvocationOperation factory:
                {
                    // container.GetBlockBlobClient(name): a child factory the SDK declares as an extension method of the parent.
                    // A call on a client that returns a client of the same entry sends where its receiver sends too, child
                    // factory or not: container.CreateTransactionalBatch(pk) (itself a sink), batch.CreateItem(x).UpsertItem(y).
                    if (IsConnect(factory, entry))
                    {
                        // ConnectionMultiplexer.Connect("cache.example.com:6380,ssl=true"): a static method that makes the client.
                        return FromCreation(factory, factory.Arguments, entry);
                    }

                    var parent = factory.TargetMethod.IsExtensionMethod ? EndpointResolver.FirstArgument(factory) : factory.TargetMethod.IsStatic ? null : factory.Instance;
                    var parentEntry = EntryOf(parent?.Type);
                    if (parent is not null && parentEntry is not null && (parentEntry.IsChildFactory(factory.TargetMethod.Name) || ReferenceEquals(EntryOf(factory.Type), parentEntry)))
                    {
                        var named = ChildFactoryTargets(factory, parentEntry); // factory.CreateConnectionAsync(new[] { "rabbit-1", "rabbit-2" })
                        return named.Count > 0 ? named : Targets(parent, parentEntry, depth + 1);
                    }

                    break;
                }

                // client.Models (a listed child member), client.Messages / client.Beta.Messages (a property whose type is a
                // client or service of a catalogued SDK: a service the client hands out, sending where the client sends;
                // bedrock.Messages of an AnthropicBedrockClient sends where that client sends, not to Anthropic's API).
                case IPropertyReferenceOperation child when child.Instance is not null && EntryOf(child.Instance.Type) is { } parentEntry &&
                                                            (parentEntry.ChildMembers.Contains(child.Property.Name) || EntryOf(child.Property.Type) is not null):
                    return Targets(child.Instance, parentEntry, depth + 1);

                case IObjectCreationOperation creation:
                    return FromCreation(creation, creation.Arguments, entry);

                case ILocalReferenceOperation local:
                    // client.Host = …; client.ConnectAsync(host, …) on the local: they decide, whatever the creation said.
                    result.AddRange(HolderTargets(operation, entry));
                    if (result.Count > 0)
                    {
                        return result;
                    }

                    foreach (var value in _resolver.LocalValues(local.Local))
                    {
                        result.AddRange(Targets(value, entry, depth + 1));
                    }

                    break;

                case IFieldReferenceOperation or IPropertyReferenceOperation:
                    result.AddRange(HolderTargets(operation, entry));
                    if (result.Count > 0)
                    {
                        return result;
                    }

                    foreach (var value in _resolver.MemberValues(((IMemberReferenceOperation)operation).Member))
                    {
                        result.AddRange(Targets(value, entry, depth + 1));
                    }

                    break;

                case IParameterReferenceOperation when !entry.Endpoint.ConnectMethods.IsEmpty:
                    result.AddRange(HolderTargets(operation, entry));
                    break;
            }

            if (result.Count > 0)
            {
                return result;
            }

            // An injected client: the creations of its type in this compilation (DI registrations), else what is configured
            // globally. A parameter at any depth (a field assigned from the constructor's parameter) is injected too.
            if (operation.Type is INamedTypeSymbol type && (depth == 0 || operation is IParameterReferenceOperation))
            {
                var creations = InjectedCreations(type, (operation as IParameterReferenceOperation)?.Parameter).ToList();
                var registered = creations.Where(InRegistration).ToList();
                if (registered.Count < creations.Count)
                {
                    // A client a method makes for its own calls is not the injected one when the compilation registers
                    // clients of the type (AddSingleton(new EventGridPublisherClient(…)), AddAzureClients(b => b.Add…(…))):
                    // those describe it. Without any registration in sight, every creation counts (a helper may make it).
                    var registrations = RegistrationTargets(entry);
                    if (registered.Count > 0 || registrations.Count > 0)
                    {
                        creations = registered;
                        result.AddRange(registrations);
                    }
                }

                foreach (var creation in creations)
                {
                    result.AddRange(FromCreation(creation, creation.Arguments, entry));
                }

                var handedOut = HandedOut(type);
                if (result.Count == 0 && (handedOut || type.TypeKind == TypeKind.Interface))
                {
                    // A Cosmos Container or a ServiceBusSender injected (registered as sp => client.GetContainer(…)): the
                    // application cannot create one, a client of the entry hands it out, so it sends where they send. An
                    // interface injected (IRestClient): the entry's classes the compilation registers (AddSingleton<IRestClient>(
                    // new RestClient(options)), a factory lambda), not those a method makes for its own calls.
                    foreach (var pair in _types.Value)
                    {
                        if (ReferenceEquals(pair.Value, entry) && !SymbolEqualityComparer.Default.Equals(pair.Key, type.OriginalDefinition))
                        {
                            foreach (var creation in _resolver.Index.CreationsOf(pair.Key))
                            {
                                if (handedOut || InRegistration(creation))
                                {
                                    result.AddRange(FromCreation(creation, creation.Arguments, entry));
                                }
                            }
                        }
                    }
                }
            }

            return result.Count > 0 ? result : StaticTargets(entry);
        }

        /// <summary>
        /// Whether a creation is given to a dependency-injection registration (<c>services.AddSingleton&lt;IRestClient&gt;(new RestClient(…))</c>,
        /// <c>AddScoped&lt;IRestClient&gt;(sp =&gt; new RestClient(…))</c>, their <c>TryAdd</c> and keyed forms).
        /// </summary>
        private static bool InRegistration(IObjectCreationOperation creation)
        {
            int steps = 0;
            for (var node = creation.Parent; node is not null && steps < 16; node = node.Parent, steps++)
            {
                if (node is IInvocationOperation { TargetMethod: { } method } &&
                    (method.Name.StartsWith("Add", StringComparison.Ordinal) || method.Name.StartsWith("TryAdd", StringComparison.Ordinal)) &&
                    InDependencyInjection(method.ContainingNamespace))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Microsoft.Extensions.DependencyInjection or a namespace in it (….Extensions), read from the symbols: no string made.</summary>
        private static bool InDependencyInjection(INamespaceSymbol? ns)
        {
            for (; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                if (ns is { Name: "DependencyInjection", ContainingNamespace: { Name: "Extensions", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A client class the application cannot create (abstract, or without a public constructor): a client of its SDK hands it out.</summary>
        private static bool HandedOut(INamedTypeSymbol type) =>
            type.TypeKind == TypeKind.Class && (type.IsAbstract || !type.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public));

        /// <summary>
        /// The creations of an injected client's type that can be the one injected: with <c>[FromKeyedServices("eu")]</c>,
        /// those of the keyed registrations of that key (<c>AddKeyedSingleton("eu", (_, _) =&gt; new Client(…))</c>); without
        /// a key, those outside keyed registrations. When none matches, every creation (the registration may be out of sight).
        /// </summary>
        private IEnumerable<IObjectCreationOperation> InjectedCreations(INamedTypeSymbol type, IParameterSymbol? parameter)
        {
            var creations = _resolver.Index.CreationsOf(type);
            if (creations.Length < 2)
            {
                return creations;
            }

            var key = parameter is null ? null : _resolver.ServiceKey(parameter);
            var matching = creations.Where(c => RegistrationKey(c) == key).ToList();
            return matching.Count > 0 ? matching : creations;
        }

        /// <summary>The service key of the keyed registration (<c>AddKeyedSingleton(key, …)</c>) a creation is made in, or null.</summary>
        private string? RegistrationKey(IObjectCreationOperation creation)
        {
            int steps = 0;
            for (var node = creation.Parent; node is not null && steps < 16; node = node.Parent, steps++)
            {
                if (node is IInvocationOperation call && _resolver.RegistrationKey(call) is { } key)
                {
                    return key;
                }
            }

            return null;
        }

        /// <summary>
        /// Endpoint values set on the variable that holds the client rather than at its creation: an endpoint property
        /// assigned on it (<c>smtp.Host = …</c>) and the host argument of a connect method called on it
        /// (<c>client.ConnectAsync(host, port)</c>, in the same member for a local or parameter, in the type for a field).
        /// </summary>
        private List<EndpointTarget> HolderTargets(IOperation holder, SdkEntry entry)
        {
            var result = new List<EndpointTarget>();
            var endpoint = entry.Endpoint;
            if (holder is not ILocalReferenceOperation && endpoint.ConnectMethods.IsEmpty)
            {
                return result; // fields and properties: their creations are followed (MemberValues) with their initializers
            }

            foreach (var property in endpoint.Properties)
            {
                foreach (var value in _resolver.PropertyValues(holder, property))
                {
                    if (value.Parent is not IMemberInitializerOperation and not ISimpleAssignmentOperation { Parent: IObjectOrCollectionInitializerOperation })
                    {
                        AddPropertyValue(result, value, entry, $"{ShortName(entry.Types[0])}.{property}");
                    }
                }
            }

            foreach (var methodName in endpoint.ConnectMethods)
            {
                foreach (var call in _resolver.CallsOnHolder(holder, methodName))
                {
                    foreach (var argument in call.Arguments)
                    {
                        if (EndpointResolver.IsWritten(argument) && argument.Parameter is { } parameter && endpoint.ConstructorParameters.Contains(parameter.Name))
                        {
                            AddValues(result, _resolver.Strings(argument.Value), endpoint, $"{methodName}({parameter.Name})");
                        }
                    }
                }
            }

            return result;
        }

        /// <summary>A call of one of the entry's static connect methods (<c>ConnectionMultiplexer.Connect(…)</c>, <c>ConnectAsync</c>): it makes the client.</summary>
        private bool IsConnect(IInvocationOperation call, SdkEntry entry) =>
            call.TargetMethod.IsStatic && !entry.Endpoint.ConnectMethods.IsEmpty && entry.Endpoint.ConnectMethods.Contains(call.TargetMethod.Name) &&
            ReferenceEquals(EntryOf(call.TargetMethod.ContainingType), entry);

        /// <summary>The clients the entry's static connect methods make anywhere in the compilation (an injected <c>IConnectionMultiplexer</c> registered as <c>AddSingleton(ConnectionMultiplexer.Connect(…))</c>).</summary>
        private List<EndpointTarget> ConnectTargets(SdkEntry entry)
        {
            var result = new List<EndpointTarget>();
            if (entry.Endpoint.ConnectMethods.IsEmpty)
            {
                return result;
            }

            foreach (var typeName in entry.Types)
            {
                foreach (var method in entry.Endpoint.ConnectMethods)
                {
                    foreach (var call in _resolver.Index.InvocationsOf(typeName, method))
                    {
                        if (IsConnect(call, entry))
                        {
                            result.AddRange(FromArguments(call, call.Arguments, entry));
                        }
                    }
                }
            }

            return result;
        }

        private List<EndpointTarget> FromCreation(IOperation creation, ImmutableArray<IArgumentOperation> arguments, SdkEntry entry)
        {
            var result = FromArguments(creation, arguments, entry);
            if (result.Count == 0)
            {
                result.AddRange(ConfiguredTargets(entry));
            }

            return result.Count > 0 ? result : Defaults(entry);
        }

        /// <summary>What a creation (<c>new Client(…)</c>, or a static connect method's call) says of the endpoint: nothing when it says nothing.</summary>
        private List<EndpointTarget> FromArguments(IOperation creation, ImmutableArray<IArgumentOperation> arguments, SdkEntry entry)
        {
            var result = new List<EndpointTarget>();
            var typeName = creation is IInvocationOperation call ? $"{call.TargetMethod.ContainingType?.Name}.{call.TargetMethod.Name}" : creation.Type?.Name ?? "client";
            var endpoint = entry.Endpoint;

            foreach (var argument in arguments)
            {
                if (!EndpointResolver.IsWritten(argument) || argument.Parameter is null)
                {
                    continue;
                }

                var parameter = argument.Parameter;
                if (endpoint.ConstructorParameters.Contains(parameter.Name))
                {
                    AddValues(result, _resolver.Strings(argument.Value), endpoint, $"{typeName}({parameter.Name})");
                }

                AddOptionsValues(result, argument.Value, entry, 0);
                AddSettingsValues(result, argument.Value, entry, 0);
                AddConfigureValues(result, argument, entry, typeName);

                if (entry.ResidencyMethod is { } residencyMethod)
                {
                    AddResidency(result, argument.Value, entry, residencyMethod, 0);
                }

                if (entry.Region is { } region && creation is IObjectCreationOperation objectCreation)
                {
                    AddRegionArgument(result, argument, region, objectCreation, entry);
                }
            }

            if (creation is IObjectCreationOperation)
            {
                foreach (var property in endpoint.Properties)
                {
                    foreach (var value in _resolver.PropertyValues(creation, property))
                    {
                        AddPropertyValue(result, value, entry, $"{typeName}.{property}");
                    }
                }
            }

            if (result.Count == 0)
            {
                AddHttpClientValues(result, arguments, entry, typeName); // the client's own base URL comes first
            }

            return result;
        }

        /// <summary>
        /// The endpoint values of an options object given to a client (or assigned to another options object's property):
        /// each of the entry's options properties it has, as assigned (<c>new Options { Endpoint = … }</c>, <c>options.Endpoint = …</c>)
        /// or, for a collection property, as added to (<c>EndPoints = { "cache:6380" }</c>, <c>options.EndPoints.Add("cache", 6380)</c>);
        /// an options object that is itself a property's value (<c>RedisCacheOptions.ConfigurationOptions = new ConfigurationOptions { … }</c>)
        /// is read the same way; and an options object parsed from a string by one of the options type's static parse methods
        /// (<c>ConfigurationOptions.Parse("cache:6380,ssl=true")</c>, <c>MongoClientSettings.FromConnectionString(…)</c>: the
        /// entry's parseMethods) is that string, read in the entry's valueFormat.
        /// </summary>
        private void AddOptionsValues(List<EndpointTarget> result, IOperation value, SdkEntry entry, int depth)
        {
            var endpoint = entry.Endpoint;
            if (depth > 2 || endpoint.Options.IsEmpty || value.Type is null)
            {
                return;
            }

            foreach (var options in endpoint.Options)
            {
                if (!_resolver.Types.DerivesFrom(value.Type, options.Type))
                {
                    continue;
                }

                var via = $"{ShortName(options.Type)}.{options.Property}";
                foreach (var assigned in _resolver.PropertyValues(value, options.Property))
                {
                    if (EndpointResolver.IsSequence(assigned.Type))
                    {
                        AddItemValues(result, assigned, entry, depth, via); // Servers = new[] { new MongoServerAddress(host) }
                        continue;
                    }

                    if (endpoint.Options.Any(o => _resolver.Types.DerivesFrom(assigned.Type, o.Type)))
                    {
                        AddOptionsValues(result, assigned, entry, depth + 1); // an options object held by another
                        continue;
                    }

                    if (IsSettings(assigned.Type, endpoint))
                    {
                        AddSettingsValues(result, assigned, entry, depth + 1); // Server = new MongoServerAddress(host, port)
                        continue;
                    }

                    AddValues(result, _resolver.Strings(assigned), endpoint, via);
                }

                foreach (var item in _resolver.CollectionItems(value, options.Property))
                {
                    AddValues(result, _resolver.Strings(item), endpoint, via);
                }

                foreach (var made in _resolver.MadeBy(value))
                {
                    if (made is IInvocationOperation { TargetMethod: { IsStatic: true } parse } call && endpoint.ParseMethods.Contains(parse.Name) && parse.Parameters.Length > 0 &&
                        _resolver.Types.DerivesFrom(parse.ContainingType, options.Type) && call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is { } text)
                    {
                        AddValues(result, _resolver.Strings(text.Value), endpoint, $"{ShortName(options.Type)}.{parse.Name}");
                    }
                }
            }
        }

        private List<EndpointTarget> ConfiguredTargets(SdkEntry entry)
        {
            var result = new List<EndpointTarget>();
            foreach (var key in entry.Endpoint.ConfigKeys)
            {
                AddValues(result, _resolver.ConfigLookup(key), entry.Endpoint, null);
            }

            if (result.Count == 0 && entry.Region is { } region)
            {
                foreach (var key in region.ConfigKeys)
                {
                    foreach (var value in _resolver.ConfigLookup(key))
                    {
                        var map = region.Map ?? region.GetBySystemNameMap;
                        if (map is not null && _resolver.Project.Catalog.MapLookup(map, value.Text) is { } code)
                        {
                            result.Add(new EndpointTarget(null, code, false, value.ResolvedBy, value.Location, value.Text));
                        }
                    }
                }
            }

            return result;
        }

        private static List<EndpointTarget> Defaults(SdkEntry entry)
        {
            var result = new List<EndpointTarget>();
            var service = entry.Service ?? entry.Types.FirstOrDefault() ?? "SDK";
            if (entry.DefaultHost is { } host)
            {
                result.Add(new EndpointTarget(host, null, false, $"default host of {service} (no endpoint set in code or configuration)", null));
            }
            else if (entry.DefaultRegionText is { } region)
            {
                result.Add(new EndpointTarget(null, region, false, $"default region of {service}", null));
            }

            return result;
        }

        private static void AddValues(List<EndpointTarget> result, List<EndpointValue> values, SdkEndpoint endpoint, string? via) =>
            EndpointTarget.AddFrom(result, values, endpoint.ValueFormat, endpoint.ConnectionStringKey, via);

        private static string ShortName(string metadataName)
        {
            int dot = metadataName.LastIndexOf('.');
            return dot >= 0 ? metadataName.Substring(dot + 1) : metadataName;
        }
    }
}
