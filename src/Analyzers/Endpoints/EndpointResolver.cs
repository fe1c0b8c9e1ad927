using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Residency.Analyzers.Endpoints
{
    /// <summary>
    /// Follows endpoint expressions (URLs, base addresses, configuration keys, SDK options) back to the values they
    /// can take, on the original (non-CFG) operation trees. Flow-insensitive within a method or type: every
    /// assignment of a local, field or property counts. Bounded in depth and fan-out; memoised per symbol.
    /// </summary>
    internal sealed class EndpointResolver
    {
        private const int MaxDepth = 10;
        private const int MaxValues = 8;

        private readonly Compilation _compilation;
        private readonly SemanticModels _models;
        private readonly ProjectEndpoints _project;
        // Syntax, not operations: nothing kept for the whole compilation may hold an operation tree (docs/architecture.md).
        // The values are bound again, through the weak model cache, each time they are asked for.
        private readonly ConcurrentDictionary<ISymbol, ImmutableArray<SyntaxNode>> _memberValues = new(SymbolEqualityComparer.Default);
        private readonly Lazy<CompilationIndex> _index;
        private readonly CompilationIndex _emptyIndex;

        public EndpointResolver(Compilation compilation, SemanticModels models, ProjectEndpoints project)
        {
            _compilation = compilation;
            _models = models;
            _project = project;
            Types = new EndpointTypes(compilation);
            _index = new Lazy<CompilationIndex>(BuildIndex, LazyThreadSafetyMode.ExecutionAndPublication);
            _emptyIndex = CompilationIndex.Empty(this);
        }

        public Compilation Compilation => _compilation;

        /// <summary>The types endpoint resolution compares against, as symbols of this compilation.</summary>
        public EndpointTypes Types { get; }

        public ProjectEndpoints Project => _project;

        /// <summary>
        /// The compilation index. While it is being built (its values are resolved with this resolver), lookups on the
        /// building thread see an empty index instead of re-entering the lazy initialisation.
        /// </summary>
        internal CompilationIndex Index => t_building ? _emptyIndex : _index.Value;

        [ThreadStatic]
        private static bool t_building;

        private CompilationIndex BuildIndex()
        {
            bool outer = t_building;
            t_building = true;
            try
            {
                return CompilationIndex.Build(this);
            }
            finally
            {
                t_building = outer;
            }
        }

        internal SemanticModel? Model(SyntaxTree tree) => _models.Get(tree);

        /// <summary>The operation of <paramref name="node"/> in the original tree (control-flow graphs rewrite theirs).</summary>
        internal IOperation? OperationOf(SyntaxNode node)
        {
            try
            {
                return Model(node.SyntaxTree)?.GetOperation(node);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        internal static IOperation Strip(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    case IAwaitOperation await:
                        operation = await.Operation;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        // ---------------------------------------------------------------- strings

        /// <summary>The string (or Uri) values an expression can take.</summary>
        public List<EndpointValue> Strings(IOperation? operation, int depth = 0)
        {
            var result = new List<EndpointValue>();
            if (operation is null || depth > MaxDepth)
            {
                return result;
            }

            if (operation.ConstantValue.HasValue)
            {
                if (operation.ConstantValue.Value is string constant)
                {
                    result.Add(new EndpointValue(constant, true, DescribeConstant(operation), ConstantLocation(operation)));
                }

                return result;
            }

            operation = Strip(operation);
            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    return Concatenate(interpolated.Parts.Select(p => p switch
                    {
                        IInterpolatedStringTextOperation text => (IOperation)text.Text,
                        IInterpolationOperation interpolation when interpolation.Alignment is null && interpolation.FormatString is null => interpolation.Expression,
                        _ => p,
                    }).ToList(), depth);

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    return Concatenate(new List<IOperation> { binary.LeftOperand, binary.RightOperand }, depth);

                case ICoalesceOperation coalesce:
                    result.AddRange(Strings(coalesce.Value, depth + 1));
                    result.AddRange(Strings(coalesce.WhenNull, depth + 1));
                    return Cap(result);

                case IConditionalOperation conditional:
                    result.AddRange(Strings(conditional.WhenTrue, depth + 1));
                    result.AddRange(Strings(conditional.WhenFalse, depth + 1));
                    return Cap(result);

                case ILocalReferenceOperation local:
                    return ValuesOf(local.Local, LocalValues(local.Local), depth);

                case IObjectCreationOperation creation when EndpointTypes.Is(creation.Type, Types.Uri):
                    return UriCreation(creation, depth);

                case IPropertyReferenceOperation property:
                    return PropertyStrings(property, depth);

                case IFieldReferenceOperation field:
                    return ValuesOf(field.Field.OriginalDefinition, MemberValues(field.Field), depth);

                case IInvocationOperation invocation:
                    return InvocationStrings(invocation, depth);
            }

            return result;
        }

        private List<EndpointValue> Concatenate(List<IOperation> parts, int depth)
        {
            var acc = new List<EndpointValue>();
            bool first = true;
            foreach (var part in parts)
            {
                var values = part is ILiteralOperation { ConstantValue: { HasValue: true, Value: string literal } }
                    ? new List<EndpointValue> { new(literal, true, "literal", null) }
                    : Strings(part, depth + 1);
                if (values.Count == 0)
                {
                    // The rest is not known: keep the prefix.
                    return first ? acc : acc.Select(a => a.With(a.Text, false)).ToList();
                }

                if (first)
                {
                    acc = values;
                    first = false;
                }
                else
                {
                    var next = new List<EndpointValue>();
                    foreach (var a in acc)
                    {
                        if (!a.Complete)
                        {
                            next.Add(a);
                            continue;
                        }

                        foreach (var v in values)
                        {
                            // The description of the part that decides the host (usually the first) wins.
                            var by = a.ResolvedBy == "literal" && a.Text.IndexOf("://", StringComparison.Ordinal) < 0 ? v.ResolvedBy : a.ResolvedBy;
                            next.Add(new EndpointValue(a.Text + v.Text, v.Complete, by, a.Location ?? v.Location));
                        }
                    }

                    acc = Cap(next);
                }

                if (acc.All(a => !a.Complete))
                {
                    return acc;
                }
            }

            return acc;
        }

        private static List<EndpointValue> Cap(List<EndpointValue> values)
        {
            if (values.Count <= MaxValues)
            {
                return values;
            }

            return values.Take(MaxValues).ToList();
        }

        private List<EndpointValue> UriCreation(IObjectCreationOperation creation, int depth)
        {
            var arguments = creation.Arguments;
            if (arguments.Length >= 2 && EndpointTypes.Is(arguments[0].Value.Type, Types.Uri))
            {
                // new Uri(baseUri, relative)
                return CombineWithBase(Strings(arguments[0].Value, depth + 1), Strings(arguments[1].Value, depth + 1));
            }

            return arguments.Length >= 1 ? Strings(arguments[0].Value, depth + 1) : new List<EndpointValue>();
        }

        /// <summary>Request URIs against base addresses: an absolute request wins, a relative one is appended.</summary>
        public static List<EndpointValue> CombineWithBase(List<EndpointValue> bases, List<EndpointValue> relatives)
        {
            var result = new List<EndpointValue>();
            if (relatives.Count == 0)
            {
                return bases.Select(b => b.With(b.Text, false)).ToList();
            }

            foreach (var relative in relatives)
            {
                if (UrlText.Parse(relative.Text, relative.Complete).IsAbsolute)
                {
                    result.Add(relative);
                    continue;
                }

                foreach (var b in bases)
                {
                    result.Add(b.Complete ? b.With(UrlText.Combine(b.Text, relative.Text), relative.Complete) : b);
                }
            }

            return Cap(result);
        }

        private List<EndpointValue> PropertyStrings(IPropertyReferenceOperation property, int depth)
        {
            var result = new List<EndpointValue>();
            var symbol = property.Property;
            var containing = symbol.ContainingType;

            // configuration["Key"]
            if (symbol.IsIndexer && IsConfiguration(property.Instance?.Type) && property.Arguments.Length == 1)
            {
                return Configuration(property.Instance!, property.Arguments[0].Value, null, depth);
            }

            // configuration.GetSection("Key").Value
            if (symbol.Name == "Value" && IsConfiguration(containing) && property.Instance is { } section)
            {
                var path = SectionPath(section, depth);
                return path is null ? result : ConfigLookup(path);
            }

            // client.BaseAddress
            if (symbol.Name == "BaseAddress" && EndpointTypes.Is(containing, Types.HttpClient) && property.Instance is { } client)
            {
                return BaseAddress(client, depth + 1);
            }

            // uri.AbsoluteUri, uri.OriginalString
            if (EndpointTypes.Is(containing, Types.Uri) && symbol.Name is "AbsoluteUri" or "OriginalString" && property.Instance is { } uri)
            {
                return Strings(uri, depth + 1);
            }

            // options.Value.Endpoint where the options type is bound from a configuration section.
            if (containing is not null && property.Instance is not null)
            {
                foreach (var sectionKey in Index.OptionsSections(containing))
                {
                    result.AddRange(ConfigLookup(sectionKey + ":" + symbol.Name));
                }

                if (result.Count > 0)
                {
                    return Cap(result);
                }
            }

            return ValuesOf(symbol.OriginalDefinition, MemberValues(symbol), depth);
        }

        [ThreadStatic]
        private static HashSet<ISymbol>? t_active;

        /// <summary>
        /// The strings of every value assigned to a symbol. A symbol already being resolved on this thread is a cycle
        /// (<c>url = url + "/x"</c>): it contributes nothing, which keeps the work linear.
        /// </summary>
        private List<EndpointValue> ValuesOf(ISymbol symbol, ImmutableArray<IOperation> values, int depth)
        {
            var result = new List<EndpointValue>();
            var active = t_active ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            if (!active.Add(symbol))
            {
                return result;
            }

            try
            {
                foreach (var value in values)
                {
                    result.AddRange(Strings(value, depth + 1));
                }
            }
            finally
            {
                active.Remove(symbol);
            }

            return Cap(result);
        }

        private List<EndpointValue> InvocationStrings(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            var receiver = method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : invocation.Instance;
            var firstArgument = method.IsExtensionMethod ? 1 : 0;

            if (IsConfiguration(receiver?.Type) && invocation.Arguments.Length > firstArgument)
            {
                var keyArgument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "key" || a.Parameter?.Name == "name")?.Value;
                switch (method.Name)
                {
                    case "GetValue" when keyArgument is not null:
                        return Configuration(receiver!, keyArgument, null, depth);
                    case "GetConnectionString" when keyArgument is not null:
                        return Configuration(receiver!, keyArgument, "ConnectionStrings:", depth);
                }
            }

            if (method.Name == "ToString" && invocation.Arguments.Length == 0 && invocation.Instance is { } instance &&
                (EndpointTypes.Is(instance.Type, Types.Uri) || instance.Type?.SpecialType == SpecialType.System_String))
            {
                return Strings(instance, depth + 1);
            }

            if (method.Name == "Concat" && method.ContainingType?.SpecialType == SpecialType.System_String)
            {
                return Concatenate(invocation.Arguments.Select(a => a.Value).ToList(), depth);
            }

            // A method of this compilation that returns one expression (string Url() => "https://…").
            if (method.DeclaringSyntaxReferences.Length == 1 && method.Parameters.Length == 0 &&
                method.DeclaringSyntaxReferences[0].GetSyntax() is MethodDeclarationSyntax { ExpressionBody: { } body })
            {
                return Strings(OperationOf(body.Expression), depth + 1);
            }

            return new List<EndpointValue>();
        }

        // ---------------------------------------------------------------- configuration

        internal bool IsConfiguration(ITypeSymbol? type) => Types.IsConfiguration(type);

        private List<EndpointValue> Configuration(IOperation receiver, IOperation keyOperation, string? prefix, int depth)
        {
            var result = new List<EndpointValue>();
            var section = SectionPath(receiver, depth);
            if (section is null)
            {
                return result;
            }

            foreach (var key in Strings(keyOperation, depth + 1))
            {
                if (!key.Complete)
                {
                    continue;
                }

                var full = (section.Length > 0 ? section + ":" : string.Empty) + (prefix ?? string.Empty) + key.Text;
                result.AddRange(ConfigLookup(full));
            }

            return Cap(result);
        }

        /// <summary>The section path of a configuration object: "" for the root, <c>A:B</c> for <c>GetSection("A:B")</c>.</summary>
        internal string? SectionPath(IOperation? operation, int depth)
        {
            if (operation is null || depth > MaxDepth)
            {
                return null;
            }

            operation = Strip(operation);
            if (operation is IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } invocation)
            {
                var method = invocation.TargetMethod;
                var receiver = method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : invocation.Instance;
                var keyArgument = invocation.Arguments.LastOrDefault()?.Value;
                var parent = SectionPath(receiver, depth + 1);
                var keys = Strings(keyArgument, depth + 1);
                if (parent is null || keys.Count != 1 || !keys[0].Complete)
                {
                    return null;
                }

                return parent.Length == 0 ? keys[0].Text : parent + ":" + keys[0].Text;
            }

            if (operation is ILocalReferenceOperation local)
            {
                var values = LocalValues(local.Local);
                return values.Length == 1 ? SectionPath(values[0], depth + 1) : (IsConfiguration(local.Type) && !IsSection(local.Type) ? string.Empty : null);
            }

            if (IsConfiguration(operation.Type) && !IsSection(operation.Type))
            {
                return string.Empty; // builder.Configuration, an injected IConfiguration
            }

            if (operation is IFieldReferenceOperation or IPropertyReferenceOperation)
            {
                var symbol = ((IMemberReferenceOperation)operation).Member;
                var values = MemberValues(symbol);
                return values.Length == 1 ? SectionPath(values[0], depth + 1) : null;
            }

            return null;
        }

        private bool IsSection(ITypeSymbol? type) => Types.IsSection(type);

        internal List<EndpointValue> ConfigLookup(string key)
        {
            var result = new List<EndpointValue>();
            foreach (var value in _project.Lookup(key))
            {
                var location = _project.LocationOf(value.Path, value.Line, value.Column, value.Value.Length + 2);
                var by = value.FileName.Equals("residency.json", StringComparison.OrdinalIgnoreCase) ? $"residency.json configKeys: {value.Key}" : $"{value.FileName}: {value.Key}";
                result.Add(new EndpointValue(value.Value, true, by, location));
            }

            return result;
        }

        // ---------------------------------------------------------------- objects

        /// <summary>The values assigned to a local: its initializer and every assignment in its method.</summary>
        internal ImmutableArray<IOperation> LocalValues(ILocalSymbol local) => Bind(_memberValues.GetOrAdd(local, _ => ComputeLocalValues(local)));

        /// <summary>The operations of value syntax kept by a cache, bound now (they are not kept).</summary>
        internal ImmutableArray<IOperation> Bind(ImmutableArray<SyntaxNode> values)
        {
            if (values.IsEmpty)
            {
                return ImmutableArray<IOperation>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<IOperation>(values.Length);
            foreach (var value in values)
            {
                if (OperationOf(value) is { } operation)
                {
                    builder.Add(operation);
                }
            }

            return builder.ToImmutable();
        }

        private ImmutableArray<SyntaxNode> ComputeLocalValues(ILocalSymbol local)
        {
            var builder = ImmutableArray.CreateBuilder<SyntaxNode>();
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                var declarator = reference.GetSyntax();
                if (declarator is VariableDeclaratorSyntax { Initializer: { } initializer } && OperationOf(initializer.Value) is not null)
                {
                    builder.Add(initializer.Value);
                }

                var scope = declarator.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax) ?? declarator.SyntaxTree.GetRoot();
                AddAssignments(scope, local, local.Name, builder);
            }

            return builder.ToImmutable();
        }

        /// <summary>Calls <c>local.Method(…)</c> in the local's method (fluent setters used as statements).</summary>
        internal List<IInvocationOperation> CallsOn(ILocalSymbol local, string methodName)
        {
            var result = new List<IInvocationOperation>();
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                var scope = reference.GetSyntax().Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
                if (scope is null)
                {
                    continue;
                }

                foreach (var node in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (node.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax holder } access &&
                        access.Name.Identifier.ValueText == methodName && holder.Identifier.ValueText == local.Name &&
                        OperationOf(node) is IInvocationOperation call &&
                        call.Instance is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local))
                    {
                        result.Add(call);
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// Calls <c>holder.Method(…)</c> (or <c>this.holder.Method(…)</c>) on the local, parameter, field or property that
        /// <paramref name="holder"/> reads: in its member for a local or parameter, in its type for a field or property.
        /// </summary>
        internal List<IInvocationOperation> CallsOnHolder(IOperation holder, string methodName)
        {
            var result = new List<IInvocationOperation>();
            ISymbol? symbol = Strip(holder) switch
            {
                ILocalReferenceOperation l => l.Local,
                IParameterReferenceOperation p => p.Parameter,
                IFieldReferenceOperation f => f.Field.OriginalDefinition,
                IPropertyReferenceOperation p => p.Property.OriginalDefinition,
                _ => null,
            };
            if (symbol is null)
            {
                return result;
            }

            var scopes = new List<SyntaxNode>();
            if (symbol is ILocalSymbol or IParameterSymbol)
            {
                var owner = symbol is IParameterSymbol parameter ? parameter.ContainingSymbol : symbol;
                foreach (var reference in owner.DeclaringSyntaxReferences)
                {
                    var syntax = reference.GetSyntax();
                    var scope = symbol is IParameterSymbol ? syntax : syntax.Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
                    if (scope is not null)
                    {
                        scopes.Add(scope);
                    }
                }
            }
            else if (symbol.ContainingType is { } type)
            {
                scopes.AddRange(type.DeclaringSyntaxReferences.Select(r => r.GetSyntax()));
            }

            foreach (var scope in scopes)
            {
                foreach (var node in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (result.Count >= MaxValues)
                    {
                        return result;
                    }

                    if (node.Expression is not MemberAccessExpressionSyntax access || access.Name.Identifier.ValueText != methodName)
                    {
                        continue;
                    }

                    var name = access.Expression switch
                    {
                        IdentifierNameSyntax id => id.Identifier.ValueText,
                        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } inner => inner.Name.Identifier.ValueText,
                        _ => null,
                    };
                    if (name != symbol.Name || OperationOf(node) is not IInvocationOperation call)
                    {
                        continue;
                    }

                    // holder.Extension(…) binds as Extension(holder, …).
                    var receiver = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
                    if (receiver is null)
                    {
                        continue;
                    }

                    ISymbol? target = Strip(receiver) switch
                    {
                        ILocalReferenceOperation l => l.Local,
                        IParameterReferenceOperation p => p.Parameter,
                        IFieldReferenceOperation f => f.Field.OriginalDefinition,
                        IPropertyReferenceOperation p => p.Property.OriginalDefinition,
                        _ => null,
                    };
                    if (SymbolEqualityComparer.Default.Equals(target, symbol))
                    {
                        result.Add(call);
                    }
                }
            }

            return result;
        }

        /// <summary>The values assigned to a field or property: its initializer, expression body and assignments in its type.</summary>
        internal ImmutableArray<IOperation> MemberValues(ISymbol symbol)
        {
            symbol = symbol.OriginalDefinition;
            if (symbol is not IFieldSymbol and not IPropertySymbol || symbol.DeclaringSyntaxReferences.Length == 0)
            {
                return ImmutableArray<IOperation>.Empty;
            }

            return Bind(_memberValues.GetOrAdd(symbol, ComputeMemberValues));
        }

        private ImmutableArray<SyntaxNode> ComputeMemberValues(ISymbol symbol)
        {
            var builder = ImmutableArray.CreateBuilder<SyntaxNode>();
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                ExpressionSyntax? value = syntax switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression ?? GetterExpression(property),
                    _ => null,
                };
                if (value is not null && OperationOf(value) is not null)
                {
                    builder.Add(value);
                }
            }

            if (symbol.ContainingType is { } type)
            {
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    AddAssignments(reference.GetSyntax(), symbol, symbol.Name, builder);
                }
            }

            return builder.ToImmutable();
        }

        private static ExpressionSyntax? GetterExpression(PropertyDeclarationSyntax property)
        {
            var getter = property.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
            if (getter?.ExpressionBody is { } body)
            {
                return body.Expression;
            }

            return getter?.Body?.Statements is { Count: 1 } statements && statements[0] is ReturnStatementSyntax { Expression: { } returned } ? returned : null;
        }

        /// <summary>Adds the right-hand sides of <c>name = value</c> (and <c>this.name = value</c>) in <paramref name="scope"/> that bind to <paramref name="symbol"/>.</summary>
        private void AddAssignments(SyntaxNode scope, ISymbol symbol, string name, ImmutableArray<SyntaxNode>.Builder builder)
        {
            foreach (var assignment in scope.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (builder.Count >= MaxValues || assignment.Parent is InitializerExpressionSyntax)
                {
                    continue;
                }

                var left = assignment.Left;
                var identifier = left switch
                {
                    IdentifierNameSyntax id => id.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
                    _ => null,
                };
                if (identifier != name)
                {
                    continue;
                }

                var model = Model(assignment.SyntaxTree);
                if (model is null || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(left).Symbol?.OriginalDefinition, symbol))
                {
                    continue;
                }

                if (OperationOf(assignment.Right) is not null)
                {
                    builder.Add(assignment.Right);
                }
            }
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

                    foreach (var reference in local.Local.DeclaringSyntaxReferences)
                    {
                        var scope = reference.GetSyntax().Ancestors().FirstOrDefault(a => a is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
                        if (scope is not null)
                        {
                            AddPropertyAssignments(scope, local.Local, propertyName, result);
                        }
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

                case IInvocationOperation invocation when invocation.TargetMethod.ReturnType is { } returnType &&
                                                          invocation.Instance is { } instance &&
                                                          SymbolEqualityComparer.Default.Equals(returnType.OriginalDefinition, invocation.TargetMethod.ContainingType?.OriginalDefinition):
                    // Fluent options (options.WithX(...) returning the same type): the receiver's values.
                    result.AddRange(PropertyValues(instance, propertyName, depth + 1));
                    break;
            }

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
                if (nameArgument is null || nameArgument.IsImplicit)
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

        private INamedTypeSymbol? EnclosingType(IOperation operation)
        {
            var symbol = Model(operation.Syntax.SyntaxTree)?.GetEnclosingSymbol(operation.Syntax.SpanStart);
            return symbol as INamedTypeSymbol ?? symbol?.ContainingType;
        }

        // ---------------------------------------------------------------- helpers

        private string DescribeConstant(IOperation operation)
        {
            var stripped = Strip(operation);
            return stripped switch
            {
                IFieldReferenceOperation field => $"constant {field.Field.ContainingType?.Name}.{field.Field.Name}",
                ILocalReferenceOperation local => $"constant {local.Local.Name}",
                _ => "literal",
            };
        }

        private static Location? ConstantLocation(IOperation operation)
        {
            var stripped = Strip(operation);
            if (stripped is IFieldReferenceOperation field && field.Field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } initializer })
            {
                return initializer.Value.GetLocation();
            }

            if (stripped is ILocalReferenceOperation local && local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer: { } localInitializer })
            {
                return localInitializer.Value.GetLocation();
            }

            return operation.Syntax.GetLocation();
        }

        /// <summary>Whether <paramref name="type"/> is the type named <paramref name="metadataName"/> (compared as symbols).</summary>
        internal bool IsType(ITypeSymbol? type, string metadataName) => Types.Is(type, metadataName);

        /// <summary>
        /// <c>Namespace.Type</c>, with <c>`N</c> for generic arity and <c>+</c> for nesting (as catalogue entries are written):
        /// for messages and for matching names a user wrote, never to compare types.
        /// </summary>
        internal static string MetadataName(ITypeSymbol type)
        {
            var original = type.OriginalDefinition;
            var name = original.MetadataName;
            if (original.ContainingType is { } outer)
            {
                return MetadataName(outer) + "+" + name;
            }

            var ns = original.ContainingNamespace;
            return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
        }
    }
}
