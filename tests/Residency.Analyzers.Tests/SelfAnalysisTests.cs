using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests
{
    /// <summary>
    /// Runs every Residency analyzer over the repository's own sources and the samples (real, large, partly
    /// unresolvable code) and asserts that no analyzer throws (no AD0001).
    /// </summary>
    public class SelfAnalysisTests
    {
        [Theory]
        [InlineData("src")]
        [InlineData("samples")]
        [InlineData("tests")]
        public async Task AnalyzersDoNotThrowOnRepositorySources(string folder)
        {
            var root = FindRepositoryRoot();
            var files = Directory.GetFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            Assert.NotEmpty(files);

            var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Preview), path: f));
            var references = TestReferences.All
                .Add(MetadataReference.CreateFromFile(typeof(Compilation).Assembly.Location))
                .Add(MetadataReference.CreateFromFile(typeof(CSharpCompilation).Assembly.Location));
            var compilation = CSharpCompilation.Create("SelfAnalysis", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            var analyzers = typeof(ResidencyContext).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            Assert.NotEmpty(analyzers);

            var exceptions = new ConcurrentBag<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();

            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }

        internal static string FindRepositoryRoot()
        {
            var directory = AppContext.BaseDirectory;
            while (directory is not null && !File.Exists(Path.Combine(directory, "Residency.Analyzers.sln")))
            {
                directory = Path.GetDirectoryName(directory);
            }

            return directory ?? throw new InvalidOperationException("repository root not found");
        }
    }
}
