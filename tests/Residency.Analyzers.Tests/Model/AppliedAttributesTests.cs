using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Residency.Analyzers.Model;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Model
{
    /// <summary>
    /// RES004 reads an annotation from the attribute the compiler bound on its symbol, not by binding the syntax again: the
    /// lookup finds that attribute wherever an annotation can be written, and finds nothing (so the caller binds) where the
    /// symbol is not the one the syntax is nested in.
    /// </summary>
    public class AppliedAttributesTests
    {
        private const string Source = @"
using System;
using Residency;
[assembly: Marker(""assembly"")]
[module: Marker(""module"")]

[AttributeUsage(AttributeTargets.All, AllowMultiple = true)]
sealed class MarkerAttribute : Attribute { public MarkerAttribute(string what) { } }

[DataSink(""type"")]
partial class Sinks
{
    [DataSink(""field"")] private object? _a, _b;
    [Marker(""event"")] public event EventHandler? Changed;
    [DataSink(""property"")] public object? Holder { get; set; }
    [DataSink(""method"")] public void Send([DataSink(""parameter"")] string s) { }
    [return: Marker(""return"")] public string Get() => """";
    public void Generic<[Marker(""type parameter"")] T>() { }
    public Sinks() { }
    public delegate void Handler([Marker(""delegate parameter"")] string s);
}

[Marker(""second part"")]
partial class Sinks { }

record Client([property: DataSink(""record property"")] object Http, [DataSink(""record parameter"")] string Name);
";

        [Theory]
        [InlineData("assembly")]
        [InlineData("module")]
        [InlineData("type")]
        [InlineData("field")]
        [InlineData("event")]
        [InlineData("property")]
        [InlineData("method")]
        [InlineData("parameter")]
        [InlineData("return")]
        [InlineData("type parameter")]
        [InlineData("delegate parameter")]
        [InlineData("second part")]
        [InlineData("record parameter")]
        public void FindsTheBoundAttributeOfEveryTarget(string what)
        {
            var (attribute, model) = Find(what);

            var bound = AppliedAttributes.Of(attribute, model, default);

            Assert.NotNull(bound);
            Assert.Equal(what, bound!.ConstructorArguments[0].Value);
            Assert.Equal(attribute.Span, bound.ApplicationSyntaxReference!.Span);
        }

        [Fact]
        public void FindsNothingWhereTheTargetIsAnotherSymbol()
        {
            // On a record's parameter, 'property:' applies to the property the compiler generates, not to the parameter.
            var (attribute, model) = Find("record property");

            Assert.Null(AppliedAttributes.Of(attribute, model, default));
        }

        private static (AttributeSyntax Attribute, SemanticModel Model) Find(string what)
        {
            var tree = CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest));
            var compilation = CSharpCompilation.Create("applied", new[] { tree }, TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var attribute = tree.GetRoot().DescendantNodes().OfType<AttributeSyntax>()
                .Single(a => a.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal && literal.Token.ValueText == what);
            return (attribute, compilation.GetSemanticModel(tree));
        }
    }
}
