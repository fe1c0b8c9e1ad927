using System.Linq;
using Residency.Analyzers.Sinks;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>An unresolved sink keeps what is known of its destination, so that different unknown calls stay apart.</summary>
    public class UnresolvedSinkIdentityTests
    {
        [Fact]
        public void EachUnresolvedCallNamesWhatItsUrlComesFrom()
        {
            var sinks = SinkProbe.Resolve(@"
using Microsoft.Extensions.Configuration;
class Service(HttpClient http, IConfiguration configuration)
{
    private readonly string _endpoint = System.Environment.GetEnvironmentVariable(""X"")!;
    async Task Run(string url, Customer customer)
    {
        await http.PostAsJsonAsync(url, customer.Email);
        await http.PostAsJsonAsync(configuration[""Crm:BaseUrl""], customer.Email);
        await http.PostAsJsonAsync(configuration.GetValue<string>(""Billing:Url""), customer.Email);
        await http.GetAsync(_endpoint);
        var local = System.Environment.GetEnvironmentVariable(""Y"");
        await http.GetAsync(local);
        await http.GetAsync(""/relative/path"");
    }
}" + EndpointTest.ExtensionsStubs);
            var displays = sinks.Select(s => s.Sink.Sink.Display).ToList();
            Assert.Equal(new[]
            {
                "HTTP POST ‹parameter 'url'›",
                "HTTP POST ‹configuration key Crm:BaseUrl›",
                "HTTP POST ‹configuration key Billing:Url›",
                "HTTP GET ‹field 'Service._endpoint'›",
                "HTTP GET ‹local 'local'›",
                "HTTP GET ‹relative '/relative/path' on parameter 'http' without BaseAddress›",
            }, displays);
            Assert.All(sinks, s => Assert.Equal("Unknown", s.Sink.Sink.Region.Code));
            Assert.Equal(displays.Count, sinks.Select(s => s.Sink.Sink.Id).Distinct().Count());
            Assert.Equal("configuration key Crm:BaseUrl", sinks[1].Sink.Sink.Target);
        }

        [Fact]
        public void ResolvedSinksHaveNoTarget()
        {
            var call = SinkProbe.Single(@"
class Service(HttpClient http)
{
    Task Run(Customer customer) => http.PostAsJsonAsync(""https://api.openai.com/v1/responses"", customer.Email);
}");
            Assert.Null(call.Sink.Target);
            Assert.Equal("HTTP POST api.openai.com", call.Sink.Display);
        }

        [Fact]
        public void InternalSinksAreMarkedInternal()
        {
            var call = SinkProbe.Single(@"
class Service(HttpClient http)
{
    Task Run(Customer customer) => http.PostAsJsonAsync(""http://ordering-api/orders"", customer.Email);
}");
            Assert.True(call.Sink.IsInternal);
            Assert.Null(call.Sink.Target);
        }
    }
}
