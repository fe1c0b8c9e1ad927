using System.Linq;
using System.Threading.Tasks;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using Xunit;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// System.Net.WebClient, the legacy HTTP client older code still uses: its upload methods send their data, its download
    /// methods the address (with its query), to the call's address when absolute, else to the client's <c>BaseAddress</c>.
    /// Before the catalogue entry every call was an unclassified recipient (RES008) and no finding was reported.
    /// </summary>
    public class WebClientTests
    {
        private const string Uses = "using System.Net;\nusing System.Collections.Specialized;\n";

        private static string Client(string body) => Uses + @"
class Crm
{
    public async Task Sync(Customer c)
    {
" + body + @"
    }
}";

        [Fact]
        public Task AnUploadToAUsApiIsAViolation() => EndpointTest.VerifyAsync(Client(@"
        using var client = new WebClient();
        client.Headers[HttpRequestHeader.ContentType] = ""application/json"";
        {|#0:client.UploadString(""https://api.hubapi.com/crm/v3/objects/contacts"", ""{\""email\"":\"""" + c.Email + ""\""}"")|};
        await {|#1:client.UploadStringTaskAsync(new Uri(""https://api.openai.com/v1/moderations""), c.Name)|};"), EndpointTest.Res001(0), EndpointTest.Res001(1));

        [Fact]
        public Task AnAddressCarryingPersonalDataInItsQueryIsSent() => EndpointTest.VerifyAsync(Client(@"
        using var client = new WebClient();
        var json = {|#0:client.DownloadString(""https://api.hunter.io/v2/email-verifier?email="" + c.Email)|};"), EndpointTest.Res003(0));

        [Fact]
        public Task AHelperDownloadingTheAddressItIsGivenGoesWhereEachCallSays() => EndpointTest.VerifyAsync(Uses + @"
class Lookup
{
    private readonly WebClient _web = new WebClient();
    private string Get(string address) => _web.DownloadString(address);
    public void Verify(Customer c)
    {
        {|#0:Get(""https://api.hubapi.com/contacts/v1/search?q="" + c.Email)|};
        Get(""https://api.eu.mailgun.net/v4/address/validate?address="" + c.Email);
    }
}", EndpointTest.Res001(0));

        [Fact]
        public Task AnEuHostIsAllowed() => EndpointTest.VerifyAsync(Client(@"
        using var client = new WebClient { BaseAddress = ""https://api.eu.mailgun.net/v3/"" };
        var form = new NameValueCollection { { ""to"", c.Email } };
        client.UploadValues(""acme.com/messages"", form);"));

        [Theory]
        [InlineData("using var client = new WebClient { BaseAddress = \"https://api.mailgun.net/v3/\" };", "WebClient.BaseAddress")]
        [InlineData("using var client = new WebClient(); client.BaseAddress = \"https://api.mailgun.net/v3/\";", "WebClient.BaseAddress")]
        [InlineData("using var client = new WebClient { BaseAddress = \"https://api.eu.mailgun.net/v3/\" }; var absolute = \"https://api.mailgun.net/v3/acme.com/messages\";", "UploadValues(address)")]
        public void TheAddressOrTheBaseAddressGivesTheHost(string client, string how)
        {
            var address = how.StartsWith("UploadValues") ? "absolute" : "\"acme.com/messages\"";
            var source = Client(client + "\n        client.UploadValues(" + address + ", new NameValueCollection { { \"to\", c.Email } });");
            var call = Assert.Single(SinkProbe.Resolve(source), s => s.Call.Contains("UploadValues"));
            var sink = Assert.Single(call.Sink.Sinks);
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.Equal("api.mailgun.net", sink.Host);
            Assert.Equal("US", sink.Region.Code);
            Assert.Contains(how, sink.ResolvedBy);
        }

        [Fact]
        public void ARelativeAddressWithoutABaseAddressIsUnknown()
        {
            var source = Client("using var client = new WebClient();\n        client.UploadString(\"crm/contacts\", c.Email);");
            var sink = Assert.Single(Assert.Single(SinkProbe.Resolve(source), s => s.Call.Contains("UploadString")).Sink.Sinks);
            Assert.Null(sink.Host);
            Assert.Equal("Unknown", sink.Region.Code);
        }

        [Fact]
        public Task ACallIsNoLongerAnUnclassifiedRecipient() =>
            EndpointTest.VerifyUnclassifiedAsync(Client(@"
        using var client = new WebClient();
        client.UploadString(""https://api.hubapi.com/crm/v3/objects/contacts"", c.Email);
        client.CancelAsync();"), null, System.Array.Empty<Microsoft.CodeAnalysis.MetadataReference>());
    }
}
