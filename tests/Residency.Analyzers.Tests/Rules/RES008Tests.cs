using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Rules
{
    /// <summary>RES008: personal data handed to a method of a referenced assembly that nobody classified.</summary>
    public class RES008Tests
    {
        /// <summary>A vendor package, and stand-ins for Microsoft.Extensions packages (only their namespaces matter here).</summary>
        internal const string VendorLibrary = @"
namespace Contoso.Vendor
{
    public class CrmSdk
    {
        public void Push(string value) { }
        public void PushAll(object record) { }
        public string Normalise(string value) => value;
    }

    public static class Formatter
    {
        public static string Format(string value) => value;
    }

    public static class VendorExtensions
    {
        public static void Upload(this string value, string folder) { }
    }
}
namespace Contoso.Vendor.Text
{
    public static class Casing
    {
        public static string Upper(string value) => value;
    }
}
namespace Microsoft.Extensions.Logging
{
    public static class FakeLogger
    {
        public static void Information(string message, params object[] values) { }
    }
}
namespace Microsoft.Extensions.Configuration
{
    public class FakeConfiguration
    {
        public string this[string key] { get => key; set { } }
        public void Set(string key, string value) { }
    }
}
";

        internal const string Model = @"
using Residency;
using Contoso.Vendor;
public class Customer
{
    public int Id { get; set; }
    [PersonalData(""contact.email"")] public string Email { get; set; } = """";
    [PersonalData(""name"")] public string Name { get; set; } = """";
}
";

        internal static DiagnosticResult Res008(int markup) =>
            new DiagnosticResult("RES008", DiagnosticSeverity.Info).WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        internal static async Task VerifyAsync(string source, string? residencyJson, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerVerifier<UnclassifiedRecipientAnalyzer>.Test { TestCode = Model + source };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Vendor", VendorLibrary));
            if (residencyJson is not null)
            {
                test.TestState.AdditionalFiles.Add(("residency.json", residencyJson));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task ArgumentHandedToAVendorMethod() => VerifyAsync(@"
class Service
{
    void Run(Customer c, CrmSdk crm) { {|#0:crm.Push(c.Email)|}; }
}", null, Res008(0).WithArguments("Customer.Email (contact.email)", "Contoso.Vendor.CrmSdk.Push", "Run → Contoso.Vendor.CrmSdk.Push"));

        // Push is a library mutator (Catalog/library.json): _crm holds what was pushed into it, and Forward, which pushes
        // _crm's own content with every call, hands it on again. Forward used to be memoised while Run, a field writer, was
        // still being analysed, and missed that store (docs/flow-semantics.md, "Performance").
        [Fact]
        public Task ThroughTheApplicationsOwnMethods() => VerifyAsync(@"
class Service
{
    private readonly CrmSdk _crm = new CrmSdk();
    void Run(Customer c) { {|#0:Forward(c.Name)|}; }
    void Forward(string value) => {|#1:_crm.Push(value)|};
}", null,
            Res008(0).WithArguments("Customer.Name (name)", "Contoso.Vendor.CrmSdk.Push", "Run → Forward → Contoso.Vendor.CrmSdk.Push"),
            Res008(1).WithArguments("Customer.Name (name)", "Contoso.Vendor.CrmSdk.Push", "Forward → Contoso.Vendor.CrmSdk.Push"));

        [Fact]
        public Task StaticExtensionAndWholeObjects() => VerifyAsync(@"
class Service
{
    void Run(Customer c, CrmSdk crm)
    {
        {|#0:Formatter.Format(c.Email)|};
        {|#1:c.Name.Upload(""inbox"")|};
        {|#2:crm.PushAll(c)|};
    }
}", null, Res008(0), Res008(1), Res008(2));

        [Fact]
        public Task NonPersonalDataIsNotReported() => VerifyAsync(@"
class Service
{
    void Run(Customer c, CrmSdk crm) { crm.Push(c.Id.ToString()); crm.Push(""hello""); Formatter.Format(""x""); }
}", null);

        [Fact]
        public Task BclAndMicrosoftExtensionsNeverAppear() => VerifyAsync(@"
class Service
{
    string Run(Customer c, System.Collections.Generic.List<string> names, Microsoft.Extensions.Configuration.FakeConfiguration config)
    {
        var sb = new System.Text.StringBuilder().Append(c.Email.Trim().ToUpperInvariant());
        names.Add(c.Name);
        var joined = string.Join("","", System.Linq.Enumerable.Select(names, n => n.ToLower()));
        var json = System.Text.Json.JsonSerializer.Serialize(c);
        Microsoft.Extensions.Logging.FakeLogger.Information(""Customer {Email}"", c.Email);
        config.Set(""last"", c.Email);
        System.Console.WriteLine(c.Name);
        return sb.ToString() + joined + json + c.GetHashCode() + c.Email.Length;
    }
}", null);

        [Fact]
        public Task MethodsOfTheCompilationAreAnalysedNotReported() => VerifyAsync(@"
class LocalHelper { public static string Shout(string s) => s + ""!""; }
interface IStore { void Save(string s); }
class MemoryStore : IStore { public void Save(string s) { } }
class Service
{
    void Run(Customer c, IStore store) { LocalHelper.Shout(c.Email); store.Save(c.Email); }
}", null);

        [Fact]
        public Task SynthesisedMembersOfTheCompilationsOwnTypesAreNotRecipients() => VerifyAsync(@"
record Contact(string Email);
class Service
{
    bool Run(Customer c, Contact other)
    {
        var contact = new Contact(c.Email);
        var anonymous = new { c.Email };
        System.Action<string> log = s => { };
        log(c.Name);
        return contact.Equals(other) || contact.ToString().Length > 0 || anonymous.Equals(null) || contact.GetHashCode() > 0;
    }
}", null);

        [Fact]
        public Task ClassifiedLocalInResidencyJsonIsNotReported() => VerifyAsync(@"
class Service
{
    void Run(Customer c, CrmSdk crm)
    {
        crm.Normalise(c.Email);
        Formatter.Format(c.Email);
        Contoso.Vendor.Text.Casing.Upper(c.Name);
        {|#0:crm.Push(c.Email)|};
    }
}", @"{ ""local"": [ ""Contoso.Vendor.CrmSdk.Normalise"", { ""name"": ""Contoso.Vendor.Formatter"", ""note"": ""string formatting"" }, ""Contoso.Vendor.Text"" ] }", Res008(0));

        [Fact]
        public Task ClassifiedSinkInResidencyJsonIsAFlowNotAnUnclassifiedRecipient() => VerifyAsync(@"
class Service
{
    void Run(Customer c, CrmSdk crm) { crm.Push(c.Email); {|#0:Formatter.Format(c.Email)|}; }
}", @"{ ""sinks"": [ { ""method"": ""Contoso.Vendor.CrmSdk.*"", ""region"": ""US"" } ] }", Res008(0));

        [Fact]
        public Task ANamespaceClassifiedAsASinkCoversItsTypesAndSubNamespaces() => VerifyAsync(@"
class Service
{
    void Run(Customer c, CrmSdk crm) { crm.Push(c.Email); Formatter.Format(c.Email); Contoso.Vendor.Text.Casing.Upper(c.Name); }
}", @"{ ""sinks"": [ { ""method"": ""Contoso.Vendor.*"", ""region"": ""US"" } ] }");

        [Fact]
        public Task AnInvalidSinkEntryLeavesTheMethodUnclassified() => VerifyAsync(@"
class Service
{
    void Run(Customer c, CrmSdk crm) { {|#0:crm.Push(c.Email)|}; }
}", @"{ ""sinks"": [ { ""method"": ""Contoso.Vendor.CrmSdk.Push"", ""region"": ""FILL-IN"" } ] }", Res008(0));

        [Fact]
        public Task HttpSinksAreFlowsNotUnclassified() => VerifyAsync(@"
class Service
{
    async System.Threading.Tasks.Task Run(Customer c, System.Net.Http.HttpClient http) { await http.PostAsync(""https://api.contoso.com/x"", new System.Net.Http.StringContent(c.Email)); }
}", null);

        // A message is built in the process (MimeKit, System.Net.Mail, Semantic Kernel's arguments and history); only the
        // client that sends it is a recipient, and that one is a sink (a flow, not RES008).
        [Fact]
        public async Task MessagesBuiltForAMailOrAModelAreNotRecipients()
        {
            var test = new AnalyzerVerifier<UnclassifiedRecipientAnalyzer>.Test
            {
                TestCode = @"
using System.Threading.Tasks;
using MimeKit;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Residency;
public class Customer
{
    [PersonalData(""contact.email"")] public string Email { get; set; } = """";
    [PersonalData(""name"")] public string Name { get; set; } = """";
}
class Mailer
{
    async Task Send(Customer c, Kernel kernel)
    {
        var message = new MimeMessage();
        message.To.Add(new MailboxAddress(c.Name, c.Email));
        message.Cc.Add(MailboxAddress.Parse(c.Email));
        var body = new BodyBuilder { TextBody = ""Dear "" + c.Name };
        body.Attachments.Add(""note.txt"", System.Text.Encoding.UTF8.GetBytes(c.Email));
        message.Body = body.ToMessageBody();
        message.Headers.Add(""X-Customer"", c.Email);
        using var client = new MailKit.Net.Smtp.SmtpClient();
        await client.ConnectAsync(""smtp.eu.mailgun.org"", 587);
        await client.SendAsync(message);
        var mail = new System.Net.Mail.MailMessage();
        mail.To.Add(new System.Net.Mail.MailAddress(c.Email, c.Name));
        var arguments = new KernelArguments { [""who""] = c.Name };
        arguments.Add(""email"", c.Email);
        var history = new ChatHistory();
        history.AddUserMessage(c.Email);
    }
}",
            };
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(PackageReferences.All);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task HalfTypedCodeDoesNotThrow()
        {
            var test = new AnalyzerVerifier<UnclassifiedRecipientAnalyzer>.Test { TestCode = Model + @"
class Service
{
    void Run(Customer c, CrmSdk crm) { crm.{|CS1061:Pussh|}(c.Email); {|CS0103:Unknown|}.Call(c.Name); }
}" };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Vendor", VendorLibrary));
            return test.RunAsync(CancellationToken.None);
        }

        // An interface of the application that no code of this project implements: in a solution, Application declares
        // IEmailSender and Infrastructure implements it with SendGrid. A field test's record said no personal data went
        // to an unclassified method; the e-mail left through the interface and nothing was recorded. What the call
        // returns is the implementation's (a payment id), not what it was handed: no false RES002 downstream.
        private const string ImplementedElsewhere = @"
public interface IEmailSender { System.Threading.Tasks.Task SendAsync(string to, string body); }
public interface IPayments { System.Threading.Tasks.Task<string> ChargeAsync(Customer customer, decimal amount); }
public interface IAudit { void Record(string text); }
public abstract class Exporter { public abstract void Export(string line); }
class Audit : IAudit { public void Record(string text) { } }
class Checkout
{
    private readonly IEmailSender _email; private readonly IPayments _payments; private readonly IAudit _audit; private readonly Exporter _exporter; private readonly CrmSdk _crm;
    public Checkout(IEmailSender email, IPayments payments, IAudit audit, Exporter exporter, CrmSdk crm) { _email = email; _payments = payments; _audit = audit; _exporter = exporter; _crm = crm; }
    async System.Threading.Tasks.Task Run(Customer c)
    {
        await {|#0:_email.SendAsync(c.Email, ""Thanks for your order"")|};
        var paymentId = await {|#1:_payments.ChargeAsync(c, 10m)|};
        _crm.Push(paymentId);
        _audit.Record(c.Email);
        {|#2:_exporter.Export(c.Name)|};
        await _email.SendAsync(""ops@example.com"", ""order placed"");
    }
}";

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task AnInterfaceImplementedInAnotherProjectIsAnUnclassifiedRecipient(bool commandLine)
        {
            var test = new AnalyzerVerifier<UnclassifiedRecipientAnalyzer>.Test { TestCode = Model + ImplementedElsewhere };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Vendor", VendorLibrary));
            if (commandLine)
            {
                test.TestState.AnalyzerConfigFiles.Add(TestReferences.GlobalConfig(new[] { ("_ResidencyCommandLineBuild", "true") }));
            }

            test.ExpectedDiagnostics.Add(Res008(0).WithArguments("Customer.Email (contact.email)", "IEmailSender.SendAsync", "Run → IEmailSender.SendAsync"));
            test.ExpectedDiagnostics.Add(Res008(1).WithArguments("Customer.Email (contact.email), Customer.Name (name)", "IPayments.ChargeAsync", "Run → IPayments.ChargeAsync"));
            test.ExpectedDiagnostics.Add(Res008(2).WithArguments("Customer.Name (name)", "Exporter.Export", "Run → Exporter.Export"));
            await test.RunAsync(CancellationToken.None);
        }

        // The application's DbContext calling its base constructor and Set<T>() hands nothing anywhere: its entity types
        // are what it may hold, not data it holds (a field test listed health data handed to DbContext..ctor and to
        // DbContext.Set for every DbSet). What is added to a set stays an unclassified recipient until the database is declared.
        [Fact]
        public async Task ADbContextsConstructorAndSetAccessorHandNothing()
        {
            var test = new AnalyzerVerifier<UnclassifiedRecipientAnalyzer>.Test
            {
                TestCode = "using Microsoft.EntityFrameworkCore;\n" + Model + @"
class Db(DbContextOptions options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
}
class Service(Db db)
{
    void Add(Customer c) { {|#0:db.Customers.Add(c)|}; }
}",
            };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Vendor", VendorLibrary));
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Microsoft.EntityFrameworkCore", @"
namespace Microsoft.EntityFrameworkCore
{
    public class DbContextOptions { }
    public class DbContext
    {
        protected DbContext(DbContextOptions options) { }
        public DbSet<T> Set<T>() where T : class => null!;
        public System.Threading.Tasks.Task<int> SaveChangesAsync() => null!;
    }
    public class DbSet<T> where T : class { public void Add(T entity) { } }
}"));
            test.ExpectedDiagnostics.Add(Res008(0).WithArguments("Customer.Email (contact.email), Customer.Name (name)", "Microsoft.EntityFrameworkCore.DbSet`1.Add", "Add → Microsoft.EntityFrameworkCore.DbSet`1.Add"));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
