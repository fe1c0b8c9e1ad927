using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.AnnotationValidationAnalyzer>;

namespace Residency.Analyzers.Tests.Rules
{
    public class RES004Tests
    {
        private static DiagnosticResult Res004(int markup, string message) =>
            new DiagnosticResult("RES004", DiagnosticSeverity.Warning).WithLocation(markup).WithArguments(message);

        [Fact]
        public Task InvalidRegionsAreReportedWithASuggestionWhereClear() => Verify.VerifyAsync(@"
using Residency;
class Sinks
{
    [DataSink({|#0:""UK""|})] public void A(string s) { }
    [DataSink({|#1:""Germany""|})] public void B(string s) { }
    [DataSink({|#2:""XX""|})] public void C(string s) { }
    [DataSink({|#3:""""|})] public void D(string s) { }
    [DataTransfer({|#4:""USA""|}, TransferMechanism.StandardContractualClauses)] public void E() { }
}",
            Res004(0, "[DataSink] region 'UK' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown); did you mean 'GB'?"),
            Res004(1, "[DataSink] region 'Germany' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown); did you mean 'DE'?"),
            Res004(2, "[DataSink] region 'XX' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown)"),
            Res004(3, "[DataSink] has an empty region: give an ISO 3166-1 alpha-2 code or EU, EEA, Adequate, Unknown"),
            Res004(4, "[DataTransfer] region 'USA' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown); did you mean 'US'?"));

        [Fact]
        public Task ValidRegionsInAnyCaseAreAccepted() => Verify.VerifyAsync(@"
using Residency;
class Sinks
{
    [DataSink(""de"")] public void A(string s) { }
    [DataSink(""EL"")] public void B(string s) { }
    [DataSink(""eu"")] public void C(string s) { }
    [DataSink(""EEA"")] public void D(string s) { }
    [DataSink(""Adequate"")] public void E(string s) { }
    [DataSink(""Unknown"")] public void F(string s) { }
    [DataTransfer(""us"", TransferMechanism.AdequacyDecision, Recipient = ""Acme"")] public void G() { }
}");

        [Fact]
        public Task InvalidAllowedRegionsPropertyIsReportedOnce() => Verify.VerifyAsync(
            "class C { }",
            new[] { ("_ResidencyAllowedRegions", "EEA,Adequate,UK") },
            new DiagnosticResult("RES004", DiagnosticSeverity.Warning).WithArguments(
                "ResidencyAllowedRegions contains 'UK', which is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown); did you mean 'GB'?; it is ignored"));
    }
}
