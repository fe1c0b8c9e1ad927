using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Sources.SourceTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Sources
{
    /// <summary>residency.json <c>sources</c>: members and claim types declared personal for code a team cannot annotate.</summary>
    public class ConfiguredSourceTests
    {
        private const string Library = @"
namespace Contoso.Auth
{
    public interface ICurrentUser { string Email { get; } string Tenant { get; } string Lookup(); }
    public sealed class CurrentUser : ICurrentUser { public string Email => """"; public string Tenant => """"; public string Lookup() => """"; }
    public class Badge { public string Holder = """"; public string Number { get; set; } = """"; public int Floor { get; set; } }
}
";

        private const string Json = @"{
  ""sources"": [
    { ""member"": ""Contoso.Auth.ICurrentUser.Email"", ""category"": ""contact.email"" },
    { ""member"": ""Contoso.Auth.ICurrentUser.Lookup"", ""category"": ""name"" },
    { ""member"": ""Contoso.Auth.Badge.*"", ""category"": ""unique_id"" },
    { ""claimType"": ""employee_no"", ""category"": ""unique_id"" },
    { ""claimType"": ""email"", ""personal"": false }
  ]
}";

        [Fact]
        public Task MembersDeclaredInResidencyJsonAreSources() => Verify.VerifyAspNetCoreAsync(Header + Library + @"
class H
{
    void M(Contoso.Auth.ICurrentUser user, Contoso.Auth.CurrentUser concrete, Contoso.Auth.Badge badge, Crm crm)
    {
        {|#0:crm.Send(user.Email)|};
        {|#1:crm.Send(concrete.Email)|};
        {|#2:crm.Send(user.Lookup())|};
        {|#3:crm.Send(badge.Holder)|};
        crm.Send(user.Tenant);
    }
}", Json,
            Res001(0, "ICurrentUser.Email (contact.email)", "M → Crm.Send"),
            Res001(1, "CurrentUser.Email (contact.email)", "M → Crm.Send"),
            Res001(2, "ICurrentUser.Lookup() (name)", "M → Crm.Send"),
            Res001(3, "Badge.Holder (unique_id)", "M → Crm.Send"));

        [Fact]
        public Task ClaimTypesDeclaredInResidencyJson() => Verify.VerifyAspNetCoreAsync(Header + @"
class H
{
    void M(ClaimsPrincipal user, Crm crm)
    {
        {|#0:crm.Send(user.FindFirstValue(""employee_no""))|};
        crm.Send(user.FindFirstValue(""email""));
    }
}", Json,
            Res001(0, "claim employee_no (unique_id)", "M → Crm.Send"));

        [Fact]
        public Task WithoutTheFileTheyAreNot() => Verify.VerifyAspNetCoreAsync(Header + Library + @"
class H { void M(Contoso.Auth.ICurrentUser user, Crm crm) { crm.Send(user.Email); } }");

        private static async Task VerifyConfigurationAsync(string code, string json, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerVerifier<ConfigurationValidationAnalyzer>.Test { TestCode = code };
            test.TestState.AdditionalFiles.Add(("residency.json", json));
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        private static DiagnosticResult Res004(int line, int column, string message) =>
            new DiagnosticResult("RES004", DiagnosticSeverity.Warning).WithSpan("residency.json", line, column, line, column + 1).WithMessage(message);

        [Fact]
        public Task ValidSourcesHaveNoDiagnostics() => VerifyConfigurationAsync(Library, Json);

        [Fact]
        public Task BadSourceEntriesAreRes004WithTheirLine() => VerifyConfigurationAsync(Library,
            "{\n  \"sources\": [\n    { \"member\": \"Email\", \"category\": \"contact.email\" },\n    { \"member\": \"Contoso.Auth.Badge.Number\" },\n    { \"claimType\": \"x\", \"member\": \"Contoso.Auth.Badge.Number\", \"category\": \"name\" },\n    { \"claimType\": \"y\", \"category\": \"name\", \"kind\": 1 },\n    { \"claimType\": \"\" }\n  ]\n}",
            Res004(3, 17, "residency.json: source member 'Email' must be a full type name + '.' + member name (or '.*' for every member)"),
            Res004(4, 5, "residency.json: source 'Contoso.Auth.Badge.Number' needs a 'category' (a fideslang key such as contact.email)"),
            Res004(5, 5, "residency.json: a source needs exactly one of 'member' (a full member name) and 'claimType'"),
            Res004(6, 53, "residency.json: source: unknown property 'kind' (expected member or claimType, category, personal, note)"),
            Res004(7, 20, "residency.json: 'claimType' must be a non-empty string"));

        [Fact]
        public Task SourcesThatMatchNothingAreRes004() => VerifyConfigurationAsync(Library,
            "{\n  \"sources\": [\n    { \"member\": \"Contoso.Auth.ICurrentUser.Mail\", \"category\": \"contact.email\" },\n    { \"member\": \"Contoso.Missing.User.*\", \"category\": \"name\" }\n  ]\n}",
            Res004(3, 5, "residency.json: source `Contoso.Auth.ICurrentUser.Mail` matches no member (Contoso.Auth.ICurrentUser has no member Mail)"),
            Res004(4, 5, "residency.json: source `Contoso.Missing.User.*` matches no member (no type Contoso.Missing.User in the compilation or its references)"));

        private const string Mail = @"
namespace MailKit { public abstract class MailTransport { public System.Threading.Tasks.Task SendAsync(string message) => System.Threading.Tasks.Task.CompletedTask; } }
namespace MailKit.Net.Smtp { public class SmtpClient : MailKit.MailTransport { public void Connect(string host) { } } }
";

        [Fact]
        public Task SinksThatMatchNothingAreRes004() => VerifyConfigurationAsync(Mail,
            "{\n  \"sinks\": [\n    { \"method\": \"MailKit.Net.Smtp.SmtpClient.SendAsync\", \"region\": \"US\" },\n    { \"method\": \"MailKit.Net.Smtp.SmtpClient.SendMail\", \"region\": \"US\" },\n    { \"method\": \"MailKit.Net.Imap.ImapClient.*\", \"region\": \"US\" }\n  ]\n}",
            Res004(4, 1, "residency.json: sink `MailKit.Net.Smtp.SmtpClient.SendMail` matches no method (SmtpClient has no method SendMail)"),
            Res004(5, 1, "residency.json: sink `MailKit.Net.Imap.ImapClient.*` matches no method (no type MailKit.Net.Imap.ImapClient in the compilation or its references)"));

        [Fact]
        public Task ASinkDeclaredOnABaseTypeMatchesWhenNamedByTheDerivedType() => Verify.VerifyAspNetCoreAsync(Header + Mail + @"
class H
{
    async Task M(ClaimsPrincipal user, MailKit.Net.Smtp.SmtpClient smtp, MailKit.MailTransport other)
    {
        await {|#0:smtp.SendAsync(user.FindFirstValue(ClaimTypes.Email)!)|};
        await other.SendAsync(user.FindFirstValue(ClaimTypes.Email)!);
    }
}", "{ \"sinks\": [ { \"method\": \"MailKit.Net.Smtp.SmtpClient.SendAsync\", \"region\": \"US\", \"recipient\": \"Mailgun\" } ] }",
            Verify.Diagnostic("RES001").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("claim email (contact.email)", "SmtpClient.SendAsync (recipient Mailgun)", "US (United States)", "EEA;Adequate", "M → SmtpClient.SendAsync"));
    }
}
