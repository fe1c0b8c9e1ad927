using System.Collections.Generic;
using System.Globalization;

namespace Residency.Analyzers.Json
{
    /// <summary>The kinds of JSON values.</summary>
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>
    /// A parsed JSON value with its 1-based line and column, so that configuration errors can be reported
    /// with the file and line they are on. Object members keep their order.
    /// </summary>
    internal sealed class JsonNode
    {
        private static readonly KeyValuePair<string, JsonNode>[] NoMembers = new KeyValuePair<string, JsonNode>[0];
        private static readonly IReadOnlyList<JsonNode> NoItems = new JsonNode[0];

        // An array, not a list behind an interface: Get scans it for every member a reader asks for, and a facts file
        // has tens of thousands of objects (no enumerator, no interface call per member).
        private readonly KeyValuePair<string, JsonNode>[] _members;

        private JsonNode(JsonKind kind, int line, int column, string? text, KeyValuePair<string, JsonNode>[]? members, IReadOnlyList<JsonNode>? items)
        {
            Kind = kind;
            Line = line;
            Column = column;
            Text = text;
            _members = members ?? NoMembers;
            Items = items ?? NoItems;
        }

        public JsonKind Kind { get; }

        public int Line { get; }

        public int Column { get; }

        /// <summary>The string value, or the number as written.</summary>
        public string? Text { get; }

        public IReadOnlyList<KeyValuePair<string, JsonNode>> Members => _members;

        public IReadOnlyList<JsonNode> Items { get; }

        public bool IsObject => Kind == JsonKind.Object;

        public bool IsArray => Kind == JsonKind.Array;

        public bool IsString => Kind == JsonKind.String;

        public static JsonNode Object(int line, int column, KeyValuePair<string, JsonNode>[] members) => new(JsonKind.Object, line, column, null, members, null);

        public static JsonNode Array(int line, int column, IReadOnlyList<JsonNode> items) => new(JsonKind.Array, line, column, null, null, items);

        public static JsonNode Scalar(JsonKind kind, int line, int column, string? text) => new(kind, line, column, text, null, null);

        /// <summary>The first member named <paramref name="name"/> (case-sensitive), or null.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public JsonNode? Get(string name)
        {
            var members = _members;
            for (int i = 0; i < members.Length; i++)
            {
                if (string.Equals(members[i].Key, name))
                {
                    return members[i].Value;
                }
            }

            return null;
        }

        /// <summary>The first member whose name equals <paramref name="name"/> ignoring case (as .NET configuration does), or null.</summary>
        public JsonNode? GetIgnoreCase(string name)
        {
            foreach (var member in _members)
            {
                if (string.Equals(member.Key, name, System.StringComparison.OrdinalIgnoreCase))
                {
                    return member.Value;
                }
            }

            return null;
        }

        public string? GetString(string name)
        {
            var node = Get(name);
            return node is { Kind: JsonKind.String } ? node.Text : null;
        }

        public bool? GetBool(string name)
        {
            var node = Get(name);
            return node?.Kind switch
            {
                JsonKind.True => true,
                JsonKind.False => false,
                _ => null,
            };
        }

        public long? GetInt64(string name)
        {
            var node = Get(name);
            if (node is { Kind: JsonKind.Number } && long.TryParse(node.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            return null;
        }

        /// <summary>The value as a configuration string (strings as is, numbers and booleans as written).</summary>
        public string? AsConfigurationValue() => Kind switch
        {
            JsonKind.String => Text,
            JsonKind.Number => Text,
            JsonKind.True => "true",
            JsonKind.False => "false",
            _ => null,
        };
    }
}
