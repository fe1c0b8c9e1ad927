using System;
using System.IO;
using Residency.Build.Model;
using Residency.Facts;
using static Residency.Cli.Tests.Records;

namespace Residency.Cli.Tests
{
    /// <summary>The verbs through <see cref="Program.Main"/>: exit codes, one-line errors, help with examples.</summary>
    [Collection(ConsoleCollection.Name)]
    public sealed class ProgramTests
    {
        private static (int Exit, string Out, string Error) Run(params string[] args)
        {
            var (oldOut, oldError) = (Console.Out, Console.Error);
            using var output = new StringWriter();
            using var error = new StringWriter();
            Console.SetOut(output);
            Console.SetError(error);
            try
            {
                return (Program.Main(args), output.ToString(), error.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldError);
            }
        }

        [Fact]
        public void DiffExitCodeIsOneWhenAViolationIsAdded()
        {
            var before = Write(Make());
            var after = Write(Make(FlowOf(FlowStatus.Violation, Crm(), "SupportService.SyncAsync", 20, Email)));

            var added = Run("diff", before, after);
            var removed = Run("diff", after, before);

            Assert.Equal(1, added.Exit);
            Assert.StartsWith("## Residency: personal-data processing changes", added.Out);
            Assert.Equal(0, removed.Exit);
            Assert.Contains("### Removed flows (1)", removed.Out);
        }

        [Fact]
        public void DiffWritesToAFileWhenAsked()
        {
            var before = Write(Make());
            var after = Write(Make(FlowOf(FlowStatus.Violation, Crm(), "SupportService.SyncAsync", 20, Email)));
            var target = Path.Combine(Path.GetDirectoryName(after)!, "diff.json");

            var result = Run("diff", before, after, "--format", "json", "--output", target);

            Assert.Equal(1, result.Exit);
            Assert.Equal("", result.Out);
            Assert.Contains("\"addsViolationOrUnknownEndpoint\": true", File.ReadAllText(target));
            Assert.StartsWith("residency: the change adds 1 violation(s) and 0 unknown endpoint(s); diff written to ", result.Error);
        }

        [Fact]
        public void MissingFileIsOneLineAndExitCodeTwo()
        {
            var result = Run("diff", "nope/old.json", Write(Make()));

            Assert.Equal(2, result.Exit);
            Assert.Equal("residency: nope/old.json: file not found" + Environment.NewLine, result.Error);
        }

        [Fact]
        public void MissingArgumentIsOneLine()
        {
            var result = Run("diff", Write(Make()));

            Assert.Equal(2, result.Exit);
            Assert.Single(result.Error.TrimEnd().Split('\n'));
            Assert.Contains("(see 'residency diff --help')", result.Error);
        }

        [Fact]
        public void UnknownFormatIsOneLine()
        {
            var result = Run("diff", Write(Make()), Write(Make()), "--format", "html");

            Assert.Equal(2, result.Exit);
            Assert.Single(result.Error.TrimEnd().Split('\n'));
        }

        [Fact]
        public void ScanOfAMissingTargetIsOneLine()
        {
            var result = Run("scan", "no/such/Shop.sln");

            Assert.Equal(2, result.Exit);
            Assert.Equal("residency: no/such/Shop.sln: no such file or folder" + Environment.NewLine, result.Error);
        }

        [Theory]
        [InlineData("scan", "residency scan src/Shop.sln --output audit/")]
        [InlineData("diff", "residency diff base/inventory.json head/inventory.json --format json")]
        public void HelpOfEveryVerbHasExamples(string verb, string example)
        {
            var result = Run(verb, "--help");

            Assert.Equal(0, result.Exit);
            Assert.Contains("Usage:", result.Out);
            Assert.Contains("Examples:", result.Out);
            Assert.Contains(example, result.Out);
        }
    }

    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ConsoleCollection
    {
        public const string Name = "console";
    }
}
