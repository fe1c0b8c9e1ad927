using System.IO;
using System.Linq;
using Xunit;

namespace Residency.Build.Tests
{
    public class RobustnessTests
    {
        [Fact]
        public void Corrupt_facts_file_gives_one_RES010_warning_and_an_empty_inventory()
        {
            using var project = new TestProject().WithFacts("{ \"format\": \"residency-facts\", \"version\": 2, \"flows\": [ { \"rule\": ");
            var (task, engine) = project.CreateTask();

            Assert.True(task.Execute());

            var warning = Assert.Single(engine.Warnings);
            Assert.Equal("RES010", warning.Code);
            Assert.Equal(project.Facts, warning.File);
            Assert.Empty(engine.Errors);
            Assert.True(File.Exists(project.Output("inventory.html")));
            Assert.Empty(Json.Load(project.Output("inventory.json")).Array("flows"));
            Assert.Contains(engine.Messages, m => m.Message!.StartsWith("Residency: 0 violations, 0 declared transfers, 0 unknown endpoints", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Missing_facts_file_gives_RES010()
        {
            using var project = new TestProject();
            var (task, engine) = project.CreateTask();

            Assert.True(task.Execute());

            Assert.Equal("RES010", Assert.Single(engine.Warnings).Code);
            Assert.True(File.Exists(project.Output("inventory.json")));
        }

        [Fact]
        public void Json_that_is_not_a_facts_file_gives_RES010()
        {
            using var project = new TestProject().WithFacts("[1, 2, 3]");
            var (task, engine) = project.CreateTask();

            Assert.True(task.Execute());
            Assert.Equal("RES010", Assert.Single(engine.Warnings).Code);
        }

        [Theory]
        [InlineData(99)]
        [InlineData(1)] // an older package's analyzers: sources and sinks inline, which this reader would misread
        [InlineData(2)] // files inline, and nulls written: a version this reader would read, but it only reads its own
        public void Facts_file_of_another_format_version_is_rejected_with_a_clear_warning(int version)
        {
            using var project = new TestProject().WithFacts("{\"format\":\"residency-facts\",\"version\":" + version + ",\"flows\":[{\"status\":\"violation\",\"sources\":[{\"id\":\"S.C.Email\"}]}]}");
            var (task, engine) = project.CreateTask();

            Assert.True(task.Execute());

            var warning = Assert.Single(engine.Warnings);
            Assert.Equal("RES010", warning.Code);
            Assert.Contains("format version " + version, warning.Message);
            Assert.Contains("reads version " + Residency.Facts.FactsFile.Version, warning.Message);
            Assert.Empty(Json.Load(project.Output("inventory.json")).Array("flows"));
        }

        [Fact]
        public void Unwritable_output_gives_RES011_and_does_not_throw()
        {
            using var project = new TestProject().WithFixture();
            Directory.CreateDirectory(Path.Combine(project.Root, "bin"));
            File.WriteAllText(project.OutputDirectory, "a file where the directory should be");
            var (task, engine) = project.CreateTask();

            Assert.True(task.Execute());

            Assert.NotEmpty(engine.Warnings);
            Assert.All(engine.Warnings, w => Assert.Equal("RES011", w.Code));
            Assert.Empty(engine.Errors);
        }

        [Fact]
        public void Garbage_inside_a_valid_facts_file_is_ignored()
        {
            using var project = new TestProject().WithFacts(
                "{\"format\":\"residency-facts\",\"version\":3,\"sourceTable\":[null,3,{}],\"sinkTable\":{},\"elements\":[1,\"x\",{}],\"sinks\":[{\"sink\":9},{\"sink\":\"0\"},{}],\"flows\":[null,{\"status\":\"violation\",\"rule\":\"RES001\",\"sources\":[7,-1,0,\"a\",{}],\"sink\":[],\"path\":[\"A\"],\"line\":\"nope\"}],\"findings\":[{}]}");
            var (task, engine) = project.CreateTask();

            Assert.True(task.Execute());

            Assert.Empty(engine.Warnings);
            var flow = Json.Load(project.Output("inventory.json")).Array("flows").Single();
            Assert.Equal("violation", flow.Str("status"));
            Assert.Equal(new[] { "A" }, flow.Array("path").Select(p => p.Text));
            Assert.Equal(1, task.ViolationCount);
        }
    }
}
