using System.Linq;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// FastEndpoints as published: an endpoint's request is what the HTTP request binds (its members that name personal data
    /// are sources), and its command and event bus runs the application's handlers. A FastEndpoints application's request
    /// data reached nothing before.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class FastEndpointsTests(PackageFixture package)
    {
        [Fact]
        public void An_endpoints_request_reaches_where_it_and_the_handlers_of_its_commands_and_events_send_it()
        {
            var workspace = package.NewWorkspace("fastendpoints");
            var app = PackageFixture.WriteProject(workspace, "App", """
                using System.Net.Http.Json;
                using FastEndpoints;

                public sealed class SignupRequest
                {
                    public string Email { get; set; } = "";
                    public string Plan { get; set; } = "";
                }

                public sealed record RegisterContact(string Email) : ICommand;
                public sealed record FindContact(string Email) : ICommand<string>;
                public sealed record ContactRegistered(string Email) : IEvent;

                public sealed class SignupEndpoint(HttpClient http) : Endpoint<SignupRequest>
                {
                    public override void Configure() { Post("/signup"); AllowAnonymous(); }

                    public override async Task HandleAsync(SignupRequest req, CancellationToken ct)
                    {
                        await http.PostAsJsonAsync("https://api.mistral.ai/v1/contacts", new { req.Email, req.Plan }, ct);
                        await new RegisterContact(req.Email).ExecuteAsync(ct);
                        await new ContactRegistered(req.Email).PublishAsync(Mode.WaitForAll, ct);
                        _ = await new FindContact(req.Email).ExecuteAsync(ct);
                    }
                }

                public sealed class RegisterContactHandler(HttpClient http) : ICommandHandler<RegisterContact>
                {
                    public async Task ExecuteAsync(RegisterContact command, CancellationToken ct) =>
                        await http.PostAsJsonAsync("https://api.openai.com/v1/contacts", new { command.Email }, ct);
                }

                public sealed class FindContactHandler(HttpClient http) : ICommandHandler<FindContact, string>
                {
                    public Task<string> ExecuteAsync(FindContact command, CancellationToken ct) =>
                        http.GetStringAsync("https://api.deepseek.com/contacts?email=" + command.Email, ct);
                }

                public sealed class WelcomeMail(HttpClient http) : IEventHandler<ContactRegistered>
                {
                    public async Task HandleAsync(ContactRegistered eventModel, CancellationToken ct) =>
                        await http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", new { eventModel.Email }, ct);
                }
                """, extraItems: """
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <PackageReference Include="FastEndpoints" Version="9.0.0" />
                """);
            var (_, inventory) = PackageFixture.BuildAndReadInventory(app);
            var flows = inventory.Get("flows")!.Items
                .Select(f => (f.Get("sink")!.GetString("host"), f.Get("sink")!.GetString("region"), f.GetString("status"), string.Join(" → ", f.Get("path")!.Items.Take(2).Select(i => i.Text))))
                .OrderBy(f => f.Item1)
                .ToList();
            Assert.Equal(
                new (string?, string?, string?, string)[]
                {
                    ("api.anthropic.com", "US", "violation", "HandleAsync → HandleAsync"),
                    ("api.deepseek.com", "CN", "violation", "HandleAsync → ExecuteAsync"),
                    ("api.mistral.ai", "FR", "allowed", "HandleAsync → HTTP POST api.mistral.ai"),
                    ("api.openai.com", "US", "violation", "HandleAsync → ExecuteAsync"),
                },
                flows);
            // The request's e-mail is the source, named by its member; its plan names nothing personal.
            Assert.All(inventory.Get("flows")!.Items, f => Assert.Equal(new[] { "SignupRequest.Email" }, f.Get("sources")!.Items.Select(s => s.GetString("member"))));
        }
    }
}
