using System.Collections.Generic;
using System.Linq;
using Residency.Analyzers.Json;
using Residency.Facts;
using Xunit;

namespace Residency.Build.Tests
{
    /// <summary>
    /// The facts file, version 3: every source and sink once, in <c>sourceTable</c> and <c>sinkTable</c>, named by index
    /// from the flows, unclassified calls and sink entries; every source file once, in <c>fileTable</c>, named by index
    /// from every item; compact, with no null, empty or false member (docs/inventory.md, "The facts file").
    /// </summary>
    public sealed class FactsFileFormatTests
    {
        private static readonly SourceRef Email = new() { Id = "S.Customer.Email", Member = "Customer.Email", Category = "contact.email", Subject = "customer" };
        private static readonly SourceRef Name = new() { Id = "S.Customer.Name", Member = "Customer.Name", Category = "name", Subject = "customer" };
        private static readonly SinkInfo Crm = new() { Id = "M:S.Crm.Push(System.String)", Kind = "annotation", Display = "Crm.Push", Region = "US", RegionName = "United States", ResolvedBy = "[DataSink] on Crm.Push" };
        private static readonly SinkInfo Mail = new() { Id = "smtp:mail.example.eu:DE", Kind = "smtp", Display = "SMTP mail.example.eu", Region = "DE", Host = "mail.example.eu" };

        private static FlowFact Flow(int line, SinkInfo sink, params SourceRef[] sources) => new()
        {
            Assembly = "S",
            Status = FlowStatus.Violation,
            Rule = "RES001",
            Sources = sources,
            Sink = sink,
            Path = new[] { "Run", sink.Display! },
            Method = "S.Service.Run()",
            File = "/src/Service.cs",
            Line = line,
            Column = 9,
            Fingerprint = "f" + line,
        };

        private static FactsDocument Document(bool reversed = false)
        {
            var flows = Enumerable.Range(1, 40).Select(i => Flow(i, i % 2 == 0 ? Crm : Mail, i % 3 == 0 ? new[] { Email, Name } : new[] { Name })).ToList();
            var sinks = new[] { new SinkEntry { Sink = Crm, Assembly = "S", File = "/src/Crm.cs", Line = 4 }, new SinkEntry { Sink = Mail, Assembly = "S", File = "/src/Mail.cs", Line = 8 } };
            var calls = new[] { new UnclassifiedCall { Assembly = "S", Recipient = "Lib.Audit.Write", Sources = new[] { Email }, Path = new[] { "Run", "Lib.Audit.Write" }, File = "/src/Service.cs", Line = 50, Column = 3 } };
            if (reversed)
            {
                flows.Reverse();
                sinks = sinks.Reverse().ToArray();
            }

            return new FactsDocument { Assembly = "S", AllowedRegions = new[] { "EEA", "Adequate" }, Flows = flows, Sinks = sinks, Unclassified = calls };
        }

        [Fact]
        public void EachSourceAndSinkIsWrittenOnceAndNamedByIndex()
        {
            var text = FactsFile.Write(Document());
            var root = JsonParser.Parse(text);

            Assert.Equal("3", root.Get("version")!.Text);
            Assert.Equal(new[] { "S.Customer.Email", "S.Customer.Name" }, root.Get("sourceTable")!.Items.Select(s => s.GetString("id")));
            Assert.Equal(2, root.Get("sinkTable")!.Items.Count);

            // 40 flows over 2 sources and 2 sinks: each is written once, in its table.
            Assert.Equal(1, Occurrences(text, "\"contact.email\""));
            Assert.Equal(1, Occurrences(text, "\"[DataSink] on Crm.Push\""));
            var flows = root.Get("flows")!.Items;
            Assert.Equal(40, flows.Count);
            Assert.All(flows, f => Assert.Equal(JsonKind.Number, f.Get("sink")!.Kind));
            Assert.All(flows, f => Assert.All(f.Get("sources")!.Items, s => Assert.Equal(JsonKind.Number, s.Kind)));
            Assert.All(root.Get("sinks")!.Items, s => Assert.Equal(JsonKind.Number, s.Get("sink")!.Kind));
        }

