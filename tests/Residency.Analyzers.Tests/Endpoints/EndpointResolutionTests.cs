using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    public class EndpointResolutionTests
    {
        [Fact]
        public Task ConstantsAndStaticReadonlyFields() => VerifyAsync(@"
class Service
{
    const string OpenAi = ""https://api.openai.com/v1"";
    const string OpenAiEu = ""https://eu.api.openai.com/v1"";
    static readonly string DeepSeek = ""https://api.deepseek.com"";
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(OpenAi + ""/chat/completions"", customer.Email)|};
        await http.PostAsJsonAsync(OpenAiEu + ""/chat/completions"", customer.Email);
        await {|#1:http.PostAsJsonAsync($""{DeepSeek}/chat"", customer.Email)|};
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task InterpolationWithUnknownTailKeepsTheHost() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer, string path)
    {
        await {|#0:http.PostAsJsonAsync($""https://api.openai.com/{path}"", customer.Email)|};
        await http.PostAsJsonAsync($""https://eu.api.openai.com/{path}"", customer.Email);
    }
}", Res001(0));

        [Fact]
        public Task HostBuiltFromAnUnknownPartIsUnknown() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer, string region)
    {
        await {|#0:http.PostAsJsonAsync($""https://{region}.api.openai.com/v1"", customer.Email)|};
        await {|#1:http.PostAsJsonAsync(""https://api."" + region + "".example.com/v1"", customer.Email)|};
    }
}", Res003(0), Res003(1));

        [Fact]
        public Task LocalsAndBranchesGiveEveryValue() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer, bool eu)
    {
        var url = eu ? ""https://eu.api.openai.com/v1/responses"" : ""https://api.openai.com/v1/responses"";
        await {|#0:http.PostAsJsonAsync(url, customer.Email)|};
        string other = ""https://eu.api.openai.com/v1"";
        await http.PostAsJsonAsync(other, customer.Email);
    }
}", Res001(0));

        [Fact]
        public Task UriObjectsAndCombination() => VerifyAsync(@"
class Service
{
    static readonly Uri Base = new Uri(""https://api.openai.com/v1/"");
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(new Uri(Base, ""chat/completions""), customer.Email)|};
        await http.PostAsJsonAsync(new Uri(new Uri(""https://eu.api.openai.com/v1/""), ""chat""), customer.Email);
        var uri = new Uri(""https://api.deepseek.com/chat"");
        await {|#1:http.PostAsync(uri, new StringContent(customer.Name))|};
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task BaseAddressFromInitializerAndAssignment() => VerifyAsync(@"
class Service
{
    async Task Run(Customer customer)
    {
        var us = new HttpClient { BaseAddress = new Uri(""https://api.openai.com/v1/"") };
        await {|#0:us.PostAsJsonAsync(""chat/completions"", customer.Email)|};

        var eu = new HttpClient();
        eu.BaseAddress = new Uri(""https://eu.api.openai.com/v1/"");
        await eu.PostAsJsonAsync(""chat/completions"", customer.Email);

        var absolute = new HttpClient { BaseAddress = new Uri(""https://eu.api.openai.com/v1/"") };
        await {|#1:absolute.PostAsJsonAsync(""https://api.deepseek.com/chat"", customer.Email)|};
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task BaseAddressOfAFieldSetInTheConstructor() => VerifyAsync(@"
class Client
{
    private readonly HttpClient _http;
    private readonly HttpClient _eu = new HttpClient { BaseAddress = new Uri(""https://api.eu.mistral.ai/"") };
    public Client() { _http = new HttpClient(); _http.BaseAddress = new Uri(""https://api.anthropic.com/""); }
    public async Task Send(Customer customer)
    {
        await {|#0:_http.PostAsJsonAsync(""v1/chat/completions"", customer.Email)|};
        await _eu.PostAsJsonAsync(""v1/chat/completions"", customer.Email);
    }
}", null, new[] { ("_ResidencyAllowedRegions", "EU") }, Res001(0));

        [Fact]
        public Task RelativeUriWithoutBaseAddressIsUnknown() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(""v1/users"", customer.Email)|};
    }
}", Res003(0));

        [Fact]
        public Task ARequestMessageWithAnUnresolvedUriIsNotSentToTheBaseAddress() => VerifyAsync(@"
class Service
{
    private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri(""https://eu.api.openai.com/v1/"") };
    async Task Run(Customer customer)
    {
        var url = System.Environment.GetEnvironmentVariable(""CRM"");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(customer.Email) };
        await {|#0:_http.SendAsync(request)|};
        await _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, (string?)null) { Content = new StringContent(customer.Email) });
        await _http.SendAsync(new HttpRequestMessage { Method = HttpMethod.Post, Content = new StringContent(customer.Email) });
    }
}", Res003(0));

        [Fact]
        public Task UnresolvedUrlIsUnknown() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer, string url)
    {
        await {|#0:http.PostAsJsonAsync(url, customer.Email)|};
    }
}", Res003(0));

        [Fact]
        public Task TypedClientConfiguredWithAddHttpClient() => VerifyAsync(@"
using Microsoft.Extensions.DependencyInjection;
class CrmClient
{
    private readonly HttpClient _http;
    public CrmClient(HttpClient http) { _http = http; }
    public Task Push(Customer customer) => {|#0:_http.PostAsJsonAsync(""customers"", customer.Email)|};
}
class EuClient
{
    private readonly HttpClient _http;
    public EuClient(HttpClient http) { _http = http; }
    public Task Push(Customer customer) => _http.PostAsJsonAsync(""customers"", customer.Email);
}
static class Setup
{
    public static void Register(IServiceCollection services)
    {
        services.AddHttpClient<CrmClient>(c => c.BaseAddress = new Uri(""https://api.openai.com/""));
        services.AddHttpClient<EuClient>().ConfigureHttpClient(c => { c.BaseAddress = new Uri(""https://eu.api.openai.com/""); });
    }
}" + ExtensionsStubs, Res001(0));

        [Fact]
        public Task NamedClientFromFactory() => VerifyAsync(@"
using Microsoft.Extensions.DependencyInjection;
class Service
{
    private readonly IHttpClientFactory _factory;
    public Service(IHttpClientFactory factory) { _factory = factory; }
    public async Task Run(Customer customer)
    {
        var us = _factory.CreateClient(""deepseek"");
        await {|#0:us.PostAsJsonAsync(""chat"", customer.Email)|};
        await _factory.CreateClient(""mistral-eu"").PostAsJsonAsync(""chat"", customer.Email);
    }
}
static class Setup
{
    public static void Register(IServiceCollection services)
    {
        services.AddHttpClient(""deepseek"", c => c.BaseAddress = new Uri(""https://api.deepseek.com/""));
        services.AddHttpClient(""mistral-eu"", (sp, c) => c.BaseAddress = new Uri(""https://api.eu.mistral.ai/""));
    }
}" + ExtensionsStubs, Res001(0));

        [Fact]
        public Task ClientNamesAndAddressesFromPropertiesDoNotReenterTheIndex() => VerifyAsync(@"
using Microsoft.Extensions.DependencyInjection;
class Names { public string DeepSeek { get; } = ""deepseek""; }
static class Urls { public static Uri DeepSeek { get; } = new Uri(""https://api.deepseek.com/""); }
class Service
{
    private readonly IHttpClientFactory _factory;
    public Service(IHttpClientFactory factory) { _factory = factory; }
    public Task Run(Customer customer) => {|#0:_factory.CreateClient(new Names().DeepSeek).PostAsJsonAsync(""chat"", customer.Email)|};
}
static class Setup
{
    public static void Register(IServiceCollection services)
    {
        var names = new Names();
        services.AddHttpClient(names.DeepSeek, c => c.BaseAddress = Urls.DeepSeek);
    }
}" + ExtensionsStubs, Res001(0));

        [Fact]
        public Task SelfReferencingValuesStayCheap() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        string url = ""https://api.openai.com"";
        for (int i = 0; i < 3; i++) { url = url + url + url + url + url + url + ""/x""; }
        await {|#0:http.PostAsJsonAsync(url, customer.Email)|};
    }
}", Res001(0));

        [Fact]
        public Task CloudRegionsInHosts() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await http.PostAsJsonAsync(""https://bedrock-runtime.eu-central-1.amazonaws.com/model"", customer.Email);
        await http.PostAsJsonAsync(""https://bedrock-runtime.eu-west-2.amazonaws.com/model"", customer.Email);
        await http.PostAsJsonAsync(""https://europe-west4-aiplatform.googleapis.com/v1"", customer.Email);
        await {|#0:http.PostAsJsonAsync(""https://bedrock-runtime.us-east-1.amazonaws.com/model"", customer.Email)|};
        await {|#1:http.PostAsJsonAsync(""https://acme.openai.azure.com/openai"", customer.Email)|};
    }
}", Res001(0), Res003(1));

        [Fact]
        public Task EuWest2IsAdequateButNotEu() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await http.PostAsJsonAsync(""https://bedrock-runtime.eu-central-1.amazonaws.com/model"", customer.Email);
        await {|#0:http.PostAsJsonAsync(""https://bedrock-runtime.eu-west-2.amazonaws.com/model"", customer.Email)|};
    }
}", null, new[] { ("_ResidencyAllowedRegions", "EU") }, Res001(0));
    }
}
