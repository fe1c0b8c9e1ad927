using System.IO;
using Residency.Build.Model;
using Residency.Facts;
using Residency.Cli.Records;
using static Residency.Cli.Tests.Records;

namespace Residency.Cli.Tests
{
    /// <summary>Bad input is one clear sentence naming the file (shown as one line by the tool).</summary>
    public sealed class InventoryFileTests
    {
        [Fact]
        public void ReadsWhatTheTaskWrote()
        {
            var inventory = InventoryFile.Load(Write(Make(FlowOf(FlowStatus.Violation, Crm(), "SupportService.SyncAsync", 20, Email))));

            Assert.Equal("Shop", inventory.Assembly);
            Assert.Equal(1, inventory.Summary.Violations);
            Assert.Equal(new[] { "EEA", "Adequate" }, inventory.AllowedRegions);
        }

        [Fact]
        public void MissingFile()
        {
            var e = Assert.Throws<CliException>(() => InventoryFile.Load("does-not-exist/inventory.json"));
            Assert.Equal("does-not-exist/inventory.json: file not found", e.Message);
        }

        [Fact]
        public void Directory()
        {
            var path = Path.GetDirectoryName(WriteText("{}"))!;
            var e = Assert.Throws<CliException>(() => InventoryFile.Load(path));
            Assert.EndsWith(": is a directory; give the inventory.json file", e.Message);
        }

        [Fact]
        public void NotJson()
        {
            var path = WriteText("<html>not json</html>");
            var e = Assert.Throws<CliException>(() => InventoryFile.Load(path));
            Assert.StartsWith(path + ": not a Residency inventory (not valid JSON: line 1", e.Message);
            Assert.DoesNotContain("\n", e.Message);
        }

        [Fact]
        public void JsonThatIsNotAnInventory()
        {
            var path = WriteText("""{ "version": "2.1.0", "runs": [] }""", "residency.sarif");
            var e = Assert.Throws<CliException>(() => InventoryFile.Load(path));
            Assert.Equal(path + ": not a Residency inventory (no 'flows' and 'dataElements' arrays)", e.Message);
        }

        [Fact]
        public void NewerSchemaVersionIsRefused()
        {
            var text = File.ReadAllText(Write(Make())).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 99");
            Assert.Contains("\"schemaVersion\": 99", text);
            var path = WriteText(text);

            var e = Assert.Throws<CliException>(() => InventoryFile.Load(path));
            Assert.StartsWith(path + ": inventory schema version 99 is not supported (this residency reads version " + Inventory.SchemaVersion, e.Message);
        }

        [Fact]
        public void MissingSchemaVersionIsNotAnInventory()
        {
            var path = WriteText("""{ "flows": [], "dataElements": [] }""");
            var e = Assert.Throws<CliException>(() => InventoryFile.Load(path));
            Assert.Equal(path + ": not a Residency inventory (no numeric 'schemaVersion')", e.Message);
        }
    }
}
