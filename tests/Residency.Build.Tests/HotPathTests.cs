using System;
using System.Linq;
using System.Reflection;
using Residency.Analyzers.Json;
using Residency.Build.Reading;
using Residency.Build.Writing;
using Xunit;

namespace Residency.Build.Tests
{
    /// <summary>
    /// The task's loops over the facts file and the rendered record are compiled optimised on first call (the task runs
    /// once per build, so the runtime never tiers them up; docs/benchmarks.md, fourteenth round).
    /// </summary>
    public sealed class HotPathTests
    {
        [Theory]
        [InlineData(typeof(JsonParser), "ParseString")]
        [InlineData(typeof(JsonParser), "ParseObject")]
        [InlineData(typeof(JsonNode), "Get")]
        [InlineData(typeof(JsonWriter), "NeedsEscape")]
        [InlineData(typeof(FactsReader), "Read")]
        [InlineData(typeof(HtmlInventoryWriter), "Escape")]
        [InlineData(typeof(MarkdownInventoryWriter), "Escape")]
        [InlineData(typeof(MarkdownInventoryWriter), "NeedsEscape")]
        [InlineData(typeof(Residency.Analyzers.Inventory.FileContent), "Same")]
        [InlineData(typeof(CsvInventoryWriter), "Write")]
        public void TheTasksLoopsAreCompiledOptimised(Type type, string name)
        {
            var methods = type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(m => m.Name == name)
                .ToList();
            Assert.NotEmpty(methods);
            Assert.Contains(methods, m => m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization));
        }
    }
}
