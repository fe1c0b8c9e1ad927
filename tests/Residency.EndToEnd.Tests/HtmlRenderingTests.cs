using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// Renders the sample's inventory.html in headless Chromium (Debian's package; .ci/run installs it) and checks
    /// what a person would see: the Art. 30 sections with the sample's real flows, from one self-contained file.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class HtmlRenderingTests(PackageFixture package, Xunit.Abstractions.ITestOutputHelper output)
    {
        [SkippableFact]
        public void InventoryHtmlRendersTheArt30RecordInChromium()
        {
            var chromium = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);
            var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            Skip.If(chromium is null && !inCi, "Chromium is not installed (apt-get install chromium; .ci/run does it)");
            Assert.True(chromium is not null, "CI must have Chromium: .ci/run installs Debian's chromium package");

            var workspace = package.NewWorkspace("html");
            var sample = Path.Combine(workspace, "SupportDesk");
            DotNet.CopyDirectory(Path.Combine(DotNet.RepositoryRoot, "samples", "SupportDesk"), sample);
            var build = DotNet.Run(sample, $"build -nologo -v:m -p:UseSharedCompilation=false -nodeReuse:false -p:ResidencyPackageVersion={PackageFixture.Version}");
            Assert.True(build.ExitCode == 0, build.ToString());
            var html = Path.Combine(sample, "bin", "Debug", "net10.0", "residency", "inventory.html");

            // Self-contained: nothing is loaded from elsewhere.
            var source = File.ReadAllText(html);
            Assert.DoesNotContain("<link", source, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("src=\"http", source, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@import", source, StringComparison.OrdinalIgnoreCase);

            var dom = RunChromium(chromium!, workspace, $"--dump-dom \"file://{html}\"");
            Assert.Contains("Transfers to third countries", dom);
            Assert.Contains("Categories of recipients", dom);
            Assert.Contains("Acme CRM Inc.", dom);
            Assert.Contains("Mixpanel", dom);
            Assert.Contains("Standard contractual clauses", dom);
            Assert.Contains("Ticket.MedicationNotes", dom);

            // The data-flow map: present and drawn (boxes, lines, the sample's recipients and a highlighted third country).
            Assert.Contains("<svg class=\"flow-map\"", dom);
            var svg = dom.Substring(dom.IndexOf("<svg class=\"flow-map\"", StringComparison.Ordinal));
            svg = svg.Substring(0, svg.IndexOf("</svg>", StringComparison.Ordinal));
            Assert.True(System.Text.RegularExpressions.Regex.Matches(svg, "<rect ").Count >= 4, "the map has no boxes");
            Assert.True(System.Text.RegularExpressions.Regex.Matches(svg, "class=\"edge ").Count >= 2, "the map has no lines");
            Assert.Contains("class=\"node third\"", svg);
            Assert.Contains("Acme CRM Inc.", svg);
            Assert.Contains("E-mail address", svg);
            // Words a DPO reads: labels with their keys, recipient types and retention in words.
            Assert.Contains("E-mail address (contact.email)", dom);
            Assert.DoesNotContain("overflow-wrap: anywhere", source);

            var screenshot = Path.Combine(workspace, "inventory.png");
            RunChromium(chromium!, workspace, $"--screenshot=\"{screenshot}\" --window-size=1280,2400 \"file://{html}\"");
            Assert.True(File.Exists(screenshot) && new FileInfo(screenshot).Length > 20_000, "no screenshot");
            var keep = Environment.GetEnvironmentVariable("RESIDENCY_SCREENSHOT_DIR");
            if (!string.IsNullOrEmpty(keep))
            {
                Directory.CreateDirectory(keep);
                File.Copy(screenshot, Path.Combine(keep, "inventory.png"), overwrite: true);
            }

            // The map alone, at print width, attached to the test output as the screenshot of the record's first screen.
            var top = Path.Combine(workspace, "inventory-map.png");
            RunChromium(chromium!, workspace, $"--screenshot=\"{top}\" --window-size=1280,1100 \"file://{html}#map\"");
            Assert.True(File.Exists(top) && new FileInfo(top).Length > 10_000, "no screenshot of the map");
            output.WriteLine("Screenshots: " + screenshot + " and " + top);
            if (!string.IsNullOrEmpty(keep))
            {
                File.Copy(top, Path.Combine(keep, "inventory-map.png"), overwrite: true);
            }
        }

        private static string RunChromium(string chromium, string workspace, string arguments)
        {
            var profile = Path.Combine(workspace, "chromium-profile-" + Guid.NewGuid().ToString("N")[..6]);
            var info = new ProcessStartInfo(chromium,
                $"--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=\"{profile}\" {arguments}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish");
            }

            Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
    }
}
