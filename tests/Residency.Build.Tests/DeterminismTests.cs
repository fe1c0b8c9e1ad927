using System;
using System.IO;
using System.Linq;
using Residency.Analyzers.Json;
using Xunit;

namespace Residency.Build.Tests
{
    public class DeterminismTests
    {
        private static readonly string[] Files = { "inventory.json", "inventory.md", "inventory.html", "inventory.csv" };

        [Fact]
        public void Same_input_gives_identical_bytes_and_leaves_the_files_untouched()
        {
            using var project = new TestProject().WithFixture();
            project.Run();
            var old = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            var before = Files.ToDictionary(f => f, f => File.ReadAllBytes(project.Output(f)));
            foreach (var file in Files)
            {
                File.SetLastWriteTimeUtc(project.Output(file), old);
            }

            project.Run();

            foreach (var file in Files)
            {
                Assert.Equal(before[file], File.ReadAllBytes(project.Output(file)));
                Assert.Equal(old, File.GetLastWriteTimeUtc(project.Output(file)));
            }

            Assert.Empty(Directory.GetFiles(project.OutputDirectory, "*.tmp", SearchOption.AllDirectories));
        }

        [Fact]
        public void Changed_input_rewrites_the_files()
        {
            using var project = new TestProject().WithFixture();
            project.Run();
            var old = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(project.Output("inventory.json"), old);

            project.Run(t => t.Controller = "Example GmbH");

            Assert.NotEqual(old, File.GetLastWriteTimeUtc(project.Output("inventory.json")));
            Assert.Contains("Example GmbH", File.ReadAllText(project.Output("inventory.json")));
        }

        [Fact]
        public void Result_order_in_the_error_log_does_not_matter()
        {
            using var first = new TestProject().WithFixture();
            first.Run();

            using var second = new TestProject().WithFixture();
            var root = JsonParser.Parse(File.ReadAllText(second.ErrorLog));
            var results = root.Get("runs")!.Items[0].Get("results")!.Items;
            var reversed = new JsonWriterCopy().Write(root, results.Reverse().ToList());
            File.WriteAllText(second.ErrorLog, reversed);
            second.Run();

            foreach (var file in Files)
            {
                Assert.Equal(File.ReadAllText(first.Output(file)), File.ReadAllText(second.Output(file)));
            }
        }

        [Fact]
        public void Output_uses_line_feeds_only_and_no_byte_order_mark()
        {
            using var project = new TestProject().WithFixture();
            project.Run();
            foreach (var file in Files)
            {
                var bytes = File.ReadAllBytes(project.Output(file));
                Assert.DoesNotContain((byte)'\r', bytes);
                Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, file);
                Assert.Equal((byte)'\n', bytes[bytes.Length - 1]);
            }
        }

        /// <summary>Re-serialises a SARIF log with its first run's results replaced.</summary>
        private sealed class JsonWriterCopy
        {
            private readonly JsonWriter _w = new();

            public string Write(JsonNode root, System.Collections.Generic.IReadOnlyList<JsonNode> results)
            {
                _w.StartObject();
                _w.Name("runs");
                _w.StartArray();
                _w.StartObject();
                _w.Name("results");
                _w.StartArray();
                foreach (var result in results)
                {
                    Node(result);
                }

                _w.EndArray();
                _w.EndObject();
                _w.EndArray();
                _w.EndObject();
                return _w.ToString();
            }

            private void Node(JsonNode node)
            {
                switch (node.Kind)
                {
                    case JsonKind.Object:
                        _w.StartObject();
                        foreach (var member in node.Members)
                        {
                            _w.Name(member.Key);
                            Node(member.Value);
                        }

                        _w.EndObject();
                        break;
                    case JsonKind.Array:
                        _w.StartArray();
                        foreach (var item in node.Items)
                        {
                            Node(item);
                        }

                        _w.EndArray();
                        break;
                    case JsonKind.Number:
                        _w.Value(long.Parse(node.Text!, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case JsonKind.True:
                    case JsonKind.False:
                        _w.Value(node.Kind == JsonKind.True);
                        break;
                    default:
                        _w.Value(node.Text);
                        break;
                }
            }
        }
    }
}
