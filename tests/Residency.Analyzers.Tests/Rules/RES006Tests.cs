using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Model;
using Residency.Analyzers.Tests.Verifiers;
using FlowVerify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataNamingAnalyzer>;

namespace Residency.Analyzers.Tests.Rules
{
    public class RES006Tests
    {
        /// <summary>Member names (with their type) that hold personal data, and the category the fix will write.</summary>
        public static readonly (string Name, string Type, string Category)[] PersonalNames =
        {
            // English
            ("Email", "string", "contact.email"), ("EmailAddress", "string", "contact.email"), ("ContactEmail", "string", "contact.email"),
            ("Mail", "string", "contact.email"), ("PhoneNumber", "string", "contact.phone_number"), ("HomePhone", "string", "contact.phone_number"),
            ("MobileNumber", "string", "contact.phone_number"), ("Mobile", "string", "contact.phone_number"), ("Telephone", "string", "contact.phone_number"),
            ("FirstName", "string", "name.first"), ("GivenName", "string", "name.first"), ("LastName", "string", "name.last"),
            ("Surname", "string", "name.last"), ("FamilyName", "string", "name.last"), ("FullName", "string", "name"), ("MiddleName", "string", "name"),
            ("Name", "string", "name"),
            ("DateOfBirth", "System.DateTime", "demographic.date_of_birth"), ("BirthDate", "System.DateOnly?", "demographic.date_of_birth"),
            ("Birthday", "System.DateTimeOffset", "demographic.date_of_birth"), ("Dob", "string", "demographic.date_of_birth"),
            ("StreetAddress", "string", "contact.address.street"), ("AddressLine1", "string", "contact.address.street"), ("Street", "string", "contact.address.street"),
            ("HouseNumber", "string", "contact.address.street"), ("PostalCode", "string", "contact.address.postal_code"), ("ZipCode", "string", "contact.address.postal_code"),
            ("Postcode", "string", "contact.address.postal_code"), ("Address", "string", "contact.address"), ("BillingAddress", "string", "contact.address"),
            ("Iban", "string", "financial.bank_account"), ("BankAccountNumber", "string", "financial.bank_account"), ("CardNumber", "string", "financial.credit_card"),
            ("CreditCardNumber", "string", "financial.credit_card"), ("PassportNumber", "string", "government_id.passport_number"),
            ("NationalId", "string", "government_id.national_identification_number"), ("SocialSecurityNumber", "string", "government_id.national_identification_number"),
            ("Ssn", "string", "government_id.national_identification_number"), ("TaxId", "string", "government_id.national_identification_number"),
            ("DriversLicenseNumber", "string", "government_id.drivers_license_number"),
            ("IpAddress", "string", "device.ip_address"), ("ClientIp", "string", "device.ip_address"), ("LastLoginIp", "System.Net.IPAddress", "device.ip_address"),
            ("Latitude", "double", "location.precise"), ("Longitude", "double", "location.precise"), ("GeoLocation", "string", "location.precise"),
            ("user_email", "string", "contact.email"), ("phone_number", "string", "contact.phone_number"),

            // German
            ("Vorname", "string", "name.first"), ("Nachname", "string", "name.last"), ("Geburtsdatum", "System.DateTime", "demographic.date_of_birth"),
            ("Strasse", "string", "contact.address.street"), ("Straße", "string", "contact.address.street"), ("Hausnummer", "string", "contact.address.street"),
            ("Postleitzahl", "string", "contact.address.postal_code"), ("Plz", "string", "contact.address.postal_code"), ("Telefonnummer", "string", "contact.phone_number"),
            ("Handynummer", "string", "contact.phone_number"), ("Kontonummer", "string", "financial.bank_account"), ("SteuerId", "string", "government_id.national_identification_number"),
            ("Anschrift", "string", "contact.address"), ("Wohnort", "string", "contact.address"), ("Reisepassnummer", "string", "government_id.passport_number"),
            ("EMailAdresse", "string", "contact.email"),

            // French
            ("Prenom", "string", "name.first"), ("Prénom", "string", "name.first"), ("NomDeFamille", "string", "name.last"), ("DateDeNaissance", "System.DateTime", "demographic.date_of_birth"),
            ("Courriel", "string", "contact.email"), ("Adresse", "string", "contact.address"), ("CodePostal", "string", "contact.address.postal_code"),
            ("NumeroDeTelephone", "string", "contact.phone_number"), ("Passeport", "string", "government_id.passport_number"),

            // Spanish
            ("Apellido", "string", "name.last"), ("Apellidos", "string", "name.last"), ("FechaDeNacimiento", "System.DateTime", "demographic.date_of_birth"),
            ("FechaNacimiento", "System.DateTime", "demographic.date_of_birth"), ("CorreoElectronico", "string", "contact.email"), ("Direccion", "string", "contact.address"),
            ("Dirección", "string", "contact.address"), ("CodigoPostal", "string", "contact.address.postal_code"), ("Telefono", "string", "contact.phone_number"),
            ("Dni", "string", "government_id.national_identification_number"), ("Pasaporte", "string", "government_id.passport_number"),

            // Italian
            ("Cognome", "string", "name.last"), ("CodiceFiscale", "string", "government_id.national_identification_number"),
            ("DataDiNascita", "System.DateTime", "demographic.date_of_birth"), ("Indirizzo", "string", "contact.address"), ("Cellulare", "string", "contact.phone_number"),
            ("Passaporto", "string", "government_id.passport_number"), ("CodicePostale", "string", "contact.address.postal_code"),

            // Address parts, card holder and security code, user and buyer names, display names, user agents.
            ("City", "string", "contact.address.city"), ("BillingCity", "string", "contact.address.city"), ("State", "string", "contact.address.state"),
            ("ShippingState", "string", "contact.address.state"), ("StateOrProvince", "string", "contact.address.state"), ("Zip", "string", "contact.address.postal_code"),
            ("AddressStreet", "string", "contact.address.street"), ("CardHolderName", "string", "name"), ("CardholderName", "string", "name"),
            ("NameOnCard", "string", "name"), ("CardSecurityCode", "string", "financial.credit_card"), ("Cvv", "string", "financial.credit_card"),
            ("UserName", "string", "account.username"), ("BuyerName", "string", "name"), ("ApplicantName", "string", "name"), ("applicantName", "string", "name"), ("PassengerName", "string", "name"), ("DisplayName", "string", "name"),
            ("UserAgent", "string", "device.user_agent"), ("LastUserAgent", "string", "device.user_agent"),
        };

