using System.Collections.Generic;
using System.Globalization;

namespace Residency.Analyzers.Json
{
    /// <summary>Lenient accessors over <see cref="JsonNode"/>: wrong types read as absent, never throw.</summary>
    internal static class JsonRead
    {
        /// <summary>A string member (numbers and booleans as written); blank strings read as null.</summary>
        public static string? Str(JsonNode? node, string name)
        {
            var value = node is { IsObject: true } ? node.Get(name) : null;
            var text = value?.AsConfigurationValue();
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        /// <summary>The non-empty strings of an array (<c>["a", "b"]</c>); empty for anything that is not an array.</summary>
        public static System.Collections.Immutable.ImmutableArray<string> Strings(JsonNode? node)
        {
            var builder = System.Collections.Immutable.ImmutableArray.CreateBuilder<string>();
            if (node is { IsArray: true })
            {
                foreach (var item in node.Items)
                {
                    if (item.IsString && !string.IsNullOrEmpty(item.Text))
                    {
                        builder.Add(item.Text!);
                    }
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>The first of several member names that is present.</summary>
        public static string? Str(JsonNode? node, params string[] names)
        {
            foreach (var name in names)
            {
                var value = Str(node, name);
                if (value is not null)
                {
                    return value;
                }
            }

            return null;
        }

        public static int? Int(JsonNode? node, string name)
        {
            var text = Str(node, name);
            if (text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) &&
                value >= int.MinValue && value <= int.MaxValue)
            {
                return (int)value;
            }

            return null;
        }

        public static bool Bool(JsonNode? node, string name)
        {
            var value = node is { IsObject: true } ? node.Get(name) : null;
            return value?.Kind switch
            {
                JsonKind.True => true,
                JsonKind.String => string.Equals(value.Text, "true", System.StringComparison.OrdinalIgnoreCase),
                _ => false,
            };
        }

        public static JsonNode? Obj(JsonNode? node, string name)
        {
            var value = node is { IsObject: true } ? node.Get(name) : null;
            return value is { IsObject: true } ? value : null;
        }

        public static IReadOnlyList<JsonNode> Arr(JsonNode? node, string name)
        {
            var value = node is { IsObject: true } ? node.Get(name) : null;
            return value is { IsArray: true } ? value.Items : new JsonNode[0];
        }

        /// <summary>The string items of an array member; a single string reads as one item.</summary>
        public static IReadOnlyList<string> Strings(JsonNode? node, string name)
        {
            var value = node is { IsObject: true } ? node.Get(name) : null;
            var result = new List<string>();
            if (value is { IsArray: true })
            {
                foreach (var item in value.Items)
                {
                    var text = item.AsConfigurationValue();
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        result.Add(text!);
                    }
                }
            }
            else if (value?.AsConfigurationValue() is { } single && !string.IsNullOrWhiteSpace(single))
            {
                result.Add(single);
            }

            return result;
        }
    }
}
