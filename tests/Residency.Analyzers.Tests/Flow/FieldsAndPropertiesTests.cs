using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    public class FieldsAndPropertiesTests
    {
        [Fact]
        public Task ComputedPropertyCarriesWhatItReads() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        {|#0:crm.Send(c.Display)|};
        crm.Send(c.CountryCode);
    }
}", Res001(0));

        [Fact]
        public Task ComputedPropertyOfOwnType() => Verify.VerifyAsync(Source + @"
class Card
{
    private readonly Customer _customer;
    public Card(Customer customer) { _customer = customer; }
    public string Title => ""Card for "" + _customer.Name;
    public string Label => ""Card #"" + _customer.Id;
    public string Block { get { var s = _customer.Email; return s.Trim(); } }
}
class Service
{
    void Run(Card card, Crm crm)
    {
        {|#0:crm.Send(card.Title)|};
        {|#1:crm.Send(card.Block)|};
        crm.Send(card.Label);
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task InstanceFieldWrittenInOneMethodReadInAnother() => Verify.VerifyAsync(Source + @"
class Service
{
    private string _last = """";
    private string _note = """";
    private readonly Crm _crm = new Crm();
    public void Remember(Customer c) { _last = c.Email; _note = c.Country; }
    public void Flush() { {|#0:_crm.Send(_last)|}; _crm.Send(_note); }
}", Res001(0));

        [Fact]
        public Task FieldFilledByAHelperOfItsTypeFromWhatItIsPassed() => Verify.VerifyAsync(Source + @"
class Service
{
    private string _last = """";
    private string _note = """";
    private readonly Crm _crm = new Crm();
    private void Remember(string s) { _last = s; }
    private void Note(string s) { _note = s; }
    public void Capture(Customer c) { Remember(c.Email); Note(c.Country); }
    public void Flush() { {|#0:_crm.Send(_last)|}; _crm.Send(_note); }
}", Res001(0));

        [Fact]
        public Task FieldFilledThroughTwoHelpersAndAStaticOne() => Verify.VerifyAsync(Source + @"
class Service
{
    private string _last = """";
    private static string s_name = """";
    private readonly Crm _crm = new Crm();
    private void Remember(string s) { _last = s.Trim(); }
    private void Keep(string value) => Remember(value);
    private static void Name(string n) { s_name = n; }
    public void Capture(Customer c) { Keep(c.Email); Name(c.Name); }
    public void Flush() { {|#0:_crm.Send(_last)|}; }
    public static void FlushName(Crm crm) { {|#1:crm.Send(s_name)|}; }
}", Res001(0), Res001(1));

        [Fact]
        public Task CollectionFieldFilledByAHelperItIsPassedTo() => Verify.VerifyAsync(Source + @"
static class Lists
{
    public static void Put(System.Collections.Generic.List<string> list, string value) { list.Add(value); }
}
class Service
{
    private readonly System.Collections.Generic.List<string> _pending = new();
    private readonly System.Collections.Generic.List<string> _codes = new();
    private readonly Crm _crm = new Crm();
    public void Capture(Customer c) { Lists.Put(_pending, c.Email); Lists.Put(_codes, c.CountryCode); }
    public void Flush() { {|#0:_crm.Send(string.Join("","", _pending))|}; _crm.Send(string.Join("","", _codes)); }
}", Res001(0));

        [Fact]
        public Task PropertyWithABackingFieldSetInOneMethodReadInAnother() => Verify.VerifyAsync(Source + @"
class Service
{
    private string _contact = """";
    private string _code = """";
    private readonly Crm _crm = new Crm();
    public string Contact { get => _contact; set => _contact = value; }
    public string Code { get => _code; set { _code = value.Trim(); } }
    public void Capture(Customer c) { Contact = c.Email; Code = c.CountryCode; }
    public void Flush() { {|#0:_crm.Send(_contact)|}; _crm.Send(_code); }
    public void FlushContact() { {|#1:_crm.Send(Contact)|}; _crm.Send(Code); }
}", Res001(0), Res001(1));

        [Fact]
        public Task PropertyWithABackingFieldSetOnAnotherObject() => Verify.VerifyAsync(Source + @"
class Holder
{
    private string _contact = """";
    public string Contact { get => _contact; set => _contact = value.Trim(); }
}
class Service
{
    private readonly Crm _crm = new Crm();
    public void Run(Customer c) { var h = new Holder(); h.Contact = c.Email; {|#0:_crm.Send(h.Contact)|}; }
}", Res001(0));

        [Fact]
        public Task ConstructorArgumentSentByAMethodOfTheObject() => Verify.VerifyAsync(Source + @"
class Notifier
{
    private readonly string _to;
    private readonly Crm _crm = new Crm();
    public Notifier(string to) { _to = to; }
    public void Notify() { _crm.Send(_to); }
    public string To() => _to;
}
class Service
{
    private readonly Crm _crm = new Crm();
    public void Run(Customer c)
    {
        var n = new Notifier(c.Email);
        {|#0:n.Notify()|};
        {|#1:_crm.Send(n.To())|};
        var quiet = new Notifier(c.CountryCode);
        quiet.Notify();
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task MethodSendingOneMemberOfItsObjectIsReportedOnlyForThatMember() => Verify.VerifyAsync(Source + @"
class Message
{
    public string To { get; set; } = """";
    public string Subject { get; set; } = """";
    public void SendTo(Crm crm) { crm.Send(To); }
    public void SendSubject(Crm crm) { crm.Send(Subject); }
}
class Service
{
    public void Run(Customer c, Crm crm)
    {
        var m = new Message { To = c.Email, Subject = ""Welcome"" };
        {|#0:m.SendTo(crm)|};
        m.SendSubject(crm);
    }
}", Res001(0));

        [Fact]
        public Task FluentBuilderHoldsWhatItWasGiven() => Verify.VerifyAsync(Source + @"
class Builder
{
    private string _to = """";
    public Builder WithTo(string to) { _to = to; return this; }
    public string Build() => ""to="" + _to;
}
class Service
{
    public void Run(Customer c, Crm crm)
    {
        var text = new Builder().WithTo(c.Email).Build();
        {|#0:crm.Send(text)|};
        var b = new Builder();
        b.WithTo(c.Email);
        {|#1:crm.Send(b.Build())|};
        crm.Send(new Builder().WithTo(c.CountryCode).Build());
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task PositionalRecordSendingItsOwnMember() => Verify.VerifyAsync(Source + @"
record Envelope(string To)
{
    public void Post(Crm crm) { crm.Send(To); }
}
class Service
{
    public void Run(Customer c, Crm crm)
    {
        var e = new Envelope(c.Email);
        {|#0:e.Post(crm)|};
    }
}", Res001(0));

        [Fact]
        public Task HelperPassedNothingPersonalLeavesItsFieldClean() => Verify.VerifyAsync(Source + @"
class Service
{
    private string _last = """";
    private readonly Crm _crm = new Crm();
    private void Remember(string s) { _last = s; }
    public void Capture(Customer c) { Remember(c.CountryCode); Remember(""n/a""); }
    public void Flush() { _crm.Send(_last); }
}");

        [Fact]
        public Task MemberOfAFieldObjectWrittenInOneMethodReadInAnother() => Verify.VerifyAsync(Source + @"
class Envelope
{
    public string Body { get; set; } = """";
    public string Subject { get; set; } = """";
}
class Outbox
{
    private readonly Envelope _draft = new Envelope();
    private readonly Crm _crm = new Crm();
    public void Flush() { {|#0:_crm.Send(_draft.Body)|}; _crm.Send(_draft.Subject); }
    public void Fill(Customer c) { _draft.Body = c.Email; _draft.Subject = c.Country; }
}", Res001(0));

        [Fact]
        public Task FieldCopiedFromAFieldAnotherMethodStoresLater() => Verify.VerifyAsync(Source + @"
class Relay
{
    private string _copy = """";
    private string _last = """";
    private readonly Crm _crm = new Crm();
    public void Copy(Customer c) { _copy = _last + c.Country; }
    public void Remember(Customer c) { _last = c.Email; }
    public void Flush() { {|#0:_crm.Send(_copy)|}; }
}", Res001(0));

        [Fact]
        public Task HelperCalledByAFieldWriterSeesWhatTheWritersStoreAfterTheCall() => Verify.VerifyAsync(Source + @"
class Journal
{
    private string _first = """";
    private string _then = """";
    private string _never = """";
    private readonly Crm _crm = new Crm();
    public void Capture(Customer c) { _first = c.Email; Report(); _then = c.Name; _never = c.Country; }
    private void Report() { {|#0:_crm.Send(_first)|}; {|#1:_crm.Send(_then)|}; _crm.Send(_never); }
}", Res001(0), Res001(1));

        [Fact]
        public Task CallOfASourceMethodOnAFieldDoesNotStoreIntoIt() => Verify.VerifyAsync(Source + @"
class Client
{
    private readonly Crm _crm = new Crm();
    public void Ask(string prompt) { _crm.Send(prompt); }
}
class Service
{
    private readonly Client _client = new Client();
    private readonly Crm _crm = new Crm();
    public void Suggest(Customer c) { {|#0:_client.Ask(c.Email)|}; }
    public void Status() { _crm.Send(_client.ToString()); }
}", Res001(0));

        [Fact]
        public Task StaticFieldWrittenInOneMethodReadInAnother() => Verify.VerifyAsync(Source + @"
static class Cache
{
    private static string s_name = """";
    private static int s_count;
    public static void Put(Customer c) { s_name = c.Name; s_count = c.Id; }
    public static void Publish(Crm crm) { {|#0:crm.Send(s_name)|}; crm.Send(s_count.ToString()); }
}", Res001(0));

        [Fact]
        public Task AutoPropertyOfOwnTypeWrittenAndRead() => Verify.VerifyAsync(Source + @"
class Session
{
    public string User { get; private set; } = """";
    public string Theme { get; private set; } = """";
    public void Login(Customer c) { User = c.Email; Theme = ""dark""; }
    public void Report(Crm crm) { {|#0:crm.Send(User)|}; crm.Send(Theme); }
}", Res001(0));

        [Fact]
        public Task FieldInitialisedInConstructor() => Verify.VerifyAsync(Source + @"
class Service
{
    private readonly string _who;
    private readonly string _where;
    public Service(Customer c) { _who = c.Name; _where = c.Country; }
    public void Send(Crm crm) { {|#0:crm.Send(_who)|}; crm.Send(_where); }
}", Res001(0));

        [Fact]
        public Task StaticFieldOfAnotherTypeWrittenByItsOwnMethods() => Verify.VerifyAsync(Source + @"
public static class Registry
{
    public static string Current = """";
    public static string Mode = """";
    public static void Enter(Customer c) { Current = c.Email; Mode = c.Country; }
}
class Reporter
{
    void Report(Crm crm) { {|#0:crm.Send(Registry.Current)|}; crm.Send(Registry.Mode); }
}", Res001(0));

        [Fact]
        public Task StaticFieldWrittenByAnotherTypeIsSeenByAReaderThatTouchesNothingElse() => Verify.VerifyAsync(Source + @"
public static class AppState
{
    public static string CurrentUser = """";
    public static string Mode = """";
}
class Auth
{
    public void Login(Customer c) { AppState.CurrentUser = c.Email; AppState.Mode = ""web""; }
}
class Reporter
{
    void Report(Crm crm) { {|#0:crm.Send(AppState.CurrentUser)|}; crm.Send(AppState.Mode); }
}", Res001(0));

        [Fact]
        public Task StaticAutoPropertyWrittenByAnotherType() => Verify.VerifyAsync(Source + @"
public static class AppState
{
    public static string User { get; set; } = """";
    public static string Theme { get; set; } = """";
}
class Auth
{
    public void Login(Customer c) { AppState.User = c.Name; AppState.Theme = c.CountryCode; }
}
class Reporter
{
    void Report(Crm crm) { {|#0:crm.Send(AppState.User)|}; crm.Send(AppState.Theme); }
}", Res001(0));

        [Fact]
        public Task StaticCollectionFilledByAnotherType() => Verify.VerifyAsync(Source + @"
static class Lists { public static void Put(System.Collections.Generic.List<string> list, string value) { list.Add(value); } }
public static class Outbox
{
    public static readonly System.Collections.Generic.List<string> Pending = new();
    public static readonly System.Collections.Generic.List<string> Handed = new();
    public static readonly System.Collections.Generic.List<string> Codes = new();
}
class Auth
{
    public void Login(Customer c) { Outbox.Pending.Add(c.Email); Lists.Put(Outbox.Handed, c.Name); Outbox.Codes.Add(c.CountryCode); }
}
class Reporter
{
    void Report(Crm crm)
    {
        {|#0:crm.Send(string.Join("","", Outbox.Pending))|};
        {|#1:crm.Send(string.Join("","", Outbox.Handed))|};
        crm.Send(string.Join("","", Outbox.Codes));
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task PrivateStaticFieldWrittenByANestedType() => Verify.VerifyAsync(Source + @"
public class Session
{
    private static string s_last = """";
    public static void Flush(Crm crm) { {|#0:crm.Send(s_last)|}; }
    public class Tracker
    {
        public void Track(Customer c) { s_last = c.Email; }
    }
}", Res001(0));

        [Fact]
        public Task StaticFieldOfANamesakeTypeIsNotFilled() => Verify.VerifyAsync(Source + @"
public static class AppState { public static string Current = """"; }
public static class Other { public static string Current = """"; }
class Auth
{
    public void Login(Customer c) { AppState.Current = c.Email; Other.Current = ""none""; }
}
class Reporter
{
    void Report(Crm crm) { {|#0:crm.Send(AppState.Current)|}; crm.Send(Other.Current); }
}", Res001(0));

        [Fact]
        public Task FieldHoldingABuilderOfTheCompilationFilledInOneMethodSentInAnother() => Verify.VerifyAsync(Source + @"
class Draft
{
    private string _to = """";
    private string _subject = """";
    public void WithTo(string to) { _to = to; }
    public void WithSubject(string subject) { _subject = subject; }
    public string To() => _to;
    public string Subject() => _subject;
}
class Service
{
    private readonly Draft _draft = new Draft();
    private readonly Crm _crm = new Crm();
    public void Flush() { {|#0:_crm.Send(_draft.To())|}; _crm.Send(_draft.Subject()); }
    public void Fill(Customer c) { _draft.WithTo(c.Email); _draft.WithSubject(""Welcome""); }
}", Res001(0));

        [Fact]
        public Task FieldFilledThroughAConditionalAccess() => Verify.VerifyAsync(Source + @"
class Service
{
    private readonly System.Collections.Generic.List<string>? _pending = new();
    private readonly Crm _crm = new Crm();
    public void Flush() { {|#0:_crm.Send(string.Join("","", _pending!))|}; }
    public void Queue(Customer c) { _pending?.Add(c.Email); }
}", Res001(0));

        [Fact]
        public Task FieldFilledThroughNestedConditionalAccesses() => Verify.VerifyAsync(Source + @"
class Holder { public System.Collections.Generic.List<string>? Items = new(); }
class Service
{
    private readonly Holder? _holder = new Holder();
    private readonly Crm _crm = new Crm();
    public void Flush() { {|#0:_crm.Send(string.Join("","", _holder!.Items!))|}; }
    public void Queue(Customer c) { _holder?.Items?.Add(c.Email); }
}", Res001(0));

        [Fact]
        public Task FieldHandedToAHelperThroughASuppressionOrACast() => Verify.VerifyAsync(Source + @"
static class Lists { public static void Put(System.Collections.Generic.List<string> list, string value) { list.Add(value); } }
class Service
{
    private System.Collections.Generic.List<string>? _pending = new();
    private object _boxed = new System.Collections.Generic.List<string>();
    private readonly Crm _crm = new Crm();
    public void Flush() { {|#0:_crm.Send(string.Join("","", _pending!))|}; {|#1:_crm.Send(_boxed.ToString()!)|}; }
    public void Queue(Customer c) { Lists.Put(_pending!, c.Email); Lists.Put((System.Collections.Generic.List<string>)_boxed, c.Name); }
}", Res001(0), Res001(1));

        [Fact]
        public Task ReadingAFieldInALibraryCallIsNoStore() => Verify.VerifyAsync(Source + @"
class Profile
{
    public string Name { get; set; } = """";
    private readonly Crm _crm = new Crm();
    public bool Check(Customer c) => !string.IsNullOrEmpty(Name) && Name.Contains(c.Email);
    public void Flush() { _crm.Send(Name); }
}");
    }
}
