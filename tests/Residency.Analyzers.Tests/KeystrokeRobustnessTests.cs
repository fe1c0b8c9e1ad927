using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests
{
    /// <summary>
    /// Two applications as an editor sees them while they are typed: the sample (samples/SupportDesk: an LLM through
    /// <c>IChatClient</c>, HTTP, ASP.NET Core endpoints) and the help desk of Corpus/HelpDesk (Semantic Kernel, AI tools,
    /// MailKit and System.Net.Mail, claims, Identity, the request, static storage, options bound to appsettings.json, a queue
    /// drained by a hosted service). Each file is cut off after a token (the rest not typed yet) and has one token missing
    /// (deleted, or not typed yet); every Residency analyzer runs over each such compilation as the IDE runs them and as a command-line build does (flows at compilation end, the facts
    /// file written). No analyzer may throw (AD0001), and in the IDE's mode no code fix offered on what they report may
    /// throw while its preview is computed. Both applications compile cleanly as they are and raise the findings
    /// listed here, the same in both modes (checked first), so each variant is broken by exactly one edit.
    /// </summary>
    public class KeystrokeRobustnessTests
    {
        /// <summary>
        /// Every how many tokens an edit is tried. 1 tries every token (1,200–1,400 edits of each kind in each application,
        /// about twenty minutes in all); the default keeps the test under a minute and still edits every file.
        /// <c>RESIDENCY_KEYSTROKE_STRIDE=1</c> runs them all.
        /// </summary>
        private static readonly int Stride = int.TryParse(Environment.GetEnvironmentVariable("RESIDENCY_KEYSTROKE_STRIDE"), out var stride) && stride > 0 ? stride : 29;

        // The packages' assemblies next to the tests; Microsoft.Extensions.* and the framework come from the targeting packs.
        private static readonly string[] PackageAssemblies =
        {
            "Microsoft.Extensions.AI", "Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI.OpenAI", "OpenAI",
            "System.ClientModel", "System.Memory.Data", "Azure.AI.OpenAI", "Azure.Core", "Microsoft.SemanticKernel.Abstractions",
            "Microsoft.SemanticKernel.Core", "Microsoft.SemanticKernel.Connectors.OpenAI", "Microsoft.SemanticKernel.Connectors.AzureOpenAI",
            "Microsoft.Extensions.VectorData.Abstractions", "MailKit", "MimeKit",
        };

        /// <summary>The applications, by folder from the repository's root.</summary>
        public static TheoryData<string> Applications() => new() { SupportDesk, HelpDesk };

        private const string SupportDesk = "samples/SupportDesk";

        private const string HelpDesk = "tests/Residency.Analyzers.Tests/Corpus/HelpDesk";

        // What the SDK generates for a console project with ImplicitUsings.
        private const string GlobalUsings = @"global using global::System;
global using global::System.Collections.Generic;
global using global::System.IO;
global using global::System.Linq;
global using global::System.Net.Http;
global using global::System.Threading;
global using global::System.Threading.Tasks;
";

        public enum Edit
        {
            /// <summary>The file ends after the token: what follows is not typed yet.</summary>
            CutAfter,

            /// <summary>The token is missing, the rest of the file is there.</summary>
            Delete,
        }

        /// <summary>What each application raises as it is: the line of every finding, by rule.</summary>
        private static readonly Dictionary<string, string[]> Findings = new()
        {
            [SupportDesk] = new[]
            {
                "RES001 Services/SupportService.cs:16", "RES001 Services/SupportService.cs:28", "RES001 Services/TicketAssistant.cs:27",
                "RES001 Services/TicketSummarizer.cs:29", "RES001 Web/AccountEndpoints.cs:38", "RES002 Services/SupportService.cs:42",
                "RES005 Services/SupportService.cs:38",
            },
            [HelpDesk] = new[]
            {
                // The tool's return value, the prompt and the streamed notes go to api.openai.com; the Semantic Kernel
                // prompt, its chat service and its plugin use eu.api.openai.com and are clean.
                "RES001 Assistant.cs:29", "RES001 Assistant.cs:37", "RES001 Assistant.cs:56",
                // MailKit to SendGrid (US); System.Net.Mail to a host from a field (unknown); the EU Mailgun host is clean;
                // building the MimeMessage is local (no RES008).
                "RES001 Mail.cs:23", "RES003 Mail.cs:35",
                // The SMTP host from options bound to appsettings.json (SendGrid); a queue drained by a hosted service.
                "RES001 Options.cs:27", "RES001 Queue.cs:22",
                // A claim, Identity's phone number, the client's IP address and User-Agent to Segment (US).
                "RES001 Endpoints.cs:23",
                // The e-mail address posted in the form, stored in the case book: the assistant's tool hands it to
                // api.openai.com and the notifier mails it through SendGrid (both US), and its reminder to the SMTP
                // host from a field (unknown).
                "RES001 Endpoints.cs:33", "RES001 Endpoints.cs:34", "RES003 Endpoints.cs:35",
                "RES006 Models.cs:9",
                // The signed-in user's claims handed to Identity's user store to look the agent up (GetUserAsync): the
                // database behind it is not declared.
                "RES008 Endpoints.cs:20",
            },
        };

        [Theory]
        [MemberData(nameof(Applications))]
        public async Task TheApplicationAsItIsCompilesAndRaisesItsFindings(string application)
        {
            var project = Open(application, SourceFiles(application));
            Assert.Empty((await project.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            // And the analyzers find its flows, the same in both modes: the harness runs them for real.
            var folder = Folder(application) + Path.DirectorySeparatorChar;
            foreach (var commandLine in new[] { false, true })
            {
                var (diagnostics, exceptions) = await AnalyzeAsync(project, commandLine);
                Assert.Empty(exceptions);
                var found = diagnostics
                    .Select(d => d.Location.GetLineSpan())
                    .Zip(diagnostics, (span, d) => $"{d.Id} {span.Path.Substring(folder.Length).Replace(Path.DirectorySeparatorChar, '/')}:{span.StartLinePosition.Line + 1}")
                    .OrderBy(f => f, StringComparer.Ordinal);
                Assert.Equal(Findings[application].OrderBy(f => f, StringComparer.Ordinal), found);

                // Every finding's fixes are computed, and none throws. Each violation offers one at least (the EU
                // endpoint, the declared transfer, anonymising) and so does each unannotated member (the annotation); a
                // covered transfer (RES005) has nothing to fix, and an unknown region (RES003 without an EU alternative) is
                // for a person to find out.
                var (fixes, failures) = await FixAsync(project, diagnostics);
                Assert.Empty(failures);
                Assert.Empty(diagnostics
                    .Where(d => d.Id is "RES001" or "RES002" or "RES006" && !fixes.Contains(d))
                    .Select(d => $"{d.Id} {d.Location.GetLineSpan()}: no fix"));
            }
        }

        [Theory]
        [MemberData(nameof(Edits))]
        public async Task NoAnalyzerThrowsWhileTheApplicationIsTyped(string application, Edit edit, bool commandLine)
        {
            var files = SourceFiles(application);
            var failures = new ConcurrentBag<string>();
            int variants = 0;
            foreach (var file in files)
            {
                var tokens = CSharpSyntaxTree.ParseText(file.Text).GetRoot().DescendantTokens().ToList();
                for (int i = (file.Path.Length + (int)edit) % Stride; i < tokens.Count; i += Stride)
                {
                    var token = tokens[i];
                    string text = edit == Edit.CutAfter
                        ? file.Text.Substring(0, token.Span.End)
                        : file.Text.Remove(token.Span.Start, token.Span.Length);
                    var sources = files.Select(f => (f.Path, f.Path == file.Path ? text : f.Text)).ToList();
                    var project = Open(application, sources);
                    var (diagnostics, exceptions) = await AnalyzeAsync(project, commandLine);
                    if (!commandLine)
                    {
                        // The IDE offers the fixes of what it shows: computing each must not throw either.
                        exceptions.AddRange((await FixAsync(project, diagnostics)).Failures);
                    }

                    foreach (var exception in exceptions)
                    {
                        failures.Add($"{Path.GetFileName(file.Path)}, {edit} '{token.Text}' at {token.GetLocation().GetLineSpan().StartLinePosition}: {exception}");
                    }

                    variants++;
                }
            }

            Assert.True(variants >= files.Count, $"only {variants} variants");
            Assert.Empty(failures);
        }

        public static TheoryData<string, Edit, bool> Edits()
        {
            var data = new TheoryData<string, Edit, bool>();
            foreach (var application in new[] { SupportDesk, HelpDesk })
            {
                foreach (var edit in new[] { Edit.CutAfter, Edit.Delete })
                {
                    data.Add(application, edit, false);
                    data.Add(application, edit, true);
                }
            }

            return data;
        }

        private static string Folder(string application) => Path.Combine(SelfAnalysisTests.FindRepositoryRoot(), application.Replace('/', Path.DirectorySeparatorChar));

        private static List<(string Path, string Text)> SourceFiles(string application)
        {
            var folder = Folder(application);
            var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (f, File.ReadAllText(f)))
                .ToList();
            Assert.NotEmpty(files);
            return files;
        }

        /// <summary>The application as the IDE holds it: a project of a workspace, with its JSON files as additional documents.</summary>
        private static Project Open(string application, IEnumerable<(string Path, string Text)> sources)
        {
            var workspace = new AdhocWorkspace();
            var id = ProjectId.CreateNewId();
            var name = Path.GetFileName(application);
            var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
                id,
                VersionStamp.Default,
                name,
                name,
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(application == SupportDesk ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Preview),
                metadataReferences: References.Value));
            foreach (var (path, text) in sources.Append((Path.Combine(Folder(application), "obj", "GlobalUsings.g.cs"), GlobalUsings)))
            {
                solution = solution.AddDocument(DocumentId.CreateNewId(id), Path.GetFileName(path), SourceText.From(text), filePath: path);
            }

            foreach (var path in Directory.GetFiles(Folder(application), "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(id), Path.GetFileName(path), SourceText.From(File.ReadAllText(path)), filePath: path);
            }

            return solution.GetProject(id)!;
        }

        private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        {
            var builder = TestReferences.AspNetCore.ToBuilder();
            foreach (var name in PackageAssemblies)
            {
                builder.Add(MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, name + ".dll")));
            }

            return builder.ToImmutable();
        });

        private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(ResidencyContext).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        private static readonly ImmutableArray<CodeFixProvider> Fixers = typeof(Residency.CodeFixes.UseEuEndpointCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        /// <summary>
        /// Every code fix our providers offer for <paramref name="diagnostics"/>, computed as the IDE computes a preview (the
        /// changed solution): the diagnostics that were offered one, and what threw.
        /// </summary>
        private static async Task<(HashSet<Diagnostic> Fixed, List<string> Failures)> FixAsync(Project project, ImmutableArray<Diagnostic> diagnostics)
        {
            var fixes = new HashSet<Diagnostic>();
            var failures = new List<string>();
            foreach (var diagnostic in diagnostics)
            {
                if (project.GetDocument(diagnostic.Location.SourceTree) is not { } document)
                {
                    continue;
                }

                foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    try
                    {
                        var actions = new List<CodeAction>();
                        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                        foreach (var action in actions)
                        {
                            foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
                            {
                                if (operation is ApplyChangesOperation apply)
                                {
                                    foreach (var changed in apply.ChangedSolution.GetChanges(project.Solution).GetProjectChanges().SelectMany(c => c.GetChangedDocuments()))
                                    {
                                        await apply.ChangedSolution.GetDocument(changed)!.GetTextAsync();
                                    }
                                }
                            }

                            fixes.Add(diagnostic);
                        }
                    }
                    catch (Exception exception)
                    {
                        failures.Add($"{fixer.GetType().Name} on {diagnostic.Id} at {diagnostic.Location.GetLineSpan()}: {exception}");
                    }
                }
            }

            return (fixes, failures);
        }

        /// <summary>Every analyzer over the project's compilation, with its additional documents as additional files (as the IDE gives them).</summary>
        private static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<string> Exceptions)> AnalyzeAsync(Project project, bool commandLine)
        {
            var compilation = (await project.GetCompilationAsync())!;
            var exceptions = new List<string>();
            string? factsFile = commandLine ? Path.Combine(Path.GetTempPath(), "residency-keystrokes-" + Guid.NewGuid().ToString("N") + ".json") : null;
            var analyzerOptions = new AnalyzerOptions(project.AnalyzerOptions.AdditionalFiles, new GlobalOptionsProvider(commandLine
                ? new Dictionary<string, string> { [ResidencyOptions.CommandLineBuildKey] = "true", [ResidencyOptions.FactsFileKey] = factsFile! }
                : new Dictionary<string, string>()));

            var options = new CompilationWithAnalyzersOptions(
                analyzerOptions,
                (exception, analyzer, diagnostic) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add($"{analyzer.GetType().Name}: {exception}");
                    }
                },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            lock (exceptions)
            {
                exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()));
            }

            if (factsFile is not null)
            {
                // A command-line build writes the facts file at compilation end, broken code or not.
                if (!File.Exists(factsFile))
                {
                    exceptions.Add("no facts file was written");
                }

                File.Delete(factsFile);
            }

            return (diagnostics, exceptions);
        }
    }
}
