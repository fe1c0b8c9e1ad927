using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Json;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Rules
{
    /// <summary>
    /// The facts file <see cref="InventoryFactsAnalyzer"/> writes at compilation end (and RES007 when it cannot): every
    /// flow is listed whatever the build does with its diagnostic, with that treatment beside it.
    /// </summary>
    public sealed class InventoryFactsTests : IDisposable
    {
        private const string Source = @"
using Residency;
public class Customer { [PersonalData(""contact.email"")] public string Email { get; set; } = """"; [PersonalData(""name"")] public string Name { get; set; } = """"; }
public class UsCrm { [DataSink(""US"", Recipient = ""Acme"")] public void Send(string s) { } }
public class EuCrm { [DataSink(""DE"")] public void Send(string s) { } }
class Service
{
    void ToUs(Customer c, UsCrm crm) { crm.Send(c.Email); }
    void ToEu(Customer c, EuCrm crm) { crm.Send(c.Name); }
}";

        private readonly string _directory = Path.Combine(Path.GetTempPath(), "residency-facts-tests", Guid.NewGuid().ToString("N"));

        private string FactsPath => Path.Combine(_directory, "obj", "residency.facts.json");

        [Fact]
        public async Task EveryFlowElementAndSinkIsListed()
        {
            await RunAsync(Source);

            var facts = ReadFacts();
            Assert.Equal("residency-facts", facts.GetString("format"));
            Assert.Equal(Residency.Facts.FactsFile.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), facts.Get("version")!.Text);
            Assert.Equal(new[] { "EEA", "Adequate" }, facts.Get("allowedRegions")!.Items.Select(r => r.Text));
            var flows = facts.Get("flows")!.Items;
            var us = flows.Single(f => f.GetString("status") == "violation");
            Assert.Equal("RES001", us.GetString("rule"));
            Assert.Equal("reported", us.GetString("treatment"));
            var files = facts.Get("fileTable")!.Items;
            Assert.EndsWith("Source0.cs", files[int.Parse(us.Get("file")!.Text!, System.Globalization.CultureInfo.InvariantCulture)].Text);
            var eu = flows.Single(f => f.GetString("status") == "allowed");
            Assert.Null(eu.GetString("rule"));
            Assert.Equal(2, facts.Get("elements")!.Items.Count);
            Assert.Equal(2, facts.Get("sinks")!.Items.Count);
        }

        // A failing analysis (a field test's lambda in a `using` loop threw) cost the whole facts file: the summary said
        // "0 violations" beside the printed warnings. Now the file is written with the other methods' flows and a note
        // naming the method whose flows are missing; the failure is still an AD0001.
        [Fact]
        public async Task AFailedAnalysisCostsItsOwnFlowsNotTheFile()
        {
            Residency.Analyzers.Flow.DeferredAnalyses.AnalysingForTests.Value = method =>
            {
                if (method.Name == "ToUs")
                {
                    throw new InvalidOperationException("the analysis of ToUs failed (test)");
                }
            };
            var diagnostics = await RunAsync(Source);
            Residency.Analyzers.Flow.DeferredAnalyses.AnalysingForTests.Value = null;

            Assert.Contains(diagnostics, d => d.Id == "AD0001");
            var facts = ReadFacts();
            var flow = Assert.Single(facts.Get("flows")!.Items);
            Assert.Equal("allowed", flow.GetString("status"));
            var note = Assert.Single(facts.Get("notes")!.Items);
            Assert.Contains("Service.ToUs(Customer, UsCrm) failed (InvalidOperationException)", note.Text);
        }

        // In a command-line build a property's naming candidate is decided at compilation end, when its getter's body is
        // the one the compiler bound (and usually summarised by the flow analyses already): the same candidates as the
        // RES006 analyzer reports while the compilation runs.
        [Fact]
        public async Task PropertiesAreListedAsNamingCandidatesUnlessTheyReturnPersonalData()
        {
            await RunAsync(@"
using Residency;
public class Applicant
{
    [PersonalData(""name.first"")] public string FirstName { get; set; } = """";
    [PersonalData(""name.last"")] public string LastName { get; set; } = """";
    public string FullName => $""{FirstName} {LastName}"";
    public string Email { get; set; } = """";
}
public class Lead
{
    public string Given { get; set; } = """";
    public string Family { get; set; } = """";
    public string FullName => $""{Given} {Family}"";
    private string passportNumber = """";
    public string Doc => passportNumber;
}
");

            var candidates = ReadFacts().Get("findings")!.Items.Where(f => f.GetString("rule") == "RES006").Select(f => f.GetString("message")!).OrderBy(m => m, StringComparer.Ordinal).ToArray();
            Assert.Equal(3, candidates.Length);
            Assert.Contains("'Applicant.Email'", candidates[0]);
            Assert.Contains("'Lead.FullName'", candidates[1]);
            Assert.Contains("'Lead.passportNumber'", candidates[2]);
        }

        [Fact]
        public async Task AFailedNamingCheckCostsItsOwnCandidateNotTheFile()
        {
            Residency.Analyzers.Rules.InventoryFactsAnalyzer.CheckingCandidateForTests.Value = property =>
            {
                if (property.Name == "Email")
                {
                    throw new InvalidOperationException("the naming check of Email failed (test)");
                }
            };
            var diagnostics = await RunAsync(@"
public class Applicant
{
    public string Email { get; set; } = """";
    public string Phone { get; set; } = """";
}
");
            Residency.Analyzers.Rules.InventoryFactsAnalyzer.CheckingCandidateForTests.Value = null;

            Assert.Contains(diagnostics, d => d.Id == "AD0001");
            var facts = ReadFacts();
            var candidate = Assert.Single(facts.Get("findings")!.Items, f => f.GetString("rule") == "RES006");
            Assert.Contains("'Applicant.Phone'", candidate.GetString("message"));
            var note = Assert.Single(facts.Get("notes")!.Items);
            Assert.Contains("Applicant.Email failed (InvalidOperationException)", note.Text);
        }

        [Fact]
        public async Task AnnotatedMembersOfReferencedAssembliesCarryTheirAnnotationAndKind()
        {
            // A model annotated in another assembly (a package, another project): no element fact of this compilation
            // describes its members, so the flow's sources say what classified them.
            var library = TestReferences.Library("Contoso.Model", @"
namespace Microsoft.AspNetCore.Identity { [System.AttributeUsage(System.AttributeTargets.Property)] public class PersonalDataAttribute : System.Attribute { } }
namespace Contoso.Model
{
    public class Account { [Residency.PersonalData(""contact.email"")] public string Email = """"; [Microsoft.AspNetCore.Identity.PersonalData] public string Phone { get; set; } = """"; }
}");
            const string source = @"
using Residency;
public class Customer { [PersonalData(""name"")] public string Name { get; set; } = """"; }
public class UsCrm { [DataSink(""US"", Recipient = ""Acme"")] public void Send(string s) { } }
class Service
{
    void Run(Contoso.Model.Account a, Customer c, UsCrm crm) { crm.Send(a.Email + a.Phone + c.Name); }
}";
            await RunAsync(source, library: library);

            var sources = ReadFacts().Get("sourceTable")!.Items.ToDictionary(s => s.GetString("id")!);
            Assert.Equal("Residency", sources["Contoso.Model.Account.Email"].GetString("annotation"));
            Assert.Equal("field", sources["Contoso.Model.Account.Email"].GetString("kind"));
            Assert.Equal("AspNetCore.Identity", sources["Contoso.Model.Account.Phone"].GetString("annotation"));
            Assert.Equal("property", sources["Contoso.Model.Account.Phone"].GetString("kind"));
            // The compilation's own member has its element fact: its source carries neither.
            Assert.Null(sources["Customer.Name"].GetString("annotation"));
            Assert.Null(sources["Customer.Name"].GetString("kind"));
            Assert.Equal("Customer.Name", Assert.Single(ReadFacts().Get("elements")!.Items).GetString("id"));
        }

        [Fact]
        public async Task ASinkIsListedOncePerLineHoweverOftenItIsCalledThere()
        {
            const string source = @"
using Residency;
public class Customer { [PersonalData(""contact.email"")] public string Email { get; set; } = """"; }
public class UsCrm { [DataSink(""US"", Recipient = ""Acme"")] public void Send(string s) { } }
class Service
{
    void Twice(Customer c, UsCrm crm) { crm.Send(c.Email); crm.Send(c.Email); }
    void Again(Customer c, UsCrm crm)
    {
        crm.Send(c.Email);
    }
}";
            await RunAsync(source, concurrent: true);

            var sinks = ReadFacts().Get("sinks")!.Items;
            Assert.Equal(new[] { 7, 10 }, sinks.Select(s => int.Parse(s.Get("line")!.Text!, System.Globalization.CultureInfo.InvariantCulture)).OrderBy(l => l));
        }

        [Fact]
        public async Task AHelpersCallsListTheDestinationsTheirArgumentsGive()
        {
            const string source = @"
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Residency;
public class Customer { [PersonalData(""contact.email"")] public string Email { get; set; } = """"; }
class Service(HttpClient http)
{
    Task Post(string url, string body) => http.PostAsJsonAsync(url, body);
    async Task Run(Customer c)
    {
        await Post(""https://api.openai.com/v1/responses"", c.Email);
        await Post(""https://eu.api.openai.com/v1/responses"", c.Email);
    }
}";
            await RunAsync(source);

            var read = Residency.Facts.FactsFile.Read(File.ReadAllText(FactsPath), out _)!;
            Assert.Equal(
                new[] { ("HTTP POST api.openai.com", "US", "violation", 12), ("HTTP POST eu.api.openai.com", "EU", "allowed", 13) },
                read.Flows.Select(f => (f.Sink!.Display!, f.Sink.Region!, f.Status, f.Line ?? 0)).OrderBy(f => f.Item4));
            // The helper's own call is listed once, its destination its callers'.
            var own = read.Sinks.Single(s => s.Sink.Display == "HTTP POST ‹parameter 'url'›");
            Assert.Equal(("Unknown", 9), (own.Sink.Region, own.Line ?? 0));
        }

        [Fact]
        public async Task UnclassifiedCallsAreListedApartFromFlowsWhateverRes008sSeverity()
        {
            var library = TestReferences.Library("Contoso.Vendor", RES008Tests.VendorLibrary);
            var source = RES008Tests.Model + @"
class Service { void Run(Customer c, CrmSdk crm) { Forward(c.Email, crm); crm.Normalise(c.Name).Trim(); } void Forward(string s, CrmSdk crm) => crm.Push(s); }";
            await RunAsync(source, specific: new Dictionary<string, ReportDiagnostic> { ["RES008"] = ReportDiagnostic.Suppress }, library: library);

            var facts = ReadFacts();
            Assert.Empty(facts.Get("flows")!.Items);
            var calls = facts.Get("unclassified")!.Items;
            Assert.Equal(new[] { "Contoso.Vendor.CrmSdk.Normalise", "Contoso.Vendor.CrmSdk.Push" }, calls.Select(c => c.GetString("recipient")).OrderBy(r => r, StringComparer.Ordinal));
            var push = calls.Single(c => c.GetString("recipient") == "Contoso.Vendor.CrmSdk.Push");
            Assert.Equal("Contoso.Vendor", push.GetString("recipientAssembly"));
            Assert.Equal("not classified", push.GetString("classification"));
            Assert.Equal("Service.Run(Customer, Contoso.Vendor.CrmSdk)", push.GetString("method"));
            Assert.Equal(new[] { "Run", "Forward", "Contoso.Vendor.CrmSdk.Push" }, push.Get("path")!.Items.Select(i => i.Text));
            // Sources are named by index into the file's source table; the task's reader resolves them.
            Assert.Equal(JsonKind.Number, push.Get("sources")!.Items.Single().Kind);
            var read = Residency.Facts.FactsFile.Read(File.ReadAllText(FactsPath), out _)!;
            Assert.Equal("Customer.Email", read.Unclassified.Single(c => c.Recipient == "Contoso.Vendor.CrmSdk.Push").Sources.Single().Member);
            Assert.Equal("suppressed-by-configuration", push.GetString("treatment"));
        }

        [Fact]
        public async Task FlowSilencedByNoWarnIsListedAsSuppressedByConfiguration()
        {
            // NoWarn and every other rule off: the compiler would skip an analyzer whose rules are all suppressed.
            var off = new[] { "RES001", "RES002", "RES003", "RES004", "RES005", "RES006" }.ToDictionary(id => id, _ => ReportDiagnostic.Suppress);
            await RunAsync(Source, specific: off);

            var us = ReadFacts().Get("flows")!.Items.Single(f => f.GetString("status") == "violation");
            Assert.Equal("suppressed-by-configuration", us.GetString("treatment"));
        }

        [Fact]
        public async Task FlowSilencedInEditorConfigIsListedAsSuppressedByConfiguration()
        {
            await RunAsync(Source, perTree: new Dictionary<string, ReportDiagnostic> { ["RES001"] = ReportDiagnostic.Suppress });

            var us = ReadFacts().Get("flows")!.Items.Single(f => f.GetString("status") == "violation");
            Assert.Equal("suppressed-by-configuration", us.GetString("treatment"));
        }

        [Fact]
        public async Task PragmaSilencesOnlyWhatItEncloses()
        {
            var source = Source.Replace(
                "    void ToUs(Customer c, UsCrm crm) { crm.Send(c.Email); }",
                "#pragma warning disable RES001\n    void ToUs(Customer c, UsCrm crm) { crm.Send(c.Email); }\n#pragma warning restore RES001\n    void Again(Customer c, UsCrm crm) { crm.Send(c.Name); }");
            await RunAsync(source);

            var violations = ReadFacts().Get("flows")!.Items.Where(f => f.GetString("status") == "violation").ToList();
            Assert.Equal("suppressed-in-source", violations.Single(f => f.GetString("method")!.Contains("ToUs")).GetString("treatment"));
            Assert.Equal("reported", violations.Single(f => f.GetString("method")!.Contains("Again")).GetString("treatment"));
        }

        [Fact]
        public async Task SuppressMessageIsListedAsSuppressedInSource()
        {
            var source = Source.Replace(
                "    void ToUs(",
                "    [System.Diagnostics.CodeAnalysis.SuppressMessage(\"Residency\", \"RES001:Personal data sent outside the allowed regions\")]\n    void ToUs(");
            await RunAsync(source);

            var us = ReadFacts().Get("flows")!.Items.Single(f => f.GetString("status") == "violation");
            Assert.Equal("suppressed-in-source", us.GetString("treatment"));
        }

        [Fact]
        public async Task BaselinedFlowIsListedAsBaselined()
        {
            await RunAsync(Source);
            var fingerprint = ReadFacts().Get("flows")!.Items.Single(f => f.GetString("status") == "violation").GetString("fingerprint");

            await RunAsync(Source, baseline: "{\"schemaVersion\":1,\"findings\":[{\"fingerprint\":\"" + fingerprint + "\",\"rule\":\"RES001\"}]}");

            var us = ReadFacts().Get("flows")!.Items.Single(f => f.GetString("status") == "violation");
            Assert.Equal("baselined", us.GetString("treatment"));
        }

        [Fact]
        public async Task ConcurrentRunsWriteTheSameBytes()
        {
            var many = Source + string.Concat(Enumerable.Range(0, 40).Select(i => $"\nclass S{i} {{ void M(Customer c, UsCrm u, EuCrm e) {{ u.Send(c.Email); e.Send(c.Name); }} }}"));
            await RunAsync(many, concurrent: true);
            var first = File.ReadAllText(FactsPath);
            await RunAsync(many, concurrent: true);
            Assert.Equal(first, File.ReadAllText(FactsPath));
        }

        [Fact]
        public async Task NothingIsWrittenWithoutTheFactsFileOption()
        {
            var diagnostics = await RunAsync(Source, factsFile: null);

            Assert.False(File.Exists(FactsPath));
            Assert.DoesNotContain(diagnostics, d => d.Id == "RES007");
        }

        [Fact]
        public async Task UnwritablePathGivesRES007()
        {
            Directory.CreateDirectory(_directory);
            var blocked = Path.Combine(_directory, "a-file");
            File.WriteAllText(blocked, "");

            var diagnostics = await RunAsync(Source, factsFile: Path.Combine(blocked, "residency.facts.json"));

            var diagnostic = Assert.Single(diagnostics, d => d.Id == "RES007");
            Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        private JsonNode ReadFacts() => JsonParser.Parse(File.ReadAllText(FactsPath));

        private Task<ImmutableArray<Diagnostic>> RunAsync(
            string source,
            IReadOnlyDictionary<string, ReportDiagnostic>? specific = null,
            IReadOnlyDictionary<string, ReportDiagnostic>? perTree = null,
            string? baseline = null,
            bool concurrent = false,
            MetadataReference? library = null) =>
            RunAsync(source, FactsPath, specific, perTree, baseline, concurrent, library);

        private static async Task<ImmutableArray<Diagnostic>> RunAsync(
            string source,
            string? factsFile,
            IReadOnlyDictionary<string, ReportDiagnostic>? specific = null,
            IReadOnlyDictionary<string, ReportDiagnostic>? perTree = null,
            string? baseline = null,
            bool concurrent = false,
            MetadataReference? library = null)
        {
            var tree = CSharpSyntaxTree.ParseText(source, path: "/src/Source0.cs");
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                .WithSpecificDiagnosticOptions(specific ?? new Dictionary<string, ReportDiagnostic>())
                .WithSyntaxTreeOptionsProvider(new TreeOptions(perTree ?? new Dictionary<string, ReportDiagnostic>()));
            var references = library is null ? TestReferences.All : TestReferences.All.Add(library);
            var compilation = CSharpCompilation.Create("Facts", new[] { tree }, references, options);
            var additional = baseline is null
                ? ImmutableArray<AdditionalText>.Empty
                : ImmutableArray.Create<AdditionalText>(new InMemoryText("/src/residency-baseline.json", baseline));
            var global = factsFile is null
                ? new Dictionary<string, string>()
                : new Dictionary<string, string> { ["build_property._ResidencyFactsFile"] = factsFile };
            var analyzerOptions = new AnalyzerOptions(additional, new GlobalOptionsProvider(global));
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new InventoryFactsAnalyzer()),
                new CompilationWithAnalyzersOptions(analyzerOptions, null, concurrent, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            if (Residency.Analyzers.Flow.DeferredAnalyses.AnalysingForTests.Value is null && Residency.Analyzers.Rules.InventoryFactsAnalyzer.CheckingCandidateForTests.Value is null)
            {
                Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            }

            return diagnostics;
        }

        private sealed class InMemoryText(string path, string text) : AdditionalText
        {
            public override string Path { get; } = path;

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
        }

        private sealed class TreeOptions(IReadOnlyDictionary<string, ReportDiagnostic> values) : SyntaxTreeOptionsProvider
        {
            public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

            public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
                values.TryGetValue(diagnosticId, out severity);

            public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            {
                severity = ReportDiagnostic.Default;
                return false;
            }
        }
    }
}
