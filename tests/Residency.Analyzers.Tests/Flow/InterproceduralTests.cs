using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    public class InterproceduralTests
    {
        [Fact]
        public Task ReturnValueCarriesSource() => Verify.VerifyAsync(Source + @"
class Service
{
    static string Describe(Customer c) => ""Dear "" + c.Name;
    static string Label(Customer c) => ""#"" + c.Id;
    void Run(Customer c, Crm crm) { {|#0:crm.Send(Describe(c))|}; crm.Send(Label(c)); }
}", Res001(0));

        [Fact]
        public Task ReturnValueCarriesParameter() => Verify.VerifyAsync(Source + @"
class Service
{
    static string Wrap(string s) => ""["" + s.Trim() + ""]"";
    static string Ignore(string s) => ""constant"";
    void Run(Customer c, Crm crm) { {|#0:crm.Send(Wrap(c.Email))|}; crm.Send(Ignore(c.Email)); crm.Send(Wrap(c.Country)); }
}", Res001(0));

        [Fact]
        public Task ParameterReachingSinkThreeCallsDeep() => Verify.VerifyAsync(Source + @"
class Service
{
    private readonly Crm _crm = new Crm();
    void Run(Customer c) { {|#0:Forward(c.Email)|}; Forward(c.Country); }
    void Forward(string s) => Relay(s + ""!"");
    void Relay(string s) { var t = s; Push(t); }
    void Push(string s) => Deliver(s);
    void Deliver(string s) => _crm.Send(s);
}", Res001(0).WithArguments("Customer.Email (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Forward → Relay → Push → Deliver → Crm.Send"));

        [Fact]
        public Task ParameterReachingSinkAcrossTypes() => Verify.VerifyAsync(Source + @"
class Notifier
{
    private readonly Crm _crm = new Crm();
    public void Notify(string text, int priority) { _crm.Send(text); }
}
class Service
{
    void Run(Customer c, Notifier n) { {|#0:n.Notify(c.Name, c.Id)|}; n.Notify(c.Country, c.Id); }
}", Res001(0));

        [Fact]
        public Task WholeObjectParameterReachingSinkThroughMember() => Verify.VerifyAsync(Source + @"
class Exporter
{
    // The data is read here (c.Email): reported here, not at the callers that pass the whole customer.
    public void ExportEmail(Customer c, Crm crm) => {|#0:crm.Send(c.Email)|};
    public void ExportCountry(Customer c, Crm crm) => crm.Send(c.Country);
    public void ExportWhole(object o, Crm crm) => crm.SendObject(o);
}
class Service
{
    void Run(Customer c, Exporter e, Crm crm) { e.ExportEmail(c, crm); e.ExportCountry(c, crm); {|#1:e.ExportWhole(c, crm)|}; e.ExportWhole(c.Id, crm); }
}", Res001(0), Res001(1));

        [Fact]
        public Task AsyncMethodsAcrossCalls() => Verify.VerifyAsync(Source + @"
class Service
{
    private readonly Crm _crm = new Crm();
    async Task Run(Customer c) { await {|#0:ForwardAsync(c.Email)|}; await ForwardAsync(""static""); }
    async Task ForwardAsync(string s) { await Task.Delay(1); await PushAsync(s); }
    async Task PushAsync(string s) { await Task.Yield(); await _crm.SendAsync(s); }
}", Res001(0));

        [Fact]
        public Task LambdaPassedToNonLinqMethod() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        Task.Run(() => {|#0:crm.Send(c.Email)|});
        Task.Run(() => crm.Send(c.Country));
        Action a = () => {|#1:crm.Send(c.Name)|};
        a();
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task LambdaPassedToSourceMethod() => Verify.VerifyAsync(Source + @"
class Service
{
    static void Later(Action action) => action();
    void Run(Customer c, Crm crm)
    {
        Later(() => {|#0:crm.Send(c.Email)|});
        Later(() => crm.Send(c.Country));
    }
}", Res001(0));

        [Fact]
        public Task LocalFunctions() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var email = c.Email;
        var country = c.Country;
        void SendCaptured() => {|#0:crm.Send(email)|};
        void SendCountry() => crm.Send(country);
        void SendParameter(string s) => crm.Send(s);
        string Format(string s) => ""<"" + s + "">"";
        SendCaptured();
        SendCountry();
        {|#1:SendParameter(c.Name)|};
        SendParameter(""x"");
        {|#2:crm.Send(Format(c.Name))|};
        crm.Send(Format(country));
    }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task InterfaceAndVirtualSinks() => Verify.VerifyAsync(Source + @"
public interface IExporter { [DataSink(""US"", Recipient = ""Exporter"")] void Export(string s); }
public class Exporter : IExporter { public void Export(string s) { } }
public class BaseClient { [DataSink(""US"")] public virtual void Post(string s) { } }
public class DerivedClient : BaseClient { public override void Post(string s) { } }
class Service
{
    void Run(Customer c, IExporter i, Exporter e, BaseClient b, DerivedClient d)
    {
        {|#0:i.Export(c.Email)|};
        {|#1:e.Export(c.Email)|};
        {|#2:b.Post(c.Name)|};
        {|#3:d.Post(c.Name)|};
        i.Export(c.Country);
        d.Post(c.Country);
    }
}", Res001(0), Res001(1), Res001(2), Res001(3));

        [Fact]
        public Task RecursionTerminates() => Verify.VerifyAsync(Source + @"
class Service
{
    private readonly Crm _crm = new Crm();
    void Run(Customer c) { {|#0:Walk(c.Email, 3)|}; Walk(""x"", 3); {|#1:_crm.Send(Echo(c.Name, 2))|}; }
    void Walk(string s, int n) { if (n > 0) { Walk(s, n - 1); } else { _crm.Send(s); } }
    string Echo(string s, int n) => n == 0 ? s : Echo(s, n - 1);
    void Ping(string s, int n) { if (n > 0) Pong(s, n - 1); }
    void Pong(string s, int n) { if (n > 0) Ping(s, n - 1); else _crm.Send(s); }
    void Start(Customer c) { {|#2:Ping(c.Name, 4)|}; Ping(c.Country, 4); }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task AnonymizerStopsFlow() => Verify.VerifyAsync(Source + @"
class Service
{
    [Anonymizer] static string Bucket(string email) => email.Length.ToString();
    static string Hash(string s) => s.GetHashCode().ToString() + s;
    void Run(Customer c, Crm crm)
    {
        crm.Send(Bucket(c.Email));
        {|#0:crm.Send(Hash(c.Email))|};
    }
}", Res001(0));

        [Fact]
        public Task PseudonymizerKeepsFlowAndSaysSo() => Verify.VerifyAsync(Source + @"
class Service
{
    [Pseudonymizer] static string Token(string email) => ""tok"";
    void Run(Customer c, Crm crm)
    {
        {|#0:crm.Send(Token(c.Email))|};
        crm.Send(Token(c.Country));
    }
}", Res001(0).WithArguments("Customer.Email (contact.email) [pseudonymised]", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"));

        [Fact]
        public Task ConstructorParameterReachingSink() => Verify.VerifyAsync(Source + @"
class Uploader
{
    public Uploader(string who, Crm crm) { crm.Send(who); }
}
class Service
{
    void Run(Customer c, Crm crm) { {|#0:new Uploader(c.Email, crm)|}; new Uploader(c.Country, crm); }
}", Res001(0));

        [Fact]
        public Task DelegatesStoredInLocals() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        Action<string> a = s => {|#0:crm.Send(s)|};
        a(c.Email);
        a(""x"");
        Func<string> f = () => c.Name;
        {|#1:crm.Send(f())|};
        Func<Customer, string> g = x => x.Country;
        crm.Send(g(c));
        Func<Customer, string> h = x => x.Email;
        {|#2:crm.Send(h(c))|};
    }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task AnnotatedReturnValueIsASource() => Verify.VerifyAsync(Source + @"
class Directory
{
    [return: PersonalData(""contact.email"")] public string Lookup(int id) => ""a@b.c"";
    public string Region(int id) => ""EU"";
}
class Service
{
    void Run(Directory d, Crm crm) { {|#0:crm.Send(d.Lookup(1))|}; crm.Send(d.Region(1)); }
}", Res001(0).WithArguments("Directory.Lookup() (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"));

        [Fact]
        public Task FlowsOnlyThroughRecursiveCalls() => Verify.VerifyAsync(Source + @"
class Service
{
    private readonly Crm _crm = new Crm();
    void Swap(string a, string b, int n) { if (n == 0) _crm.Send(a); else Swap(b, a, n - 1); }
    string Rotate(string a, string b, int n) => n == 0 ? a : Rotate(b, a, n - 1);
    void Even(string a, string b, int n) { if (n > 0) Odd(b, a, n - 1); }
    void Odd(string a, string b, int n) { if (n > 0) Even(b, a, n - 1); else _crm.Send(b); }
    void Run(Customer c)
    {
        {|#0:Swap(""x"", c.Email, 1)|};
        {|#1:_crm.Send(Rotate(""x"", c.Name, 1))|};
        {|#2:Even(c.Email, ""x"", 2)|};
        Even(""x"", c.Name, 2); // Even's second parameter comes back to it unchanged: never sent
        Swap(""x"", c.Country, 1);
        _crm.Send(Rotate(""x"", c.Country, 1));
    }
}", Res001(0), Res001(1), Res001(2).WithArguments("Customer.Email (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Even → Odd → Crm.Send"));
    }
}
