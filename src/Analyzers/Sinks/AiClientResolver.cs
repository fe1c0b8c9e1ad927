using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Model;
using Residency.Analyzers.Regions;

namespace Residency.Analyzers.Sinks
{
    /// <summary>
    /// Finds the provider behind a Microsoft.Extensions.AI client (<c>IChatClient</c>, <c>IEmbeddingGenerator</c>): the
    /// catalogued SDK client it was made from (<c>AsIChatClient()</c>, <c>new OllamaApiClient(uri)</c>), through
    /// decorators (<c>ChatClientBuilder</c>, <c>AsBuilder()</c>, <c>Use…()</c>, <c>Build()</c>, a delegating client given the
    /// inner one), locals, fields and properties, and for an injected client its registration in the compilation
    /// (<c>AddChatClient</c>, <c>AddEmbeddingGenerator</c>, keyed ones by key). A <c>[DataSink]</c> on the field, property
    /// or parameter holding the client states its region. Keeps syntax, never operation trees.
    /// </summary>
    internal sealed class AiClientResolver
    {
        private const int MaxDepth = 8;

        private readonly EndpointResolver _resolver;
        private readonly EndpointSinks _sinks;
        private readonly SdkSinkProvider _sdk;
        private readonly WellKnownTypes _wellKnown;
        private readonly ImmutableArray<ConfiguredSink> _configured;
        private readonly Lazy<ImmutableArray<Registration>> _registrations;

