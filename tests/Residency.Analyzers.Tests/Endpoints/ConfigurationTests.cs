using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    public class ConfigurationTests
    {
        private const string Settings = @"{
  ""OpenAI"": { ""Endpoint"": ""https://api.openai.com/v1/"" },
  ""OpenAIEu"": { ""Endpoint"": ""https://eu.api.openai.com/v1/"" },
  ""ConnectionStrings"": { ""Crm"": ""https://api.deepseek.com/"" },
  ""Crm"": { ""BaseUrl"": ""https://api.anthropic.com/"" }
}";

        private static readonly (string, string)[] Files = { ("appsettings.json", Settings) };

        private const string Uses = "using Microsoft.Extensions.Configuration;\nusing Microsoft.Extensions.DependencyInjection;\nusing Microsoft.Extensions.Options;\n";

        [Fact]
        public Task IndexerGetValueSectionAndConnectionString() => VerifyAsync(Uses + @"
class Service
{
    private readonly IConfiguration _config;
    public Service(IConfiguration config) { _config = config; }
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(_config[""OpenAI:Endpoint""] + ""chat/completions"", customer.Email)|};
        await http.PostAsJsonAsync(_config[""OpenAIEu:Endpoint""] + ""chat/completions"", customer.Email);
        await {|#1:http.PostAsJsonAsync(_config.GetValue<string>(""OpenAI:Endpoint""), customer.Email)|};
        await {|#2:http.PostAsJsonAsync(_config.GetSection(""OpenAI:Endpoint"").Value, customer.Email)|};
        await {|#3:http.PostAsJsonAsync(_config.GetSection(""OpenAI"")[""Endpoint""], customer.Email)|};
        var section = _config.GetSection(""OpenAIEu"");
        await http.PostAsJsonAsync(section[""Endpoint""], customer.Email);
        await {|#4:http.PostAsJsonAsync(_config.GetConnectionString(""Crm""), customer.Email)|};
        await {|#5:http.PostAsJsonAsync(_config[""Missing:Key""], customer.Email)|};
    }
}" + ExtensionsStubs, Files, null, Res001(0), Res001(1), Res001(2), Res001(3), Res001(4), Res003(5));

        // Under <Nullable>enable</Nullable> a configuration read is written with the null-forgiving operator. Held in a
        // local (or a field, or a property's initializer), its value was not read: RES003 on "local 'webhook'" instead of
        // RES001 to the configured host (a field test's Slack webhook). The operator is no operation of its own.
        [Fact]
        public Task ANullForgivenValueHeldInALocalIsFollowed() => VerifyAsync(Uses + @"
class Service(IConfiguration config, HttpClient http)
{
    private readonly string _crm = config[""Crm:BaseUrl""]!;
    async Task Run(Customer customer)
    {
        var endpoint = config[""OpenAI:Endpoint""]!;
        await {|#0:http.PostAsJsonAsync(endpoint, customer.Email)|};
        var eu = (config[""OpenAIEu:Endpoint""])!;
        await http.PostAsJsonAsync(eu, customer.Email);
        await {|#1:http.PostAsJsonAsync(_crm, customer.Email)|};
    }
}" + ExtensionsStubs, Files, null, Res001(0), Res001(1));

        [Fact]
        public Task KeysAreCaseInsensitive() => VerifyAsync(Uses + @"
class Service
{
    async Task Run(IConfiguration config, HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(config[""openai:endpoint""], customer.Email)|};
    }
}" + ExtensionsStubs, Files, null, Res001(0));

        [Fact]
        public Task EnvironmentFileOverridesGiveEveryValue() => VerifyAsync(Uses + @"
class Service
{
    async Task Run(IConfiguration config, HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(config[""Ai:Endpoint""], customer.Email)|};
    }
}" + ExtensionsStubs,
            new[]
            {
                ("appsettings.json", @"{ ""Ai"": { ""Endpoint"": ""https://eu.api.openai.com/v1"" } }"),
                ("appsettings.Development.json", @"{ ""Ai"": { ""Endpoint"": ""https://api.openai.com/v1"" } }"),
            },
            null,
            Res001(0));

        [Fact]
        public Task TwoNonAllowedValuesAreTwoDiagnostics() => VerifyAsync(Uses + @"
class Service
{
    async Task Run(IConfiguration config, HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(config[""Ai:Endpoint""], customer.Email)|};
    }
}" + ExtensionsStubs,
            new[]
            {
                ("appsettings.json", @"{ ""Ai"": { ""Endpoint"": ""https://api.openai.com/v1"" } }"),
                ("appsettings.Staging.json", @"{ ""Ai"": { ""Endpoint"": ""https://api.deepseek.com/v1"" } }"),
                ("appsettings.Production.json", @"{ ""Ai"": { ""Endpoint"": ""https://eu.api.openai.com/v1"" } }"),
            },
            null,
            Res001(0).WithArguments("Customer.Email (contact.email)", "HTTP POST api.openai.com (recipient OpenAI)", "US (United States)", "EEA;Adequate", "Run → HTTP POST api.openai.com"),
            Res001(0).WithArguments("Customer.Email (contact.email)", "HTTP POST api.deepseek.com (recipient DeepSeek)", "CN (China)", "EEA;Adequate", "Run → HTTP POST api.deepseek.com"));

        [Fact]
        public Task AddHttpClientBaseAddressFromConfiguration() => VerifyAsync(Uses + @"
class CrmClient
{
    private readonly HttpClient _http;
    public CrmClient(HttpClient http) { _http = http; }
    public Task Push(Customer customer) => {|#0:_http.PostAsJsonAsync(""customers"", customer.Email)|};
}
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient<CrmClient>(c => c.BaseAddress = new Uri(configuration[""Crm:BaseUrl""]!));
    }
}" + ExtensionsStubs, Files, null, Res001(0));

        [Fact]
        public Task OptionsBoundFromASection() => VerifyAsync(Uses + @"
public class CrmOptions { public string BaseUrl { get; set; } = """"; }
public class AiOptions { public string Endpoint { get; set; } = """"; }
class Service
{
    private readonly CrmOptions _crm;
    private readonly IOptions<AiOptions> _ai;
    public Service(IOptions<CrmOptions> crm, IOptions<AiOptions> ai) { _crm = crm.Value; _ai = ai; }
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(_crm.BaseUrl + ""/customers"", customer.Email)|};
        await http.PostAsJsonAsync(_ai.Value.Endpoint, customer.Email);
    }
}
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CrmOptions>(configuration.GetSection(""Crm""));
        services.Configure<AiOptions>(configuration.GetSection(""OpenAIEu""));
    }
}" + ExtensionsStubs, Files, null, Res001(0));

        [Fact]
        public Task OptionsBoundWithAddOptions() => VerifyAsync(Uses + @"
public class CrmOptions { public string BaseUrl { get; set; } = """"; }
public class AiOptions { public string Endpoint { get; set; } = """"; }
class Service
{
    private readonly IOptions<CrmOptions> _crm;
    private readonly IOptions<AiOptions> _ai;
    public Service(IOptions<CrmOptions> crm, IOptions<AiOptions> ai) { _crm = crm; _ai = ai; }
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(_crm.Value.BaseUrl + ""/customers"", customer.Email)|};
        await http.PostAsJsonAsync(_ai.Value.Endpoint, customer.Email);
    }
}
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CrmOptions>().Bind(configuration.GetSection(""Crm""));
        services.AddOptions<AiOptions>().BindConfiguration(""OpenAIEu"");
    }
}" + ExtensionsStubs, Files, null, Res001(0));

        [Fact]
        public void ResolvedByNamesTheFileAndKey()
        {
            var call = SinkProbe.Single(Uses + @"
class Service
{
    Task Run(IConfiguration config, HttpClient http, string body) => http.PostAsync(config[""OpenAI:Endpoint""] + ""chat"", new StringContent(body));
}" + ExtensionsStubs.Replace("System.Net.Http.IHttpClientFactory", "X"), new[] { ("/project/appsettings.json", Settings) });
            var sink = Assert.Single(call.Sinks);
            Assert.Equal(SinkKind.Http, sink.Kind);
            Assert.Equal("api.openai.com", sink.Host);
            Assert.Equal("US", sink.Region.Code);
            Assert.Equal("OpenAI", sink.Recipient);
            Assert.Equal("eu.api.openai.com", sink.EuAlternative);
            Assert.StartsWith("appsettings.json: OpenAI:Endpoint", sink.ResolvedBy);
            Assert.Contains("host catalogue: api.openai.com (OpenAI API)", sink.ResolvedBy);
            Assert.Equal("/project/appsettings.json", sink.Location!.GetLineSpan().Path);
            Assert.Equal(1, sink.Location.GetLineSpan().StartLinePosition.Line);
        }

        [Fact]
        public async Task MalformedAppSettingsIsRes004WithLine()
        {
            var test = new AnalyzerVerifier<ConfigurationValidationAnalyzer>.Test { TestCode = "class C { }" };
            test.TestState.AdditionalFiles.Add(("appsettings.Development.json", "{\n  \"Ai\": { \"Endpoint\": \"x\" \n  \"Other\": 1 }\n}"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("RES004", DiagnosticSeverity.Warning).WithSpan("appsettings.Development.json", 3, 3, 3, 4));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task MalformedAppSettingsNeverCrashesTheFlowAnalyzer() => VerifyAsync(Uses + @"
class Service
{
    async Task Run(IConfiguration config, HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(config[""Ai:Endpoint""], customer.Email)|};
    }
}" + ExtensionsStubs, new[] { ("appsettings.json", "{ \"Ai\": ") }, null, Res003(0));
    }
}
