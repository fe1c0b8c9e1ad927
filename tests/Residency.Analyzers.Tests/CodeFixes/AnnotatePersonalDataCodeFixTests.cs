using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.CodeFixes;
using Verify = Residency.Analyzers.Tests.Verifiers.CodeFixVerifier<Residency.Analyzers.Rules.PersonalDataNamingAnalyzer, Residency.CodeFixes.AnnotatePersonalDataCodeFixProvider>;

namespace Residency.Analyzers.Tests.CodeFixes
{
    public class AnnotatePersonalDataCodeFixTests
    {
        private static DiagnosticResult Res006(int markup) =>
            new DiagnosticResult("RES006", DiagnosticSeverity.Info).WithLocation(markup);

        [Fact]
        public Task AnnotatesAPropertyKeepingCommentsAndAddsTheUsing() => Verify.VerifyAsync(@"using System;

namespace Shop
{
    public class Customer
    {
        public int Id { get; set; }

        /// <summary>Where we write to.</summary>
        public string {|#0:Email|} { get; set; } = """"; // primary address
    }
}
", @"using System;
using Residency;

namespace Shop
{
    public class Customer
    {
        public int Id { get; set; }

        /// <summary>Where we write to.</summary>
        [PersonalData(""contact.email"")]
        public string Email { get; set; } = """"; // primary address
    }
}
", AnnotatePersonalDataCodeFixProvider.EquivalenceKey, Res006(0));

        // Special-category names are annotated as what they are: [SpecialCategoryData], so that their flows are RES002. A
        // field test's diversity survey (EthnicOrigin, Disability) was not flagged at all.
        [Fact]
        public Task AnnotatesSpecialCategoryDataWithItsAttribute() => Verify.VerifyAsync(@"namespace Hire
{
    public class DiversitySurvey
    {
        public int Id { get; set; }
        public string? {|#0:EthnicOrigin|} { get; set; }
        public string? {|#1:Disability|} { get; set; }
        public string? {|#2:Email|} { get; set; }
    }
}
", @"using Residency;

namespace Hire
{
    public class DiversitySurvey
    {
        public int Id { get; set; }
        [SpecialCategoryData(""racial-or-ethnic-origin"")]
        public string? EthnicOrigin { get; set; }
        [SpecialCategoryData(""health"")]
        public string? Disability { get; set; }
        [PersonalData(""contact.email"")]
        public string? Email { get; set; }
    }
}
", AnnotatePersonalDataCodeFixProvider.EquivalenceKey,
            Res006(0).WithArguments("DiversitySurvey.EthnicOrigin", "racial-or-ethnic-origin, special category"),
            Res006(1).WithArguments("DiversitySurvey.Disability", "health, special category"),
            Res006(2).WithArguments("DiversitySurvey.Email", "contact.email"));

        [Fact]
        public Task AnnotatesAfterExistingAttributes() => Verify.VerifyAsync(@"using System.ComponentModel;
using Residency;

public class Employee
{
    [Description(""Work phone"")]
    public string {|#0:PhoneNumber|} { get; set; } = """";
}
", @"using System.ComponentModel;
using Residency;

public class Employee
{
    [Description(""Work phone"")]
    [PersonalData(""contact.phone_number"")]
    public string PhoneNumber { get; set; } = """";
}
", Res006(0));

        [Fact]
        public Task AnnotatesFieldsParametersAndRecordProperties() => Verify.VerifyAsync(@"using Residency;

public class Lead
{
    private string {|#0:_iban|} = """";
}

public record Contact(string {|#1:Email|}, int Age);

public class Applicant(string {|#2:passportNumber|})
{
    public string Document => passportNumber;
}
", @"using Residency;

public class Lead
{
    [PersonalData(""financial.bank_account"")]
    private string _iban = """";
}

public record Contact([property: PersonalData(""contact.email"")] string Email, int Age);

public class Applicant([PersonalData(""government_id.passport_number"")] string passportNumber)
{
    public string Document => passportNumber;
}
", Res006(0), Res006(1), Res006(2));

        [Fact]
        public async Task FixAllAnnotatesEveryMemberWithItsCategoryAcrossDocuments()
        {
            var test = new Verify.Test { CodeActionEquivalenceKey = AnnotatePersonalDataCodeFixProvider.EquivalenceKey };
            test.TestState.Sources.Add(("/0/Customer.cs", @"using Residency;

public class Customer
{
    public string {|#0:FirstName|} { get; set; } = """";
    public string {|#1:Nachname|} { get; set; } = """";
    public System.DateTime {|#2:Geburtsdatum|} { get; set; }
    public bool IsEmailVerified { get; set; }
}
"));
            test.TestState.Sources.Add(("/0/Address.cs", @"public class Address
{
    public string {|#3:Strasse|} { get; set; } = """";
    public string {|#4:Postleitzahl|} { get; set; } = """";
    public string AddressFormat { get; set; } = """";
}
"));
            test.FixedState.Sources.Add(("/0/Customer.cs", @"using Residency;

public class Customer
{
    [PersonalData(""name.first"")]
    public string FirstName { get; set; } = """";
    [PersonalData(""name.last"")]
    public string Nachname { get; set; } = """";
    [PersonalData(""demographic.date_of_birth"")]
    public System.DateTime Geburtsdatum { get; set; }
    public bool IsEmailVerified { get; set; }
}
"));
            test.FixedState.Sources.Add(("/0/Address.cs", @"using Residency;

public class Address
{
    [PersonalData(""contact.address.street"")]
    public string Strasse { get; set; } = """";
    [PersonalData(""contact.address.postal_code"")]
    public string Postleitzahl { get; set; } = """";
    public string AddressFormat { get; set; } = """";
}
"));
            for (int i = 0; i < 5; i++)
            {
                test.ExpectedDiagnostics.Add(Res006(i));
            }

            test.NumberOfIncrementalIterations = 5;
            test.NumberOfFixAllInDocumentIterations = 2; // one per document
            test.NumberOfFixAllIterations = 1; // project and solution: both documents at once
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task QualifiesWhenIdentityPersonalDataIsAlsoInScope() => Verify.VerifyAsync(@"using Microsoft.AspNetCore.Identity;

namespace Microsoft.AspNetCore.Identity { public class PersonalDataAttribute : System.Attribute { } }

public class Customer
{
    public string {|#0:Email|} { get; set; } = """";
}
", @"using Microsoft.AspNetCore.Identity;

namespace Microsoft.AspNetCore.Identity { public class PersonalDataAttribute : System.Attribute { } }

public class Customer
{
    [Residency.PersonalData(""contact.email"")]
    public string Email { get; set; } = """";
}
", Res006(0));
    }
}