        public AiClientResolver(AiTypes types, WellKnownTypes wellKnown, EndpointResolver resolver, EndpointSinks sinks, SdkSinkProvider sdk)
        {
            Types = types;
            _wellKnown = wellKnown;
            _resolver = resolver;
            _sinks = sinks;
            _sdk = sdk;
            _configured = resolver.Project.User.Sinks;
            _registrations = new Lazy<ImmutableArray<Registration>>(FindRegistrations, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public AiTypes Types { get; }

        public EndpointResolver Resolver => _resolver;

        public EndpointSinks EndpointSinks => _sinks;

        public SdkSinkProvider Sdk => _sdk;

        /// <summary>The sinks a call through <paramref name="client"/> reaches (at least one; Unknown when nothing is found).</summary>
        public List<SinkInfo> Sinks(IOperation? client, AiService service, string display)
        {
            var result = new List<SinkInfo>();
            if (client is not null)
            {
                Collect(client, service, display, result, 0);
            }

            if (result.Count == 0)
            {
                var advice = HowToDeclare(service, client is null ? null : Describe(client));
                result.Add(_sinks.ForHost(SinkKind.Sdk, display, null, false, "the provider behind the abstraction was not found", null, null, hint: advice));
            }

            return result;
        }

        /// <summary>The RES003 hint for a client whose provider is not found: the registration, the annotation or the residency.json entry to add.</summary>
        public static string HowToDeclare(AiService service, string? what)
        {
            var (interfaceName, register) = service is AiService.Embedding or AiService.EmbeddingBuilder
                ? ("Microsoft.Extensions.AI.IEmbeddingGenerator`2", "AddEmbeddingGenerator(…)")
                : ("Microsoft.Extensions.AI.IChatClient", "AddChatClient(…)");
            return $"the provider behind {what ?? "the client"} is not known (no {register} registration or catalogued client found in this compilation): register it, "
                + $"or put [DataSink(\"<region>\", Recipient = \"<provider>\")] on the field, property or parameter that holds it, "
                + $"or add {{ \"method\": \"{interfaceName}.*\", \"region\": \"<region>\", \"recipient\": \"<provider>\" }} to \"sinks\" in residency.json";
        }

        private void Collect(IOperation operation, AiService service, string display, List<SinkInfo> result, int depth)
        {
            if (depth > MaxDepth || result.Count >= 8)
            {
                return;
            }

            var stripped = EndpointResolver.Strip(operation);
            switch (stripped)
            {
                case IInvocationOperation call:
                    CollectInvocation(call, service, display, result, depth);
                    return;

                case IObjectCreationOperation creation:
                    CollectCreation(creation, service, display, result, depth);
                    return;

                case ILocalReferenceOperation local:
                    foreach (var value in _resolver.LocalValues(local.Local))
                    {
                        Collect(value, service, display, result, depth + 1);
                    }

                    return;

                case IFieldReferenceOperation or IPropertyReferenceOperation:
                {
                    var member = ((IMemberReferenceOperation)stripped).Member;
                    if (Annotated(member, display) is { } annotated)
                    {
                        result.Add(annotated);
                        return;
                    }

                    var values = _resolver.MemberValues(member);
                    foreach (var value in values)
                    {
                        Collect(value, service, display, result, depth + 1);
                    }

                    if (values.IsEmpty)
                    {
                        CollectRegistered(service, null, display, result, depth);
                    }

                    return;
                }

                case IParameterReferenceOperation parameter:
                    if (Annotated(parameter.Parameter, display) is { } annotatedParameter)
                    {
                        result.Add(annotatedParameter);
                        return;
                    }

                    CollectRegistered(service, _resolver.ServiceKey(parameter.Parameter), display, result, depth);
                    return;
            }
        }

        private void CollectInvocation(IInvocationOperation call, AiService service, string display, List<SinkInfo> result, int depth)
        {
            var method = call.TargetMethod;
            var receiver = method.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : call.Instance;

            // chatClient.AsIChatClient(), openAi.GetEmbeddingClient(…).AsIEmbeddingGenerator(): the SDK client's endpoint.
            if (receiver is not null && Types.ServiceOf(receiver.Type) == AiService.None && _sdk.ClientTargets(receiver) is { } sdk)
            {
                AddTargets(sdk.Entry, sdk.Targets, display, result, receiver.Type);
                return;
            }

            // serviceProvider.GetRequiredService<IChatClient>() / GetRequiredKeyedService<IChatClient>("key").
            if (method.Name is "GetService" or "GetRequiredService" or "GetKeyedService" or "GetRequiredKeyedService")
            {
                string? key = null;
                if (method.Name.IndexOf("Keyed", StringComparison.Ordinal) >= 0)
                {
                    var keyArgument = call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "serviceKey");
                    key = keyArgument is null ? null : _resolver.Strings(EndpointResolver.Strip(keyArgument.Value)).FirstOrDefault(v => v.Complete)?.Text;
                }

                CollectRegistered(service, key, display, result, depth);
                return;
            }

            // Decorators keep the inner client's provider: builder.Use…(), builder.Build(), client.AsBuilder().
            if (receiver is not null && Types.ServiceOf(receiver.Type) != AiService.None)
            {
                Collect(receiver, service, display, result, depth + 1);
                return;
            }

            // A factory method of this compilation: what it returns.
            if (method.DeclaringSyntaxReferences.Length > 0 && !method.IsAbstract)
            {
                foreach (var returned in ReturnedValues(method))
                {
                    Collect(returned, service, display, result, depth + 1);
                }
            }
        }

        private void CollectCreation(IObjectCreationOperation creation, AiService service, string display, List<SinkInfo> result, int depth)
        {
            // new OllamaApiClient(uri): a catalogued client that implements the abstraction itself.
            if (_sdk.CreationTargets(creation) is { } sdk)
            {
                AddTargets(sdk.Entry, sdk.Targets, display, result, creation.Type);
                return;
            }

            // new ChatClientBuilder(inner), new MyDelegatingChatClient(inner): the inner client.
            bool found = false;
            foreach (var argument in creation.Arguments)
            {
                if (!EndpointResolver.IsWritten(argument))
                {
                    continue;
                }

                var kind = Types.ServiceOf(argument.Value.Type);
                if (kind is AiService.Chat or AiService.Embedding)
                {
                    found = true;
                    Collect(argument.Value, service, display, result, depth + 1);
                }
                else if (LambdaOf(argument.Value) is { } lambda)
                {
                    foreach (var returned in LambdaReturns(lambda))
                    {
                        if (Types.ServiceOf(returned.Type) is AiService.Chat or AiService.Embedding)
                        {
                            found = true;
                            Collect(returned, service, display, result, depth + 1);
                        }
                    }
                }
            }

            if (!found && creation.Type is { } type && type.DeclaringSyntaxReferences.Length > 0)
            {
                result.Add(_sinks.ForHost(SinkKind.Sdk, display, null, false, $"{type.Name} is an AI client of this compilation: annotate it with [DataSink(\"<region>\")] (or what it calls is analysed when called directly)", null, null));
            }
        }

        private void AddTargets(SdkEntry entry, List<EndpointTarget> targets, string display, List<SinkInfo> result, ITypeSymbol? clientType)
        {
            foreach (var target in targets)
            {
                result.Add(_sdk.SinkOf(entry, target, display, clientType));
            }

            if (targets.Count == 0)
            {
                result.Add(_sinks.ForHost(SinkKind.Sdk, display, null, false, $"{entry.Service ?? entry.Types.FirstOrDefault()}: endpoint not determined", null, entry.Recipient));
            }
        }

        // ------------------------------------------------------------ registrations

        /// <summary>One <c>AddChatClient</c>/<c>AddEmbeddingGenerator</c> (or keyed) call of the compilation, by syntax.</summary>
        private sealed class Registration
        {
            public Registration(AiService service, string? key, InvocationExpressionSyntax syntax)
            {
                Service = service;
                Key = key;
                Syntax = syntax;
            }

            public AiService Service { get; }

            public string? Key { get; }

            public InvocationExpressionSyntax Syntax { get; }
        }

        private static readonly ImmutableHashSet<string> RegistrationMethods = ImmutableHashSet.Create(
            "AddChatClient", "AddKeyedChatClient", "AddEmbeddingGenerator", "AddKeyedEmbeddingGenerator");

        private ImmutableArray<Registration> FindRegistrations()
        {
            var builder = ImmutableArray.CreateBuilder<Registration>();
            if (!Types.HasAbstractions)
            {
                return builder.ToImmutable();
            }

            foreach (var tree in _resolver.Compilation.SyntaxTrees)
            {
                var text = tree.GetText().ToString();
                if (text.IndexOf("AddChatClient", StringComparison.Ordinal) < 0 && text.IndexOf("AddKeyedChatClient", StringComparison.Ordinal) < 0 &&
                    text.IndexOf("AddEmbeddingGenerator", StringComparison.Ordinal) < 0 && text.IndexOf("AddKeyedEmbeddingGenerator", StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                foreach (var node in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var name = CompilationIndex.MethodName(node);
                    if (name is null || !RegistrationMethods.Contains(name) || _resolver.OperationOf(node) is not IInvocationOperation call)
                    {
                        continue;
                    }

                    var service = name.IndexOf("Chat", StringComparison.Ordinal) >= 0 ? AiService.Chat : AiService.Embedding;
                    builder.Add(new Registration(service, _resolver.RegistrationKey(call), node));
                    if (builder.Count >= 32)
                    {
                        return builder.ToImmutable();
                    }
                }
            }

            return builder.ToImmutable();
        }

        [ThreadStatic]
        private static int t_registrationDepth;

        private void CollectRegistered(AiService service, string? key, string display, List<SinkInfo> result, int depth)
        {
            var kind = service is AiService.Embedding or AiService.EmbeddingBuilder ? AiService.Embedding : AiService.Chat;
            if (t_registrationDepth > 2)
            {
                return; // a registration whose factory resolves another registration: bounded
            }

            t_registrationDepth++;
            try
            {
                foreach (var registration in _registrations.Value)
                {
                    if (registration.Service != kind || registration.Key != key || _resolver.OperationOf(registration.Syntax) is not IInvocationOperation call)
                    {
                        continue;
                    }

                    foreach (var argument in call.Arguments)
                    {
                        if (!EndpointResolver.IsWritten(argument) || argument.Parameter is null || argument.Parameter.Name == "serviceKey" || argument.Parameter.Ordinal == 0 && call.TargetMethod.IsExtensionMethod)
                        {
                            continue;
                        }

                        if (Types.ServiceOf(argument.Value.Type) is AiService.Chat or AiService.Embedding)
                        {
                            Collect(argument.Value, service, display, result, depth + 1);
                        }
                        else if (LambdaOf(argument.Value) is { } lambda)
                        {
                            foreach (var returned in LambdaReturns(lambda))
                            {
                                Collect(returned, service, display, result, depth + 1);
                            }
                        }
                    }
                }
            }
            finally
            {
                t_registrationDepth--;
            }

            if (result.Count == 0)
            {
                var configured = Configured(kind, display);
                if (configured is not null)
                {
                    result.Add(configured);
                }
            }
        }

        /// <summary>A residency.json <c>sinks</c> entry for the abstraction (<c>Microsoft.Extensions.AI.IChatClient.*</c>).</summary>
        private SinkInfo? Configured(AiService kind, string display)
        {
            var typeName = kind == AiService.Embedding ? "Microsoft.Extensions.AI.IEmbeddingGenerator`2" : "Microsoft.Extensions.AI.IChatClient";
            foreach (var sink in _configured)
            {
                if (sink.TypeName == typeName)
                {
                    return new SinkInfo(SinkKind.Configured, display, sink.Region, sink.Recipient, null, sink.Purpose, $"residency.json sinks: {sink.TypeName}.{sink.MethodName} (\"{sink.RegionText}\")");
                }
            }

            return null;
        }

        private SinkInfo? Annotated(ISymbol holder, string display)
        {
            if (_wellKnown.DataSink is null)
            {
                return null;
            }

            foreach (var attribute in holder.GetAttributes())
            {
                if (!WellKnownTypes.Is(attribute.AttributeClass, _wellKnown.DataSink))
                {
                    continue;
                }

                var regionText = PersonalDataClassifier.FirstStringArgument(attribute);
                var region = Region.TryParse(regionText, out var parsed) ? parsed : Region.Unknown;
                var location = attribute.ApplicationSyntaxReference is { } reference ? Location.Create(reference.SyntaxTree, reference.Span) : null;
                return new SinkInfo(SinkKind.Annotation, display, region, PersonalDataClassifier.NamedString(attribute, "Recipient"), null, PersonalDataClassifier.NamedString(attribute, "Purpose"), $"[DataSink(\"{regionText}\")] on {holder.Name}", location: location);
            }

            return null;
        }

        // ------------------------------------------------------------ helpers

        internal static IAnonymousFunctionOperation? LambdaOf(IOperation value)
        {
            while (value is IConversionOperation or IDelegateCreationOperation)
            {
                value = value is IConversionOperation c ? c.Operand : ((IDelegateCreationOperation)value).Target;
            }

            return value as IAnonymousFunctionOperation;
        }

        internal static IEnumerable<IOperation> LambdaReturns(IAnonymousFunctionOperation lambda)
        {
            foreach (var operation in lambda.Body.Descendants())
            {
                if (operation is IReturnOperation { ReturnedValue: { } value })
                {
                    yield return value;
                }
            }
        }

        private IEnumerable<IOperation> ReturnedValues(IMethodSymbol method)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                ExpressionSyntax? body = syntax switch
                {
                    MethodDeclarationSyntax m => m.ExpressionBody?.Expression,
                    LocalFunctionStatementSyntax f => f.ExpressionBody?.Expression,
                    _ => null,
                };
                if (body is not null)
                {
                    if (_resolver.OperationOf(body) is { } operation)
                    {
                        yield return operation;
                    }

                    continue;
                }

                foreach (var statement in syntax.DescendantNodes().OfType<ReturnStatementSyntax>())
                {
                    if (statement.Expression is { } expression && _resolver.OperationOf(expression) is { } returned)
                    {
                        yield return returned;
                    }
                }
            }
        }

        private static string Describe(IOperation client) => EndpointResolver.Strip(client) switch
        {
            IParameterReferenceOperation p => $"parameter '{p.Parameter.Name}'",
            IFieldReferenceOperation f => $"field '{f.Field.Name}'",
            IPropertyReferenceOperation p => $"property '{p.Property.Name}'",
            ILocalReferenceOperation l => $"local '{l.Local.Name}'",
            _ => "the client",
        };
    }
}
