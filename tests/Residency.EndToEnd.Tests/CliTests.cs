using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// The residency tool as a user gets it: packed into the test feed, installed into a tool manifest with
    /// <c>dotnet tool install --local</c>, then <c>scan</c> on the sample (which references the package already) and on
    /// an unannotated two-project solution, and <c>diff</c> of two records that differ by one flow.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class CliTests(PackageFixture package)
    {
        private static readonly object Gate = new();

        // A version of its own per run: the SDK's local-tool resolver caches where a tool version lives, and a
        // previous run's package folder is gone.
        private static readonly string ToolVersion = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        private static string? toolWorkspace;

        /// <summary>Packs Residency.Cli into the feed and installs it into a tool manifest, once per test run.</summary>
        private string ToolWorkspace()
        {
            lock (Gate)
            {
                if (toolWorkspace is not null && Directory.Exists(toolWorkspace))
                {
                    return toolWorkspace;
                }

                var project = Path.Combine(DotNet.RepositoryRoot, "src", "Cli", "Residency.Cli.csproj");
                var pack = DotNet.Run(DotNet.RepositoryRoot, $"pack \"{project}\" -c Release -o \"{package.Feed}\" -p:Version={ToolVersion} -nologo");
                Assert.True(pack.ExitCode == 0, "dotnet pack of the tool failed:\n" + pack);
                Assert.True(File.Exists(Path.Combine(package.Feed, $"Residency.Cli.{ToolVersion}.nupkg")), pack.ToString());

                // As a user installs it: `--add-source` with the folder feed (NuGet refuses it when package source mapping is on).
                var workspace = package.NewWorkspace("tool");
                File.WriteAllText(Path.Combine(workspace, "NuGet.config"), $"""
                    <?xml version="1.0" encoding="utf-8"?>
                    <configuration>
                      <packageSources>
                        <clear />
                        <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                      </packageSources>
                      <config><add key="globalPackagesFolder" value="{package.Packages}" /></config>
                    </configuration>
                    """);
                var manifest = DotNet.Run(workspace, "new tool-manifest");
                Assert.True(manifest.ExitCode == 0, manifest.ToString());
                var install = DotNet.Run(workspace, $"tool install --local --add-source \"{package.Feed}\" Residency.Cli --version {ToolVersion}");
                Assert.True(install.ExitCode == 0, install.ToString());
                Assert.Contains("residency", install.Output);
                toolWorkspace = workspace;
                return workspace;
            }
        }

        private CommandResult Residency(string arguments) => DotNet.Run(ToolWorkspace(), "tool run residency -- " + arguments);

        [Fact]
        public void ScanOfTheSampleThatReferencesThePackageAnalysesItOnce()
        {
            var workspace = package.NewWorkspace("cli-sample");
            var sample = Path.Combine(workspace, "SupportDesk");
            DotNet.CopyDirectory(Path.Combine(DotNet.RepositoryRoot, "samples", "SupportDesk"), sample);
            var output = Path.Combine(workspace, "record");

            var scan = Residency($"scan \"{sample}\" --output \"{output}\" -p ResidencyPackageVersion={PackageFixture.Version} -p UseSharedCompilation=false");

            Assert.True(scan.ExitCode == 1, "violations give exit code 1:\n" + scan);
            Assert.Contains("1 C# project, name-based inference on", scan.Output);
            Assert.Contains("[1/1] SupportDesk (net10.0)", scan.Output);
            Assert.Matches(new Regex(@"│ violations\s+│\s+6 │"), scan.Output); // as the sample's build: with the IChatClient flow and the e-mail claim of the portal
            Assert.Matches(new Regex(@"violation Customer\.Email, Customer\.FullName → Acme CRM Inc\. \(US\)\s+SupportDesk/Services/SupportService\.cs:\d+"), scan.Output);

            using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "inventory.json")));
            var summary = record.RootElement.GetProperty("summary");
            Assert.Equal(6, summary.GetProperty("violations").GetInt32());
            Assert.Equal(1, summary.GetProperty("declaredTransfers").GetInt32());
            Assert.Equal("SupportDesk", record.RootElement.GetProperty("assembly").GetString());
            foreach (var extension in new[] { "md", "html", "csv" })
            {
                Assert.True(File.Exists(Path.Combine(output, "inventory." + extension)), extension);
            }

            // The project's own package reference is used; the tool adds no second copy of the analyzers: every finding is reported once.
            var results = SarifResults(Path.Combine(output, "residency.sarif"));
            Assert.Equal(7, results.Count);
            Assert.Equal(results.Count, results.Distinct().Count());
            Assert.Equal(5, results.Count(r => r.Rule == "RES001"));
            Assert.Single(results, r => r.Rule == "RES002");
            Assert.Single(results, r => r.Rule == "RES005");
        }

        [Fact]
        public void ScanAndDiffOfAMultiProjectSolution()
        {
            var solution = package.NewWorkspace("cli-shop");
            WriteShop(solution);
            var before = Snapshot(solution);
            var baseRecord = Path.Combine(package.Root, "shop-base-" + Guid.NewGuid().ToString("N")[..6]);

            var scan = Residency($"scan \"{solution}\" --output \"{baseRecord}\" -p UseSharedCompilation=false");

            Assert.True(scan.ExitCode == 1, "a violation gives exit code 1:\n" + scan);
            Assert.Contains("Shop.slnx: 2 C# projects, name-based inference on", scan.Output);
            Assert.Contains("[1/2] Shop.Core (net10.0)", scan.Output);
            Assert.Contains("[2/2] Shop.Api (net10.0)", scan.Output);
            Assert.Matches(new Regex(@"violation Customer\.Email → Twilio SendGrid \(US\)\s+Shop\.Core/Customer\.cs:\d+"), scan.Output);
            Assert.Matches(new Regex(@"unknown region Customer\.FullName → analytics\.example-unknown\.io \(Unknown\)\s+Shop\.Api/Handler\.cs:\d+"), scan.Output);

            using (var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(baseRecord, "inventory.json"))))
            {
                Assert.Equal("Shop", record.RootElement.GetProperty("assembly").GetString());
                Assert.Equal(new[] { "Shop.Api", "Shop.Core" }, record.RootElement.GetProperty("assemblies").EnumerateArray().Select(a => a.GetString()));
                var summary = record.RootElement.GetProperty("summary");
                Assert.Equal(2, summary.GetProperty("flows").GetInt32());
                Assert.Equal(1, summary.GetProperty("violations").GetInt32());
                Assert.Equal(1, summary.GetProperty("unknownEndpoints").GetInt32());
                Assert.All(record.RootElement.GetProperty("dataElements").EnumerateArray(), e => Assert.Equal("inferred", e.GetProperty("origin").GetString()));
            }

            var results = SarifResults(Path.Combine(baseRecord, "residency.sarif"));
            Assert.Contains(results, r => r.Rule == "RES001" && r.File == "Customer.cs");
            Assert.Contains(results, r => r.Rule == "RES003" && r.File == "Handler.cs");

            // The scanned repository is unchanged (only bin/ and obj/ are written, as by any build).
            Assert.Equal(before, Snapshot(solution));

            // One more flow: the API now sends the customer's e-mail to HubSpot (US).
            File.WriteAllText(Path.Combine(solution, "Shop.Api", "Crm.cs"), """
                using Shop.Core;
                namespace Shop.Api;
                public sealed class Crm
                {
                    private readonly HttpClient http = new();
                    public Task SyncAsync(Customer customer) =>
                        http.PostAsync("https://api.hubapi.com/crm/v3/objects/contacts", new StringContent(customer.Email));
                }
                """);
            var headRecord = Path.Combine(package.Root, "shop-head-" + Guid.NewGuid().ToString("N")[..6]);
            var head = Residency($"scan \"{Path.Combine(solution, "Shop.slnx")}\" --output \"{headRecord}\" --fail-on none -p UseSharedCompilation=false");
            Assert.True(head.ExitCode == 0, "--fail-on none gives exit code 0 despite violations:\n" + head);
            Assert.Matches(new Regex(@"│ violations\s+│\s+2 │"), head.Output);

            var baseJson = Path.Combine(baseRecord, "inventory.json");
            var headJson = Path.Combine(headRecord, "inventory.json");
            var diff = Residency($"diff \"{baseJson}\" \"{headJson}\"");
            Assert.True(diff.ExitCode == 1, "a new violation gives exit code 1:\n" + diff);
            Assert.StartsWith("## Residency: personal-data processing changes", diff.Output);
            Assert.Contains("**This change adds 1 new violation.**", diff.Output);
            Assert.Contains("### New flows (1)", diff.Output);
            Assert.Matches(new Regex(@"\| \*\*violation\*\* \| `Customer\.Email` \(contact\.email\) \| HubSpot[^|]* \| US \| `Crm\.cs:\d+` \(Shop\.Api\) \|"), diff.Output);
            Assert.Contains("### New recipients (1)", diff.Output);
            Assert.DoesNotContain("### Removed flows", diff.Output);
            Assert.DoesNotContain("### New third countries", diff.Output);

            var back = Residency($"diff \"{headJson}\" \"{baseJson}\" --format json");
            Assert.True(back.ExitCode == 0, "removing a flow adds no violation:\n" + back);
            using (var json = JsonDocument.Parse(back.Output))
            {
                Assert.False(json.RootElement.GetProperty("addsViolationOrUnknownEndpoint").GetBoolean());
                Assert.Single(json.RootElement.GetProperty("removedFlows").EnumerateArray());
                Assert.Empty(json.RootElement.GetProperty("addedFlows").EnumerateArray());
            }

            var missing = Residency($"diff \"{Path.Combine(baseRecord, "nope.json")}\" \"{headJson}\"");
            Assert.Equal(2, missing.ExitCode);
            Assert.Equal($"residency: {Path.Combine(baseRecord, "nope.json")}: file not found", missing.Output.Trim());

            var notInventory = Residency($"diff \"{Path.Combine(baseRecord, "residency.sarif")}\" \"{headJson}\"");
            Assert.Equal(2, notInventory.ExitCode);
            Assert.Equal($"residency: {Path.Combine(baseRecord, "residency.sarif")}: not a Residency inventory (no 'flows' and 'dataElements' arrays)", notInventory.Output.Trim());
        }

        private static void WriteShop(string directory)
        {
            PackageFixture.WriteUnreferencedProject(directory, "Shop.Core", """
                namespace Shop.Core;
                public sealed class Customer
                {
                    public Guid Id { get; init; }
                    public string Email { get; init; } = "";
                    public string FullName { get; init; } = "";
                }
                public sealed class MailClient
                {
                    private readonly HttpClient http = new();
                    public Task SendAsync(Customer customer) =>
                        http.PostAsync("https://api.sendgrid.com/v3/mail/send", new StringContent(customer.Email));
                }
                """, "Customer.cs");
            PackageFixture.WriteUnreferencedProject(directory, "Shop.Api", """
                using Shop.Core;
                namespace Shop.Api;
                public sealed class Handler
                {
                    private readonly HttpClient http = new();
                    public Task NotifyAsync(Customer customer) =>
                        http.PostAsync("https://analytics.example-unknown.io/track", new StringContent(customer.FullName));
                }
                """, "Handler.cs", """<ProjectReference Include="../Shop.Core/Shop.Core.csproj" />""");
            File.WriteAllText(Path.Combine(directory, "Shop.slnx"), """
                <Solution>
                  <Project Path="Shop.Api/Shop.Api.csproj" />
                  <Project Path="Shop.Core/Shop.Core.csproj" />
                </Solution>
                """);
        }

        /// <summary>Every file outside bin/ and obj/, with a hash of its content.</summary>
        private static SortedDictionary<string, string> Snapshot(string directory)
        {
            var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(directory, file);
                if (!relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
                {
                    files[relative] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
                }
            }

            return files;
        }

        private static List<(string Rule, string File, int Line)> SarifResults(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.GetProperty("runs").EnumerateArray()
                .SelectMany(run => run.GetProperty("results").EnumerateArray())
                .Select(r =>
                {
                    var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                    return (r.GetProperty("ruleId").GetString()!, Path.GetFileName(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!), location.GetProperty("region").GetProperty("startLine").GetInt32());
                })
                .ToList();
        }
    }
}
