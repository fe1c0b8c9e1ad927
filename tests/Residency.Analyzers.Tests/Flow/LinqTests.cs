using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    public class LinqTests
    {
        [Fact]
        public Task ProjectionOfPersonalMember() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(List<Customer> customers, Crm crm)
    {
        {|#0:crm.SendObject(customers.Select(x => x.Email).ToList())|};
        var names = from x in customers select x.Name;
        {|#1:crm.SendObject(names.ToArray())|};
        {|#2:crm.SendObject(customers.Select(x => new { x.Id, x.Email }))|};
    }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task ProjectionOfNonPersonalMemberIsClean() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(List<Customer> customers, Crm crm)
    {
        crm.SendObject(customers.Select(x => x.Id).ToList());
        crm.SendObject(customers.Select(x => x.Country).Distinct().ToList());
        crm.SendObject(from x in customers where x.Email.Length > 0 select x.Id);
        crm.SendObject(customers.Select(x => new { x.Id, x.Country }));
    }
}");

        [Fact]
        public Task FilteringKeepsTheElements() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(List<Customer> customers, Crm crm)
    {
        {|#0:crm.SendObject(customers.Where(x => x.Id > 3).ToList())|};
        {|#1:crm.Send(customers.First(x => x.Id == 1).Email)|};
        {|#2:crm.SendObject(customers.OrderBy(x => x.Email).Take(3))|};
        crm.Send(customers.First().Country);
    }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task AggregatesAreClean() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(List<Customer> customers, Crm crm)
    {
        crm.Send(customers.Count().ToString());
        crm.Send(customers.Any(x => x.Email == ""a"").ToString());
        crm.Send(customers.Sum(x => x.Id).ToString());
        crm.Send(customers.Count(x => x.Name.Length > 2).ToString());
        crm.Send(customers.Max(x => x.Id).ToString());
    }
}");

        [Fact]
        public Task CapturedVariablesInLambdas() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(List<Customer> customers, Customer c, Crm crm)
    {
        var prefix = c.Name;
        {|#0:crm.SendObject(customers.Select(x => prefix + x.Id).ToList())|};
        var tag = ""t"";
        crm.SendObject(customers.Select(x => tag + x.Id).ToList());
    }
}", Res001(0));

        [Fact]
        public Task SinkInsideLinqLambda() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(List<Customer> customers, Crm crm)
    {
        customers.ForEach(x => {|#0:crm.Send(x.Email)|});
        customers.ForEach(x => crm.Send(x.Country));
    }
}", Res001(0));
    }
}
