using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Flow;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// The pre-filter's answer about a method's own body ("does it touch personal data?") is memoised with its answers about
    /// callees: the reporting analyzer, the inventory's facts and the field-store writers ask it of the same bodies, and the
    /// body is walked for it once. Shown by asking again with another body: the method's memoised answer comes back.
    /// </summary>
    public class PrefilterMemoTests
    {
        private const string Code = @"
class Service
{
    private readonly Crm _crm = new Crm();
    private string _last = """";
    public void Send(Customer c) => _crm.Send(c.Email);
    public void Remember(Customer c) { _last = c.Email; }
    public int Quiet(int x) => x + 1;
    public void Leak() => _crm.Send(_last);
}";

        [Fact]
        public void TheAnswerAboutAnAnalysedBodyIsMemoised()
        {
            var (engine, method) = Engine();
            var send = method("Send");
            var quiet = method("Quiet");
            var sendBody = engine.GetBodyOperation(send, default)!;
            var quietBody = engine.GetBodyOperation(quiet, default)!;

            Assert.NotNull(engine.AnalyseMethod(send, null, null, default));
            Assert.Null(engine.AnalyseMethod(quiet, null, null, default));

            // The uncached question walks the body it is given...
            Assert.True(engine.TouchesPersonalData(sendBody));
            Assert.False(engine.TouchesPersonalData(quietBody));

            // ...the method's question is answered from what the analysis found, whatever body comes with it.
            Assert.True(engine.TouchesPersonalData(send, quietBody));
            Assert.False(engine.TouchesPersonalData(quiet, sendBody));
        }

        [Fact]
        public void TheFieldWritersShareTheMemo()
        {
            var (engine, method) = Engine();
            var remember = method("Remember");
            var quietBody = engine.GetBodyOperation(method("Quiet"), default)!;

            // Leak reads _last: which methods of Service store personal data into it? Remember does, and that answer is kept.
            Assert.NotNull(engine.AnalyseMethod(method("Leak"), null, null, default));
            Assert.True(engine.TouchesPersonalData(remember, quietBody));
        }

        private static (FlowEngine Engine, System.Func<string, IMethodSymbol> Method) Engine()
        {
            var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText(FlowTestModel.Source + Code) }, TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var context = ResidencyContext.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
            context.Engine.SyntacticFilter = null; // the engine's own answers, not the index's
            var type = compilation.GetTypeByMetadataName("Service")!;
            return (context.Engine, name => type.GetMembers(name).OfType<IMethodSymbol>().Single());
        }
    }
}
