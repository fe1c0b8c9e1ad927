using System.Linq;
using Residency.Analyzers.Json;
using Residency.Build.Writing;
using Residency.Facts;
using Xunit;

namespace Residency.Build.Tests
{
    /// <summary>Unresolved sinks keep their identity (one row per call site, what is known of the URL); internal ones show as internal.</summary>
    public class SinkIdentityTests
    {
        private static SinkEntry Sink(string display, string region, string file, int line, string? target = null, bool isInternal = false, string? host = null) => new()
        {
            Sink = new SinkInfo { Id = $"http:{display}:{region}", Kind = "http", Display = display, Region = region, Host = host, Target = target, Internal = isInternal },
            Assembly = "Shop",
            File = file,
            Line = line,
        };

        private static Model.Inventory Build(params SinkEntry[] sinks)
        {
            var facts = new Reading.FactSet();
            facts.Sinks.AddRange(sinks);
            return InventoryBuilder.Build(facts, new InventoryOptions { Assembly = "Shop" });
        }

        [Fact]
        public void Unresolved_calls_with_the_same_target_keep_one_row_per_call_site()
        {
            var inventory = Build(
                Sink("HTTP GET ‹parameter 'url'›", "Unknown", "Orders.cs", 10, target: "parameter 'url'"),
                Sink("HTTP GET ‹parameter 'url'›", "Unknown", "Basket.cs", 20, target: "parameter 'url'"),
                Sink("HTTP POST ‹configuration key Crm:BaseUrl›", "Unknown", "Crm.cs", 5, target: "configuration key Crm:BaseUrl"));
            Assert.Equal(3, inventory.Sinks.Count);
            Assert.Equal(new[] { "Basket.cs", "Orders.cs" }, inventory.Sinks.Where(s => s.Sink.Target == "parameter 'url'").Select(s => s.File).OrderBy(f => f));

            var markdown = MarkdownInventoryWriter.Write(inventory);
            Assert.Contains("HTTP POST ‹configuration key Crm:BaseUrl›", markdown);
            Assert.Contains("Crm.cs:5", markdown);
        }

        [Fact]
        public void Resolved_sinks_are_still_one_row_whatever_the_call_sites()
        {
            var inventory = Build(
                Sink("HTTP POST api.openai.com", "US", "A.cs", 1, host: "api.openai.com"),
                Sink("HTTP POST api.openai.com", "US", "B.cs", 2, host: "api.openai.com"));
            Assert.Single(inventory.Sinks);
        }

        [Fact]
        public void A_sink_known_only_from_its_flows_shows_where_the_first_flow_hands_the_data_over()
        {
            // An AI tool's result: no call of the sink, the tool's return statement hands the data to the model.
            var tool = new SinkInfo { Id = "sdk:IChatClient (result of tool Lookup) api.openai.com:US", Kind = "sdk", Display = "IChatClient (result of tool Lookup) api.openai.com", Region = "US", Host = "api.openai.com" };
            var facts = new Reading.FactSet();
            facts.Flows.Add(new FlowFact { Assembly = "Shop", Status = "violation", Sink = tool, Method = "Shop.Bot.Lookup()", File = "Bot.cs", Line = 12, Column = 9 });
            facts.Flows.Add(new FlowFact { Assembly = "Shop", Status = "violation", Sink = tool, Method = "Shop.Bot.Other()", File = "Bot.cs", Line = 30, Column = 9 });
            var inventory = InventoryBuilder.Build(facts, new InventoryOptions { Assembly = "Shop" });

            var row = Assert.Single(inventory.Sinks);
            Assert.Equal(("Bot.cs", 12), (row.File, row.Line));
            Assert.Contains("| Bot.cs:12 |", MarkdownInventoryWriter.Write(inventory).Split('\n').Single(l => l.StartsWith("| IChatClient (result of tool Lookup)")));
        }

        [Fact]
        public void Internal_sinks_show_as_internal_not_unknown()
        {
            var inventory = Build(Sink("HTTP POST ordering-api", "Unknown", "Orders.cs", 3, isInternal: true, host: "ordering-api"));
            var markdown = MarkdownInventoryWriter.Write(inventory);
            var row = markdown.Split('\n').Single(l => l.Contains("HTTP POST ordering-api"));
            Assert.Contains("| internal |", row);
            Assert.DoesNotContain("Unknown", row);
        }

        [Fact]
        public void Internal_and_target_survive_the_facts_file()
        {
            var entry = Sink("HTTP GET ‹local 'x'›", "Unknown", "A.cs", 1, target: "local 'x'") with { };
            var text = FactJsonWriter.Key(w => FactJsonWriter.SinkEntry(w, entry));
            var read = FactJsonReader.SinkEntry(JsonParser.Parse(text), "Shop")!;
            Assert.Equal("local 'x'", read.Sink.Target);
            Assert.False(read.Sink.Internal);

            var internalEntry = Sink("HTTP GET redis", "Unknown", "A.cs", 1, isInternal: true, host: "redis");
            var internalRead = FactJsonReader.SinkEntry(JsonParser.Parse(FactJsonWriter.Key(w => FactJsonWriter.SinkEntry(w, internalEntry))), "Shop")!;
            Assert.True(internalRead.Sink.Internal);
            Assert.Null(internalRead.Sink.Target);
        }
    }
}
