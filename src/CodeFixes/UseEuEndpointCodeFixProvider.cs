using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Residency.Analyzers.Diagnostics;

namespace Residency.CodeFixes
{
    /// <summary>
    /// RES001/RES003 on a catalogued endpoint with an EU alternative (<c>residency.host</c> → <c>residency.euAlternative</c>):
    /// rewrites the host inside the URL where it is written — the string literal in the call, the constant or field
    /// initializer it comes from (in any document), the literal inside <c>new Uri(…)</c> or assigned to an SDK option such
    /// as <c>OpenAIClientOptions.Endpoint</c>, or the text of an interpolated string. Scheme, path and query are kept.
    /// When the URL comes from appsettings.json, a code fix cannot edit that file safely: the fix adds a TODO comment
    /// naming the key and the EU host, and its title says so.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseEuEndpointCodeFixProvider))]
    [Shared]
    [ExtensionOrder(Before = nameof(AnonymizeCodeFixProvider))] // removing the transfer comes first
    public sealed class UseEuEndpointCodeFixProvider : CodeFixProvider
    {
        /// <summary>Rewrites the URL in code.</summary>
        public const string EquivalenceKey = "Residency.UseEuEndpoint";

        /// <summary>The URL comes from a configuration file: a TODO comment naming the key.</summary>
        public const string ConfigurationEquivalenceKey = "Residency.UseEuEndpoint.Configuration";

        private static readonly Regex ConfigurationSource = new(@"(?<file>[\w.\-]+\.json)(?: configKeys)?: (?<key>[^\s→]+)", RegexOptions.CultureInvariant);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.TransferOutsideAllowedRegions, DiagnosticIds.SpecialCategoryTransfer, DiagnosticIds.UnknownSinkRegion);

