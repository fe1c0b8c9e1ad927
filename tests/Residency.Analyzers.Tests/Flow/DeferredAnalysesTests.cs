using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// Command-line builds analyse flows at compilation end, with the models the compiler bound its bodies into
    /// (Flow/DeferredAnalyses.cs). Every flow analyzer test also checks that both modes report the same
    /// (<see cref="DeferredEquivalence"/>); these tests check the deferred mode on its own.
    /// </summary>
    public class DeferredAnalysesTests
    {
        private static readonly (string, string)[] CommandLine = { ("_ResidencyCommandLineBuild", "true") };

        [Fact]
        public Task ACommandLineBuildReportsFlowsThroughCalleesAtCompilationEnd() => Verify.VerifyAsync(Source + @"
class Service
{
    private readonly Crm _crm = new Crm();
    private string _pending = """";
    void Run(Customer c) { {|#0:Forward(c.Email)|}; Forward(c.Country); }
    void Forward(string s) => Relay(s + ""!"");
    void Relay(string s) => _crm.Send(s);
    void Keep(Customer c) { _pending = c.Email; }
    void Flush() { {|#1:_crm.Send(_pending)|}; }
}", CommandLine, Res001(0), Res001(1));

        [Fact]
        public Task ACommandLineBuildReportsNothingForCleanCode() => Verify.VerifyAsync(Source + @"
class Service
{
    private readonly Crm _crm = new Crm();
    void Run(Customer c) { Forward(c.Country); }
    void Forward(string s) => _crm.Send(s);
}", CommandLine);

        [Fact]
        public void AHeldModelIsTheOneTheEngineUsesUntilReleased()
        {
            var tree = CSharpSyntaxTree.ParseText("class C { void M() { } }");
            var compilation = CSharpCompilation.Create("held", new[] { tree }, TestReferences.All);
            var models = new SemanticModels(compilation);
            var held = compilation.GetSemanticModel(tree);

            models.Hold(held);
            Assert.Same(held, models.Get(tree));

            models.Release();
            Assert.NotSame(held, models.Get(tree));

            models.Hold(held); // after the release nothing is held any more
            Assert.NotSame(held, models.Get(tree));
        }

        [Fact]
        public void AModelOfAnotherCompilationIsNotHeld()
        {
            var tree = CSharpSyntaxTree.ParseText("class C { void M() { } }");
            var compilation = CSharpCompilation.Create("mine", new[] { tree }, TestReferences.All);
            var other = compilation.Clone();
            var models = new SemanticModels(compilation);
            var foreign = other.GetSemanticModel(tree);

            models.Hold(foreign);
            Assert.NotSame(foreign, models.Get(tree));
        }

        [Fact]
        public void TheDeferredAnalysesRunOnceAndAnswerEachRequestedMethod()
        {
            var tree = CSharpSyntaxTree.ParseText(Source + @"
class Service
{
    private readonly Crm _crm = new Crm();
    void Run(Customer c) => _crm.Send(c.Email);
    int Twice(int n) => n * 2;
}");
            var compilation = CSharpCompilation.Create("deferred", new[] { tree }, TestReferences.All);
            var residency = ResidencyContext.For(compilation, PrefilterSoundness.CommandLineWithoutFacts);
            var deferred = residency.Deferred;
            Assert.NotNull(deferred);

            var model = compilation.GetSemanticModel(tree);
            var service = compilation.GetTypeByMetadataName("Service")!;
            foreach (var name in new[] { "Run", "Twice", "Run" })
            {
                var method = service.GetMembers(name).OfType<IMethodSymbol>().Single();
                deferred!.Keep(model);
                deferred.Request(method, model, method.DeclaringSyntaxReferences[0].GetSyntax());
            }

            Assert.True(deferred!.Holds(model));
            Assert.Equal(2, deferred.PendingCount);
            var completed = deferred.Complete(default);
            Assert.Same(completed, deferred.Complete(default));
            Assert.Null(completed.Failure);
            var run = completed.Of(service.GetMembers("Run").OfType<IMethodSymbol>().Single());
            Assert.NotNull(run);
            Assert.Single(run!.Findings);
            Assert.Null(completed.Of(service.GetMembers("Twice").OfType<IMethodSymbol>().Single())); // touches no personal data

            // Nothing bound is kept once the analyses have run: neither the models nor the requests.
            Assert.False(deferred.Holds(model));
            Assert.Equal(0, deferred.PendingCount);
        }

        [Fact]
        public void TheDeferredAnalysesRunOnAtMostOneThreadPerCore()
        {
            // Without a bound, Parallel.ForEach takes every idle thread of the pool: at the end of a large compilation
            // about twenty on two cores (docs/benchmarks.md, "The twenty-fourth round"). Idle threads are made here.
            var methods = string.Concat(Enumerable.Range(0, 8 * System.Environment.ProcessorCount).Select(i => $"    void Run{i}(Customer c) => _crm.Send(c.Email);\n"));
            var tree = CSharpSyntaxTree.ParseText(Source + "class Service\n{\n    private readonly Crm _crm = new Crm();\n" + methods + "}");
            var compilation = CSharpCompilation.Create("bounded", new[] { tree }, TestReferences.All);
            var deferred = ResidencyContext.For(compilation, PrefilterSoundness.CommandLineWithoutFacts).Deferred!;
            var model = compilation.GetSemanticModel(tree);
            deferred.Keep(model);
            foreach (var method in compilation.GetTypeByMetadataName("Service")!.GetMembers().OfType<IMethodSymbol>().Where(m => m.Name.StartsWith("Run")))
            {
                deferred.Request(method, model, method.DeclaringSyntaxReferences[0].GetSyntax());
            }

            // Measured as the analyses running at once: Parallel.ForEach hands a long-running worker's place to a new task
            // after a time slice, which may run on another pool thread, so distinct threads are not the measure.
            int running = 0, most = 0;
            System.Threading.ThreadPool.GetMinThreads(out var workers, out var ports);
            System.Threading.ThreadPool.SetMinThreads(Math.Max(workers, 4 * System.Environment.ProcessorCount + 4), ports);
            try
            {
                Residency.Analyzers.Flow.DeferredAnalyses.AnalysingForTests.Value = _ =>
                {
                    var now = System.Threading.Interlocked.Increment(ref running);
                    for (var seen = System.Threading.Volatile.Read(ref most); now > seen; seen = System.Threading.Volatile.Read(ref most))
                    {
                        System.Threading.Interlocked.CompareExchange(ref most, now, seen);
                    }

                    System.Threading.Thread.Sleep(25);
                    System.Threading.Interlocked.Decrement(ref running);
                };
                var completed = deferred.Complete(default);
                Assert.Null(completed.Failure);
            }
            finally
            {
                Residency.Analyzers.Flow.DeferredAnalyses.AnalysingForTests.Value = null;
                System.Threading.ThreadPool.SetMinThreads(workers, ports);
            }

            Assert.InRange(most, 1, System.Environment.ProcessorCount);
        }

        [Fact]
        public void ACommandLineBuildBuildsTheIndexInTheCompilationStartActionThatAsks()
        {
            // No code-block action may wait for the index: blocked actions made the thread pool add threads while it was
            // built (docs/benchmarks.md, "The twenty-fourth round").
            var compilation = CSharpCompilation.Create("prepared", new[] { CSharpSyntaxTree.ParseText(Source) }, TestReferences.All);
            var residency = ResidencyContext.For(compilation, PrefilterSoundness.CommandLineWithoutFacts);
            Assert.False(residency.IndexBuilt);
            residency.PrepareIndexes();
            Assert.True(residency.IndexBuilt);

            var ide = ResidencyContext.For(compilation.Clone(), new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty));
            ide.PrepareIndexes();
            Assert.False(ide.IndexBuilt); // the IDE builds it on first use
        }

        [Fact]
        public void TheIdeDefersNothing()
        {
            var compilation = CSharpCompilation.Create("ide", new[] { CSharpSyntaxTree.ParseText(Source) }, TestReferences.All);
            Assert.Null(ResidencyContext.For(compilation, new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty)).Deferred);
        }
    }
}
