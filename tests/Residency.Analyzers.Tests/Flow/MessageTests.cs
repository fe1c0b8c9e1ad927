using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    public class MessageTests
    {
        private const string Model = @"
using Residency;
public class Customer
{
    public int Id { get; set; }
    [PersonalData(""name"")] public string {|#2:Name|} { get; set; } = """";
    [PersonalData(""contact.email"")] public string {|#3:Email|} { get; set; } = """";
    [SpecialCategoryData(""health"")] public string {|#4:Allergy|} { get; set; } = """";
}
public class UsCrm
{
    [{|#1:DataSink(""US"", Recipient = ""Acme CRM"")|}] public void Send(string payload) { }
}
";

        [Fact]
        public Task PathAndAdditionalLocations() => Verify.VerifyAsync(Model + @"
class Service
{
    private readonly UsCrm _crm = new UsCrm();
    void Describe(Customer c) { var text = $""Dear {c.Name}""; {|#0:Forward(text)|}; }
    void Forward(string s) => _crm.Send(s);
}", Verify.Diagnostic("RES001").WithLocation(0).WithLocation(1).WithLocation(2)
            .WithArguments("Customer.Name (name)", "UsCrm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Describe → Forward → UsCrm.Send"));

        [Fact]
        public Task SeveralSourcesAreListedInOrder() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Customer c, UsCrm crm) { {|#0:crm.Send(c.Name + c.Email)|}; }
}", Verify.Diagnostic("RES001").WithLocation(0).WithLocation(1).WithLocation(3).WithLocation(2)
            .WithArguments("Customer.Email (contact.email), Customer.Name (name)", "UsCrm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → UsCrm.Send"));

        [Fact]
        public Task SpecialCategoryMessage() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Customer c, UsCrm crm) { {|#0:crm.Send(c.Allergy)|}; }
}", Verify.Diagnostic("RES002").WithLocation(0).WithLocation(1).WithLocation(4)
            .WithArguments("Customer.Allergy (health)", "UsCrm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → UsCrm.Send"));

        [Fact]
        public Task PersonalParameterIsNamed() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run([PersonalData(""contact.phone_number"")] string phone, UsCrm crm) { {|#0:crm.Send(phone)|}; }
}", Verify.Diagnostic("RES001").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("parameter 'phone' of Service.Run (contact.phone_number)", "UsCrm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → UsCrm.Send"));
    }
}
