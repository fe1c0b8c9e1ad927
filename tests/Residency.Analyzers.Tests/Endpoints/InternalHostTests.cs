using System.Threading.Tasks;
using Residency.Analyzers.Endpoints;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    public class InternalHostTests
    {
        [Theory]
        [InlineData("http://localhost:5000/api")]
        [InlineData("http://127.0.0.1/api")]
        [InlineData("http://[::1]:8080/api")]
        [InlineData("http://ordering-api/api")]
        [InlineData("http://redis:6379")]
        [InlineData("https://printer.local/jobs")]
        [InlineData("https://db.internal/query")]
        [InlineData("http://basket.shop.svc.cluster.local/api")]
        [InlineData("http://10.1.2.3/api")]
        [InlineData("http://172.20.0.5/api")]
        [InlineData("http://192.168.1.10/api")]
        [InlineData("http://169.254.169.254/latest")]
        [InlineData("https+http://basket-api/items")]
        public Task InternalEndpointsRaiseNothing(string url) => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await http.PostAsJsonAsync(""" + url + @""", customer.Email);
    }
}");

        [Theory]
        [InlineData("http://8.8.8.8/api")]
        [InlineData("http://172.32.0.1/api")]
        [InlineData("https://example.com/api")]
        public Task PublicAddressesAreNotInternal(string url) => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(""" + url + @""", customer.Email)|};
    }
}", Res003(0));

        [Fact]
        public Task ResidencyInternalHostsProperty() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await http.PostAsJsonAsync(""https://crm.corp.contoso.com/api"", customer.Email);
        await http.PostAsJsonAsync(""https://a.b.contoso.net/api"", customer.Email);
        await http.PostAsJsonAsync(""https://api.openai.com/v1"", customer.Email);
        await {|#0:http.PostAsJsonAsync(""https://corp.contoso.com/api"", customer.Email)|};
    }
}", null, new[] { ("_ResidencyInternalHosts", "*.corp.contoso.com,**.contoso.net,api.openai.com") }, Res003(0));

        [Fact]
        public Task ResidencyJsonInternalHosts() => VerifyAsync(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await http.PostAsJsonAsync(""https://search.contoso.eu/api"", customer.Email);
    }
}", new[] { ("residency.json", @"{ ""internalHosts"": [ ""search.contoso.eu"" ] }") }, null);

        [Theory]
        [InlineData("localhost", "loopback")]
        [InlineData("ordering-api", "single-label host")]
        [InlineData("10.0.0.1", "private IP address")]
        [InlineData("fd00::1", "private IP address")]
        [InlineData("api.openai.com", null)]
        [InlineData("11.0.0.1", null)]
        public void BuiltInRules(string host, string? reason) => Assert.Equal(reason, InternalHosts.BuiltInReason(host));
    }
}
