using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Flow;
using Residency.Analyzers.Model;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// The syntactic pre-filter: which method bodies are bound to operations at all. It must answer yes for every body
    /// the engine's own pre-filter (<see cref="FlowEngine.TouchesPersonalData(IOperation)"/>) accepts, and no for plain code.
    /// </summary>
    public class CandidateIndexTests
    {
        private const string Model = @"
using System.Collections.Generic;
using System.Linq;
using Residency;
public class Customer { public int Id { get; set; } [PersonalData(""contact.email"")] public string Email { get; set; } = """"; public string Describe() => Id.ToString(); }
public class Order { public int Number { get; set; } public Customer Buyer { get; set; } = new Customer(); }
[DataSink(""US"", Recipient = ""Crm"")] public class Crm { public void Push(object o) { } }
public class Repository<T> { private readonly List<T> _items = new List<T>(); public IEnumerable<T> All() => _items; }
";

        [Fact]
        public void PlainCodeIsNotACandidate()
        {
            var index = Build(@"public class MathHelper { public static int Twice(int x) { var y = x * 2; return y; } }");
            Assert.False(Candidate(index.Index, index.Compilation, "Twice"));
        }

        [Theory]
        [InlineData("public class S { public string M(Customer c) => \"x\"; }")] // parameter of a personal type
        [InlineData("public class S { public int M() => Read(null!); static int Read(Customer c) => 1; }")] // calls a candidate
        [InlineData("public class S { Order _o = new Order(); public object M() => _o.Buyer; }")] // a member whose type carries personal data
        [InlineData("public class S { public object M(string json) => System.Text.Json.JsonSerializer.Deserialize<Customer>(json)!; }")] // the type is named
        [InlineData("public class S { public Customer M() { Customer c = new(); return c; } }")] // target-typed new()
        public void PersonalDataNamedInTheBodyMakesACandidate(string code)
        {
            var index = Build(code);
            Assert.True(Candidate(index.Index, index.Compilation, "M"));
        }

        [Fact]
        public void CallersOfCandidatesAreCandidatesTransitively()
        {
            var index = Build(@"
public class S
{
    private readonly Customer _c = new Customer();
    string A() => _c.Email;
    string B() => A();
    string C() => B().Trim();
    int D() => 42;
}");
            Assert.True(Candidate(index.Index, index.Compilation, "A"));
            Assert.True(Candidate(index.Index, index.Compilation, "B"));
            Assert.True(Candidate(index.Index, index.Compilation, "C"));
            Assert.False(Candidate(index.Index, index.Compilation, "D"));
        }

        [Fact]
        public void FieldsWrittenWithPersonalDataMakeTheirReadersCandidates()
        {
            var index = Build(@"
public class S
{
    private string _last = """";
    private int _count;
    public void Remember(Customer c) { _last = c.Email; _count++; }
    public string Last() => _last;
    public int Count() => _count;
}");
            Assert.True(Candidate(index.Index, index.Compilation, "Last"));
            Assert.False(Candidate(index.Index, index.Compilation, "Count")); // incremented, never assigned personal data
        }

        [Fact]
        public void AHelperThatStoresWhatACandidatePassesItSpreadsToTheFieldsReaders()
        {
            var index = Build(@"
public class S
{
    private string _last = """";
    private string _other = """";
    private readonly System.Collections.Generic.List<string> _pending = new();
    private readonly string _label = """";
    private void Remember(string s) { _last = s; }
    private void Keep(string v) => Remember(v);
    private void Unused(string s) { _other = s; }
    public void Capture(Customer c) { Keep(c.Email); Fill(_pending, c.Email); Fill2(_label, c.Email); }
    private static void Fill(System.Collections.Generic.List<string> list, string v) { }
    private static void Fill2(string text, string v) { }
    public string Last() => _last;
    public string Other() => _other;
    public int Pending() => _pending.Count;
    public string Label() => _label;
}");
            Assert.True(Candidate(index.Index, index.Compilation, "Keep"));     // called by a candidate, stores through Remember
            Assert.True(Candidate(index.Index, index.Compilation, "Remember")); // called by a candidate (Keep)
            Assert.True(Candidate(index.Index, index.Compilation, "Last"));
            Assert.True(Candidate(index.Index, index.Compilation, "Pending"));  // a list handed to a call may be filled
            Assert.False(Candidate(index.Index, index.Compilation, "Unused"));  // stores, but no candidate calls it
            Assert.False(Candidate(index.Index, index.Compilation, "Other"));
            Assert.False(Candidate(index.Index, index.Compilation, "Label"));   // a string handed to a call cannot be filled
        }

        [Fact]
        public void FieldsNeverWrittenByACandidateDoNotSpread()
        {
            var index = Build(@"
public class S
{
    private readonly int _limit = 10;
    public string Mail(Customer c) => c.Email.Substring(0, _limit);
    public int Limit() => _limit * 2;
}");
            Assert.True(Candidate(index.Index, index.Compilation, "Mail"));
            Assert.False(Candidate(index.Index, index.Compilation, "Limit"));
        }

        [Fact]
        public void MembersInheritedFromAConstructedBaseAreNamesToo()
        {
            var index = Build(@"
public class CustomerStore : Repository<Customer>
{
    public void Export(Crm crm) => crm.Push(All());
}");
            Assert.True(Candidate(index.Index, index.Compilation, "Export"));
        }

        [Fact]
        public void InstanceMethodsOfPersonalTypesAreCandidatesWithoutSpreadingTheirNames()
        {
            var index = Build(@"public static class Plain { public static string Describe() => ""plain""; } public class S { public string M() => Plain.Describe(); }");
            Assert.True(Candidate(index.Index, index.Compilation, "Describe", "Customer")); // 'this' is personal data
            Assert.False(Candidate(index.Index, index.Compilation, "M")); // calls a namesake of Customer.Describe
        }

        [Fact]
        public void StaticStorageWrittenByAnotherTypeSpreadsAndIsNotQuiet()
        {
            // Registry.Current = c.Email in Auth: Current may hold personal data, so its readers in any type are candidates,
            // and Auth.Login is one of Registry's writers. Private static storage is written from outside by nested types only.
            var (index, compilation) = Build(@"
public static class Registry
{
    public static string Current = """";
    public static string Mode = """";
    public static System.Collections.Generic.List<string> Queue { get; } = new();
}
public class Holder
{
    private static string s_hidden = """";
    public static string Hidden() => s_hidden;
    public class Inner { public void Set(Customer c) { s_hidden = c.Email; } }
}
public class Other { private static string Note = """"; public static string Read() => Note; }
public class Auth
{
    public void Login(Customer c) { string Note; Note = c.Email; Registry.Current = Note; Registry.Queue.Add(c.Name); Registry.Mode = ""web""; }
    public void Reset() { Registry.Mode = ""none""; }
}
public class Reporter { public string Report() => Registry.Current; public string Mode() => Registry.Mode; }");
            var registry = compilation.GetTypeByMetadataName("Registry")!;
            Assert.False(index.StoresNothingPersonal(registry.GetMembers("Current").Single()));
            Assert.False(index.StoresNothingPersonal(registry.GetMembers("Queue").Single()));
            Assert.True(Candidate(index, compilation, "Report"));
            Assert.True(Candidate(index, compilation, "Hidden"));
            Assert.False(Candidate(index, compilation, "Read")); // Other.Note is private: Auth's local namesake is not it

            var writers = index.ForeignStaticWriters(registry)!.Select(d => ((Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax)d).Identifier.ValueText).ToList();
            Assert.Equal(new[] { "Login", "Reset" }, writers);
            Assert.Equal("Set", ((Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax)index.ForeignStaticWriters(compilation.GetTypeByMetadataName("Holder")!)!.Single()).Identifier.ValueText);
            Assert.Empty(index.ForeignStaticWriters(compilation.GetTypeByMetadataName("Other")!)!);
        }

        [Fact]
        public void OnlyTheMethodsOfCataloguedClientsAreSinkNames()
        {
            // SmtpClient is a catalogued client; MailAddressCollection shares its assembly but is no sink: a body that only
            // adds to a list does not name a possible sink call, one that sends a message does.
            var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText(Model), CSharpSyntaxTree.ParseText(@"
public class S
{
    public void Collect(Customer c, System.Collections.Generic.List<string> list) { list.Add(c.Email); }
    public void Mail(Customer c, System.Net.Mail.SmtpClient smtp) { smtp.Send(""from@example.eu"", c.Email, ""Hello"", ""body""); }
}") }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var index = ResidencyContext.For(compilation, PrefilterSoundness.FactsOn).Index;
            var methods = compilation.SyntaxTrees[1].GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToDictionary(m => m.Identifier.ValueText);
            Assert.False(index.MayCallSink(methods["Collect"]));
            Assert.True(index.MayCallSink(methods["Mail"]));
        }

        [Fact]
        public void StorageNoCandidateOfItsTypeStoresIntoHoldsNothingPersonal()
        {
            // The engine skips computing a type's field stores to read such a field: they would be empty for it. Read by a
            // candidate (_greeting, Note in Send) or not, what counts is that no body that may touch personal data stores there.
            var (index, compilation) = Build(@"
public class S
{
    private string _last = """";
    private string _greeting = """";
    private int _count;
    private int _level;
    private System.Collections.Generic.List<string> _outbox = new();
    private System.Collections.Generic.List<string> _handed = new();
    public string Note { get; set; } = """";
    public void Remember(Customer c) { _last = c.Email; _outbox.Add(c.Email); Fill(_handed, c.Email); Keep(_level); }
    public void Greet() { _greeting = ""Hello""; Note = ""n""; }
    public int Count() => _count++;
    public string Send(Customer c) => _greeting + Note + c.Email + _count;
    public string Last() => _last;
    private static void Fill(System.Collections.Generic.List<string> list, string value) => list.Add(value);
    private static void Keep(object boxed) { }
}");
            var type = compilation.GetTypeByMetadataName("S")!;
            Assert.False(index.StoresNothingPersonal(type.GetMembers("_last").Single())); // written by a body that touches personal data
            Assert.False(index.StoresNothingPersonal(type.GetMembers("_outbox").Single())); // a mutator called on it by such a body
            Assert.False(index.StoresNothingPersonal(type.GetMembers("_handed").Single())); // handed to a call by such a body
            Assert.False(index.StoresNothingPersonal(type.GetMembers("_level").Single())); // boxed into a call: the engine's parameter stores reach it
            Assert.True(index.StoresNothingPersonal(type.GetMembers("_greeting").Single())); // read by a candidate, written by no candidate
            Assert.True(index.StoresNothingPersonal(type.GetMembers("_count").Single()));
            Assert.True(index.StoresNothingPersonal(type.GetMembers("Note").Single()));
            Assert.False(index.StoresNothingPersonal(compilation.GetTypeByMetadataName("Customer")!.GetMembers("Describe").Single())); // not storage
        }

        [Theory]
        [InlineData("=")]
        [InlineData("+=")]
        [InlineData("-=")]
        [InlineData("*=")]
        [InlineData("/=")]
        [InlineData("%=")]
        [InlineData("&=")]
        [InlineData("|=")]
        [InlineData("^=")]
        [InlineData("<<=")]
        [InlineData(">>=")]
        [InlineData(">>>=")]
        [InlineData("??=")]
        public void EveryAssignmentOperatorWritesItsTarget(string assignment)
        {
            // The storage walk rules nodes out by their kind before any type test: every assignment kind must pass it, so
            // that the field a candidate writes makes its readers candidates.
            var index = Build($@"
public class S
{{
    private int? _length;
    public void Remember(Customer c) {{ _length {assignment} c.Email.Length; }}
    public int? Length() => _length;
}}");
            Assert.True(Candidate(index.Index, index.Compilation, "Length"));
        }

        [Fact]
        public void AnInitializerMayCallASinkOnlyThroughWhatItsInitializerNames()
        {
            // A field's or property's code block is its whole declaration: the sink name in an attribute or an accessor of
            // the declaration does not run in it, the one in its initializer does.
            const string Code = @"
public class Push : System.Attribute { }
public class S
{
    private static readonly Crm Client = new Crm();
    [Push] public string Label { get; set; } = ""x"";
    public int Count { get; set; } = Send(); // Send: also the name of an SMTP sink call
    private readonly int _plain = 1, _sent = Send();
    private static int Send() { Client.Push(1); return 1; }
}";
            var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText(Model), CSharpSyntaxTree.ParseText(Code) }, TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var index = ResidencyContext.For(compilation, PrefilterSoundness.CommandLineWithoutFacts).Index;
            var nodes = compilation.SyntaxTrees[1].GetRoot().DescendantNodes().ToList();
            SyntaxNode Property(string name) => nodes.OfType<PropertyDeclarationSyntax>().Single(p => p.Identifier.ValueText == name);
            SyntaxNode Variable(string name) => nodes.OfType<VariableDeclaratorSyntax>().Single(v => v.Identifier.ValueText == name);

            Assert.False(index.MayCallSink(Property("Label"))); // "Push" only in its attribute
            Assert.True(index.MayCallSink(Property("Count")));
            Assert.False(index.MayCallSink(Variable("_plain")));
            Assert.True(index.MayCallSink(Variable("_sent")));
        }

        [Fact]
        public void EveryBodyTheEngineAnalysesIsACandidate()
        {
            // The flow-test model and the sample application: every method the engine's own pre-filter accepts must pass the
            // syntactic one (otherwise findings would be lost).
            var compilation = PrefilterSoundness.SampleCorpus(Model, Patterns);
            var (lost, touching, skipped) = PrefilterSoundness.Check(compilation);
            Assert.Empty(lost);
            Assert.True(touching > 15, $"only {touching} bodies touch personal data: the corpus did not load");
            Assert.True(skipped > 0, "the filter skipped nothing");
        }

        /// <summary>Constructs the engine's pre-filter looks for, each reached in a different way.</summary>
        private const string Patterns = @"
using System;
using System.Collections.Generic;
using System.Linq;
public class Patterns
{
    private static string s_cache = """";
    private readonly List<string> _outbox = new List<string>();
    private Customer? _current;
    public void Store(Customer c) { s_cache = c.Email; _current = c; }
    public void Queue(Customer c) => _outbox.Add(c.Email);
    public string Cached() => s_cache;
    public string Next() => _outbox.First();
    public Customer? Current() => _current;
    public bool TryFind(int id, out Customer c) { c = new Customer(); return true; }
    public string ViaOut() => TryFind(1, out var c) ? c.Email : """";
    public string ViaLambda(List<Customer> all) => string.Join("","", all.Select(x => x.Email));
    public string ViaLocalFunction(Order o) { string Mail() => o.Buyer.Email; return Mail(); }
    public string ViaProperty => _current?.Email ?? """";
    public string UsesProperty() => ViaProperty.ToUpperInvariant();
    public object ViaInherited(CustomerStore store) => store.All();
    public string ViaPattern(object o) => o is Customer c ? c.Email : """";
    public IEnumerable<string> ViaQuery(IEnumerable<Order> orders) => from o in orders select o.Buyer.Email;
    public int Plain(int x) => x * 2;
    public string ViaInterface(ILookup lookup) => lookup.Find(1);
    public string ViaVirtual(Formatter formatter) => formatter.Format(2);
}
public interface ILookup { string Find(int id); }
public sealed class MailLookup : ILookup { private readonly Customer _c = new Customer(); public string Find(int id) => _c.Email; }
public class Formatter { public virtual string Format(int id) => id.ToString(); }
public sealed class MailFormatter : Formatter { public override string Format(int id) => new Customer().Email; }
public sealed class Outbox { public List<string> Pending { get; } = new List<string>(); public void Queue(Customer c) => Pending.Add(c.Email); public string Peek() => Pending[0]; }
public class CustomerStore : Repository<Customer> { public int Size() => All().Count(); }
public static class Board { public static string Last = """"; public static List<string> Queue { get; } = new List<string>(); public static string? Shown { get; set; } }
public sealed class BoardWriter { public void Post(Customer c) { Board.Last = c.Email; Board.Queue.Add(c.Name); Board.Shown = c.Country; } }
public sealed class BoardReader { public string Read() => Board.Last; public string First() => Board.Queue[0]; public string? Shown() => Board.Shown; }
";

        private static IEnumerable<IMethodSymbol> Methods(Compilation compilation) =>
            SymbolWalk.Types(compilation.Assembly.GlobalNamespace)
                .SelectMany(t => t.GetMembers())
                .OfType<IMethodSymbol>()
                .Where(m => m.DeclaringSyntaxReferences.Length > 0);

        // A residency.json sink on a whole type (`Type.*`) seeds the walk with the type's assembly, for the types derived
        // from it in referenced assemblies. Its base types' assemblies used to be seeds too, System.Object's among them:
        // the walk visited every type of every referenced assembly (37,444 types, 9 s of a 37-file application's build).
        [Fact]
        public void AWholeTypeSinkWalksItsOwnAssemblyNotEveryReference()
        {
            var vendor = TestReferences.Library("Contoso.Vendor", "namespace Contoso.Vendor { public class CrmSdk { public void Push(object o) { } } }");
            var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText(Model) }, TestReferences.All.Add(vendor),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var json = new InMemoryText("residency.json", @"{ ""sinks"": [ { ""method"": ""Contoso.Vendor.CrmSdk.*"", ""region"": ""US"" } ] }");
            var context = ResidencyContext.For(compilation, new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(json), PrefilterSoundness.CommandLineWithoutFacts.AnalyzerConfigOptionsProvider));

            Assert.Contains("Contoso.Vendor", context.Index.WalkedAssemblies);
            Assert.DoesNotContain("System.Runtime", context.Index.WalkedAssemblies);
            Assert.True(context.Index.WalkedAssemblies.Count <= 3, string.Join(", ", context.Index.WalkedAssemblies));
        }

        private sealed class InMemoryText(string path, string text) : AdditionalText
        {
            public override string Path => path;

            public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) =>
                Microsoft.CodeAnalysis.Text.SourceText.From(text);
        }

        private static (CandidateIndex Index, Compilation Compilation) Build(string code)
        {
            var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText(Model), CSharpSyntaxTree.ParseText(code) }, TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var context = ResidencyContext.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
            return (context.Index, compilation);
        }

        private static bool Candidate(CandidateIndex index, Compilation compilation, string method, string? type = null)
        {
            var declarations = compilation.SyntaxTrees
                .SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
                .Where(m => m.Identifier.ValueText == method && (type is null || (m.Parent as TypeDeclarationSyntax)?.Identifier.ValueText == type))
                .ToList();
            Assert.NotEmpty(declarations);
            return declarations.Any(index.MayTouchPersonalData);
        }
    }
}
