using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// The same code gives the same findings whatever the order the concurrent analyzer driver visits methods in
    /// (the inventory must be byte-identical between builds). Regression: whole-object facts of nested personal types
    /// were sometimes empty when two threads asked for the same type at once.
    /// </summary>
    public class ConcurrentDeterminismTests
    {
        [Fact]
        public async Task ConcurrentRunsReportTheSameFindings()
        {
            var source = new StringBuilder(@"
using Residency;
public class Customer { [PersonalData(""contact.email"")] public string Email { get; init; } = """"; public Address Home { get; init; } = new(); }
public class Address { [PersonalData(""contact.address"")] public string Street { get; init; } = """"; }
public class Ticket { public int Number { get; init; } public Customer Customer { get; init; } = new(); [PersonalData(""user_provided"")] public string Body { get; init; } = """"; }
[DataSink(""DE"", Recipient = ""Db"")] public sealed class Store { private readonly System.Collections.Generic.List<Ticket> _rows = new(); public void Save(Ticket t) => _rows.Add(t); }
[DataSink(""US"", Recipient = ""Crm"")] public sealed class Crm { public void Push(object o) { } }
");
            for (int i = 0; i < 60; i++)
            {
                source.Append($@"
public sealed class Service{i}(Store store, Crm crm)
{{
    public void Handle(Ticket t) {{ store.Save(t); crm.Push(t.Customer); Forward(t); }}
    private void Forward(Ticket t) => crm.Push(t.Customer.Home);
}}");
            }

            var compilation = CSharpCompilation.Create("c", new[] { CSharpSyntaxTree.ParseText(source.ToString()) }, TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            string? first = null;
            for (int run = 0; run < 8; run++)
            {
                var options = new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
                var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PersonalDataFlowAnalyzer()), options)
                    .GetAnalyzerDiagnosticsAsync();
                var text = string.Join("\n", diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition} {d.GetMessage()}").OrderBy(x => x, System.StringComparer.Ordinal));
                Assert.Equal(120, diagnostics.Count(d => d.Id == "RES001"));
                first ??= text;
                Assert.Equal(first, text);
            }
        }
    }
}
