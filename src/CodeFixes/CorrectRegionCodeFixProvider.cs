using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Diagnostics;

namespace Residency.CodeFixes
{
    /// <summary>
    /// RES004: replaces an invalid region with the code it clearly means (<c>"UK"</c> → <c>"GB"</c>,
    /// <c>"Germany"</c> → <c>"DE"</c>), and a mistyped category with the key it is close to (<c>"contact.emial"</c> →
    /// <c>"contact.email"</c>). Offered only when the analyzer found an unambiguous correction.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CorrectRegionCodeFixProvider))]
    [Shared]
    public sealed class CorrectRegionCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKeyPrefix = "Residency.CorrectRegion:";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InvalidConfiguration);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(AnnotationValidationAnalyzer.SuggestionKey, out var suggestion) || suggestion is null)
                {
                    continue;
                }

                var argument = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeArgumentSyntax>();
                if (argument?.Expression is not LiteralExpressionSyntax literal || !literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    continue;
                }

                var title = diagnostic.Properties.TryGetValue(AnnotationValidationAnalyzer.SuggestionKindKey, out var kind) && kind == "category"
                    ? $"Use category \"{suggestion}\""
                    : $"Use region \"{suggestion}\"";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ReplaceAsync(context.Document, literal, suggestion, ct), EquivalenceKeyPrefix + "Any"),
                    diagnostic);
            }
        }

        private static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, string code, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(code)).WithTriviaFrom(literal);
            return document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
        }
    }
}
