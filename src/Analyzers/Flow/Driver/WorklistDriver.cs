using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace Residency.Analyzers.Flow.Driver
{
    /// <summary>
    /// What a forward data-flow problem supplies to <see cref="WorklistDriver"/>: its lattice (join, equality) and its
    /// transfer over the operations of one block. The driver knows the graph and its regions; the problem knows its state.
    /// </summary>
    internal interface IBlockTransfer<TState>
        where TState : class
    {
        /// <summary>The union of two states; returns <paramref name="accumulated"/> itself when <paramref name="incoming"/> adds nothing.</summary>
        TState Join(TState? accumulated, TState incoming);

        bool Same(TState a, TState b);

        /// <summary>Starts a block with its entry state.</summary>
        void Enter(BasicBlock block, TState entry);

        /// <summary>Applies one operation of the block to the current state.</summary>
        void Apply(IOperation operation);

        /// <summary>Applies the block's branch value (a condition, a returned or thrown value), if any.</summary>
        void ApplyBranch(BasicBlock block);

        /// <summary>The state after what has been applied since <see cref="Enter"/>.</summary>
        TState Current { get; }

        /// <summary>The state that flows along <paramref name="branch"/> (e.g. what a caught exception carried is dropped when leaving its catch).</summary>
        TState OnEdge(ControlFlowBranch branch, TState exit, bool leavesCatch);
    }

    /// <summary>The fixpoint of a forward analysis over one graph.</summary>
    internal sealed class DriverResult<TState>
        where TState : class
    {
        public DriverResult(TState?[] entryStates, TState?[] exitStates, bool completed)
        {
            EntryStates = entryStates;
            ExitStates = exitStates;
            Completed = completed;
        }

        public TState?[] EntryStates { get; }

        public TState?[] ExitStates { get; }

        /// <summary>False when the iteration budget ran out before the fixpoint: the result may miss flows.</summary>
        public bool Completed { get; }

        /// <summary>The state at the graph's exit block (null when it is unreachable).</summary>
        public TState? Exit => ExitStates[ExitStates.Length - 1] ?? EntryStates[EntryStates.Length - 1];
    }

    /// <summary>
    /// A generic forward worklist over a Roslyn <see cref="ControlFlowGraph"/> that knows its regions: blocks are visited in
    /// ordinal order, states join at merge points until nothing changes, and besides the ordinary branches
    /// <list type="bullet">
    /// <item>every state a block inside a <c>try</c> passes through (at its entry and after each operation — an exception
    /// may be raised anywhere) reaches the first block of each handler around it;</item>
    /// <item>a branch that leaves through <c>finally</c> regions runs them in order, and the end of a finally continues to
    /// every place a branch through it was going.</item>
    /// </list>
    /// </summary>
    internal static class WorklistDriver
    {
        /// <summary>Passes over a block allowed on average before the analysis gives up (loops converge in a few).</summary>
        public const int PassesPerBlock = 8;

        /// <summary>The smallest budget, for tiny graphs with loops.</summary>
        public const int MinimumBudget = 64;

        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public static DriverResult<TState> Run<TState>(ControlFlowGraph graph, RegionMap regions, TState initial, IBlockTransfer<TState> transfer, CancellationToken cancellationToken)
            where TState : class
        {
            var blocks = graph.Blocks;
            var entryStates = new TState?[blocks.Length];
            var exitStates = new TState?[blocks.Length];
            entryStates[0] = initial;

            // The worklist: pending blocks, always taking the lowest ordinal (a bit per block and a lower bound, not a tree).
            var pending = new bool[blocks.Length];
            int pendingCount = 1, lowest = 0;
            pending[0] = true;
            int budget = System.Math.Max(MinimumBudget, blocks.Length * PassesPerBlock);
            while (pendingCount > 0 && budget-- > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                while (!pending[lowest])
                {
                    lowest++;
                }

                int ordinal = lowest;
                pending[ordinal] = false;
                pendingCount--;
                var block = blocks[ordinal];
                var entry = entryStates[ordinal]!;
                var handlers = regions.HandlersOf(block);

                transfer.Enter(block, entry);
                TState? raised = handlers.IsEmpty ? null : entry;
                var seen = entry;
                foreach (var operation in block.Operations)
                {
                    transfer.Apply(operation);
                    if (raised is not null && !ReferenceEquals(transfer.Current, seen))
                    {
                        seen = transfer.Current;
                        raised = transfer.Join(raised, seen);
                    }
                }

                transfer.ApplyBranch(block);
                var exit = transfer.Current;
                if (raised is not null)
                {
                    raised = transfer.Join(raised, exit);
                    foreach (var handler in handlers)
                    {
                        Propagate(handler, raised);
                    }
                }

                if (exitStates[ordinal] is { } previous && transfer.Same(previous, exit))
                {
                    continue;
                }

                exitStates[ordinal] = exit;
                for (int i = 0; i < 2; i++)
                {
                    var branch = i == 0 ? block.FallThroughSuccessor : block.ConditionalSuccessor;
                    var target = RegionMap.TargetOrdinal(branch);
                    if (target >= 0)
                    {
                        Propagate(target, transfer.OnEdge(branch!, exit, regions.LeavesCatch(branch!)));
                    }
                }

                if (regions.AfterFinally(block) is { } continuations)
                {
                    foreach (var next in continuations)
                    {
                        Propagate(next, exit);
                    }
                }
            }

            return new DriverResult<TState>(entryStates, exitStates, pendingCount == 0);

            void Propagate(int target, TState state)
            {
                var existing = entryStates[target];
                var merged = transfer.Join(existing, state);
                if (existing is null || !ReferenceEquals(existing, merged) || exitStates[target] is null)
                {
                    entryStates[target] = merged;
                    if (!pending[target])
                    {
                        pending[target] = true;
                        pendingCount++;
                        lowest = System.Math.Min(lowest, target);
                    }
                }
            }
        }
    }
}
