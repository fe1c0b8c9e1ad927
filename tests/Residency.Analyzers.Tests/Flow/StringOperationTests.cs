using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    public class StringOperationTests
    {
        [Fact]
        public Task ConditionalOperator() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm, bool flag)
    {
        {|#0:crm.Send(flag ? c.Email : ""none"")|};
        crm.Send(flag ? ""a"" : ""b"");
        crm.Send(c.Email.Length > 3 ? ""long"" : ""short"");
    }
}", Res001(0));

        [Fact]
        public Task CoalesceOperator() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm, string? other)
    {
        {|#0:crm.Send(other ?? c.Email)|};
        crm.Send(other ?? c.Country);
        string? x = null;
        x ??= c.Name;
        {|#1:crm.Send(x)|};
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task ConditionalAccess() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer? c, Crm crm)
    {
        {|#0:crm.Send(c?.Email)|};
        {|#1:crm.Send(c?.Email?.ToUpperInvariant() ?? """")|};
        crm.Send(c?.Country);
        crm.Send(c?.Email?.Length.ToString());
        {|#2:crm.Send(c?.Home?.Street)|};
        crm.Send(c?.Home?.City);
    }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task ConcatenationAndInterpolation() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        {|#0:crm.Send(""Dear "" + c.Name)|};
        {|#1:crm.Send($""Dear {c.Name,10:x}!"")|};
        {|#2:crm.Send(string.Concat(""a"", c.Email))|};
        crm.Send(""Dear "" + c.Country + c.Id);
        crm.Send($""Customer {c.Id} from {c.Country} has {c.Email.Length} chars"");
    }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task StringFormat() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        {|#0:crm.Send(string.Format(""{0} <{1}>"", c.Name, c.Email))|};
        crm.Send(string.Format(""{0}: {1}"", c.Id, c.Country));
    }
}", Res001(0));

        [Fact]
        public Task StringJoin() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(List<Customer> customers, Customer c, Crm crm)
    {
        {|#0:crm.Send(string.Join("", "", customers.Select(x => x.Email)))|};
        {|#1:crm.Send(string.Join("", "", c.Name, c.Country))|};
        {|#2:crm.Send(string.Join("", "", customers))|};
        crm.Send(string.Join("", "", customers.Select(x => x.Id)));
        crm.Send(string.Join("", "", customers.Select(x => x.Country)));
    }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task StringBuilderChains() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var sb = new StringBuilder();
        sb.Append(""Dear "").Append(c.Name).AppendLine(""!"");
        {|#0:crm.Send(sb.ToString())|};
        var other = new StringBuilder(""id="");
        other.Append(c.Id).Append(';').Append(c.Country);
        crm.Send(other.ToString());
        var third = new StringBuilder().Append(c.Email);
        {|#1:crm.Send(third.ToString())|};
        var fourth = new StringBuilder();
        fourth.AppendFormat(""{0}"", c.Name);
        {|#2:crm.Send(fourth.ToString())|};
    }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task StringInstanceMethods() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        {|#0:crm.Send(c.Email.Trim().ToLowerInvariant())|};
        {|#1:crm.Send(c.Email.Substring(0, 3))|};
        {|#2:crm.Send(c.Name.Replace("" "", ""_"").PadLeft(10))|};
        {|#3:crm.Send(c.Email.Split('@')[1])|};
        crm.Send(c.Email.Length.ToString());
        crm.Send(c.Email.IndexOf('@').ToString());
        crm.Send(c.Email.Contains(""@"").ToString());
        crm.Send(c.Email.GetHashCode().ToString());
        crm.Send(string.IsNullOrEmpty(c.Email) ? ""none"" : ""some"");
    }
}", Res001(0), Res001(1), Res001(2), Res001(3));
    }
}
