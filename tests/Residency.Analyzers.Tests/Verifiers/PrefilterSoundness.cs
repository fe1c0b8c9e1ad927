using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// The syntactic pre-filter must never rule out a body the engine would analyse, nor a body with a flow of its own
    /// as one that cannot reach a recipient: judged on a compilation with the
    /// engine's own, unfiltered answer as the oracle. Run on every compilation an analyzer test verifies (and on the
    /// corpus of <c>CandidateIndexTests</c>), so every corpus of the test suite checks it.
    /// </summary>
    internal static class PrefilterSoundness
    {
        /// <summary>The bodies the engine analyses but the index filters out (empty when sound), and how many the engine analyses.</summary>
        public static (List<string> Lost, int Touching, int Skipped) Check(Compilation compilation)
        {
            // A clone: the context is cached per compilation object, and the analyzer under test must get its own options.
            var clone = compilation.Clone();
            var context = ResidencyContext.For(clone, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
            context.Engine.SyntacticFilter = null;
            var lost = new List<string>();
            int touching = 0, skipped = 0;
            foreach (var method in SymbolWalk.Types(clone.Assembly.GlobalNamespace).SelectMany(t => t.GetMembers()).OfType<IMethodSymbol>())
            {
                if (method.DeclaringSyntaxReferences.Length == 0 || context.Engine.GetBodyOperation(method, default) is not { } body)
                {
                    continue;
                }

                var declaration = method.DeclaringSyntaxReferences[0].GetSyntax();
                if (context.Engine.TouchesPersonalData(body))
                {
                    touching++;
                    if (!context.Index.MayTouchPersonalData(declaration))
                    {
                        lost.Add(method.ToDisplayString());
                    }
                }
                else if (!context.Index.MayTouchPersonalData(declaration))
                {
                    skipped++;
                }
            }

            // The index's quiet storage: a field or auto-property it says nothing personal is stored in must be one the
            // engine's own pre-filter finds no personal store for (the engine then skips the type's field stores to read it).
            context.Engine.StorageFilter = null;
            foreach (var member in SymbolWalk.Types(clone.Assembly.GlobalNamespace).SelectMany(t => t.GetMembers()).Where(m => m is IFieldSymbol or IPropertySymbol))
            {
                if (context.Index.StoresNothingPersonal(member) && context.Engine.MayHoldStoredPersonalData(member))
                {
                    lost.Add("quiet storage " + member.ToDisplayString());
                }
            }

            return (lost, touching, skipped);
        }

        /// <summary>
        /// The bodies with a flow of their own (a finding or an unclassified recipient, found by the unfiltered engine)
        /// that the index, built as in a build that writes facts, says cannot reach a recipient (empty when sound); and how
        /// many bodies it does rule out.
        /// </summary>
        public static (List<string> Lost, int RuledOut) CheckReach(Compilation compilation)
        {
            var clone = compilation.Clone();
            var options = FactsOn;
            var context = ResidencyContext.For(clone, options);
            context.Engine.SyntacticFilter = null;
            var lost = new List<string>();
            int ruledOut = 0;
            foreach (var method in SymbolWalk.Types(clone.Assembly.GlobalNamespace).SelectMany(t => t.GetMembers()).OfType<IMethodSymbol>())
            {
                if (method.DeclaringSyntaxReferences.Length == 0)
                {
                    continue;
                }

                var declaration = method.DeclaringSyntaxReferences[0].GetSyntax();
                if (context.Index.MayReachRecipient(declaration))
                {
                    continue;
                }

                ruledOut++;
                if (context.Engine.AnalyseMethod(method, null, declaration, default) is { } summary && (!summary.Findings.IsEmpty || !summary.Unclassified.IsEmpty))
                {
                    lost.Add(method.ToDisplayString());
                }
            }

            return (lost, ruledOut);
        }

        /// <summary>
        /// The sample application's sources (samples/SupportDesk, without bin/ and obj/) and the flow-test model, with
        /// <paramref name="more"/>: a corpus of real code for the soundness checks.
        /// </summary>
        public static Compilation SampleCorpus(params string[] more)
        {
            var sample = System.IO.Path.Combine(SelfAnalysisTests.FindRepositoryRoot(), "samples", "SupportDesk");
            var separator = System.IO.Path.DirectorySeparatorChar;
            var sources = System.IO.Directory.GetFiles(sample, "*.cs", System.IO.SearchOption.AllDirectories)
                .Where(f => !f.Contains(separator + "obj" + separator) && !f.Contains(separator + "bin" + separator))
                .Select(System.IO.File.ReadAllText)
                .Append(Flow.FlowTestModel.Source)
                .Concat(more);
            return Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("corpus", sources.Select(s => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(s)), TestReferences.All,
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        }

        /// <summary>Analyzer options as a command-line build that writes the facts file gives them (nothing is written by the index or the engine).</summary>
        public static AnalyzerOptions FactsOn { get; } = new(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(new Dictionary<string, string> { [ResidencyOptions.FactsFileKey] = "unused.facts.json" }));

        /// <summary>Analyzer options as a command-line build without the inventory gives them (no facts file).</summary>
        public static AnalyzerOptions CommandLineWithoutFacts { get; } = new(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(new Dictionary<string, string> { [ResidencyOptions.CommandLineBuildKey] = "true" }));
    }
}
