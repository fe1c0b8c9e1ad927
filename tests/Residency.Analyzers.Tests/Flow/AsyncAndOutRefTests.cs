using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    public class AsyncAndOutRefTests
    {
        [Fact]
        public Task AwaitOfTaskCarriesResult() => Verify.VerifyAsync(Source + @"
class Service
{
    async Task Run(Customer c, Crm crm)
    {
        var email = await Task.FromResult(c.Email);
        {|#0:crm.Send(email)|};
        var id = await Task.FromResult(c.Id);
        crm.Send(id.ToString());
        await {|#1:crm.SendAsync(c.Name)|};
        await crm.SendAsync(c.Country);
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task AsyncMethodReturningTaskOfT() => Verify.VerifyAsync(Source + @"
class Service
{
    async Task<string> LoadAsync(Customer c) { await Task.Yield(); return c.Email; }
    async Task<string> LoadCountryAsync(Customer c) { await Task.Yield(); return c.Country; }
    async Task Run(Customer c, Crm crm)
    {
        {|#0:crm.Send(await LoadAsync(c))|};
        var task = LoadAsync(c);
        {|#1:crm.Send(await task)|};
        crm.Send(await LoadCountryAsync(c));
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task ConfigureAwaitKeepsData() => Verify.VerifyAsync(Source + @"
class Service
{
    async Task<string> LoadAsync(Customer c) { await Task.Yield(); return c.Email; }
    async Task Run(Customer c, Crm crm)
    {
        {|#0:crm.Send(await LoadAsync(c).ConfigureAwait(false))|};
    }
}", Res001(0));

        [Fact]
        public Task OutArgumentOfSourceMethod() => Verify.VerifyAsync(Source + @"
class Service
{
    static void GetEmail(Customer c, out string email) { email = c.Email; }
    static void GetCountry(Customer c, out string country) { country = c.Country; }
    static bool TryGetName(Customer c, out string? name) { name = c.Name; return name.Length > 0; }
    void Run(Customer c, Crm crm)
    {
        GetEmail(c, out var e);
        {|#0:crm.Send(e)|};
        GetCountry(c, out var k);
        crm.Send(k);
        if (TryGetName(c, out var n)) { {|#1:crm.Send(n)|}; }
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task RefArgumentOfSourceMethod() => Verify.VerifyAsync(Source + @"
class Service
{
    static void Append(ref string text, Customer c) { text += c.Name; }
    static void AppendCountry(ref string text, Customer c) { text += c.Country; }
    static void Clear(ref string text) { text = """"; }
    void Run(Customer c, Crm crm)
    {
        var a = ""x"";
        Append(ref a, c);
        {|#0:crm.Send(a)|};
        var b = ""x"";
        AppendCountry(ref b, c);
        crm.Send(b);
    }
}", Res001(0));

        [Fact]
        public Task OutArgumentOfExternalMethod() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var map = new Dictionary<int, string> { [1] = c.Email };
        if (map.TryGetValue(1, out var found)) { {|#0:crm.Send(found)|}; }
        var clean = new Dictionary<int, string> { [1] = c.Country };
        if (clean.TryGetValue(1, out var other)) { crm.Send(other); }
        var ids = new Dictionary<string, int>();
        ids.TryGetValue(c.Email, out var id);
        crm.SendObject(ids);
        var added = new Dictionary<string, int>();
        added.TryAdd(c.Email, 1);
        {|#1:crm.SendObject(added)|};
    }
}", Res001(0), Res001(1));
    }
}
