using System.Linq;
using Residency.Analyzers.Json;
using Residency.Facts;
using Xunit;

namespace Residency.Build.Tests
{
    /// <summary>The JSON writer shared by the analyzers (facts file) and the task (inventory, baseline).</summary>
    public sealed class JsonWriterTests
    {
        [Fact]
        public void ARenderedValueGivesTheSameBytesAsWritingItAgain()
        {
            static void Item(JsonWriter w, string id)
            {
                w.StartObject();
                w.Property("id", id);
                w.Name("path");
                w.StartArray();
                w.Value("a \"quoted\" step");
                w.Value("b");
                w.EndArray();
                w.Name("empty");
                w.StartArray();
                w.EndArray();
                w.Property("line", 12);
                w.EndObject();
            }

            static string Document(System.Action<JsonWriter, string> item)
            {
                var w = new JsonWriter();
                w.StartObject();
                w.Property("format", "x");
                w.Name("items");
                w.StartArray();
                item(w, "first");
                item(w, "second");
                w.EndArray();
                w.EndObject();
                return w.ToString();
            }

            var written = Document(Item);
            var rendered = Document((w, id) => w.Rendered(FactJsonWriter.Key(inner => Item(inner, id))));

            Assert.Equal(written, rendered);
            Assert.Contains("\n    {\n      \"id\": \"first\",", written);
        }

        [Fact]
        public void AFactsFileReadBackIsWrittenToTheSameBytes()
        {
            var text = new FactsBuilder()
                .Flow("RES001", "file:///Crm.cs", 7, FactsBuilder.FlowData("violation", "Customer.Email", "Customer.Email", "contact.email", "Crm.Push", "US"))
                .Flow("RES001", "file:///Crm.cs", 3, FactsBuilder.FlowData("violation", "Customer.Name", "Customer.Name", "name", "Crm.Push", "US"))
                .ToString();

            var document = FactsFile.Read(text, out var problem);
            Assert.Null(problem);
            Assert.NotNull(document);
            Assert.Equal(2, document!.Flows.Count);
            Assert.Equal(text, FactsFile.Write(document));
            Assert.Equal(new int?[] { 3, 7 }, document.Flows.Select(f => f.Line)); // sorted by line
        }
    }
}
