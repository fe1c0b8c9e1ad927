using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// The syntactic pre-filter must never rule out a body the engine would analyse: judged on a compilation with the
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

            return (lost, touching, skipped);
        }
    }
}
