using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// Positional records: an annotation written on the parameter (as everybody writes it) annotates the property it
    /// declares — <c>[PersonalData]</c>, <c>[SpecialCategoryData]</c>, <c>[Retention]</c> and a <c>[DataSink]</c> client.
    /// </summary>
    public class PositionalRecordTests
    {
        private const string Records = @"
public record ShippedEvent(int Id, [PersonalData(""name"")] string BuyerName, [SpecialCategoryData(""health"")] string? Allergy = null);
public class Mailer { public void Push(string? body) { } }
public record Clients([DataSink(""US"", Recipient = ""Mail Inc."")] Mailer Mail, Mailer Local);
";

        [Fact]
        public Task AnnotationOnAPositionalParameterIsThePropertys() => Verify.VerifyAsync(Source + Records + @"
class Service
{
    void Run(ShippedEvent e, Crm crm)
    {
        {|#0:crm.Send(e.BuyerName)|};
        {|#1:crm.SendObject(e)|};
        {|#2:crm.Send(e.Allergy)|};
        crm.Send(e.Id.ToString());
    }
}", Res001(0), Res002(1), Res002(2));

        [Fact]
        public Task DataSinkOnAPositionalParameterMakesThePropertyASinkHolder() => Verify.VerifyAsync(Source + Records + @"
class Service
{
    void Run(Customer c, Clients clients)
    {
        {|#0:clients.Mail.Push(c.Email)|};
        clients.Local.Push(c.Email);
    }
}", Res001(0));

        [Fact]
        public Task UnannotatedPositionalParametersStayClean() => Verify.VerifyAsync(Source + @"
public record Plain(int Id, string BuyerName);
class Service { void Run(Plain p, Crm crm) { crm.Send(p.BuyerName); crm.SendObject(p); } }");

        [Fact]
        public Task InvalidRegionOnAPositionalParameterIsRes004() =>
            Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.AnnotationValidationAnalyzer>.VerifyAsync(@"
using Residency;
public class Mailer { }
public record Clients([{|#0:DataSink(""XX"")|}] Mailer Mail);
", new DiagnosticResult("RES004", DiagnosticSeverity.Warning).WithSpan(4, 33, 4, 37));
    }
}
