using System.Linq;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// A MassTransit consumer's message came from a broker: its members that name personal data are sources, in a user's
    /// build with the package against MassTransit as published (8.5.12; 9 and newer need a paid licence).
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class MassTransitConsumerTests(PackageFixture package)
    {
        [Fact]
        public void A_consumed_messages_email_reaches_where_the_consumer_sends_it()
        {
            var workspace = package.NewWorkspace("masstransit-consumer");
            var app = PackageFixture.WriteProject(workspace, "App", """
                using System.Net.Http.Json;
                using MassTransit;

                public record CustomerRegistered(string Email, string Plan);

                public sealed class WelcomeConsumer(HttpClient http) : IConsumer<CustomerRegistered>
                {
                    public async Task Consume(ConsumeContext<CustomerRegistered> context)
                    {
                        await http.PostAsJsonAsync("https://api.openai.com/v1/welcome", new { context.Message.Email, context.Message.Plan });
                    }
                }
                """, extraItems: """<PackageReference Include="MassTransit" Version="8.5.12" />""");
            var (result, inventory) = PackageFixture.BuildAndReadInventory(app);
            Assert.Contains("warning RES001", result.Output);
            var flow = Assert.Single(inventory.Get("flows")!.Items);
            Assert.Equal(("api.openai.com", "violation"), (flow.Get("sink")!.GetString("host"), flow.GetString("status")));
            Assert.Equal(new[] { "CustomerRegistered.Email" }, flow.Get("sources")!.Items.Select(s => s.GetString("member")));
        }
    }
}
