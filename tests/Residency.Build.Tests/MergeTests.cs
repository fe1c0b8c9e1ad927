using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Xunit;

namespace Residency.Build.Tests
{
    public class MergeTests
    {
        private static TestProject Library()
        {
            var lib = new TestProject("Contoso.Crm");
            lib.WithFacts(new FactsBuilder()
                .Flow("RES001", lib.ProjectUri + "/CrmClient.cs", 20, FactsBuilder.FlowData("violation", "Contoso.Crm.Contact.Email", "Contact.Email", "contact.email", "CrmApi.Push", "US", "Contoso CRM Inc.", fingerprint: "11aa"))
                .Flow(null, lib.ProjectUri + "/CrmClient.cs", 30, FactsBuilder.FlowData("allowed", "Contoso.Crm.Contact.Name", "Contact.Name", "name", "EuApi.Push", "DE", fingerprint: "22bb"))
                .Element(lib.ProjectUri + "/Contact.cs", 5, FactsBuilder.ElementData("Contoso.Crm.Contact.Email", "Contact.Email"))
                .Element(lib.ProjectUri + "/Contact.cs", 7, FactsBuilder.ElementData("Contoso.Crm.Contact.Fax", "Contact.Fax", "contact.fax"))
                .ToString());
            lib.Run();
            return lib;
        }

        [Fact]
        public void Referenced_inventories_are_merged_and_keep_their_assembly()
        {
            using var lib = Library();
            using var app = new TestProject().WithFixture();
            var (task, engine) = app.Run(t => t.ReferencedInventories = new[] { TestProject.Item(lib.Output("inventory.json"), "Contoso.Crm") });

            Assert.Empty(engine.Warnings);
            var inventory = Json.Load(app.Output("inventory.json"));
            var flows = inventory.Array("flows");
            Assert.Equal(9, flows.Count);
            Assert.Equal(2, flows.Count(f => f.Str("assembly") == "Contoso.Crm"));
            var libFlow = flows.Single(f => f.Str("fingerprint") == "11aa");
            Assert.Equal("Contoso.Crm", libFlow.Str("assembly"));
            Assert.Equal("CrmClient.cs", libFlow.Str("file"));
            Assert.Contains(inventory.Array("dataElements"), e => e.Str("id") == "Contoso.Crm.Contact.Fax" && e.Str("assembly") == "Contoso.Crm");
            Assert.Equal(new[] { "Contoso.Crm", "Sample" }, inventory.Array("assemblies").Select(a => a.Text));
            Assert.Equal(3, task.ViolationCount);
            Assert.Contains("Contoso.Crm", File.ReadAllText(app.Output("inventory.html")));
            Assert.Contains("Contoso.Crm,violation,RES001,Contoso.Crm.Contact.Email,", File.ReadAllText(app.Output("inventory.csv")));
        }

        [Fact]
        public void Identical_items_reached_twice_are_listed_once()
        {
            using var lib = Library();
            var copy = Path.Combine(lib.Root, "copy-of-inventory.json");
            File.Copy(lib.Output("inventory.json"), copy);

            // A library that itself merged the same library (diamond: App → Lib, App → Other → Lib).
            using var other = new TestProject("Other").WithFacts(new FactsBuilder().ToString());
            other.Run(t => t.ReferencedInventories = new[] { TestProject.Item(lib.Output("inventory.json")) });

            using var app = new TestProject("App").WithFacts(new FactsBuilder().ToString());
            app.Run(t => t.ReferencedInventories = new[]
            {
                TestProject.Item(lib.Output("inventory.json"), "Contoso.Crm"),
                TestProject.Item(copy),
                TestProject.Item(other.Output("inventory.json"), "Other"),
            });

            var inventory = Json.Load(app.Output("inventory.json"));
            Assert.Equal(2, inventory.Array("flows").Count);
            Assert.Equal(3, inventory.Array("dataElements").Count(e => e.Str("id")!.StartsWith("Contoso.Crm.Contact.", System.StringComparison.Ordinal) && e.Str("assembly") == "Contoso.Crm"));
            Assert.Equal(inventory.Array("dataElements").Count, inventory.Array("dataElements").Select(e => e.Str("assembly") + "|" + e.Str("id")).Distinct().Count());
        }

        [Fact]
        public void Corrupt_or_missing_referenced_inventory_warns_and_the_rest_is_written()
        {
            using var app = new TestProject().WithFixture();
            var corrupt = Path.Combine(app.Root, "corrupt.json");
            File.WriteAllText(corrupt, "{ \"flows\": [ { ");
            var missing = Path.Combine(app.Root, "missing", "inventory.json");

            var (_, engine) = app.Run(t => t.ReferencedInventories = new[] { TestProject.Item(corrupt), TestProject.Item(missing) });

            Assert.Equal(2, engine.Warnings.Count);
            Assert.All(engine.Warnings, w => Assert.Equal("RES010", w.Code));
            Assert.Contains(engine.Warnings, w => w.File == corrupt);
            Assert.Contains(engine.Warnings, w => w.File == missing);
            Assert.Equal(7, Json.Load(app.Output("inventory.json")).Array("flows").Count);
        }

        [Fact]
        public void The_own_inventory_is_never_merged_into_itself()
        {
            using var app = new TestProject().WithFixture();
            app.Run();
            app.Run(t => t.ReferencedInventories = new[] { TestProject.Item(app.Output("inventory.json")) });

            Assert.Equal(7, Json.Load(app.Output("inventory.json")).Array("flows").Count);
        }

        [Fact]
        public void Inventories_shipped_in_packages_are_found_and_merged()
        {
            using var lib = Library();
            using var app = new TestProject().WithFixture();
            var packageRoot = Path.Combine(app.Root, "packages");
            var packageDir = Path.Combine(packageRoot, "contoso.crm", "2.1.0");
            Directory.CreateDirectory(Path.Combine(packageDir, "residency"));
            Directory.CreateDirectory(Path.Combine(packageDir, "lib", "net8.0"));
            File.Copy(lib.Output("inventory.json"), Path.Combine(packageDir, "residency", "inventory.json"));
            File.WriteAllText(Path.Combine(packageDir, ".nupkg.metadata"), "{}");

            var byRoot = new TaskItem(Path.Combine(packageDir, "lib", "net8.0", "Contoso.Crm.dll"));
            byRoot.SetMetadata("NuGetPackageId", "Contoso.Crm");
            byRoot.SetMetadata("NuGetPackageVersion", "2.1.0");
            var (_, engine) = app.Run(t =>
            {
                t.PackageReferences = new ITaskItem[] { byRoot };
                t.NuGetPackageRoot = packageRoot;
            });

            Assert.Empty(engine.Warnings);
            Assert.Equal(2, Json.Load(app.Output("inventory.json")).Array("flows").Count(f => f.Str("assembly") == "Contoso.Crm"));

            // Without the package root, the package folder is found from the reference's own path.
            using var app2 = new TestProject().WithFixture();
            app2.Run(t => t.PackageReferences = new ITaskItem[] { new TaskItem(byRoot.ItemSpec) });
            Assert.Equal(2, Json.Load(app2.Output("inventory.json")).Array("flows").Count(f => f.Str("assembly") == "Contoso.Crm"));
        }
    }
}
