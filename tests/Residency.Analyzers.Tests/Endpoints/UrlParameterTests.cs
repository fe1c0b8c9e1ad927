using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// A helper that sends to the URL it is given (<c>Post(string url, T body) =&gt; http.PostAsJsonAsync(url, body)</c>): the
    /// destination is read at each call of the helper, from the argument it passes (docs/endpoints.md "A URL given to a helper").
    /// </summary>
    public class UrlParameterTests
    {
        [Fact]
        public Task EachCallOfTheHelperGoesWhereItsArgumentSays() => VerifyAsync(@"
class Service(HttpClient http)
{
    Task Post(string url, string body) => http.PostAsJsonAsync(url, body);
    async Task Run(Customer customer)
    {
        await {|#0:Post(""https://api.openai.com/v1/responses"", customer.Email)|};
        await Post(""https://eu.api.openai.com/v1/responses"", customer.Email);
        await Post(""http://ordering-api/orders"", customer.Email);
        await {|#1:Post(""https://api.unlisted-crm.example/contacts"", customer.Email)|};
    }
}", Res001(0), Res003(1));

        [Fact]
        public async Task TheFindingsPathEndsAtTheResolvedSink()
        {
            var source = Usings + @"
class Service(HttpClient http)
{
    Task Send(string endpoint, string body) => http.PostAsJsonAsync(endpoint, body);
    Task Forward(string target, string body) => Send(target, body);
    Task Run(Customer customer) => Forward(""https://api.openai.com/v1/responses"", customer.Email);
}" + EndpointTest.Model;
            var compilation = CSharpCompilation.Create("c", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var findings = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PersonalDataFlowAnalyzer())).GetAnalyzerDiagnosticsAsync();
            var finding = Assert.Single(findings, d => d.Id == "RES001");
            Assert.Contains("path: Run → Forward → Send → HTTP POST api.openai.com", finding.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public Task TheUrlGoesThroughSeveralHelpers() => VerifyAsync(@"
class Service(HttpClient http)
{
    Task Send(string endpoint, string body) => http.PostAsJsonAsync(endpoint, body);
    Task Forward(string target, string body) => Send(target, body);
    const string OpenAi = ""https://api.openai.com/v1"";
    async Task Run(Customer customer)
    {
        await {|#0:Forward(OpenAi + ""/responses"", customer.Email)|};
        await Forward(""https://eu.api.openai.com/v1/responses"", customer.Email);
    }
}", Res001(0));

        [Fact]
        public Task AUrlTheHelperBuildsFromItsParameters() => VerifyAsync(@"
class Service(HttpClient http)
{
    Task Post(string baseUrl, string body) => http.PostAsJsonAsync($""{baseUrl}/responses?v=1"", body);
    Task Put(string host, string path, string body)
    {
        var url = ""https://"" + host + ""/"" + path;
        return http.PutAsJsonAsync(url, body);
    }

    async Task Run(Customer customer)
    {
        await {|#0:Post(""https://api.openai.com/v1"", customer.Email)|};
        await Post(""https://eu.api.openai.com/v1"", customer.Email);
        await {|#1:Put(""api.openai.com"", ""v1/files"", customer.Email)|};
        await Put(""eu.api.openai.com"", ""v1/files"", customer.Email);
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task ABuiltUrlGoesThroughSeveralHelpers() => VerifyAsync(@"
class Service(HttpClient http)
{
    Task Send(string root, string body) => http.PostAsJsonAsync(root + ""/responses"", body);
    Task Forward(string version, string body) => Send($""https://api.openai.com/{version}"", body);
    Task Relay(string host, string body) => Send($""https://{host}/v1"", body);
    async Task Run(Customer customer)
    {
        await {|#0:Forward(""v1"", customer.Email)|};
        await {|#1:Relay(""api.openai.com"", customer.Email)|};
        await Relay(""eu.api.openai.com"", customer.Email);
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task AnOmittedArgumentIsItsDefault() => VerifyAsync(@"
class Service(HttpClient http)
{
    Task Post(string body, string url = ""https://api.openai.com/v1/responses"") => http.PostAsJsonAsync(url, body);
    async Task Run(Customer customer)
    {
        await {|#0:Post(customer.Email)|};
        await Post(customer.Email, ""https://eu.api.openai.com/v1/responses"");
    }
}", Res001(0));

        [Fact]
        public Task AConfigurationKeyAtTheCallIsResolved() => VerifyAsync(@"
using Microsoft.Extensions.Configuration;
class Service(HttpClient http, IConfiguration configuration)
{
    Task Post(string url, string body) => http.PostAsJsonAsync(url, body);
    async Task Run(Customer customer)
    {
        await {|#0:Post(configuration[""Crm:Url""]!, customer.Email)|};
        await Post(configuration[""Billing:Url""]!, customer.Email);
    }
}" + ExtensionsStubs, new[] { ("appsettings.json", @"{ ""Crm"": { ""Url"": ""https://api.openai.com/v1"" }, ""Billing"": { ""Url"": ""https://eu.api.openai.com/v1"" } }") }, null, Res001(0));

        [Fact]
        public Task ARelativePathGoesToTheClientsBaseAddress() => VerifyAsync(@"
class CrmClient
{
    private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri(""https://api.openai.com/v1/"") };
    private readonly HttpClient _eu = new HttpClient { BaseAddress = new Uri(""https://eu.api.openai.com/v1/"") };
    Task Post(string path, string body) => _http.PostAsJsonAsync(path, body);
    Task PostEu(string path, string body) => _eu.PostAsJsonAsync(path, body);
    async Task Run(Customer customer)
    {
        await {|#0:Post(""responses"", customer.Email)|};
        await PostEu(""responses"", customer.Email);
        await PostEu(""https://eu.api.openai.com/v1/files"", customer.Email);
        await {|#1:PostEu(""https://api.openai.com/v1/files"", customer.Email)|};
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task AnHttpRequestMessageMadeFromTheParameter() => VerifyAsync(@"
class Service(HttpClient http)
{
    Task Send(string url, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body) };
        return http.SendAsync(request);
    }

    async Task Run(Customer customer)
    {
        await {|#0:Send(""https://api.openai.com/v1/responses"", customer.Email)|};
        await Send(""https://eu.api.openai.com/v1/responses"", customer.Email);
    }
}", Res001(0));

        [Fact]
        public Task AnUnresolvedArgumentStaysUnknownAndNamesWhatItIs() => VerifyAsync(@"
class Service(HttpClient http)
{
    Task Post(string url, string body) => http.PostAsJsonAsync(url, body);
    async Task Run(Customer customer, string where)
    {
        await {|#0:Post(where, customer.Email)|};
        await {|#1:Post(System.Environment.GetEnvironmentVariable(""CRM"")!, customer.Email)|};
    }
}", Res003(0), Res003(1));

        [Fact]
        public Task TheHelpersOwnReadsStayUnknown() => VerifyAsync(@"
class Service(HttpClient http)
{
    private readonly Customer _customer = new Customer();
    Task Post(string url) => {|#0:http.PostAsJsonAsync(url, _customer.Email)|};
    async Task Run()
    {
        await Post(""https://eu.api.openai.com/v1/responses"");
    }
}", Res003(0));
    }
}
