using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Residency.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// A command-line build analyses flows at compilation end (Flow/DeferredAnalyses.cs), the IDE in each code-block
    /// action: both must report the same diagnostics. Checked on every compilation a flow analyzer's test verifies.
    /// </summary>
    internal static class DeferredEquivalence
    {
        /// <summary>The diagnostics of <paramref name="analyzer"/> as the IDE and as a command-line build report them, rendered for comparison.</summary>
        public static async Task<(List<string> Ide, List<string> CommandLine)> RunAsync(Compilation compilation, DiagnosticAnalyzer analyzer, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var ide = await RenderAsync(compilation, analyzer, options, cancellationToken);
            var commandLine = await RenderAsync(compilation, analyzer, AsCommandLineBuild(options), cancellationToken);
            return (ide, commandLine);
        }

        /// <summary><paramref name="options"/> as a command-line build gives them: with <c>_ResidencyCommandLineBuild = true</c>.</summary>
        public static AnalyzerOptions AsCommandLineBuild(AnalyzerOptions options) =>
            new(options.AdditionalFiles, new WithGlobal(options.AnalyzerConfigOptionsProvider, ResidencyOptions.CommandLineBuildKey, "true"));

        private static async Task<List<string>> RenderAsync(Compilation compilation, DiagnosticAnalyzer analyzer, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            // A clone: the analyzers' context is cached per compilation object.
            var diagnostics = await compilation.Clone().WithAnalyzers(ImmutableArray.Create(analyzer), options).GetAnalyzerDiagnosticsAsync(cancellationToken);
            return diagnostics
                .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()} [{string.Join(", ", d.AdditionalLocations.Select(l => l.GetLineSpan().ToString()))}]")
                .OrderBy(s => s, System.StringComparer.Ordinal)
                .ToList();
        }

        private sealed class WithGlobal(AnalyzerConfigOptionsProvider inner, string key, string value) : AnalyzerConfigOptionsProvider
        {
            public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(inner.GlobalOptions, key, value);

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => inner.GetOptions(tree);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => inner.GetOptions(textFile);

            private sealed class Values(AnalyzerConfigOptions inner, string key, string value) : AnalyzerConfigOptions
            {
                public override bool TryGetValue(string name, out string result)
                {
                    if (name == key)
                    {
                        result = value;
                        return true;
                    }

                    return inner.TryGetValue(name, out result!);
                }
            }
        }
    }
}
