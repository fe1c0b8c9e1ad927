using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Analyzers.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Rules
{
    public class RES003Tests
    {
        private const string Model = @"
using Residency;
public class Customer
{
    public int Id { get; set; }
    [PersonalData(""contact.email"")] public string Email { get; set; } = """";
}
public class Vendor
{
    [DataSink(""Unknown"", Recipient = ""Some vendor"")] public void Upload(string payload) { }
    [DataSink(""unknown"")] public void Upload2(string payload) { }
}
";

        private static DiagnosticResult Res003(int markup) =>
            Verify.Diagnostic("RES003").WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        [Fact]
        public Task PersonalDataToUnknownRegion() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Customer c, Vendor v) { {|#0:v.Upload(c.Email)|}; {|#1:v.Upload2(c.Email)|}; }
}", Res003(0).WithArguments("Customer.Email (contact.email)", "Vendor.Upload (recipient Some vendor)", "Run → Vendor.Upload", "give the region in its [DataSink] annotation"), Res003(1));

        [Fact]
        public Task ThroughCalls() => Verify.VerifyAsync(Model + @"
class Service
{
    private readonly Vendor _v = new Vendor();
    void Run(Customer c) { {|#0:Push(c.Email)|}; }
    void Push(string s) => _v.Upload(s);
}", Res003(0).WithArguments("Customer.Email (contact.email)", "Vendor.Upload (recipient Some vendor)", "Run → Push → Vendor.Upload", "give the region in its [DataSink] annotation"));

        [Fact]
        public Task NonPersonalDataIsNotReported() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Customer c, Vendor v) { v.Upload(c.Id.ToString()); v.Upload(""hello""); }
}");

        [Fact]
        public Task UnknownIsNeverAllowedByPolicy() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Customer c, Vendor v) { {|#0:v.Upload(c.Email)|}; }
}", new[] { ("_ResidencyAllowedRegions", "EEA,Adequate,Unknown") }, Res003(0));

        [Fact]
        public Task DeclaredTransferDoesNotCoverUnknown() => Verify.VerifyAsync(Model + @"
class Service
{
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses)]
    void Run(Customer c, Vendor v) { {|#0:v.Upload(c.Email)|}; }
}", Res003(0));
    }
}
