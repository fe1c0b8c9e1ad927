using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Sources.SourceTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Sources
{
    /// <summary>
    /// sources.json "callbackParameters": the e-mail address ASP.NET Core Identity hands the application's
    /// <c>IEmailSender&lt;TUser&gt;</c> (its identity API endpoints call it, not the application) is personal data in the
    /// implementation, so the e-mail API it is posted to is a flow.
    /// </summary>
    public class CallbackParameterSourceTests
    {
        private const string Sender = @"
public class ApplicationUser : IdentityUser { }
public class CrmEmailSender : IEmailSender<ApplicationUser>
{
    private readonly Crm _crm = new Crm();
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) { {|#0:_crm.Send(email)|}; return Task.CompletedTask; }
    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) { _crm.Send(resetLink); return Task.CompletedTask; }
    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) => {|#1:Deliver(email, resetCode)|};
    private Task Deliver(string to, string body) { _crm.Send(to + body); return Task.CompletedTask; }
}
public class Explicit : IEmailSender<ApplicationUser>
{
    private readonly Crm _crm = new Crm();
    Task IEmailSender<ApplicationUser>.SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) { {|#2:_crm.Send(email)|}; return Task.CompletedTask; }
    Task IEmailSender<ApplicationUser>.SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) => Task.CompletedTask;
    Task IEmailSender<ApplicationUser>.SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) => Task.CompletedTask;
}
public class NotASender
{
    private readonly Crm _crm = new Crm();
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) { _crm.Send(email); return Task.CompletedTask; }
}
";

        [Fact]
        public void TheCatalogueListsIdentitysEmailSendersWithoutProblems()
        {
            var catalog = Residency.Analyzers.Sources.SourceCatalog.BuiltIn;
            Xunit.Assert.Empty(catalog.Issues);
            Xunit.Assert.Equal(4, catalog.CallbackParameters.Length);
            Xunit.Assert.All(catalog.CallbackParameters, c => Xunit.Assert.Equal(("email", "contact.email"), (c.Parameter, c.Category)));

            var broken = Residency.Analyzers.Sources.SourceCatalog.Parse(@"{ ""callbackParameters"": [ { ""member"": ""Contoso.IMailer.Send"" } ] }", "sources.json");
            Xunit.Assert.Empty(broken.CallbackParameters);
            Xunit.Assert.Contains(broken.Issues, i => i.Message.Contains("callback parameter", System.StringComparison.Ordinal));
        }

        [Fact]
        public Task TheAddressIdentityHandsAnEmailSenderIsPersonalData() => Verify.VerifyAspNetCoreAsync(Header + Sender,
            Res001(0, "parameter 'email' of IEmailSender.SendConfirmationLinkAsync (contact.email)", "SendConfirmationLinkAsync → Crm.Send"),
            Res001(1, "parameter 'email' of IEmailSender.SendPasswordResetCodeAsync (contact.email)", "SendPasswordResetCodeAsync → Deliver → Crm.Send"),
            Res001(2, "parameter 'email' of IEmailSender.SendConfirmationLinkAsync (contact.email)", "Microsoft.AspNetCore.Identity.IEmailSender<ApplicationUser>.SendConfirmationLinkAsync → Crm.Send"));
    }
}
