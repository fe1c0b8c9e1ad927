using System;
using System.Collections.Generic;
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
        public void Fact_order_in_the_facts_file_does_not_matter()
        {
            using var first = new TestProject().WithFixture();
            first.Run();

            // Concurrent analysis may find facts in any order: the same facts, reversed, must give the same bytes.
            using var second = new TestProject().WithFixture();
            var root = JsonParser.Parse(File.ReadAllText(second.Facts));
            File.WriteAllText(second.Facts, new ReversedCopy().Write(root));
            second.Run();

            foreach (var file in Files)
            {
                Assert.Equal(File.ReadAllText(first.Output(file)), File.ReadAllText(second.Output(file)));
            }
        }

        [Fact]
        public void Facts_found_twice_are_listed_once()
        {
            using var first = new TestProject().WithFixture();
            first.Run();

            // Every fact twice (reversed, then in order), and every flow's sources twice: the inventory sorts items by
            // their fields and renders an item's JSON only to break a tie, so duplicates must still meet and go.
            using var second = new TestProject().WithFixture();
            var root = JsonParser.Parse(File.ReadAllText(second.Facts));
            File.WriteAllText(second.Facts, new ReversedCopy { Twice = true }.Write(root));
            second.Run();

            Assert.Contains("\"sources\"", File.ReadAllText(second.Facts));
            foreach (var file in Files)
            {
                Assert.Equal(File.ReadAllText(first.Output(file)), File.ReadAllText(second.Output(file)));
            }
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void The_same_sink_seen_at_several_call_sites_takes_the_earliest_location_whatever_the_order(bool reversed)
        {
            // Concurrent analysis finds sink facts in any order: a sink called from two places must not take whichever
            // call site happened to come first (a CI failure found this). The facts file is written by hand here, in
            // the given order, because FactsFile.Write would sort it.
            const string Data = "{\"id\":\"M:S.Analytics.Track(System.String)\",\"kind\":\"annotation\",\"display\":\"Analytics.Track\",\"region\":\"US\",\"regionName\":\"United States\",\"recipient\":\"Mixpanel\",\"host\":null,\"purpose\":null,\"resolvedBy\":\"[DataSink] on Track\"}";
            const string Element = "{\"id\":\"S.Customer.Email\",\"member\":\"Customer.Email\",\"containingType\":\"S.Customer\",\"kind\":\"property\",\"category\":\"contact.email\",\"specialCategory\":null,\"subject\":\"customer\",\"retention\":null,\"origin\":\"Residency\"}";
            using var project = new TestProject();
            var sites = new[] { ("/B.cs", 38), ("/A.cs", 40), ("/B.cs", 22) };
            var facts = new StringBuilderFacts();
            foreach (var (file, line) in reversed ? sites.Reverse() : sites)
            {
                facts.Add(project.Root + file, line, Data, Element);
            }

            project.WithFacts(facts.ToString()).Run();

            var inventory = JsonParser.Parse(File.ReadAllText(project.Output("inventory.json")));
            var sink = Assert.Single(inventory.Get("sinks")!.Items);
            Assert.Equal("A.cs", sink.Get("file")!.Text);
            Assert.Equal("40", sink.Get("line")!.Text);
            var element = Assert.Single(inventory.Get("dataElements")!.Items);
            Assert.Equal("A.cs", element.Get("file")!.Text);
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

        /// <summary>A facts file whose sinks and elements stay in the order they were added.</summary>
        private sealed class StringBuilderFacts
        {
            private readonly System.Collections.Generic.List<string> _sinks = new();
            private readonly System.Collections.Generic.List<string> _elements = new();

            private readonly System.Collections.Generic.List<string> _sinkTable = new();

            public void Add(string file, int line, string sink, string element)
            {
                var location = ",\"file\":\"" + file.Replace("\\", "/") + "\",\"line\":" + line.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
                if (!_sinkTable.Contains(sink))
                {
                    _sinkTable.Add(sink);
                }

                _sinks.Add("{\"sink\":" + _sinkTable.IndexOf(sink).ToString(System.Globalization.CultureInfo.InvariantCulture) + location);
                _elements.Add(element.Substring(0, element.Length - 1) + location);
            }

            public override string ToString() =>
                "{\"format\":\"residency-facts\",\"version\":" + Residency.Facts.FactsFile.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"assembly\":\"Sample\",\"allowedRegions\":[\"EEA\",\"Adequate\"]," +
                "\"sourceTable\":[],\"sinkTable\":[" + string.Join(",", _sinkTable) + "]," +
                "\"elements\":[" + string.Join(",", _elements) + "],\"sinks\":[" + string.Join(",", _sinks) + "],\"flows\":[],\"findings\":[],\"notes\":[]}";
        }

        /// <summary>Re-serialises a facts file with every list in reverse order (<see cref="Twice"/>: then in order again, and each flow's sources twice).</summary>
        private sealed class ReversedCopy
        {
            private readonly JsonWriter _w = new();

            public bool Twice { get; init; }

            public string Write(JsonNode root)
            {
                _w.StartObject();
                foreach (var member in root.Members)
                {
                    _w.Name(member.Key);
                    // The tables stay in order: flows, calls and sink entries name their entries by index.
                    if (member.Value.IsArray && member.Key is not ("allowedRegions" or "sourceTable" or "sinkTable"))
                    {
                        _w.StartArray();
                        foreach (var item in Twice ? member.Value.Items.Reverse().Concat(member.Value.Items) : member.Value.Items.Reverse())
                        {
                            Node(item);
                        }

                        _w.EndArray();
                    }
                    else
                    {
                        Node(member.Value);
                    }
                }

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
                            if (Twice && member.Key == "sources" && member.Value.IsArray)
                            {
                                _w.StartArray();
                                foreach (var item in member.Value.Items.Reverse().Concat(member.Value.Items))
                                {
                                    Node(item);
                                }

                                _w.EndArray();
                                continue;
                            }

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
