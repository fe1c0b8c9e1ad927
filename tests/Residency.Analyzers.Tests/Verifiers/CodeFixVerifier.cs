using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Residency.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Runs an analyzer and a code fix over C# sources with Microsoft.CodeAnalysis.Testing markup, with the same
    /// references and language settings as <see cref="AnalyzerVerifier{TAnalyzer}"/>. The framework also checks
    /// Fix All (document, project, solution) unless a test sets the iteration counts itself.
    /// </summary>
    public static class CodeFixVerifier<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(descriptor);

        public static Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] expected) =>
            VerifyAsync(source, fixedSource, equivalenceKey: null, expected);

        public static async Task VerifyAsync(string source, string fixedSource, string? equivalenceKey, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = equivalenceKey };
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        /// <summary>Verifies that no code fix is offered for the expected diagnostics.</summary>
        public static async Task VerifyNoFixAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source, FixedCode = source };
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = TestReferences.None;
                TestState.AdditionalReferences.AddRange(TestReferences.All);
            }

            /// <summary>Adds MSBuild properties as a global analyzer config (the fixed state inherits it).</summary>
            public Test WithProperties(params (string Key, string Value)[] properties)
            {
                TestState.AnalyzerConfigFiles.Add(TestReferences.GlobalConfig(properties));
                return this;
            }

            protected override ParseOptions CreateParseOptions() =>
                ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);

            protected override CompilationOptions CreateCompilationOptions() =>
                ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
        }
    }
}
