using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// A call of a referenced library's interface method that the application implements runs the implementations here
    /// (docs/flow-semantics.md, "Interface and virtual calls"): a package's <c>IMailer</c> the application implements
    /// with an e-mail API. The base library's interfaces (<c>IDisposable</c>, <c>IObserver&lt;T&gt;</c>) are not followed.
    /// </summary>
    public class LibraryInterfaceDispatchTests
    {
        private const string IdentityUi = @"
using System.Threading.Tasks;
namespace Microsoft.AspNetCore.Identity.UI.Services
{
    public interface IEmailSender { Task SendEmailAsync(string email, string subject, string htmlMessage); }
}
namespace Contoso.Messaging
{
    public interface INotifier<T> { void Notify(T message); }
    public interface IMailer { Task SendAsync(string to, string subject); }
}";

        private static async Task VerifyAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerVerifier<PersonalDataFlowAnalyzer>.Test { TestCode = Source + source };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Microsoft.AspNetCore.Identity.UI", IdentityUi));
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task ALibraryInterfaceCallRunsTheApplicationsImplementations() => VerifyAsync(@"
public class CrmMailer : Contoso.Messaging.IMailer
{
    private readonly Crm _crm = new Crm();
    public Task SendAsync(string to, string subject) { _crm.Send(to); return Task.CompletedTask; }
}
public class NoOpMailer : Contoso.Messaging.IMailer
{
    public Task SendAsync(string to, string subject) => Task.CompletedTask;
}
public class CrmNotifier : Contoso.Messaging.INotifier<string>
{
    private readonly Crm _crm = new Crm();
    public void Notify(string message) => _crm.Send(message);
}
class Register
{
    private readonly Contoso.Messaging.IMailer _mailer;
    public Register(Contoso.Messaging.IMailer mailer) => _mailer = mailer;
    Task OnPostAsync(Customer c) => {|#0:_mailer.SendAsync(c.Email, ""Confirm your email"")|};
    Task Subject(Customer c) => _mailer.SendAsync(""ops@contoso.example"", c.Country);
    void Notify(Customer c, Contoso.Messaging.INotifier<string> notifier) => {|#1:notifier.Notify(c.Name)|};
}",
            Res001(0).WithArguments("Customer.Email (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "OnPostAsync → SendAsync → Crm.Send"),
            Res001(1).WithArguments("Customer.Name (name)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Notify → Notify → Crm.Send"));

        // Identity UI's IEmailSender: its email parameter is a source in the implementation (sources.json
        // "callbackParameters"), which reports the flow, as Identity's own pages call it; a scaffolded page's call with the
        // user's address is the same transfer, reported once, there. Special-category data handed in is still the caller's
        // finding (RES002).
        [Fact]
        public Task AnEmailSendersAddressIsReportedOnceInTheImplementation() => VerifyAsync(@"
public class CrmEmailSender : Microsoft.AspNetCore.Identity.UI.Services.IEmailSender
{
    private readonly Crm _crm = new Crm();
    public Task SendEmailAsync(string email, string subject, string htmlMessage) { {|#0:_crm.Send(email)|}; return Task.CompletedTask; }
}
class Register
{
    private readonly Microsoft.AspNetCore.Identity.UI.Services.IEmailSender _emailSender;
    public Register(Microsoft.AspNetCore.Identity.UI.Services.IEmailSender emailSender) => _emailSender = emailSender;
    Task OnPostAsync(Customer c) => _emailSender.SendEmailAsync(c.Email, ""Confirm your email"", ""Hi"");
    Task Health(Patient p) => {|#1:_emailSender.SendEmailAsync(p.Diagnosis, ""Result"", ""Hi"")|};
}",
            Res001(0).WithArguments("parameter 'email' of IEmailSender.SendEmailAsync (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "SendEmailAsync → Crm.Send"),
            Verify.Diagnostic("RES002").WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

        // IObserver<T>, IDisposable, IEnumerable<T>: implemented by so many types that their calls are not followed.
        [Fact]
        public Task TheBaseLibrarysInterfacesAreNotFollowed() => VerifyAsync(@"
public class CrmObserver : System.IObserver<string>
{
    private readonly Crm _crm = new Crm();
    public void OnNext(string value) => _crm.Send(value);
    public void OnError(System.Exception error) { }
    public void OnCompleted() { }
}
class Feed
{
    void Push(Customer c, System.IObserver<string> observer) => observer.OnNext(c.Email);
}");
    }
}
