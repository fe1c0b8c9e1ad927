using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Residency.Build.Model;
using Residency.Facts;
using Residency.Cli.Records;
using Residency.Cli.Scanning;
using Spectre.Console;

namespace Residency.Cli.Commands
{
    /// <summary><c>residency scan &lt;solution|project|folder&gt;</c>: build as it is, with the analyzers injected; one merged record.</summary>
    internal static class ScanCommand
    {
        public static readonly string[] Examples =
        {
            "residency scan                                  # the solution or project in the current folder",
            "residency scan src/Shop.sln --output audit/     # record and SARIF in audit/",
            "residency scan Api/Api.csproj --no-infer        # annotations only, no name-based inference",
            "residency scan Shop.sln --fail-on unknown       # exit code 1 on violations or unknown endpoints",
            "residency scan Shop.sln -p ResidencyAllowedRegions=EEA -c Release",
        };

        public static Command Create()
        {
            var target = new Argument<string>("target")
            {
                Description = "A solution (.sln, .slnx), a C# project (.csproj), or a folder with one of them. Default: the current folder.",
                Arity = ArgumentArity.ZeroOrOne,
            };
            var output = new Option<string>("--output", "-o") { Description = "Where the record (inventory.json/.md/.html/.csv), residency.sarif and build.log go.", DefaultValueFactory = _ => "residency" };
            var noInfer = new Option<bool>("--no-infer") { Description = "Do not treat members that look like personal data by name as sources (ResidencyInferPersonalData=false)." };
            var failOn = new Option<string>("--fail-on") { Description = "Exit code 1 on: none, violations (RES001/RES002), unknown (violations or unknown endpoints).", DefaultValueFactory = _ => "violations" };
            failOn.AcceptOnlyFromAmong("none", "violations", "unknown");
            var configuration = new Option<string>("--configuration", "-c") { Description = "The build configuration.", DefaultValueFactory = _ => "Debug" };
            var properties = new Option<string[]>("--property", "-p") { Description = "An MSBuild property for the build, Name=value (repeatable), e.g. ResidencyAllowedRegions=EEA.", AllowMultipleArgumentsPerToken = false };
            var verbose = new Option<bool>("--verbose", "-v") { Description = "Show the build's output (it is always written to build.log)." };

            var command = new Command(
                "scan",
                "Build a solution or project as it is, with the Residency analyzers and inventory targets injected from outside (no file of the repository is changed, no package is added), and write one record for the whole solution plus SARIF. Exit code 1 on violations (see --fail-on), 2 on bad input or a failed build.")
            {
                target,
                output,
                noInfer,
                failOn,
                configuration,
                properties,
                verbose,
            };

            command.SetAction(parse => Run(
                parse.GetValue(target) ?? ".",
                parse.GetValue(output)!,
                new ScanOptions
                {
                    Infer = !parse.GetValue(noInfer),
                    FailOn = parse.GetValue(failOn) switch { "none" => FailOn.None, "unknown" => FailOn.Unknown, _ => FailOn.Violations },
                    Configuration = parse.GetValue(configuration)!,
                    Properties = parse.GetValue(properties) ?? new string[0],
                    Verbose = parse.GetValue(verbose),
                }));
            return command;
        }

        private static int Run(string input, string outputOption, ScanOptions options)
        {
            foreach (var property in options.Properties)
            {
                if (property.IndexOf('=') <= 0)
                {
                    throw new CliException($"--property {property}: expected Name=value");
                }
            }

            var scanTarget = ScanTarget.Resolve(input);
            if (!File.Exists(Path.Combine(InjectedBuild.PackageDirectory, "cli", "Residency.Cli.targets")))
            {
                throw new CliException("this installation of residency is incomplete (residency-package/ is missing next to the tool); reinstall Residency.Cli");
            }

            var output = Path.GetFullPath(outputOption);
            var work = Path.Combine(output, "projects");
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }

            Directory.CreateDirectory(work);
            var console = AnsiConsole.Console;
            if (Console.IsOutputRedirected)
            {
                // A CI log or a file: do not wrap long lines (paths, compiler errors) at 80 columns.
                console.Profile.Width = 200;
            }

            var total = scanTarget.Projects.Count;
            console.MarkupLineInterpolated($"[bold]residency scan[/] {Relative(scanTarget.Path)}: {total} C# project{(total == 1 ? "" : "s")}, name-based inference {(options.Infer ? "on" : "off")}");

