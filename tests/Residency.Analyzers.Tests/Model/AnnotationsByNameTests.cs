using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Tests.Verifiers;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Analyzers.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Model
{
    /// <summary>
    /// The Residency attributes are recognised by their full name (namespace Residency, attribute name), not only by symbol
    /// identity: a library's annotations are read when the application does not reference Residency.Annotations (the
    /// library's package reference is private) or has another copy of the attributes.
    /// </summary>
    public class AnnotationsByNameTests
    {
        /// <summary>Attributes of the same names, declared in source (what a project may do to avoid any dependency).</summary>
        private const string OwnCopy = @"
namespace Residency
{
    [System.AttributeUsage(System.AttributeTargets.All)]
    internal sealed class PersonalDataAttribute : System.Attribute
    {
        public PersonalDataAttribute(string category) { }
    }

    [System.AttributeUsage(System.AttributeTargets.All)]
    internal sealed class DataSinkAttribute : System.Attribute
    {
        public DataSinkAttribute(string region) { }
        public string? Recipient { get; set; }
    }
}
";

        private const string Library = @"
namespace Lib
{
    using Residency;
    public class Customer { [PersonalData(""contact.email"")] public string Email { get; set; } = """"; public int Id { get; set; } }
    public class Crm { [DataSink(""US"", Recipient = ""Acme CRM"")] public void Send(string payload) { } }
}
";

        private const string App = @"
namespace App
{
    using Lib;
    class Service
    {
        void Run(Customer c, Crm crm) => {|#0:crm.Send(c.Email)|};
        void Clean(Customer c, Crm crm) => crm.Send(c.Id.ToString());
    }
}
";

        private static DiagnosticResult Res001 => Verify.Diagnostic("RES001").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("Customer.Email (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send");

        private static readonly MetadataReference Annotations = MetadataReference.CreateFromFile(typeof(PersonalDataAttribute).Assembly.Location);

        [Fact]
        public async Task AttributesDeclaredInSourceUnderNamespaceResidencyAreRecognised()
        {
            var test = new Verify.Test { TestCode = OwnCopy + Library + App };
            UseReferences(test); // no Residency.Annotations at all
            test.ExpectedDiagnostics.Add(Res001);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task ALibraryBuiltAgainstTheAnnotationsIsReadWhenTheAppDoesNotReferenceThem()
        {
            var library = Compile("Lib", Library, Annotations);
            var test = new Verify.Test { TestCode = App };
            UseReferences(test, library); // the library only: the assembly of its attributes is missing here
            // The attributes are recognised by name: Customer.Email is personal data and Crm.Send a sink. The compiler cannot
            // decode the arguments of an attribute whose assembly is missing, so the category and the region are unknown:
            // the flow is reported as RES003 rather than lost (the package references the annotations in every project
            // that uses it, so its own projects always read the arguments).
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("RES003").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("Customer.Email", "Crm.Send", "Run → Crm.Send", "give the region in its [DataSink] annotation"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task ALibraryWithItsOwnCopyIsReadNextToTheAnnotations()
        {
            var library = Compile("Lib", OwnCopy + Library);
            var test = new Verify.Test { TestCode = App };
            UseReferences(test, library, Annotations);
            test.ExpectedDiagnostics.Add(Res001);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task AnAttributeOfTheSameNameInAnotherNamespaceIsNot()
        {
            var other = OwnCopy.Replace("namespace Residency", "namespace Contoso.Residency");
            var test = new Verify.Test { TestCode = other + Library.Replace("using Residency;", "using Contoso.Residency;") + App.Replace("{|#0:crm.Send(c.Email)|}", "crm.Send(c.Email)") };
            UseReferences(test, Annotations);
            await test.RunAsync(CancellationToken.None);
        }

        private static void UseReferences(Verify.Test test, params MetadataReference[] extra)
        {
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net80.References.All);
            test.TestState.AdditionalReferences.AddRange(extra);
        }

        private static MetadataReference Compile(string name, string source, params MetadataReference[] references)
        {
            var compilation = CSharpCompilation.Create(
                name,
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
                Basic.Reference.Assemblies.Net80.References.All.Concat(references),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return MetadataReference.CreateFromImage(ImmutableArray.Create(stream.ToArray()));
        }
    }
}
