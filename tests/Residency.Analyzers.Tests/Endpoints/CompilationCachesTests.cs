using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Nothing kept for the whole compilation holds an operation tree, a control-flow graph or a semantic model (other
    /// than weakly): such a field would keep every bound method body alive until the end of the build
    /// (docs/architecture.md). Checked on the declared types of the fields of every per-compilation object. The one
    /// exception is the deferred analyses of command-line builds, which keep the models the compiler bound its bodies
    /// into until the analyses have run at compilation end, and then let them go (Flow/DeferredAnalyses.cs).
    /// </summary>
    public class CompilationCachesTests
    {
        [Fact]
        public void CompilationWideObjectsHoldNoOperationTrees()
        {
            var assembly = typeof(ResidencyContext).Assembly;
            // The context, and every sink provider (held through their interface).
            var roots = assembly.GetTypes().Where(t => t == typeof(ResidencyContext) || (!t.IsAbstract && typeof(Residency.Analyzers.Sinks.ISinkProvider).IsAssignableFrom(t)));
            var seen = new HashSet<Type>();
            var pending = new Queue<Type>(roots);
            var offending = new List<string>();
            while (pending.Count > 0)
            {
                var type = pending.Dequeue();
                if (!seen.Add(type))
                {
                    continue;
                }

                foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public))
                {
                    if (field.IsStatic && field.IsDefined(typeof(ThreadStaticAttribute)))
                    {
                        continue; // per-thread, per-request state, not a cache
                    }

                    foreach (var mentioned in Mentioned(field.FieldType))
                    {
                        if (typeof(IOperation).IsAssignableFrom(mentioned) || mentioned == typeof(ControlFlowGraph) || mentioned == typeof(SemanticModel))
                        {
                            offending.Add($"{type.Name}.{field.Name}: {field.FieldType}");
                        }
                        else if (mentioned.Assembly == assembly && !mentioned.IsEnum)
                        {
                            pending.Enqueue(mentioned);
                        }
                    }
                }
            }

            Assert.Contains(typeof(Residency.Analyzers.Endpoints.CompilationIndex), seen);
            Assert.Contains(typeof(Residency.Analyzers.Flow.FlowEngine), seen);
            Assert.True(seen.Count > 10, $"only {seen.Count} types reached from ResidencyContext");
            Assert.Equal(HeldUntilCompilationEnd, offending.OrderBy(o => o, StringComparer.Ordinal));
        }

        /// <summary>The fields that hold models until the deferred analyses have run (and are emptied then: <c>DeferredAnalysesTests</c>).</summary>
        private static readonly string[] HeldUntilCompilationEnd =
        {
            "Pending.<Model>k__BackingField: Microsoft.CodeAnalysis.SemanticModel",
            "SemanticModels._held: System.Collections.Concurrent.ConcurrentDictionary`2[Microsoft.CodeAnalysis.SyntaxTree,Microsoft.CodeAnalysis.SemanticModel]",
        };

        /// <summary>The type and its generic arguments and element types, except what a weak reference holds.</summary>
        private static IEnumerable<Type> Mentioned(Type type)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(WeakReference<>))
            {
                yield break;
            }

            yield return type;
            if (type.HasElementType)
            {
                foreach (var inner in Mentioned(type.GetElementType()!))
                {
                    yield return inner;
                }
            }

            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes)
            {
                foreach (var inner in Mentioned(argument))
                {
                    yield return inner;
                }
            }
        }

        [Fact]
        public void CachesStartAtTheCompilationsSizeOnlyInCommandLineBuilds()
        {
            static Compilation WithTrees(int count) => Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("t",
                Enumerable.Range(0, count).Select(i => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText($"class C{i} {{ }}")));

            var large = WithTrees(500);
            Assert.Equal(Caches.DefaultCapacity, Caches.CapacityFor(large, commandLineBuild: false)); // the IDE
            Assert.Equal(500 * 32, Caches.CapacityFor(large, commandLineBuild: true));
            Assert.Equal(Caches.DefaultCapacity, Caches.CapacityFor(WithTrees(3), commandLineBuild: true));
            Assert.Equal(Caches.DefaultCapacity, ResidencyContext.For(WithTrees(3), new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty)).CacheCapacity);
        }
    }
}
