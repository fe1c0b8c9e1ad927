using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Sources
{
    /// <summary>Every Residency analyzer over half-typed code that uses claims, Identity and request metadata, and over bad residency.json sources: no AD0001.</summary>
    public class SourceRobustnessTests
    {
        [Theory]
        [InlineData("class H { string? M(ClaimsPrincipal u) => u.FindFirstValue(; }")]
        [InlineData("class H { string? M(ClaimsPrincipal u) => u.Claims.First(c => c.Type == ).Value; }")]
        [InlineData("class H { string? M(ClaimsPrincipal u) => u.Claims.First(c => c.Type.Equals()).Value; }")]
        [InlineData("class H { string? M(ClaimsPrincipal u) => u.FindFirst(c => ).Value; }")]
        [InlineData("class H { string M(HttpContext c) => c.Request.Headers[]; }")]
        [InlineData("class H { string M(HttpContext c) => c.Request.Headers[\"X-Real-IP\", 1]; }")]
        [InlineData("class H { async Task<string?> M(UserManager<Missing> m) => await m.GetEmailAsync(null); }")]
        [InlineData("static class X { public static string? Get(ClaimsPrincipal u, string t) => u.FindFirst(t)?.Value; static string? A(ClaimsPrincipal u) => Get(u, ); static string? B(ClaimsPrincipal u) => Get(); }")]
        [InlineData("record R([PersonalData(\"name\")] string, int Id); record S([PersonalData] Missing X);")]
        [InlineData("class C { string N => typeof(). ; string M => GetType(). ; }")]
        public async Task HalfTypedCodeNeverThrows(string code)
        {
            await RunAsync(Header + code, residencyJson: null);
        }

        [Theory]
        [InlineData("{ \"sources\": [ { \"member\": \"A.B.*\", \"category\": \"x\" }, { \"member\": \"*\", \"category\": \"y\" }, { \"claimType\": 3 }, 7, null ] }")]
        [InlineData("{ \"sources\": { \"member\": \"A.B\" } }")]
        [InlineData("{ \"sources\": [ { \"member\": \"System.Security.Claims.ClaimsPrincipal.*\", \"category\": \"unique_id\" } ], \"sinks\": [ { \"method\": \"System.Object.*\", \"region\": \"US\" } ] }")]
        public Task BadOrBroadResidencyJsonNeverThrows(string json) =>
            RunAsync(Header + "class H { string? M(ClaimsPrincipal u, object o) { o.ToString(); return u.FindFirstValue(\"email\"); } }", json);

        private const string Header = "using System.Linq; using System.Threading.Tasks; using System.Security.Claims; using Microsoft.AspNetCore.Http; using Microsoft.AspNetCore.Identity; using Residency;\n";

        private static async Task RunAsync(string source, string? residencyJson)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), path: "Test0.cs");
            var compilation = CSharpCompilation.Create("Robustness", new[] { tree }, TestReferences.AspNetCore,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var analyzers = typeof(Residency.Analyzers.Rules.PersonalDataFlowAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            var files = residencyJson is null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create<AdditionalText>(new Text("/project/residency.json", residencyJson));
            var exceptions = new ConcurrentBag<Exception>();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(files), (exception, analyzer, diagnostic) => exceptions.Add(exception), concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(timeout.Token);

            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }

        private sealed class Text(string path, string content) : AdditionalText
        {
            public override string Path { get; } = path;

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(content);
        }
    }
}
