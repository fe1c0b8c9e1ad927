using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Residency.Analyzers.Diagnostics;

namespace Residency.CodeFixes
{
    /// <summary>
    /// RES008: classifies the method that receives personal data by adding it to the project's residency.json (created
    /// when the project has none): under <c>sinks</c> with the region still to fill in (the placeholder is reported as
    /// RES004 until it is a region code), or under <c>local</c> when the method keeps data in the process.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClassifyRecipientCodeFixProvider))]
    [Shared]
    public sealed class ClassifyRecipientCodeFixProvider : CodeFixProvider
    {
        /// <summary>Declares the method a sink (region to fill in).</summary>
        public const string SinkEquivalenceKey = "Residency.ClassifyRecipient.Sink";

        /// <summary>Declares the method local.</summary>
        public const string LocalEquivalenceKey = "Residency.ClassifyRecipient.Local";

        private const string FileName = "residency.json";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnclassifiedRecipient);

        public override FixAllProvider GetFixAllProvider() => new FixAll();

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var project = context.Document.Project;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (MethodOf(diagnostic) is not { } method || !CanEdit(project, method, context.CancellationToken))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Declare {method} a sink in {FileName} (fill in its region)",
                        ct => ApplyAsync(project.Solution, project.Id, new[] { method }, sink: true, ct),
                        SinkEquivalenceKey),
                    diagnostic);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Declare {method} local in {FileName} (it keeps data in the process)",
                        ct => ApplyAsync(project.Solution, project.Id, new[] { method }, sink: false, ct),
                        LocalEquivalenceKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static string? MethodOf(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(DiagnosticProperties.UnclassifiedMethodKey, out var method) && !string.IsNullOrEmpty(method) ? method : null;

        private static TextDocument? ResidencyJson(Project project) =>
            project.AdditionalDocuments.FirstOrDefault(d => string.Equals(Path.GetFileName(d.FilePath ?? d.Name), FileName, StringComparison.OrdinalIgnoreCase));

        /// <summary>Whether the fix can add the entry: no residency.json yet, or one it can edit that does not name the method already.</summary>
        private static bool CanEdit(Project project, string method, CancellationToken cancellationToken)
        {
            var document = ResidencyJson(project);
            if (document is null || !document.TryGetText(out var text))
            {
                return document is null;
            }

            var content = text.ToString();
            return content.IndexOf("\"" + method + "\"", StringComparison.Ordinal) < 0 &&
                   ResidencyJsonEditor.Add(content, "local", new[] { ResidencyJsonEditor.LocalEntry(method) }) is not null;
        }

        private static async Task<Solution> ApplyAsync(Solution solution, ProjectId projectId, IEnumerable<string> methods, bool sink, CancellationToken cancellationToken)
        {
            var project = solution.GetProject(projectId);
            if (project is null)
            {
                return solution;
            }

            var property = sink ? "sinks" : "local";
            var document = ResidencyJson(project);
            var existingText = document is null ? null : await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var existing = existingText?.ToString();
            var entries = methods
                .Distinct(StringComparer.Ordinal)
                .Where(m => existing is null || existing.IndexOf("\"" + m + "\"", StringComparison.Ordinal) < 0)
                .OrderBy(m => m, StringComparer.Ordinal)
                .Select(m => sink ? ResidencyJsonEditor.SinkEntry(m) : ResidencyJsonEditor.LocalEntry(m))
                .ToList();
            if (entries.Count == 0)
            {
                return solution;
            }

            if (document is null)
            {
                var directory = project.FilePath is null ? null : Path.GetDirectoryName(project.FilePath);
                var path = directory is null ? null : Path.Combine(directory, FileName);
                return solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), FileName, SourceText.From(ResidencyJsonEditor.NewFile(property, entries), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)), filePath: path);
            }

            var updated = ResidencyJsonEditor.Add(existing!, property, entries);
            return updated is null ? solution : solution.WithAdditionalDocumentText(document.Id, SourceText.From(updated, existingText!.Encoding, existingText.ChecksumAlgorithm));
        }

        /// <summary>Fix All: every unclassified method in scope, added to each project's residency.json in one edit.</summary>
        private sealed class FixAll : FixAllProvider
        {
            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
                new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var sink = fixAllContext.CodeActionEquivalenceKey == SinkEquivalenceKey;
                return Task.FromResult<CodeAction?>(CodeAction.Create(
                    sink ? $"Declare the methods sinks in {FileName}" : $"Declare the methods local in {FileName}",
                    ct => ApplyAllAsync(fixAllContext, sink, ct),
                    fixAllContext.CodeActionEquivalenceKey));
            }

            private static async Task<Solution> ApplyAllAsync(FixAllContext context, bool sink, CancellationToken cancellationToken)
            {
                var solution = context.Solution;
                var projects = context.Scope == FixAllScope.Solution ? solution.Projects : new[] { context.Project };
                foreach (var project in projects)
                {
                    var diagnostics = context.Scope == FixAllScope.Document && context.Document is not null
                        ? await context.GetDocumentDiagnosticsAsync(context.Document).ConfigureAwait(false)
                        : await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                    var methods = diagnostics.Select(MethodOf).Where(m => m is not null).Select(m => m!).ToList();
                    if (methods.Count > 0)
                    {
                        solution = await ApplyAsync(solution, project.Id, methods, sink, cancellationToken).ConfigureAwait(false);
                    }
                }

                return solution;
            }
        }
    }
}
