using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    public class LocalsAndBranchesTests
    {
        [Fact]
        public Task LocalCarriesData() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm) { var a = c.Email; var b = a; {|#0:crm.Send(b)|}; }
}", Res001(0));

        [Fact]
        public Task OverwrittenLocalIsClean() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm) { var a = c.Email; a = ""x""; var b = a; crm.Send(b); }
}");

        [Fact]
        public Task SendBeforeAssignmentIsClean() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm) { var a = ""x""; crm.Send(a); a = c.Email; }
}");

        [Fact]
        public Task EitherBranchMayCarry() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm, bool flag)
    {
        var a = ""x"";
        if (flag) { a = c.Email; }
        {|#0:crm.Send(a)|};
    }
}", Res001(0));

        [Fact]
        public Task BothBranchesOverwriteIsClean() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm, bool flag)
    {
        var a = c.Email;
        if (flag) { a = ""x""; } else { a = ""y""; }
        crm.Send(a);
    }
}");

        [Fact]
        public Task ConditionOnPersonalDataDoesNotFlow() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var a = ""none"";
        if (c.Email.Contains(""@"")) { a = ""valid""; }
        crm.Send(a);
    }
}");

        [Fact]
        public Task LoopCarriedValueMayCarry() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var previous = """";
        for (int i = 0; i < 3; i++)
        {
            {|#0:crm.Send(previous)|};
            previous = c.Name;
        }
    }
}", Res001(0));

        [Fact]
        public Task AccumulatedInLoop() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(List<Customer> customers, Crm crm)
    {
        var all = """";
        foreach (var c in customers) { all += c.Email + "";""; }
        {|#0:crm.Send(all)|};
    }
}", Res001(0));

        [Fact]
        public Task LoopOverNonPersonalMembersIsClean() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(List<Customer> customers, Crm crm)
    {
        var all = """";
        foreach (var c in customers) { all += c.Country + "";""; }
        crm.Send(all);
        while (all.Length > 10) { all = all.Substring(1); }
        crm.Send(all);
    }
}");

        [Fact]
        public Task ForeachMemberReadIsReported() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(List<Customer> customers, Crm crm)
    {
        foreach (var c in customers) { {|#0:crm.Send(c.Email)|}; crm.Send(c.Country); }
    }
}", Res001(0));

        [Fact]
        public Task SwitchAndTryMayCarry() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm, int kind)
    {
        string text;
        switch (kind) { case 1: text = c.Name; break; default: text = ""other""; break; }
        try { {|#0:crm.Send(text)|}; } catch (Exception) { crm.Send(""failed""); }
        var label = kind switch { 1 => c.Email, _ => ""none"" };
        {|#1:crm.Send(label)|};
        var safe = kind switch { 1 => ""one"", _ => ""none"" };
        crm.Send(safe);
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task ParameterSentInLoopCondition() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var tries = 0;
        while (tries < 3 && c.Email.Length > 0) { tries++; }
        crm.Send(tries.ToString());
    }
}");
    }
}
