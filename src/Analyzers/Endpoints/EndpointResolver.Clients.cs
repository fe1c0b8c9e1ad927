using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>What an object property was set to (object initializers, later assignments), an HTTP client's base address and registered names, and the keys of keyed DI registrations.</summary>
    internal sealed partial class EndpointResolver
    {
        /// <summary>The key of an injected parameter's <c>[FromKeyedServices(key)]</c>, or null (not keyed).</summary>
        public string? ServiceKey(IParameterSymbol parameter)
        {
            var attributeType = Types.Resolve("Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute");
            if (attributeType.IsDefaultOrEmpty)
            {
                return null;
            }

            foreach (var attribute in parameter.GetAttributes())
            {
                if (EndpointTypes.Is(attribute.AttributeClass, attributeType) && attribute.ConstructorArguments.Length > 0)
                {
                    return attribute.ConstructorArguments[0].Value?.ToString();
                }
            }

            return null;
        }

        /// <summary>
        /// The service key of a keyed DI registration (<c>AddKeyedSingleton("eu", …)</c>, <c>AddKeyedChatClient("eu", …)</c>):
        /// its <c>serviceKey</c> argument's text, <c>"?"</c> when it is not a constant; null for a call that is not a keyed registration.
        /// </summary>
        public string? RegistrationKey(IInvocationOperation call)
        {
            if (call.TargetMethod.Name.IndexOf("Keyed", StringComparison.Ordinal) < 0)
            {
                return null;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Name == "serviceKey")
                {
                    return Strings(Strip(argument.Value)).FirstOrDefault(v => v.Complete)?.Text ?? "?";
                }
            }

            return null;
        }

        /// <summary>
        /// The values assigned to <paramref name="propertyName"/> of the object an expression evaluates to: object
        /// initializers of its creations and <c>x.Property = value</c> where <c>x</c> is the same local, field or property.
        /// </summary>
        public List<IOperation> PropertyValues(IOperation? objectOperation, string propertyName, int depth = 0)
        {
            var result = new List<IOperation>();
            if (objectOperation is null || depth > MaxDepth)
            {
                return result;
            }

            var operation = Strip(objectOperation);
            switch (operation)
            {
                case IObjectCreationOperation creation:
                    if (creation.Initializer is { } initializer)
                    {
                        foreach (var item in initializer.Initializers)
                        {
                            if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment && target.Property.Name == propertyName)
                            {
                                result.Add(assignment.Value);
                            }
                        }
                    }

                    break;
                case ILocalReferenceOperation local:
                    foreach (var value in LocalValues(local.Local))
                    {
                        result.AddRange(PropertyValues(value, propertyName, depth + 1));
                    }

                    foreach (var scope in Scopes(local.Local))
                    {
                        AddPropertyAssignments(scope, local.Local, propertyName, result);
                    }

                    break;
                case IFieldReferenceOperation or IPropertyReferenceOperation:
                {
                    var member = ((IMemberReferenceOperation)operation).Member.OriginalDefinition;
                    foreach (var value in MemberValues(member))
                    {
                        result.AddRange(PropertyValues(value, propertyName, depth + 1));
                    }

                    if (member.ContainingType is { } type)
                    {
                        foreach (var reference in type.DeclaringSyntaxReferences)
                        {
                            AddPropertyAssignments(reference.GetSyntax(), member, propertyName, result);
                        }
                    }

                    break;
                }

                case IInvocationOperation invocation when FluentReceiver(invocation) is { } receiver:
                    // Fluent options (options.WithX(...), request.AddJsonBody(body): a call that returns what it is made on): the receiver's values.
                    result.AddRange(PropertyValues(receiver, propertyName, depth + 1));
                    break;
            }

            return result;
        }

        /// <summary>
        /// The operations an object expression can be made by: itself, or what the local, field or property it reads is
        /// assigned (<c>var options = ConfigurationOptions.Parse(text)</c>).
        /// </summary>
        public List<IOperation> MadeBy(IOperation? objectOperation, int depth = 0)
        {
            var result = new List<IOperation>();
            if (objectOperation is null || depth > MaxDepth)
            {
                return result;
            }

            var operation = Strip(objectOperation);
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    foreach (var value in LocalValues(local.Local))
                    {
                        result.AddRange(MadeBy(value, depth + 1));
                    }

                    break;
                case IFieldReferenceOperation or IPropertyReferenceOperation:
                    foreach (var value in MemberValues(((IMemberReferenceOperation)operation).Member.OriginalDefinition))
                    {
                        result.AddRange(MadeBy(value, depth + 1));
                    }

                    break;
                default:
                    result.Add(operation);
                    break;
            }

            return result;
        }

        /// <summary>
        /// The items added to a collection property of an object (the first argument of each <c>Add</c>): a collection
        /// initializer in its creation (<c>new ConfigurationOptions { EndPoints = { "cache:6380" } }</c>, <c>{ { "cache", 6380 } }</c>)
        /// and <c>x.Property.Add(item, …)</c> on the same local in its method.
        /// </summary>
        public List<IOperation> CollectionItems(IOperation? objectOperation, string propertyName)
        {
            var result = new List<IOperation>();
            foreach (var made in MadeBy(objectOperation))
            {
                if (made is IObjectCreationOperation { Initializer: { } initializer })
                {
                    foreach (var item in initializer.Initializers)
                    {
                        if (item is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation target, Initializer: { } collection } && target.Property.Name == propertyName)
                        {
                            foreach (var add in collection.Initializers.OfType<IInvocationOperation>())
                            {
                                AddFirstArgument(add, result);
                            }
                        }
                    }
                }
            }

            if (objectOperation is not null && Strip(objectOperation) is ILocalReferenceOperation local)
            {
                foreach (var scope in Scopes(local.Local))
                {
                    foreach (var node in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
                    {
                        if (node.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax holder } inner } &&
                            inner.Name.Identifier.ValueText == propertyName && holder.Identifier.ValueText == local.Local.Name &&
                            OperationOf(node) is IInvocationOperation { Instance: IPropertyReferenceOperation { Instance: ILocalReferenceOperation owner } } add &&
                            SymbolEqualityComparer.Default.Equals(owner.Local, local.Local))
                        {
                            AddFirstArgument(add, result);
                        }
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// The items of a sequence value, as it is made: an array (<c>new[] { a, b }</c>), a collection expression
        /// (<c>[a, b]</c>; a spread <c>..more</c> is not followed), a collection initializer (<c>new List&lt;Uri&gt; { a, b }</c>),
        /// and <c>list.Add(item)</c> on the local holding it in its method. Empty for anything else.
        /// </summary>
        public List<IOperation> SequenceItems(IOperation? value)
        {
            var result = new List<IOperation>();
            if (value is null)
            {
                return result;
            }

            foreach (var made in MadeBy(value))
            {
                switch (made)
                {
                    case IArrayCreationOperation { Initializer: { } array }:
                        result.AddRange(array.ElementValues);
                        break;
                    case IObjectCreationOperation { Initializer: { } initializer }:
                        foreach (var add in initializer.Initializers.OfType<IInvocationOperation>())
                        {
                            AddFirstArgument(add, result);
                        }

                        break;
                    case { Syntax: CollectionExpressionSyntax collection }:
                        // ICollectionExpressionOperation is newer than the Roslyn we build against: its children are its elements.
                        foreach (var element in made.ChildOperations)
                        {
                            if (element.Syntax is ExpressionSyntax && element.Syntax.Parent is ExpressionElementSyntax)
                            {
                                result.Add(element);
                            }
                        }

                        break;
                }
            }

            if (Strip(value) is ILocalReferenceOperation local)
            {
                foreach (var scope in Scopes(local.Local))
                {
                    foreach (var node in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
                    {
                        if (node.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add", Expression: IdentifierNameSyntax holder } &&
                            holder.Identifier.ValueText == local.Local.Name &&
                            OperationOf(node) is IInvocationOperation { Instance: ILocalReferenceOperation owner } add &&
                            SymbolEqualityComparer.Default.Equals(owner.Local, local.Local))
                        {
                            AddFirstArgument(add, result);
                        }
                    }
                }
            }

            return result.Count <= MaxValues ? result : result.GetRange(0, MaxValues);
        }

        /// <summary>Whether a value of this type is a sequence of items (an array or an <c>IEnumerable&lt;T&gt;</c>), a string not being one.</summary>
        public static bool IsSequence(ITypeSymbol? type) =>
            type is IArrayTypeSymbol ||
            (type is { SpecialType: not SpecialType.System_String } &&
             (type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T ||
              type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)));

        private static void AddFirstArgument(IInvocationOperation add, List<IOperation> result)
        {
            if (add.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is { } first)
            {
                result.Add(first.Value);
            }
        }

        /// <summary>The member, local function or lambda a local is declared in: where its assignments and calls are looked for.</summary>
        private static IEnumerable<SyntaxNode> Scopes(ILocalSymbol local)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                var scope = reference.GetSyntax().Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
                if (scope is not null)
                {
                    yield return scope;
                }
            }
        }

        /// <summary>
        /// The values assigned to <paramref name="propertyName"/> of <paramref name="holder"/> (a lambda's parameter) in the
        /// body of <paramref name="function"/>: <c>o =&gt; o.BaseUrl = new Uri(…)</c>, <c>o =&gt; { o.BaseUrl = …; }</c>.
        /// </summary>
        public List<IOperation> AssignedInBody(IAnonymousFunctionOperation function, ISymbol holder, string propertyName)
        {
            var result = new List<IOperation>();
            AddPropertyAssignments(function.Syntax, holder, propertyName, result);
            return result;
        }

        private void AddPropertyAssignments(SyntaxNode scope, ISymbol holder, string propertyName, List<IOperation> result)
        {
            foreach (var assignment in scope.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (result.Count >= MaxValues)
                {
                    return;
                }

                if (assignment.Left is not MemberAccessExpressionSyntax access || access.Name.Identifier.ValueText != propertyName)
                {
                    continue;
                }

                var holderName = access.Expression switch
                {
                    IdentifierNameSyntax id => id.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } inner => inner.Name.Identifier.ValueText,
                    _ => null,
                };
                if (holderName != holder.Name)
                {
                    continue;
                }

                var model = Model(assignment.SyntaxTree);
                if (model is null || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access.Expression).Symbol?.OriginalDefinition, holder))
                {
                    continue;
                }

                if (OperationOf(assignment.Right) is { } value)
                {
                    result.Add(value);
                }
            }
        }

        /// <summary>The base addresses of an HttpClient expression: its own BaseAddress, else the typed or named client's configuration.</summary>
        public List<EndpointValue> BaseAddress(IOperation? client, int depth = 0)
        {
            var result = new List<EndpointValue>();
            if (client is null || depth > MaxDepth)
            {
                return result;
            }

            foreach (var value in PropertyValues(client, "BaseAddress", depth))
            {
                result.AddRange(Strings(value, depth + 1));
            }

            if (result.Count > 0)
            {
                return Cap(result);
            }

            // factory.CreateClient("name"), directly or through a local or field.
            foreach (var name in ClientNames(client, depth))
            {
                foreach (var value in Index.NamedClientBaseAddresses(name))
                {
                    result.AddRange(Strings(value, depth + 1));
                }
            }

            if (result.Count > 0)
            {
                return Cap(result);
            }

            // An injected HttpClient in a typed client (AddHttpClient<TClient>(c => c.BaseAddress = …)).
            var stripped = Strip(client);
            if (stripped is IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation or ILocalReferenceOperation &&
                EnclosingType(client) is { } type)
            {
                foreach (var value in Index.TypedClientBaseAddresses(type))
                {
                    result.AddRange(Strings(value, depth + 1));
                }
            }

            return Cap(result);
        }

        private IEnumerable<string> ClientNames(IOperation client, int depth)
        {
            var operation = Strip(client);
            if (depth > MaxDepth)
            {
                yield break;
            }

            if (operation is IInvocationOperation { TargetMethod.Name: "CreateClient" } invocation)
            {
                var nameArgument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "name");
                if (nameArgument is null || !IsWritten(nameArgument))
                {
                    yield return string.Empty;
                    yield break;
                }

                foreach (var value in Strings(nameArgument.Value, depth + 1))
                {
                    if (value.Complete)
                    {
                        yield return value.Text;
                    }
                }

                yield break;
            }

            var values = operation switch
            {
                ILocalReferenceOperation local => LocalValues(local.Local),
                IMemberReferenceOperation member => MemberValues(member.Member),
                _ => ImmutableArray<IOperation>.Empty,
            };
            foreach (var value in values)
            {
                foreach (var name in ClientNames(value, depth + 1))
                {
                    yield return name;
                }
            }
        }
    }
}
