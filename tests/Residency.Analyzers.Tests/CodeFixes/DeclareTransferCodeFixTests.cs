using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.CodeFixes;
using Verify = Residency.Analyzers.Tests.Verifiers.CodeFixVerifier<Residency.Analyzers.Analyzers.PersonalDataFlowAnalyzer, Residency.CodeFixes.DeclareTransferCodeFixProvider>;

namespace Residency.Analyzers.Tests.CodeFixes
{
    public class DeclareTransferCodeFixTests
    {
        private const string Model = @"using Residency;

public class Customer
{
    [PersonalData(""contact.email"")] public string Email { get; set; } = """";
    [SpecialCategoryData(""health"")] public string Diagnosis { get; set; } = """";
}

public class Crm
{
    [DataSink(""US"", Recipient = ""Acme CRM"")] public void Send(string payload) { }
    [DataSink(""US"")] public void SendAnonymous(string payload) { }
    [DataSink(""CN"", Recipient = ""Analytics"")] public void Track(string payload) { }
    [DataSink(""Unknown"")] public void Somewhere(string payload) { }
}
";

        private const string Scc = @"[DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Recipient = ""Acme CRM"", Justification = ""TODO: reference the signed SCCs"")]";

        private static DiagnosticResult Res(string id, int markup) =>
            new DiagnosticResult(id, DiagnosticSeverity.Warning).WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private static DiagnosticResult Res005(int markup) =>
            new DiagnosticResult("RES005", DiagnosticSeverity.Info).WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private static Verify.Test Test(string source, string fixedSource, string? key = null)
        {
            var test = new Verify.Test { CodeActionEquivalenceKey = key };
            test.TestState.Sources.Add(("/0/Model.cs", Model));
            test.TestState.Sources.Add(("/0/Service.cs", source));
            test.FixedState.Sources.Add(("/0/Model.cs", Model));
            test.FixedState.Sources.Add(("/0/Service.cs", fixedSource));
            return test;
        }

