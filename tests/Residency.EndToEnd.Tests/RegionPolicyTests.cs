using System.Linq;
using System.Text.RegularExpressions;

namespace Residency.EndToEnd.Tests
{
    /// <summary>The foundation's acceptance checks, on a real project restored from the packed package.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class RegionPolicyTests(PackageFixture package)
    {
        private static string Source(string region) => $$"""
            using Residency;

            public class Customer
            {
                [PersonalData("contact.email")] public string Email { get; set; } = "";
            }

            public class Crm
            {
                [DataSink("{{region}}")] public void Send(string payload) { }
            }

            public class Service
            {
                public void Run(Customer customer, Crm crm)
                {
                    crm.Send(customer.Email);
                }
            }
            """;

        [Fact]
        public void UsSinkPrintsRes001AtTheSendLine()
        {
            var result = Build("us", Source("US"));
            Assert.Equal(0, result.ExitCode);
            Assert.Matches(new Regex(@"Code\.cs\(17,9\): warning RES001: Personal data Customer\.Email \(contact\.email\) reaches Crm\.Send in US"), result.Output);
            Assert.DoesNotContain("AD0001", result.Output);
        }

        [Theory]
        [InlineData("DE")]
        [InlineData("NO")]
        [InlineData("CH")]
        public void AllowedRegionsPrintNothing(string region)
        {
            var result = Build("allowed-" + region, Source(region));
            Assert.Equal(0, result.ExitCode);
            Assert.DoesNotMatch(new Regex(@"warning RES00\d"), result.Output);
            Assert.DoesNotContain("AD0001", result.Output);
        }

        [Fact]
        public void InvalidRegionPrintsRes004()
        {
            var result = Build("invalid", Source("XX"));
            Assert.Equal(0, result.ExitCode);
            Assert.Matches(new Regex(@"Code\.cs\(10,15\): warning RES004: \[DataSink\] region 'XX' is not a region code"), result.Output);
        }

        [Fact]
        public void AllowedRegionsPropertyIsPassedToTheAnalyzers()
        {
            var result = Build("policy", Source("CH"), "<ResidencyAllowedRegions>EU;NO</ResidencyAllowedRegions>");
            Assert.Matches(new Regex(@"warning RES001: .* in CH \(Switzerland\), outside the allowed regions \(EU;NO\)"), result.Output);
        }

        private CommandResult Build(string name, string source, string properties = "")
        {
            var workspace = package.NewWorkspace(name);
            var project = PackageFixture.WriteProject(workspace, "App", source, properties);
            return DotNet.Run(project, "build -nologo -v:m -p:UseSharedCompilation=false -nodeReuse:false");
        }
    }
}