        [Fact]
        public void EachFileIsWrittenOnceAndNamedByIndex()
        {
            var document = Document() with
            {
                Elements = new[] { new DataElement { Id = "S.Customer.Email", Member = "Customer.Email", Kind = "property", Category = "contact.email", File = "/src/Customer.cs", Line = 7 } },
                Findings = new[] { new Finding { Rule = "RES006", Level = "note", Message = "looks personal", File = "/src/Customer.cs", Line = 9, Column = 5, Treatment = Treatment.Reported } },
            };
            var text = FactsFile.Write(document);
            var root = JsonParser.Parse(text);

            Assert.Equal(new[] { "/src/Crm.cs", "/src/Customer.cs", "/src/Mail.cs", "/src/Service.cs" }, root.Get("fileTable")!.Items.Select(f => f.Text));
            Assert.Equal(1, Occurrences(text, "\"/src/Service.cs\""));
            foreach (var list in new[] { "elements", "sinks", "flows", "unclassified", "findings" })
            {
                Assert.All(root.Get(list)!.Items, item => Assert.Equal(JsonKind.Number, item.Get("file")!.Kind));
            }

            var read = FactsFile.Read(text, out var problem)!;
            Assert.Null(problem);
            Assert.Equal("/src/Customer.cs", read.Elements.Single().File);
            Assert.Equal("/src/Customer.cs", read.Findings.Single().File);
            Assert.Equal(new[] { "/src/Crm.cs", "/src/Mail.cs" }, read.Sinks.Select(s => s.File));
            Assert.All(read.Flows, f => Assert.Equal("/src/Service.cs", f.File));
            Assert.Equal("/src/Service.cs", read.Unclassified.Single().File);
        }

        [Fact]
        public void TheFileIsCompactAndLeavesOutNullEmptyAndFalseMembers()
        {
            var text = FactsFile.Write(Document());

            Assert.DoesNotContain("\n", text.TrimEnd('\n'));
            Assert.DoesNotContain(": ", text);
            Assert.DoesNotContain("null", text);
            Assert.DoesNotContain("false", text);
            Assert.DoesNotContain("\"transfer\"", text); // no flow here has one
            Assert.DoesNotContain("\"specialCategory\"", text);

            // Read back, the members left out are what they were: null, empty, false.
            var read = FactsFile.Read(text, out _)!;
            Assert.All(read.Flows, f => Assert.Null(f.Transfer));
            Assert.All(read.Flows, f => Assert.False(f.Baselined));
            Assert.Equal(Email, read.Unclassified.Single().Sources.Single());
            Assert.Null(read.Unclassified.Single().Fingerprint);
        }

        [Fact]
        public void AFileWrittenInlineIsReadAsItself()
        {
            // Lenient, as everywhere in the fact contract: a path where an index is expected is taken as the path.
            const string Text = "{\"format\":\"residency-facts\",\"version\":3,\"fileTable\":[\"/src/A.cs\"]," +
                "\"elements\":[{\"id\":\"S.C.Email\",\"file\":\"/src/B.cs\",\"line\":3},{\"id\":\"S.C.Name\",\"file\":0,\"line\":4},{\"id\":\"S.C.Phone\",\"file\":7}]}";

            var read = FactsFile.Read(Text, out var problem)!;

            Assert.Null(problem);
            Assert.Equal(new[] { "/src/B.cs", "/src/A.cs", null }, read.Elements.Select(e => e.File));
        }

        [Fact]
        public void ReadingResolvesTheIndexesToTheSameFacts()
        {
            var written = Document();
            var read = FactsFile.Read(FactsFile.Write(written), out var problem)!;

            Assert.Null(problem);
            Assert.Equal(written.Flows.OrderBy(f => f.Line).Select(f => (f.Line, f.Sink, string.Join(",", f.Sources.Select(s => s.Id)))),
                read.Flows.Select(f => (f.Line, f.Sink, string.Join(",", f.Sources.Select(s => s.Id)))));
            Assert.Equal(new[] { Email, Name }, read.Flows.Single(f => f.Line == 3).Sources);
            Assert.Equal(new[] { Crm, Mail }, read.Sinks.Select(s => s.Sink));
            Assert.Equal(Email, read.Unclassified.Single().Sources.Single());
        }

