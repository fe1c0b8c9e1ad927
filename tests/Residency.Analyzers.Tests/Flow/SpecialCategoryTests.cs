using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    public class SpecialCategoryTests
    {
        [Fact]
        public Task SpecialMemberIsRes002() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Patient p, Crm crm) { {|#0:crm.Send(p.Diagnosis)|}; {|#1:crm.Send(p.Name)|}; crm.Send(p.Id.ToString()); }
}", Res002(0), Res001(1));

        [Fact]
        public Task SpecialContentAnywhereMakesItRes002() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Patient p, Crm crm)
    {
        {|#0:crm.Send(p.Name + "": "" + p.Diagnosis)|};
        {|#1:crm.SendObject(p)|};
        {|#2:crm.SendObject(new List<Patient> { p })|};
        {|#3:crm.SendObject(new { p.Name, Note = new[] { p.Diagnosis } })|};
        {|#4:crm.Send(System.Text.Json.JsonSerializer.Serialize(p))|};
    }
}", Res002(0), Res002(1), Res002(2), Res002(3), Res002(4));

        [Fact]
        public Task SpecialThroughCalls() => Verify.VerifyAsync(Source + @"
class Service
{
    private readonly Crm _crm = new Crm();
    static string Summary(Patient p) => p.Name + "" "" + p.Diagnosis;
    void Forward(string s) => _crm.Send(s);
    void Run(Patient p) { {|#0:Forward(Summary(p))|}; {|#1:Forward(p.Name)|}; Forward(p.Id.ToString()); }
}", Res002(0), Res001(1));

        [Fact]
        public Task SpecialToAllowedRegionIsNotReported() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Patient p, Crm crm) { crm.SendDe(p.Diagnosis); }
}");
    }
}