        public override FixAllProvider GetFixAllProvider() => new FixAll();

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var solution = context.Document.Project.Solution;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!TryGetHosts(diagnostic, out var host, out var euHost))
                {
                    continue;
                }

                var edit = await FindEndpointAsync(solution, diagnostic, host, euHost, context.CancellationToken).ConfigureAwait(false);
                if (edit is not null)
                {
                    var where = edit.Description is null ? string.Empty : $" ({edit.Description})";
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Use the EU endpoint {euHost}{where}",
                            ct => ApplyAsync(solution, new[] { edit }, ct),
                            EquivalenceKey),
                        diagnostic);
                    continue;
                }

                if (ConfigurationKey(diagnostic) is { } configuration && !await HasTodoAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Use the EU endpoint: set '{configuration.Key}' in {configuration.File} to {euHost} (the file is not edited; adds a TODO here)",
                            ct => AddTodosAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                            ConfigurationEquivalenceKey),
                        diagnostic);
                }
            }
        }

        private static bool TryGetHosts(Diagnostic diagnostic, out string host, out string euHost)
        {
            diagnostic.Properties.TryGetValue(DiagnosticProperties.HostKey, out var h);
            diagnostic.Properties.TryGetValue(DiagnosticProperties.EuAlternativeKey, out var eu);
            host = h ?? string.Empty;
            euHost = eu ?? string.Empty;

            // A host named from the region a client was given (AWS): no URL or configured endpoint to rewrite.
            return !diagnostic.Properties.ContainsKey(DiagnosticProperties.RegionNameKey) && host.Length > 0 && euHost.Length > 0 && euHost.IndexOf('{') < 0 && !string.Equals(host, euHost, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>A node to replace: where the URL is written (or the SDK options to set), and how to say so in the title when it is not in the call.</summary>
        private sealed class EndpointEdit
        {
            public EndpointEdit(DocumentId document, SyntaxNode oldNode, SyntaxNode newNode, string? description)
            {
                Document = document;
                OldNode = oldNode;
                NewNode = newNode;
                Description = description;
            }

            public DocumentId Document { get; }

            public SyntaxNode OldNode { get; }

            public SyntaxNode NewNode { get; }

            public string? Description { get; }
        }

        private static async Task<EndpointEdit?> FindEndpointAsync(Solution solution, Diagnostic diagnostic, string host, string euHost, CancellationToken cancellationToken)
        {
            // The sink's declaration comes first among the additional locations (then the sources); fall back to the
            // reported operation itself (a literal written in the call).
            var candidates = new List<Location>();
            if (diagnostic.AdditionalLocations.Count > 0 && diagnostic.AdditionalLocations[0].IsInSource)
            {
                candidates.Add(diagnostic.AdditionalLocations[0]);
            }

            candidates.Add(diagnostic.Location);
            foreach (var location in candidates)
            {
                var tree = location.SourceTree;
                if (tree is null)
                {
                    continue;
                }

                var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
                var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
                var found = await SearchAsync(solution, node, host, 0, cancellationToken).ConfigureAwait(false);
                if (found is not { } token || solution.GetDocument(token.SyntaxTree) is not { } document)
                {
                    continue;
                }

                var index = HostIndex(token.Text, host);
                var newText = token.Text.Substring(0, index) + euHost + token.Text.Substring(index + host.Length);
                var inCall = token.SyntaxTree == diagnostic.Location.SourceTree && diagnostic.Location.SourceSpan.Contains(token.Span);
                var parent = token.Parent!;
                return new EndpointEdit(document.Id, parent, parent.ReplaceToken(token, Rewrite(token, newText)), inCall ? null : Describe(token));
            }

            // No URL written anywhere: an SDK client on its default host (directly, or behind AsIChatClient() and its
            // decorators). Set the endpoint option where the client is created.
            // A Semantic Kernel connector registered without an endpoint: the overload that takes one.
            var set = await SdkOptions.FindAsync(solution, diagnostic, euHost, cancellationToken).ConfigureAwait(false) ??
                      await ConnectorEndpoint.FindAsync(solution, diagnostic, euHost, cancellationToken).ConfigureAwait(false);
            return set is null ? null : new EndpointEdit(set.Document, set.OldNode, set.NewNode, set.Description);
        }

        /// <summary>
        /// The string token holding <paramref name="host"/> in <paramref name="node"/>, or in the initializer of a constant,
        /// field or local it names (up to three hops, in any document of the solution).
        /// </summary>
        private static async Task<SyntaxToken?> SearchAsync(Solution solution, SyntaxNode node, string host, int depth, CancellationToken cancellationToken)
        {
            foreach (var token in node.DescendantTokens())
            {
                if ((token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken) ||
                     token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)) &&
                    HostIndex(token.Text, host) >= 0)
                {
                    return token;
                }
            }

            if (depth >= 3 || node.SyntaxTree is not { } tree || solution.GetDocument(tree) is not { } document)
            {
                return null;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model is null)
            {
                return null;
            }

            foreach (var name in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
                if (symbol is not (IFieldSymbol or ILocalSymbol or IPropertySymbol))
                {
                    continue;
                }

                foreach (var reference in symbol.DeclaringSyntaxReferences)
                {
                    var declaration = await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
                    SyntaxNode? initializer = declaration switch
                    {
                        VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                        PropertyDeclarationSyntax property => (SyntaxNode?)property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                        _ => null,
                    };
                    if (initializer is not null && await SearchAsync(solution, initializer, host, depth + 1, cancellationToken).ConfigureAwait(false) is { } found)
                    {
                        return found;
                    }
                }
            }

            return null;
        }

        /// <summary>Where the host starts in a URL text: after <c>//</c> or at the start, and followed by the end, a port, a path or a query.</summary>
        private static int HostIndex(string text, string host)
        {
            int from = 0;
            while (true)
            {
                int index = text.IndexOf(host, from, StringComparison.OrdinalIgnoreCase);
                if (index < 0)
                {
                    return -1;
                }

                bool startOk = index >= 2 && text[index - 1] == '/' && text[index - 2] == '/' ||
                               index == 0 || index == 1 && text[0] == '"' || index >= 2 && text[index - 1] == '"' && text[index - 2] == '@';
                int end = index + host.Length;
                bool endOk = end == text.Length || text[end] is '/' or ':' or '?' or '#' or '"';
                if (startOk && endOk)
                {
                    return index;
                }

                from = index + 1;
            }
        }

        private static string? Describe(SyntaxToken token)
        {
            var declarator = token.Parent?.FirstAncestorOrSelf<VariableDeclaratorSyntax>();
            if (declarator is not null)
            {
                return declarator.Parent?.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword)
                    ? $"changes the constant '{declarator.Identifier.ValueText}'"
                    : $"changes '{declarator.Identifier.ValueText}'";
            }

            var assignment = token.Parent?.FirstAncestorOrSelf<AssignmentExpressionSyntax>();
            if (assignment?.Left is IdentifierNameSyntax or MemberAccessExpressionSyntax)
            {
                var name = assignment.Left is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : ((IdentifierNameSyntax)assignment.Left).Identifier.ValueText;
                return $"changes '{name}'";
            }

            var property = token.Parent?.FirstAncestorOrSelf<PropertyDeclarationSyntax>();
            return property is null ? null : $"changes '{property.Identifier.ValueText}'";
        }

        private static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<EndpointEdit> edits, CancellationToken cancellationToken)
        {
            foreach (var group in edits.GroupBy(e => e.Document))
            {
                var document = solution.GetDocument(group.Key);
                var root = document is null ? null : await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (document is null || root is null)
                {
                    continue;
                }

                var byNode = new Dictionary<SyntaxNode, SyntaxNode>();
                foreach (var edit in group)
                {
                    if (!byNode.ContainsKey(edit.OldNode))
                    {
                        byNode[edit.OldNode] = edit.NewNode; // the same constant reached from several calls is one edit
                    }
                }

                var updated = root.ReplaceNodes(byNode.Keys, (original, _) => byNode[original]);
                solution = solution.WithDocumentSyntaxRoot(group.Key, updated);
            }

            return solution;
        }

        private static SyntaxToken Rewrite(SyntaxToken token, string newText)
        {
            if (token.IsKind(SyntaxKind.InterpolatedStringTextToken))
            {
                // Hosts hold no braces or escapes: the value changes like the text (doubled braces stand for one).
                var value = token.Text == token.ValueText ? newText : newText.Replace("{{", "{").Replace("}}", "}");
                return SyntaxFactory.Token(token.LeadingTrivia, SyntaxKind.InterpolatedStringTextToken, newText, value, token.TrailingTrivia);
            }

            // Re-lex the literal so that its value matches its new text (regular, verbatim and raw literals alike).
            var parsed = SyntaxFactory.ParseExpression(newText).GetFirstToken();
            return parsed.IsKind(token.Kind()) ? parsed.WithTriviaFrom(token) : token;
        }

        private static (string File, string Key)? ConfigurationKey(Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ResolvedByKey, out var resolvedBy) || resolvedBy is null)
            {
                return null;
            }

            var match = ConfigurationSource.Match(resolvedBy);
            return match.Success ? (match.Groups["file"].Value, match.Groups["key"].Value) : null;
        }

        private static string Todo(string key, string file, string euHost) =>
            $"// TODO(residency): set \"{key}\" in {file} to the EU endpoint https://{euHost}";

        /// <summary>Whether the statement already carries the TODO (then the fix is not offered again).</summary>
        private static async Task<bool> HasTodoAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var statement = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<StatementSyntax>();
            return statement is not null && statement.GetLeadingTrivia().ToFullString().Contains("TODO(residency): set");
        }

        private static async Task<Document> AddTodosAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var endOfLine = FixSyntax.EndOfLine(root);
            var notes = new Dictionary<StatementSyntax, List<string>>();
            foreach (var diagnostic in diagnostics)
            {
                if (!TryGetHosts(diagnostic, out _, out var euHost) || ConfigurationKey(diagnostic) is not { } configuration)
                {
                    continue;
                }

                var statement = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<StatementSyntax>();
                if (statement is null)
                {
                    continue;
                }

                var note = Todo(configuration.Key, configuration.File, euHost);
                if (!notes.TryGetValue(statement, out var list))
                {
                    notes[statement] = list = new List<string>();
                }

                if (!list.Contains(note) && !statement.GetLeadingTrivia().ToFullString().Contains(note))
                {
                    list.Add(note);
                }
            }

            var updated = root.ReplaceNodes(notes.Keys, (original, rewritten) =>
            {
                var leading = rewritten.GetLeadingTrivia();
                var indentation = FixSyntax.Indentation(leading);
                var added = SyntaxTriviaList.Empty;
                foreach (var note in notes[original])
                {
                    added = added.AddRange(indentation).Add(SyntaxFactory.Comment(note)).Add(endOfLine);
                }

                // Insert after any comments already above the statement, just before its indentation.
                var beforeIndentation = leading.Take(leading.Count - indentation.Count);
                return rewritten.WithLeadingTrivia(SyntaxFactory.TriviaList(beforeIndentation).AddRange(added).AddRange(indentation));
            });

            return document.WithSyntaxRoot(updated);
        }

        /// <summary>Fix All across documents: a constant shared by many calls (possibly in another file) is rewritten once.</summary>
        private sealed class FixAll : FixAllProvider
        {
            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var key = fixAllContext.CodeActionEquivalenceKey;
                if (key != EquivalenceKey && key != ConfigurationEquivalenceKey)
                {
                    return Task.FromResult<CodeAction?>(null);
                }

                var title = key == EquivalenceKey ? "Use the EU endpoints" : "Add TODOs to set the EU endpoints in configuration";
                return Task.FromResult<CodeAction?>(CodeAction.Create(title, ct => FixAllAsync(fixAllContext, key, ct), key));
            }

            private static async Task<Solution> FixAllAsync(FixAllContext context, string key, CancellationToken cancellationToken)
            {
                var documents = context.Scope switch
                {
                    FixAllScope.Document when context.Document is not null => new[] { context.Document },
                    FixAllScope.Project => context.Project.Documents.ToArray(),
                    _ => context.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
                };

                var solution = context.Solution;
                var edits = new List<EndpointEdit>();
                var configurationFixes = new List<(DocumentId, ImmutableArray<Diagnostic>)>();
                foreach (var document in documents)
                {
                    var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                    var forConfiguration = ImmutableArray.CreateBuilder<Diagnostic>();
                    foreach (var diagnostic in diagnostics)
                    {
                        if (!TryGetHosts(diagnostic, out var host, out var euHost))
                        {
                            continue;
                        }

                        var edit = await FindEndpointAsync(solution, diagnostic, host, euHost, cancellationToken).ConfigureAwait(false);
                        if (edit is not null)
                        {
                            edits.Add(edit);
                        }
                        else if (ConfigurationKey(diagnostic) is not null)
                        {
                            forConfiguration.Add(diagnostic);
                        }
                    }

                    if (forConfiguration.Count > 0)
                    {
                        configurationFixes.Add((document.Id, forConfiguration.ToImmutable()));
                    }
                }

                if (key == EquivalenceKey)
                {
                    return await ApplyAsync(solution, edits, cancellationToken).ConfigureAwait(false);
                }

                foreach (var (id, diagnostics) in configurationFixes)
                {
                    var document = solution.GetDocument(id);
                    if (document is not null)
                    {
                        solution = (await AddTodosAsync(document, diagnostics, cancellationToken).ConfigureAwait(false)).Project.Solution;
                    }
                }

                return solution;
            }
        }
    }
}
