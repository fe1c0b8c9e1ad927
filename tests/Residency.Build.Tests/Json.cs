using System.Collections.Generic;
using System.IO;
using System.Linq;
using Residency.Analyzers.Json;

namespace Residency.Build.Tests
{
    /// <summary>Reading helpers for asserting on the written JSON.</summary>
    internal static class Json
    {
        public static JsonNode Load(string path) => JsonParser.Parse(File.ReadAllText(path));

        public static IReadOnlyList<JsonNode> Array(this JsonNode node, string name) => node.Get(name)!.Items;

        public static string? Str(this JsonNode node, string name) => node.Get(name)?.AsConfigurationValue();

        public static IEnumerable<JsonNode> WithStatus(this JsonNode inventory, string status) =>
            inventory.Array("flows").Where(f => f.Str("status") == status);
    }
}
