using System;
using System.Collections.Generic;

namespace Residency.Analyzers.Flow
{
    /// <summary>
    /// Why a method's analysis is incomplete (flows may be missing). Recorded on its <see cref="MethodSummary"/>, and on the
    /// summaries of its callers, so that a truncated analysis is never silent: the inventory lists it in its notes.
    /// </summary>
    [Flags]
    internal enum Truncation
    {
        None = 0,

        /// <summary>A call deeper than <see cref="FlowEngine.MaxCallDepth"/> was assumed to do nothing.</summary>
        CallDepth = 1,

        /// <summary>The request computed <see cref="FlowEngine.MaxSummariesPerRequest"/> callee summaries; further callees were assumed to do nothing.</summary>
        SummaryBudget = 2,

        /// <summary>The fixpoint over the control-flow graph did not converge within its iteration budget.</summary>
        IterationBudget = 4,

        /// <summary>The code is nested too deeply to analyse without exhausting the stack: no findings for the method.</summary>
        StackDepth = 8,

        /// <summary>An interface or virtual call had more implementations in the compilation than are followed.</summary>
        DispatchBound = 16,
    }

    /// <summary>Human-readable reasons, for notes and messages.</summary>
    internal static class TruncationText
    {
        /// <summary>Depend on the caller's context (how deep, how much budget was left): such summaries are not shared between contexts.</summary>
        public const Truncation ContextDependent = Truncation.CallDepth | Truncation.SummaryBudget;

        public static string Describe(Truncation truncation)
        {
            if (truncation == Truncation.None)
            {
                return string.Empty;
            }

            var parts = new List<string>();
            if ((truncation & Truncation.CallDepth) != 0)
            {
                parts.Add($"calls deeper than {FlowEngine.MaxCallDepth} levels were not followed");
            }

            if ((truncation & Truncation.SummaryBudget) != 0)
            {
                parts.Add($"more than {FlowEngine.MaxSummariesPerRequest} callee summaries were needed");
            }

            if ((truncation & Truncation.IterationBudget) != 0)
            {
                parts.Add("the control-flow fixpoint did not converge within its iteration budget");
            }

            if ((truncation & Truncation.StackDepth) != 0)
            {
                parts.Add("the code is nested too deeply to analyse");
            }

            if ((truncation & Truncation.DispatchBound) != 0)
            {
                parts.Add($"an interface or virtual call has more than {FlowEngine.MaxDispatchTargets} implementations");
            }

            return string.Join("; ", parts);
        }
    }
}
