using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>
    /// Compilation-wide endpoint facts that live away from the call sites: <c>AddHttpClient</c> configuration of named and
    /// typed clients, options types bound to configuration sections, creations of SDK clients, and SDK option values set
    /// anywhere. Built lazily on first need: syntax trees are filtered by text first, only matching nodes are bound.
    /// </summary>
    internal sealed class CompilationIndex
    {
        private readonly EndpointResolver _resolver;
        private readonly Dictionary<string, List<IOperation>> _named = new(StringComparer.Ordinal);
        private readonly Dictionary<INamedTypeSymbol, List<IOperation>> _typed = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, List<string>> _options = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<IObjectCreationOperation>> _creations = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, ImmutableArray<IOperation>> _assignments = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, ImmutableArray<IInvocationOperation>> _invocations = new(StringComparer.Ordinal);

        private CompilationIndex(EndpointResolver resolver)
        {
            _resolver = resolver;
        }

        /// <summary>An index with no AddHttpClient or options entries (used while the real one is being built).</summary>
        public static CompilationIndex Empty(EndpointResolver resolver) => new(resolver);

        public static CompilationIndex Build(EndpointResolver resolver)
        {
            var index = new CompilationIndex(resolver);
            foreach (var tree in resolver.Compilation.SyntaxTrees)
            {
                var text = tree.GetText().ToString();
                bool clients = text.IndexOf("AddHttpClient", StringComparison.Ordinal) >= 0 || text.IndexOf("ConfigureHttpClient", StringComparison.Ordinal) >= 0;
                bool options = text.IndexOf("Configure", StringComparison.Ordinal) >= 0 || text.IndexOf("Bind", StringComparison.Ordinal) >= 0;
                if (!clients && !options)
                {
                    continue;
                }

                foreach (var node in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    var name = MethodName(node);
                    if (name is "AddHttpClient" or "ConfigureHttpClient")
                    {
                        index.IndexHttpClient(node);
                    }
                    else if (name is "Configure" or "Bind" or "BindConfiguration")
                    {
                        index.IndexOptions(node);
                    }
                }
            }

            return index;
        }

        internal static string? MethodName(InvocationExpressionSyntax node) => node.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax id => id.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

        public IEnumerable<IOperation> NamedClientBaseAddresses(string name) =>
            _named.TryGetValue(name, out var values) ? values : Enumerable.Empty<IOperation>();

        public IEnumerable<IOperation> TypedClientBaseAddresses(INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (_typed.TryGetValue(t.OriginalDefinition, out var values))
                {
                    return values;
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (_typed.TryGetValue(@interface.OriginalDefinition, out var values))
                {
                    return values;
                }
            }

            return Enumerable.Empty<IOperation>();
        }

        /// <summary>The configuration sections an options type is bound to (<c>Configure&lt;T&gt;(config.GetSection("Crm"))</c>).</summary>
        public IEnumerable<string> OptionsSections(INamedTypeSymbol type) =>
            _options.TryGetValue(type.OriginalDefinition, out var sections) ? sections : Enumerable.Empty<string>();

        private void IndexHttpClient(InvocationExpressionSyntax node)
        {
            if (_resolver.OperationOf(node) is not IInvocationOperation invocation)
            {
                return;
            }

            // ConfigureHttpClient(builder, c => …): walk the builder chain back to AddHttpClient.
            var lambdas = Lambdas(invocation).ToList();
            var add = invocation;
            for (int guard = 0; guard < 8 && add.TargetMethod.Name != "AddHttpClient"; guard++)
            {
                var receiver = add.TargetMethod.IsExtensionMethod && add.Arguments.Length > 0 ? add.Arguments[0].Value : add.Instance;
                if (receiver is null || EndpointResolver.Strip(receiver) is not IInvocationOperation previous)
                {
                    return;
                }

                add = previous;
            }

            if (add.TargetMethod.Name != "AddHttpClient")
            {
                return;
            }

            var values = new List<IOperation>();
            foreach (var lambda in lambdas)
            {
                foreach (var assignment in lambda.Descendants().OfType<ISimpleAssignmentOperation>())
                {
                    if (assignment.Target is IPropertyReferenceOperation { Property.Name: "BaseAddress" } target &&
                        EndpointResolver.IsType(target.Property.ContainingType, "System.Net.Http.HttpClient"))
                    {
                        values.Add(assignment.Value);
                    }
                }
            }

            if (values.Count == 0)
            {
                return;
            }

            lock (_named)
            {
                var nameArgument = add.Arguments.FirstOrDefault(a => a.Parameter?.Name == "name");
                if (nameArgument is not null)
                {
                    foreach (var name in _resolver.Strings(nameArgument.Value).Where(v => v.Complete))
                    {
                        Add(_named, name.Text, values);
                    }
                }

                foreach (var type in add.TargetMethod.TypeArguments.OfType<INamedTypeSymbol>())
                {
                    Add(_typed, type.OriginalDefinition, values);
                    Add(_named, type.Name, values);
                }
            }
        }

        private static IEnumerable<IAnonymousFunctionOperation> Lambdas(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value;
                while (value is IConversionOperation or IDelegateCreationOperation)
                {
                    value = value is IConversionOperation c ? c.Operand : ((IDelegateCreationOperation)value).Target;
                }

                if (value is IAnonymousFunctionOperation lambda)
                {
                    yield return lambda;
                }
            }
        }

        private void IndexOptions(InvocationExpressionSyntax node)
        {
            if (_resolver.OperationOf(node) is not IInvocationOperation invocation)
            {
                return;
            }

            var method = invocation.TargetMethod;
            INamedTypeSymbol? optionsType = null;
            var sections = new List<string>();
            if (method.Name == "Configure" && method.TypeArguments.Length == 1)
            {
                optionsType = method.TypeArguments[0] as INamedTypeSymbol;
                foreach (var argument in invocation.Arguments)
                {
                    if (EndpointResolver.IsConfiguration(argument.Value.Type) && _resolver.SectionPath(argument.Value, 0) is { } path)
                    {
                        sections.Add(path);
                    }
                }
            }
            else if (method.Name is "Bind" or "BindConfiguration")
            {
                var receiver = method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : invocation.Instance;
                if (receiver?.Type is INamedTypeSymbol { Name: "OptionsBuilder", TypeArguments.Length: 1 } builder)
                {
                    optionsType = builder.TypeArguments[0] as INamedTypeSymbol;
                    foreach (var argument in invocation.Arguments.Skip(method.IsExtensionMethod ? 1 : 0))
                    {
                        if (method.Name == "Bind" && EndpointResolver.IsConfiguration(argument.Value.Type) && _resolver.SectionPath(argument.Value, 0) is { } path)
                        {
                            sections.Add(path);
                        }
                        else if (method.Name == "BindConfiguration" && argument.Value.Type?.SpecialType == SpecialType.System_String)
                        {
                            sections.AddRange(_resolver.Strings(argument.Value).Where(v => v.Complete).Select(v => v.Text));
                        }
                    }
                }
            }

            if (optionsType is null || sections.Count == 0)
            {
                return;
            }

            lock (_named)
            {
                if (!_options.TryGetValue(optionsType.OriginalDefinition, out var list))
                {
                    _options[optionsType.OriginalDefinition] = list = new List<string>();
                }

                list.AddRange(sections.Where(s => s.Length > 0 && !list.Contains(s, StringComparer.OrdinalIgnoreCase)));
            }
        }

        private static void Add<TKey>(Dictionary<TKey, List<IOperation>> map, TKey key, List<IOperation> values)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = new List<IOperation>();
            }

            list.AddRange(values);
        }

        /// <summary>Every <c>new T(…)</c> of <paramref name="type"/> (or a type derived from it) in the compilation.</summary>
        public ImmutableArray<IObjectCreationOperation> CreationsOf(INamedTypeSymbol type) => _creations.GetOrAdd(type.OriginalDefinition, t =>
        {
            var builder = ImmutableArray.CreateBuilder<IObjectCreationOperation>();
            foreach (var tree in _resolver.Compilation.SyntaxTrees)
            {
                if (tree.GetText().ToString().IndexOf(t.Name, StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                foreach (var node in tree.GetRoot().DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
                {
                    if (node is ObjectCreationExpressionSyntax explicitCreation && !explicitCreation.Type.ToString().EndsWith(t.Name, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (_resolver.OperationOf(node) is IObjectCreationOperation creation && SymbolEqualityComparer.Default.Equals(creation.Type?.OriginalDefinition, t))
                    {
                        builder.Add(creation);
                        if (builder.Count >= 8)
                        {
                            return builder.ToImmutable();
                        }
                    }
                }
            }

            return builder.ToImmutable();
        });

        /// <summary>Every value assigned to <c>optionsType.property</c> anywhere (initializers and assignments; derived types count).</summary>
        public ImmutableArray<IOperation> AssignmentsTo(string optionsType, string property) => _assignments.GetOrAdd(optionsType + "." + property, _ =>
        {
            var builder = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var tree in _resolver.Compilation.SyntaxTrees)
            {
                if (tree.GetText().ToString().IndexOf(property, StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                foreach (var node in tree.GetRoot().DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    var name = node.Left switch
                    {
                        IdentifierNameSyntax id => id.Identifier.ValueText,
                        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                        _ => null,
                    };
                    if (name != property || _resolver.OperationOf(node) is not ISimpleAssignmentOperation assignment)
                    {
                        continue;
                    }

                    if (assignment.Target is IPropertyReferenceOperation target && DerivesFrom(target.Property.ContainingType, optionsType) ||
                        assignment.Target is IPropertyReferenceOperation target2 && target2.Instance is { Type: { } instanceType } && DerivesFrom(instanceType, optionsType))
                    {
                        builder.Add(assignment.Value);
                        if (builder.Count >= 8)
                        {
                            return builder.ToImmutable();
                        }
                    }
                }
            }

            return builder.ToImmutable();
        });

        /// <summary>Every call of <paramref name="methodName"/> on (a type derived from) <paramref name="typeName"/> anywhere.</summary>
        public ImmutableArray<IInvocationOperation> InvocationsOf(string typeName, string methodName) => _invocations.GetOrAdd(typeName + "." + methodName, _ =>
        {
            var builder = ImmutableArray.CreateBuilder<IInvocationOperation>();
            foreach (var tree in _resolver.Compilation.SyntaxTrees)
            {
                if (tree.GetText().ToString().IndexOf(methodName, StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                foreach (var node in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (MethodName(node) != methodName || _resolver.OperationOf(node) is not IInvocationOperation invocation)
                    {
                        continue;
                    }

                    if (DerivesFrom(invocation.TargetMethod.ContainingType, typeName))
                    {
                        builder.Add(invocation);
                        if (builder.Count >= 8)
                        {
                            return builder.ToImmutable();
                        }
                    }
                }
            }

            return builder.ToImmutable();
        });

        internal static bool DerivesFrom(ITypeSymbol? type, string metadataName)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (EndpointResolver.MetadataName(t) == metadataName)
                {
                    return true;
                }
            }

            return type?.AllInterfaces.Any(i => EndpointResolver.MetadataName(i) == metadataName) ?? false;
        }
    }
}
