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
    internal sealed partial class EndpointResolver
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
            // configuration["Slack:WebhookUrl"]! — the suppression is no operation of its own: the value is its operand's.
            while (node is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } or ParenthesizedExpressionSyntax)
            {
                node = node is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((PostfixUnaryExpressionSyntax)node).Operand;
            }

            try
            {
                return Model(node.SyntaxTree)?.GetOperation(node);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        /// <summary>
        /// Whether a call's argument is written in the code: not an omitted optional parameter's default, nor the array the
        /// compiler builds for a <c>params</c> list. <see cref="IOperation.IsImplicit"/> alone is not that test: an argument
        /// written with the null-forgiving operator (<c>AddServiceBusClient(configuration.GetConnectionString("Bus")!)</c>)
        /// is an implicit operation too.
        /// </summary>
        internal static bool IsWritten(IArgumentOperation argument) => !argument.IsImplicit || argument.ArgumentKind == ArgumentKind.Explicit;

        /// <summary>
        /// The value given to the first parameter: an extension method's <c>this</c> argument (the receiver of the reduced
        /// call), a mediator's request.
        /// </summary>
        /// <summary>
        /// The object a fluent call is made on, when the call returns it (or another of its type): an instance method
        /// (<c>settings.DefaultIndex("crm")</c>), a classic extension method (<c>request.AddJsonBody(body)</c>, <c>this T</c> to
        /// <c>T</c>), or a C# 14 extension block's member, whose receiver is the call's instance though the method is declared
        /// in the extension (RestSharp 114's <c>AddParameter</c>). Null for any other call.
        /// </summary>
        internal static IOperation? FluentReceiver(IInvocationOperation call)
        {
            var method = call.TargetMethod;
            if (call.Instance is { } instance)
            {
                return Residency.Analyzers.Model.SymbolWalk.ReturnsItsReceiver(call) ? instance : null;
            }

            return method.IsExtensionMethod && method.Parameters.Length > 0 &&
                   SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type.OriginalDefinition, method.ReturnType.OriginalDefinition)
                ? FirstArgument(call)
                : null;
        }

        internal static IOperation? FirstArgument(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { Ordinal: 0 })
                {
                    return argument.Value;
                }
            }

            return null;
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

                case IParameterReferenceOperation parameter when TryGetArgument(parameter.Parameter, out var given):
                    // A helper's URL read at one of its calls (WithArguments): the values that call passes.
                    return new List<EndpointValue>(given);

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

        /// <summary><c>Namespace.Type+Nested.Method</c>: the name residency.json <c>sinks</c> and <c>local</c> entries use.</summary>
        internal static string QualifiedName(IMethodSymbol method) =>
            method.ContainingType is { } type ? MetadataName(type) + "." + method.Name : method.Name;

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
