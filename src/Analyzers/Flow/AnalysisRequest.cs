using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// One top-level request to the engine (the analysis of one method for its own findings) and the state that belongs
    /// to it rather than to the compilation: its cancellation, its budget of fresh callee summaries, the provisional
    /// summaries of recursive methods being iterated, and the types whose field stores are being computed. Passed
    /// explicitly down the analysis (no thread-static state), so that concurrent requests never see each other's.
    /// </summary>
    internal sealed class AnalysisRequest
    {
        public AnalysisRequest(CancellationToken cancellationToken)
        {
            CancellationToken = cancellationToken;
        }

        public CancellationToken CancellationToken { get; }

        /// <summary>How many more callee summaries this request may compute (<see cref="FlowEngine.MaxSummariesPerRequest"/>).</summary>
        public int RemainingSummaries { get; private set; } = FlowEngine.MaxSummariesPerRequest;

        /// <summary>The summaries standing for recursive calls to methods re-analysed further up (not memoised).</summary>
        public Dictionary<IMethodSymbol, MethodSummary> Provisional { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Types whose field stores are being computed further up (re-entry sees what is recorded so far).</summary>
        public HashSet<INamedTypeSymbol> FieldStoresInProgress { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// The recorded stores of each field this request has read, by how many facts they held at the first read (stores only
        /// grow): a field-store pass saw every store of its type when none of the fields it read has grown since.
        /// </summary>
        public Dictionary<IFieldSymbol, int> StoresSeen { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// Summaries this request computed that read field stores it is still computing (<see cref="MethodSummary.PartialStores"/>):
        /// reused within the request instead of memoised for the compilation, and memoised when a pass of those types ends
        /// having seen every store (<see cref="FlowEngine.EnsureFieldStores"/>).
        /// </summary>
        public Dictionary<IMethodSymbol, MethodSummary> PassSummaries { get; } = new(SymbolEqualityComparer.Default);

        /// <summary>Remembers that <paramref name="field"/>'s recorded stores held <paramref name="count"/> facts when read.</summary>
        public void SawStores(IFieldSymbol field, int count)
        {
            if (!StoresSeen.TryGetValue(field, out var seen) || count < seen)
            {
                StoresSeen[field] = count;
            }
        }

        /// <summary>Takes one summary from the budget; false when it is spent.</summary>
        public bool TrySpendSummary() => RemainingSummaries-- > 0;
    }

    /// <summary>
    /// The recursion guard of one pre-filter question (<see cref="FlowEngine.TouchesPersonalData(IOperation)"/>): the methods and types
    /// being answered further up, and whether an answer below one of them relied on the guard. An answer that did (a
    /// "no" found while a caller's own answer was still unknown) holds for this question only and is not memoised:
    /// otherwise whether a method touches personal data would depend on which question reached it first.
    /// </summary>
    internal sealed class PrefilterScope
    {
        // Each symbol being answered, by how many were being answered when it started (its frame).
        private readonly Dictionary<ISymbol, int> _frames = new(SymbolEqualityComparer.Default);

        /// <summary>The lowest frame the guard cut since <see cref="Enter"/> of the current frame (int.MaxValue: none).</summary>
        private int _lowestCut = int.MaxValue;

        /// <summary>Starts answering <paramref name="symbol"/>; false when it is already being answered (the guard cuts it).</summary>
        public bool Enter(ISymbol symbol, out Frame frame)
        {
            if (_frames.TryGetValue(symbol, out var cut))
            {
                _lowestCut = System.Math.Min(_lowestCut, cut);
                frame = default;
                return false;
            }

            frame = new Frame(symbol, _frames.Count, _lowestCut);
            _frames.Add(symbol, frame.Index);
            _lowestCut = int.MaxValue;
            return true;
        }

        /// <summary>
        /// Ends <paramref name="frame"/>; answers whether its answer relied on the guard cutting a symbol answered further
        /// up (then it is this question's only).
        /// </summary>
        public bool Exit(Frame frame)
        {
            var provisional = _lowestCut < frame.Index;
            _lowestCut = System.Math.Min(frame.OuterLowestCut, _lowestCut);
            _frames.Remove(frame.Symbol);
            return provisional;
        }

        internal readonly struct Frame
        {
            public Frame(ISymbol symbol, int index, int outerLowestCut)
            {
                Symbol = symbol;
                Index = index;
                OuterLowestCut = outerLowestCut;
            }

            public ISymbol Symbol { get; }

            public int Index { get; }

            public int OuterLowestCut { get; }
        }
    }
}
