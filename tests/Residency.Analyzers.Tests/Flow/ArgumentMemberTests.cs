using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// A callee that sends one member of its parameter sends, at each call, only what the caller stored into that member
    /// of the argument: <c>Track(new Plain { Email = r.Mail, Name = r.Full })</c> with <c>Track(Plain p) =&gt;
    /// Send(p.Email)</c> sends <c>r.Mail</c>, not <c>r.Full</c> (docs/flow-semantics.md, "Members of an argument").
    /// </summary>
    public class ArgumentMemberTests
    {
        private const string Model = Source + @"
public class Request
{
    [PersonalData(""contact.email"")] public string Mail { get; set; } = """";
    [PersonalData(""name"")] public string Full { get; set; } = """";
    [PersonalData(""contact.phone_number"")] public string Phone { get; set; } = """";
}
public class Plain { public int Id { get; set; } public string Email { get; set; } = """"; public string Name { get; set; } = """"; }
";

        // A Crm.Send from Run that reports both of the request's members: the arguments stayed on the whole object.
        private static DiagnosticResult SendsBothMembers(int markup) => Res001(markup).WithArguments("Request.Full (name), Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send");

        [Fact]
        public Task OnlyTheMemberTheCalleeSendsIsReportedAtTheCall() => Verify.VerifyAsync(Model + @"
class Analytics { readonly Crm _crm = new Crm(); public void Track(Plain p) => _crm.Send(p.Email); }
class Service
{
    void Run(Request r, Analytics a)
    {
        var p = new Plain { Id = 1, Email = r.Mail, Name = r.Full };
        {|#0:a.Track(p)|};
    }
}", Res001(0).WithArguments("Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Track → Crm.Send"));

        // The callee reads the annotated member and reports the transfer; what the caller stored there is the same data.
        [Fact]
        public Task AnAnnotatedMemberIsReportedOnceInTheCalleeThatReadsIt() => Verify.VerifyAsync(Model + @"
class Analytics { readonly Crm _crm = new Crm(); public void Track(Customer c) => {|#0:_crm.Send(c.Email)|}; }
class Service
{
    void Run(Request r, Analytics a) { a.Track(new Customer { Email = r.Mail, Name = r.Full }); }
}", Res001(0).WithArguments("Customer.Email (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Track → Crm.Send"));

        // So is a parameter that is itself a source: the callee reports its flow, and a caller's data handed to it is the same
        // transfer, reported once there; special-category data handed to it is still the caller's finding (RES002).
        [Fact]
        public Task AnAnnotatedParameterIsReportedOnceInTheCalleeThatSendsIt() => Verify.VerifyAsync(Model + @"
public class Intake { [SpecialCategoryData(""health"")] public string Condition { get; set; } = """"; }
class Analytics { readonly Crm _crm = new Crm(); public void Track([PersonalData(""contact.phone_number"")] string phone) => {|#0:_crm.Send(phone)|}; }
class Service
{
    void Run(Request r, Intake i, Analytics a) { a.Track(r.Phone); a.Track(r.Mail); {|#1:a.Track(i.Condition)|}; }
}",
            Res001(0).WithArguments("parameter 'phone' of Analytics.Track (contact.phone_number)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Track → Crm.Send"),
            Verify.Diagnostic("RES002").WithLocation(1).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));

        // Unless the caller's data is special-category and the member is not: only the caller's finding says so.
        [Fact]
        public Task SpecialCategoryDataStoredInAPlainPersonalMemberIsReportedAtTheCaller() => Verify.VerifyAsync(Model + @"
public class Intake { [SpecialCategoryData(""health"")] public string Condition { get; set; } = """"; }
class Analytics { readonly Crm _crm = new Crm(); public void Track(Customer c) => {|#0:_crm.Send(c.Name)|}; }
class Service
{
    void Run(Intake i, Analytics a) { {|#1:a.Track(new Customer { Name = i.Condition })|}; }
}",
            Res001(0).WithArguments("Customer.Name (name)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Track → Crm.Send"),
            Verify.Diagnostic("RES002").WithLocation(1).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));

        [Fact]
        public Task TheMemberIsFollowedThroughCallsThatPassTheArgumentOn() => Verify.VerifyAsync(Model + @"
class Analytics
{
    readonly Crm _crm = new Crm();
    public void Track(Plain p) => Forward(p);
    void Forward(Plain q) => Inner(q.Name);
    void Inner(string name) => _crm.Send(name);
}
class Service
{
    void Run(Request r, Analytics a) { {|#0:a.Track(new Plain { Email = r.Mail, Name = r.Full })|}; }
}", Res001(0).WithArguments("Request.Full (name)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Track → Forward → Inner → Crm.Send"));

        [Fact]
        public Task EachMemberTheCalleeSendsIsReported() => Verify.VerifyAsync(Model + @"
class Analytics { readonly Crm _crm = new Crm(); public void Track(Plain p) { _crm.Send(p.Email); _crm.Send(p.Name); } }
class Service
{
    void Run(Request r, Analytics a) { {|#0:a.Track(new Plain { Email = r.Mail, Name = r.Full })|}; }
}", Res001(0).WithArguments("Request.Full (name), Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Track → Crm.Send"));

        [Fact]
        public Task AMemberTheCalleeDoesNotSendIsClean() => Verify.VerifyAsync(Model + @"
class Analytics { readonly Crm _crm = new Crm(); public void Track(Plain p) => _crm.Send(p.Id.ToString()); }
class Service
{
    void Run(Request r, Analytics a) { a.Track(new Plain { Id = 7, Email = r.Mail, Name = r.Full }); }
}");

        // The caller may store into the implementation of an interface member or an override of a virtual one, which is
        // another symbol than the one the callee reads: such a read keeps whatever the argument holds in any member.
        [Fact]
        public Task AnInterfaceOrVirtualMemberKeepsWhatAnyMemberHolds() => Verify.VerifyAsync(Model + @"
public interface IContact { string Email { get; } }
public class Contact : IContact { public string Email { get; set; } = """"; public string Name { get; set; } = """"; }
public class Base { public virtual string Email { get; set; } = """"; }
public class Derived : Base { public override string Email { get; set; } = """"; }
class Analytics
{
    readonly Crm _crm = new Crm();
    public void ByInterface(IContact c) => _crm.Send(c.Email);
    public void ByBase(Base b) => _crm.Send(b.Email);
}
class Service
{
    void Run(Request r, Analytics a)
    {
        {|#0:a.ByInterface(new Contact { Email = r.Mail })|};
        {|#1:a.ByBase(new Derived { Email = r.Phone })|};
    }
}",
            Res001(0).WithArguments("Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → ByInterface → Crm.Send"),
            Res001(1).WithArguments("Request.Phone (contact.phone_number)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → ByBase → Crm.Send"));

        // A positional record's arguments are held in their properties, as an initializer's values are.
        [Fact]
        public Task APositionalRecordHoldsEachArgumentInItsProperty() => Verify.VerifyAsync(Model + @"
public record Envelope(string To, string Subject);
public readonly record struct Pair(string Left, string Right);
class Mailer
{
    readonly Crm _crm = new Crm();
    public void Deliver(Envelope e) => _crm.Send(e.To);
    public void Title(Envelope e) => _crm.Send(e.Subject);
}
class Service
{
    void Run(Request r, Mailer m)
    {
        {|#0:m.Deliver(new Envelope(r.Mail, r.Full))|};
        m.Title(new Envelope(r.Mail, ""Order shipped""));
        var pair = new Pair(r.Phone, ""x"");
        new Crm().Send(pair.Right);
        {|#1:new Crm().Send(pair.Left)|};
        {|#2:new Crm().SendObject(new Envelope(r.Mail, r.Full))|};
    }
}",
            Res001(0).WithArguments("Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Deliver → Crm.Send"),
            Res001(1).WithArguments("Request.Phone (contact.phone_number)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"),
            Res001(2).WithArguments("Request.Full (name), Request.Mail (contact.email)", "Crm.SendObject (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.SendObject"));

        // A constructor that only assigns its parameters to fields and auto-properties of its type holds each argument in
        // its member, as a positional record does: an event or message class built with new.
        [Fact]
        public Task AnAssigningConstructorHoldsEachArgumentInItsMember() => Verify.VerifyAsync(Model + @"
public class Notice
{
    public readonly string Subject;
    public Notice(string to, string subject, int id) { To = to; this.Subject = subject; Id = id; }
    public string To { get; }
    public int Id { get; }
}
public struct Line
{
    public Line(string left, string right) => (Left, Right) = (left, right);
    public Line(string text) => this.Text = text;
    public string Left { get; }
    public string Right { get; }
    public string Text;
}
class Mailer
{
    readonly Crm _crm = new Crm();
    public void Deliver(Notice n) => _crm.Send(n.To);
    public void Title(Notice n) => _crm.Send(n.Subject);
}
class Service
{
    void Run(Request r, Mailer m, Crm crm)
    {
        {|#0:m.Deliver(new Notice(r.Mail, r.Full, 1))|};
        m.Title(new Notice(r.Mail, ""Order shipped"", 2));
        {|#1:m.Title(new Notice(""ops@example.com"", r.Full, 3))|};
        var notice = new Notice(r.Mail, r.Full, 4);
        crm.Send(notice.Id.ToString());
        {|#2:crm.SendObject(notice)|};
        var line = new Line(r.Phone);
        {|#3:crm.Send(line.Text)|};
    }
}",
            Res001(0).WithArguments("Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Deliver → Crm.Send"),
            Res001(1).WithArguments("Request.Full (name)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Title → Crm.Send"),
            Res001(2).WithArguments("Request.Full (name), Request.Mail (contact.email)", "Crm.SendObject (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.SendObject"),
            Res001(3).WithArguments("Request.Phone (contact.phone_number)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"));

        // A class or struct's primary constructor whose parameter only initialises a member holds the argument there; a
        // parameter captured by a method, computed with, or passed to the base type stays on the whole object.
        [Fact]
        public Task APrimaryConstructorHoldsEachArgumentInTheMemberItInitialises() => Verify.VerifyAsync(Model + @"
public class Placed(string email, string name, int id)
{
    public string Email { get; } = email;
    private readonly string _name = name;
    public int Id { get; } = id;
    public string Hidden() => """";
}
public class Captured(string email, string name)
{
    public string Email { get; } = email;
    public string Name { get; } = name;
    public string Shout() => name.ToUpperInvariant();
}
public class Base(string note) { public string Note { get; } = note; }
public class Derived(string email, string name) : Base(name) { public string Email { get; } = email; }
class Service
{
    void Run(Request r, Crm crm)
    {
        {|#0:crm.Send(new Placed(r.Mail, r.Full, 1).Email)|};
        {|#1:crm.SendObject(new Placed(r.Mail, r.Full, 2))|};
        {|#2:crm.Send(new Captured(r.Mail, r.Full).Email)|};
        {|#3:crm.Send(new Derived(r.Mail, r.Full).Email)|};
    }
}",
            Res001(0).WithArguments("Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"),
            Res001(1).WithArguments("Request.Full (name), Request.Mail (contact.email)", "Crm.SendObject (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.SendObject"),
            SendsBothMembers(2),
            SendsBothMembers(3));

        // A constructor that does anything else with a parameter — passes it to a base constructor, computes with it, calls a
        // method, assigns it to a property with a body of its own, or writes the parameter itself — may hold an argument in
        // another member too: its arguments stay on the whole object, which over-reports and never misses. So does an
        // argument held in a member that another member reads (To => _to): a caller reads it through that other member.
        [Fact]
        public Task AConstructorThatDoesMoreKeepsEveryArgumentOnTheObject() => Verify.VerifyAsync(Model + @"
public class Base { public Base(string note) { Note = note; } public string Note { get; } }
public class Derived : Base { public Derived(string to, string subject) : base(subject) { To = to; } public string To { get; } }
public class Loud { public Loud(string to, string subject) { To = to.ToUpperInvariant(); Subject = subject; } public string To { get; } public string Subject { get; } }
public class Logged { public Logged(string to, string subject) { To = to; System.Console.WriteLine(subject); } public string To { get; } }
public class Custom { private string _all = """"; public Custom(string to, string subject) { To = to; Subject = subject; } public string To { get; } public string Subject { get => _all; set => _all = _all + value; } }
public class Shadow { public string to = """"; public Shadow(string to, string subject) { to = subject; this.to = to; } }
public class Backed { private readonly string _to; public Backed(string to, string subject) { _to = to; Subject = subject; } public string To => _to; public string Subject { get; } }
class Reader { readonly Crm _crm = new Crm(); public void Deliver(Backed b) => _crm.Send(b.To); }
class Service
{
    void Run(Request r, Crm crm)
    {
        {|#0:crm.Send(new Derived(r.Mail, r.Full).To)|};
        {|#1:crm.Send(new Loud(r.Mail, r.Full).Subject)|};
        {|#2:crm.Send(new Logged(r.Mail, r.Full).To)|};
        {|#3:crm.Send(new Custom(r.Mail, r.Full).To)|};
        {|#4:crm.Send(new Shadow(r.Mail, r.Full).to)|};
        {|#5:new Reader().Deliver(new Backed(r.Mail, r.Full))|};
    }
}",
            SendsBothMembers(0),
            SendsBothMembers(1),
            SendsBothMembers(2),
            SendsBothMembers(3),
            SendsBothMembers(4),
            Res001(5).WithArguments("Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Deliver → Crm.Send"));

        // A member that other members of the type only read keeps its argument: a method that sends one field sends
        // only what the constructor stored there, whether it sends it itself, through a computed property, through a
        // helper that only reads, or builds something from it (an over-report of a client holding two arguments).
        [Fact]
        public Task AMemberTheOtherMembersOnlyReadHoldsItsArgument() => Verify.VerifyAsync(Model + @"
public class Audit
{
    private readonly Crm _crm = new Crm();
    private readonly string _email;
    private readonly string _name;
    private int _sent;
    public Audit(string email, string name) { _email = email; _name = name; }
    public void SendName() { _crm.Send(_name); _sent++; }
    public void SendEmail() => _crm.Send(_email);
    public string Shout => _name.ToUpperInvariant();
    public string Label() => Describe(_name);
    public string Both() => Join(_email, _name);
    private static string Describe(string s) => s.Trim();
    private string Join(string a, string b) => a + b;
}
class Service
{
    void Run(Request r, Crm crm)
    {
        {|#0:new Audit(r.Mail, r.Full).SendName()|};
        {|#1:new Audit(r.Mail, r.Full).SendEmail()|};
        {|#2:crm.Send(new Audit(r.Mail, r.Full).Shout)|};
        {|#3:crm.Send(new Audit(r.Mail, r.Full).Label())|};
        {|#4:crm.Send(new Audit(r.Mail, r.Full).Both())|};
    }
}",
            Res001(0).WithArguments("Request.Full (name)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → SendName → Crm.Send"),
            Res001(1).WithArguments("Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → SendEmail → Crm.Send"),
            Res001(2).WithArguments("Request.Full (name)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"),
            Res001(3).WithArguments("Request.Full (name)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"),
            SendsBothMembers(4));

        // A member that another member copies into a member (directly, through a collection's Add, an own method that
        // stores, a base type's, a ref argument) may reach a caller through that other member: its argument stays on the
        // whole object.
        [Fact]
        public Task AMemberAnotherMemberMovesKeepsItsArgumentOnTheObject() => Verify.VerifyAsync(Model + @"
public class Cached
{
    private readonly string _to; private string _cache = """";
    public Cached(string to, string subject) { _to = to; Subject = subject; }
    public string Subject { get; }
    public void Cache() => _cache = _to;
    public string Kept => _cache;
}
public class Listed
{
    private readonly string _to; private readonly System.Collections.Generic.List<string> _all = new();
    public Listed(string to, string subject) { _to = to; Subject = subject; }
    public string Subject { get; }
    public void Keep() => _all.Add(_to);
    public string First => _all[0];
}
public class Helped
{
    private readonly string _to; private string _last = """";
    public Helped(string to, string subject) { _to = to; Subject = subject; }
    public string Subject { get; }
    public void Keep() => Remember(_to);
    private void Remember(string s) { _last = s; }
    public string Last => _last;
}
public class Swapped
{
    private string _to; private string _other = """";
    public Swapped(string to, string subject) { _to = to; Subject = subject; }
    public string Subject { get; }
    public void Keep() => System.Threading.Interlocked.Exchange(ref _other, _to);
    public string Other => _other;
}
public class Remembering { protected string _last = """"; protected void Remember(string s) { _last = s; } public string Last => _last; }
public class Based : Remembering
{
    private readonly string _to;
    public Based(string to, string subject) { _to = to; Subject = subject; }
    public string Subject { get; }
    public void Keep() => base.Remember(_to);
}
class Service
{
    void Run(Request r, Crm crm)
    {
        var b = new Based(r.Mail, r.Full); b.Keep();
        {|#4:crm.Send(b.Last)|};
        var c = new Cached(r.Mail, r.Full); c.Cache();
        {|#0:crm.Send(c.Kept)|};
        var l = new Listed(r.Mail, r.Full); l.Keep();
        {|#1:crm.Send(l.First)|};
        var h = new Helped(r.Mail, r.Full); h.Keep();
        {|#2:crm.Send(h.Last)|};
        var s = new Swapped(r.Mail, r.Full); s.Keep();
        {|#3:crm.Send(s.Other)|};
    }
}",
            Res001(0).WithArguments("Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"),
            Res001(1).WithArguments("Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"),
            Res001(2).WithArguments("Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"),
            Res001(3).WithArguments("Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"),
            Res001(4).WithArguments("Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"));

        // A record whose declaration uses a parameter anywhere else (an initializer, a base record's arguments) may hold an
        // argument in another member too: its arguments stay on the whole object, which over-reports and never misses.
        [Fact]
        public Task ARecordThatUsesItsParametersElsewhereKeepsEveryArgument() => Verify.VerifyAsync(Model + @"
public record Shouting(string To, string Subject) { public string Loud { get; } = Subject.ToUpperInvariant(); }
public record Base(string Note);
public record Derived(string To, string Subject) : Base(Subject);
class Service
{
    void Run(Request r, Crm crm)
    {
        var s = new Shouting(r.Mail, r.Full);
        {|#0:crm.Send(s.Loud)|};
        var d = new Derived(r.Mail, r.Full);
        {|#1:crm.Send(d.Note)|};
    }
}",
            SendsBothMembers(0),
            SendsBothMembers(1));

        // A parameter stored into one member of an object built in the callee travels in that member only: sending
        // another member sends nothing of it (a field test's claim stored in Entity.UserId was reported as sent with
        // Entity.Country).
        private const string Stored = Model + @"
public class Entity { public int Id { get; set; } public string? UserId { get; set; } public string Country { get; set; } = """"; }
";

        [Fact]
        public Task AParameterStoredInOneMemberIsNotSentWithAnother() => Verify.VerifyAsync(Stored + @"
class Svc
{
    readonly Crm _crm = new Crm();
    public void Start(string? userId) { var e = new Entity { Id = 1, UserId = userId, Country = ""DE"" }; _crm.SendObject(new { e.Id, e.Country }); }
    public void Straight(string? userId) { var e = new Entity { UserId = userId, Country = ""DE"" }; _crm.Send(e.Country); }
    public void Run(Request r) { Start(r.Mail); Straight(r.Mail); }
}");

        [Fact]
        public Task AParameterStoredInAMemberIsSentWithIt() => Verify.VerifyAsync(Stored + @"
class Svc
{
    readonly Crm _crm = new Crm();
    public void Start(string? userId) { var e = new Entity { UserId = userId }; _crm.Send(e.UserId); }
    public void Whole(string? userId) { var e = new Entity { UserId = userId }; _crm.SendObject(e); }
    public void Run(Request r) { {|#0:Start(r.Mail)|}; {|#1:Whole(r.Full)|}; }
}", Res001(0).WithArguments("Request.Mail (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Start → Crm.Send"),
            Res001(1).WithArguments("Request.Full (name)", "Crm.SendObject (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Whole → Crm.SendObject"));

        [Fact]
        public Task AReturnedObjectHoldsTheArgumentInTheMemberTheCalleeStoredItIn() => Verify.VerifyAsync(Stored + @"
class Svc
{
    readonly Crm _crm = new Crm();
    static Entity Make(string? userId) => new Entity { UserId = userId, Country = ""DE"" };
    public void Run(Request r)
    {
        _crm.Send(Make(r.Mail).Country);
        {|#0:_crm.Send(Make(r.Full).UserId)|};
    }
}", Res001(0).WithArguments("Request.Full (name)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"));
    }
}
