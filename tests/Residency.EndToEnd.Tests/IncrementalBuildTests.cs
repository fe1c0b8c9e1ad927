using System;
using System.IO;
using System.Linq;
using Residency.Analyzers.Json;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// Incremental builds stay right: an up-to-date compilation keeps the last facts file and writes nothing, and the
    /// configuration the analyzers read (residency.json, appsettings*.json) is an input of the compilation.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class IncrementalBuildTests(PackageFixture package)
    {
        private const string Build = "build -nologo -v:m -p:UseSharedCompilation=false -nodeReuse:false";

        private const string Code = """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Residency;
            public class Customer { [PersonalData("contact.email")] public string Email { get; set; } = ""; }
            public class Exporter
            {
                private readonly HttpClient _http = new();
                public Task Export(Customer c) => _http.PostAsync("https://api.crm-vendor.example/contacts", new StringContent(c.Email));
            }
            """;

        [Fact]
        public void SecondBuildWritesNothingAndAChangedResidencyJsonIsAnalysedAgain()
        {
            var project = PackageFixture.WriteProject(package.NewWorkspace("incremental"), "App", Code);
            var first = DotNet.Run(project, Build);
            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.Contains("warning RES003", first.Output);
            Assert.Equal("unknown", Flow(project).GetString("status"));

            var facts = Path.Combine(project, "obj", "Debug", "net10.0", "residency.facts.json");
            var outputs = Directory.GetFiles(Path.Combine(project, "bin", "Debug", "net10.0", "residency")).Append(facts).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            var times = outputs.Select(File.GetLastWriteTimeUtc).ToArray();

            // Nothing changed: the compilation is up to date, the facts file and the inventory are not touched.
            var second = DotNet.Run(project, Build);
            Assert.True(second.ExitCode == 0, second.ToString());
            Assert.DoesNotContain("warning RES003", second.Output);
            Assert.Equal(times, outputs.Select(File.GetLastWriteTimeUtc).ToArray());
            Assert.Equal("unknown", Flow(project).GetString("status"));

            // residency.json names the host: it is an input, so the compilation runs again and the facts follow.
            File.WriteAllText(Path.Combine(project, "residency.json"), """
                { "hosts": [ { "pattern": "api.crm-vendor.example", "region": "DE", "recipient": "CRM Vendor GmbH" } ] }
                """);
            var third = DotNet.Run(project, Build);
            Assert.True(third.ExitCode == 0, third.ToString());
            Assert.DoesNotContain("warning RES003", third.Output);
            var flow = Flow(project);
            Assert.Equal("allowed", flow.GetString("status"));
            Assert.Equal("CRM Vendor GmbH", flow.Get("sink")!.GetString("recipient"));
        }

        private static JsonNode Flow(string project) =>
            JsonParser.Parse(File.ReadAllText(Path.Combine(project, "bin", "Debug", "net10.0", "residency", "inventory.json"))).Get("flows")!.Items.Single();
    }
}
