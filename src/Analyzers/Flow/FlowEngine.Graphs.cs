using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Residency.Analyzers.Flow
{
    /// <summary>Bodies and control-flow graphs: built on demand, never cached for the compilation.</summary>
    internal sealed partial class FlowEngine
    {
        /// <summary>
        /// A fresh graph: graphs are not cached for the compilation (they hold operation trees, and with them every bound
        /// body); summaries are, so a method's graph is built again only when its summary could not be memoised.
        /// </summary>
        private ControlFlowGraph? GetControlFlowGraph(IMethodSymbol method, ControlFlowGraph? containingCfg, CancellationToken cancellationToken) =>
            CreateControlFlowGraph((IMethodSymbol)method.OriginalDefinition, containingCfg, cancellationToken);

        private ControlFlowGraph? CreateControlFlowGraph(IMethodSymbol method, ControlFlowGraph? containingCfg, CancellationToken cancellationToken)
        {
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                var parent = containingCfg;
                if (parent is null && method.ContainingSymbol is IMethodSymbol containing)
                {
                    parent = GetControlFlowGraph(containing, null, cancellationToken);
                }

                return parent is null ? null : FindLocalFunctionGraph(parent, method, cancellationToken);
            }

            var root = GetBodyOperation(method, cancellationToken);
            return root is null ? null : CreateGraph(root, cancellationToken);
        }

        private static ControlFlowGraph? CreateGraph(IOperation root, CancellationToken cancellationToken)
        {
            EngineCounters.Graph();
            try
            {
                return root switch
                {
                    IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                    IConstructorBodyOperation ctor => ControlFlowGraph.Create(ctor, cancellationToken),
                    IBlockOperation block when block.Parent is null => ControlFlowGraph.Create(block, cancellationToken),
                    _ => null,
                };
            }
            catch (ArgumentException)
            {
                // Invalid code for which no graph can be built: no summary.
                return null;
            }
        }

        private static ControlFlowGraph? FindLocalFunctionGraph(ControlFlowGraph parent, IMethodSymbol localFunction, CancellationToken cancellationToken)
        {
            foreach (var candidate in parent.LocalFunctions)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, localFunction))
                {
                    return parent.GetLocalFunctionControlFlowGraph(candidate, cancellationToken);
                }
            }

            foreach (var candidate in parent.LocalFunctions)
            {
                var nested = FindLocalFunctionGraph(parent.GetLocalFunctionControlFlowGraph(candidate, cancellationToken), localFunction, cancellationToken);
                if (nested is not null)
                {
                    return nested;
                }
            }

            return null;
        }

        /// <summary>The bound body of a method of this compilation (method body, constructor body, or expression-bodied member).</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        internal IOperation? GetBodyOperation(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (!IsInSource(method))
            {
                return null;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                var model = GetSemanticModel(syntax.SyntaxTree);
                if (model is null)
                {
                    continue;
                }

                EngineCounters.Body();
                var operation = model.GetOperation(syntax, cancellationToken);
                if (operation is IMethodBodyOperation or IConstructorBodyOperation || operation is IBlockOperation { Parent: null })
                {
                    return operation;
                }
            }

            return null;
        }

        private SemanticModel? GetSemanticModel(SyntaxTree tree) => _models.Get(tree);
    }
}
