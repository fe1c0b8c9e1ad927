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
using Residency.Analyzers.Rules;
using Residency.Analyzers.Diagnostics;

namespace Residency.CodeFixes
{
    /// <summary>
    /// RES006: annotates a member that looks like personal data with <c>[PersonalData("&lt;category&gt;")]</c>, the category
    /// inferred from its name (a fideslang key), or with <c>[SpecialCategoryData("&lt;key&gt;")]</c> when its name is
    /// special-category data (<c>EthnicOrigin</c>, <c>Disability</c>). Properties and fields get the attribute on a line of their own;
    /// parameters inline; a record's positional parameter gets <c>[property: PersonalData(…)]</c> so that the property is annotated.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AnnotatePersonalDataCodeFixProvider))]
    [Shared]
    public sealed class AnnotatePersonalDataCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "Residency.AnnotatePersonalData";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnannotatedPersonalData);

        public override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create((context, document, diagnostics) => FixDocumentAsync(document, diagnostics, context.CancellationToken));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Category(diagnostic) is not { } category || Target(root, diagnostic) is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        Special(diagnostic) ? $"Annotate with [SpecialCategoryData(\"{category}\")]" : $"Annotate with [PersonalData(\"{category}\")]",
                        ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct)!,
                        EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The name is special-category data (Art. 9/10): the attribute is <c>[SpecialCategoryData]</c>.</summary>
        private static bool Special(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(PersonalDataNamingAnalyzer.SpecialCategoryKey, out var special) && !string.IsNullOrWhiteSpace(special);

        private static string? Category(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(PersonalDataNamingAnalyzer.CategoryKey, out var category) && !string.IsNullOrWhiteSpace(category) ? category : null;

        /// <summary>The declaration to annotate: a property, a single-variable field, or a parameter.</summary>
        private static SyntaxNode? Target(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return null;
            }

            var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
            return token.Parent switch
            {
                PropertyDeclarationSyntax property => property,
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } => field,
                ParameterSyntax parameter => parameter,
                _ => null,
            };
        }

        private static async Task<Document?> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is not CompilationUnitSyntax unit || model is null)
            {
                return document;
            }

            var targets = new Dictionary<SyntaxNode, (string Category, bool Special)>();
            foreach (var diagnostic in diagnostics)
            {
                if (Category(diagnostic) is { } category && Target(unit, diagnostic) is { } target && !targets.ContainsKey(target))
                {
                    targets[target] = (category, Special(diagnostic));
                }
            }

            if (targets.Count == 0)
            {
                return document;
            }

            var position = targets.Keys.Min(t => t.SpanStart);
            var access = FixSyntax.Access(model, position, "PersonalDataAttribute");
            var specialAccess = FixSyntax.Access(model, position, "SpecialCategoryDataAttribute");
            var endOfLine = FixSyntax.EndOfLine(unit);

            var updated = unit.ReplaceNodes(targets.Keys, (original, rewritten) =>
            {
                var (category, special) = targets[original];
                var name = special ? FixSyntax.Name(specialAccess, "SpecialCategoryData") : FixSyntax.Name(access, "PersonalData");
                switch (rewritten)
                {
                    case ParameterSyntax parameter:
                        var onRecordProperty = original.Parent?.Parent is RecordDeclarationSyntax;
                        var text = onRecordProperty ? $"[property: {name}({FixSyntax.Literal(category)})]" : $"[{name}({FixSyntax.Literal(category)})]";
                        return FixSyntax.AddAttributeListInline(parameter, ParseParameterAttributeList(text));
                    case MemberDeclarationSyntax member:
                        return FixSyntax.AddAttributeListOnOwnLine(member, FixSyntax.ParseAttributeList($"[{name}({FixSyntax.Literal(category)})]"), endOfLine);
                    default:
                        return rewritten;
                }
            });

            if ((targets.Values.Any(t => !t.Special) && access == NameAccess.NeedsUsing) || (targets.Values.Any(t => t.Special) && specialAccess == NameAccess.NeedsUsing))
            {
                updated = FixSyntax.AddResidencyUsing(updated, endOfLine);
            }

            return document.WithSyntaxRoot(updated);
        }

        /// <summary>Parses <c>[target: X(...)]</c> as it appears on a parameter.</summary>
        private static AttributeListSyntax ParseParameterAttributeList(string text)
        {
            var list = SyntaxFactory.ParseParameterList("(" + text + " int p)");
            return list.Parameters[0].AttributeLists[0].WithoutTrivia();
        }
    }
}
