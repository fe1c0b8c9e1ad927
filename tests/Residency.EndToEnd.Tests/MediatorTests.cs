using System.Linq;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// In-process mediators as published: the Mediator package (Mediator.Abstractions and its source generator, which
    /// writes the <c>Mediator</c> class into the project) and Wolverine (handlers found by name). A message sent or published
    /// through them reaches where its handler sends it. None of these flows was found before.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class MediatorTests(PackageFixture package)
    {
        [Fact]
        public void Messages_sent_through_the_source_generated_mediator_reach_where_their_handlers_send_them()
        {
            var workspace = package.NewWorkspace("mediator");
            var app = PackageFixture.WriteProject(workspace, "App", """
                using System.Net.Http.Json;
                using System.Security.Claims;
                using Mediator;

                public sealed record RegisterContact(string Email) : ICommand;
                public sealed record FindContact(string Email) : IQuery<string>;
                public sealed record ContactRegistered(string Email) : INotification;
                public sealed record ArchiveContact(string Email) : ICommand;

                public sealed class Signup(IMediator mediator, ISender sender, Mediator.Mediator generated)
                {
                    public async Task<string> Run(ClaimsPrincipal user)
                    {
                        var email = user.FindFirst(ClaimTypes.Email)!.Value;
                        await mediator.Send(new RegisterContact(email));
                        await generated.Publish(new ContactRegistered(email));
                        await generated.Send(new ArchiveContact(email));
                        return await sender.Send(new FindContact(email));
                    }
                }

                public sealed class RegisterContactHandler(HttpClient http) : ICommandHandler<RegisterContact>
                {
                    public async ValueTask<Unit> Handle(RegisterContact command, CancellationToken cancellationToken)
                    {
                        await http.PostAsJsonAsync("https://api.openai.com/v1/contacts", new { command.Email }, cancellationToken);
                        return Unit.Value;
                    }
                }

                public sealed class ArchiveContactHandler(HttpClient http) : ICommandHandler<ArchiveContact>
                {
                    public async ValueTask<Unit> Handle(ArchiveContact command, CancellationToken cancellationToken)
                    {
                        await http.PostAsJsonAsync("https://eu.api.openai.com/v1/archive", new { command.Email }, cancellationToken);
                        return Unit.Value;
                    }
                }

                public sealed class FindContactHandler(HttpClient http) : IQueryHandler<FindContact, string>
                {
                    public async ValueTask<string> Handle(FindContact query, CancellationToken cancellationToken) =>
                        await http.GetStringAsync("https://api.deepseek.com/contacts?email=" + query.Email, cancellationToken);
                }

                public sealed class WelcomeMail(HttpClient http) : INotificationHandler<ContactRegistered>
                {
                    public async ValueTask Handle(ContactRegistered notification, CancellationToken cancellationToken) =>
                        await http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", new { notification.Email }, cancellationToken);
                }
                """, extraItems: """
                <PackageReference Include="Mediator.Abstractions" Version="3.0.2" />
                <PackageReference Include="Mediator.SourceGenerator" Version="3.0.2" PrivateAssets="all" />
                """);
            var (result, inventory) = PackageFixture.BuildAndReadInventory(app);
            Assert.DoesNotContain("RES008", result.Output);
            Assert.Empty(inventory.Get("unclassified")!.Items);
            var flows = inventory.Get("flows")!.Items
                .Select(f => (f.Get("sink")!.GetString("host"), f.Get("sink")!.GetString("region"), f.GetString("status"), f.Get("path")!.Items.Select(i => i.Text).Count(step => step == "Handle")))
                .OrderBy(f => f.Item1)
                .ToList();
            Assert.Equal(
                new (string?, string?, string?, int)[]
                {
                    ("api.anthropic.com", "US", "violation", 1),
                    ("api.deepseek.com", "CN", "violation", 1),
                    ("api.openai.com", "US", "violation", 1),
                    ("eu.api.openai.com", "EU", "allowed", 1),
                },
                flows);
        }

        [Fact]
        public void Messages_Wolverine_hands_to_the_handlers_it_finds_by_name_reach_where_those_send_them()
        {
            var workspace = package.NewWorkspace("wolverine");
            var app = PackageFixture.WriteProject(workspace, "App", """
                using System.Net.Http.Json;
                using System.Security.Claims;
                using Wolverine;
                using Wolverine.Attributes;

                public sealed record RegisterContact(string Email);
                public sealed record FindContact(string Email);
                public sealed record ContactRegistered(string Email);
                public sealed record AuditSignup(string Email);
                public sealed record ScoreContact(string Email);
                public sealed record ContactScored(string Email);

                public sealed class Signup(IMessageBus bus)
                {
                    public async Task<string> Run(ClaimsPrincipal user)
                    {
                        var email = user.FindFirst(ClaimTypes.Email)!.Value;
                        await bus.InvokeAsync(new RegisterContact(email));
                        await bus.PublishAsync(new ContactRegistered(email));
                        await bus.SendAsync(new AuditSignup(email));
                        await bus.InvokeAsync(new ScoreContact(email));
                        return await bus.InvokeAsync<string>(new FindContact(email));
                    }
                }

                public static class RegisterContactHandler
                {
                    public static Task Handle(RegisterContact command, HttpClient http) =>
                        http.PostAsJsonAsync("https://api.openai.com/v1/contacts", new { command.Email });
                }

                public class FindContactHandler(HttpClient http)
                {
                    public Task<string> Handle(FindContact query) => http.GetStringAsync("https://api.deepseek.com/contacts?email=" + query.Email);
                }

                public class WelcomeMailConsumer
                {
                    public async Task ConsumeAsync(ContactRegistered message, HttpClient http, CancellationToken cancellation) =>
                        await http.PostAsJsonAsync("https://api.anthropic.com/v1/messages", new { message.Email }, cancellation);
                }

                public static class ScoreContactHandler
                {
                    public static ContactScored Handle(ScoreContact command) => new(command.Email);
                }

                public static class ContactScoredHandler
                {
                    public static Task Handle(ContactScored scored, HttpClient http) => http.PostAsJsonAsync("https://api.hubapi.com/crm/v3/objects/contacts", new { scored.Email });
                }

                [WolverineHandler]
                public class Auditing
                {
                    public Task Handle(AuditSignup message, HttpClient http) => http.PostAsJsonAsync("https://eu.api.openai.com/v1/audit", new { message.Email });
                }
                """, extraItems: """<PackageReference Include="WolverineFx" Version="6.64.2" />""");
            var (result, inventory) = PackageFixture.BuildAndReadInventory(app);
            Assert.DoesNotContain("RES008", result.Output);
            Assert.Empty(inventory.Get("unclassified")!.Items);
            var flows = inventory.Get("flows")!.Items
                .Select(f => (f.Get("sink")!.GetString("host"), f.Get("sink")!.GetString("region"), f.GetString("status"), f.Get("path")!.Items[1].Text))
                .OrderBy(f => f.Item1)
                .ToList();
            Assert.Equal(
                new (string?, string?, string?, string?)[]
                {
                    ("api.anthropic.com", "US", "violation", "ConsumeAsync"),
                    ("api.deepseek.com", "CN", "violation", "Handle"),
                    ("api.hubapi.com", "US", "violation", "Handle"),
                    ("api.openai.com", "US", "violation", "Handle"),
                    ("eu.api.openai.com", "EU", "allowed", "Handle"),
                },
                flows);
        }
    }
}
