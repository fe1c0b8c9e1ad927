using System.IO;
using System.Text.Json;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// A first build with no annotation at all: the analyzers say nothing as warnings (RES006 is Info), so the summary line
    /// tells the new user where they stand and the inventory lists the candidates; and personal data that needs no
    /// annotation (a claim) is found at once.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class FirstBuildTests(PackageFixture package)
    {
        private const string Build = "build -nologo -v:m -p:UseSharedCompilation=false -nodeReuse:false";

        [Fact]
        public void WithNoFlowTheSummaryLineCountsTheCandidates()
        {
            var project = PackageFixture.WriteProject(package.NewWorkspace("first"), "Shop", """
                public class Customer
                {
                    public int Id { get; set; }
                    public string Email { get; set; } = "";
                    public string City { get; set; } = "";
                    public string UserAgent { get; set; } = "";
                }
                public record ShippedEvent(int Id, string BuyerName);
                """);
            var result = DotNet.Run(project, Build);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("Residency: 0 flows found \u2014 4 members look like personal data but are not annotated (RES006): see ", result.Output);
            Assert.Contains("or set ResidencyInferPersonalData=true", result.Output);

            using var inventory = JsonDocument.Parse(File.ReadAllText(Path.Combine(project, "bin", "Debug", "net10.0", "residency", "inventory.json")));
            Assert.Equal(4, inventory.RootElement.GetProperty("summary").GetProperty("unannotatedCandidates").GetInt32());
            var findings = inventory.RootElement.GetProperty("findings").ToString();
            Assert.Contains("Customer.Email", findings);
            Assert.Contains("ShippedEvent.BuyerName", findings);
        }
    }
}
