using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Residency.Analyzers.Tests.Verifiers
{
    /// <summary>Runs an analyzer over C# sources with Microsoft.CodeAnalysis.Testing markup.</summary>
    public static class AnalyzerVerifier<TAnalyzer>
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

        public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
            VerifyAsync(source, properties: null, expected);

        /// <summary>Verifies against the real ASP.NET Core reference assemblies (see <see cref="TestReferences.AspNetCore"/>).</summary>
        public static Task VerifyAspNetCoreAsync(string source, params DiagnosticResult[] expected) =>
            VerifyAspNetCoreAsync(source, residencyJson: null, expected);

        /// <summary>As <see cref="VerifyAspNetCoreAsync(string, DiagnosticResult[])"/>, with a residency.json AdditionalFile.</summary>
        public static async Task VerifyAspNetCoreAsync(string source, string? residencyJson, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source }.WithAspNetCore();
            if (residencyJson is not null)
            {
                test.TestState.AdditionalFiles.Add(("/project/residency.json", residencyJson));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        public static async Task VerifyAsync(string source, (string Key, string Value)[]? properties, params DiagnosticResult[] expected)
        {
            var test = new Test { TestCode = source };
            if (properties is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(TestReferences.GlobalConfig(properties));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = TestReferences.None;
                TestState.AdditionalReferences.AddRange(TestReferences.All);
            }

            /// <summary>Compiles against .NET 10 and ASP.NET Core instead of the .NET 8 reference assemblies.</summary>
            public Test WithAspNetCore()
            {
                TestState.AdditionalReferences.Clear();
                TestState.AdditionalReferences.AddRange(TestReferences.AspNetCore);
                return this;
            }

            protected override ParseOptions CreateParseOptions() =>
                ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion.CSharp12);

            /// <summary>Every compilation a test verifies also checks the pre-filter's soundness (<see cref="PrefilterSoundness"/>).</summary>
            protected override async Task<(Compilation compilation, ImmutableArray<Diagnostic> generatorDiagnostics)> GetProjectCompilationAsync(Project project, IVerifier verifier, CancellationToken cancellationToken)
            {
                var result = await base.GetProjectCompilationAsync(project, verifier, cancellationToken);
                var (lost, _, _) = PrefilterSoundness.Check(result.compilation);
                verifier.True(lost.Count == 0, "the syntactic pre-filter rules out bodies the engine analyses: " + string.Join(", ", lost));
                var (unreached, _) = PrefilterSoundness.CheckReach(result.compilation);
                verifier.True(unreached.Count == 0, "the syntactic pre-filter says bodies with flows of their own reach no recipient: " + string.Join(", ", unreached));
                if (typeof(TAnalyzer) == typeof(Residency.Analyzers.Rules.PersonalDataFlowAnalyzer) || typeof(TAnalyzer) == typeof(Residency.Analyzers.Rules.UnclassifiedRecipientAnalyzer))
                {
                    var (ide, commandLine) = await DeferredEquivalence.RunAsync(result.compilation, new TAnalyzer(), project.AnalyzerOptions, cancellationToken);
                    verifier.True(
                        ide.SequenceEqual(commandLine),
                        "a command-line build (flows analysed at compilation end) reports what the IDE reports.\nIDE:\n  " + string.Join("\n  ", ide) + "\ncommand line:\n  " + string.Join("\n  ", commandLine));
                }

                return result;
            }

            protected override CompilationOptions CreateCompilationOptions() =>
                ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
        }
    }
}
