using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
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

        [Fact]
        public void AStoreThatLandsWhileAFieldWriterPassRunsIsNotMissed()
        {
            // Regression (a CI run reported 59 flows of 60 in RobustnessTests): a field-writer pass was judged complete by a
            // per-type counter that another thread bumps only after its store is visible. Forced here: thread B has stored
            // _last and pauses; thread A computes the type's stores and reads _pending (empty); B stores _pending and pauses
            // before anything else; A's writers then store nothing new, and A's pass looked complete: Flush was memoised
            // without the _pending flow. Now a pass is judged on what it read: _pending grew since, so the pass runs again.
            var source = FlowTestModel.Source + @"
static class Lists { public static void Put(System.Collections.Generic.List<string> l, string v) { l.Add(v); } }
public class Outbox
{
    Crm _crm = new Crm(); string _last = """"; System.Collections.Generic.List<string> _pending = new();
    public void Flush() { _crm.Send(_last); _crm.Send(string.Join("","", _pending)); }
    void Remember(string s) { _last = s; } void Keep(string v) => Remember(v);
    public void Capture(Customer c) { Keep(c.Email); Lists.Put(_pending, c.Name); }
}";
            var compilation = CSharpCompilation.Create("c", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var engine = ResidencyContext.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)).Engine;
            var outbox = compilation.GetTypeByMetadataName("Outbox")!;
            var flush = (IMethodSymbol)outbox.GetMembers("Flush").Single();
            var capture = (IMethodSymbol)outbox.GetMembers("Capture").Single();

            var wait = System.TimeSpan.FromSeconds(30);
            using var bPaused = new ManualResetEventSlim();
            using var bGo = new ManualResetEventSlim();
            using var bStoredPending = new ManualResetEventSlim();
            using var aDone = new ManualResetEventSlim();
            var a = Thread.CurrentThread;
            Thread? b = null;
            bool bPausedOnce = false, aReleasedB = false;
            engine.StoreRead = field =>
            {
                if (Thread.CurrentThread == b && field.Name == "_last" && !bPausedOnce)
                {
                    bPausedOnce = true; // B, in its own pass, after storing _last: let A start its pass
                    bPaused.Set();
                    bGo.Wait(wait);
                }
                else if (Thread.CurrentThread == a && field.Name == "_pending" && !aReleasedB)
                {
                    aReleasedB = true; // A has read _pending: let B store it, and go on once it is visible
                    bGo.Set();
                    bStoredPending.Wait(wait);
                }
            };
            engine.StoreRecorded = field =>
            {
                if (Thread.CurrentThread == b && field.Name == "_pending")
                {
                    bStoredPending.Set();
                    aDone.Wait(wait); // B pauses until A is done
                }
            };

            b = new Thread(() => engine.AnalyseMethod(capture, null, null, default));
            b.Start();
            Assert.True(bPaused.Wait(wait));
            var summary = engine.AnalyseMethod(flush, null, null, default);
            aDone.Set();
            b.Join();

            Assert.True(aReleasedB && bStoredPending.IsSet, "the interleaving was not the one forced");
            Assert.Equal(2, summary?.Findings.Length);
            Assert.Equal(2, engine.AnalyseMethod(flush, null, null, default)?.Findings.Length);
        }

        [Theory]
        [InlineData("D")]
        [InlineData("F")]
        [InlineData("A")]
        public void PreFilterAnswersDoNotDependOnWhichQuestionCameFirst(string first)
        {
            // A and B call each other; only B reads personal data, after its call of A. Asked from D, the pre-filter reached
            // A below B and, B being unanswered yet, found A touched nothing: that "no" was memoised, and F (which reaches A
            // through G) was then not analysed at all: its flow was lost whenever D happened to be analysed first.
            var source = FlowTestModel.Source + @"
public static class Store { public static Customer Current { get; set; } = new Customer(); }
public class R
{
    public string A(int n) => n > 0 ? B(n - 1) : """";
    public string B(int n) { var r = A(n); return r + Store.Current.Email; }
    public void D(Crm crm) { crm.Send(B(2)); }
    public string G() => A(3);
    public void F(Crm crm) { crm.Send(G()); }
}";
            var compilation = CSharpCompilation.Create("c", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var engine = ResidencyContext.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)).Engine;
            var r = compilation.GetTypeByMetadataName("R")!;
            engine.AnalyseMethod((IMethodSymbol)r.GetMembers(first).Single(), null, null, default);

            var f = engine.AnalyseMethod((IMethodSymbol)r.GetMembers("F").Single(), null, null, default);
            var d = engine.AnalyseMethod((IMethodSymbol)r.GetMembers("D").Single(), null, null, default);
            Assert.Equal(1, f?.Findings.Length);
            Assert.Equal(1, d?.Findings.Length);
        }
    }
}
