using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// Every Residency analyzer over broken, half-typed and pathological code: no analyzer exception (AD0001), whatever
    /// the compiler thinks of the code.
    /// </summary>
    public class RobustnessTests
    {
        private const string Model = @"
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Residency;
public class Customer
{
    public int Id { get; set; }
    [PersonalData(""contact.email"")] public string Email { get; set; } = """";
    [PersonalData(""name"")] public string Name { get; set; } = """";
}
public class Crm
{
    [DataSink(""US"", Recipient = ""Acme"")] public void Send(string payload) { }
    [DataSink(""US"")] public void SendObject(object payload) { }
}
";

        public static TheoryData<string, string> BrokenSources() => new()
        {
            { "missing tokens", Model + @"class S { void Run(Customer c, Crm crm) { crm.Send(c.Email; var x = ; if (c.Name { crm.Send(x) } } " },
            { "unresolved symbols", Model + @"class S { void Run(Customer c, Crm crm) { crm.Send(Unknown.Format(c.Email)); Missing m = new Missing(c); m.Go(c.Name); crm.Nope(c.Email); var q = c.Nothing.Email; crm.Send(q); } }" },
            { "unresolved types in signatures", Model + @"class S { Unknown F(Missing m, Customer c) => m.Do(c.Email); void Run(Customer c, Crm crm) { crm.Send(F(null, c).Text); crm.SendObject(F(default, c)); } }" },
            { "recursive types", Model + @"[PersonalData(""x"")] public class Node { public Node Next { get; set; } public Node[] Children { get; set; } public List<Node> All { get; set; } [PersonalData(""name"")] public string Name { get; set; } }
public class A : B { public A Self => this; } public class B : A { }
class S { void Run(Node n, A a, Crm crm) { crm.SendObject(n); crm.SendObject(n.Next.Next.Children[0].All); crm.SendObject(a); crm.Send(n.Next.Name); } }" },
            { "half-typed lambdas and generics", Model + @"class S { void Run(List<Customer> cs, Crm crm) { cs.Select(x => x.).Where(y => crm.Send(y.Email)); var f = (x) => crm.Send(x); f(cs[0].Email); Func<Customer, string> g = c => c.Email; crm.Send(g(cs[0])); cs.ForEach(async c => await c.Email); } }" },
            { "bad attributes", @"using Residency;
[assembly: DataTransfer(null, (TransferMechanism)99)]
public class Customer { [PersonalData(null)] public string Email { get; set; } = """"; [PersonalData(42)] public string Bad { get; set; } = """"; [SpecialCategoryData] public string X { get; set; } = """"; }
public class Crm { [DataSink(null)] public void Send(string s) { } [DataSink(""ZZ"", Recipient = null)] public void Send2(string s) { } [DataSink] public void Send3(string s) { } }
class S { [DataTransfer(""US"")] void Run(Customer c, Crm crm) { crm.Send(c.Email); crm.Send2(c.Bad); crm.Send3(c.X); } }" },
            { "local functions, out/ref and recursion in broken code", Model + @"class S { void Run(Customer c, Crm crm) { void L(ref string s) { L(ref s); crm.Send(s) } string e = c.Email; L(ref e); M(out var z, c); crm.Send(z); int M(out string o, Customer k) { o = k.Email; return M(out o, k); } } }" },
            { "incomplete members", Model + @"class S { public string P => ; public string Q { get { return _crm.Send(c.Email) } } void Run(Customer c, Crm crm) => crm.Send(P + Q; partial void X(); event EventHandler E { add { crm.Send(c.Email); } } }" },
            { "top-level statements", Model.Replace("public class Customer", "var c = new Customer(); new Crm().Send(c.Email); Local(c.Name); void Local(string s) => new Crm().Send(s);\npublic class Customer") },
            { "async, iterators and patterns", Model + @"class S { async IAsyncEnumerable<string> Stream(Customer c) { yield return c.Email; await Task.Yield(); } IEnumerable<string> It(Customer c) { yield return c.Name; } async Task Run(Customer c, Crm crm) { await foreach (var s in Stream(c)) crm.Send(s); foreach (var t in It(c)) crm.Send(t); if (c is { Email: var e } && e is string { Length: > 0 } f) crm.Send(f); var (a, b) = (c.Email, c.Name); crm.Send(a + b); crm.Send(c switch { { Id: 1 } => c.Email, _ => throw new Exception(c.Name) }); using var d = (IDisposable)null!; lock (c) { crm.Send(c with { }); } } }" },
            { "half-typed expression trees", Model + @"using System.Linq.Expressions;
static class Jobs { public static string Enqueue(Expression<Action> call) => """"; public static string Enqueue<T>(Expression<Action<T>> call) => """"; public static void Rule<T>(Expression<Func<T, bool>> p) { } }
class S { void Run(Customer c, Crm crm) { Jobs.Enqueue(() => crm.Send(c.Email; Jobs.Enqueue<Crm>(x => x.Send(c.); Jobs.Rule<Customer>(k => k.Email == c.Email && ); Jobs.Enqueue(() => Missing(c.Name)); Jobs.Rule<Customer>(k => k.Email == ); Expression<Func<string>> e = () => c.Email; Jobs.Enqueue(e); } }" },
            { "constructors being typed", Model + @"public class N1 { public N1(string to, string to) { To = to; } public string To { get; } }
public class N2 { public N2(string a, string b) { To = ; Sub = b } public string To { get; } public string Sub { get; } }
public class N3(string email, string email) { public string E { get; } = email; public string F { get; } = email }
public class N4 { public N4(string a) : base(a) { Missing = a; } }
public partial class N5 { public N5(string a) { A = a; } } public partial class N5 { public string A { get; } }
public struct N6(string x) { public string X = x; public string Y => X; }
class S { void Run(Customer c, Crm crm) { crm.Send(new N1(c.Email, c.Name).To); crm.Send(new N2(c.Email).Sub); crm.Send(new N3(c.Email).E); crm.SendObject(new N4(c.Name)); crm.Send(new N5(c.Email).A); crm.Send(new N6(c.Email).Y); crm.Send(new Unknown(c.Email).To); } }" },
            { "queries being typed", Model + @"class S { void Run(Customer c, Crm crm, IQueryable<Customer> q) { var a = q.Where(k => k.Email == c.Email).; var b = q.Where(k => k.Email == ).Select(k => k.Id).ToList(); crm.SendObject(q.Where(k => k.Name == c.Name).Select(k => ).ToList()); IQueryable<Unknown> u = q.Where(k => k.Email == c.Email); crm.SendObject(u.Missing()); crm.SendObject(q.Where(k => k.Email == c.Email).AsQueryable().Where(k => k.Name == c.); } }" },
            { "dynamic, unsafe and goto", Model + @"class S { unsafe void Run(Customer c, Crm crm, dynamic d) { d.Send(c.Email); crm.Send(d.Email); dynamic x = c; crm.Send(x.Email); int* p = null; again: var s = c.Email; if (s.Length > 1) goto again; crm.Send(s); crm.Send(__arglist(c.Email)); } }" },
        };

        [Theory]
        [MemberData(nameof(BrokenSources))]
        public Task BrokenCodeDoesNotCrash(string name, string source)
        {
            Assert.NotNull(name);
            return AssertNoAnalyzerExceptionAsync(source);
        }

        [Fact]
        public Task HugeMethodDoesNotCrash()
        {
            var builder = new StringBuilder(Model);
            builder.AppendLine("class Huge { void Run(Customer c, Crm crm, int k) {");
            builder.AppendLine("var s0 = c.Email;");
            for (int i = 1; i < 3000; i++)
            {
                switch (i % 5)
                {
                    case 0: builder.AppendLine($"var s{i} = s{i - 1} + \"{i}\";"); break;
                    case 1: builder.AppendLine($"var s{i} = k > {i} ? s{i - 1} : c.Name;"); break;
                    case 2: builder.AppendLine($"var s{i} = s{i - 1}; if (k == {i}) {{ crm.Send(s{i}); }}"); break;
                    case 3: builder.AppendLine($"var s{i} = string.Concat(s{i - 1}, c.Id.ToString()); for (int j{i} = 0; j{i} < k; j{i}++) {{ s{i} = s{i}.Trim(); }}"); break;
                    default: builder.AppendLine($"var s{i} = \"clean{i}\"; crm.Send(s{i - 1});"); break;
                }
            }

            builder.AppendLine("crm.Send(s2999); } }");
            return AssertNoAnalyzerExceptionAsync(builder.ToString());
        }

        [Fact]
        public Task LongExpressionsDoNotCrash()
        {
            var builder = new StringBuilder(Model);
            builder.Append("class Long { void Run(Customer c, Crm crm) { crm.Send(c.Email");
            for (int i = 0; i < 3000; i++)
            {
                builder.Append(" + \"").Append(i).Append('"');
            }

            builder.Append("); var x = c.Name");
            for (int i = 0; i < 500; i++)
            {
                builder.Append(".Trim()");
            }

            builder.AppendLine("; crm.Send(x); } }");
            return AssertNoAnalyzerExceptionAsync(builder.ToString());
        }

        [Fact]
        public Task DeepCallChainsAndRecursionDoNotCrash()
        {
            var builder = new StringBuilder(Model);
            builder.AppendLine("class Chain { Crm _crm = new Crm();");
            builder.AppendLine("void Start(Customer c) { M0(c.Email); R0(c.Name, 10); }");
            for (int i = 0; i < 400; i++)
            {
                builder.AppendLine($"string M{i}(string s) {{ _crm.Send(s); return M{i + 1}(s + \"{i}\"); }}");
            }

            builder.AppendLine("string M400(string s) => M0(s);");

            // Mutual recursion over a ring of methods, each sending on the way.
            for (int i = 0; i < 50; i++)
            {
                builder.AppendLine($"string R{i}(string s, int n) => n == 0 ? s : R{(i + 1) % 50}(s, n - 1) + R{(i + 7) % 50}(s, n - 2);");
            }

            builder.AppendLine("}");
            return AssertNoAnalyzerExceptionAsync(builder.ToString());
        }

        [Fact]
        public async Task ResultsDoNotDependOnAnalysisOrder()
        {
            // Cycles, deep chains and field stores analysed from every entry point, concurrently and not: same diagnostics.
            var builder = new StringBuilder(Model);
            builder.AppendLine("class Cycles { Crm _crm = new Crm(); string _kept = \"\";");
            for (int i = 0; i < 12; i++)
            {
                builder.AppendLine($"void P{i}(Customer c, string s, int n) {{ _kept = c.Name; if (n > 0) P{(i + 1) % 12}(c, s + c.Email, n - 1); else _crm.Send(s); Q{(i + 5) % 12}(s, n); }}");
                builder.AppendLine($"string Q{i}(string s, int n) => n == 0 ? s : Q{(i + 3) % 12}(s, n - 1) + P{(i + 2) % 12}Wrap(s);");
                builder.AppendLine($"string P{i}Wrap(string s) {{ _crm.Send(_kept); return s; }}");
                builder.AppendLine($"void Entry{i}(Customer c) {{ P{i}(c, c.Country, 3); _crm.Send(Q{i}(c.Name, 2)); }}");
            }

            builder.AppendLine("}");
            var first = await DiagnosticsAsync(builder.ToString(), concurrent: false);
            Assert.NotEmpty(first);
            for (int run = 0; run < 4; run++)
            {
                Assert.Equal(first, await DiagnosticsAsync(builder.ToString(), concurrent: true));
            }
        }

        [Fact]
        public async Task FieldsFilledByHelpersAreSeenWhateverTheOrder()
        {
            // Readers of a field filled by a helper of the type (directly, through a second helper, or a list handed to a
            // method that fills it) see it whether they or the helpers' callers are analysed first.
            var builder = new StringBuilder(Model);
            builder.AppendLine("static class Lists { public static void Put(System.Collections.Generic.List<string> l, string v) { l.Add(v); } }");
            for (int i = 0; i < 30; i++)
            {
                builder.AppendLine($"public class H{i} {{ Crm _crm = new Crm(); string _last = \"\"; System.Collections.Generic.List<string> _pending = new();");
                builder.AppendLine("  public void Flush() { _crm.Send(_last); _crm.Send(string.Join(\",\", _pending)); }");
                builder.AppendLine("  void Remember(string s) { _last = s; } void Keep(string v) => Remember(v);");
                builder.AppendLine("  public void Capture(Customer c) { Keep(c.Email); Lists.Put(_pending, c.Name); } }");
            }

            for (int run = 0; run < 4; run++)
            {
                var diagnostics = await DiagnosticsAsync(builder.ToString(), concurrent: run > 0);
                Assert.Equal(60, diagnostics.Count(d => d.StartsWith("RES001", StringComparison.Ordinal)));
            }
        }

        [Fact]
        public async Task StaticFieldsWrittenByOtherTypesAreSeenWhateverTheOrder()
        {
            // A static field (or auto-property, or collection) filled by another type's method holds what it stores, whether
            // the reader or the writer is analysed first; a reader that touches nothing else is analysed too.
            var builder = new StringBuilder(Model);
            for (int i = 0; i < 30; i++)
            {
                builder.AppendLine($"public static class State{i} {{ public static string Last = \"\"; public static string User {{ get; set; }} = \"\"; public static readonly System.Collections.Generic.List<string> Queue = new(); }}");
                builder.AppendLine($"public class Reader{i} {{ Crm _crm = new Crm(); public void Flush() {{ _crm.Send(State{i}.Last); _crm.Send(State{i}.User); _crm.Send(string.Join(\",\", State{i}.Queue)); }} }}");
                builder.AppendLine($"public class Writer{i} {{ public void Capture(Customer c) {{ State{i}.Last = c.Email; State{i}.User = c.Name; State{i}.Queue.Add(c.Email); }} }}");
            }

            for (int run = 0; run < 4; run++)
            {
                var diagnostics = await DiagnosticsAsync(builder.ToString(), concurrent: run > 0);
                Assert.Equal(90, diagnostics.Count(d => d.StartsWith("RES001", StringComparison.Ordinal)));
            }
        }

        [Fact]
        public async Task StaticFieldWrittenByTopLevelStatementsIsSeen()
        {
            // Program.cs of a minimal app: the top-level statements store the customer's email into a static field that a
            // type's method sends.
            var source = Model + @"
public static class AppState { public static string Last = """"; }
public static class Reporter { public static void Flush(Crm crm) { crm.Send(AppState.Last); } }
";
            var program = "AppState.Last = new Customer().Email;\nReporter.Flush(new Crm());\n";
            var trees = new[]
            {
                CSharpSyntaxTree.ParseText(program, new CSharpParseOptions(LanguageVersion.CSharp12), path: "Program.cs"),
                CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), path: "Test0.cs"),
            };
            var compilation = CSharpCompilation.Create("TopLevel", trees, TestReferences.All, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new Residency.Analyzers.Rules.PersonalDataFlowAnalyzer()))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var flow = Assert.Single(diagnostics, d => d.Id == "RES001");
            Assert.Equal("Test0.cs", flow.Location.SourceTree!.FilePath);
        }

        [Fact]
        public async Task DeepCallChainsKeepEveryMethodsOwnFindings()
        {
            // A ring of 40 types, each handing the customer on: every Handle is reached more than MaxCallDepth calls deep
            // from some other one, and must still report its own flow, whatever the order.
            var builder = new StringBuilder(Model);
            for (int i = 0; i < 40; i++)
            {
                builder.AppendLine($"public class Svc{i} {{ Crm _crm = new Crm(); Svc{(i + 1) % 40}? _next = null; public void Handle(Customer c) {{ Forward(c.Email); _next?.Handle(c); }} void Forward(string s) => _crm.Send(s); }}");
            }

            for (int run = 0; run < 3; run++)
            {
                var diagnostics = await DiagnosticsAsync(builder.ToString(), concurrent: run > 0);
                Assert.Equal(40, diagnostics.Count(d => d.StartsWith("RES001", StringComparison.Ordinal)));
            }
        }

        private static async Task<string[]> DiagnosticsAsync(string source, bool concurrent)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), path: "Test0.cs");
            var compilation = CSharpCompilation.Create("Order", new[] { tree }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrent, logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new Residency.Analyzers.Rules.PersonalDataFlowAnalyzer()), options)
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan().StartLinePosition} {d.GetMessage()}").OrderBy(x => x, StringComparer.Ordinal).ToArray();
        }

        private static async Task AssertNoAnalyzerExceptionAsync(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), path: "Test0.cs");
            var compilation = CSharpCompilation.Create(
                "Robustness",
                new[] { tree },
                TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

            var analyzers = typeof(Residency.Analyzers.Rules.PersonalDataFlowAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            Assert.NotEmpty(analyzers);

            var exceptions = new ConcurrentBag<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) => exceptions.Add(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(timeout.Token);

            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }
    }
}
