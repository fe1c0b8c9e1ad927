using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// What the arguments of a client's creation say of its endpoint beyond a URL or an options object: settings objects
    /// whose own constructors take the endpoint, an <c>HttpClient</c> with a base address, a delegate that configures the
    /// client's options (docs/endpoints.md, "SDK clients").
    /// </summary>
    internal sealed partial class SdkSinkProvider
    {
        /// <summary>
        /// The endpoint values of a settings object given to a client (the entry's <c>settingsTypes</c>): the arguments its
        /// creation passes to the endpoint constructor parameters (<c>new ElasticsearchClientSettings(new Uri(…))</c>,
        /// <c>new ElasticsearchClientSettings(cloudId, credentials)</c>), and, for an argument that is itself a settings
        /// object (a node pool: <c>new ElasticsearchClientSettings(new SingleNodePool(new Uri(…)))</c>), what its creation passes.
        /// A local, field or property holding the settings is followed to what it is assigned, a fluent call on them
        /// (<c>.DefaultIndex("crm")</c>) to the object it is made on.
        /// </summary>
        /// <remarks>
        /// At most two settings objects nested in settings (a node pool), and eight fluent calls followed back to their
        /// receiver (a chain, or a local reassigned its own fluent call's result).
        /// </remarks>
        private void AddSettingsValues(List<EndpointTarget> result, IOperation value, SdkEntry entry, int depth, int fluentSteps = 0)
        {
            var endpoint = entry.Endpoint;
            if (depth > 2 || fluentSteps > 8 || endpoint.SettingsTypes.IsEmpty ||
                (!IsSettings(value.Type, endpoint) && !IsSettings(EndpointResolver.Strip(value).Type, endpoint)))
            {
                return;
            }

            foreach (var made in _resolver.MadeBy(value))
            {
                if (made is IInvocationOperation fluent && EndpointResolver.FluentReceiver(fluent) is { } configured)
                {
                    // new ElasticsearchClientSettings(uri).DefaultIndex("crm").EnableDebugMode()
                    AddSettingsValues(result, configured, entry, depth, fluentSteps + 1);
                    continue;
                }

                if (made is not IObjectCreationOperation creation || !IsSettings(creation.Type, endpoint))
                {
                    continue;
                }

                foreach (var argument in creation.Arguments)
                {
                    if (!EndpointResolver.IsWritten(argument) || argument.Parameter is null)
                    {
                        continue;
                    }

                    var via = $"{creation.Type?.Name}({argument.Parameter.Name})";
                    if (EndpointResolver.IsSequence(argument.Parameter.Type))
                    {
                        // new StaticNodePool(new[] { new Uri(…), new Uri(…) }), new StaticNodePool(nodes.Select(…)) is not followed
                        AddItemValues(result, argument.Value, entry, depth, endpoint.ConstructorParameters.Contains(argument.Parameter.Name) ? via : null);
                    }
                    else if (endpoint.ConstructorParameters.Contains(argument.Parameter.Name))
                    {
                        AddValues(result, _resolver.Strings(argument.Value), endpoint, via);
                    }
                    else
                    {
                        AddSettingsValues(result, argument.Value, entry, depth + 1);
                    }
                }
            }
        }

        /// <summary>
        /// The endpoint values of the items of a sequence given to a settings object or assigned to an options property (a
        /// node pool's URIs or nodes, <c>MongoClientSettings.Servers</c>): each item that is itself a settings object is read
        /// as one (<c>new Node(new Uri(…))</c>, <c>new MongoServerAddress(host)</c>); with <paramref name="via"/> (the
        /// parameter or property names an endpoint), every other item is an endpoint value.
        /// </summary>
        private void AddItemValues(List<EndpointTarget> result, IOperation sequence, SdkEntry entry, int depth, string? via)
        {
            foreach (var item in _resolver.SequenceItems(sequence))
            {
                if (IsSettings(item.Type, entry.Endpoint) || IsSettings(EndpointResolver.Strip(item).Type, entry.Endpoint))
                {
                    AddSettingsValues(result, item, entry, depth + 1);
                }
                else if (via is not null)
                {
                    AddValues(result, _resolver.Strings(item), entry.Endpoint, via);
                }
            }
        }

        private bool IsSettings(ITypeSymbol? type, SdkEndpoint endpoint)
        {
            foreach (var name in endpoint.SettingsTypes)
            {
                if (_resolver.Types.DerivesFrom(type, name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// An <c>HttpClient</c> given to a client by one of the entry's <c>httpClientParameters</c> (<c>new RestClient(httpClient)</c>):
        /// its base address, as any HttpClient's is followed (its own <c>BaseAddress</c>, a named client's or a typed client's
        /// registration). Read when the creation names no endpoint of its own (RestSharp prefers its options' base URL).
        /// </summary>
        private void AddHttpClientValues(List<EndpointTarget> result, IEnumerable<IArgumentOperation> arguments, SdkEntry entry, string typeName)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is { } parameter && EndpointResolver.IsWritten(argument) && entry.Endpoint.HttpClientParameters.Contains(parameter.Name))
                {
                    AddValues(result, _resolver.BaseAddress(argument.Value), entry.Endpoint, $"{typeName}({parameter.Name}).BaseAddress");
                }
            }
        }

        /// <summary>
        /// The value of one of the client's own endpoint properties: a settings object read where it is made
        /// (<c>factory.Endpoint = new AmqpTcpEndpoint("rabbit.example.com")</c>), else a string.
        /// </summary>
        private void AddPropertyValue(List<EndpointTarget> result, IOperation value, SdkEntry entry, string via)
        {
            if (IsSettings(value.Type, entry.Endpoint) || IsSettings(EndpointResolver.Strip(value).Type, entry.Endpoint))
            {
                AddSettingsValues(result, value, entry, 1);
                return;
            }

            AddValues(result, _resolver.Strings(value), entry.Endpoint, via);
        }

        /// <summary>
        /// What a child factory's own arguments say of the endpoint (the entry's <c>childFactoryParameters</c>): RabbitMQ's
        /// <c>CreateConnectionAsync(hostnames)</c> connects to those hosts, not to the factory's <c>HostName</c>. A list counts
        /// with each item, a string or a settings object (<c>new AmqpTcpEndpoint("rabbit-1", 5671)</c>). Empty when the call
        /// names none: the child then sends where its parent sends.
        /// </summary>
        private List<EndpointTarget> ChildFactoryTargets(IInvocationOperation factory, SdkEntry entry)
        {
            var result = new List<EndpointTarget>();
            if (entry.Endpoint.ChildFactoryParameters.IsEmpty)
            {
                return result;
            }

            foreach (var argument in factory.Arguments)
            {
                if (argument.Parameter is not { } parameter || !EndpointResolver.IsWritten(argument) || !entry.Endpoint.ChildFactoryParameters.Contains(parameter.Name))
                {
                    continue;
                }

                var via = $"{factory.TargetMethod.Name}({parameter.Name})";
                if (EndpointResolver.IsSequence(parameter.Type))
                {
                    AddItemValues(result, argument.Value, entry, 0, via);
                }
                else
                {
                    AddPropertyValue(result, argument.Value, entry, via);
                }
            }

            return result;
        }

        /// <summary>
        /// A delegate given to a client by one of the entry's <c>configureParameters</c> (<c>new RestClient(o =&gt; o.BaseUrl =
        /// new Uri(…))</c>): the entry's options properties assigned to the delegate's parameter in its body. A method group
        /// or a delegate held elsewhere is not followed.
        /// </summary>
        private void AddConfigureValues(List<EndpointTarget> result, IArgumentOperation argument, SdkEntry entry, string typeName)
        {
            if (!entry.Endpoint.ConfigureParameters.Contains(argument.Parameter!.Name) ||
                EndpointResolver.Strip(argument.Value) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } ||
                lambda.Symbol.Parameters.Length == 0)
            {
                return;
            }

            foreach (var options in entry.Endpoint.Options)
            {
                foreach (var value in _resolver.AssignedInBody(lambda, lambda.Symbol.Parameters[0], options.Property))
                {
                    AddValues(result, _resolver.Strings(value), entry.Endpoint, $"{typeName}({argument.Parameter.Name}: {ShortName(options.Type)}.{options.Property})");
                }
            }
        }
    }
}
