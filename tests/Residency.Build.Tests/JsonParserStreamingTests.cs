using System;
using System.Collections.Generic;
using System.Linq;
using Residency.Analyzers.Json;
using Xunit;

namespace Residency.Build.Tests
{
    /// <summary>
    /// <see cref="JsonParser.ReadMembers"/>: a document whose root is an object, read member by member, with the items of
    /// an array member handed over one at a time (how the task reads the facts file without a tree of all of it).
    /// </summary>
    public sealed class JsonParserStreamingTests
    {
        [Fact]
        public void EachMemberIsHandedOverInOrderWithItsValue()
        {
            var seen = new List<string>();
            var items = new List<string?>();
            bool isObject = JsonParser.ReadMembers("\uFEFF{ \"a\": 1, // a comment\n \"list\": [ {\"x\": \"y\"}, 2, \"three\" ], \"b\": { \"c\": [true] }, }", (name, parser) =>
            {
                seen.Add(name);
                if (name == "list")
                {
                    parser.ReadItems(item => items.Add(item.Kind == JsonKind.Object ? item.GetString("x") : item.Text));
                }
                else if (name == "a")
                {
                    Assert.Equal("1", parser.ReadValue().Text);
                }

                // "b" is left unread: the parser skips it.
            });

            Assert.True(isObject);
            Assert.Equal(new[] { "a", "list", "b" }, seen);
            Assert.Equal(new[] { "y", "2", "three" }, items);
        }

        [Fact]
        public void AnItemKnowsItsLineAndColumn()
        {
            var lines = new List<(int, int)>();
            JsonParser.ReadMembers("{\"list\": [\n  {\"x\": 1},\n    {\"x\": 2}\n]}", (_, parser) => parser.ReadItems(item => lines.Add((item.Line, item.Column))));

            Assert.Equal(new[] { (2, 3), (3, 5) }, lines);
        }

        [Fact]
        public void AValueThatIsNotAnArrayGivesNoItems()
        {
            int count = 0;
            var after = new List<string>();
            JsonParser.ReadMembers("{\"list\": {\"a\": [1, 2]}, \"next\": 3}", (name, parser) =>
            {
                if (name == "list")
                {
                    parser.ReadItems(_ => count++);
                }
                else
                {
                    after.Add(parser.ReadValue().Text!);
                }
            });

            Assert.Equal(0, count);
            Assert.Equal(new[] { "3" }, after);
        }

        [Theory]
        [InlineData("[1, 2]")]
        [InlineData("\"text\"")]
        [InlineData("  42 ")]
        public void ARootThatIsNotAnObjectIsNotRead(string text)
        {
            bool called = false;
            Assert.False(JsonParser.ReadMembers(text, (_, _) => called = true));
            Assert.False(called);
        }

        [Theory]
        [InlineData("{\"a\": 1,\n \"list\": [1, 2,, 3]}", 2, 16)]
        [InlineData("{\"a\": 1 \"b\": 2}", 1, 9)]
        [InlineData("{\"a\": [1, 2]", 1, 13)]
        [InlineData("{\"a\": 1} trailing", 1, 10)]
        [InlineData("[1, 2", 1, 6)]
        public void MalformedJsonThrowsWithItsLineAndColumn(string text, int line, int column)
        {
            var error = Assert.Throws<JsonParseException>(() => JsonParser.ReadMembers(text, (_, parser) => parser.ReadItems(_ => { })));

            Assert.Equal((line, column), (error.Line, error.Column));
        }

        [Fact]
        public void AValueIsReadOnce()
        {
            JsonParser.ReadMembers("{\"a\": [1]}", (_, parser) =>
            {
                parser.ReadItems(_ => { });
                Assert.Throws<InvalidOperationException>(() => parser.ReadValue());
                Assert.Throws<InvalidOperationException>(() => parser.ReadItems(_ => { }));
            });
        }

        [Fact]
        public void TheTreeOfAValueIsTheOneParseGives()
        {
            const string Value = "{\"s\":\"a\\u00e9\\n\",\"n\":-1.5e3,\"t\":true,\"f\":false,\"z\":null,\"l\":[[],{}]}";
            JsonNode? read = null;
            JsonParser.ReadMembers("{\"v\":" + Value + "}", (_, parser) => read = parser.ReadValue());

            Assert.Equal(Render(JsonParser.Parse(Value)), Render(read!));
        }

        private static string Render(JsonNode node) => node.Kind switch
        {
            JsonKind.Object => "{" + string.Join(",", node.Members.Select(m => m.Key + ":" + Render(m.Value))) + "}",
            JsonKind.Array => "[" + string.Join(",", node.Items.Select(Render)) + "]",
            _ => node.Kind + "(" + node.Text + ")",
        };
    }
}
