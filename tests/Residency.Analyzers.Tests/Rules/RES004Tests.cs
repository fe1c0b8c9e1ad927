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
    [DataTransfer({|#4:""USA""|}, TransferMechanism.StandardContractualClauses, Justification = ""SCCs signed 2026-03-01"")] public void E() { }
}",
            Res004(0, "[DataSink] region 'UK' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown); did you mean 'GB'?"),
            Res004(1, "[DataSink] region 'Germany' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown); did you mean 'DE'?"),
            Res004(2, "[DataSink] region 'XX' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown)"),
            Res004(3, "[DataSink] has an empty region: give an ISO 3166-1 alpha-2 code or EU, EEA, Adequate, Unknown"),
            Res004(4, "[DataTransfer] region 'USA' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown); did you mean 'US'?"));

        // A mistyped category put the data under a category of its own in the record, with no label and no grouping
        // (a field test wrote the special category racial_or_ethnic_origin; another, passport-ish keys). Art. 9/10 is a
        // closed list; a personal-data category may be the team's own unless it is a near miss of a known key.
        [Fact]
        public Task MistypedCategoriesAreReported() => Verify.VerifyAsync(@"
using Residency;
class Candidate
{
    [SpecialCategoryData({|#0:""racial_or_ethnic_origin""|})] public string? Origin { get; set; }
    [SpecialCategoryData({|#1:""medical""|})] public string? Notes { get; set; }
    [PersonalData({|#2:""contact.emial""|})] public string? Email { get; set; }
    [PersonalData({|#3:""contact.phone-number""|})] public string? Phone { get; set; }
    [PersonalData({|#4:""Health""|})] public string? Condition { get; set; }
    [PersonalData(""loyalty.tier"")] public string? Tier { get; set; }
    [PersonalData(""user.contact.email"")] public string? Work { get; set; }
    [PersonalData(""name"")] public string? Name { get; set; }
    [PersonalData] public string? Other { get; set; }
    [SpecialCategoryData(""sex-life-or-orientation"")] public string? Orientation { get; set; }
}",
            Res004(0, "[SpecialCategoryData] category 'racial_or_ethnic_origin' is not an Art. 9/10 category (health, biometric, genetic, racial-or-ethnic-origin, political-opinions, religious-beliefs, trade-union-membership, sex-life-or-orientation, criminal-offences); did you mean 'racial-or-ethnic-origin'?"),
            Res004(1, "[SpecialCategoryData] category 'medical' is not an Art. 9/10 category (health, biometric, genetic, racial-or-ethnic-origin, political-opinions, religious-beliefs, trade-union-membership, sex-life-or-orientation, criminal-offences)"),
            Res004(2, "[PersonalData] category 'contact.emial' is not a fideslang category, and is close to 'contact.email'; did you mean 'contact.email'? (a category of the team's own is accepted when it is not a near miss)"),
            Res004(3, "[PersonalData] category 'contact.phone-number' is not a fideslang category, and is close to 'contact.phone_number'; did you mean 'contact.phone_number'? (a category of the team's own is accepted when it is not a near miss)"),
            Res004(4, "[PersonalData] category 'Health' is close to the special category 'health': special-category data is annotated [SpecialCategoryData(\"health\")], and its flows are RES002"));

        // The category is read from the attribute the compiler bound on its symbol where that symbol is found from the
        // syntax, else from the syntax bound again: every target, a constant and a named argument give the same answer.
        [Fact]
        public Task MistypedCategoriesAreReportedOnEveryTarget() => Verify.VerifyAsync(@"
using Residency;
static class Keys { public const string Mail = ""contact.emial""; }
[PersonalData({|#0:""contact.emial""|})]
class Candidate
{
    [PersonalData({|#1:""contact.emial""|})] private string? _a, _b;
    [PersonalData({|#2:Keys.Mail|})] public string? Email { get; set; }
    [PersonalData({|#3:category: ""contact."" + ""emial""|})] public string? Other { get; set; }
    public void Send([PersonalData({|#4:""contact.emial""|})] string to) { }
    [return: PersonalData({|#5:""contact.emial""|})] public string Read() => """";
}

[SpecialCategoryData({|#6:""medical""|})]
struct Record { }

record Person([PersonalData({|#7:""contact.emial""|})] string Email, [property: PersonalData({|#8:""contact.emial""|})] string Work);",
            Res004(0, EmialMessage),
            Res004(1, EmialMessage),
            Res004(2, EmialMessage),
            Res004(3, EmialMessage),
            Res004(4, EmialMessage),
            Res004(5, EmialMessage),
            Res004(6, "[SpecialCategoryData] category 'medical' is not an Art. 9/10 category (health, biometric, genetic, racial-or-ethnic-origin, political-opinions, religious-beliefs, trade-union-membership, sex-life-or-orientation, criminal-offences)"),
            Res004(7, EmialMessage),
            Res004(8, EmialMessage));

        [Fact]
        public Task ACategoryThatDoesNotCompileIsLeftToTheCompiler() => Verify.VerifyAsync(@"
using Residency;
class Candidate
{
    [PersonalData({|CS0103:Nowhere|})] public string? Email { get; set; }
    [PersonalData({|CS0182:string.Empty|})] public string? Phone { get; set; }
}");

        // A copy of the attribute whose first parameter is an array: its category is not a string, nothing to check (an
        // array's TypedConstant throws when asked for a single value).
        [Fact]
        public Task ACopyOfTheAttributeWithAnArrayParameterIsLeftAlone() => Verify.VerifyAsync(@"
namespace Residency
{
    [System.AttributeUsage(System.AttributeTargets.All)]
    internal sealed class PersonalDataAttribute : System.Attribute { public PersonalDataAttribute(params string[] category) { } }
}

class Candidate
{
    [Residency.PersonalData(""contact.emial"", ""name"")] public string? Email { get; set; }
}");

        private const string EmialMessage = "[PersonalData] category 'contact.emial' is not a fideslang category, and is close to 'contact.email'; did you mean 'contact.email'? (a category of the team's own is accepted when it is not a near miss)";

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
    [DataTransfer(""us"", TransferMechanism.AdequacyDecision, Recipient = ""Acme"", Justification = ""DPF-certified, checked 2026-01-10"")] public void G() { }
}");

        [Fact]
        public Task InvalidAllowedRegionsPropertyIsReportedOnce() => Verify.VerifyAsync(
            "class C { }",
            new[] { ("_ResidencyAllowedRegions", "EEA,Adequate,UK") },
            new DiagnosticResult("RES004", DiagnosticSeverity.Warning).WithArguments(
                "ResidencyAllowedRegions contains 'UK', which is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown); did you mean 'GB'?; it is ignored"));
    
        [Fact]
        public Task TransferWithoutAPersonsJustificationIsReported() => Verify.VerifyAsync(@"
using Residency;
[assembly: {|#0:DataTransfer(""CH"", TransferMechanism.AdequacyDecision)|}]
class Sync
{
    const string Later = ""todo"";

    [{|#1:DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Recipient = ""Acme CRM"")|}] public void A() { }
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, {|#2:Justification = """"|})] public void B() { }
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, {|#3:Justification = ""   ""|})] public void C() { }
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Recipient = ""Acme CRM"", {|#4:Justification = ""TODO: reference the signed SCCs""|})] public void D() { }
    [DataTransfer(""GB"", TransferMechanism.BindingCorporateRules, {|#5:Justification = Later|})] public void E() { }
}",
            Res004(0, "[DataTransfer] to CH has no Justification: a person must record why the transfer is lawful (e.g. the reference of the signed clauses); until then the record shows it as unjustified"),
            Res004(1, "[DataTransfer] to US (Acme CRM) has no Justification: a person must record why the transfer is lawful (e.g. the reference of the signed clauses); until then the record shows it as unjustified"),
            Res004(2, "[DataTransfer] to US has no Justification: a person must record why the transfer is lawful (e.g. the reference of the signed clauses); until then the record shows it as unjustified"),
            Res004(3, "[DataTransfer] to US has no Justification: a person must record why the transfer is lawful (e.g. the reference of the signed clauses); until then the record shows it as unjustified"),
            Res004(4, "[DataTransfer] to US (Acme CRM) still has the placeholder Justification 'TODO: reference the signed SCCs': a person must record why the transfer is lawful (e.g. the reference of the signed clauses); until then the record shows it as unjustified"),
            Res004(5, "[DataTransfer] to GB still has the placeholder Justification 'todo': a person must record why the transfer is lawful (e.g. the reference of the signed clauses); until then the record shows it as unjustified"));

        [Fact]
        public Task TransferWithAWrittenJustificationIsAccepted() => Verify.VerifyAsync(@"
using Residency;
class Sync
{
    const string Dpa = ""DPA ref. 42"";

    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Justification = ""SCCs signed 2026-03-01, DPA ref. 42"")] public void A() { }
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Justification = Dpa)] public void B() { }
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Justification = ""Todoist Inc. DPA, SCCs module 2"")] public void C() { }
    [DataSink(""US"")] public void D(string s) { } // a sink needs no justification
}");

        [Fact]
        public Task AnnotationsOnEveryTargetAreChecked() => Verify.VerifyAsync(@"
using Residency;
[assembly: {|#0:DataTransfer({|#7:""XX""|}, TransferMechanism.AdequacyDecision)|}]
[DataSink({|#1:""UK""|})]
class Sinks
{
    [DataSink({|#2:""Germany""|})] private object? _a, _b;
    [DataSink({|#3:""""|})] public object? Holder { get; set; }
    public void Send([DataSink({|#4:""XX""|})] string s) { }
}

record Client([property: DataSink({|#5:""UK""|})] object Http, [DataSink({|#6:""USA""|})] string Name);",
            Res004(7, "[DataTransfer] region 'XX' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown)"),
            Res004(0, "[DataTransfer] to XX has no Justification: a person must record why the transfer is lawful (e.g. the reference of the signed clauses); until then the record shows it as unjustified"),
            Res004(1, "[DataSink] region 'UK' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown); did you mean 'GB'?"),
            Res004(2, "[DataSink] region 'Germany' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown); did you mean 'DE'?"),
            Res004(3, "[DataSink] has an empty region: give an ISO 3166-1 alpha-2 code or EU, EEA, Adequate, Unknown"),
            Res004(4, "[DataSink] region 'XX' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown)"),
            Res004(5, "[DataSink] region 'UK' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown); did you mean 'GB'?"),
            Res004(6, "[DataSink] region 'USA' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown); did you mean 'US'?"));

        [Fact]
        public Task TheRegionIsReadFromItsParameterWhateverTheOrderOfNamedArguments() => Verify.VerifyAsync(@"
using Residency;
class Sync
{
    [DataTransfer(mechanism: TransferMechanism.StandardContractualClauses, {|#0:region: ""USA""|}, Justification = ""SCCs signed 2026-03-01"")] public void A() { }
    [DataTransfer(mechanism: TransferMechanism.StandardContractualClauses, region: ""US"", Justification = ""SCCs signed 2026-03-01"")] public void B() { }
    [DataSink(region: ""DE"")] public void C(string s) { }
}",
            Res004(0, "[DataTransfer] region 'USA' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown); did you mean 'US'?"));

        [Fact]
        public Task AnAnnotationThatDoesNotCompileIsLeftToTheCompiler() => Verify.VerifyAsync(@"
using Residency;
class Sinks
{
    [DataSink({|CS0103:Nowhere|})] public void A(string s) { }
    [DataTransfer(""US"", TransferMechanism.StandardContractualClauses, Justification = {|CS0103:Later|})] public void B() { }
}");

        [Fact]
        public Task ACopyOfTheAttributeThatNamesItsParameterOtherwiseIsChecked() => Verify.VerifyAsync(@"
namespace Residency
{
    [System.AttributeUsage(System.AttributeTargets.All)]
    internal sealed class DataSinkAttribute : System.Attribute { public DataSinkAttribute(string where) { } }
}

class Sinks
{
    [Residency.DataSink({|#0:""UK""|})] public void A(string s) { }
    [Residency.DataSink(""GB"")] public void B(string s) { }
}",
            Res004(0, "[DataSink] region 'UK' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown); did you mean 'GB'?"));
    }
}