        [Fact]
        public async Task DeclaresOnTheMethodKeepingDocCommentAndIndentation()
        {
            var test = Test(@"using Residency;

namespace App
{
    class Service
    {
        /// <summary>Pushes the customer.</summary>
        public void Run(Customer c, Crm crm)
        {
            {|#0:crm.Send(c.Email)|}; // to the CRM
        }
    }
}
", @"using Residency;

namespace App
{
    class Service
    {
        /// <summary>Pushes the customer.</summary>
        " + Scc + @"
        public void Run(Customer c, Crm crm)
        {
            {|#0:crm.Send(c.Email)|}; // to the CRM
        }
    }
}
", DeclareTransferCodeFixProvider.MethodKey("US", "Acme CRM"));
            test.TestState.ExpectedDiagnostics.Add(Res("RES001", 0));
            test.FixedState.ExpectedDiagnostics.Add(Res005(0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task AddsUsingAfterSystemUsingsAndAfterExistingAttributes()
        {
            var test = Test(@"// Copyright header
using System;
using System.Text;

class Service
{
    [Obsolete(""old"")]
    public void Run(Customer c, Crm crm) => {|#0:crm.Send(c.Email)|};
}
", @"// Copyright header
using System;
using System.Text;
using Residency;

class Service
{
    [Obsolete(""old"")]
    " + Scc + @"
    public void Run(Customer c, Crm crm) => {|#0:crm.Send(c.Email)|};
}
");
            test.TestState.ExpectedDiagnostics.Add(Res("RES001", 0));
            test.FixedState.ExpectedDiagnostics.Add(Res005(0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task AddsUsingToAFileWithoutUsings()
        {
            var test = Test(@"class Service
{
    public void Run(Customer c, Crm crm) { {|#0:crm.Send(c.Email)|}; }
}
", @"using Residency;

class Service
{
    " + Scc + @"
    public void Run(Customer c, Crm crm) { {|#0:crm.Send(c.Email)|}; }
}
");
            test.TestState.ExpectedDiagnostics.Add(Res("RES001", 0));
            test.FixedState.ExpectedDiagnostics.Add(Res005(0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task DeclaresOnTheTypeWhenChosen()
        {
            var test = Test(@"using Residency;

class Service
{
    public void Run(Customer c, Crm crm) { {|#0:crm.Send(c.Email)|}; }
    public void Again(Customer c, Crm crm) { {|#1:crm.Send(c.Email)|}; }
}
", @"using Residency;

" + Scc + @"
class Service
{
    public void Run(Customer c, Crm crm) { {|#0:crm.Send(c.Email)|}; }
    public void Again(Customer c, Crm crm) { {|#1:crm.Send(c.Email)|}; }
}
", DeclareTransferCodeFixProvider.TypeKey("US", "Acme CRM"));
            test.TestState.ExpectedDiagnostics.Add(Res("RES001", 0));
            test.TestState.ExpectedDiagnostics.Add(Res("RES001", 1));
            test.FixedState.ExpectedDiagnostics.Add(Res005(0));
            test.FixedState.ExpectedDiagnostics.Add(Res005(1));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task EachTransferIsDeclaredOneAtATimeAndFixAllDeclaresNothing()
        {
            const string Source = @"using Residency;

class Service
{
    public void Run(Customer c, Crm crm)
    {
        {|#0:crm.Send(c.Email)|};
        {|#1:crm.Send(c.Email + ""!"")|};
    }

    public void Other(Customer c, Crm crm)
    {
        {|#2:crm.Send(c.Email)|};
        {|#3:crm.Track(c.Email)|};
    }
}
";

            // One fix at a time (a person choosing each declaration): one attribute per method and destination.
            var test = Test(Source, @"using Residency;

class Service
{
    " + Scc + @"
    public void Run(Customer c, Crm crm)
    {
        {|#0:crm.Send(c.Email)|};
        {|#1:crm.Send(c.Email + ""!"")|};
    }

    " + Scc + @"
    public void Other(Customer c, Crm crm)
    {
        {|#2:crm.Send(c.Email)|};
        {|#3:crm.Track(c.Email)|};
    }
}
", DeclareTransferCodeFixProvider.MethodKey("US", "Acme CRM"));
            test.TestState.ExpectedDiagnostics.Add(Res("RES001", 0));
            test.TestState.ExpectedDiagnostics.Add(Res("RES001", 1));
            test.TestState.ExpectedDiagnostics.Add(Res("RES001", 2));
            test.TestState.ExpectedDiagnostics.Add(Res("RES001", 3));
            test.FixedState.ExpectedDiagnostics.Add(Res005(0));
            test.FixedState.ExpectedDiagnostics.Add(Res005(1));
            test.FixedState.ExpectedDiagnostics.Add(Res005(2));
            test.FixedState.ExpectedDiagnostics.Add(Res("RES001", 3)); // CN/Analytics is another equivalence group
            test.NumberOfIncrementalIterations = 2;

            // Fix All (document, project, solution: what `dotnet format` and "Fix all in solution" run) changes nothing.
            test.BatchFixedState.Sources.Add(("/0/Model.cs", Model));
            test.BatchFixedState.Sources.Add(("/0/Service.cs", Source));
            test.BatchFixedState.ExpectedDiagnostics.Add(Res("RES001", 0));
            test.BatchFixedState.ExpectedDiagnostics.Add(Res("RES001", 1));
            test.BatchFixedState.ExpectedDiagnostics.Add(Res("RES001", 2));
            test.BatchFixedState.ExpectedDiagnostics.Add(Res("RES001", 3));
            test.NumberOfFixAllIterations = 0;
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public void HasNoFixAllProvider() => Assert.Null(new DeclareTransferCodeFixProvider().GetFixAllProvider());

        [Fact]
        public void IsOrderedAfterTheFixesThatRemoveTheTransfer()
        {
            static Microsoft.CodeAnalysis.ExtensionOrderAttribute Order(System.Type type) =>
                (Microsoft.CodeAnalysis.ExtensionOrderAttribute)System.Attribute.GetCustomAttribute(type, typeof(Microsoft.CodeAnalysis.ExtensionOrderAttribute))!;

            Assert.Equal(nameof(AnonymizeCodeFixProvider), Order(typeof(UseEuEndpointCodeFixProvider)).Before);
            Assert.Equal(nameof(DeclareTransferCodeFixProvider), Order(typeof(AnonymizeCodeFixProvider)).Before);
            Assert.Equal(nameof(UseEuEndpointCodeFixProvider), Order(typeof(AnonymizeCodeFixProvider)).After);
            Assert.Equal(nameof(AnonymizeCodeFixProvider), Order(typeof(DeclareTransferCodeFixProvider)).After);
        }

        [Fact]
        public async Task SpecialCategoryWithoutRecipient()
        {
            var test = Test(@"using Residency;

class Service
{
    public void Run(Customer c, Crm crm)
    {
        {|#0:crm.SendAnonymous(c.Diagnosis)|};
    }
}
", @"using Residency;

class Service
{
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Justification = ""TODO: reference the signed SCCs"")]
    public void Run(Customer c, Crm crm)
    {
        {|#0:crm.SendAnonymous(c.Diagnosis)|};
    }
}
", DeclareTransferCodeFixProvider.MethodKey("US", null));
            test.TestState.ExpectedDiagnostics.Add(Res("RES002", 0));
            test.FixedState.ExpectedDiagnostics.Add(Res005(0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task NotOfferedForAnUnknownRegion()
        {
            var source = @"using Residency;

class Service
{
    public void Run(Customer c, Crm crm) { {|#0:crm.Somewhere(c.Email)|}; }
}
";
            var test = Test(source, source);
            test.TestState.ExpectedDiagnostics.Add(Res("RES003", 0));
            test.FixedState.ExpectedDiagnostics.Add(Res("RES003", 0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task KeepsWindowsLineEndingsAndTabs()
        {
            var source = "class Service\r\n{\r\n\t// Sends it.\r\n\tpublic void Run(Customer c, Crm crm)\r\n\t{\r\n\t\t{|#0:crm.Send(c.Email)|};\r\n\t}\r\n}\r\n";
            var fixedSource = "using Residency;\r\n\r\nclass Service\r\n{\r\n\t// Sends it.\r\n\t" + Scc + "\r\n\tpublic void Run(Customer c, Crm crm)\r\n\t{\r\n\t\t{|#0:crm.Send(c.Email)|};\r\n\t}\r\n}\r\n";
            var test = Test(source, fixedSource, DeclareTransferCodeFixProvider.MethodKey("US", "Acme CRM"));
            test.TestState.ExpectedDiagnostics.Add(Res("RES001", 0));
            test.FixedState.ExpectedDiagnostics.Add(Res005(0));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
