using System.Text.RegularExpressions;

namespace Residency.EndToEnd.Tests
{
    /// <summary>What a user sees in the console: the summary line under the default terminal logger, and the policy on the command line.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class VisibleOutputTests(PackageFixture package)
    {
        private const string Source = """
            using Residency;
            public class Customer { [PersonalData("contact.email")] public string Email { get; set; } = ""; }
            public class Crm { [DataSink("US", Recipient = "Acme CRM Inc.")] public void Send(string s) { } }
            public class Service { public void Run(Customer c, Crm crm) => crm.Send(c.Email); }
            """;

        [Fact]
        public void SummaryLineIsAHighImportanceMessageTheTerminalLoggerShows()
        {
            var project = PackageFixture.WriteProject(package.NewWorkspace("tl"), "App", Source);
            // -tl:on: the terminal logger `dotnet build` uses in a terminal. It renders build messages (high importance
            // ones) from -v:detailed on; at its default verbosity it shows warnings and errors only (docs/inventory.md).
            var result = DotNet.Run(project, "build -nologo -tl:on -v:d -p:UseSharedCompilation=false -nodeReuse:false");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("Residency: 1 violation, 0 declared transfers, 0 unknown endpoints", Strip(result.Output));

            // Without the terminal logger (CI logs, redirected output), the line is printed at the default verbosity.
            var plain = DotNet.Run(project, "build -nologo -tl:off -p:UseSharedCompilation=false -nodeReuse:false");
            Assert.Contains("Residency: 1 violation, 0 declared transfers, 0 unknown endpoints", plain.Output);
        }

        [Theory]
        [InlineData("\\\"EEA;US\\\"")]
        [InlineData("\\\"EEA,US\\\"")]
        public void SeveralAllowedRegionsOnTheCommandLine(string value)
        {
            var project = PackageFixture.WriteProject(package.NewWorkspace("regions"), "App", Source);
            var result = DotNet.Run(project, $"build -nologo -v:m -p:UseSharedCompilation=false -nodeReuse:false -p:ResidencyAllowedRegions={value}");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.DoesNotContain("RES001", result.Output);
            Assert.DoesNotContain("RES004", result.Output);
            Assert.Contains("Residency: 0 violations", result.Output);
        }

        /// <summary>The terminal logger's output without its escape sequences.</summary>
        private static string Strip(string output) => Regex.Replace(output, @"\x1B(\[[0-9;?]*[ -/]*[@-~]|\][^\x07]*\x07|[@-Z\\-_])", "");
    }
}
