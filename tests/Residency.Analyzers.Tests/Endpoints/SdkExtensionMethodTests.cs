using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Extension methods an SDK declares on its client types (Sentry's <c>hub.CaptureMessage(…)</c> on an <c>IHub</c>,
    /// <c>client.CaptureMessage(…)</c> on an <c>ISentryClient</c>) are calls on the receiver: sinks of its entry, resolved
    /// as a call on it. Not those of the application (their bodies are analysed) nor those another assembly declares.
    /// </summary>
    public class SdkExtensionMethodTests
    {
        private static readonly MetadataReference Sentry = TestReferences.Library("Sentry", SdkStubs.SentryLibrary);

        private const string UsDsn = "https://k@o1.ingest.us.sentry.io/2";
        private const string DeDsn = "https://k@o2.ingest.de.sentry.io/3";

        private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync("using Sentry;\n" + source, null, null, new[] { Sentry }, expected);

        [Fact]
        public Task ExtensionOnAnInjectedHubOrClientIsASink() => VerifyAsync(@"
class Startup { public static void Init() => SentrySdk.Init(o => o.Dsn = """ + UsDsn + @"""); }
class Reporter(IHub hub, ISentryClient client)
{
    public void Refund(Customer customer) => {|#0:hub.CaptureMessage($""Refund requested by {customer.Email}"")|};
    public void Failed(Customer customer) => {|#1:client.CaptureMessage(customer.Name, SentryLevel.Warning)|};
    public void Trail(Customer customer) => {|#2:hub.AddBreadcrumb(customer.Email)|};
    public void Started() => hub.CaptureMessage(""refunds started"");
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task ExtensionOnAnEuHubIsClean() => VerifyAsync(@"
class Startup { public static void Init() => SentrySdk.Init(""" + DeDsn + @"""); }
class Reporter(IHub hub)
{
    public void Refund(Customer customer) => hub.CaptureMessage(customer.Email);
}");

        [Fact]
        public Task ExtensionOnAHubWithoutDsnIsUnknown() => VerifyAsync(@"
class Reporter(IHub hub)
{
    public void Refund(Customer customer) => {|#0:hub.CaptureMessage(customer.Email)|};
}", Res003(0));

        [Fact]
        public Task ExtensionOnAStandaloneClientTakesItsDsn() => VerifyAsync(@"
static class Audit
{
    private static readonly SentryClient Us = new(new SentryOptions { Dsn = """ + UsDsn + @""" });
    private static readonly SentryClient Eu = new(new SentryOptions { Dsn = """ + DeDsn + @""" });
    public static void Login(Customer customer)
    {
        {|#0:Us.CaptureMessage(customer.Email)|};
        Eu.CaptureMessage(customer.Email);
    }
}", Res001(0));

        [Fact]
        public Task AnExtensionOfTheApplicationIsAnalysedThroughItsBodyOnce() => VerifyAsync(@"
static class RefundReporting
{
    public static void ReportRefund(this IHub hub, string email) => hub.CaptureMessage(""Refund by "" + email);
}
class Startup { public static void Init() => SentrySdk.Init(""" + UsDsn + @"""); }
class Refunds(IHub hub)
{
    // One finding, at the call (path Run → ReportRefund → IHub.CaptureMessage), not a second one for ReportRefund as a sink.
    public void Run(Customer customer) => {|#0:hub.ReportRefund(customer.Email)|};
}", Res001(0));

        [Fact]
        public void AnExtensionOfAnotherAssemblyIsNoSink()
        {
            var helpers = Compile("Contoso.SentryHelpers", @"
namespace Contoso.SentryHelpers
{
    public static class HubNotes { public static void Note(this Sentry.IHub hub, string text) { } }
}", Sentry);
            var calls = SinkProbe.Resolve(@"
using Sentry;
using Contoso.SentryHelpers;
class Reporter(IHub hub)
{
    public void Run(string text) { hub.Note(text); hub.CaptureMessage(text); }
}", null, null, Sentry, helpers);
            var (call, _) = Assert.Single(calls);
            Assert.Equal("hub.CaptureMessage(text)", call);
        }

        [Fact]
        public void ExtensionSinkFacts()
        {
            var call = SinkProbe.Single(@"
using Sentry;
class Startup { public static void Init() => SentrySdk.Init(""" + UsDsn + @"""); }
class Reporter(IHub hub)
{
    public void Run(string text) => hub.CaptureMessage(text);
}", null, null, Sentry);
            var sink = Assert.Single(call.Sinks);
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.Equal("US", sink.Region.Code);
            Assert.Equal("Sentry (Functional Software)", sink.Recipient);
            Assert.StartsWith("IHub.CaptureMessage", sink.Display);
            Assert.False(call.SendsParameter(0)); // the hub itself is the receiver, not data
            Assert.True(call.SendsParameter(1));
        }

        private static MetadataReference Compile(string name, string source, params MetadataReference[] references)
        {
            var compilation = CSharpCompilation.Create(
                name,
                new[] { CSharpSyntaxTree.ParseText(source) },
                TestReferences.All.Concat(references),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return MetadataReference.CreateFromImage(stream.ToArray());
        }
    }
}
