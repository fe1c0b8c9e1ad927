using System;
using System.IO;
using Residency.Analyzers.Json;
using Xunit;

namespace Residency.Build.Tests
{
    public class SchemaTests
    {
        private static SchemaValidator Validator()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "schemas", "inventory.schema.json")))
            {
                directory = directory.Parent;
            }

            Assert.NotNull(directory);
            return new SchemaValidator(JsonParser.Parse(File.ReadAllText(Path.Combine(directory!.FullName, "schemas", "inventory.schema.json"))));
        }

        [Fact]
        public void Inventory_conforms_to_the_published_schema()
        {
            using var lib = new TestProject("Lib");
            lib.WithFacts(new FactsBuilder()
                .Flow("RES005", lib.ProjectUri + "/A.cs", 2, FactsBuilder.FlowData("declared", "Lib.C.Email", "C.Email", "contact.email", "Crm.Send", "US", "Acme", "SCCs"))
                .ToString());
            lib.Run();

            using var project = new TestProject().WithFixture();
            project.Run(t =>
            {
                t.Controller = "Example GmbH";
                t.ReferencedInventories = new[] { TestProject.Item(lib.Output("inventory.json")) };
            });

            var errors = Validator().Validate(Json.Load(project.Output("inventory.json")));
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        [Fact]
        public void Empty_inventory_conforms_to_the_published_schema()
        {
            using var project = new TestProject().WithFacts(new FactsBuilder().ToString());
            project.Run();

            var errors = Validator().Validate(Json.Load(project.Output("inventory.json")));
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        [Fact]
        public void The_validator_catches_a_drift()
        {
            var errors = Validator().Validate(JsonParser.Parse("{\"schemaVersion\": 2, \"flows\": [{\"status\": \"odd\"}]}"));
            Assert.Contains(errors, e => e.Contains("constant", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("missing assembly", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.Contains("$.flows[0]: odd is not one of", StringComparison.Ordinal) || e.Contains("flows[0].status", StringComparison.Ordinal));
        }
    }
}
