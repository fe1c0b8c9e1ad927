using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Analyzers.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Rules
{
    public class RES002Tests
    {
        private const string Model = @"
using Residency;
public class Patient
{
    public int Id { get; set; }
    [PersonalData(""name"")] public string Name { get; set; } = """";
    [SpecialCategoryData(""health"", Subject = ""patient"")] public string Diagnosis { get; set; } = """";
}
public class Crm
{
    [DataSink(""US"", Recipient = ""Acme CRM"")] public void Send(string payload) { }
    [DataSink(""FR"")] public void SendFr(string payload) { }
}
";

        private static DiagnosticResult Res002(int markup) =>
            Verify.Diagnostic("RES002").WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private static DiagnosticResult Res001(int markup) =>
            Verify.Diagnostic("RES001").WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        [Fact]
        public Task SpecialCategoryToUsIsRes002NotRes001() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Patient p, Crm crm) { {|#0:crm.Send(p.Diagnosis)|}; }
}", Res002(0).WithArguments("Patient.Diagnosis (health)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"));

        [Fact]
        public Task MixedDataIsRes002() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Patient p, Crm crm) { {|#0:crm.Send(p.Name + p.Diagnosis)|}; {|#1:crm.Send(p.Name)|}; }
}",
            // The special-category data is named apart from the other personal data that travels with it.
            Res002(0).WithArguments("Patient.Diagnosis (health), with personal data Patient.Name (name)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"),
            Res001(1).WithArguments("Patient.Name (name)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"));

        [Fact]
        public Task SpecialCategoryParameter() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run([SpecialCategoryData(""biometric"")] string fingerprint, Crm crm) { {|#0:crm.Send(fingerprint)|}; }
}", Res002(0));

        [Fact]
        public Task AllowedRegionOrNonPersonalIsNotReported() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Patient p, Crm crm) { crm.SendFr(p.Diagnosis); crm.Send(p.Id.ToString()); }
}");

        [Fact]
        public Task DeclaredTransferMakesItRes005() => Verify.VerifyAsync(Model + @"
class Service
{
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses)]
    void Run(Patient p, Crm crm) { {|#0:crm.Send(p.Diagnosis)|}; }
}", Verify.Diagnostic("RES005").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
    }
}
