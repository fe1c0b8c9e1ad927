using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Residency.Analyzers.Tests.Rules;
using Residency.Analyzers.Tests.Verifiers;
using Residency.CodeFixes;
using Verify = Residency.Analyzers.Tests.Verifiers.CodeFixVerifier<Residency.Analyzers.Rules.UnclassifiedRecipientAnalyzer, Residency.CodeFixes.ClassifyRecipientCodeFixProvider>;

namespace Residency.Analyzers.Tests.CodeFixes
{
    /// <summary>RES008's fixes: declare the method a sink (region to fill in) or local, in residency.json.</summary>
    public class ClassifyRecipientCodeFixTests
    {
        private const string Source = RES008Tests.Model + @"
class Service
{
    void Run(Customer c, CrmSdk crm) { {|#0:crm.Push(c.Email)|}; }
}";

        private static Verify.Test Test(string? residencyJson, string fixedResidencyJson, string key, bool stillReported)
        {
            var test = new Verify.Test
            {
                TestCode = Source,
                FixedCode = Source,
                CodeActionEquivalenceKey = key,
                NumberOfIncrementalIterations = 1,
                NumberOfFixAllIterations = 1,
            };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Vendor", RES008Tests.VendorLibrary));
            test.TestState.ExpectedDiagnostics.Add(RES008Tests.Res008(0));
            if (residencyJson is not null)
            {
                test.TestState.AdditionalFiles.Add(("residency.json", residencyJson));
            }

            // A file the fix creates is UTF-8; one it edits keeps its encoding.
            test.FixedState.AdditionalFiles.Add(("residency.json", residencyJson is null ? SourceText.From(fixedResidencyJson, new UTF8Encoding(false)) : SourceText.From(fixedResidencyJson)));
            if (stillReported)
            {
                test.FixedState.ExpectedDiagnostics.Add(RES008Tests.Res008(0));
            }

            return test;
        }

        [Fact]
        public Task LocalCreatesResidencyJsonAndTheCallIsNoLongerReported() => Test(
            null,
            "{\n  \"local\": [\n    \"Contoso.Vendor.CrmSdk.Push\"\n  ]\n}\n",
            ClassifyRecipientCodeFixProvider.LocalEquivalenceKey,
            stillReported: false).RunAsync(CancellationToken.None);

        [Fact]
        public Task SinkCreatesResidencyJsonWithARegionToFillIn() => Test(
            null,
            "{\n  \"sinks\": [\n    { \"method\": \"Contoso.Vendor.CrmSdk.Push\", \"region\": \"TODO\" }\n  ]\n}\n",
            ClassifyRecipientCodeFixProvider.SinkEquivalenceKey,
            stillReported: true).RunAsync(CancellationToken.None);

        [Fact]
        public Task LocalIsAddedToAnExistingArray() => Test(
            "{\n  \"local\": [\n    \"Contoso.Other\"\n  ],\n  \"internalHosts\": [ \"search.contoso.eu\" ]\n}\n",
            "{\n  \"local\": [\n    \"Contoso.Vendor.CrmSdk.Push\",\n    \"Contoso.Other\"\n  ],\n  \"internalHosts\": [ \"search.contoso.eu\" ]\n}\n",
            ClassifyRecipientCodeFixProvider.LocalEquivalenceKey,
            stillReported: false).RunAsync(CancellationToken.None);

        [Fact]
        public Task SinkPropertyIsAddedToAnExistingFile() => Test(
            "{\n  \"internalHosts\": [ \"search.contoso.eu\" ]\n}\n",
            "{\n  \"sinks\": [\n    { \"method\": \"Contoso.Vendor.CrmSdk.Push\", \"region\": \"TODO\" }\n  ],\n  \"internalHosts\": [ \"search.contoso.eu\" ]\n}\n",
            ClassifyRecipientCodeFixProvider.SinkEquivalenceKey,
            stillReported: true).RunAsync(CancellationToken.None);

        [Fact]
        public Task AnEmptyObjectAndAnEmptyArrayAreFilledIn() => Test(
            "{ \"local\": [] }\n",
            "{ \"local\": [\n  \"Contoso.Vendor.CrmSdk.Push\"\n] }\n",
            ClassifyRecipientCodeFixProvider.LocalEquivalenceKey,
            stillReported: false).RunAsync(CancellationToken.None);

        [Fact]
        public async Task NoFixForAFileThatIsNotAJsonObject()
        {
            var test = new Verify.Test { TestCode = Source, FixedCode = Source };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Vendor", RES008Tests.VendorLibrary));
            test.TestState.AdditionalFiles.Add(("residency.json", "[ \"not an object\" ]"));
            test.TestState.ExpectedDiagnostics.Add(RES008Tests.Res008(0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task NoFixWhenTheMethodIsAlreadyNamed()
        {
            var test = new Verify.Test { TestCode = Source, FixedCode = Source };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Vendor", RES008Tests.VendorLibrary));
            test.TestState.AdditionalFiles.Add(("residency.json", "{ \"sinks\": [ { \"method\": \"Contoso.Vendor.CrmSdk.Push\", \"region\": \"TODO\" } ] }"));
            test.TestState.ExpectedDiagnostics.Add(RES008Tests.Res008(0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task FixAllDeclaresEveryMethodOnce()
        {
            var source = RES008Tests.Model + @"
class Service
{
    void Run(Customer c, CrmSdk crm)
    {
        {|#0:crm.Push(c.Email)|};
        {|#1:crm.Push(c.Name)|};
        {|#2:Formatter.Format(c.Email)|};
    }
}";
            var test = new Verify.Test
            {
                TestCode = source,
                FixedCode = source,
                CodeActionEquivalenceKey = ClassifyRecipientCodeFixProvider.LocalEquivalenceKey,
                NumberOfIncrementalIterations = 2,
                NumberOfFixAllIterations = 1,
            };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Vendor", RES008Tests.VendorLibrary));
            test.TestState.ExpectedDiagnostics.Add(RES008Tests.Res008(0));
            test.TestState.ExpectedDiagnostics.Add(RES008Tests.Res008(1));
            test.TestState.ExpectedDiagnostics.Add(RES008Tests.Res008(2));
            // One at a time, each fix adds its method at the top of the array; Fix All adds them all, sorted.
            test.FixedState.AdditionalFiles.Add(("residency.json", SourceText.From("{\n  \"local\": [\n    \"Contoso.Vendor.Formatter.Format\",\n    \"Contoso.Vendor.CrmSdk.Push\"\n  ]\n}\n", new UTF8Encoding(false))));
            test.BatchFixedState.AdditionalFiles.Add(("residency.json", SourceText.From("{\n  \"local\": [\n    \"Contoso.Vendor.CrmSdk.Push\",\n    \"Contoso.Vendor.Formatter.Format\"\n  ]\n}\n", new UTF8Encoding(false))));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
