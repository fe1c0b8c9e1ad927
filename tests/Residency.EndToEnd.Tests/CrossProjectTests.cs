using System;
using System.IO;
using System.Linq;
using Residency.Analyzers.Json;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// Flows across projects of one solution, built as a user builds them: an infrastructure library (with the package)
    /// sends what its public method is given to a US service; the web application that references it hands it a customer's
    /// e-mail. The application's build reports the transfer at its own call (RES001), its record lists the flow to the
    /// library's sink, and the library exports nothing new when only its private code changes.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class CrossProjectTests(PackageFixture package)
    {
        private const string Build = "build -nologo -v:m -tl:off -p:UseSharedCompilation=false -nodeReuse:false";

        private const string Infrastructure = """
            using Residency;

            namespace Contoso.Infrastructure;

            public interface IEmailSender { Task SendAsync(string to, string subject); }

            public sealed class UsMailService
            {
                [DataSink("US", Recipient = "Acme Mail Inc.")]
                public Task DeliverAsync(string recipient, string subject) => Task.CompletedTask;
            }

            public sealed class EmailSender : IEmailSender
            {
                private readonly UsMailService _service = new();

                public Task SendAsync(string to, string subject) => Deliver(to, subject);

                private Task Deliver(string to, string subject) => _service.DeliverAsync(to.Trim(), subject);
            }

            public interface ICurrentUser { string Email { get; } }

            public sealed class CurrentUser : ICurrentUser
            {
                [PersonalData("contact.email")] private readonly string _email = "";

                public string Email => _email;
            }
            """;

        private const string Web = """
            using Contoso.Infrastructure;
            using Residency;

            public class Customer { [PersonalData("contact.email")] public string Email { get; set; } = ""; }

            public class Signup(IEmailSender sender)
            {
                public Task Welcome(Customer customer) => sender.SendAsync(customer.Email, "Welcome");

                public Task Confirm(ICurrentUser user) => sender.SendAsync(user.Email, "Your order");
            }

            public static class Program { public static void Main() { } }
            """;

        [Fact]
        public void A_call_into_a_referenced_library_is_judged_against_the_librarys_sink()
        {
            var workspace = package.NewWorkspace("cross-project");
            var infrastructure = PackageFixture.WriteProject(workspace, "Infrastructure", Infrastructure);
            var web = PackageFixture.WriteProject(workspace, "Web", Web,
                extraProperties: "<OutputType>Exe</OutputType>",
                extraItems: """<ProjectReference Include="../Infrastructure/Infrastructure.csproj" />""");

            var result = DotNet.Run(web, Build);
            Assert.True(result.ExitCode == 0, result.ToString());

            // The library exported its public method (and the interface member it implements); the application read it.
            var exportsPath = Path.Combine(infrastructure, "obj", "Debug", "net10.0", "residency.exports.json");
            var exports = JsonParser.Parse(File.ReadAllText(exportsPath));
            // Both arguments reach the annotated sink (a [DataSink] method sends every parameter).
            var items = exports.Get("exports")!.Items;
            Assert.Equal(new[] { "0", "1" }, items.Select(e => e.Get("parameter")!.Text).OrderBy(p => p));
            Assert.All(items, export =>
            {
                Assert.Equal("M:Contoso.Infrastructure.EmailSender.SendAsync(System.String,System.String)", export.GetString("method"));
                Assert.Equal("M:Contoso.Infrastructure.IEmailSender.SendAsync(System.String,System.String)", Assert.Single(export.Get("implements")!.Items).Text);
            });

            // The application's build: a violation at its own call, to the library's US sink.
            Assert.Contains("Code.cs(8,", result.Output);
            Assert.Contains("RES001", result.Output);
            var inventory = JsonParser.Parse(File.ReadAllText(Path.Combine(web, "bin", "Debug", "net10.0", "residency", "inventory.json")));
            var webFlows = inventory.Get("flows")!.Items.Where(f => f.GetString("assembly") == "Web").ToList();
            Assert.Equal(2, webFlows.Count);
            var flow = Assert.Single(webFlows, f => f.Get("path")!.Items[0].Text == "Welcome");
            Assert.Equal("violation", flow.GetString("status"));
            Assert.Equal("US", flow.Get("sink")!.GetString("region"));
            Assert.Equal("Acme Mail Inc.", flow.Get("sink")!.GetString("recipient"));
            Assert.Equal(new[] { "Welcome", "SendAsync", "Deliver", "UsMailService.DeliverAsync" }, flow.Get("path")!.Items.Select(i => i.Text));
            Assert.Empty(inventory.Get("unclassified")!.Items);

            // The library's CurrentUser.Email is personal data it reads: the web project's call with it is a flow too.
            var confirm = Assert.Single(webFlows, f => f.Get("path")!.Items[0].Text == "Confirm");
            Assert.Equal("violation", confirm.GetString("status"));
            Assert.Equal("contact.email", Assert.Single(confirm.Get("sources")!.Items).GetString("category"));
            Assert.Contains("Code.cs(10,", result.Output);

            // A change to the library's private code that leaves its exports as they were does not rewrite them.
            var written = File.GetLastWriteTimeUtc(exportsPath);
            File.AppendAllText(Path.Combine(infrastructure, "Code.cs"), "\ninternal static class Unrelated { internal static int Twice(int x) => 2 * x; }\n");
            result = DotNet.Run(web, Build);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(written, File.GetLastWriteTimeUtc(exportsPath));

            // ResidencyExportSummaries=false: no exports, and the call is an unclassified recipient again.
            result = DotNet.Run(web, Build + " -p:ResidencyExportSummaries=false");
            Assert.True(result.ExitCode == 0, result.ToString());
            inventory = JsonParser.Parse(File.ReadAllText(Path.Combine(web, "bin", "Debug", "net10.0", "residency", "inventory.json")));
            Assert.DoesNotContain(inventory.Get("flows")!.Items, f => f.GetString("assembly") == "Web");
            Assert.Contains(inventory.Get("unclassified")!.Items, u => u.GetString("recipient") == "Contoso.Infrastructure.IEmailSender.SendAsync");
        }

        // A clean-architecture solution as a template makes it: Application declares the interfaces and calls them,
        // Infrastructure implements them with the signed-in user's claims and SendGrid, the web project wires them up.
        [Fact]
        public void A_clean_architecture_solution_follows_the_claims_and_the_email_sender_across_its_three_projects()
        {
            var workspace = package.NewWorkspace("clean-architecture");
            PackageFixture.WriteProject(workspace, "Application", """
                namespace Shop.Application;

                public interface IEmailSender { Task SendAsync(string to, string subject, string body); }

                public interface ICurrentUser { string? Email { get; } }

                public sealed record Order(int Id, string CustomerEmail, decimal Total);

                public sealed class OrderService(IEmailSender sender)
                {
                    public Task ConfirmAsync(Order order) =>
                        sender.SendAsync(order.CustomerEmail, $"Order {order.Id}", $"Total {order.Total}");
                }
                """);
            PackageFixture.WriteProject(workspace, "Infrastructure", """
                using System.Net.Http.Json;
                using System.Security.Claims;
                using Microsoft.AspNetCore.Http;
                using Shop.Application;

                namespace Shop.Infrastructure;

                public sealed class SendGridEmailSender(HttpClient http) : IEmailSender
                {
                    public Task SendAsync(string to, string subject, string body) =>
                        http.PostAsJsonAsync("https://api.sendgrid.com/v3/mail/send", new { to, subject, body });
                }

                public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
                {
                    public string? Email => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.Email);
                }
                """, extraItems: """
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <ProjectReference Include="../Application/Application.csproj" />
                """);
            var web = PackageFixture.WriteProject(workspace, "Web", """
                using Shop.Application;

                public static class Endpoints
                {
                    public static Task Confirm(int id, ICurrentUser user, OrderService orders) =>
                        orders.ConfirmAsync(new Order(id, user.Email ?? "", 10m));

                    public static void Main() { }
                }
                """, extraProperties: "<OutputType>Exe</OutputType>", extraItems: """
                <ProjectReference Include="../Application/Application.csproj" />
                <ProjectReference Include="../Infrastructure/Infrastructure.csproj" />
                """);

            var result = DotNet.Run(web, Build);
            Assert.True(result.ExitCode == 0, result.ToString());

            // The claim read in Infrastructure, handed to Application's service, sent by Infrastructure's SendGrid sender.
            Assert.Contains("Code.cs(6,", result.Output);
            var inventory = JsonParser.Parse(File.ReadAllText(Path.Combine(web, "bin", "Debug", "net10.0", "residency", "inventory.json")));
            var flow = Assert.Single(inventory.Get("flows")!.Items, f => f.GetString("assembly") == "Web");
            Assert.Equal("violation", flow.GetString("status"));
            Assert.Equal("api.sendgrid.com", flow.Get("sink")!.GetString("host"));
            Assert.Equal("US", flow.Get("sink")!.GetString("region"));
            Assert.Equal("contact.email", Assert.Single(flow.Get("sources")!.Items).GetString("category"));
            Assert.Equal(new[] { "Confirm", "ConfirmAsync", "SendAsync", "HTTP POST api.sendgrid.com" }, flow.Get("path")!.Items.Select(i => i.Text));
            Assert.DoesNotContain(inventory.Get("unclassified")!.Items, u => u.GetString("assembly") == "Web");
        }

        // The other way round, as the Clean Architecture template has it: Application declares IUser and sends the user's id
        // itself; the web project implements IUser from the claims. Application's build cannot know the id is personal;
        // its exports say where the value goes, and the web project's build reports the flow at its implementation.
        [Fact]
        public void A_value_the_application_layer_reads_from_an_interface_the_web_project_implements_is_a_flow_of_the_web_project()
        {
            var workspace = package.NewWorkspace("open-member");
            PackageFixture.WriteProject(workspace, "Application", """
                using System.Net.Http.Json;

                namespace Shop.Application;

                public interface IUser { string? Id { get; } }

                public sealed class AuditService(IUser user, HttpClient http)
                {
                    public Task RecordAsync(string action) =>
                        http.PostAsJsonAsync("https://api.sendgrid.com/v3/audit", new { user = user.Id, action });
                }
                """);
            var web = PackageFixture.WriteProject(workspace, "Web", """
                using System.Security.Claims;
                using Microsoft.AspNetCore.Http;
                using Shop.Application;

                public sealed class CurrentUser(IHttpContextAccessor accessor) : IUser
                {
                    public string? Id => accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);

                    public static void Main() { }
                }
                """, extraProperties: "<OutputType>Exe</OutputType>", extraItems: """
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <ProjectReference Include="../Application/Application.csproj" />
                """);

            var result = DotNet.Run(web, Build);
            Assert.True(result.ExitCode == 0, result.ToString());

            // Reported in the web project, where the claim is read for Application.
            Assert.Contains("Code.cs(7,", result.Output);
            var inventory = JsonParser.Parse(File.ReadAllText(Path.Combine(web, "bin", "Debug", "net10.0", "residency", "inventory.json")));
            var flow = Assert.Single(inventory.Get("flows")!.Items, f => f.GetString("assembly") == "Web");
            Assert.Equal("violation", flow.GetString("status"));
            Assert.Equal("api.sendgrid.com", flow.Get("sink")!.GetString("host"));
            Assert.Equal("unique_id", Assert.Single(flow.Get("sources")!.Items).GetString("category"));
            Assert.Equal(new[] { "Id", "RecordAsync", "HTTP POST api.sendgrid.com" }, flow.Get("path")!.Items.Select(i => i.Text));
        }
    }
}
