using System.IO;
using System.Text.RegularExpressions;

namespace Residency.EndToEnd.Tests
{
    /// <summary>The SupportDesk sample, built against the packed package exactly as README's first command does.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class SampleTests(PackageFixture package)
    {
        [Fact]
        public void SampleBuildReportsItsViolations()
        {
            var workspace = package.NewWorkspace("sample");
            var sample = Path.Combine(workspace, "SupportDesk");
            DotNet.CopyDirectory(Path.Combine(DotNet.RepositoryRoot, "samples", "SupportDesk"), sample);
            var result = DotNet.Run(sample, $"build -nologo -v:m -p:ResidencyPackageVersion={PackageFixture.Version} -p:UseSharedCompilation=false -nodeReuse:false");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Matches(new Regex(@"SupportService\.cs\(\d+,\d+\): warning RES001: Personal data Customer\.Email \(contact\.email\), Customer\.FullName \(name\) reaches CrmClient\.UpsertContactAsync"), result.Output);
            Assert.Matches(new Regex(@"SupportService\.cs\(\d+,\d+\): warning RES002: Special-category data .*Ticket\.MedicationNotes \(health\)"), result.Output);
            Assert.DoesNotContain("AD0001", result.Output);

            // HTTP: the prompt posted to api.openai.com (US) is resolved from the literal URL.
            Assert.Matches(new Regex(@"SupportService\.cs\(\d+,\d+\): warning RES001: Personal data Customer\.FullName \(name\), Ticket\.Body \(user_provided\) reaches HTTP POST api\.openai\.com \(recipient OpenAI\) in US"), result.Output);

            // The real OpenAI SDK: a ChatClient on its default host is the US; the one with Endpoint = eu.api.openai.com is allowed.
            Assert.Matches(new Regex(@"TicketSummarizer\.cs\(29,\d+\): warning RES001: .*reaches ChatClient\.CompleteChatAsync api\.openai\.com \(recipient OpenAI\) in US"), result.Output);
            Assert.DoesNotMatch(new Regex(@"TicketSummarizer\.cs\(36,"), result.Output);

            // A claim, with no annotation: the signed-in user's e-mail claim sent to the US CRM (the role claim beside it is not personal data).
            Assert.Matches(new Regex(@"AccountEndpoints\.cs\(38,\d+\): warning RES001: Personal data claim email \(contact\.email\) reaches CrmClient\.UpsertContactAsync \(recipient Acme CRM Inc\.\) in US"), result.Output);
            Assert.DoesNotMatch(new Regex(@"warning RES00\d: .*claim role"), result.Output);
            // Microsoft.Extensions.AI: an IChatClient made with AsIChatClient() from that ChatClient, behind UseFunctionInvocation(), is the same US host.
            Assert.Matches(new Regex(@"TicketAssistant\.cs\(27,\d+\): warning RES001: .*reaches IChatClient\.GetResponseAsync api\.openai\.com \(recipient OpenAI\) in US"), result.Output);

            // The caller that only builds the ticket is not where the data is read.
            Assert.DoesNotMatch(new Regex(@"Program\.cs\(\d+,\d+\): warning RES"), result.Output);
            Assert.Contains("Residency: 6 violations, 1 declared transfer, 0 unknown endpoints", result.Output);

            // The inventory names where the claim comes from.
            var inventory = File.ReadAllText(Path.Combine(sample, "bin", "Debug", "net10.0", "residency", "inventory.json"));
            Assert.Contains("\"origin\": \"claim email\"", inventory);
            // The analyzed anonymised call does not warn.
            Assert.DoesNotMatch(new Regex(@"warning RES00\d: .*ticket_opened"), result.Output);
        }
    }
}
