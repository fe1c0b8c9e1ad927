using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Rules
{
    /// <summary>
    /// A method's id (in diagnostics, fingerprints and the facts) is its display string, built once per compilation: the
    /// reporting analyzers and the facts analyzer ask for the same methods.
    /// </summary>
    public class MethodIdTests
    {
        [Fact]
        public void AMethodsIdIsBuiltOnceAndIsTheDisplayString()
        {
            var tree = CSharpSyntaxTree.ParseText(@"
public class Customer { }
public class Box<T> { }
public class Service { public void Send(Customer c, Box<string> b) { } public void Send(int n) { } }");
            var compilation = CSharpCompilation.Create("ids", new[] { tree }, TestReferences.All);
            var residency = ResidencyContext.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
            var methods = compilation.GetTypeByMetadataName("Service")!.GetMembers("Send").OfType<IMethodSymbol>().ToArray();

            var first = residency.MethodId(methods[0]);
            Assert.Equal("Service.Send(Customer, Box<string>)", first);
            Assert.Same(first, residency.MethodId(methods[0]));
            Assert.Equal(FlowFindings.MethodId(methods[1]), residency.MethodId(methods[1]));
            Assert.Equal("Service.Send(int)", residency.MethodId(methods[1]));
        }

        [Fact]
        public void AnotherCompilationHasIdsOfItsOwn()
        {
            var first = CSharpCompilation.Create("a", new[] { CSharpSyntaxTree.ParseText("class A { void M() { } }") }, TestReferences.All);
            var second = CSharpCompilation.Create("b", new[] { CSharpSyntaxTree.ParseText("class A { void M(int n) { } }") }, TestReferences.All);
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
            Assert.Equal("A.M()", ResidencyContext.For(first, options).MethodId(first.GetTypeByMetadataName("A")!.GetMembers("M").OfType<IMethodSymbol>().Single()));
            Assert.Equal("A.M(int)", ResidencyContext.For(second, options).MethodId(second.GetTypeByMetadataName("A")!.GetMembers("M").OfType<IMethodSymbol>().Single()));
        }
    }
}
