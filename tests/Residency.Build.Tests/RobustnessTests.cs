using System.IO;
using System.Linq;
using Xunit;

namespace Residency.Build.Tests
{
    public class RobustnessTests
    {
        [Fact]
        public void Corrupt_error_log_gives_one_RES010_warning_and_an_empty_inventory()
        {
            using var project = new TestProject().WithErrorLog("{ \"runs\": [ { \"results\": [ { \"ruleId\": ");
            var (task, engine) = project.CreateTask();

            Assert.True(task.Execute());

            var warning = Assert.Single(engine.Warnings);
            Assert.Equal("RES010", warning.Code);
            Assert.Equal(project.ErrorLog, warning.File);
            Assert.Empty(engine.Errors);
            Assert.True(File.Exists(project.Output("inventory.html")));
            Assert.Empty(Json.Load(project.Output("inventory.json")).Array("flows"));
            Assert.Contains(engine.Messages, m => m.Message!.StartsWith("Residency: 0 violations, 0 declared transfers, 0 unknown endpoints", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Missing_error_log_gives_RES010()
        {
            using var project = new TestProject();
            var (task, engine) = project.CreateTask();

            Assert.True(task.Execute());

            Assert.Equal("RES010", Assert.Single(engine.Warnings).Code);
            Assert.True(File.Exists(project.Output("inventory.json")));
        }

        [Fact]
        public void Json_that_is_not_SARIF_gives_RES010()
        {
            using var project = new TestProject().WithErrorLog("[1, 2, 3]");
            var (task, engine) = project.CreateTask();

            Assert.True(task.Execute());
            Assert.Equal("RES010", Assert.Single(engine.Warnings).Code);
        }

        [Fact]
        public void Corrupt_payload_keeps_the_flow_and_warns_once()
        {
            using var project = new TestProject();
            project.WithErrorLog(new SarifBuilder()
                .Flow("RES001", project.ProjectUri + "/A.cs", 3, "{\"status\": \"violation\", \"sources\": [")
                .Flow("RES002", project.ProjectUri + "/B.cs", 4, "not json either")
                .ToString());
            var (task, engine) = project.CreateTask();

            Assert.True(task.Execute());

            var warning = Assert.Single(engine.Warnings);
            Assert.Equal("RES010", warning.Code);
            Assert.Contains("2 Residency result(s)", warning.Message);
            var flows = Json.Load(project.Output("inventory.json")).Array("flows");
            Assert.Equal(new[] { "violation", "special" }, flows.Select(f => f.Str("status")));
            Assert.Equal(2, task.ViolationCount);
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
        public void Garbage_inside_valid_SARIF_is_ignored()
        {
            using var project = new TestProject().WithErrorLog(
                "{\"runs\":[{\"results\":[1,\"x\",null,{\"ruleId\":\"RES001\",\"locations\":\"nope\",\"properties\":{\"customProperties\":{\"residency.fact\":\"flow\",\"residency.data\":\"{\\\"sources\\\":7,\\\"sink\\\":[],\\\"path\\\":\\\"A\\\"}\"}}},{\"ruleId\":\"RES901\",\"properties\":{\"customProperties\":{\"residency.fact\":\"element\",\"residency.data\":\"{}\"}}}]},{\"results\":{}}]}");
            var (task, engine) = project.CreateTask();

            Assert.True(task.Execute());

            Assert.Empty(engine.Warnings);
            var flow = Json.Load(project.Output("inventory.json")).Array("flows").Single();
            Assert.Equal("violation", flow.Str("status"));
            Assert.Equal(new[] { "A" }, flow.Array("path").Select(p => p.Text));
        }
    }
}
