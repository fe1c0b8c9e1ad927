using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.CodeFixes;
using Verify = Residency.Analyzers.Tests.Verifiers.CodeFixVerifier<Residency.Analyzers.Rules.AnnotationValidationAnalyzer, Residency.CodeFixes.CorrectRegionCodeFixProvider>;

namespace Residency.Analyzers.Tests.CodeFixes
{
    public class CorrectRegionCodeFixTests
    {
        private const string Key = CorrectRegionCodeFixProvider.EquivalenceKeyPrefix + "Any";

        private static DiagnosticResult Res004(int markup) =>
            new DiagnosticResult("RES004", DiagnosticSeverity.Warning).WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        [Fact]
        public Task ReplacesAnAliasKeepingTrivia() => Verify.VerifyAsync(@"
using Residency;
class Sinks
{
    [DataSink(/* legacy */ {|#0:""UK""|} /* London */, Recipient = ""Acme"")] public void A(string s) { }
}", @"
using Residency;
class Sinks
{
    [DataSink(/* legacy */ ""GB"" /* London */, Recipient = ""Acme"")] public void A(string s) { }
}", Key, Res004(0));

        [Fact]
        public Task ReplacesAMistypedCategory() => Verify.VerifyAsync(@"
using Residency;
class Candidate
{
    [SpecialCategoryData({|#0:""racial_or_ethnic_origin""|})] public string? Origin { get; set; }
}", @"
using Residency;
class Candidate
{
    [SpecialCategoryData(""racial-or-ethnic-origin"")] public string? Origin { get; set; }
}", Key, Res004(0));

        [Fact]
        public async Task FixAllCorrectsEveryAnnotation()
        {
            var test = new Verify.Test
            {
                TestCode = @"
using Residency;
[assembly: DataTransfer({|#0:""Europe""|}, TransferMechanism.AdequacyDecision, Justification = ""EU-wide"")]
class Sinks
{
    [DataSink({|#1:""Germany""|})] public void A(string s) { }
    [DataSink({|#2:""uk""|})] public void B(string s) { }
    [DataTransfer({|#3:""Deutschland""|}, TransferMechanism.StandardContractualClauses, Justification = ""SCCs, DPA ref. 7"")] public void C() { }
    [DataSink({|#4:""XX""|})] public void D(string s) { }
}",
                FixedCode = @"
using Residency;
[assembly: DataTransfer(""EU"", TransferMechanism.AdequacyDecision, Justification = ""EU-wide"")]
class Sinks
{
    [DataSink(""DE"")] public void A(string s) { }
    [DataSink(""GB"")] public void B(string s) { }
    [DataTransfer(""DE"", TransferMechanism.StandardContractualClauses, Justification = ""SCCs, DPA ref. 7"")] public void C() { }
    [DataSink({|#4:""XX""|})] public void D(string s) { }
}",
                CodeActionEquivalenceKey = Key,
                NumberOfIncrementalIterations = 4,
                NumberOfFixAllIterations = 1,
            };
            for (int i = 0; i < 5; i++)
            {
                test.TestState.ExpectedDiagnostics.Add(Res004(i));
            }

            test.FixedState.ExpectedDiagnostics.Add(Res004(4));
            await test.RunAsync();
        }

        [Fact]
        public async Task NotOfferedWithoutAClearCorrectionOrForAConstant()
        {
            var source = @"
using Residency;
class Sinks
{
    private const string Region = ""UK"";
    [DataSink({|#0:""Atlantis""|})] public void A(string s) { }
    [DataSink({|#1:Region|})] public void B(string s) { }
}";
            var test = new Verify.Test { TestCode = source, FixedCode = source };
            test.TestState.ExpectedDiagnostics.Add(Res004(0));
            test.TestState.ExpectedDiagnostics.Add(Res004(1));
            test.FixedState.ExpectedDiagnostics.Add(Res004(0));
            test.FixedState.ExpectedDiagnostics.Add(Res004(1));
            await test.RunAsync();
        }
    }
}
