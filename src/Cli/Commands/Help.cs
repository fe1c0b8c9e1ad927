using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Linq;

namespace Residency.Cli.Commands
{
    /// <summary>Adds an "Examples:" section after System.CommandLine's own help, per command.</summary>
    internal static class Help
    {
        /// <summary>Call once on the root command after every subcommand has its examples in <paramref name="examples"/>.</summary>
        public static void AddExamples(RootCommand root, IReadOnlyDictionary<Command, string[]> examples)
        {
            var option = root.Options.OfType<HelpOption>().Single();
            if (option.Action is HelpAction original)
            {
                option.Action = new ExamplesHelpAction(original, examples);
            }
        }

        /// <summary>The parse asked for help (it is shown even when required arguments are missing).</summary>
        public static bool IsHelp(CommandLineAction? action) => action is HelpAction or ExamplesHelpAction;

        private sealed class ExamplesHelpAction(HelpAction help, IReadOnlyDictionary<Command, string[]> examples) : SynchronousCommandLineAction
        {
            public override int Invoke(ParseResult parseResult)
            {
                var result = help.Invoke(parseResult);
                if (examples.TryGetValue(parseResult.CommandResult.Command, out var lines))
                {
                    var output = parseResult.InvocationConfiguration.Output;
                    output.WriteLine("Examples:");
                    foreach (var line in lines)
                    {
                        output.WriteLine("  " + line);
                    }

                    output.WriteLine();
                }

                return result;
            }
        }
    }
}