        /// <summary>Names that mention a kind of personal data but do not hold it (settings, flags, templates, technical names).</summary>
        public static readonly (string Name, string Type)[] NonPersonalNames =
        {
            ("EmailTemplateId", "int"), ("PhoneNumberConfirmed", "bool"), ("AddressFormat", "string"), ("IsEmailVerified", "bool"), ("EmailSettings", "string"),
            ("SmtpHost", "string"), ("StreetView", "string"), ("MailboxCount", "int"), ("NameSpace", "string"), ("FileName", "string"), ("TypeName", "string"),
            ("DisplayNameKey", "string"), ("EmailSubject", "string"), ("EmailBody", "string"), ("EmailEnabled", "bool"), ("MaxEmailLength", "int"),
            ("PhoneNumberRegex", "string"), ("ZipFileName", "string"), ("ZipArchivePath", "string"), ("BaseAddress", "string"), ("ServerAddress", "string"),
            ("MobileAppVersion", "string"), ("Microphone", "string"), ("PhoneticSpelling", "string"), ("TypeFullName", "string"), ("AssemblyFullName", "string"),
            ("SyntaxId", "int"), ("IpRange", "string"), ("AllowedIpAddresses", "string"), ("BirthdayDiscountPercent", "decimal"), ("PostcodeLookupUrl", "string"),
            ("EmailQueueName", "string"), ("MailServer", "string"), ("EmailProvider", "string"), ("EmailDomain", "string"), ("CardType", "string"),
            ("CardNumberMask", "string"), ("FirstNameLabel", "string"), ("LastNameMaxLength", "int"), ("DobFormat", "string"), ("CompanyAddress", "string"),
            ("ProductName", "string"), ("CountryName", "string"), ("AddressId", "int"), ("EmailTemplate", "string"), ("PhoneNumberPlaceholder", "string"),
            ("StreetNameColumn", "string"), ("DateOfBirthRequired", "bool"), ("SsnValidationPattern", "string"), ("IbanValidator", "string"),
            ("ContactVia", "string"), ("HostName", "string"), ("MachineName", "string"), ("CultureName", "string"), ("OrderNumber", "string"),
            ("TrackingNumber", "string"), ("InvoiceNumber", "string"), ("Currency", "string"), ("TimeZone", "string"), ("EmailStatus", "string"),
            ("ShippingAddressId", "System.Guid"), ("AddressKind", "AddressKind"), ("HasPhone", "bool"), ("LocalAddress", "string"), ("MacAddressFormat", "string"),
            ("GeolocationAccuracy", "double"), ("StoreLatitude", "double"), ("EmailsSentCount", "int"), ("Address", "AddressKind"),
            ("CityId", "int"), ("StateCode", "string"), ("UserAgentPolicy", "string"), ("Capacity", "string"), ("CityCount", "int"),
        };

