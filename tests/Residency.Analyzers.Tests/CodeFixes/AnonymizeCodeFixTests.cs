using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Residency.Analyzers.Tests.Verifiers.CodeFixVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer, Residency.CodeFixes.AnonymizeCodeFixProvider>;

namespace Residency.Analyzers.Tests.CodeFixes
{
    public class AnonymizeCodeFixTests
    {
        private const string Model = @"using System;
using Residency;

public class Customer
{
    [PersonalData(""contact.email"")] public string Email { get; set; } = """";
    [SpecialCategoryData(""health"")] public string Diagnosis { get; set; } = """";
    [PersonalData(""demographic.date_of_birth"")] public DateTime BirthDate { get; set; }
}

public class Crm
{
    [DataSink(""US"", Recipient = ""Acme CRM"")] public void Send(string payload) { }
    [DataSink(""US"", Recipient = ""Acme CRM"")] public void Log(string channel, string payload) { }
}
";

        private const string Anonymizers = @"
public static class Privacy
{
    [Anonymizer] public static string Mask(string value) => ""***"";
    [Anonymizer] public static int BirthYear(DateTime value) => value.Year;
}
";

        private const string Key = "Residency.Anonymize:M:Privacy.Mask(System.String)";

        private static DiagnosticResult Res(string id, int markup) =>
            new DiagnosticResult(id, DiagnosticSeverity.Warning).WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        [Fact]
        public async Task WrapsTheArgumentThatCarriesTheData()
        {
            var test = new Verify.Test
            {
                TestCode = Model + Anonymizers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        {|#0:crm.Log(""web"", /* who */ c.Email /* end */)|};
    }
}",
                FixedCode = Model + Anonymizers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        crm.Log(""web"", /* who */ Privacy.Mask(c.Email) /* end */);
    }
}",
                CodeActionEquivalenceKey = Key,
            };
            test.ExpectedDiagnostics.Add(Res("RES001", 0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task WrapsALocalThatCarriesTheDataAndSpecialCategoryData()
        {
            var test = new Verify.Test
            {
                TestCode = Model + Anonymizers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var text = ""Diagnosis: "" + c.Diagnosis;
        {|#0:crm.Send(text)|};
    }
}",
                FixedCode = Model + Anonymizers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var text = ""Diagnosis: "" + c.Diagnosis;
        crm.Send(Privacy.Mask(text));
    }
}",
                CodeActionEquivalenceKey = Key,
            };
            test.ExpectedDiagnostics.Add(Res("RES002", 0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task FixAllWrapsEveryCall()
        {
            var test = new Verify.Test
            {
                TestCode = Model + Anonymizers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        {|#0:crm.Send(c.Email)|};
        {|#1:crm.Send(c.Email.Trim())|};
    }
}",
                FixedCode = Model + Anonymizers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        crm.Send(Privacy.Mask(c.Email));
        crm.Send(Privacy.Mask(c.Email.Trim()));
    }
}",
                CodeActionEquivalenceKey = Key,
                NumberOfIncrementalIterations = 2,
                NumberOfFixAllIterations = 1,
            };
            test.ExpectedDiagnostics.Add(Res("RES001", 0));
            test.ExpectedDiagnostics.Add(Res("RES001", 1));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task NotOfferedWithoutAnAnonymizerForTheType()
        {
            var source = Model + @"
public static class Privacy
{
    [Anonymizer] public static int BirthYear(DateTime value) => value.Year;
    public static string NotAnAnonymizer(string value) => value;
}
class Service
{
    void Run(Customer c, Crm crm) { {|#0:crm.Send(c.Email)|}; }
}";
            var test = new Verify.Test { TestCode = source, FixedCode = source };
            test.ExpectedDiagnostics.Add(Res("RES001", 0));
            test.FixedState.ExpectedDiagnostics.Add(Res("RES001", 0));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
