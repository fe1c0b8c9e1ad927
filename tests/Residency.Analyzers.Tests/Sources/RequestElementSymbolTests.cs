using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Residency.Analyzers.Model;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Sources
{
    /// <summary>
    /// A request header, form field or query parameter is one element, whatever member the code reads it through (an
    /// interface's indexer, a concrete collection's, <c>Headers.UserAgent</c>): the element's symbol — what the record
    /// says it is read from — is the catalogue type's own indexer, so it does not depend on which read the analysis met
    /// first. Each read order below starts from a fresh context, as a new build does.
    /// </summary>
    public class RequestElementSymbolTests
    {
        private const string Code = @"
using Microsoft.AspNetCore.Http;

class Reads
{
    string? Concrete(HeaderDictionary headers) => headers[""X-Forwarded-For""];
    string? Interface(IHeaderDictionary headers) => headers[""x-forwarded-for""];
    string? Agent(IHeaderDictionary headers) => headers.UserAgent;
    string? Agent2(HeaderDictionary headers) => headers[""User-Agent""];
    string? ConcreteForm(FormCollection form) => form[""email""];
    string? Form(IFormCollection form) => form[""Email""];
    string? ConcreteQuery(QueryCollection query) => query[""phone""];
    string? Query(IQueryCollection query) => query[""PHONE""];
}";

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void EveryReadOfAnElementGivesTheCatalogueTypesIndexer(bool reversed)
        {
            var compilation = CSharpCompilation.Create("reads", new[] { CSharpSyntaxTree.ParseText(Code) }, TestReferences.AspNetCore,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var context = ResidencyContext.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var reads = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
                .Select(m => (m.Identifier.ValueText, Read: (IPropertyReferenceOperation)Unconverted(model.GetOperation(m.ExpressionBody!.Expression)!)))
                .ToList();
            if (reversed)
            {
                reads.Reverse();
            }

            var elements = new Dictionary<string, DataElement>();
            foreach (var (method, read) in reads)
            {
                var element = context.Sources.OnPropertyRead(read, ImmutableHashSet<Analyzers.Flow.TaintFact>.Empty).SingleOrDefault()?.Element
                    ?? context.Sources.MemberElement(read.Property);
                Assert.True(element is not null, method + " read no element");
                elements[method] = element!;
            }

            AssertReadFrom(elements, "Microsoft.AspNetCore.Http.IHeaderDictionary.this[string]", "header:X-Forwarded-For", "Concrete", "Interface");
            AssertReadFrom(elements, "Microsoft.AspNetCore.Http.IHeaderDictionary.this[string]", "header:User-Agent", "Agent", "Agent2");
            AssertReadFrom(elements, "Microsoft.AspNetCore.Http.IFormCollection.this[string]", "form:email", "ConcreteForm", "Form");
            AssertReadFrom(elements, "Microsoft.AspNetCore.Http.IQueryCollection.this[string]", "query:phone", "ConcreteQuery", "Query");
        }

        private static void AssertReadFrom(Dictionary<string, DataElement> elements, string symbol, string id, params string[] methods)
        {
            foreach (var method in methods)
            {
                Assert.Equal(id, elements[method].Id);
                Assert.Equal(symbol, elements[method].Symbol.ToDisplayString());
            }
        }

        private static IOperation Unconverted(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
