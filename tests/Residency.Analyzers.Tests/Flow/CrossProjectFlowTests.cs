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
using Residency.Analyzers.Tests.Verifiers;
using Residency.Facts;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// Flows across projects (docs/cross-project.md): a class library's build exports what its public methods' parameters
    /// reach, and a project that references it judges a call into the library with personal data at the call, against the
    /// library's sink, instead of listing an unclassified recipient.
    /// </summary>
    public sealed partial class CrossProjectFlowTests : IDisposable
    {
        /// <summary>An infrastructure library: no personal data of its own, only sinks behind public methods.</summary>
        private const string Library = @"
using Residency;
namespace Contoso.Mail
{
    public interface IMailer { void Send(string to, string body); }

    public abstract class Notifier { public abstract void Notify(string phone); }

    public class UsTransport { [DataSink(""US"", Recipient = ""Acme Mail"")] public void Push(string value) { } }

    public class EuTransport { [DataSink(""DE"", Recipient = ""Euro Mail"")] public void Push(string value) { } }

    public class Mailer : IMailer
    {
        private readonly UsTransport _us = new UsTransport();

        public void Send(string to, string body) => Forward(to);

        public void Archive(string text) => new EuTransport().Push(text);

        [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Recipient = ""Acme Mail"", Justification = ""DPA 2026-04 with Acme Mail"")]
        public void SendUnderContract(string to) => Forward(to);

        public int Count(string text) => text.Length;

        internal void Hidden(string text) => _us.Push(text);

        private void Forward(string value) => _us.Push(value);
    }

    public class SmsNotifier : Notifier
    {
        public override void Notify(string phone) => new UsTransport().Push(phone);
    }

    public interface ICurrentUser { string Email { get; } int Visits { get; } }

    public class CurrentUser : ICurrentUser
    {
        [PersonalData(""contact.email"")] private string _email = """";
        public string Email => _email;
        public int Visits => 3;
        public string Greeting() => ""Hello "" + _email;
    }
}";

        /// <summary>The application: it reads personal data and hands it to the library.</summary>
        private const string Application = @"
using Residency;
using Contoso.Mail;
public class Customer
{
    [PersonalData(""contact.email"")] public string Email { get; set; } = """";
    [PersonalData(""contact.phone"")] public string Phone { get; set; } = """";
}
public class Signup
{
    public void Direct(Customer c, Mailer mailer) => mailer.Send(c.Email, ""welcome"");
    public void ThroughTheInterface(Customer c, IMailer mailer) => mailer.Send(c.Email, ""welcome"");
    public void ToTheEu(Customer c, Mailer mailer) => mailer.Archive(c.Email);
    public void NothingSent(Customer c, Mailer mailer) => mailer.Send(""ops@contoso.example"", c.Email);
    public void Virtual(Customer c, Notifier notifier) => notifier.Notify(c.Phone);
    public void Declared(Customer c, Mailer mailer) => mailer.SendUnderContract(c.Email);
    public void SignedIn(ICurrentUser user, Analytics analytics) => analytics.Track(user.Email);
    public void Greeted(CurrentUser user, Analytics analytics) => analytics.Track(user.Greeting());
    public void Counted(ICurrentUser user, Analytics analytics) => analytics.Track(user.Visits.ToString());
}
public class Analytics { [DataSink(""US"", Recipient = ""Tracker"")] public void Track(string value) { } }";

        private readonly string _directory = Path.Combine(Path.GetTempPath(), "residency-cross-project-tests", Guid.NewGuid().ToString("N"));

        [Fact]
        public async Task ALibraryExportsWhatItsPublicMethodsParametersReach()
        {
            var exports = await ExportsOf(Library);

            var send = exports.Where(e => e.Method == "M:Contoso.Mail.Mailer.Send(System.String,System.String)").ToList();
            Assert.True(send.Count == 1, string.Join("\n", send.Select(e => ExportsFile.Sorted(new[] { e }).Single())));
            var flow = send[0];
            Assert.Equal(0, flow.Parameter); // the body (parameter 1) reaches nothing
            Assert.Equal("US", flow.Sink.Region);
            Assert.Equal("Acme Mail", flow.Sink.Recipient);
            Assert.Equal("annotation", flow.Sink.Kind);
            Assert.Contains("M:Contoso.Mail.IMailer.Send(System.String,System.String)", flow.Implements);
            Assert.Equal(new[] { "Send", "Forward", "UsTransport.Push" }, flow.Path);
            Assert.Equal("M:Contoso.Mail.Mailer.Send(System.String,System.String)", flow.Through[0]);

            Assert.Equal("DE", Assert.Single(exports, e => e.Method == "M:Contoso.Mail.Mailer.Archive(System.String)").Sink.Region);
            Assert.Contains("M:Contoso.Mail.Notifier.Notify(System.String)", Assert.Single(exports, e => e.Method.StartsWith("M:Contoso.Mail.SmsNotifier.Notify", StringComparison.Ordinal)).Implements);

            // Not callable from another project, or reaching nothing.
            Assert.DoesNotContain(exports, e => e.Method.Contains("Hidden", StringComparison.Ordinal) || e.Method.Contains("Forward", StringComparison.Ordinal) || e.Method.Contains("Count", StringComparison.Ordinal));
        }

        [Fact]
        public async Task ALibraryExportsThePublicMembersWhoseValueIsPersonalData()
        {
            var (_, sources) = await ExportsAndSourcesOf(Library);

            // The getter reads an annotated field: the property is a source under its type's and its interface's name.
            var email = sources.Where(s => s.Member == "Email").OrderBy(s => s.Type, StringComparer.Ordinal).ToList();
            Assert.Equal(new[] { "Contoso.Mail.CurrentUser", "Contoso.Mail.ICurrentUser" }, email.Select(s => s.Type));
            Assert.All(email, s => Assert.Equal("contact.email", s.Category));
            Assert.All(email, s => Assert.StartsWith("Contoso.Mail: ", s.Origin, StringComparison.Ordinal));
            Assert.Contains(sources, s => s.Type == "Contoso.Mail.CurrentUser" && s.Member == "Greeting");
            Assert.DoesNotContain(sources, s => s.Member == "Visits");
        }

        [Fact]
        public async Task AnApplicationReadsALibrarysExportedSource()
        {
            var (exports, sources) = await ExportsAndSourcesOf(Library);
            var exportsFile = WriteExports(exports, sources);

            var diagnostics = await AnalyseApplication(exportsFile);

            Assert.Contains(diagnostics, d => d.Id == "RES001" && Line(d) == 17 && d.GetMessage().Contains("CurrentUser.Email (contact.email)", StringComparison.Ordinal));
            Assert.Contains(diagnostics, d => d.Id == "RES001" && Line(d) == 18);
            Assert.DoesNotContain(diagnostics, d => Line(d) == 19);

            // Without the exports the application cannot know what the library's members hold.
            Assert.DoesNotContain(await AnalyseApplication(exportsFile: null), d => Line(d) is 17 or 18);
        }

        [Fact]
        public async Task AnApplicationJudgesACallIntoTheLibraryAtTheCall()
        {
            var exports = await ExportsOf(Library);
            var exportsFile = WriteExports(exports);

            var diagnostics = await AnalyseApplication(exportsFile);

            // Mailer.Send and IMailer.Send hand the e-mail to the library's US sink: violations here, where it is read.
            var violations = diagnostics.Where(d => d.Id == "RES001").Select(Line).OrderBy(l => l).ToList();
            Assert.Equal(new[] { 11, 12, 15 }, violations);
            Assert.Contains(diagnostics, d => d.Id == "RES001" && d.GetMessage().Contains("UsTransport.Push", StringComparison.Ordinal) && d.GetMessage().Contains("Acme Mail", StringComparison.Ordinal));

            // Archive reaches Germany: allowed, no diagnostic; the body parameter of Send reaches nothing. No call is left unclassified.
            Assert.DoesNotContain(diagnostics, d => Line(d) is 13 or 14);
            Assert.DoesNotContain(diagnostics, d => d.Id == "RES008");

            // The library's [DataTransfer] on its public method covers the transfer it makes for its callers: recorded (RES005).
            Assert.Contains(diagnostics, d => d.Id == "RES005" && Line(d) == 16 && d.GetMessage().Contains("declared on Mailer.SendUnderContract", StringComparison.Ordinal));
        }

        // Clean architecture: the Application project declares IEmailSender and calls it, the Infrastructure project (which
        // references Application) implements it, the web project references both. Application's export says its method's
        // argument reaches an unclassified recipient, IEmailSender.Send; Infrastructure's says where Send sends: the web
        // project follows one into the other.
        [Fact]
        public async Task AnUnclassifiedRecipientOfOneLibraryIsFollowedIntoTheLibraryThatImplementsIt()
        {
            const string application = @"
namespace Shop.Application
{
    public interface IEmailSender { void Send(string to); }
    public class Orders
    {
        private readonly IEmailSender _sender;
        public Orders(IEmailSender sender) { _sender = sender; }
        public void Confirm(string email, int quantity) => _sender.Send(email);
    }
}";
            const string infrastructure = @"
using Residency;
namespace Shop.Infrastructure
{
    public class UsMail { [DataSink(""US"", Recipient = ""Acme Mail"")] public void Deliver(string value) { } }
    public class EmailSender : Shop.Application.IEmailSender
    {
        public void Send(string to) => new UsMail().Deliver(to);
    }
}";
            const string web = @"
using Residency;
public class Customer { [PersonalData(""contact.email"")] public string Email { get; set; } = """"; }
public class Checkout
{
    public void Done(Customer c, Shop.Application.Orders orders) => orders.Confirm(c.Email, 1);
}";
            var (applicationFlows, files, references) = await Layers(application, infrastructure);
            var unclassified = Assert.Single(applicationFlows);
            Assert.Equal("unclassified", unclassified.Sink.Kind);
            Assert.Equal("M:Shop.Application.IEmailSender.Send(System.String)", unclassified.RecipientMethod);

            var diagnostics = await AnalyseApplication(files, web, references);

            var violation = Assert.Single(diagnostics, d => d.Id == "RES001");
            Assert.Equal(6, Line(violation));
            Assert.Contains("Done → Confirm → Send → UsMail.Deliver", violation.GetMessage(), StringComparison.Ordinal);
            Assert.DoesNotContain(diagnostics, d => d.Id == "RES008");

            // With Application's exports alone, the call is an unclassified recipient, named as Application named it.
            diagnostics = await AnalyseApplication(new[] { files[0] }, web, references);
            Assert.DoesNotContain(diagnostics, d => d.Id == "RES001");
            Assert.Contains(diagnostics, d => d.Id == "RES008" && d.GetMessage().Contains("IEmailSender.Send", StringComparison.Ordinal));
        }

        // A MediatR command handled in another project: mediator.Send(command) runs the handler the Application project
        // exported, as it runs a handler of its own compilation.
        [Fact]
        public async Task AMediatorCommandIsFollowedIntoTheHandlerAReferencedProjectExported()
        {
            const string application = @"
using System.Threading;
using System.Threading.Tasks;
using Residency;
namespace Shop.Application
{
    public record PlaceOrder(string Email, int Quantity) : MediatR.IRequest;
    public class UsMail { [DataSink(""US"", Recipient = ""Acme Mail"")] public void Deliver(string value) { } }
    public class PlaceOrderHandler : MediatR.IRequestHandler<PlaceOrder>
    {
        public Task Handle(PlaceOrder request, CancellationToken cancellationToken)
        {
            new UsMail().Deliver(request.Email);
            return Task.CompletedTask;
        }
    }
}";
            const string web = @"
using Residency;
public class Customer { [PersonalData(""contact.email"")] public string Email { get; set; } = """"; }
public class Checkout
{
    public System.Threading.Tasks.Task Done(Customer c, MediatR.IMediator mediator) => mediator.Send(new Shop.Application.PlaceOrder(c.Email, 1));
}";
            var mediatR = TestReferences.Library("MediatR", MediatorTests.MediatR);
            var applicationExports = await ExportsAndSourcesOf(application, "Shop.Application", mediatR);
            var export = Assert.Single(applicationExports.Flows);
            Assert.Equal("P:Shop.Application.PlaceOrder.Email", export.Member);
            Assert.Contains("M:MediatR.IRequestHandler`1.Handle(`0,System.Threading.CancellationToken)", export.Implements);
            var applicationReference = TestReferences.Library("Shop.Application", application, mediatR);

            var diagnostics = await AnalyseApplication(new[] { WriteExports(applicationExports.Flows, name: "Shop.Application") }, web, mediatR, applicationReference);

            var violation = Assert.Single(diagnostics, d => d.Id == "RES001");
            Assert.Equal(6, Line(violation));
            Assert.Contains("UsMail.Deliver", violation.GetMessage(), StringComparison.Ordinal);
            Assert.DoesNotContain(diagnostics, d => d.Id == "RES008");
        }

        [Fact]
        public async Task WithoutTheExportsTheCallsAreUnclassifiedRecipients()
        {
            var diagnostics = await AnalyseApplication(exportsFile: null);

            Assert.DoesNotContain(diagnostics, d => d.Id == "RES001");
            Assert.Contains(diagnostics, d => d.Id == "RES008" && Line(d) == 11);
        }

        [Fact]
        public async Task AnExportsFileOfAnotherVersionIsIgnored()
        {
            var path = Path.Combine(_directory, "Lib", "obj", ExportsFile.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, @"{ ""format"": ""residency-exports"", ""version"": 99, ""exports"": [] }");

            var diagnostics = await AnalyseApplication(path);

            Assert.DoesNotContain(diagnostics, d => d.Id == "RES001");
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            var res004 = Assert.Single(diagnostics, d => d.Id == "RES004");
            Assert.Contains("format version 99", res004.GetMessage(), StringComparison.Ordinal);
            Assert.Contains(ExportsFile.FileName, res004.GetMessage(), StringComparison.Ordinal);
        }

        [Fact]
        public void TheExportsFileRoundTrips()
        {
            var flow = new ExportedFlow
            {
                Method = "M:A.B.C(System.String)",
                Implements = new[] { "M:A.I.C(System.String)" },
                Parameter = 0,
                Member = "P:A.Customer.Email",
                ViaMember = true,
                Sink = new SinkInfo { Id = "annotation:X.Y:US", Kind = "annotation", Display = "X.Y", Region = "US", Recipient = "Acme" },
                Path = new[] { "C", "X.Y" },
                Through = new[] { "M:A.B.C(System.String)" },
            };
            var writer = new StringWriter();
            ExportsFile.Write("A", new[] { flow, flow }, writer);

            var read = ExportsFile.Read(writer.ToString(), out var problem);

            Assert.Null(problem);
            var only = Assert.Single(read!);
            Assert.Equal(flow.Method, only.Method);
            Assert.Equal(flow.Implements, only.Implements);
            Assert.Equal(flow.Member, only.Member);
            Assert.True(only.ViaMember);
            Assert.Equal(flow.Sink, only.Sink);
            Assert.Equal(flow.Path, only.Path);
            Assert.Equal(flow.Through, only.Through);
            Assert.Null(ExportsFile.Read("{}", out problem));
            Assert.Contains("not a Residency exports file", problem);
        }

        public void Dispose()
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }

        private static int Line(Diagnostic d) => d.Location.GetLineSpan().StartLinePosition.Line + 1;

        private async Task<IReadOnlyList<ExportedFlow>> ExportsOf(string source) => (await ExportsAndSourcesOf(source)).Flows;

        /// <summary>The library built as a command-line build of a class library: the facts file's exports.</summary>
        private Task<(IReadOnlyList<ExportedFlow> Flows, IReadOnlyList<ExportedSource> Sources)> ExportsAndSourcesOf(string source, string name = "Contoso.Mail", params MetadataReference[] references) =>
            ExportsAndSourcesOf(source, name, Array.Empty<string>(), references);

        /// <summary>As above, with the exports files of the referenced projects among the additional files.</summary>
        private async Task<(IReadOnlyList<ExportedFlow> Flows, IReadOnlyList<ExportedSource> Sources)> ExportsAndSourcesOf(string source, string name, IReadOnlyList<string> exportsFiles, params MetadataReference[] references)
        {
            var factsPath = Path.Combine(_directory, name, "obj", "residency.facts.json");
            Directory.CreateDirectory(Path.GetDirectoryName(factsPath)!);
            var compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source, path: "/" + name + "/Code.cs") }, TestReferences.All.AddRange(references), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var options = new AnalyzerOptions(exportsFiles.Select(f => (AdditionalText)new FileText(f)).ToImmutableArray(), new GlobalOptionsProvider(new Dictionary<string, string>
            {
                [ResidencyOptions.FactsFileKey] = factsPath,
                [ResidencyOptions.CommandLineBuildKey] = "true",
                [ResidencyOptions.ExportSummariesKey] = "true",
            }));
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new InventoryFactsAnalyzer()), new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            var document = FactsFile.Read(File.ReadAllText(factsPath), out var problem);
            Assert.True(document is not null, problem);
            return (document!.Exports, document.ExportedSources);
        }

        /// <summary>
        /// A solution's Application project (named Shop.Application) and its Infrastructure project (Shop.Infrastructure,
        /// referencing Application), each built as a library: Application's exported flows, both exports files (Application's
        /// first) and both references, for the web project's compilation.
        /// </summary>
        private async Task<(IReadOnlyList<ExportedFlow> ApplicationFlows, string[] Files, MetadataReference[] References)> Layers(string application, string infrastructure)
        {
            var applicationReference = TestReferences.Library("Shop.Application", application);
            var applicationExports = await ExportsAndSourcesOf(application, "Shop.Application");
            var infrastructureExports = await ExportsAndSourcesOf(infrastructure, "Shop.Infrastructure", applicationReference);
            var files = new[]
            {
                WriteExports(applicationExports.Flows, name: "Shop.Application"),
                WriteExports(infrastructureExports.Flows, name: "Shop.Infrastructure"),
            };
            return (applicationExports.Flows, files, new[] { applicationReference, TestReferences.Library("Shop.Infrastructure", infrastructure, applicationReference) });
        }

        private string WriteExports(IReadOnlyList<ExportedFlow> exports, IReadOnlyList<ExportedSource>? sources = null, string name = "Contoso.Mail")
        {
            var path = Path.Combine(_directory, name, "obj", ExportsFile.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var writer = new StreamWriter(path))
            {
                ExportsFile.Write(name, exports, sources ?? Array.Empty<ExportedSource>(), writer);
            }

            return path;
        }

        /// <summary>The application against the library's metadata, as the IDE would analyse it (and as a command-line build does: the same summaries).</summary>
        private static Task<ImmutableArray<Diagnostic>> AnalyseApplication(string? exportsFile) =>
            AnalyseApplication(exportsFile is null ? Array.Empty<string>() : new[] { exportsFile }, Application, TestReferences.Library("Contoso.Mail", Library));

        private static async Task<ImmutableArray<Diagnostic>> AnalyseApplication(IReadOnlyList<string> exportsFiles, string source, params MetadataReference[] libraries)
        {
            var compilation = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText(source, path: "/app/Signup.cs") }, TestReferences.All.AddRange(libraries), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var additional = exportsFiles.Select(f => (AdditionalText)new FileText(f)).ToImmutableArray();
            var options = new AnalyzerOptions(additional, new GlobalOptionsProvider(new Dictionary<string, string>()));
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new PersonalDataFlowAnalyzer(), new UnclassifiedRecipientAnalyzer(), new ConfigurationValidationAnalyzer());
            var diagnostics = await compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            return diagnostics;
        }

        private sealed class FileText(string path) : AdditionalText
        {
            public override string Path { get; } = path;

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
        }
    }
}
