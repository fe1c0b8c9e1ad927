using System.Linq;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// A request body the code reads itself (a webhook, a middleware: <c>await context.Request.ReadFromJsonAsync&lt;T&gt;()</c>)
    /// is personal where its members name personal data, as a bound body is, in a user's build with the package.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class RequestBodyReadTests(PackageFixture package)
    {
        [Fact]
        public void A_body_read_with_ReadFromJsonAsync_reaches_where_it_is_sent()
        {
            var workspace = package.NewWorkspace("body-read");
            var app = PackageFixture.WriteProject(workspace, "App", """
                using System.Net.Http.Json;
                using Microsoft.AspNetCore.Http;

                public sealed class SignupRequest
                {
                    public string Email { get; set; } = "";
                    public string Plan { get; set; } = "";
                }

                public static class Webhooks
                {
                    public static async Task Receive(HttpContext context, HttpClient http)
                    {
                        var body = await context.Request.ReadFromJsonAsync<SignupRequest>(context.RequestAborted);
                        await http.PostAsJsonAsync("https://api.openai.com/v1/contacts", new { body!.Email, body.Plan });
                    }
                }
                """, extraItems: """<FrameworkReference Include="Microsoft.AspNetCore.App" />""");
            var (result, inventory) = PackageFixture.BuildAndReadInventory(app);
            Assert.Contains("warning RES001", result.Output);
            var flow = Assert.Single(inventory.Get("flows")!.Items);
            Assert.Equal(("api.openai.com", "violation"), (flow.Get("sink")!.GetString("host"), flow.GetString("status")));
            Assert.Equal(new[] { "SignupRequest.Email" }, flow.Get("sources")!.Items.Select(s => s.GetString("member")));
        }
    }
}
