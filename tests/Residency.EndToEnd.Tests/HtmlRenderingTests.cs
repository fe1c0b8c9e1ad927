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
    public sealed class HtmlRenderingTests(PackageFixture package)
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

            var screenshot = Path.Combine(workspace, "inventory.png");
            RunChromium(chromium!, workspace, $"--screenshot=\"{screenshot}\" --window-size=1280,2400 \"file://{html}\"");
            Assert.True(File.Exists(screenshot) && new FileInfo(screenshot).Length > 20_000, "no screenshot");
            var keep = Environment.GetEnvironmentVariable("RESIDENCY_SCREENSHOT_DIR");
            if (!string.IsNullOrEmpty(keep))
            {
                Directory.CreateDirectory(keep);
                File.Copy(screenshot, Path.Combine(keep, "inventory.png"), overwrite: true);
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
