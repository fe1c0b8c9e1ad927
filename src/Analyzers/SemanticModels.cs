using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Residency.Analyzers
{
    /// <summary>
    /// The semantic models the engine and the endpoint resolver use for bodies other than the one being analysed
    /// (callees, field writers, endpoint values), one per tree and compilation, held weakly: a model binds each body
    /// once and is reused while it lives, but nothing here keeps a model (and every body bound through it) alive for
    /// the whole compilation. Under a caching analyzer driver the compilation hands out the driver's own model.
    /// </summary>
    internal sealed class SemanticModels
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<SyntaxTree, WeakReference<SemanticModel>> _models = new();
        private ConcurrentDictionary<SyntaxTree, SemanticModel>? _held = new();

        public SemanticModels(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary>The model of <paramref name="tree"/>, or null when the tree is not part of the compilation.</summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public SemanticModel? Get(SyntaxTree tree)
        {
            if (!_compilation.ContainsSyntaxTree(tree))
            {
                return null;
            }

            if (Volatile.Read(ref _held) is { } held && held.TryGetValue(tree, out var kept))
            {
                return kept;
            }

            if (_models.TryGetValue(tree, out var weak) && weak.TryGetTarget(out var cached))
            {
                return cached;
            }

#pragma warning disable RS1030 // Interprocedural summaries and endpoint values need the bodies of other methods.
            var model = _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            _models[tree] = new WeakReference<SemanticModel>(model);
            return model;
        }

        /// <summary>
        /// Holds <paramref name="model"/> (the first model of its tree given, if it belongs to this compilation) until
        /// <see cref="Release"/>: <see cref="Get"/> returns it for its tree.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
        public void Hold(SemanticModel model)
        {
            if (Volatile.Read(ref _held) is { } held && ReferenceEquals(model.Compilation, _compilation) && !model.IsSpeculativeSemanticModel)
            {
                held.TryAdd(model.SyntaxTree, model);
            }
        }

        /// <summary>Lets go of the held models; later calls to <see cref="Hold"/> hold nothing.</summary>
        public void Release() => Volatile.Write(ref _held, null);
    }
}
