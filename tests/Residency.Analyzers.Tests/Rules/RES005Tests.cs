using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Rules
{
    public class RES005Tests
    {
        private const string Model = @"
using Residency;
public class Customer
{
    public int Id { get; set; }
    [PersonalData(""contact.email"")] public string Email { get; set; } = """";
}
public class Crm
{
    [DataSink(""US"", Recipient = ""Acme CRM"")] public void Send(string payload) { }
    [DataSink(""US"", Recipient = ""Other Corp"")] public void SendOther(string payload) { }
    [DataSink(""US"")] public void SendAnonymous(string payload) { }
}
";

        private static DiagnosticResult Res005(int markup) =>
            Verify.Diagnostic("RES005").WithSeverity(DiagnosticSeverity.Info).WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private static DiagnosticResult Res001(int markup) =>
            Verify.Diagnostic("RES001").WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        [Fact]
        public Task TransferDeclaredOnMethod() => Verify.VerifyAsync(Model + @"
class Service
{
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Recipient = ""Acme CRM"")]
    void Run(Customer c, Crm crm) { {|#0:crm.Send(c.Email)|}; }
    void Other(Customer c, Crm crm) { {|#1:crm.Send(c.Email)|}; }
}", Res005(0).WithArguments("Customer.Email (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "StandardContractualClauses for US to Acme CRM, declared on Service.Run", "Run → Crm.Send"), Res001(1));

        // A DPA names the counterparty's legal entity ("Acme CRM, Inc."); the catalogue or annotation its trade name.
        [Fact]
        public Task TheRecipientsLegalFormAndCaseDoNotMatter() => Verify.VerifyAsync(Model + @"
public class Vendor
{
    [DataSink(""US"", Recipient = ""Sentry (Functional Software)"")] public void Capture(string payload) { }
}
class Service
{
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Recipient = ""ACME CRM, Inc."")]
    void Run(Customer c, Crm crm) { {|#0:crm.Send(c.Email)|}; {|#1:crm.SendOther(c.Email)|}; }

    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Recipient = ""Functional Software, Inc."")]
    void Report(Customer c, Vendor v) { {|#2:v.Capture(c.Email)|}; }

    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Recipient = ""Acme"")]
    void Partial(Customer c, Crm crm) { {|#3:crm.Send(c.Email)|}; }
}", Res005(0).WithArguments("Customer.Email (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "StandardContractualClauses for US to ACME CRM, Inc., declared on Service.Run", "Run → Crm.Send"),
            Res001(1), Res005(2), Res001(3));

        // The declaration is on the code that makes the transfer: it covers the callers that hand it their data too.
        [Fact]
        public Task TransferDeclaredOnTheMethodThatSendsCoversItsCallers() => Verify.VerifyAsync(Model + @"
public class Request { [PersonalData(""contact.email"")] public string Mail { get; set; } = """"; }
public class Contact { public string Email { get; set; } = """"; }
class Payments
{
    readonly Crm _crm = new Crm();
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Recipient = ""Acme CRM"")]
    public void Ensure(Contact c) => _crm.Send(c.Email);
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Recipient = ""Acme CRM"")]
    public void Own(Customer c) => {|#0:_crm.Send(c.Email)|};
    public void Relay(string s) => Forward(s);
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Recipient = ""Acme CRM"")]
    void Forward(string s) => _crm.Send(s);
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Recipient = ""Other Corp"")]
    public void Undeclared(string s) => _crm.Send(s);
}
class Service
{
    void Run(Request r, Payments p)
    {
        {|#1:p.Ensure(new Contact { Email = r.Mail })|};
        {|#2:p.Relay(r.Mail)|};
        {|#3:p.Undeclared(r.Mail)|};
    }
}",
            Res005(0).WithArguments("Customer.Email (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "StandardContractualClauses for US to Acme CRM, declared on Payments.Own", "Own → Crm.Send"),
            Res005(1).WithArguments("Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "StandardContractualClauses for US to Acme CRM, declared on Payments.Ensure", "Run → Ensure → Crm.Send"),
            Res005(2).WithArguments("Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "StandardContractualClauses for US to Acme CRM, declared on Payments.Forward", "Run → Relay → Forward → Crm.Send"),
            Res001(3));

        [Fact]
        public Task TransferDeclaredOnType() => Verify.VerifyAsync(Model + @"
[DataTransfer(""US"", TransferMechanism.AdequacyDecision)]
class Service
{
    void Run(Customer c, Crm crm) { {|#0:crm.Send(c.Email)|}; {|#1:crm.SendAnonymous(c.Email)|}; }
}", Res005(0), Res005(1));

        [Fact]
        public Task TransferDeclaredOnAssembly() => Verify.VerifyAsync(Model.Replace("using Residency;", @"using Residency;
[assembly: DataTransfer(""US"", TransferMechanism.BindingCorporateRules, Justification = ""group BCRs"")]") + @"
class Service
{
    void Run(Customer c, Crm crm) { {|#0:crm.Send(c.Email)|}; }
}", Res005(0).WithArguments("Customer.Email (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "BindingCorporateRules for US, declared on assembly TestProject", "Run → Crm.Send"));

        [Fact]
        public Task RecipientMustMatch() => Verify.VerifyAsync(Model + @"
class Service
{
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Recipient = ""acme crm"")]
    void Run(Customer c, Crm crm) { {|#0:crm.Send(c.Email)|}; {|#1:crm.SendOther(c.Email)|}; {|#2:crm.SendAnonymous(c.Email)|}; }
}", Res005(0), Res001(1), Res001(2));

        [Fact]
        public Task RegionMustCoverTheSink() => Verify.VerifyAsync(Model + @"
class Service
{
    [DataTransfer(""EU"", TransferMechanism.StandardContractualClauses)]
    void Run(Customer c, Crm crm) { {|#0:crm.Send(c.Email)|}; }
    [DataTransfer(""Adequate"", TransferMechanism.AdequacyDecision)]
    void Run2(Customer c, Crm crm) { {|#1:crm.Send(c.Email)|}; }
    [DataTransfer(""CA"", TransferMechanism.AdequacyDecision)]
    [DataTransfer(""US"", TransferMechanism.Derogation, Recipient = ""Other Corp"")]
    void Run3(Customer c, Crm crm) { {|#2:crm.Send(c.Email)|}; {|#3:crm.SendOther(c.Email)|}; }
}", Res001(0), Res001(1), Res001(2), Res005(3));

        [Fact]
        public Task TransferInScopeOfTheMethodWhereDataIsRead() => Verify.VerifyAsync(Model + @"
class Service
{
    private readonly Crm _crm = new Crm();
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses)]
    void Run(Customer c) { {|#0:Push(c.Email)|}; }
    void Push(string s) => _crm.Send(s);
}", Res005(0));
    }
}
