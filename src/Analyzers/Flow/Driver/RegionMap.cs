using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace Residency.Analyzers.Flow.Driver
{
    /// <summary>
    /// The exceptional structure of one control-flow graph, computed once per graph. In a Roslyn graph, catch, filter and
    /// finally blocks are not reached through ordinary branches: they are entered through the region tree
    /// (<see cref="ControlFlowRegion"/>). This map turns that tree into the extra edges a forward analysis needs:
    /// <list type="bullet">
    /// <item>from every block inside a <c>try</c> to the first block of each of its handlers (catch, filter, finally),
    /// and the same for every enclosing <c>try</c> (an exception not caught here propagates outwards);</item>
    /// <item>from a branch that leaves a <c>try</c> through <c>finally</c> regions into the first finally, and from the
    /// end of each finally to the next one or to the branch's destination.</item>
    /// </list>
    /// </summary>
    internal sealed class RegionMap
    {
        private static readonly ImmutableArray<int> None = ImmutableArray<int>.Empty;

        private readonly ImmutableArray<int>[] _handlers;
        private readonly Dictionary<ControlFlowRegion, HashSet<int>> _finallyContinuations = new();
        private readonly ControlFlowRegion?[] _finallyEndingAt;
        private readonly ControlFlowRegion?[] _catchOf;

        private RegionMap(ControlFlowGraph graph)
        {
            var blocks = graph.Blocks;
            _handlers = new ImmutableArray<int>[blocks.Length];
            _finallyEndingAt = new ControlFlowRegion?[blocks.Length];
            _catchOf = new ControlFlowRegion?[blocks.Length];
            var handlersByRegion = new Dictionary<ControlFlowRegion, ImmutableArray<int>>();
            foreach (var block in blocks)
            {
                _handlers[block.Ordinal] = HandlersOf(block.EnclosingRegion, handlersByRegion);
                for (var region = block.EnclosingRegion; region is not null && region.Kind != ControlFlowRegionKind.Root; region = region.EnclosingRegion)
                {
                    if (region.Kind == ControlFlowRegionKind.Finally && region.LastBlockOrdinal == block.Ordinal && _finallyEndingAt[block.Ordinal] is null)
                    {
                        _finallyEndingAt[block.Ordinal] = region;
                    }

                    if (region.Kind == ControlFlowRegionKind.Catch && _catchOf[block.Ordinal] is null)
                    {
                        _catchOf[block.Ordinal] = region;
                    }
                }

                HasExceptionalStructure |= block.EnclosingRegion.Kind != ControlFlowRegionKind.Root && block.EnclosingRegion.Kind != ControlFlowRegionKind.LocalLifetime;
                Continue(block.FallThroughSuccessor);
                Continue(block.ConditionalSuccessor);
            }
        }

        /// <summary>Whether the graph has any try, catch, filter or finally region at all.</summary>
        public bool HasExceptionalStructure { get; }

        public static RegionMap Create(ControlFlowGraph graph) => new(graph);

        /// <summary>
        /// The first blocks of the handlers an exception raised in <paramref name="block"/> may reach (innermost first):
        /// the catches, filters and finally of every <c>try</c> around it.
        /// </summary>
        public ImmutableArray<int> HandlersOf(BasicBlock block) => _handlers[block.Ordinal];

        /// <summary>
        /// Where control may go after <paramref name="block"/>, the last block of a finally region, has run: the next
        /// finally or the destination of every branch that left through it. Null for any other block (no enumerator is
        /// boxed for the blocks that have none, which are nearly all).
        /// </summary>
        public HashSet<int>? AfterFinally(BasicBlock block) =>
            _finallyEndingAt[block.Ordinal] is { } region && _finallyContinuations.TryGetValue(region, out var targets) ? targets : null;

        /// <summary>Whether taking <paramref name="branch"/> leaves the catch region its source block is in (the caught exception is done with).</summary>
        public bool LeavesCatch(ControlFlowBranch branch)
        {
            var catchRegion = _catchOf[branch.Source.Ordinal];
            if (catchRegion is null)
            {
                return false;
            }

            var target = TargetOrdinal(branch);
            return target < catchRegion.FirstBlockOrdinal || target > catchRegion.LastBlockOrdinal;
        }

        /// <summary>The ordinal of the block control reaches when <paramref name="branch"/> is taken; -1 for none.</summary>
        public static int TargetOrdinal(ControlFlowBranch? branch)
        {
            if (branch is null)
            {
                return -1;
            }

            if (!branch.FinallyRegions.IsDefaultOrEmpty)
            {
                return branch.FinallyRegions[0].FirstBlockOrdinal;
            }

            return branch.Destination?.Ordinal ?? -1;
        }

        private void Continue(ControlFlowBranch? branch)
        {
            if (branch is null || branch.FinallyRegions.IsDefaultOrEmpty)
            {
                return;
            }

            var finallies = branch.FinallyRegions;
            for (int i = 0; i < finallies.Length; i++)
            {
                var next = i + 1 < finallies.Length ? finallies[i + 1].FirstBlockOrdinal : branch.Destination?.Ordinal ?? -1;
                if (next < 0)
                {
                    continue;
                }

                if (!_finallyContinuations.TryGetValue(finallies[i], out var targets))
                {
                    _finallyContinuations[finallies[i]] = targets = new HashSet<int>();
                }

                targets.Add(next);
            }
        }

        private static ImmutableArray<int> HandlersOf(ControlFlowRegion? region, Dictionary<ControlFlowRegion, ImmutableArray<int>> memo)
        {
            // A graph's regions end at its root. The root of a lambda's or local function's graph encloses it in its
            // parent's region tree (the try of a `using` around the lambda): those regions' blocks are the parent's, not this graph's.
            if (region is null || region.Kind == ControlFlowRegionKind.Root)
            {
                return None;
            }

            if (memo.TryGetValue(region, out var known))
            {
                return known;
            }

            var outer = HandlersOf(region.EnclosingRegion, memo);
            var result = outer;
            if (region.Kind == ControlFlowRegionKind.Try && region.EnclosingRegion is { } tryAnd)
            {
                var builder = ImmutableArray.CreateBuilder<int>();
                foreach (var handler in tryAnd.NestedRegions)
                {
                    if (!ReferenceEquals(handler, region))
                    {
                        builder.Add(handler.FirstBlockOrdinal);
                    }
                }

                builder.AddRange(outer);
                result = builder.ToImmutable();
            }

            memo[region] = result;
            return result;
        }
    }
}
