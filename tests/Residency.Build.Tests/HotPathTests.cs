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
        [InlineData(typeof(JsonParser), "ReadItems")]
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
            var methods = Methods(type, name);
            Assert.NotEmpty(methods);
            Assert.Contains(methods, m => m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization));
        }

        [Fact]
        public void TheFactsFilesItemsAreMappedByCodeCompiledOptimised()
        {
            // The facts file's reading state is private to FactsFile; its Map runs once per item.
            var reading = typeof(Residency.Facts.FactsFile).GetNestedType("Reading", BindingFlags.NonPublic);
            Assert.NotNull(reading);
            Assert.Contains(Methods(reading!, "Map"), m => m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization));
        }

        private static System.Collections.Generic.List<MethodInfo> Methods(Type type, string name)
        {
            return type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(m => m.Name == name)
                .ToList();
        }
    }
}
