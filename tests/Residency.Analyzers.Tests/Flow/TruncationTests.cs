using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Flow;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>An incomplete analysis is recorded on the method's summary, with its reason, never silent.</summary>
    public class TruncationTests
    {
        [Fact]
        public void DeepCallChainIsRecordedAsTruncated()
        {
            var code = new StringBuilder(FlowTestModel.Source);
            code.AppendLine("class Chain { Crm _crm = new Crm();");
            code.AppendLine("public void Start(Customer c) { M0(c.Email); }");
            for (int i = 0; i < 12; i++)
            {
                code.AppendLine($"string M{i}(string s) => M{i + 1}(s + \"{i}\");");
            }

            code.AppendLine("string M12(string s) { _crm.Send(s); return s; } }");
            var summary = Summarise(code.ToString(), "Chain", "Start");
            Assert.True((summary.Truncation & Truncation.CallDepth) != 0);
            Assert.True(summary.IsTruncated);
            Assert.Contains("deeper than", summary.TruncationReason);
        }

        [Fact]
        public void ShallowCodeIsComplete()
        {
            var summary = Summarise(FlowTestModel.Source + @"
class Service { Crm _crm = new Crm(); public void Start(Customer c) { try { Relay(c.Email); } catch { _crm.Send(c.Name); } } void Relay(string s) => _crm.Send(s); }", "Service", "Start");
            Assert.Equal(Truncation.None, summary.Truncation);
            Assert.Equal(string.Empty, summary.TruncationReason);
            Assert.Equal(2, summary.Findings.Length);
        }

        private static MethodSummary Summarise(string code, string type, string method)
        {
            var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText(code) }, TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var context = ResidencyContext.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
            var symbol = compilation.GetTypeByMetadataName(type)!.GetMembers(method).OfType<IMethodSymbol>().Single();
            var summary = context.Engine.AnalyseMethod(symbol, null, null, default);
            Assert.NotNull(summary);
            return summary!;
        }
    }
}
