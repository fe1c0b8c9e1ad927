using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    public class WholeObjectTests
    {
        [Fact]
        public Task PassingAPersonalObjectIsPassingItsData() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Address a, Crm crm)
    {
        {|#0:crm.SendObject(c)|};
        {|#1:crm.SendObject(a)|};
        {|#2:crm.SendObject(c.Home)|};
    }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task MessageListsTheObjectsElements() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Address a, Crm crm) { {|#0:crm.SendObject(a)|}; }
}", Res001(0).WithArguments("Address.Street (contact.address)", "Crm.SendObject (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.SendObject"));

        [Fact]
        public Task CollectionsOfPersonalObjects() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(List<Customer> list, Customer[] array, IEnumerable<Customer> sequence, Dictionary<int, Customer> map, Crm crm)
    {
        {|#0:crm.SendObject(list)|};
        {|#1:crm.SendObject(array)|};
        {|#2:crm.SendObject(sequence)|};
        {|#3:crm.SendObject(map)|};
        {|#4:crm.SendObject(map[1])|};
        {|#5:crm.SendObject(list[0])|};
    }
}", Res001(0), Res001(1), Res001(2), Res001(3), Res001(4), Res001(5));

        [Fact]
        public Task NonPersonalMembersAreClean() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        crm.SendObject(c.Id);
        crm.Send(c.Country);
        crm.Send(c.Home.City);
        crm.Send(c.Id.ToString());
        crm.SendObject(new Dto());
    }
}");

        [Fact]
        public Task AggregatesAreClean() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(List<Customer> list, Customer[] array, Customer c, Crm crm)
    {
        crm.SendObject(list.Count);
        crm.SendObject(array.Length);
        crm.SendObject(list.Count());
        crm.SendObject(list.Any());
        crm.SendObject(list.Sum(x => x.Id));
        crm.SendObject(c.Email.Length);
        crm.SendObject(list.Contains(c));
        crm.SendObject(c.GetHashCode());
    }
}");

        [Fact]
        public Task TypeAnnotatedAsPersonal() => Verify.VerifyAsync(Source + @"
[PersonalData(""contact"")]
public class Contact { public string Nick { get; set; } = """"; public int Version { get; set; } }
class Service
{
    void Run(Contact p, Crm crm)
    {
        {|#0:crm.SendObject(p)|};
        {|#1:crm.Send(p.Nick)|};
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task ThisPassedWhole() => Verify.VerifyAsync(Source + @"
public class Member
{
    [PersonalData(""name"")] public string Name { get; set; } = """";
    public int Level { get; set; }
    public void Sync(Crm crm) { {|#0:crm.SendObject(this)|}; crm.SendObject(Level); }
}", Res001(0));
    }
}
