using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>The data model and sinks shared by the flow tests.</summary>
    internal static class FlowTestModel
    {
        public const string Source = @"
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Residency;

public class Customer
{
    public int Id { get; set; }
    public string Country { get; set; } = """";
    [PersonalData(""contact.email"", Subject = ""customer"")] public string Email { get; set; } = """";
    [PersonalData(""name"")] public string Name { get; set; } = """";
    public Address Home { get; set; } = new Address();
    public string Display => $""{Name} <{Email}>"";
    public string CountryCode => Country.ToUpperInvariant();
}

public class Address
{
    [PersonalData(""contact.address"")] public string Street { get; set; } = """";
    public string City { get; set; } = """";
}

public class Patient
{
    public int Id { get; set; }
    [PersonalData(""name"")] public string Name { get; set; } = """";
    [SpecialCategoryData(""health"")] public string Diagnosis { get; set; } = """";
}

public class Dto
{
    public Dto() { }
    public Dto(string text) { Text = text; }
    public string Text { get; set; } = """";
    public int Number { get; set; }
}

public class Crm
{
    [DataSink(""US"", Recipient = ""Acme CRM"")] public void Send(string? payload) { }
    [DataSink(""US"", Recipient = ""Acme CRM"")] public void SendObject(object? payload) { }
    [DataSink(""US"", Recipient = ""Acme CRM"")] public Task SendAsync(string? payload) => Task.CompletedTask;
    [DataSink(""DE"")] public void SendDe(string? payload) { }
}
";

        public static DiagnosticResult Res001(int markup) =>
            Verify.Diagnostic("RES001").WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        public static DiagnosticResult Res002(int markup) =>
            Verify.Diagnostic("RES002").WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        public static DiagnosticResult Res003(int markup) =>
            Verify.Diagnostic("RES003").WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        /// <summary>
        /// Verifies the flow analyzer on <see cref="Source"/> + <paramref name="source"/> with a referenced assembly compiled
        /// from <paramref name="librarySource"/> (a vendor SDK or framework as the analyzers see it: metadata only).
        /// </summary>
        public static Task VerifyWithLibraryAsync(string source, string libraryName, string librarySource, params DiagnosticResult[] expected)
        {
            var test = new Verify.Test { TestCode = Source + source };
            test.TestState.AdditionalReferences.Add(Verifiers.TestReferences.Library(libraryName, librarySource));
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(System.Threading.CancellationToken.None);
        }

        public static DiagnosticResult Res005(int markup) =>
            Verify.Diagnostic("RES005").WithSeverity(DiagnosticSeverity.Info).WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);
    }
}
