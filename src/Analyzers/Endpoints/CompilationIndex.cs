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
    /// typed clients (and <c>AddRefitClient</c>'s of Refit interfaces), options types bound to configuration sections, creations of SDK clients, and SDK option values set
    /// anywhere. Built lazily on first need: syntax trees are filtered by text first (the names as whole identifiers,
    /// <see cref="NameInText"/>), only matching nodes are bound.
    /// </summary>
    internal sealed class CompilationIndex
    {
        private readonly EndpointResolver _resolver;
        // Everything here lives as long as the compilation: syntax only, never operations (docs/architecture.md). What
        // callers get is bound again through the weak model cache when they ask.
        private readonly Dictionary<string, List<SyntaxNode>> _named = new(StringComparer.Ordinal);
        private readonly Dictionary<INamedTypeSymbol, List<SyntaxNode>> _typed = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, List<SyntaxNode>> _refit = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<INamedTypeSymbol, List<string>> _options = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<SyntaxNode>> _creations = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, ImmutableArray<SyntaxNode>> _assignments = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, ImmutableArray<SyntaxNode>> _invocations = new(StringComparer.Ordinal);

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
                bool clients = NameInText.Contains(text, "AddHttpClient") || NameInText.Contains(text, "ConfigureHttpClient");
                bool options = NameInText.Contains(text, "Configure") || NameInText.Contains(text, "Bind") || NameInText.Contains(text, "BindConfiguration");
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
            _named.TryGetValue(name, out var values) ? _resolver.Bind(values.ToImmutableArray()) : Enumerable.Empty<IOperation>();

        public IEnumerable<IOperation> TypedClientBaseAddresses(INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (_typed.TryGetValue(t.OriginalDefinition, out var values))
                {
                    return _resolver.Bind(values.ToImmutableArray());
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (_typed.TryGetValue(@interface.OriginalDefinition, out var values))
                {
                    return _resolver.Bind(values.ToImmutableArray());
                }
            }

            return Enumerable.Empty<IOperation>();
        }

        /// <summary>
        /// The base addresses configured for a Refit interface's client: <c>AddRefitClient&lt;T&gt;()</c> (or
        /// <c>AddRefitClient(typeof(T))</c>) followed by <c>.ConfigureHttpClient(c =&gt; c.BaseAddress = …)</c>.
        /// </summary>
        public IEnumerable<IOperation> RefitClientBaseAddresses(INamedTypeSymbol type) =>
            _refit.TryGetValue(type.OriginalDefinition, out var values) ? _resolver.Bind(values.ToImmutableArray()) : Enumerable.Empty<IOperation>();

        /// <summary>
        /// Refit's DI registrations of an interface's client: <c>AddRefitClient</c>, <c>AddKeyedRefitClient</c>, and the
        /// source-generated forms <c>AddRefitGeneratedClient</c> and <c>AddKeyedRefitGeneratedClient</c> (the only ones in Refit 17).
        /// </summary>
        internal static bool IsRefitRegistration(string name) =>
            name is "AddRefitClient" or "AddKeyedRefitClient" or "AddRefitGeneratedClient" or "AddKeyedRefitGeneratedClient";

        /// <summary>The configuration sections an options type is bound to (<c>Configure&lt;T&gt;(config.GetSection("Crm"))</c>).</summary>
        public IEnumerable<string> OptionsSections(INamedTypeSymbol type) =>
            _options.TryGetValue(type.OriginalDefinition, out var sections) ? sections : Enumerable.Empty<string>();

        /// <summary>
        /// The configuration sections the options types that are, or derive from, the catalogue's
        /// <paramref name="optionsType"/> are bound to (<c>Configure&lt;ProducerConfig&gt;(section)</c> for Kafka's
        /// <c>ClientConfig</c>), in the order the bindings appear in the compilation.
        /// </summary>
        public IEnumerable<string> OptionsSectionsDerivedFrom(string optionsType)
        {
            foreach (var pair in _options)
            {
                if (_resolver.Types.DerivesFrom(pair.Key, optionsType))
                {
                    foreach (var section in pair.Value)
                    {
                        yield return section;
                    }
                }
            }
        }

        private void IndexHttpClient(InvocationExpressionSyntax node)
        {
            if (_resolver.OperationOf(node) is not IInvocationOperation invocation)
            {
                return;
            }

            // ConfigureHttpClient(builder, c => …): walk the builder chain back to AddHttpClient (or Refit's AddRefitClient).
            var lambdas = Lambdas(invocation).ToList();
            var add = invocation;
            for (int guard = 0; guard < 8 && add.TargetMethod.Name != "AddHttpClient" && !IsRefitRegistration(add.TargetMethod.Name); guard++)
            {
                var receiver = add.TargetMethod.IsExtensionMethod && add.Arguments.Length > 0 ? add.Arguments[0].Value : add.Instance;
                if (receiver is null || EndpointResolver.Strip(receiver) is not IInvocationOperation previous)
                {
                    return;
                }

                add = previous;
            }

            bool refit = IsRefitRegistration(add.TargetMethod.Name);
            if (add.TargetMethod.Name != "AddHttpClient" && !refit)
            {
                return;
            }

            var values = new List<SyntaxNode>();
            foreach (var lambda in lambdas)
            {
                foreach (var assignment in lambda.Descendants().OfType<ISimpleAssignmentOperation>())
                {
                    if (assignment.Target is IPropertyReferenceOperation { Property.Name: "BaseAddress" } target &&
                        EndpointTypes.Is(target.Property.ContainingType, _resolver.Types.HttpClient))
                    {
                        values.Add(assignment.Value.Syntax);
                    }
                }
            }

            if (values.Count == 0)
            {
                return;
            }

            if (refit)
            {
                // The client of a Refit interface: AddRefitClient<T>(…), AddRefitClient(typeof(T), …), or their keyed and
                // source-generated forms (AddKeyedRefitClient, AddRefitGeneratedClient, AddKeyedRefitGeneratedClient).
                var interfaces = add.TargetMethod.TypeArguments.OfType<INamedTypeSymbol>()
                    .Concat(add.Arguments.Select(a => EndpointResolver.Strip(a.Value)).OfType<ITypeOfOperation>().Select(t => t.TypeOperand).OfType<INamedTypeSymbol>())
                    .ToList();
                lock (_named)
                {
                    foreach (var type in interfaces)
                    {
                        Add(_refit, type.OriginalDefinition, values);
                    }
                }

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
                    if (_resolver.IsConfiguration(argument.Value.Type) && _resolver.SectionPath(argument.Value, 0) is { } path)
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
                        if (method.Name == "Bind" && _resolver.IsConfiguration(argument.Value.Type) && _resolver.SectionPath(argument.Value, 0) is { } path)
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

        private static void Add<TKey>(Dictionary<TKey, List<SyntaxNode>> map, TKey key, List<SyntaxNode> values)
            where TKey : notnull
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = new List<SyntaxNode>();
            }

            list.AddRange(values);
        }

        /// <summary>Every <c>new T(…)</c> of <paramref name="type"/> (or a type derived from it) in the compilation.</summary>
        public ImmutableArray<IObjectCreationOperation> CreationsOf(INamedTypeSymbol type) =>
            _resolver.Bind(_creations.GetOrAdd(type.OriginalDefinition, FindCreations)).OfType<IObjectCreationOperation>().ToImmutableArray();

        private ImmutableArray<SyntaxNode> FindCreations(INamedTypeSymbol t)
        {
            var builder = ImmutableArray.CreateBuilder<SyntaxNode>();
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
                        builder.Add(node);
                        if (builder.Count >= 8)
                        {
                            return builder.ToImmutable();
                        }
                    }
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>Every value assigned to <c>optionsType.property</c> anywhere (initializers and assignments; derived types count).</summary>
        public ImmutableArray<IOperation> AssignmentsTo(string optionsType, string property) =>
            _resolver.Bind(_assignments.GetOrAdd(optionsType + "." + property, _ => FindAssignments(optionsType, property)));

        private ImmutableArray<SyntaxNode> FindAssignments(string optionsType, string property)
        {
            var builder = ImmutableArray.CreateBuilder<SyntaxNode>();
            foreach (var tree in _resolver.Compilation.SyntaxTrees)
            {
                if (!NameInText.Contains(tree.GetText().ToString(), property))
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

                    if (assignment.Target is IPropertyReferenceOperation target && _resolver.Types.DerivesFrom(target.Property.ContainingType, optionsType) ||
                        assignment.Target is IPropertyReferenceOperation target2 && target2.Instance is { Type: { } instanceType } && _resolver.Types.DerivesFrom(instanceType, optionsType))
                    {
                        builder.Add(assignment.Value.Syntax);
                        if (builder.Count >= 8)
                        {
                            return builder.ToImmutable();
                        }
                    }
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>
        /// Every call of <paramref name="methodName"/> on (a type derived from) <paramref name="typeName"/> anywhere. None, without
        /// reading a tree, when the compilation does not reference the type (its package is not installed).
        /// </summary>
        public ImmutableArray<IInvocationOperation> InvocationsOf(string typeName, string methodName) =>
            _resolver.Types.Resolve(typeName).IsDefaultOrEmpty
                ? ImmutableArray<IInvocationOperation>.Empty
                : _resolver.Bind(_invocations.GetOrAdd(typeName + "." + methodName, _ => FindInvocations(typeName, methodName))).OfType<IInvocationOperation>().ToImmutableArray();

        /// <summary>Every call of a catalogue method named <c>Namespace.Type.Method</c> (see <see cref="InvocationsOf(string, string)"/>).</summary>
        public ImmutableArray<IInvocationOperation> InvocationsOf(string qualifiedMethod)
        {
            int dot = qualifiedMethod.LastIndexOf('.');
            return dot > 0 ? InvocationsOf(qualifiedMethod.Substring(0, dot), qualifiedMethod.Substring(dot + 1)) : ImmutableArray<IInvocationOperation>.Empty;
        }

        /// <summary>Whether the compilation references the type of a catalogue method named <c>Namespace.Type.Method</c>.</summary>
        public bool DeclaringTypeIsReferenced(string qualifiedMethod) => _resolver.Types.DeclaringTypeIsReferenced(qualifiedMethod);

        private ImmutableArray<SyntaxNode> FindInvocations(string typeName, string methodName)
        {
            var builder = ImmutableArray.CreateBuilder<SyntaxNode>();
            foreach (var tree in _resolver.Compilation.SyntaxTrees)
            {
                if (!NameInText.Contains(tree.GetText().ToString(), methodName))
                {
                    continue;
                }

                foreach (var node in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (MethodName(node) != methodName || _resolver.OperationOf(node) is not IInvocationOperation invocation)
                    {
                        continue;
                    }

                    if (_resolver.Types.DerivesFrom(invocation.TargetMethod.ContainingType, typeName))
                    {
                        builder.Add(node);
                        if (builder.Count >= 8)
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
