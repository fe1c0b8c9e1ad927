using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    public class ObjectsAndCollectionsTests
    {
        [Fact]
        public Task ACollectionCopiedIntoAnArrayFillsTheArray() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var emails = new List<string> { c.Email };
        var copy = new string[1];
        emails.CopyTo(copy);
        {|#0:crm.Send(copy[0])|};

        var countries = new List<string> { c.Country };
        var other = new string[1];
        countries.CopyTo(other);
        crm.Send(other[0]);
    }
}", Res001(0));

        [Fact]
        public Task CopiesFillTheirDestinationWhateverTheOverload() => Verify.VerifyAsync(Source + @"
class Service
{
    private char[] _buffer = new char[64];

    void Run(Customer c, Crm crm)
    {
        var emails = new List<string> { c.Email };
        var some = new string[1];
        emails.CopyTo(0, some, 0, 1);
        {|#0:crm.Send(some[0])|};

        var chars = new char[64];
        c.Email.CopyTo(0, chars, 0, c.Email.Length);
        {|#1:crm.Send(new string(chars))|};

        Span<char> span = stackalloc char[64];
        c.Name.AsSpan().CopyTo(span);
        {|#2:crm.Send(span.ToString())|};

        var names = new[] { c.Name };
        var target = new string[1];
        Array.Copy(names, target, 1);
        {|#3:crm.Send(target[0])|};

        c.Email.CopyTo(0, _buffer, 0, 1);
        {|#4:crm.Send(new string(_buffer))|};

        var countries = new[] { c.Country };
        var clean = new string[1];
        Array.Copy(countries, clean, 1);
        crm.Send(clean[0]);
        c.Country.CopyTo(0, chars, 0, 1);
        var untouched = new char[8];
        new string('x', 8).CopyTo(0, untouched, 0, 8);
        crm.Send(new string(untouched));
    }
}", Res001(0), Res001(1), Res001(2), Res001(3), Res001(4));

        // A copy into a view of an array, a list or a span (AsSpan, AsMemory, CollectionsMarshal.AsSpan, Slice: library.json
        // "views") fills what the view is over; a view of a clean array written with clean data leaves it clean.
        [Fact]
        public Task ACopyIntoAViewFillsWhatItViews() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var chars = new char[64];
        c.Email.AsSpan().CopyTo(chars.AsSpan());
        {|#0:crm.Send(new string(chars))|};

        var list = new List<char>(new char[64]);
        c.Name.AsSpan().CopyTo(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        {|#1:crm.Send(list[0].ToString())|};

        var tail = new char[64];
        c.Email.AsSpan().CopyTo(tail.AsSpan().Slice(8));
        {|#2:crm.Send(new string(tail))|};

        var memory = new char[64];
        c.Name.AsMemory().CopyTo(memory.AsMemory(4));
        {|#3:crm.Send(new string(memory))|};

        var clean = new char[64];
        c.Country.AsSpan().CopyTo(clean.AsSpan());
        crm.Send(new string(clean));
    }
}", Res001(0), Res001(1), Res001(2), Res001(3));

        // A computed property of an object that holds personal data in one member: reading it gives what the object holds in
        // the members its getter reads (bound like a method's reads of its receiver), here, in a callee given the object, and
        // in the object's own methods (Upper inside SendUpper is the receiver's Text).
        [Fact]
        public Task AComputedPropertyCarriesWhatTheObjectHoldsInTheMembersItReads() => Verify.VerifyAsync(Source + @"
public class Note
{
    public string Text { get; set; } = """";
    public string Tag { get; set; } = """";
    public string Upper => Text.ToUpperInvariant();
    public string Label => Tag + ""!"";
    public void SendUpper(Crm crm) => crm.Send(Upper);
    public void SendLabel(Crm crm) => crm.Send(this.Label);
}
class Reader { public void Deliver(Note n, Crm crm) => crm.Send(n.Upper); }
class Service
{
    void Run(Customer c, Crm crm)
    {
        var n = new Note { Text = c.Email, Tag = c.Country };
        {|#0:crm.Send(n.Upper)|};
        crm.Send(n.Label);
        {|#1:new Reader().Deliver(n, crm)|};
        {|#2:n.SendUpper(crm)|};
        n.SendLabel(crm);
    }
}", Res001(0), Res001(1), Res001(2));

        // A method of an object that fills one of its arguments with what the object holds (a list, another object's member,
        // an out parameter, the object itself) fills the caller's argument: a method's stores into its arguments are bound at
        // each call to its arguments and to its receiver alike. What it holds in a member the method does not read stays out.
        [Fact]
        public Task AMethodFillsItsArgumentsWithWhatItsObjectHolds() => Verify.VerifyAsync(Source + @"
public class Holder
{
    public string Email { get; set; } = """";
    public string Country { get; set; } = """";
    public void Into(List<string> list) => list.Add(Email);
    public void Fill(Dto d) => d.Text = Email;
    public void Get(out string s) => s = Email;
    public void Whole(List<Holder> list) => list.Add(this);
    public void Where(List<string> list) => list.Add(Country);
}
class Service
{
    void Run(Customer c, Crm crm)
    {
        var h = new Holder { Email = c.Email, Country = c.Country };
        var l = new List<string>(); h.Into(l);
        {|#0:crm.Send(l[0])|};
        var d = new Dto(); h.Fill(d);
        {|#1:crm.Send(d.Text)|};
        h.Get(out var s);
        {|#2:crm.Send(s)|};
        var w = new List<Holder>(); h.Whole(w);
        {|#3:crm.Send(w[0].Email)|};
        var countries = new List<string>(); h.Where(countries);
        crm.Send(countries[0]);
    }
}", Res001(0), Res001(1), Res001(2), Res001(3));

        [Fact]
        public Task ObjectCreationCarriesItsArguments() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        {|#0:crm.SendObject(new Dto(c.Email))|};
        var d = new Dto(c.Name);
        {|#1:crm.SendObject(d)|};
        crm.SendObject(new Dto(c.Country));
        crm.SendObject(new Dto());
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task ObjectInitializer() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var d = new Dto { Text = c.Email, Number = 1 };
        {|#0:crm.SendObject(d)|};
        var e = new Dto { Text = c.Country, Number = c.Id };
        crm.SendObject(e);
        var f = new Dto();
        f.Text = c.Name;
        {|#1:crm.SendObject(f)|};
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task AnonymousTypes() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        {|#0:crm.SendObject(new { c.Id, c.Email })|};
        var payload = new { Who = c.Name };
        {|#1:crm.SendObject(payload)|};
        crm.SendObject(new { c.Id, c.Country });
    }
}", Res001(0), Res001(1));

        // A whole personal object wrapped in an anonymous type: the wrapper carries what its members' types carry. A field
        // test serialised new { tenantId, profile } (ethnic origin, disability) to a US queue and nothing was reported:
        // the member stored the profile without its type-derived facts, and the wrapper had none of its own.
        [Fact]
        public Task AnonymousTypeWrappingAWholeObject() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Patient p, Customer c, int id, Crm crm)
    {
        {|#0:crm.Send(System.Text.Json.JsonSerializer.Serialize(new { id, p }))|};
        {|#1:crm.SendObject(new { Tenant = id, Customer = c })|};
        var wrapper = new { id, p };
        {|#2:crm.Send(wrapper.p.Name)|};
        crm.SendObject(wrapper.id);
        crm.SendObject(new { id, c.Country });
    }
}", Res002(0), Res001(1), Res001(2));

        [Fact]
        public Task Arrays() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var a = new[] { c.Email, ""x"" };
        {|#0:crm.SendObject(a)|};
        {|#1:crm.Send(a[1])|};
        var b = new string[2];
        b[0] = c.Name;
        {|#2:crm.SendObject(b)|};
        var clean = new[] { c.Country, ""x"" };
        crm.SendObject(clean);
        crm.Send(clean[0]);
        crm.Send(a.Length.ToString());
    }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task ListAddAndCollectionInitializer() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var list = new List<string>();
        list.Add(c.Email);
        {|#0:crm.SendObject(list)|};
        var init = new List<string> { c.Name };
        {|#1:crm.SendObject(init)|};
        {|#2:crm.Send(init[0])|};
        var clean = new List<string> { c.Country };
        clean.Add(""x"");
        crm.SendObject(clean);
        crm.Send(init.Count.ToString());
    }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task DictionaryIndexerAndInitializers() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var d = new Dictionary<string, string>();
        d[""email""] = c.Email;
        {|#0:crm.SendObject(d)|};
        var e = new Dictionary<string, string> { [""email""] = c.Email };
        {|#1:crm.SendObject(e)|};
        var f = new Dictionary<string, string> { { ""name"", c.Name } };
        {|#2:crm.Send(f[""name""])|};
        var clean = new Dictionary<string, string> { [""country""] = c.Country, [""id""] = c.Id.ToString() };
        clean[""x""] = ""y"";
        crm.SendObject(clean);
        crm.Send(d.Count.ToString());
        crm.Send(d.ContainsKey(""email"").ToString());
    }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task OtherCollections() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var q = new Queue<string>();
        q.Enqueue(c.Email);
        {|#0:crm.Send(q.Dequeue())|};
        var set = new HashSet<string>();
        set.Add(c.Name);
        {|#1:crm.SendObject(set)|};
        var cleanSet = new HashSet<string> { ""a"" };
        crm.SendObject(cleanSet);
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task MembersOfObjectsBuiltHereAreTrackedSeparately() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, List<Customer> customers, Crm crm)
    {
        var a = new { c.Id, c.Email };
        crm.Send(a.Id.ToString());
        {|#0:crm.Send(a.Email)|};
        var d = new Dto { Text = c.Email, Number = 1 };
        crm.SendObject(d.Number);
        {|#1:crm.Send(d.Text)|};
        var e = new Dto();
        e.Text = c.Name;
        crm.SendObject(e.Number);
        {|#2:crm.Send(e.Text)|};
        crm.SendObject(customers.Select(x => new { x.Id, x.Email }).Select(y => y.Id).ToList());
        {|#3:crm.SendObject(customers.Select(x => new { x.Id, x.Email }).Select(y => y.Email).ToList())|};
        var nested = new { Inner = new { c.Name, c.Country } };
        crm.Send(nested.Inner.Country);
        {|#4:crm.Send(nested.Inner.Name)|};
    }
}", Res001(0), Res001(1), Res001(2), Res001(3), Res001(4));

        [Fact]
        public Task TuplesAreTrackedByElement() => Verify.VerifyAsync(Source + @"
class Service
{
    static (string Mail, int Id) Pair(Customer c) => (c.Email, c.Id);
    void Run(Customer c, Crm crm)
    {
        var t = (c.Email, c.Id);
        crm.Send(t.Id.ToString());
        crm.Send(t.Item2.ToString());
        {|#0:crm.Send(t.Email)|};
        {|#1:crm.Send(t.Item1)|};
        var (a, b) = (c.Country, c.Name);
        crm.Send(a);
        {|#2:crm.Send(b)|};
        var p = Pair(c);
        crm.Send(p.Id.ToString());
        {|#3:crm.Send(p.Mail)|};
        {|#4:crm.SendObject(t)|};
        var (m, n) = Pair(c);
        crm.Send(n.ToString());
        {|#5:crm.Send(m)|};
    }
}", Res001(0), Res001(1), Res001(2), Res001(3), Res001(4), Res001(5));
    }
}
