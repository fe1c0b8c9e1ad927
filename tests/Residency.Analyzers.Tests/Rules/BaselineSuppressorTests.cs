using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Diagnostics;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Rules
{
    public class BaselineSuppressorTests
    {
        private const string Source = @"
using Residency;
public class Customer { [PersonalData(""contact.email"")] public string Email { get; set; } = """"; [PersonalData(""name"")] public string Name { get; set; } = """"; }
public class Crm { [DataSink(""US"")] public void Send(string s) { } }
class Service
{
    void Known(Customer c, Crm crm) { crm.Send(c.Email); }
    void New(Customer c, Crm crm) { crm.Send(c.Name); }
}";

        [Fact]
        public async Task KnownFindingIsSuppressedAndNewOneIsNot()
        {
            var first = await RunAsync(Source, baseline: null);
            var known = first.Single(d => d.GetMessage().Contains("Customer.Email"));
            var fingerprint = known.Properties[DiagnosticProperties.FingerprintKey];
            Assert.False(string.IsNullOrEmpty(fingerprint));

            var baseline = "{\"schemaVersion\":1,\"findings\":[{\"fingerprint\":\"" + fingerprint + "\",\"rule\":\"RES001\"}]}";
            var second = await RunAsync(Source, baseline);
            Assert.True(second.Single(d => d.GetMessage().Contains("Customer.Email")).IsSuppressed);
            Assert.False(second.Single(d => d.GetMessage().Contains("Customer.Name")).IsSuppressed);
        }

        [Fact]
        public async Task FingerprintDoesNotDependOnLineNumbers()
        {
            var before = await RunAsync(Source, baseline: null);
            var after = await RunAsync("// an unrelated edit above\n// and another\n" + Source, baseline: null);
            Assert.Equal(
                before.Select(d => d.Properties[DiagnosticProperties.FingerprintKey]).OrderBy(x => x),
                after.Select(d => d.Properties[DiagnosticProperties.FingerprintKey]).OrderBy(x => x));
        }

        [Fact]
        public async Task MalformedBaselineSuppressesNothing()
        {
            var diagnostics = await RunAsync(Source, "{ not json");
            Assert.Equal(2, diagnostics.Count(d => d.Id == "RES001" && !d.IsSuppressed));
        }

        private static async Task<ImmutableArray<Diagnostic>> RunAsync(string source, string? baseline)
        {
            var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var additional = baseline is null
                ? ImmutableArray<AdditionalText>.Empty
                : ImmutableArray.Create<AdditionalText>(new InMemoryText("/p/residency-baseline.json", baseline));
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new PersonalDataFlowAnalyzer(), new BaselineSuppressor());
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return diagnostics.Where(d => d.Id == "RES001").ToImmutableArray();
        }

        private sealed class InMemoryText(string path, string text) : AdditionalText
        {
            public override string Path { get; } = path;

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
        }
    }
}
