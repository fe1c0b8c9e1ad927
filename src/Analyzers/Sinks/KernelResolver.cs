using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// Finds the chat service behind a Semantic Kernel <c>Kernel</c> or <c>IChatCompletionService</c>: the connector
    /// registrations on the kernel's builder (<c>AddOpenAIChatCompletion</c> with or without endpoint, with an
    /// <c>OpenAIClient</c>; <c>AddAzureOpenAIChatCompletion(deployment, endpoint, …)</c>; Ollama, Mistral, Google, …), the
    /// connector's service created directly (<c>new OpenAIChatCompletionService(…)</c>), and for an injected kernel or
    /// service every connector registration of the compilation. Keeps syntax, never operation trees.
    /// </summary>
    internal sealed class KernelResolver
    {
        private const int MaxDepth = 8;

        /// <summary>A connector: its registration methods and service types, where its endpoint and client are given, and its default.</summary>
        private sealed class Connector
        {
            public Connector(string method, string serviceType, string? endpointParameter, string? clientParameter, string? defaultPackage, string? defaultHost)
            {
                Method = method;
                ServiceType = serviceType;
                EndpointParameter = endpointParameter;
                ClientParameter = clientParameter;
                DefaultPackage = defaultPackage;
                DefaultHost = defaultHost;
            }

            public string Method { get; }

            public string ServiceType { get; }

            public string? EndpointParameter { get; }

            public string? ClientParameter { get; }

            /// <summary>The SDK catalogue entry (by package) whose default endpoint applies when none is given.</summary>
            public string? DefaultPackage { get; }

            /// <summary>The host the connector calls when none is given and no SDK entry covers it.</summary>
            public string? DefaultHost { get; }
        }

        // The connectors' documented defaults: OpenAI's is the OpenAI SDK's (api.openai.com); Azure OpenAI's endpoint is
        // required (a resource host, Unknown until declared); Ollama's server is the application's; Mistral's and Google AI's
        // are their public APIs.
        private static readonly ImmutableArray<Connector> Connectors = ImmutableArray.Create(
            new Connector("AddOpenAIChatCompletion", "OpenAIChatCompletionService", "endpoint", "openAIClient", "OpenAI", null),
            new Connector("AddOpenAIChatClient", "OpenAIChatCompletionService", "endpoint", "openAIClient", "OpenAI", null),
            new Connector("AddAzureOpenAIChatCompletion", "AzureOpenAIChatCompletionService", "endpoint", "azureOpenAIClient", "Azure.AI.OpenAI", null),
            new Connector("AddAzureOpenAIChatClient", "AzureOpenAIChatCompletionService", "endpoint", "azureOpenAIClient", "Azure.AI.OpenAI", null),
            new Connector("AddOllamaChatCompletion", "OllamaChatCompletionService", "endpoint", "ollamaClient", "OllamaSharp", null),
            new Connector("AddOllamaChatClient", "OllamaChatCompletionService", "endpoint", "ollamaClient", "OllamaSharp", null),
            new Connector("AddMistralChatCompletion", "MistralAIChatCompletionService", "endpoint", null, null, "api.mistral.ai"),
            new Connector("AddGoogleAIGeminiChatCompletion", "GoogleAIGeminiChatCompletionService", null, null, null, "generativelanguage.googleapis.com"));

        private readonly AiClientResolver _ai;
        private readonly Lazy<ImmutableArray<InvocationExpressionSyntax>> _registrations;

        public KernelResolver(AiClientResolver ai)
        {
            _ai = ai;
            _registrations = new Lazy<ImmutableArray<InvocationExpressionSyntax>>(FindRegistrations, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public AiTypes Types => _ai.Types;

        private EndpointResolver Resolver => _ai.Resolver;

        public IOperation? OperationOf(SyntaxNode node) => Resolver.OperationOf(node);

        /// <summary>The sinks of a kernel, kernel builder or chat-completion service expression (Unknown when none is found).</summary>
        public List<SinkInfo> Sinks(IOperation? service, string display, bool anyRegistration = false)
        {
            var result = new List<SinkInfo>();
            if (service is not null)
            {
                Collect(service, display, result, 0);
            }
            else if (anyRegistration)
            {
                CollectRegistered(display, result);
            }

            if (result.Count == 0)
            {
                result.Add(_ai.EndpointSinks.ForHost(SinkKind.Sdk, display, null, false, "the kernel's chat service was not found", null, null,
                    hint: "the kernel's chat service is not known (no Add…ChatCompletion registration found in this compilation): register the connector with its endpoint, or put [DataSink(\"<region>\", Recipient = \"<provider>\")] on the method that calls the kernel"));
            }

            return result;
        }

        private void Collect(IOperation operation, string display, List<SinkInfo> result, int depth)
        {
            if (depth > MaxDepth || result.Count >= 8)
            {
                return;
            }

            var stripped = EndpointResolver.Strip(operation);
            switch (stripped)
            {
                case IInvocationOperation call:
                {
                    var method = call.TargetMethod;
                    var receiver = method.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : call.Instance;
                    if (ConnectorOf(method.Name) is { } connector && receiver is not null)
                    {
                        AddConnector(connector, call.Arguments, call.Syntax.GetLocation(), display, result);
                        Collect(receiver, display, result, depth + 1);
                        return;
                    }

                    if (method.Name == "CreateBuilder" && method.IsStatic)
                    {
                        return; // the start of a builder chain: what was added is found on the way
                    }

                    // builder.Build(), kernel.GetRequiredService<IChatCompletionService>(), builder.Plugins…, fluent builder calls.
                    if (receiver is not null && IsKernelish(receiver.Type))
                    {
                        Collect(receiver, display, result, depth + 1);
                        return;
                    }

                    break;
                }

                case IObjectCreationOperation creation:
                    if (creation.Type is { } created && Connectors.FirstOrDefault(c => c.ServiceType == created.Name) is { } direct)
                    {
                        AddConnector(direct, creation.Arguments, creation.Syntax.GetLocation(), display, result);
                        return;
                    }

                    break;

                case ILocalReferenceOperation local:
                    foreach (var registration in RegistrationsOn(stripped))
                    {
                        Collect(registration, display, result, depth + 1);
                    }

                    foreach (var value in Resolver.LocalValues(local.Local))
                    {
                        Collect(value, display, result, depth + 1);
                    }

                    return;

                case IFieldReferenceOperation or IPropertyReferenceOperation:
                {
                    var member = ((IMemberReferenceOperation)stripped).Member;
                    if (member.Name is "Services" or "Plugins" && ((IMemberReferenceOperation)stripped).Instance is { } owner)
                    {
                        Collect(owner, display, result, depth + 1); // builder.Services / kernel.Plugins: the builder's or kernel's
                        return;
                    }

                    var values = Resolver.MemberValues(member);
                    foreach (var value in values)
                    {
                        Collect(value, display, result, depth + 1);
                    }

                    if (!values.IsEmpty)
                    {
                        return;
                    }

                    break;
                }
            }

            if (depth == 0 || stripped is IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IObjectCreationOperation)
            {
                // An injected kernel or service (or new Kernel(services)): every connector registered in the compilation.
                CollectRegistered(display, result);
            }
        }

        private void CollectRegistered(string display, List<SinkInfo> result)
        {
            foreach (var registration in _registrations.Value)
            {
                if (Resolver.OperationOf(registration) is IInvocationOperation call && ConnectorOf(call.TargetMethod.Name) is { } connector)
                {
                    AddConnector(connector, call.Arguments, call.Syntax.GetLocation(), display, result);
                }
            }
        }

        /// <summary>Connector registrations made on a builder local as statements (<c>builder.AddOpenAIChatCompletion(…)</c>, <c>builder.Services.Add…</c>).</summary>
        private IEnumerable<IInvocationOperation> RegistrationsOn(IOperation local)
        {
            foreach (var connector in Connectors)
            {
                foreach (var call in Resolver.CallsOnHolder(local, connector.Method))
                {
                    yield return call;
                }
            }
        }

        private void AddConnector(Connector connector, ImmutableArray<IArgumentOperation> arguments, Location registration, string display, List<SinkInfo> result)
        {
            var sinks = _ai.EndpointSinks;
            string? recipient = connector.DefaultPackage is { } package ? _ai.Sdk.PackageDefaults(package)?.Entry.Recipient : null;
            foreach (var argument in arguments)
            {
                if (!EndpointResolver.IsWritten(argument) || argument.Parameter is null)
                {
                    continue;
                }

                if (argument.Parameter.Name == connector.EndpointParameter)
                {
                    foreach (var value in Resolver.Strings(argument.Value))
                    {
                        var parsed = UrlText.Parse(value.Text, value.Complete);
                        result.Add(sinks.ForHost(SinkKind.Sdk, display, parsed.Host, parsed.IsServiceDiscovery, $"{connector.Method}({argument.Parameter.Name}) ← {value.ResolvedBy}", value.Location, recipient));
                    }

                    return;
                }

                if (argument.Parameter.Name == connector.ClientParameter && _ai.Sdk.ClientTargets(argument.Value) is { } client)
                {
                    foreach (var target in client.Targets)
                    {
                        var via = new EndpointTarget(target.Host, target.RegionCode, target.ServiceDiscovery, $"{connector.Method}({argument.Parameter.Name}) ← {target.ResolvedBy}", target.Location, target.RegionName);
                        result.Add(_ai.Sdk.SinkOf(client.Entry, via, display, argument.Value.Type));
                    }

                    return;
                }
            }

            if (connector.DefaultPackage is { } defaults && _ai.Sdk.PackageDefaults(defaults) is { } entry && entry.Targets.Count > 0)
            {
                foreach (var target in entry.Targets)
                {
                    var via = new EndpointTarget(target.Host, target.RegionCode, false, $"{connector.Method} without endpoint → {target.ResolvedBy}", registration, target.RegionName);
                    result.Add(_ai.Sdk.SinkOf(entry.Entry, via, display, null));
                }
            }
            else if (connector.DefaultHost is { } host)
            {
                result.Add(sinks.ForHost(SinkKind.Sdk, display, host, false, $"{connector.Method} without endpoint: default host", registration, null));
            }
        }

        private static Connector? ConnectorOf(string methodName)
        {
            foreach (var connector in Connectors)
            {
                if (connector.Method == methodName)
                {
                    return connector;
                }
            }

            return null;
        }

        private bool IsKernelish(ITypeSymbol? type) =>
            type is not null && (AiTypes.IsOrDerives(type, Types.Kernel) || AiTypes.IsOrDerives(type, Types.KernelBuilder) || AiTypes.IsOrDerives(type, Types.ChatCompletionService) ||
                                 type.Name is "KernelPluginCollection" or "IServiceCollection");

        private ImmutableArray<InvocationExpressionSyntax> FindRegistrations()
        {
            var builder = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
            if (!Types.HasKernel)
            {
                return builder.ToImmutable();
            }

            foreach (var tree in Resolver.Compilation.SyntaxTrees)
            {
                var text = tree.GetText().ToString();
                if (text.IndexOf("ChatCompletion", StringComparison.Ordinal) < 0 && text.IndexOf("ChatClient", StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                foreach (var node in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (CompilationIndex.MethodName(node) is { } name && ConnectorOf(name) is not null)
                    {
                        builder.Add(node);
                        if (builder.Count >= 16)
                        {
                            return builder.ToImmutable();
                        }
                    }
                }
            }

            return builder.ToImmutable();
        }
    }
}