        private static DiagnosticResult Res006(int markup, string member, string category) =>
            new DiagnosticResult("RES006", DiagnosticSeverity.Info).WithLocation(markup).WithArguments(member, category);

        [Fact]
        public Task PersonalNamesAreFlaggedWithTheirCategory()
        {
            var source = new StringBuilder("public class CustomerDto\n{\n");
            var expected = new List<DiagnosticResult>();
            for (int i = 0; i < PersonalNames.Length; i++)
            {
                var (name, type, category) = PersonalNames[i];
                source.Append($"    public {type} {{|#{i}:{name}|}} {{ get; set; }}\n");
                expected.Add(Res006(i, "CustomerDto." + name, category));
            }

            source.Append("}\n");
            Assert.True(PersonalNames.Length >= 40);
            return Verify.VerifyAsync(source.ToString(), expected.ToArray());
        }

        [Fact]
        public Task NonPersonalNamesAreNotFlagged()
        {
            var source = new StringBuilder("public enum AddressKind { Home, Work }\npublic class CustomerDto\n{\n");
            foreach (var (name, type) in NonPersonalNames)
            {
                source.Append($"    public {type} {name} {{ get; set; }}\n");
            }

            source.Append("}\n");
            Assert.True(NonPersonalNames.Length >= 40);
            return Verify.VerifyAsync(source.ToString());
        }

        [Theory]
        [InlineData("Customer", true)]
        [InlineData("User", true)]
        [InlineData("Employee", true)]
        [InlineData("Patient", true)]
        [InlineData("Person", true)]
        [InlineData("Contact", true)]
        [InlineData("Member", true)]
        [InlineData("Applicant", true)]
        [InlineData("CustomerDto", true)]
        [InlineData("UserEntity", true)]
        [InlineData("EmployeeViewModel", true)]
        [InlineData("Product", false)]
        [InlineData("CustomerGroup", false)]
        [InlineData("Country", false)]
        [InlineData("Role", false)]
        [InlineData("Department", false)]
        [InlineData("MemberInfo", false)]
        [InlineData("DataMember", false)]
        [InlineData("HttpClient", false)]
        [InlineData("FileEntry", false)]
        public Task PlainNameOnlyOnPersonTypes(string type, bool flagged) => flagged
            ? Verify.VerifyAsync($"public class {type} {{ public string {{|#0:Name|}} {{ get; set; }} = \"\"; }}", Res006(0, type + ".Name", "name"))
            : Verify.VerifyAsync($"public class {type} {{ public string Name {{ get; set; }} = \"\"; }}");

