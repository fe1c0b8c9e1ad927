using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Flow;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// The second half of the syntactic pre-filter (<see cref="CandidateIndex.MayReachRecipient"/>): a body that touches
    /// personal data but names nothing that can hand it to a sink or an unclassified recipient, itself or through the
    /// code it calls, has no flow of its own and is not analysed for one. Every analyzer test also checks it against the
    /// unfiltered engine (<see cref="PrefilterSoundness.CheckReach"/>).
    /// </summary>
    public class RecipientReachTests
    {
        private const string Model = @"
using Residency;
public class Customer { public int Id { get; set; } [PersonalData(""contact.email"")] public string Email { get; set; } = """"; }
[DataSink(""US"", Recipient = ""Crm"")] public class Crm { public void Push(object o) { } }
";

        [Fact]
        public void BodiesThatNameASinkOrCallOneReachAndOthersDoNot()
        {
            var (index, compilation) = Build(@"
public class Service
{
    private readonly Crm _crm = new Crm();
    public void Send(Customer c) => _crm.Push(c.Email);
    public void Relay(Customer c) => Send(c);
    public void RelayTwice(Customer c) { Relay(c); }
    public string Describe(Customer c) => c.Email.Trim();
    public int Count(Customer c) => Describe(c).Length;
}");
            Assert.True(Reaches(index, compilation, "Send"));
            Assert.True(Reaches(index, compilation, "Relay"));
            Assert.True(Reaches(index, compilation, "RelayTwice"));
            Assert.False(Reaches(index, compilation, "Describe"));
            Assert.False(Reaches(index, compilation, "Count"));
        }

        [Fact]
        public void ConstructorsAndSettersAreReachedThroughTheirTypeAndPropertyNames()
        {
            var (index, compilation) = Build(@"
public class Notifier { public Notifier(string email) { new Crm().Push(email); } }
public class Box { public string Value { set { new Crm().Push(value); } } }
public class Service
{
    public void Make(Customer c) { var n = new Notifier(c.Email); }
    public void MakeTargetTyped(Customer c) { Notifier n = new(c.Email); }
    public void Put(Customer c) { new Box().Value = c.Email; }
    public string Keep(Customer c) => c.Email;
}");
            Assert.True(Reaches(index, compilation, "Make"));
            Assert.True(Reaches(index, compilation, "MakeTargetTyped"));
            Assert.True(Reaches(index, compilation, "Put"));
            Assert.False(Reaches(index, compilation, "Keep"));
        }

        [Fact]
        public void AnOperatorThatReachesARecipientMakesEveryBodyReach()
        {
            // An operator runs where no name is written (a + b): when one can reach a recipient, nothing is ruled out.
            var (index, compilation) = Build(@"
public class Money { public static Money operator +(Money m, string note) { new Crm().Push(note); return m; } }
public class Service { public string Keep(Customer c) => c.Email; }");
            Assert.True(Reaches(index, compilation, "Keep"));
        }

        // A method the language calls by pattern runs where its name is not written, but only from the syntax that calls it
        // so: a collection's Add from collection initializers, Dispose from using and foreach. Those bodies reach, as do the
        // calls that name it; the others do not (before, any such method reached made every body reach: with Entity
        // Framework Core referenced, DbSet.Add reached an application's own Add, and nothing was ruled out).
        [Fact]
        public void AMethodCalledByPatternThatReachesARecipientReachesTheSyntaxThatCallsIt()
        {
            var (index, compilation) = Build(@"
using System.Collections;
using System.Collections.Generic;
public class Outbox : IEnumerable<string>
{
    public void Add(string item) => new Crm().Push(item);
    public IEnumerator<string> GetEnumerator() { yield break; }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
public class Session : System.IDisposable
{
    public string Last { get; set; } = """";
    public void Dispose() => new Crm().Push(Last);
}
public class Service
{
    public object Fill(Customer c) => new Outbox { c.Email };
    public void Put(Customer c, Outbox o) => o.Add(c.Email);
    public int Open(Customer c) { using var s = new Session { Last = c.Email }; return 1; }
    public int Walk(Customer c, List<string> all) { int n = 0; foreach (var e in all) { n += e.Length; } return n + c.Email.Length; }
    public string Keep(Customer c) => c.Email;
}");
            Assert.True(Reaches(index, compilation, "Fill"));
            Assert.True(Reaches(index, compilation, "Put"));
            Assert.True(Reaches(index, compilation, "Open"));
            Assert.True(Reaches(index, compilation, "Walk")); // foreach calls Dispose too
            Assert.False(Reaches(index, compilation, "Keep"));
            var (lost, _) = PrefilterSoundness.CheckReach(compilation);
            Assert.Empty(lost);
        }

        [Fact]
        public void CallsIntoAReferencedLibraryThatIsNotLocalReach()
        {
            // Vendor.Analytics is no sink and nobody says it keeps data in the process: an unclassified recipient.
            var vendor = Library("Vendor", "namespace Vendor { public static class Analytics { public static void Track(string s) { } } }");
            var (index, compilation) = Build(@"
public class Service
{
    public void Track(Customer c) => Vendor.Analytics.Track(c.Email);
    public void Print(Customer c) => System.Console.WriteLine(c.Email);
}", vendor);
            Assert.True(Reaches(index, compilation, "Track"));
            Assert.False(Reaches(index, compilation, "Print")); // the BCL keeps data in the process
        }

        [Fact]
        public void AMethodIsReachedWhereItIsCalledNotWhereItsNameIsWritten()
        {
            // Vendor.Listener.Start is an unclassified recipient, Service.Relay reaches a sink through Push: a property called
            // Start, an enum member called Start and nameof(Relay) call neither (the engine follows calls only). A body that
            // names a possible sink call (Push, a [DataSink] method) reaches whatever the position of the name.
            var vendor = Library("Vendor", "namespace Vendor { public class Listener { public void Start(string s) { } } }");
            var (index, compilation) = Build(@"
public enum Phase { Start, End }
public class Range { public System.DateTime Start { get; set; } }
public class Service
{
    private readonly Crm _crm = new Crm();
    public void Push(Customer c) => _crm.Push(c.Email);
    public bool Open(Customer c, Range r) => r.Start > System.DateTime.Now && c.Email.Length > 0;
    public bool First(Customer c, Phase p) => p == Phase.Start && c.Email.Length > 0;
    public string Label(Customer c) => nameof(Relay) + c.Email;
    public void Listen(Customer c, Vendor.Listener l) => l.Start(c.Email);
    public void ListenMaybe(Customer c, Vendor.Listener? l) => l?.Start(c.Email);
    public void Relay(Customer c) => (Push)(c);
}", vendor);
            Assert.False(Reaches(index, compilation, "Open"));
            Assert.False(Reaches(index, compilation, "First"));
            Assert.False(Reaches(index, compilation, "Label"));
            Assert.True(Reaches(index, compilation, "Listen"));
            Assert.True(Reaches(index, compilation, "ListenMaybe"));
            Assert.True(Reaches(index, compilation, "Relay"));
            var (lost, _) = PrefilterSoundness.CheckReach(compilation);
            Assert.Empty(lost);
        }

        [Fact]
        public void AMemberOfALibraryCalledByPatternIsReachedThroughItsSyntax()
        {
            // Vendor.Bag is not local: a collection initializer calls its Add, foreach its GetEnumerator, and neither name is
            // written in the calling body. The unfiltered engine records both as unclassified recipients.
            var vendor = Library("Vendor", @"
namespace Vendor
{
    public class Bag : System.Collections.IEnumerable
    {
        public void Add(string s) { }
        public System.Collections.IEnumerator GetEnumerator() => new string[0].GetEnumerator();
    }
}");
            var (index, compilation) = Build(@"
public class Service
{
    public object Fill(Customer c) => new Vendor.Bag { c.Email };
    public int Walk(Customer c, object o) { int n = 0; foreach (var item in (Vendor.Bag)(o ?? c.Email)) { n++; } return n; }
    public string Keep(Customer c) => c.Email;
}", vendor);
            Assert.True(Reaches(index, compilation, "Fill"));
            Assert.True(Reaches(index, compilation, "Walk"));
            Assert.False(Reaches(index, compilation, "Keep"));
            var (lost, _) = PrefilterSoundness.CheckReach(compilation);
            Assert.Empty(lost);
        }

        [Fact]
        public void MethodsThatMayBeToolsReach()
        {
            // Their return value reaches a model: [KernelFunction] methods and methods named where AIFunctionFactory is.
            var (index, compilation) = Build(@"
public sealed class KernelFunctionAttribute : System.Attribute { }
public static class AIFunctionFactory { public static object Create(System.Delegate method) => method; }
public class Plugin
{
    private readonly Customer _c = new Customer();
    [KernelFunction] public string ContactEmail() => _c.Email;
    public string Lookup() => _c.Email;
    public string Other() => _c.Email;
    public object Offer() => AIFunctionFactory.Create(Lookup);
}");
            Assert.True(Reaches(index, compilation, "ContactEmail"));
            Assert.True(Reaches(index, compilation, "Lookup"));
            Assert.False(Reaches(index, compilation, "Other"));
        }

        [Fact]
        public void InTheIdeEveryBodyMayReach()
        {
            // The IDE and design-time builds collect no sink names: nothing is ruled out there.
            var compilation = Compile(@"public class Service { public string Keep(Customer c) => c.Email; }");
            var context = ResidencyContext.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
            Assert.False(context.Options.CommandLineBuild);
            Assert.True(Reaches(context.Index, compilation, "Keep"));
        }

        [Fact]
        public void ACommandLineBuildWithoutTheInventoryRulesOutAsWell()
        {
            // -p:ResidencyInventory=false: no facts are collected, but the index is built as in any command-line build.
            var compilation = Compile(@"
public class Service
{
    public string Keep(Customer c) => c.Email;
    public void Share(Customer c, Crm crm) => crm.Push(c.Email);
}");
            var context = ResidencyContext.For(compilation, PrefilterSoundness.CommandLineWithoutFacts);
            Assert.True(context.Options.CommandLineBuild);
            Assert.False(context.Options.EmitFacts);
            Assert.Null(context.Facts);
            Assert.False(Reaches(context.Index, compilation, "Keep"));
            Assert.True(Reaches(context.Index, compilation, "Share"));
        }

        [Fact]
        public void NoBodyWithAFlowOfItsOwnIsRuledOutInTheSampleAndTheFlowModel()
        {
            var compilation = PrefilterSoundness.SampleCorpus();
            var (lost, ruledOut) = PrefilterSoundness.CheckReach(compilation);
            Assert.Empty(lost);
            Assert.True(ruledOut > 0, "nothing was ruled out");
        }

        /// <summary>A referenced assembly built from <paramref name="source"/> (its namespaces are not local).</summary>
        private static MetadataReference Library(string name, string source)
        {
            var library = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            Assert.True(library.Emit(image).Success);
            return MetadataReference.CreateFromImage(image.ToArray());
        }

        private static Compilation Compile(string code, MetadataReference? extra = null) =>
            CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText(Model), CSharpSyntaxTree.ParseText(code) },
                extra is null ? TestReferences.All : TestReferences.All.Add(extra),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static (CandidateIndex Index, Compilation Compilation) Build(string code, MetadataReference? extra = null)
        {
            var compilation = Compile(code, extra);
            return (ResidencyContext.For(compilation, PrefilterSoundness.FactsOn).Index, compilation);
        }

        private static bool Reaches(CandidateIndex index, Compilation compilation, string method)
        {
            var declarations = compilation.SyntaxTrees
                .SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
                .Where(m => m.Identifier.ValueText == method)
                .ToList();
            Assert.NotEmpty(declarations);
            return declarations.Any(index.MayReachRecipient);
        }
    }
}
