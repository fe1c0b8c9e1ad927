using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;
using System.IO;
using System.Linq;
using Residency.Cli.Commands;

namespace Residency.Cli
{
    /// <summary>The <c>residency</c> command: <c>scan</c> and <c>diff</c>.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var root = new RootCommand("Residency: where personal data goes in C# code, as a GDPR Art. 30 record.");
            var scan = ScanCommand.Create();
            var diff = DiffCommand.Create();
            root.Subcommands.Add(scan);
            root.Subcommands.Add(diff);
            Help.AddExamples(root, new Dictionary<Command, string[]>
            {
                [root] = new[]
                {
                    "residency scan MySolution.sln                  # record of the whole solution in ./residency/",
                    "residency diff base/inventory.json residency/inventory.json > residency-diff.md",
                },
                [scan] = ScanCommand.Examples,
                [diff] = DiffCommand.Examples,
            });

            var parse = root.Parse(args);
            if (parse.Errors.Count > 0 && !Help.IsHelp(parse.Action))
            {
                var verb = parse.CommandResult.Command == root ? "residency" : "residency " + parse.CommandResult.Command.Name;
                var message = Regex.Replace(parse.Errors[0].Message, @"\s*\r?\n\s*", " ").Trim();
                Console.Error.WriteLine($"residency: {message} (see '{verb} --help')");
                return ExitCodes.BadInput;
            }

            try
            {
                return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (CliException e)
            {
                Console.Error.WriteLine("residency: " + e.Message);
                return ExitCodes.BadInput;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Console.Error.WriteLine("residency: " + e.Message);
                return ExitCodes.BadInput;
            }
            catch (Exception e)
            {
                // Never a stack trace on the console: one line that can be reported.
                Console.Error.WriteLine($"residency: unexpected {e.GetType().Name}: {e.Message} (please report this with the command line)");
                return ExitCodes.BadInput;
            }
        }
    }

    /// <summary>The process exit codes of every verb.</summary>
    public static class ExitCodes
    {
        /// <summary>Done, and nothing that <c>--fail-on</c> (scan) or the diff rules fail on.</summary>
        public const int Success = 0;

        /// <summary>Violations (scan, per <c>--fail-on</c>), or a change that adds a violation or an unknown endpoint (diff).</summary>
        public const int Findings = 1;

        /// <summary>Bad input (missing file, not an inventory, unsupported schema version, bad arguments) or a failed build.</summary>
        public const int BadInput = 2;
    }

    /// <summary>An error the user can fix, reported as one line without a stack trace.</summary>
    public sealed class CliException(string message) : Exception(message);
}
