using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace Residency.Cli.Scanning
{
    /// <summary>One project build the injected targets reported: its inventory and its SARIF error log.</summary>
    internal sealed record ProjectResult(string ProjectPath, string? TargetFramework, string InventoryFile, string ErrorLog);

    /// <summary>What the build left: exit code, the projects that reported, the error lines.</summary>
    internal sealed record BuildOutcome(int ExitCode, IReadOnlyList<ProjectResult> Projects, IReadOnlyList<string> Errors);

    /// <summary>
    /// Runs <c>dotnet build</c> on the target, unmodified, with the package's analyzers and targets injected through
    /// MSBuild's <c>CustomAfterMicrosoftCommonProps</c>/<c>CustomAfterMicrosoftCommonTargets</c> global properties.
    /// The build's output goes to <c>build.log</c>; each project reports its completion on a line the tool reads for progress.
    /// </summary>
    internal static class InjectedBuild
    {
        public const string ReportPrefix = "residency-cli:project|";

        /// <summary>The package's analyzers, task and targets carried by the tool (the NuGet package's layout).</summary>
        public static string PackageDirectory => Path.Combine(AppContext.BaseDirectory, "residency-package");

        public static IReadOnlyList<string> Arguments(ScanTarget target, ScanOptions options, string outputDirectory)
        {
            var package = PackageDirectory;
            var arguments = new List<string>
            {
                "build",
                target.Path,
                "-nologo",
                "-tl:off",
                "-v:m",
                "-nodeReuse:false",
                // Analyse every compilation: an up-to-date project would not run the analyzers again.
                "--no-incremental",
                "-c",
                options.Configuration,
                "-p:CustomAfterMicrosoftCommonProps=" + Path.Combine(package, "cli", "Residency.Cli.props"),
                "-p:CustomAfterMicrosoftCommonTargets=" + Path.Combine(package, "cli", "Residency.Cli.targets"),
                "-p:ResidencyCliOutput=" + outputDirectory + Path.DirectorySeparatorChar,
                "-p:ResidencyInventory=true",
                "-p:ResidencyEnforce=false",
                "-p:ResidencyInferPersonalData=" + (options.Infer ? "true" : "false"),
            };
            foreach (var property in options.Properties)
            {
                arguments.Add("-p:" + property);
            }

            return arguments;
        }

        public static BuildOutcome Run(ScanTarget target, ScanOptions options, string outputDirectory, string logPath, Action<ProjectResult> progress, Action<string>? echo)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = Path.GetDirectoryName(target.Path)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var argument in Arguments(target, options, outputDirectory))
            {
                info.ArgumentList.Add(argument);
            }

            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            info.Environment["DOTNET_NOLOGO"] = "1";
            info.Environment["MSBUILDNOINPROCNODE"] = null;

            var projects = new List<ProjectResult>();
            var errors = new List<string>();
            var gate = new object();
            using var log = new StreamWriter(logPath, append: false, new UTF8Encoding(false));
            log.WriteLine("dotnet " + string.Join(" ", info.ArgumentList.Select(Quote)));

            void OnLine(string? line)
            {
                if (line is null)
                {
                    return;
                }

                lock (gate)
                {
                    log.WriteLine(line);
                    var report = line.IndexOf(ReportPrefix, StringComparison.Ordinal);
                    if (report >= 0)
                    {
                        var parts = line.Substring(report + ReportPrefix.Length).Split('|');
                        if (parts.Length >= 4)
                        {
                            var result = new ProjectResult(parts[0].Trim(), parts[1].Trim().Length == 0 ? null : parts[1].Trim(), parts[2].Trim(), parts[3].Trim());
                            projects.Add(result);
                            progress(result);
                        }

                        return;
                    }

                    if (line.Contains(": error ", StringComparison.Ordinal) && !errors.Contains(line.Trim(), StringComparer.Ordinal))
                    {
                        errors.Add(line.Trim());
                    }

                    echo?.Invoke(line);
                }
            }

            Process process;
            try
            {
                process = Process.Start(info) ?? throw new CliException("could not start 'dotnet'");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new CliException("could not start 'dotnet' (is the .NET SDK on the PATH?): " + e.Message);
            }

            using (process)
            {
                process.OutputDataReceived += (_, e) => OnLine(e.Data);
                process.ErrorDataReceived += (_, e) => OnLine(e.Data);
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                process.WaitForExit();
                lock (gate)
                {
                    log.WriteLine("exit code " + process.ExitCode);
                    return new BuildOutcome(process.ExitCode, projects.ToList(), errors.ToList());
                }
            }
        }

        private static string Quote(string argument) => argument.Contains(' ', StringComparison.Ordinal) ? "\"" + argument + "\"" : argument;
    }
}
