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
using Residency.Analyzers.Model;

namespace Residency.CodeFixes
{
    /// <summary>
    /// RES001/RES002/RES003: declares the Chapter V basis of the transfer by adding
    /// <c>[DataTransfer("&lt;region&gt;", TransferMechanism.StandardContractualClauses, Recipient = "&lt;recipient&gt;", Justification = "TODO: …")]</c>
    /// to the method that reads the data (default) or to its type, with <c>using Residency;</c> when missing.
    /// Not offered when the region is unknown: a declared transfer needs a destination. Offered after the fixes that remove
    /// the transfer (EU endpoint, anonymisation), and never applied in bulk (no Fix All).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeclareTransferCodeFixProvider))]
    [Shared]
    [ExtensionOrder(After = nameof(AnonymizeCodeFixProvider))] // declaring a legal basis comes last
    public sealed class DeclareTransferCodeFixProvider : CodeFixProvider
    {
        /// <summary>Equivalence-key prefix of "declare on the method"; the key ends with <c>region:recipient</c>.</summary>
        public const string MethodKeyPrefix = "Residency.DeclareTransfer.Method:";

        /// <summary>Equivalence-key prefix of "declare on the type"; the key ends with <c>region:recipient</c>.</summary>
        public const string TypeKeyPrefix = "Residency.DeclareTransfer.Type:";

        /// <summary>The placeholder justification the fix writes; RES004 reports it until a person replaces it.</summary>
        public const string Justification = TransferJustification.Placeholder;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.TransferOutsideAllowedRegions, DiagnosticIds.SpecialCategoryTransfer, DiagnosticIds.UnknownSinkRegion);

        /// <summary>
        /// None: a legal basis is a person's decision, one transfer at a time. Without a Fix All provider, neither Fix All
        /// in the IDE nor <c>dotnet format</c> can declare transfers in bulk (<c>dotnet format</c> skips a fixer that does not
        /// support Fix All in solution).
        /// </summary>
        public override FixAllProvider? GetFixAllProvider() => null;

        public static string MethodKey(string region, string? recipient) => MethodKeyPrefix + region + ":" + recipient;

        public static string TypeKey(string region, string? recipient) => TypeKeyPrefix + region + ":" + recipient;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!TryGetTransfer(diagnostic, out var region, out var recipient))
                {
                    continue;
                }

                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                var target = recipient is null ? region : $"{region} ({recipient})";
                if (MethodTarget(node) is { } method)
                {
                    var key = MethodKey(region, recipient);
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Declare the transfer to {target} on method '{method.Identifier.ValueText}' (standard contractual clauses)",
                            ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), key, ct)!,
                            key),
                        diagnostic);
                }

                if (TypeTarget(node) is { } type)
                {
                    var key = TypeKey(region, recipient);
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Declare the transfer to {target} on type '{type.Identifier.ValueText}' (standard contractual clauses)",
                            ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), key, ct)!,
                            key),
                        diagnostic);
                }
            }
        }

        private static bool TryGetTransfer(Diagnostic diagnostic, out string region, out string? recipient)
        {
            diagnostic.Properties.TryGetValue(DiagnosticProperties.RegionKey, out var regionValue);
            diagnostic.Properties.TryGetValue(DiagnosticProperties.RecipientKey, out recipient);
            region = regionValue ?? string.Empty;
            if (string.IsNullOrWhiteSpace(recipient))
            {
                recipient = null;
            }

            return !string.IsNullOrWhiteSpace(region) && !string.Equals(region, "Unknown", System.StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The method the analyzer judged: the enclosing ordinary method (lambdas and local functions belong to it).</summary>
        private static MethodDeclarationSyntax? MethodTarget(SyntaxNode node) => node.FirstAncestorOrSelf<MethodDeclarationSyntax>();

        /// <summary>The innermost class, struct or record around the finding ([DataTransfer] is not allowed on interfaces).</summary>
        private static TypeDeclarationSyntax? TypeTarget(SyntaxNode node) =>
            node.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault(t => t is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax);

        private static async Task<Document?> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
        {
            if (equivalenceKey is null)
            {
                return document;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is not CompilationUnitSyntax unit || model is null)
            {
                return document;
            }

            bool onType = equivalenceKey.StartsWith(TypeKeyPrefix, System.StringComparison.Ordinal);
            var targets = new Dictionary<MemberDeclarationSyntax, List<(string Region, string? Recipient)>>();
            foreach (var diagnostic in diagnostics)
            {
                if (!TryGetTransfer(diagnostic, out var region, out var recipient) ||
                    (onType ? TypeKey(region, recipient) : MethodKey(region, recipient)) != equivalenceKey)
                {
                    continue;
                }

                var node = unit.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                MemberDeclarationSyntax? target = onType ? TypeTarget(node) : MethodTarget(node);
                if (target is null)
                {
                    continue;
                }

                if (!targets.TryGetValue(target, out var list))
                {
                    targets[target] = list = new List<(string, string?)>();
                }

                if (!list.Contains((region, recipient)))
                {
                    list.Add((region, recipient));
                }
            }

            if (targets.Count == 0)
            {
                return document;
            }

            var position = targets.Keys.Min(t => t.SpanStart);
            var access = FixSyntax.Combine(
                FixSyntax.Access(model, position, "DataTransferAttribute"),
                FixSyntax.Access(model, position, "TransferMechanism"));
            var endOfLine = FixSyntax.EndOfLine(unit);

            var updated = unit.ReplaceNodes(targets.Keys, (original, rewritten) =>
            {
                var result = rewritten;
                foreach (var (region, recipient) in targets[original])
                {
                    result = FixSyntax.AddAttributeListOnOwnLine(result, Attribute(access, region, recipient), endOfLine);
                }

                return result;
            });

            if (access == NameAccess.NeedsUsing)
            {
                updated = FixSyntax.AddResidencyUsing(updated, endOfLine);
            }

            return document.WithSyntaxRoot(updated);
        }

        private static AttributeListSyntax Attribute(NameAccess access, string region, string? recipient)
        {
            var text = $"[{FixSyntax.Name(access, "DataTransfer")}({FixSyntax.Literal(region)}, {FixSyntax.Name(access, "TransferMechanism")}.StandardContractualClauses";
            if (recipient is not null)
            {
                text += $", Recipient = {FixSyntax.Literal(recipient)}";
            }

            text += $", Justification = {FixSyntax.Literal(Justification)})]";
            return FixSyntax.ParseAttributeList(text);
        }
    }
}
