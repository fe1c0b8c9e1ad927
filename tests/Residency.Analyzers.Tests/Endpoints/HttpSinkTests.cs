using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    public class HttpSinkTests
    {
        [Fact]
        public Task PostAsJsonToOpenAiIsRes001() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(""https://api.openai.com/v1/chat/completions"", new { input = customer.Email })|};
    }
}", Res001(0));

        [Fact]
        public Task PostAsJsonToOpenAiEuIsClean() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await http.PostAsJsonAsync(""https://eu.api.openai.com/v1/chat/completions"", new { input = customer.Email });
    }
}");

        [Fact]
        public Task UnlistedHostIsRes003() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(""https://api.unlisted-example.io/v1/things"", new { input = customer.Email })|};
    }
}", Res003(0));

        [Fact]
        public Task MessageNamesHostRegionAndRecipient() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(""https://api.deepseek.com/chat"", customer.Name)|};
    }
}", Res001(0).WithArguments("Customer.Name (name)", "HTTP POST api.deepseek.com (recipient DeepSeek)", "CN (China)", "EEA;Adequate", "Run → HTTP POST api.deepseek.com"));

        [Fact]
        public Task PersonalDataInUrlQueryIsSent() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.GetAsync($""https://api.openai.com/v1/users?email={customer.Email}"")|};
        await {|#1:http.GetStringAsync(""https://api.openai.com/v1/users/"" + customer.Name)|};
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task NonPersonalDataIsNotReported() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await http.PostAsJsonAsync(""https://api.openai.com/v1/chat/completions"", new { id = customer.Id });
        await http.DeleteAsync(""https://api.openai.com/v1/files/"" + customer.Id);
    }
}");

        [Fact]
        public Task ContentTypesCarryData() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsync(""https://api.sendgrid.com/v3/mail/send"", new StringContent(customer.Email))|};
        await {|#1:http.PutAsync(""https://api.sendgrid.com/v3/x"", JsonContent.Create(customer))|};
        var form = new FormUrlEncodedContent(new[] { new System.Collections.Generic.KeyValuePair<string, string>(""name"", customer.Name) });
        await {|#2:http.PatchAsync(""https://api.sendgrid.com/v3/y"", form)|};
        await http.PostAsync(""https://api.eu.sendgrid.com/v3/mail/send"", new StringContent(customer.Email));
    }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task SendAsyncWithRequestMessage() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ""https://api.mailgun.net/v3/messages"");
        request.Content = new StringContent(customer.Email);
        await {|#0:http.SendAsync(request)|};

        var headers = new HttpRequestMessage(HttpMethod.Get, new Uri(""https://api.mailgun.net/v3/lookup""));
        headers.Headers.Add(""X-User"", customer.Name);
        await {|#1:http.SendAsync(headers)|};

        var eu = new HttpRequestMessage { Method = HttpMethod.Post, RequestUri = new Uri(""https://api.eu.mailgun.net/v3/messages""), Content = new StringContent(customer.Email) };
        await http.SendAsync(eu);
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task JsonExtensionsAreSinks() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PutAsJsonAsync(""https://api.stripe.com/v1/customers"", customer)|};
        await {|#1:http.PatchAsJsonAsync(""https://api.stripe.com/v1/customers"", customer.Email)|};
        await {|#2:http.GetFromJsonAsync<string>(""https://api.stripe.com/v1/search?q="" + customer.Email)|};
    }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task AllowedRegionHostsAreClean() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await http.PostAsJsonAsync(""https://api.eu.mistral.ai/v1/chat/completions"", customer.Email);
        await http.PostAsJsonAsync(""https://api.aleph-alpha.com/complete"", customer.Email);
        await http.PostAsJsonAsync(""https://api.mollie.com/v2/customers"", customer.Email);
    }
}");

        [Fact]
        public Task HttpClientItselfIsNotData() => VerifyAsync(@"
class Holder { [PersonalData(""name"")] public HttpClient Client { get; set; } = new HttpClient(); }
class Service
{
    async Task Run(Holder holder)
    {
        await holder.Client.GetAsync(""https://eu.api.openai.com/v1/models"");
    }
}");
    }
}
