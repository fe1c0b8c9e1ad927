using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    public class ResidencyJsonTests
    {
        private const string Example = @"{
  ""$schema"": ""../schemas/residency.schema.json"",
  ""hosts"": [
    { ""pattern"": ""crm.contoso.com"", ""region"": ""US"", ""recipient"": ""Contoso CRM Inc."", ""euAlternative"": ""crm.contoso.eu"" },
    { ""pattern"": ""crm.contoso.eu"", ""region"": ""IE"", ""recipient"": ""Contoso CRM Ltd."" },
    { ""pattern"": ""{tenant}.{region:contosoCloud}.contoso-cloud.net"", ""region"": ""{region}"", ""recipient"": ""Contoso Cloud"" },
    { ""pattern"": ""api.cohere.com"", ""region"": ""US"", ""recipient"": ""Cohere"" }
  ],
  ""regionMaps"": { ""contosoCloud"": { ""weu"": ""NL"", ""eus"": ""US"" } },
  ""sdks"": [
    {
      ""types"": [ ""Contoso.Crm.CrmClient"" ],
      ""matchDerived"": true,
      ""recipient"": ""Contoso CRM Inc."",
      ""defaultHost"": ""crm.contoso.com"",
      ""endpoint"": { ""optionsType"": ""Contoso.Crm.CrmClientOptions"", ""optionsProperty"": ""BaseAddress"", ""constructorParameters"": [ ""baseAddress"" ] }
    }
  ],
  ""sinks"": [
    { ""method"": ""Contoso.Legacy.Mailer.Send"", ""region"": ""DE"", ""recipient"": ""Contoso Mail GmbH"" },
    { ""method"": ""Contoso.Legacy.Mailer.SendUs"", ""region"": ""US"" },
    { ""method"": ""Contoso.Telemetry.Uploader.*"", ""region"": ""Unknown"" }
  ],
  ""configKeys"": { ""Crm:BaseUrl"": ""https://crm.contoso.eu"" },
  ""internalHosts"": [ ""*.corp.contoso.com"" ]
}";

        private static readonly (string, string)[] Files = { ("residency.json", Example) };

        private const string Library = @"
namespace Contoso.Legacy { public class Mailer { public void Send(string body) { } public void SendUs(string body) { } } }
namespace Contoso.Telemetry { public static class Uploader { public static void Track(string e) { } public static void Flush(object o) { } } }
namespace Contoso.Crm
{
    public class CrmClientOptions { public Uri? BaseAddress { get; set; } }
    public class CrmClient { public CrmClient() { } public CrmClient(Uri baseAddress) { } public CrmClient(CrmClientOptions options) { } public void Push(string data) { } }
    public class SpecialCrmClient : CrmClient { }
}
";

        [Fact]
        public Task UserHostsExtendAndOverrideTheCatalogue() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(""https://crm.contoso.com/api"", customer.Email)|};
        await http.PostAsJsonAsync(""https://crm.contoso.eu/api"", customer.Email);
        await http.PostAsJsonAsync(""https://acme.weu.contoso-cloud.net/api"", customer.Email);
        await {|#1:http.PostAsJsonAsync(""https://acme.eus.contoso-cloud.net/api"", customer.Email)|};
        await {|#2:http.PostAsJsonAsync(""https://api.cohere.com/v2/chat"", customer.Email)|};
        await http.PostAsJsonAsync(""https://wiki.corp.contoso.com/api"", customer.Email);
    }
}", Files, null, Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task CohereIsUnknownWithoutTheOverride() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(""https://api.cohere.com/v2/chat"", customer.Email)|};
    }
}", Res003(0));

        [Fact]
        public Task ConfiguredSinkMethods() => VerifyAsync(@"
class Service
{
    void Run(Contoso.Legacy.Mailer mailer, Customer customer)
    {
        mailer.Send(customer.Email);
        {|#0:mailer.SendUs(customer.Email)|};
        {|#1:Contoso.Telemetry.Uploader.Track(customer.Name)|};
        {|#2:Contoso.Telemetry.Uploader.Flush(customer)|};
    }
}" + Library, Files, null, Res001(0), Res003(1), Res003(2));

        // "Type.*" covers the public methods callers call: a field test's "DbContext.*" made the derived context's
        // constructor initializer and its base.OnModelCreating(builder) transfers carrying every entity's data.
        [Fact]
        public Task WildcardSinksCoverPublicMethodsNotConstructorsOrProtectedOnes() => VerifyAsync(@"
namespace Contoso.Data
{
    public abstract class Store
    {
        protected Store(string connection) { }
        protected virtual void OnConfigure(string value) { }
        public void Save(string value) { }
    }
}
class CustomerStore : Contoso.Data.Store
{
    public CustomerStore(Customer customer) : base(customer.Email) { }
    protected override void OnConfigure(string value) => base.OnConfigure(value);
    public void Keep(Customer customer)
    {
        OnConfigure(customer.Name);
        base.OnConfigure(customer.Name);
        {|#0:Save(customer.Email)|};
    }
}", new[] { ("residency.json", @"{ ""sinks"": [ { ""method"": ""Contoso.Data.Store.*"", ""region"": ""US"", ""recipient"": ""Contoso"" } ] }") }, null, Res001(0));

        [Fact]
        public Task ConfigKeysGiveValuesNoAppSettingsHas() => VerifyAsync(@"
using Microsoft.Extensions.Configuration;
class Service
{
    async Task Run(IConfiguration config, HttpClient http, Customer customer)
    {
        await http.PostAsJsonAsync(config[""Crm:BaseUrl""] + ""/api"", customer.Email);
    }
}" + ExtensionsStubs, Files, null);

        [Fact]
        public Task UserSdkTypes() => VerifyAsync(@"
using Contoso.Crm;
class Service
{
    void Run(Customer customer)
    {
        {|#0:new CrmClient().Push(customer.Email)|};
        new CrmClient(new Uri(""https://crm.contoso.eu"")).Push(customer.Email);
        new CrmClient(new CrmClientOptions { BaseAddress = new Uri(""https://crm.contoso.eu"") }).Push(customer.Email);
        {|#1:new SpecialCrmClient().Push(customer.Email)|};
    }
}" + Library, Files, null, Res001(0), Res001(1));

        private static async Task VerifyConfigurationAsync(string residencyJson, params DiagnosticResult[] expected)
        {
            // The library declares the types the example's sinks name (an entry that matches nothing is RES004 too).
            var test = new AnalyzerVerifier<ConfigurationValidationAnalyzer>.Test { TestCode = "using System;\nclass C { }\n" + Library };
            test.TestState.AdditionalFiles.Add(("residency.json", residencyJson));
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        private static DiagnosticResult Res004(int line, int column) =>
            new DiagnosticResult("RES004", DiagnosticSeverity.Warning).WithSpan("residency.json", line, column, line, column + 1);

        [Fact]
        public Task ValidFileHasNoDiagnostics() => VerifyConfigurationAsync(Example);

        [Fact]
        public Task MalformedJsonIsRes004AtTheError() => VerifyConfigurationAsync("{\n  \"hosts\": [\n    { \"pattern\": \"a.b.com\" \"region\": \"US\" }\n  ]\n}", Res004(3, 28));

        /// <summary>RES004 at the first occurrence of <paramref name="text"/> on 1-based <paramref name="line"/> of <paramref name="json"/>.</summary>
        private static DiagnosticResult At(string json, int line, string text) => Res004(line, json.Split('\n')[line - 1].IndexOf(text, System.StringComparison.Ordinal) + 1);

        private const string BadRegions = "{\n  \"hosts\": [\n    { \"pattern\": \"a.b.com\", \"region\": \"UK\" }\n  ],\n  \"sinks\": [\n    { \"method\": \"A.B.C\", \"region\": \"Europe\" }\n  ]\n}";

        [Fact]
        public Task UnknownRegionCodeIsRes004AtItsLine() => VerifyConfigurationAsync(
            BadRegions,
            At(BadRegions, 3, "\"UK\"").WithMessage("residency.json: host 'a.b.com': region 'UK' is not a region code (ISO 3166-1 alpha-2, or EU, EEA, Adequate, Unknown); did you mean 'GB'?"),
            At(BadRegions, 6, "\"Europe\""));

        private const string BadEntries = "{\n  \"hosts\": [\n    { \"pattern\": \"a..com\", \"region\": \"US\" },\n    { \"pattern\": \"{x:nomap}.b.com\", \"region\": \"{x}\" },\n    { \"pattern\": \"c.d.com\", \"region\": \"US\", \"euAlternative\": \"api.openai.com\" }\n  ],\n  \"regionMaps\": { \"m\": { \"k\": \"XX\" } },\n  \"internalHosts\": [ \"bad host\" ],\n  \"extra\": 1\n}";

        [Fact]
        public Task BadPatternsMapsAndAlternativesAreRes004() => VerifyConfigurationAsync(
            BadEntries,
            At(BadEntries, 3, "\"a..com\""),
            At(BadEntries, 4, "{"),
            At(BadEntries, 5, "{"),
            At(BadEntries, 7, "\"XX\""),
            At(BadEntries, 8, "\"bad host\""),
            At(BadEntries, 9, "1"));

        [Fact]
        public Task BrokenResidencyJsonNeverBreaksTheFlowAnalysis() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(""https://api.openai.com/v1"", customer.Email)|};
    }
}", new[] { ("residency.json", "{ \"hosts\": [ { \"pattern\": 5, \"region\": [] }, 7 ], \"sdks\": { }, \"sinks\": [ 1 ], \"configKeys\": [] ") }, null, Res001(0));
    
        [Fact]
        public void AHostsPurposeIsTheSinksPurpose()
        {
            const string Json = @"{ ""hosts"": [
  { ""pattern"": ""crm.contoso.com"", ""region"": ""US"", ""recipient"": ""Contoso CRM Inc."", ""purpose"": ""Customer relationship management"" },
  { ""pattern"": ""api.contoso-ai.com"", ""region"": ""US"", ""recipient"": ""Contoso AI"" }
] }";
            var calls = SinkProbe.Resolve(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await http.PostAsJsonAsync(""https://crm.contoso.com/v1/contacts"", customer.Email);
        await http.PostAsJsonAsync(""https://api.contoso-ai.com/v1/chat"", customer.Name);
        await http.PostAsJsonAsync(""https://api.openai.com/v1/chat/completions"", customer.Name);
    }
}", new[] { ("residency.json", Json) });
            Assert.Equal(3, calls.Count);
            Assert.Equal("Customer relationship management", calls[0].Sink.Sink.Purpose);
            Assert.Null(calls[1].Sink.Sink.Purpose); // no purpose given
            Assert.Null(calls[2].Sink.Sink.Purpose); // the built-in catalogue states no purpose
        }

        [Fact]
        public Task PurposeIsAKnownHostPropertyNotARes004() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(""https://crm.contoso.com/v1"", customer.Email)|};
    }
}", new[] { ("residency.json", @"{ ""hosts"": [ { ""pattern"": ""crm.contoso.com"", ""region"": ""US"", ""recipient"": ""Contoso CRM Inc."", ""purpose"": ""Sales follow-up"" } ] }") }, null, Res001(0));
    }
}