        [Fact]
        public void TheSameFactsGiveTheSameBytesWhateverTheOrderTheyWereFoundIn()
        {
            Assert.Equal(FactsFile.Write(Document()), FactsFile.Write(Document(reversed: true)));
        }

        [Fact]
        public void AnIndexThatNamesNoEntryReadsAsAbsent()
        {
            const string Text = "{\"format\":\"residency-facts\",\"version\":3,\"sourceTable\":[{\"id\":\"S.C.Email\"}],\"sinkTable\":[{\"id\":\"crm\"}]," +
                "\"sinks\":[{\"sink\":0,\"line\":1},{\"sink\":5},{\"sink\":-1},{\"sink\":\"0\"}]," +
                "\"flows\":[{\"status\":\"violation\",\"sources\":[0,1,2.5,\"0\",{\"id\":\"x\"}],\"sink\":3}]}";

            var read = FactsFile.Read(Text, out var problem)!;

            Assert.Null(problem);
            Assert.Equal("crm", read.Sinks.Single().Sink.Id);
            var flow = read.Flows.Single();
            Assert.Equal("S.C.Email", flow.Sources.Single().Id);
            Assert.Null(flow.Sink);
        }

        [Fact]
        public void MembersInAnyOrderReadTheSame()
        {
            var written = FactsFile.Write(Full());
            var root = JsonParser.Parse(written);

            // The lists first and the tables and the root's assembly last: the items wait for the tables.
            var reversed = Render(root.Members.Reverse());
            Assert.StartsWith("{\"notes\":", reversed);

            var inOrder = FactsFile.Read(written, out var problem)!;
            Assert.Null(problem);
            var outOfOrder = FactsFile.Read(reversed, out problem)!;
            Assert.Null(problem);
            Assert.Equal(written, FactsFile.Write(inOrder));
            Assert.Equal(written, FactsFile.Write(outOfOrder));

            // The task's reading, too: every item of the root's assembly, every path mapped.
            var task = FactsFile.Read(reversed, itemAssembly: "Fallback", file: f => "rel" + f, out problem)!;
            Assert.Null(problem);
            Assert.All(Items(task), item => Assert.Equal("S", item.Assembly));
            Assert.All(Items(task), item => Assert.StartsWith("rel/src/", item.File));
        }

        [Fact]
        public void TheTaskReadsEveryItemAsOfTheRootsAssemblyOrItsOwn()
        {
            const string Items = "\"fileTable\":[\"/src/A.cs\"],\"elements\":[{\"id\":\"S.C.Email\",\"assembly\":\"Other\",\"file\":0},{\"id\":\"S.C.Name\",\"file\":\"/src/B.cs\"}]";
            const string WithAssembly = "{\"format\":\"residency-facts\",\"version\":3,\"assembly\":\"Root\"," + Items + "}";
            const string WithoutAssembly = "{\"format\":\"residency-facts\",\"version\":3," + Items + "}";
            const string AssemblyLast = "{\"format\":\"residency-facts\",\"version\":3,\"sourceTable\":[],\"sinkTable\":[]," + Items + ",\"assembly\":\"Root\"}";

            // As the analyzers' tests and the CLI read it: an item's own assembly, else the root's.
            Assert.Equal(new[] { "Other", "Root" }, FactsFile.Read(WithAssembly, out _)!.Elements.Select(e => e.Assembly));
            Assert.Equal(new[] { "Other", "" }, FactsFile.Read(WithoutAssembly, out _)!.Elements.Select(e => e.Assembly));
            Assert.Equal(new[] { "Other", "Root" }, FactsFile.Read(AssemblyLast, out _)!.Elements.Select(e => e.Assembly));

            // As the task reads it: the compilation's assembly for every item, the task's own when the file names none.
            Assert.Equal(new[] { "Root", "Root" }, FactsFile.Read(WithAssembly, "Task", null, out _)!.Elements.Select(e => e.Assembly));
            Assert.Equal(new[] { "Task", "Task" }, FactsFile.Read(WithoutAssembly, "Task", null, out _)!.Elements.Select(e => e.Assembly));
            Assert.Equal(new[] { "Root", "Root" }, FactsFile.Read(AssemblyLast, "Task", null, out _)!.Elements.Select(e => e.Assembly));

            // Paths from the table and written inline are mapped alike.
            Assert.Equal(new[] { "A", "B" }, FactsFile.Read(WithAssembly, "Task", f => f.Substring(5, 1), out _)!.Elements.Select(e => e.File));
        }

