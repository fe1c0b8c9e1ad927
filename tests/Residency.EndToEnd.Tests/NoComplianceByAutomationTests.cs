using System.IO;
using System.Text.RegularExpressions;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// A legal basis is a person's decision: batch fixing (`dotnet format`) never declares a transfer, and a declaration
    /// whose justification is still the code fix's placeholder fails the CI gate with RES004 at its line.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class NoComplianceByAutomationTests(PackageFixture package, Xunit.Abstractions.ITestOutputHelper output)
    {
        private const string Build = "build -nologo -v:m -p:UseSharedCompilation=false -nodeReuse:false";

        private const string Violating = """
            using Residency;
            public class Customer
            {
                [PersonalData("contact.email")] public string Email { get; set; } = "";
            }
            public class Crm { [DataSink("US", Recipient = "Acme CRM Inc.")] public void Send(string s) { } }
            public class Service
            {
                public void Sync(Customer c, Crm crm) => crm.Send(c.Email);
            }
            """;

        [Fact]
        public void DotnetFormatDoesNotDeclareTransfers()
        {
            var project = PackageFixture.WriteProject(package.NewWorkspace("format"), "App", Violating);
            var restore = DotNet.Run(project, "restore -nologo");
            Assert.True(restore.ExitCode == 0, restore.ToString());

            // What the issue saw: `dotnet format analyzers --diagnostics RES001` declared the transfer. It must leave the code alone.
            var analyzers = DotNet.Run(project, "format analyzers --no-restore --diagnostics RES001 --severity info -v:d");
            var code = File.ReadAllText(Path.Combine(project, "Code.cs"));
            Assert.True(code.ReplaceLineEndings() == Violating.ReplaceLineEndings(), analyzers + "\n---\n" + code);
            output.WriteLine(analyzers.Output);
            Assert.Contains("DeclareTransferCodeFixProvider", analyzers.Output); // dotnet format: "doesn't support Fix All in Solution"

            // A plain `dotnet format` (every fixable diagnostic, Info included) may apply other fixes, never a DataTransfer.
            var plain = DotNet.Run(project, "format --no-restore --severity info");
            code = File.ReadAllText(Path.Combine(project, "Code.cs"));
            Assert.True(!code.Contains("DataTransfer"), plain + "\n---\n" + code);

            var gate = DotNet.Run(project, Build, ("CI", "true"));
            Assert.NotEqual(0, gate.ExitCode);
            Assert.Contains("error RES001", gate.Output);
        }

        [Fact]
        public void PlaceholderJustificationFailsTheGateAndIsUnjustifiedInTheRecord()
        {
            var declared = Violating.Replace(
                "    public void Sync(",
                "    [DataTransfer(\"US\", TransferMechanism.StandardContractualClauses, Recipient = \"Acme CRM Inc.\", Justification = \"TODO: reference the signed SCCs\")]\n    public void Sync(");
            var project = PackageFixture.WriteProject(package.NewWorkspace("placeholder"), "App", declared);
            var gate = DotNet.Run(project, Build, ("CI", "true"));
            Assert.NotEqual(0, gate.ExitCode);
            Assert.Matches(new Regex(@"Code\.cs\(9,\d+\): error RES004: \[DataTransfer\] to US \(Acme CRM Inc\.\) still has the placeholder Justification"), gate.Output);
            Assert.DoesNotContain("error RES001", gate.Output);

            var written = declared.Replace("TODO: reference the signed SCCs", "SCCs module 2 signed 2026-03-01, DPA ref. 42");
            File.WriteAllText(Path.Combine(project, "Code.cs"), written);
            var passed = DotNet.Run(project, Build, ("CI", "true"));
            Assert.True(passed.ExitCode == 0, passed.ToString());
            Assert.DoesNotContain("RES004", passed.Output);
        }
    }
}
