using System.IO;
using System.Linq;

namespace Residency.EndToEnd.Tests
{
    /// <summary>An annotated sink is the sink: the HTTP call inside a [DataSink] wrapper is its implementation, not a second flow.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class AnnotatedSinkTests(PackageFixture package)
    {
        private const string Source = """
            using System.Net.Http.Json;
            using Residency;

            public class Customer { [PersonalData("contact.email")] public string Email { get; set; } = ""; }

            public class MusterCrm
            {
                private readonly HttpClient _http = new();

                [DataSink("DE", Recipient = "Muster CRM GmbH", Purpose = "Customer relationship management")]
                public Task UpsertAsync(string email) => _http.PostAsJsonAsync("https://api.muster-crm.de/v2/contacts", new { email });
            }

            public class Service
            {
                public Task Sync(Customer c, MusterCrm crm) => crm.UpsertAsync(c.Email);
            }
            """;

        [Fact]
        public void TheWrapperIsOneAllowedFlowWithTheAnnotationsRegionAndNoUnknownEndpoint()
        {
            var project = PackageFixture.WriteProject(package.NewWorkspace("wrapper"), "App", Source);
            var result = DotNet.Run(project, "build -nologo -v:m -tl:off -p:UseSharedCompilation=false -nodeReuse:false", ("CI", "true"));
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain("RES003", result.Output);
            Assert.Contains("Residency: 0 violations, 0 declared transfers, 0 unknown endpoints", result.Output);

            using var inventory = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(project, "bin", "Debug", "net10.0", "residency", "inventory.json")));
            var flow = Assert.Single(inventory.RootElement.GetProperty("flows").EnumerateArray().ToList());
            Assert.Equal("allowed", flow.GetProperty("status").GetString());
            var sink = flow.GetProperty("sink");
            Assert.Equal("DE", sink.GetProperty("region").GetString());
            Assert.Equal("Muster CRM GmbH", sink.GetProperty("recipient").GetString());
            Assert.Equal("Customer relationship management", sink.GetProperty("purpose").GetString());
            Assert.Equal(0, inventory.RootElement.GetProperty("summary").GetProperty("unknownEndpoints").GetInt32());
        }
    }
}
