using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Residency.Analyzers.Tests
{
    /// <summary>
    /// The analyzer assembly's folders are layers (docs/architecture.md): a folder may use the ones below it, never one
    /// that uses it back. Checked on the namespaces each source file names.
    /// </summary>
    public class LayeringTests
    {
        [Fact]
        public void NamespacesFormNoCycle()
        {
            var root = Path.Combine(SelfAnalysisTests.FindRepositoryRoot(), "src", "Analyzers");
            var edges = new Dictionary<string, HashSet<string>>();
            var reference = new Regex(@"Residency\.Analyzers\.([A-Z][A-Za-z]*)");
            foreach (var file in Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file);
                if (relative.StartsWith("obj") || relative.StartsWith("bin") || !relative.Contains(Path.DirectorySeparatorChar))
                {
                    continue;
                }

                var layer = relative.Split(Path.DirectorySeparatorChar)[0];
                if (!edges.TryGetValue(layer, out var uses))
                {
                    edges[layer] = uses = new HashSet<string>();
                }

                foreach (Match match in reference.Matches(File.ReadAllText(file)))
                {
                    var used = match.Groups[1].Value;
                    if (used != layer && Directory.Exists(Path.Combine(root, used)))
                    {
                        uses.Add(used);
                    }
                }
            }

            Assert.True(edges.ContainsKey("Flow") && edges.ContainsKey("Sinks") && edges.ContainsKey("Endpoints"), "the layers were not found");
            foreach (var start in edges.Keys)
            {
                var path = Cycle(start, start, edges, new HashSet<string>());
                Assert.True(path is null, $"namespace cycle: {start} -> {string.Join(" -> ", path ?? Enumerable.Empty<string>())}");
            }
        }

        private static List<string>? Cycle(string start, string current, Dictionary<string, HashSet<string>> edges, HashSet<string> visited)
        {
            if (!edges.TryGetValue(current, out var next))
            {
                return null;
            }

            foreach (var used in next)
            {
                if (used == start)
                {
                    return new List<string> { used };
                }

                if (visited.Add(used) && Cycle(start, used, edges, visited) is { } rest)
                {
                    rest.Insert(0, used);
                    return rest;
                }
            }

            return null;
        }
    }
}