        [Fact]
        public void TheFirstMemberOfANameCounts()
        {
            const string Text = "{\"format\":\"residency-facts\",\"version\":3,\"assembly\":\"A\",\"assembly\":\"B\",\"sourceTable\":[],\"sinkTable\":[],\"fileTable\":[]," +
                "\"elements\":[{\"id\":\"S.C.Email\"}],\"elements\":[{\"id\":\"S.C.Name\"},{\"id\":\"S.C.Phone\"}]}";

            var read = FactsFile.Read(Text, out var problem)!;

            Assert.Null(problem);
            Assert.Equal("A", read.Assembly);
            Assert.Equal(new[] { "S.C.Email" }, read.Elements.Select(e => e.Id));
        }

        [Theory]
        [InlineData("{\"format\":\"residency-facts\",\"version\":2,\"elements\":[{\"id\":\"S.C.Email\"}]}", "format version 2")]
        [InlineData("{\"elements\":[{\"id\":\"S.C.Email\"}],\"version\":3,\"format\":\"other\"}", "its 'format' is not 'residency-facts'")]
        [InlineData("{\"format\":\"residency-facts\",\"elements\":[]}", "format version (none)")]
        [InlineData("{\"format\":\"residency-facts\",\"version\":3,\"elements\":[{\"id\":\"S.C.Email\"},]", "not valid JSON (unterminated object: expected '}' at line 1, column 73)")]
        [InlineData("[{\"format\":\"residency-facts\"}]", "not a JSON object")]
        public void AFileOfAnotherKindOrVersionIsNotRead(string text, string problem)
        {
            Assert.Null(FactsFile.Read(text, out var read));
            Assert.Contains(problem, read);
        }

        private static FactsDocument Full() => Document() with
        {
            Elements = new[] { new DataElement { Id = "S.Customer.Email", Member = "Customer.Email", Kind = "property", Category = "contact.email", Assembly = "S", File = "/src/Customer.cs", Line = 7 } },
            Findings = new[] { new Finding { Rule = "RES006", Level = "note", Message = "looks personal", Assembly = "S", File = "/src/Customer.cs", Line = 9, Column = 5, Treatment = Treatment.Reported } },
            Notes = new[] { "a note" },
        };

        private static IEnumerable<(string Assembly, string? File)> Items(FactsDocument document) =>
            document.Elements.Select(e => (e.Assembly, e.File))
                .Concat(document.Sinks.Select(s => (s.Assembly, s.File)))
                .Concat(document.Flows.Select(f => (f.Assembly, f.File)))
                .Concat(document.Unclassified.Select(u => (u.Assembly, u.File)))
                .Concat(document.Findings.Select(f => (f.Assembly, f.File)));

        // The members given, as a compact JSON object.
        private static string Render(IEnumerable<KeyValuePair<string, JsonNode>> members)
        {
            var w = new JsonWriter(compact: true);
            w.StartObject();
            foreach (var member in members)
            {
                w.Name(member.Key);
                Write(w, member.Value);
            }

            w.EndObject();
            return w.ToString();

            static void Write(JsonWriter w, JsonNode node)
            {
                switch (node.Kind)
                {
                    case JsonKind.Object:
                        w.StartObject();
                        foreach (var member in node.Members)
                        {
                            w.Name(member.Key);
                            Write(w, member.Value);
                        }

                        w.EndObject();
                        break;
                    case JsonKind.Array:
                        w.StartArray();
                        foreach (var item in node.Items)
                        {
                            Write(w, item);
                        }

                        w.EndArray();
                        break;
                    case JsonKind.String:
                        w.Value(node.Text);
                        break;
                    default:
                        w.Rendered(node.Text ?? "null");
                        break;
                }
            }
        }

        private static int Occurrences(string text, string value)
        {
            int count = 0;
            for (int i = text.IndexOf(value, System.StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, System.StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }
}