            var done = new List<string>();
            var outcome = InjectedBuild.Run(
                scanTarget,
                options,
                output,
                Path.Combine(output, "build.log"),
                project =>
                {
                    var name = Path.GetFileNameWithoutExtension(project.ProjectPath);
                    if (!done.Contains(project.ProjectPath, StringComparer.Ordinal))
                    {
                        done.Add(project.ProjectPath);
                    }

                    var of = Math.Max(total, done.Count);
                    console.MarkupLineInterpolated($"  [grey][[{done.Count}/{of}]][/] {name}{(project.TargetFramework is null ? "" : " (" + project.TargetFramework + ")")}");
                },
                options.Verbose ? line => console.WriteLine(line) : null);

            var warnings = new List<string>();
            var inventories = outcome.Projects.Select(p => p.InventoryFile).Distinct(StringComparer.Ordinal).Where(File.Exists).ToList();
            var record = RecordMerger.Merge(inventories, scanTarget.Name, warnings.Add);
            var files = RecordFiles.Write(record, output);
            var sarif = Path.Combine(output, "residency.sarif");
            SarifMerger.Merge(outcome.Projects.Select(p => p.ErrorLog), sarif, warnings.Add);

            foreach (var warning in warnings)
            {
                console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
            }

            if (outcome.ExitCode != 0)
            {
                console.MarkupLineInterpolated($"[red]The build failed (dotnet build exit code {outcome.ExitCode}); the record covers only the {done.Count} project(s) that compiled.[/]");
                foreach (var error in outcome.Errors.Take(10))
                {
                    console.MarkupLineInterpolated($"  [red]{error}[/]");
                }

                console.MarkupLineInterpolated($"  Full output: {Relative(Path.Combine(output, "build.log"))}");
            }
            else if (done.Count == 0)
            {
                console.MarkupLine("[yellow]No project reported an inventory: nothing in this build is a C# project the analyzers could see.[/]");
            }
            else if (done.Count < total)
            {
                var missing = scanTarget.Projects.Where(p => !done.Contains(p, StringComparer.Ordinal)).Select(Path.GetFileNameWithoutExtension);
                console.MarkupLineInterpolated($"[yellow]note:[/] {total - done.Count} of {total} projects reported no inventory (not built in this configuration): {string.Join(", ", missing)}");
            }

            Summary(console, record, done.Count, output, files.Append(sarif).ToList());

            if (outcome.ExitCode != 0)
            {
                return ExitCodes.BadInput;
            }

            var fails = options.FailOn switch
            {
                FailOn.None => false,
                FailOn.Unknown => record.Summary.Violations > 0 || record.Summary.UnknownEndpoints > 0,
                _ => record.Summary.Violations > 0,
            };
            return fails ? ExitCodes.Findings : ExitCodes.Success;
        }

        private static void Summary(IAnsiConsole console, Inventory record, int projects, string output, IReadOnlyList<string> files)
        {
            var s = record.Summary;
            console.WriteLine();
            var table = new Table().Border(TableBorder.Rounded).Title("Residency record: " + Markup.Escape(record.Assembly));
            table.AddColumn("");
            table.AddColumn(new TableColumn("count").RightAligned());
            table.AddRow("projects analysed", projects.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("personal-data elements", s.DataElements.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("sinks", s.Sinks.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("flows", s.Flows.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow(s.Violations > 0 ? "[red]violations[/]" : "violations", s.Violations.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow(s.UnknownEndpoints > 0 ? "[yellow]unknown endpoints[/]" : "unknown endpoints", s.UnknownEndpoints.ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow("declared transfers", s.DeclaredTransfers.ToString(System.Globalization.CultureInfo.InvariantCulture));
            console.Write(table);

            var attention = record.Flows
                .Where(f => !f.Baselined && (FlowStatus.IsViolation(f.Status) || f.Status == FlowStatus.Unknown))
                .OrderBy(f => FlowStatus.Rank(f.Status))
                .ToList();
            foreach (var flow in attention.Take(10))
            {
                var data = string.Join(", ", flow.Sources.Select(x => x.DisplayName));
                var where = flow.File is null ? flow.Assembly : $"{flow.Assembly}/{flow.File}:{flow.Line}";
                var color = flow.Status == FlowStatus.Unknown ? "yellow" : "red";
                console.MarkupLineInterpolated($"  [{color}]{FlowStatus.Label(flow.Status)}[/] {data} → {flow.Sink?.RecipientName} ({flow.Sink?.Region ?? "Unknown"})  [grey]{where}[/]");
            }

            if (attention.Count > 10)
            {
                console.MarkupLineInterpolated($"  … and {attention.Count - 10} more in inventory.md");
            }

            console.WriteLine();
            console.MarkupLineInterpolated($"Record: {Relative(Path.Combine(output, "inventory.html"))} (also .json, .md, .csv); SARIF: {Relative(files[files.Count - 1])}");
        }

        private static string Relative(string path)
        {
            var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
            return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
        }
    }
}
