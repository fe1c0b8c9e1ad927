using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Flow;
using Residency.Analyzers.Model;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Model
{
    /// <summary>
    /// The metadata index of callable method names that the recipient pre-filter reads instead of decoding every type of
    /// every reference: it lists the methods a call can bind to, with their declaring types, and the recipient names it
    /// gives are those a walk over symbols gives.
    /// </summary>
    public class MethodNameIndexTests
    {
        private const string Library = @"
using System;

namespace Lib
{
    public class Base
    {
        public virtual void Send() { }
        public virtual void Replace() { }
        public override string ToString() => """";
    }

    public class Derived : Base
    {
        public override void Send() { }
        public new virtual void Replace() { }
        public void Publish() { }
        public static void Broadcast() { }
        protected void Guarded() { }
        internal void Inside() { }
        private void Hidden() { }
        public string Name { get; set; } = """";
        public event EventHandler? Changed;
        public Derived() { Changed?.Invoke(this, EventArgs.Empty); }
        static Derived() { }
        public static Derived operator +(Derived a, Derived b) => a;
        public static implicit operator string(Derived d) => """";
        void IDisposable_Dispose() { }

        public class Inner { public void Deliver() { } }
        private class Secret { public void Leak() { } public class Deeper { public void Further() { } } }
    }

    public interface IMailer { void Mail(); }
    public sealed class Mailer : IMailer, IDisposable { public void Mail() { } public void Dispose() { } }

    public class Generic<T> { public void Put(T value) { } }

    public static class Extensions { public static void Upload(this string text) { } }
}

public class Global { public void Post() { } }
";

        [Fact]
        public void ListsTheMethodsACallCanBindToWithTheirTypes()
        {
            var index = MethodNameIndex.Build(MemberTypeIndexTests.Emit(Library).GetMetadataReader());

            Assert.Equal(new[] { "Lib.Base" }, TypesOf(index, "Send")); // Derived.Send overrides it: a call binds to Base.Send
            Assert.Equal(new[] { "Lib.Base", "Lib.Derived" }, TypesOf(index, "Replace")); // new virtual: a slot of its own
            Assert.Equal(new[] { "Lib.Derived" }, TypesOf(index, "Publish"));
            Assert.Equal(new[] { "Lib.Derived" }, TypesOf(index, "Broadcast"));
            Assert.Equal(new[] { "Lib.Derived" }, TypesOf(index, "Guarded"));
            Assert.Equal(new[] { "Lib.Derived" }, TypesOf(index, "Inside")); // internal: the compiler may import it (InternalsVisibleTo)
            Assert.Equal(new[] { "Lib.Derived+Inner" }, TypesOf(index, "Deliver"));
            Assert.Equal(new[] { "Lib.Mailer" }, TypesOf(index, "Dispose"));
            Assert.Equal(new[] { "Lib.IMailer", "Lib.Mailer" }, TypesOf(index, "Mail"));
            Assert.Equal(new[] { "Lib.Generic`1" }, TypesOf(index, "Put"));
            Assert.Equal(new[] { "Lib.Extensions" }, TypesOf(index, "Upload"));
            Assert.Equal(new[] { "Global" }, TypesOf(index, "Post"));

            // Private, overrides, members of private types (and of the types nested in them), constructors, accessors, operators.
            foreach (var absent in new[] { "Hidden", "ToString", "Leak", "Further", ".ctor", ".cctor", "get_Name", "set_Name", "add_Changed", "remove_Changed", "op_Addition", "op_Implicit", "IDisposable_Dispose" })
            {
                Assert.False(index.TryGetDeclaringTypes(absent, out _), absent);
            }

            Assert.Contains("Lib", index.Namespaces);
            Assert.Contains("", index.Namespaces);
        }

        [Fact]
        public void NestedTypesKnowTheirNamespaceAndDeclaringType()
        {
            var index = MethodNameIndex.Build(MemberTypeIndexTests.Emit(Library).GetMetadataReader());
            Assert.True(index.TryGetDeclaringTypes("Deliver", out var types));
            var inner = Assert.Single(types);
            Assert.Equal("Lib", index.Namespaces[index.NamespaceOf(inner)]);
            Assert.Equal("Lib.Derived", index.TypeName(index.DeclaringTypeOf(inner)));
            Assert.Equal(-1, index.DeclaringTypeOf(index.DeclaringTypeOf(inner)));
        }

        [Fact]
        public void IsMemoisedPerModuleMetadata()
        {
            var compilation = MemberTypeIndexTests.AspNetCoreCompilation("memo");
            var module = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient")!.ContainingModule;
            var first = MethodNameIndex.For(module);
            Assert.NotNull(first);
            Assert.Same(first, MethodNameIndex.For(module));
            var second = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class D { }"));
            Assert.Same(first, MethodNameIndex.For(second.GetTypeByMetadataName("System.Net.Http.HttpClient")!.ContainingModule));
            Assert.Null(MethodNameIndex.For(compilation.SourceModule));
        }

        [Fact]
        public void GivesTheRecipientNamesAWalkOverSymbolsGives()
        {
            // Every method name of every reference called somewhere: the whole answer of both, not a sample of it.
            var vendor = TestReferences.Library("Vendor.Sdk", Library);
            // Internal members imported too: the index lists them (the compiler imports them for an assembly that grants it
            // InternalsVisibleTo), so a walk over symbols that sees them must give the same names.
            var compilation = MemberTypeIndexTests.AspNetCoreCompilation("agree", vendor).WithOptions(
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithMetadataImportOptions(MetadataImportOptions.Internal));
            var local = LocalCatalog.For(ResidencyContext.For(compilation, PrefilterSoundness.FactsOn).Endpoints);
            var called = new HashSet<string>();
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                called.UnionWith(MethodNameIndex.For(assembly.Modules.First())!.MethodNames);
            }

            var fromMetadata = CandidateIndex.RecipientNamesOf(compilation, local, called, fromSymbols: false);
            var fromSymbols = CandidateIndex.RecipientNamesOf(compilation, local, called, fromSymbols: true);

            Assert.Contains("Publish", fromMetadata.Names); // the vendor's
            Assert.Contains("SendAsync", fromMetadata.Names); // HttpClient's: System.Net.Http is not local
            Assert.DoesNotContain("Trim", fromMetadata.Names); // string's: local
            Assert.Equal(fromSymbols.PatternCalls, fromMetadata.PatternCalls);

            Assert.Equal(fromSymbols.Names.OrderBy(n => n, System.StringComparer.Ordinal), fromMetadata.Names.OrderBy(n => n, System.StringComparer.Ordinal));
        }

        private static string[] TypesOf(MethodNameIndex index, string method)
        {
            Assert.True(index.TryGetDeclaringTypes(method, out var types), method);
            return types.Select(index.TypeName).ToArray();
        }
    }
}
