using System;
using System.IO;
using System.Linq;
using Residency.Analyzers.Inventory;
using Residency.Analyzers.Json;

namespace Residency.Analyzers.Tests.Inventory
{
    /// <summary>The facts file is streamed to disk (never one string in the compiler's memory), atomically, and left alone when unchanged.</summary>
    public sealed class FactsFileOutputTests : IDisposable
    {
        private readonly string _directory = Path.Combine(Path.GetTempPath(), "residency-facts-output", Guid.NewGuid().ToString("N"));

        private static void Document(JsonWriter w, string email)
        {
            w.StartObject();
            w.Property("format", "residency-facts");
            w.Name("items");
            w.StartArray();
            w.StartObject();
            w.Property("id", "Customer.Email");
            w.Property("value", email);
            w.Property("count", 3);
            w.EndObject();
            w.EndArray();
            w.EndObject();
        }

        [Fact]
        public void AStreamedDocumentHasTheSameBytesAsTheStringOne()
        {
            var inMemory = new JsonWriter();
            Document(inMemory, "a\"b<c>\u00e9\n");
            var expected = inMemory.ToString();

            var path = Path.Combine(_directory, "facts.json");
            Assert.Null(FactsFileOutput.TryWrite(path, writer =>
            {
                var streamed = new JsonWriter(writer);
                Document(streamed, "a\"b<c>\u00e9\n");
                streamed.Finish();
            }));

            Assert.Equal(expected, File.ReadAllText(path));
            Assert.Equal(new System.Text.UTF8Encoding(false).GetBytes(expected), File.ReadAllBytes(path));
            Assert.Single(Directory.GetFiles(_directory));
        }

        [Fact]
        public void AnUnchangedFileKeepsItsBytesAndGetsANewTimeStamp()
        {
            var path = Path.Combine(_directory, "facts.json");
            Assert.Null(FactsFileOutput.TryWrite(path, writer => writer.Write("{}\n")));
            var old = DateTime.UtcNow.AddHours(-1);
            File.SetLastWriteTimeUtc(path, old);

            Assert.Null(FactsFileOutput.TryWrite(path, writer => writer.Write("{}\n")));

            Assert.Equal("{}\n", File.ReadAllText(path));
            Assert.True(File.GetLastWriteTimeUtc(path) > old.AddMinutes(30), "the time stamp of an unchanged facts file is renewed (it is a declared output of the compilation)");
            Assert.Equal(new[] { "facts.json" }, Directory.GetFiles(_directory).Select(Path.GetFileName).ToArray());
        }

        [Fact]
        public void AChangedFileIsReplacedAndNoTemporaryFileRemains()
        {
            var path = Path.Combine(_directory, "facts.json");
            Assert.Null(FactsFileOutput.TryWrite(path, writer => writer.Write("{\"a\": 1}\n")));
            Assert.Null(FactsFileOutput.TryWrite(path, writer => writer.Write("{\"a\": 2}\n")));

            Assert.Equal("{\"a\": 2}\n", File.ReadAllText(path));
            Assert.Equal(new[] { "facts.json" }, Directory.GetFiles(_directory).Select(Path.GetFileName).ToArray());
        }

        public void Dispose()
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
    }
}
