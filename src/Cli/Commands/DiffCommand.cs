using System;
using System.CommandLine;
using System.IO;
using System.Text;
using Residency.Cli.Diffing;
using Residency.Cli.Records;

namespace Residency.Cli.Commands
{
    /// <summary><c>residency diff &lt;old&gt; &lt;new&gt;</c>: what changed in the processing between two records.</summary>
    internal static class DiffCommand
    {
        public static readonly string[] Examples =
        {
            "residency diff base/inventory.json head/inventory.json",
            "residency diff base/inventory.json head/inventory.json --output residency-diff.md   # PR comment body",
            "residency diff base/inventory.json head/inventory.json --format json",
        };

        public static Command Create()
        {
            var oldArgument = new Argument<FileInfo>("old") { Description = "The inventory.json before the change (e.g. the pull request's base)." };
            var newArgument = new Argument<FileInfo>("new") { Description = "The inventory.json after the change (e.g. the pull request's head)." };
            var format = new Option<string>("--format", "-f") { Description = "md: Markdown for a pull-request comment; json: for tools.", DefaultValueFactory = _ => "md" };
            format.AcceptOnlyFromAmong("md", "json");
            var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the diff to this file instead of standard output." };

            var command = new Command(
                "diff",
                "Compare two inventory.json records: new and removed flows, recipients, third countries, data categories, declared transfers and changed regions. Exit code 1 when the change adds a violation or an unknown endpoint, 2 on bad input.")
            {
                oldArgument,
                newArgument,
                format,
                output,
            };

            command.SetAction(parse =>
            {
                var before = InventoryFile.Load(parse.GetValue(oldArgument)!.ToString());
                var after = InventoryFile.Load(parse.GetValue(newArgument)!.ToString());
                var diff = InventoryDiff.Compare(before, after);
                var text = parse.GetValue(format) == "json" ? DiffJsonWriter.Write(diff) : DiffMarkdownWriter.Write(diff);
                var file = parse.GetValue(output);
                if (file is null)
                {
                    Console.Out.Write(text);
                }
                else
                {
                    var directory = Path.GetDirectoryName(file.FullName);
                    if (!string.IsNullOrEmpty(directory))
                    {
                        Directory.CreateDirectory(directory);
                    }

                    File.WriteAllText(file.FullName, text, new UTF8Encoding(false));
                    Console.Error.WriteLine(diff.Fails
                        ? $"residency: the change adds {diff.NewViolations.Count} violation(s) and {diff.NewUnknownEndpoints.Count} unknown endpoint(s); diff written to {file}"
                        : $"residency: no new violation or unknown endpoint; diff written to {file}");
                }

                return diff.Fails ? ExitCodes.Findings : ExitCodes.Success;
            });
            return command;
        }
    }
}
