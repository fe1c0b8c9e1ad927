using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Residency.Analyzers.Model;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Model
{
    /// <summary>
    /// The element cache is keyed by original definitions compared by reference: every way of reaching a member (through
    /// a constructed type, a nullable-annotated type, another lookup) gives the same definition object, and a symbol that
    /// is equal but not identical only costs a second classification with an equal answer.
    /// </summary>
    public class SymbolIdentityTests
    {
        private const string Source = @"
#nullable enable
using System.Collections.Generic;
using Residency;

[PersonalData(""contact"")]
public class Customer { public string Email { get; set; } = """"; public string? Note; }

public class Box<T> { [PersonalData(""identifier"")] public T Value = default!; public string Plain = """"; }

public class Uses
{
    public Customer? Maybe;
    public Box<int> Ints = new();
    public Box<string> Strings = new();
    public (string Email, int Id) Pair;
}
";

        private static (CSharpCompilation Compilation, PersonalDataClassifier Classifier) Create()
        {
            var tree = CSharpSyntaxTree.ParseText(Source);
            var compilation = CSharpCompilation.Create("identity", new[] { tree }, TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            return (compilation, new PersonalDataClassifier(WellKnownTypes.Create(compilation), inferFromNames: false));
        }

        private static INamedTypeSymbol Type(Compilation compilation, string name) => compilation.GetTypeByMetadataName(name)!;

        private static ITypeSymbol FieldType(Compilation compilation, string field) =>
            Type(compilation, "Uses").GetMembers(field).OfType<IFieldSymbol>().Single().Type;

        [Fact]
        public void EveryRouteToADefinitionGivesTheSameObject()
        {
            var (compilation, _) = Create();
            var customer = Type(compilation, "Customer");
            var annotated = FieldType(compilation, "Maybe");
            Assert.Equal(NullableAnnotation.Annotated, annotated.NullableAnnotation);
            Assert.NotSame(customer, annotated); // the annotated type is a fresh object...
            Assert.Same(customer, annotated.OriginalDefinition); // ...whose definition is the one object
            Assert.Same(customer.GetMembers("Email").Single(), customer.GetMembers("Email").Single());

            var viaInts = ((INamedTypeSymbol)FieldType(compilation, "Ints")).GetMembers("Value").Single();
            var viaStrings = ((INamedTypeSymbol)FieldType(compilation, "Strings")).GetMembers("Value").Single();
            Assert.NotSame(viaInts, viaStrings);
            Assert.Same(viaInts.OriginalDefinition, viaStrings.OriginalDefinition);
            Assert.Same(Type(compilation, "Box`1").GetMembers("Value").Single(), viaInts.OriginalDefinition);
        }

        [Fact]
        public void TheComparerIsReferenceEquality()
        {
            var (compilation, _) = Create();
            var ints = FieldType(compilation, "Ints");
            var again = FieldType(compilation, "Ints");
            var strings = FieldType(compilation, "Strings");
            Assert.True(SymbolIdentity.Instance.Equals(ints, again));
            Assert.Equal(SymbolIdentity.Instance.GetHashCode(ints), SymbolIdentity.Instance.GetHashCode(again));
            Assert.False(SymbolIdentity.Instance.Equals(ints, strings));
            Assert.False(SymbolIdentity.Instance.Equals(ints.OriginalDefinition, ints)); // Box<int> is not Box<T>
        }

        [Fact]
        public void MembersReachedThroughConstructedAndAnnotatedTypesGetTheDefinitionsElement()
        {
            var (compilation, classifier) = Create();
            var email = Type(compilation, "Customer").GetMembers("Email").Single();
            var direct = classifier.GetElement(email);
            Assert.NotNull(direct);
            Assert.Equal("contact", direct!.Category);

            var throughAnnotated = ((INamedTypeSymbol)FieldType(compilation, "Maybe")).GetMembers("Email").Single();
            Assert.Same(direct, classifier.GetElement(throughAnnotated)); // the cached answer

            var throughInts = ((INamedTypeSymbol)FieldType(compilation, "Ints")).GetMembers("Value").Single();
            var throughStrings = ((INamedTypeSymbol)FieldType(compilation, "Strings")).GetMembers("Value").Single();
            Assert.Equal("identifier", classifier.GetElement(throughInts)!.Category);
            Assert.Same(classifier.GetElement(throughInts), classifier.GetElement(throughStrings));
            Assert.Null(classifier.GetElement(((INamedTypeSymbol)FieldType(compilation, "Ints")).GetMembers("Plain").Single()));
        }

        [Fact]
        public void EqualSymbolsThatAreDistinctObjectsGetEqualAnswers()
        {
            var (compilation, classifier) = Create();
            var pair = (INamedTypeSymbol)FieldType(compilation, "Pair");
            var element = pair.TupleElements.Single(e => e.Name == "Email");
            var first = classifier.GetElement(element);
            var second = classifier.GetElement(((INamedTypeSymbol)FieldType(compilation, "Pair")).TupleElements.Single(e => e.Name == "Email"));
            Assert.Equal(first, second);
        }

        [Fact]
        public void AMethodsIdIsBuiltOnceAndIsTheDisplayString()
        {
            var tree = CSharpSyntaxTree.ParseText(Source + @"
public class Service { public void Send(Customer c, Box<string> b) { } public void Send(int n) { } }");
            var compilation = CSharpCompilation.Create("ids", new[] { tree }, TestReferences.All);
            var residency = ResidencyContext.For(compilation, new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty));
            var methods = Type(compilation, "Service").GetMembers("Send").OfType<IMethodSymbol>().ToArray();
            var first = residency.MethodId(methods[0]);
            Assert.Equal("Service.Send(Customer, Box<string>)", first);
            Assert.Same(first, residency.MethodId(methods[0]));
            Assert.Equal(Residency.Analyzers.Rules.FlowFindings.MethodId(methods[1]), residency.MethodId(methods[1]));
            Assert.NotEqual(first, residency.MethodId(methods[1]));
        }
    }
}
