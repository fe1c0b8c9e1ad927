using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Residency.Analyzers.Diagnostics;
using Residency.Analyzers.Json;

namespace Residency.CodeFixes
{
    /// <summary>
    /// For an SDK client on its default host (no endpoint in code or configuration): sets the catalogue's endpoint
    /// option (<c>OpenAIClientOptions.Endpoint</c>, <c>StripeClientOptions.ApiBase</c>, …) where the client is created —
    /// in the options object passed to the constructor, or by passing a new one through the constructor overload that takes it.
    /// </summary>
    internal static class SdkOptions
    {
        /// <summary>Base paths the SDKs expect in their endpoint option (OpenAI's Endpoint includes the API version).</summary>
        private static readonly Dictionary<string, string> BasePaths = new(StringComparer.Ordinal)
        {
            ["OpenAI.OpenAIClientOptions"] = "/v1",
        };

        private static readonly Lazy<Dictionary<string, (string OptionsType, string Property)>> Catalogue = new(LoadCatalogue);

        internal sealed class Edit
        {
            public Edit(DocumentId document, SyntaxNode oldNode, SyntaxNode newNode, string description)
            {
                Document = document;
                OldNode = oldNode;
                NewNode = newNode;
                Description = description;
            }

            public DocumentId Document { get; }

            public SyntaxNode OldNode { get; }

            public SyntaxNode NewNode { get; }

            public string Description { get; }
        }

        public static async Task<Edit?> FindAsync(Solution solution, Diagnostic diagnostic, string euHost, CancellationToken cancellationToken)
        {
            if (!IsDefaultHostSdkSink(diagnostic))
            {
                return null;
            }

            // The client is the receiver of the reported call; for a tool's return value, of the chat call that offers the
            // tool (the sink's declaration, the first additional location).
            var calls = new List<Location> { diagnostic.Location };
            if (diagnostic.AdditionalLocations.Count > 0 && diagnostic.AdditionalLocations[0].IsInSource)
            {
                calls.Add(diagnostic.AdditionalLocations[0]);
            }

            foreach (var call in calls)
            {
                if (call.SourceTree is { } tree && solution.GetDocument(tree) is { } document &&
                    await FindAsync(solution, document, call, euHost, cancellationToken).ConfigureAwait(false) is { } edit)
                {
                    return edit;
                }
            }

            return null;
        }

        private static async Task<Edit?> FindAsync(Solution solution, Document document, Location call, string euHost, CancellationToken cancellationToken)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var root = await call.SourceTree!.GetRootAsync(cancellationToken).ConfigureAwait(false);
            if (model is null)
            {
                return null;
            }

            var invocation = root.FindNode(call.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
            var creation = CreationOf((invocation?.Expression as MemberAccessExpressionSyntax)?.Expression, model, 0, cancellationToken);
            if (creation is null || model.GetSymbolInfo(creation, cancellationToken).Symbol is not IMethodSymbol constructor ||
                !Catalogue.Value.TryGetValue(constructor.ContainingType.ToDisplayString(), out var option))
            {
                return null;
            }

            var optionsType = model.Compilation.GetTypeByMetadataName(option.OptionsType);
            if (optionsType is null)
            {
                return null;
            }

            BasePaths.TryGetValue(option.OptionsType, out var path);
            var url = "https://" + euHost + path;
            var assignment = SyntaxFactory.ParseExpression($"{option.Property} = new {UriName(model, creation.SpanStart)}({FixSyntax.Literal(url)})");
            var optionsName = optionsType.ToMinimalDisplayString(model, creation.SpanStart);

            // 1. An options object passed to the constructor, created inline or in a local: add the assignment to its initializer.
            if (creation.ArgumentList is { } arguments)
            {
                foreach (var argument in arguments.Arguments)
                {
                    if (!SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(argument.Expression, cancellationToken).Type, optionsType))
                    {
                        continue;
                    }

                    var optionsCreation = argument.Expression as ObjectCreationExpressionSyntax ?? CreationOf(argument.Expression, model, 2, cancellationToken) as ObjectCreationExpressionSyntax;
                    if (optionsCreation is null || optionsCreation.Initializer?.Expressions.Any(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax id } && id.Identifier.ValueText == option.Property) == true)
                    {
                        return null; // the option is set but could not be resolved: leave it to the developer
                    }

                    ExpressionSyntax updated;
                    if (optionsCreation.Initializer is { } existing)
                    {
                        // Keep the initializer's layout: append after the last element, separated like the others (or by ", ").
                        var expressions = existing.Expressions;
                        var separator = expressions.SeparatorCount > 0 ? expressions.GetSeparator(0) : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
                        var added = expressions.Count == 0
                            ? expressions.Add(assignment.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space))
                            : expressions.Count == expressions.SeparatorCount
                                ? expressions.Add(assignment)
                                : SyntaxFactory.SeparatedList(expressions.Append(assignment), expressions.GetSeparators().Append(separator));
                        updated = optionsCreation.WithInitializer(existing.WithExpressions(added));
                    }
                    else
                    {
                        var args = optionsCreation.ArgumentList is { Arguments.Count: > 0 } a ? a.ToString() : string.Empty;
                        updated = SyntaxFactory.ParseExpression($"new {optionsCreation.Type}{args} {{ {assignment} }}").WithTriviaFrom(optionsCreation);
                    }