        [Fact]
        public Task ServicesOptionsAndAttributesAreNotDataCarryingTypes() => Verify.VerifyAsync(@"
public class SmtpOptions { public string FromEmail { get; set; } = """"; public string SenderEmail { get; set; } = """"; public string Host { get; set; } = """"; }
public class EmailSettings { public string ReplyToEmail { get; set; } = """"; }
public class NotificationService { private readonly string _adminEmail = """"; public string SupportPhone { get; set; } = """"; }
public class CrmClient { public string AccountEmail { get; set; } = """"; }
public sealed class MaskAttribute : System.Attribute { public string Email { get; set; } = """"; }
public class Client { public string {|#0:Email|} { get; set; } = """"; }
", Res006(0, "Client.Email", "contact.email"));

        // A message's or form's sender is a person (a field test's chat widget); the application's configured sender
        // address is in an options type, which carries no personal data (above).
        [Fact]
        public Task ASendersAddressOnAMessageIsFlagged() => Verify.VerifyAsync(@"
public sealed record PortalChatMessage(string {|#0:SenderEmail|}, string Text);
public sealed class ContactForm { public string {|#1:SenderEmail|} { get; set; } = """"; public string SenderName { get; set; } = """"; }
", Res006(0, "PortalChatMessage.SenderEmail", "contact.email"), Res006(1, "ContactForm.SenderEmail", "contact.email"));

        [Fact]
        public Task FieldsRecordsAndPrimaryConstructorsAreCovered() => Verify.VerifyAsync(@"
public class Lead { private string {|#0:_email|} = """"; public string {|#1:phone|} = """"; }
public record Contact(string {|#2:Email|}, int Age);
public class Applicant(string {|#3:passportNumber|}, int score) { public int Score => score; public string Doc => passportNumber; }
", Res006(0, "Lead._email", "contact.email"), Res006(1, "Lead.phone", "contact.phone_number"),
            Res006(2, "Contact.Email", "contact.email"), Res006(3, "Applicant.passportNumber", "government_id.passport_number"));

        [Fact]
        public Task AnnotatedOrOtherwiseClassifiedMembersAreNotFlagged() => Verify.VerifyAsync(@"
using Residency;
namespace Microsoft.AspNetCore.Identity { [System.AttributeUsage(System.AttributeTargets.Property)] public class PersonalDataAttribute : System.Attribute { } }
public class Customer
{
    [PersonalData(""contact.email"")] public string Email { get; set; } = """";
    [Microsoft.AspNetCore.Identity.PersonalData] public string Phone { get; set; } = """";
    [SpecialCategoryData(""health"")] public string Diagnosis { get; set; } = """";
}
[PersonalData(Subject = ""patient"")]
public class Patient { public string FirstName { get; set; } = """"; }
public record Lead([property: PersonalData(""contact.email"")] string Email);
public class Static { public static string Email = """"; public const string SupportEmail = ""help@example.com""; }
public class Applicant
{
    [PersonalData(""name.first"")] public string FirstName { get; set; } = """";
    [PersonalData(""name.last"")] public string LastName { get; set; } = """";
    public string FullName => $""{FirstName} {LastName}"";
    public string DisplayName { get { return LastName.ToUpperInvariant() + "", "" + FirstName; } }
}
");

        // A computed property that returns nothing personal by the flow rules is still a candidate by its name.
        [Fact]
        public Task AComputedPropertyOverUnannotatedMembersIsFlagged() => Verify.VerifyAsync(@"
public class Applicant
{
    public string Given { get; set; } = """";
    public string Family { get; set; } = """";
    public string {|#0:FullName|} => $""{Given} {Family}"";
}
", Res006(0, "Applicant.FullName", "name"));

        [Theory]
        [InlineData("FileSystemInfo", "FullName")]
        [InlineData("ZipArchiveEntry", "FullName")]
        [InlineData("TypeDescriptor", "FullName")]
        [InlineData("IPEndPoint", "Address")]
        [InlineData("PingReply", "Address")]
        [InlineData("SectionHeader", "VirtualAddress")]
        [InlineData("PEHeader", "AddressOfEntryPoint")]
        [InlineData("IPGlobalStatistics", "NumberOfIPAddresses")]
        [InlineData("IPGlobalStatistics", "ReceivedPacketsWithAddressErrors")]
        [InlineData("UnicastIPAddressInformation", "AddressPreferredLifetime")]
        public void TechnicalTypesFromTheBclAreNotFlagged(string type, string member) => Assert.Null(NameHeuristics.ClassifyName(member, type));

        [Theory]
        [InlineData("OrderDto", "FullName", "name")]
        [InlineData("Shipment", "Address", "contact.address")]
        [InlineData("LoginAudit", "Ip", "device.ip_address")]
        public void GenericKeywordsStillCountOnBusinessTypes(string type, string member, string category) =>
            Assert.Equal(category, NameHeuristics.ClassifyName(member, type)?.Category);

        [Theory]
        [InlineData("EmailTemplateId")]
        [InlineData("PhoneNumberConfirmed")]
        [InlineData("AddressFormat")]
        [InlineData("IsEmailVerified")]
        [InlineData("TypeFullName")]
        [InlineData("Microphone")]
        public void HeuristicsExcludeNamesAboutTheData(string name) => Assert.Null(NameHeuristics.ClassifyName(name, "Customer"));

        [Fact]
        public Task InferredMembersAreSourcesWhenResidencyInferPersonalDataIsTrue() => FlowVerify.VerifyAsync(@"
using Residency;
public class Customer { public string Email { get; set; } = """"; public string Notes { get; set; } = """"; }
public class Crm { [DataSink(""US"")] public void Send(string payload) { } }
class Service
{
    void Run(Customer c, Crm crm) { {|#0:crm.Send(c.Email)|}; crm.Send(c.Notes); }
}", new[] { ("ResidencyInferPersonalData", "true") },
            FlowVerify.Diagnostic("RES001").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("Customer.Email (contact.email) [inferred from names]", "Crm.Send", "US (United States)", "EEA;Adequate", "Run → Crm.Send"));

        // Inference covers the members RES006 flags: the application's own. A mail library's EmailAddress.Email and
        // SendGridMessage.IpPoolName made a message of fixed text to a fixed address a flow (a field test).
        [Fact]
        public async Task ALibrarysMembersAreNotInferred()
        {
            var test = new FlowVerify.Test
            {
                TestCode = @"
using Residency;
using Vendor.Mail;
public class Crm { [DataSink(""US"")] public void Send(object payload) { } public void SendText(string text) { } }
class Service
{
    void Run(Crm crm, string poolName)
    {
        var message = new Message { From = new EmailAddress(""ops@example.com""), IpPoolName = ""transactional"" };
        crm.Send(message);
        crm.SendText(message.From.Email);
    }
}",
            };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Vendor.Mail", @"
namespace Vendor.Mail
{
    public class EmailAddress { public EmailAddress(string email) { Email = email; } public string Email { get; set; } }
    public class Message { public EmailAddress From { get; set; } = null!; public string IpPoolName { get; set; } = """"; }
}"));
            test.TestState.AnalyzerConfigFiles.Add(TestReferences.GlobalConfig(new[] { ("ResidencyInferPersonalData", "true") }));
            await test.RunAsync(System.Threading.CancellationToken.None);
        }

        // Another project of the same build is the application's own: a project reference resolves to its obj/ or bin/
        // directory, and its members are inferred as in its own compilation (a solution's Shop.Api sending Shop.Core's
        // Customer.FullName).
        [Fact]
        public async Task AnotherProjectOfTheBuildIsInferred()
        {
            var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "res006-" + System.Guid.NewGuid().ToString("N"), "Shop.Core", "obj", "Debug", "net10.0", "ref");
            System.IO.Directory.CreateDirectory(directory);
            var path = System.IO.Path.Combine(directory, "Shop.Core.dll");
            try
            {
                var core = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                    "Shop.Core",
                    new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Shop.Core { public class Customer { public string FullName { get; set; } = \"\"; public string Notes { get; set; } = \"\"; } }") },
                    TestReferences.All,
                    new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                Assert.True(core.Emit(path).Success);

                var test = new FlowVerify.Test
                {
                    TestCode = @"
using Residency;
using Shop.Core;
public class Crm { [DataSink(""US"")] public void Send(string payload) { } }
class Service
{
    void Run(Customer c, Crm crm) { {|#0:crm.Send(c.FullName)|}; crm.Send(c.Notes); }
}",
                };
                test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(path));
                test.TestState.AnalyzerConfigFiles.Add(TestReferences.GlobalConfig(new[] { ("ResidencyInferPersonalData", "true") }));
                test.ExpectedDiagnostics.Add(FlowVerify.Diagnostic("RES001").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("Customer.FullName (name) [inferred from names]", "Crm.Send", "US (United States)", "EEA;Adequate", "Run → Crm.Send"));
                await test.RunAsync(System.Threading.CancellationToken.None);
            }
            finally
            {
                System.IO.Directory.Delete(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(directory)))))!, recursive: true);
            }
        }

        [Theory]
        [InlineData("EthnicOrigin", "racial-or-ethnic-origin")]
        [InlineData("Ethnicity", "racial-or-ethnic-origin")]
        [InlineData("Diagnosis", "health")]
        [InlineData("MedicalHistory", "health")]
        [InlineData("Disability", "health")]
        [InlineData("Allergies", "health")]
        [InlineData("Religion", "religious-beliefs")]
        [InlineData("Religionszugehörigkeit", "religious-beliefs")]
        [InlineData("PoliticalAffiliation", "political-opinions")]
        [InlineData("TradeUnionMember", "trade-union-membership")]
        [InlineData("SexualOrientation", "sex-life-or-orientation")]
        [InlineData("CriminalRecord", "criminal-offences")]
        [InlineData("Fingerprint", "biometric")]
        [InlineData("GeneticMarkers", "genetic")]
        public void SpecialCategoryNames(string name, string special)
        {
            var inferred = NameHeuristics.ClassifyName(name, "Candidate");
            Assert.NotNull(inferred);
            Assert.Equal(special, inferred!.SpecialCategory);
        }

        [Theory]
        [InlineData("RaceCondition")]
        [InlineData("ScreenOrientation")]
        [InlineData("DiagnosisCodeFormat")]
        [InlineData("DisabilityId")]
        [InlineData("IsDisabled")]
        public void NotSpecialCategoryNames(string name) => Assert.Null(NameHeuristics.ClassifyName(name, "Candidate")?.SpecialCategory);

        [Fact]
        public Task InferredSpecialCategoryDataIsRes002() => FlowVerify.VerifyAsync(@"
using Residency;
public class Survey { public string Disability { get; set; } = """"; }
public class Crm { [DataSink(""US"")] public void Send(string payload) { } }
class Service
{
    void Run(Survey s, Crm crm) { {|#0:crm.Send(s.Disability)|}; }
}", new[] { ("ResidencyInferPersonalData", "true") },
            FlowVerify.Diagnostic("RES002").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

        [Fact]
        public Task UnannotatedMembersAreNotSourcesByDefault() => FlowVerify.VerifyAsync(@"
using Residency;
public class Customer { public string Email { get; set; } = """"; }
public class Crm { [DataSink(""US"")] public void Send(string payload) { } }
class Service
{
    void Run(Customer c, Crm crm) { crm.Send(c.Email); }
}");

        [Theory]
        [InlineData("Connection", "State")] // a connection's state, not an address part
        [InlineData("Order", "State")]
        [InlineData("CultureInfo", "DisplayName")] // a display name only on a person
        [InlineData("Product", "DisplayName")]
        [InlineData("TimeZoneInfo", "DisplayName")]
        public void AmbiguousNamesAreFlaggedOnlyOnPeopleAndAddresses(string type, string member) => Assert.Null(NameHeuristics.ClassifyName(member, type));

        [Theory]
        [InlineData("ShippingAddress", "State", "contact.address.state")]
        [InlineData("Customer", "State", "contact.address.state")]
        [InlineData("UserProfile", "DisplayName", "name")]
        [InlineData("Buyer", "Name", "name")]
        public void AmbiguousNamesOnPeopleAndAddresses(string type, string member, string category) =>
            Assert.Equal(category, NameHeuristics.ClassifyName(member, type)?.Category);

        [Fact]
        public Task TypeAndMemberNamesAreNotAPersonsName() => Verify.VerifyAsync(@"
public class CustomerEvent<T>
{
    public string Name => typeof(T).Name;
    public string DisplayName => GetType().Name;
    public string FullName { get { return typeof(T).FullName!; } }
    public string Email => nameof(Email);
}");

        [Fact]
        public Task PositionalRecordParametersAnnotatedOnTheParameterAreNotFlagged() => Verify.VerifyAsync(@"
using Residency;
public record ShippedEvent(int Id, [PersonalData(""name"")] string BuyerName, string {|#0:Email|});
", Res006(0, "ShippedEvent.Email", "contact.email"));

        [Fact]
        public void ListsHaveNoDuplicates()
        {
            Assert.Equal(PersonalNames.Length, PersonalNames.Select(p => p.Name).Distinct().Count());
            Assert.Equal(NonPersonalNames.Length, NonPersonalNames.Select(p => p.Name).Distinct().Count());
        }

        /// <summary>
        /// False-positive measurement on technical code: every public instance property and field of the .NET 8 reference
        /// assemblies (about 7,100 members) goes through the heuristics. Only MailAddress.Address (an email address
        /// indeed) may be flagged.
        /// </summary>
        [Fact]
        public void AlmostNothingInTheBclIsFlagged()
        {
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("probe", references: Basic.Reference.Assemblies.Net80.References.All);
            var heuristics = new NameHeuristics();
            var flagged = new SortedSet<string>();
            int total = 0;
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(compilation.GlobalNamespace);
            while (pending.Count > 0)
            {
                foreach (var member in pending.Pop().GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol container)
                    {
                        pending.Push(container);
                    }
                    else if (member is IPropertySymbol or IFieldSymbol && member.DeclaredAccessibility == Accessibility.Public && !member.IsStatic)
                    {
                        total++;
                        if (heuristics.Classify(member) is { } category)
                        {
                            flagged.Add($"{member.ContainingType.ToDisplayString()}.{member.Name} ({category.Category})");
                        }
                    }
                }
            }

            Assert.True(total > 5000, $"only {total} members probed");
            Assert.Equal(new[] { "System.Net.Mail.MailAddress.Address (contact.address)" }, flagged);
        }
    }
}
