using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Diagnostics;

namespace Residency.Analyzers.Tests.Rules
{
    /// <summary>Every rule has a documentation page, and its descriptor links to it.</summary>
    public class DescriptorTests
    {
        public static TheoryData<string> Descriptors()
        {
            var data = new TheoryData<string>();
            foreach (var id in AllDescriptors().Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal))
            {
                data.Add(id);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Descriptors))]
        public void HelpLinkPointsToAnExistingRulePage(string id)
        {
            var root = SelfAnalysisTests.FindRepositoryRoot();
            foreach (var descriptor in AllDescriptors().Where(d => d.Id == id))
            {
                Assert.StartsWith(Diagnostics.Descriptors.HelpBase, descriptor.HelpLinkUri);
                var page = descriptor.HelpLinkUri.Substring(Diagnostics.Descriptors.HelpBase.Length);
                Assert.True(File.Exists(Path.Combine(root, "docs", "rules", page)), $"docs/rules/{page} is missing for {id}");
                Assert.Equal(Diagnostics.Descriptors.Category, descriptor.Category);
                Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
            }

            Assert.True(File.Exists(Path.Combine(root, "docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
        }

        [Fact]
        public void EveryRuleIdIsDeclaredInDiagnosticIds()
        {
            var declared = typeof(DiagnosticIds).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
            Assert.All(AllDescriptors(), d => Assert.Contains(d.Id, declared));
        }

        private static DiagnosticDescriptor[] AllDescriptors() =>
            typeof(ResidencyContext).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !typeof(DiagnosticSuppressor).IsAssignableFrom(t))
                .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
                .ToArray();
    }
}