                    return solution.GetDocument(optionsCreation.SyntaxTree) is { } optionsDocument
                        ? new Edit(optionsDocument.Id, optionsCreation, updated, $"sets {optionsType.Name}.{option.Property}")
                        : null;
                }
            }

            // 2. No options passed: use the constructor overload that also takes them, wrapping arguments where that overload needs it (a key string → ApiKeyCredential).
            var given = creation.ArgumentList?.Arguments ?? default;
            foreach (var overload in constructor.ContainingType.InstanceConstructors)
            {
                if (overload.Parameters.Length != given.Count + 1 || !SymbolEqualityComparer.Default.Equals(overload.Parameters[given.Count].Type, optionsType) ||
                    !model.IsAccessible(creation.SpanStart, overload))
                {
                    continue;
                }

                var newArguments = new List<ArgumentSyntax>();
                bool fits = true;
                for (int i = 0; i < given.Count && fits; i++)
                {
                    var parameterType = overload.Parameters[i].Type;
                    var argument = given[i];
                    if (argument.NameColon is not null)
                    {
                        fits = false;
                    }
                    else if (model.ClassifyConversion(argument.Expression, parameterType).IsImplicit)
                    {
                        newArguments.Add(argument);
                    }
                    else if (parameterType is INamedTypeSymbol named && named.InstanceConstructors.Any(c => c.Parameters.Length == 1 && model.ClassifyConversion(argument.Expression, c.Parameters[0].Type).IsImplicit))
                    {
                        var wrapped = SyntaxFactory.ParseExpression($"new {named.ToMinimalDisplayString(model, creation.SpanStart)}({argument.Expression.WithoutTrivia()})");
                        newArguments.Add(argument.WithExpression(wrapped.WithTriviaFrom(argument.Expression)));
                    }
                    else
                    {
                        fits = false;
                    }
                }

                if (!fits)
                {
                    continue;
                }

                var options = SyntaxFactory.ParseExpression($"new {optionsName} {{ {assignment} }}");
                newArguments.Add(SyntaxFactory.Argument(options));
                var separators = Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), newArguments.Count - 1);
                var list = (creation.ArgumentList ?? SyntaxFactory.ArgumentList()).WithArguments(SyntaxFactory.SeparatedList(newArguments, separators));
                return new Edit(document.Id, creation, creation.WithArgumentList(list), $"passes {optionsType.Name} with {option.Property}");
            }

            return null;
        }

        private static string UriName(SemanticModel model, int position)
        {
            var uri = model.Compilation.GetTypeByMetadataName("System.Uri");
            return uri is null ? "System.Uri" : uri.ToMinimalDisplayString(model, position);
        }

        private static bool IsDefaultHostSdkSink(Diagnostic diagnostic)
        {
            diagnostic.Properties.TryGetValue(DiagnosticProperties.SinkKindKey, out var kind);
            diagnostic.Properties.TryGetValue(DiagnosticProperties.ResolvedByKey, out var resolvedBy);
            return kind == "sdk" && resolvedBy?.StartsWith("default host", StringComparison.Ordinal) == true;
        }

        /// <summary>The creation expression of a client: written inline, or the initializer of the local, field or property it is read from; through Get…Client factories.</summary>
        private static BaseObjectCreationExpressionSyntax? CreationOf(ExpressionSyntax? expression, SemanticModel model, int depth, CancellationToken cancellationToken)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            switch (expression)
            {
                case null:
                    return null;
                case BaseObjectCreationExpressionSyntax creation:
                    return creation;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax factory } when depth < 6:
                    return CreationOf(factory.Expression, model, depth + 1, cancellationToken);
            }

            if (depth >= 6 || model.GetSymbolInfo(expression, cancellationToken).Symbol is not (ILocalSymbol or IFieldSymbol or IPropertySymbol) ||
                model.GetSymbolInfo(expression, cancellationToken).Symbol is not { } symbol)
            {
                return null;
            }

            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(cancellationToken);
                if (declaration.SyntaxTree != model.SyntaxTree)
                {
                    continue; // another document: its semantic model is not at hand here
                }

                var value = declaration switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value,
                    _ => null,
                };
                if (CreationOf(value, model, depth + 1, cancellationToken) is { } found)
                {
                    return found;
                }
            }

            return symbol is IFieldSymbol or IPropertySymbol ? AssignedInConstructor(symbol, model, depth, cancellationToken) : null;
        }

        /// <summary>
        /// The client a field or property without an initializer is given in its type's constructors
        /// (<c>_chat = new OpenAIClient(key).GetChatClient("gpt-4o").AsIChatClient();</c>, the usual shape with dependency
        /// injection): the one creation all of the assignments in those constructors come from, or null when there is none or
        /// more than one.
        /// </summary>
        private static BaseObjectCreationExpressionSyntax? AssignedInConstructor(ISymbol member, SemanticModel model, int depth, CancellationToken cancellationToken)
        {
            BaseObjectCreationExpressionSyntax? result = null;
            foreach (var reference in member.ContainingType.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != model.SyntaxTree)
                {
                    continue; // another document: its semantic model is not at hand here
                }

                foreach (var constructor in reference.GetSyntax(cancellationToken).ChildNodes().OfType<ConstructorDeclarationSyntax>())
                {
                    foreach (var assignment in constructor.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                    {
                        if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) ||
                            !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, member))
                        {
                            continue;
                        }

                        var found = CreationOf(assignment.Right, model, depth + 1, cancellationToken);
                        if (found is null || result is not null && result != found)
                        {
                            return null; // assigned something else, or two different clients: leave it to the developer
                        }

                        result = found;
                    }
                }
            }

            return result;
        }

        /// <summary>Client type → (options type, endpoint property), from the package's SDK catalogue (URL-valued options only).</summary>
        private static Dictionary<string, (string, string)> LoadCatalogue()
        {
            var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            using var stream = typeof(DiagnosticProperties).Assembly.GetManifestResourceStream("Residency.Catalog.sdks.json");
            if (stream is null)
            {
                return result;
            }

            using var reader = new StreamReader(stream);
            var root = JsonParser.TryParse(reader.ReadToEnd(), out _);
            var sdks = root?.Get("sdks");
            if (sdks is null || !sdks.IsArray)
            {
                return result;
            }

            foreach (var sdk in sdks.Items)
            {
                var endpoint = sdk.Get("endpoint");
                var optionsType = endpoint?.GetString("optionsType");
                var property = endpoint?.GetString("optionsProperty");
                var types = sdk.Get("types");
                if (optionsType is null || property is null || endpoint?.GetString("valueFormat") != "url" || types is null || !types.IsArray)
                {
                    continue;
                }

                foreach (var type in types.Items)
                {
                    if (type.IsString && type.Text is { } name && !result.ContainsKey(name))
                    {
                        result[name] = (optionsType, property);
                    }
                }
            }

            return result;
        }
    }
}
