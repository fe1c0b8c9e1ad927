using System.IO;
using System.Text.RegularExpressions;

namespace Residency.EndToEnd.Tests
{
    /// <summary>The SupportDesk sample, built against the packed package exactly as README's first command does.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class SampleTests(PackageFixture package)
    {
        [Fact]
        public void SampleBuildReportsItsViolations()
        {
            var workspace = package.NewWorkspace("sample");
            var sample = Path.Combine(workspace, "SupportDesk");
            DotNet.CopyDirectory(Path.Combine(DotNet.RepositoryRoot, "samples", "SupportDesk"), sample);
            var result = DotNet.Run(sample, $"build -nologo -v:m -p:ResidencyPackageVersion={PackageFixture.Version} -p:UseSharedCompilation=false -nodeReuse:false");

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Matches(new Regex(@"SupportService\.cs\(\d+,\d+\): warning RES001: Personal data Customer\.Email \(contact\.email\), Customer\.FullName \(name\) reaches CrmClient\.UpsertContactAsync"), result.Output);
            Assert.Matches(new Regex(@"SupportService\.cs\(\d+,\d+\): warning RES002: Special-category data .*Ticket\.MedicationNotes \(health\)"), result.Output);
            Assert.DoesNotContain("AD0001", result.Output);
            // The analyzed anonymised call does not warn.
            Assert.DoesNotMatch(new Regex(@"warning RES00\d: .*ticket_opened"), result.Output);
        }
    }
}
