using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Residency.Analyzers.Flow;
using Residency.Analyzers.Json;
using Residency.Analyzers.Model;

namespace Residency.Analyzers.Tests
{
    /// <summary>
    /// The loops that run once per operation, symbol or token are compiled optimised on first call (HotPath.cs): csc's
    /// runtime never tiers our code up during a build (docs/benchmarks.md, fourteenth round).
    /// </summary>
    public class HotPathTests
    {
        [Fact]
        public void TheHintIsAggressiveOptimization()
        {
            Assert.Equal(MethodImplOptions.AggressiveOptimization, HotPath.Optimized);
        }

        [Theory]
        [InlineData(typeof(MethodFlowAnalysis), "EvaluateCore")]
        [InlineData(typeof(MethodFlowAnalysis), "Invoke")]
        [InlineData(typeof(MethodFlowAnalysis), "RunGraph")]
        [InlineData(typeof(PersonalDataClassifier), "GetElement")]
        [InlineData(typeof(PersonalDataClassifier), "MembersOf")]
        [InlineData(typeof(Taint), "Union")]
        [InlineData(typeof(JsonWriter), "AppendString")]
        [InlineData(typeof(CandidateIndex), "MayCallSink")]
        [InlineData(typeof(FlowEngine), "CachedSink")]
        public void HotMethodsAreCompiledOptimised(Type type, string name)
        {
            var methods = type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(m => m.Name == name)
                .ToList();
            Assert.NotEmpty(methods);
            Assert.Contains(methods, m => m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization));
        }

        [Fact]
        public void TheIndexBuildersPerNodeVisitIsCompiledOptimised()
        {
            var builder = typeof(CandidateIndex).GetNestedType("Builder", BindingFlags.NonPublic);
            Assert.NotNull(builder);
            var visit = builder!.GetMethods(BindingFlags.Instance | BindingFlags.NonPublic).Where(m => m.Name is "Visit" or "AddOwner" or "VisitType").ToList();
            Assert.Equal(3, visit.Count);
            Assert.All(visit, m => Assert.True(m.MethodImplementationFlags.HasFlag(MethodImplAttributes.AggressiveOptimization), m.Name));
        }
    }
}
