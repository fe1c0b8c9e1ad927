using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Analyzers;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Sinks
{
    /// <summary>
    /// Runs the flow analyzer over code that uses the real AI and e-mail packages (<see cref="PackageReferences"/>),
    /// and resolves sinks directly for the facts the inventory records.
    /// </summary>
    internal static class PackageTest
    {
        public const string Usings = @"
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Residency;
";

        public const string Model = @"
public class Customer
{
    public int Id { get; set; }
    [PersonalData(""contact.email"")] public string Email { get; set; } = """";
    [PersonalData(""name"")] public string Name { get; set; } = """";
}
";

        public static DiagnosticResult Diagnostic(string id, int markup) =>
            AnalyzerVerifier<PersonalDataFlowAnalyzer>.Diagnostic(id).WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        public static DiagnosticResult Res001(int markup) => Diagnostic("RES001", markup);

        public static DiagnosticResult Res003(int markup) => Diagnostic("RES003", markup);

        public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, null, expected);

        public static async Task VerifyAsync(string source, (string Path, string Content)[]? additionalFiles, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerVerifier<PersonalDataFlowAnalyzer>.Test { TestCode = Usings + source + Model };
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(PackageReferences.All);
            foreach (var file in additionalFiles ?? new (string, string)[0])
            {
                test.TestState.AdditionalFiles.Add(file);
            }

            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        /// <summary>The sinks of every call of <paramref name="source"/>, by call text.</summary>
        public static List<(string Call, SinkCall Sink)> Resolve(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(Usings + source + Model, new CSharpParseOptions(LanguageVersion.CSharp12), path: "/0/Test0.cs");
            var compilation = CSharpCompilation.Create("Probe", new[] { tree }, PackageReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            var context = ResidencyContext.For(compilation, new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty));
            var model = compilation.GetSemanticModel(tree);
            var result = new List<(string, SinkCall)>();
            foreach (var node in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (model.GetOperation(node) is IInvocationOperation invocation && context.Engine.ResolveSink(invocation) is { } call)
                {
                    result.Add((node.ToString(), call));
                }
            }

            return result;
        }

        /// <summary>The sink of the only call of <paramref name="source"/> whose text starts with <paramref name="callPrefix"/>.</summary>
        public static SinkCall Sink(string source, string callPrefix) =>
            Assert.Single(Resolve(source), c => c.Call.StartsWith(callPrefix, System.StringComparison.Ordinal)).Sink;
    }
}
