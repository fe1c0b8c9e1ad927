using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Residency.Analyzers.Diagnostics;

namespace Residency.CodeFixes
{
    /// <summary>
    /// RES001/RES002: wraps the argument that carries the personal data in a call to an <c>[Anonymizer]</c> method of the
    /// compilation that accepts its type (<c>crm.Send(c.Email)</c> → <c>crm.Send(Privacy.Mask(c.Email))</c>). Offered only
    /// when such a method exists, is static (extension methods included) and accessible, and returns something the call accepts.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AnonymizeCodeFixProvider))]
    [Shared]
    [ExtensionOrder(After = nameof(UseEuEndpointCodeFixProvider), Before = nameof(DeclareTransferCodeFixProvider))]
    public sealed class AnonymizeCodeFixProvider : CodeFixProvider
    {
        /// <summary>Equivalence-key prefix; the key ends with the anonymizer's documentation ID.</summary>
        public const string EquivalenceKeyPrefix = "Residency.Anonymize:";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.TransferOutsideAllowedRegions, DiagnosticIds.SpecialCategoryTransfer);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public static string KeyFor(IMethodSymbol anonymizer) => EquivalenceKeyPrefix + anonymizer.GetDocumentationCommentId();

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            var anonymizers = FindAnonymizers(model.Compilation, context.CancellationToken);
            if (anonymizers.IsEmpty)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var arguments = ValuesHandedOn(node);
                if (arguments.Count == 0)
                {
                    continue;
                }

                var sources = await SourceSymbolsAsync(context.Document.Project.Solution, diagnostic, context.CancellationToken).ConfigureAwait(false);
                var carrying = arguments.Where(a => References(model, a, sources, context.CancellationToken)).ToList();
                if (carrying.Count == 0)
                {
                    // The data reaches the call through locals or whole objects: any non-constant argument may carry it.
                    carrying = arguments.Where(a => !model.GetConstantValue(a, context.CancellationToken).HasValue).ToList();
                }

                foreach (var argument in carrying)
                {
                    var typeInfo = model.GetTypeInfo(argument, context.CancellationToken);
                    if (typeInfo.Type is null)
                    {
                        continue;
                    }

                    foreach (var anonymizer in anonymizers)
                    {
                        if (!Fits(model, argument, typeInfo, anonymizer))
                        {
                            continue;
                        }

                        var call = $"{anonymizer.ContainingType.ToMinimalDisplayString(model, argument.SpanStart)}.{anonymizer.Name}";
                        context.RegisterCodeFix(
                            CodeAction.Create(
                                $"Anonymise '{Shorten(argument.ToString())}' with {call}(…) before sending",
                                ct => WrapAsync(context.Document, argument, call, ct),
                                KeyFor(anonymizer)),
                            diagnostic);
                    }
                }
            }
        }

        private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "…";

        /// <summary>
        /// The values the reported operation hands on: the arguments of a call or creation (the sink call, or a call toward
        /// it), or the value stored by an assignment (data stored in a field that a sink later reads).
        /// </summary>
        private static List<ExpressionSyntax> ValuesHandedOn(SyntaxNode node)
        {
            var list = node switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList,
                BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
                ArgumentSyntax { Parent: BaseArgumentListSyntax arguments } => arguments,
                _ => null,
            };
            if (list is not null)
            {
                return list.Arguments.Select(a => a.Expression).ToList();
            }

            if (node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { } assignment && assignment.Span.Contains(node.Span))
            {
                return new List<ExpressionSyntax> { assignment.Right };
            }

            return new List<ExpressionSyntax>();
        }

        /// <summary>The anonymizer accepts the argument and the call accepts what it returns.</summary>
        private static bool Fits(SemanticModel model, ExpressionSyntax argument, TypeInfo argumentType, IMethodSymbol anonymizer)
        {
            if (!model.IsAccessible(argument.SpanStart, anonymizer))
            {
                return false;
            }

            var parameterType = anonymizer.Parameters[0].Type;
            if (!model.ClassifyConversion(argument, parameterType).IsImplicit)
            {
                return false;
            }

            var target = argumentType.ConvertedType ?? argumentType.Type;
            return target is not null && model.Compilation.ClassifyConversion(anonymizer.ReturnType, target).IsImplicit;
        }

        /// <summary>Static <c>[Anonymizer]</c> methods of the compilation's own code whose extra parameters are optional.</summary>
        private static ImmutableArray<IMethodSymbol> FindAnonymizers(Compilation compilation, CancellationToken cancellationToken)
        {
            var attribute = compilation.GetTypeByMetadataName("Residency.AnonymizerAttribute");
            if (attribute is null)
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            var result = ImmutableArray.CreateBuilder<IMethodSymbol>();
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(compilation.Assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = pending.Pop();
                foreach (var member in current.GetMembers())
                {
                    switch (member)
                    {
                        case INamespaceOrTypeSymbol container:
                            pending.Push(container);
                            break;
                        case IMethodSymbol { IsStatic: true, MethodKind: MethodKind.Ordinary, IsGenericMethod: false, ReturnsVoid: false } method
                            when method.Parameters.Length > 0 && method.Parameters.Skip(1).All(p => p.IsOptional) &&
                                 method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)):
                            result.Add(method);
                            break;
                    }
                }
            }

            return result.ToImmutable();
        }

        /// <summary>The personal-data symbols of the finding: those declared at its additional locations (the sink's comes first and declares none).</summary>
        private static async Task<ImmutableHashSet<ISymbol>> SourceSymbolsAsync(Solution solution, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var result = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var location in diagnostic.AdditionalLocations)
            {
                if (location.SourceTree is not { } tree || solution.GetDocument(tree) is not { } document)
                {
                    continue;
                }

                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
                var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
                var symbol = model?.GetDeclaredSymbol(node, cancellationToken);
                if (symbol is not null)
                {
                    result.Add(symbol);
                }
            }

            return result.ToImmutable();
        }

        private static bool References(SemanticModel model, ExpressionSyntax expression, ImmutableHashSet<ISymbol> sources, CancellationToken cancellationToken)
        {
            if (sources.IsEmpty)
            {
                return false;
            }

            foreach (var name in expression.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
                if (symbol is not null && (sources.Contains(symbol) || sources.Contains(symbol.OriginalDefinition)))
                {
                    return true;
                }
            }

            return false;
        }

        private static async Task<Document> WrapAsync(Document document, ExpressionSyntax expression, string call, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var wrapped = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.ParseExpression(call),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(expression.WithoutTrivia()))))
                .WithTriviaFrom(expression);
            return document.WithSyntaxRoot(root.ReplaceNode(expression, wrapped));
        }
    }
}
