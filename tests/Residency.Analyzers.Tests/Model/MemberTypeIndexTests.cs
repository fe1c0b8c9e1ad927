using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Model;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Model
{
    /// <summary>
    /// The metadata index of member types that the pre-filter reads instead of decoding the members of every framework
    /// type: it names the type the compiler would give each accessible member, and the principal members it finds are
    /// those a walk over symbols finds.
    /// </summary>
    public class MemberTypeIndexTests
    {
        private const string Library = @"
using System.Collections.Generic;
using System.Security.Claims;
using System.Threading.Tasks;

namespace Lib
{
    public class Outer
    {
        public class Inner { }
        public Inner MakeInner() => new Inner();
    }

    public struct Point { }

    public class Members
    {
        private ClaimsPrincipal _p = new ClaimsPrincipal();
        public ClaimsPrincipal Principal => _p;
        public ClaimsIdentity Identity { private get; set; } = new ClaimsIdentity();
        public ClaimsPrincipal Field = new ClaimsPrincipal();
        protected ClaimsPrincipal Protected() => _p;
        protected internal ClaimsPrincipal ProtectedInternal() => _p;
        internal ClaimsPrincipal Internal() => _p;
        private ClaimsPrincipal Private() => _p;
        public Task<ClaimsPrincipal> Later() => Task.FromResult(_p);
        public ValueTask<ClaimsIdentity> LaterStill() => new ValueTask<ClaimsIdentity>(new ClaimsIdentity());
        public Task<Task<ClaimsPrincipal>> Twice() => Task.FromResult(Later());
        public ref ClaimsPrincipal ByRef() => ref _p;
        public List<ClaimsPrincipal> Many() => new List<ClaimsPrincipal>();
        public Point Struct() => default;
        public string Text() => """";
        public object Anything() => _p;
        public T Generic<T>() where T : class => null!;
        public Outer.Inner Nested() => new Outer.Inner();
        public static Members operator +(Members a, Members b) => a;
    }

    internal class Hidden
    {
        public ClaimsPrincipal HiddenPrincipal() => new ClaimsPrincipal();
    }
}

public class Global { public Global Self() => this; }
";

        [Fact]
        public void IndexesTheTypeTheCompilerGivesEachAccessibleMember()
        {
            var index = MemberTypeIndex.Build(Emit(Library).GetMetadataReader());
            var types = index.TypesByMember;

            Assert.Equal(new[] { "System.Security.Claims.ClaimsPrincipal" }, types["Principal"]);
            Assert.Equal(new[] { "System.Security.Claims.ClaimsIdentity" }, types["Identity"]); // a public setter is enough
            Assert.Equal(new[] { "System.Security.Claims.ClaimsPrincipal" }, types["Field"]);
            Assert.Equal(new[] { "System.Security.Claims.ClaimsPrincipal" }, types["Protected"]);
            Assert.Equal(new[] { "System.Security.Claims.ClaimsPrincipal" }, types["ProtectedInternal"]);
            Assert.Equal(new[] { "System.Security.Claims.ClaimsPrincipal" }, types["Later"]); // Task<T> stands for T
            Assert.Equal(new[] { "System.Security.Claims.ClaimsIdentity" }, types["LaterStill"]); // so does ValueTask<T>
            Assert.Equal(new[] { "System.Threading.Tasks.Task`1" }, types["Twice"]); // only once
            Assert.Equal(new[] { "System.Security.Claims.ClaimsPrincipal" }, types["ByRef"]);
            Assert.Equal(new[] { "System.Collections.Generic.List`1" }, types["Many"]);
            Assert.Equal(new[] { "Lib.Outer+Inner" }, types["MakeInner"]);
            Assert.Equal(new[] { "Lib.Outer+Inner" }, types["Nested"]);
            Assert.Equal(new[] { "Global" }, types["Self"]);

            // Not accessible from another assembly (the public member of an internal type neither), not a class or
            // interface, or not an ordinary method.
            foreach (var absent in new[] { "Internal", "Private", "_p", "Struct", "Text", "Anything", "Generic", "get_Principal", "set_Identity", "op_Addition", ".ctor", "HiddenPrincipal" })
            {
                Assert.False(types.ContainsKey(absent), absent);
            }
        }

        [Fact]
        public void MembersOfTheSameNameListEachTypeOnce()
        {
            const string source = @"
public class A { public B Make() => new B(); public B Other() => new B(); }
public class B { public A Make() => new A(); }
public class C { public A Make() => new A(); }
";
            var types = MemberTypeIndex.Build(Emit(source).GetMetadataReader()).TypesByMember;
            Assert.Equal(new[] { "B", "A" }, types["Make"]);
        }

        [Fact]
        public void IsMemoisedPerModuleMetadata()
        {
            var compilation = AspNetCoreCompilation("memo");
            var runtime = compilation.GetTypeByMetadataName("System.Security.Claims.ClaimsPrincipal")!.ContainingModule;
            var first = MemberTypeIndex.For(runtime);
            Assert.NotNull(first);
            Assert.Same(first, MemberTypeIndex.For(runtime));

            // A second compilation over the same references reads the same metadata: the index is not built again.
            var second = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class D { }"));
            Assert.Same(first, MemberTypeIndex.For(second.GetTypeByMetadataName("System.Security.Claims.ClaimsPrincipal")!.ContainingModule));

            // The source module has no metadata of its own.
            Assert.Null(MemberTypeIndex.For(compilation.SourceModule));
        }

        [Fact]
        public void FindsThePrincipalMembersAWalkOverSymbolsFinds()
        {
            var fromMetadata = PrincipalMemberNamesAsTheWalkOverSymbolsFinds(AspNetCoreCompilation("agree"));
            Assert.Contains("User", fromMetadata);
            Assert.Contains("CurrentPrincipal", fromMetadata); // Thread.CurrentPrincipal: IPrincipal
            Assert.Contains("GetCurrent", fromMetadata); // WindowsIdentity.GetCurrent(): derived from ClaimsIdentity
            Assert.Contains("CreateUserPrincipalAsync", fromMetadata); // Task<ClaimsPrincipal>
        }

        [Fact]
        public void ListsEachTypesBaseTypeAndInterfacesByName()
        {
            const string source = @"
using System.Security.Claims;
namespace Lib
{
    public class Box<T> { }
    public class IntBox : Box<int>, System.IDisposable { public void Dispose() { } }
    internal class AppPrincipal : ClaimsPrincipal { }
    public class Plain { }
    public class Outer { public class Inner : Plain { } }
}
";
            var supertypes = MemberTypeIndex.Build(Emit(source).GetMetadataReader()).Supertypes.ToDictionary(p => p.Key, p => p.Value);
            Assert.Equal(new[] { "Lib.Box`1", "System.IDisposable" }, supertypes["Lib.IntBox"]); // an instantiation by its definition
            Assert.Equal(new[] { "System.Security.Claims.ClaimsPrincipal" }, supertypes["Lib.AppPrincipal"]); // internal types too
            Assert.Equal(new[] { "Lib.Plain" }, supertypes["Lib.Outer+Inner"]);
            Assert.False(supertypes.ContainsKey("Lib.Plain")); // System.Object only
            Assert.False(supertypes.ContainsKey("Lib.Box`1"));
        }

        [Fact]
        public void FindsAPrincipalDerivedThroughAGenericBaseAsTheWalkOverSymbolsDoes()
        {
            // Only the names of types that may be principals by their supertypes' names are resolved to symbols: a type
            // that derives from ClaimsPrincipal through a generic base and a class of the same library must be one.
            var library = TestReferences.Library("Vendor.Identity", @"
using System.Security.Claims;
using System.Threading.Tasks;
namespace Vendor
{
    public class PrincipalBase<T> : ClaimsPrincipal { }
    public class TenantPrincipal : PrincipalBase<int> { }
    public interface ITenantIdentity : System.Security.Principal.IIdentity { }
    public class Session
    {
        public TenantPrincipal Caller() => new TenantPrincipal();
        public Task<TenantPrincipal> CallerLater() => Task.FromResult(new TenantPrincipal());
        public ITenantIdentity? Tenant { get; set; }
        public Session Next() => this;
    }
}
");
            var fromMetadata = PrincipalMemberNamesAsTheWalkOverSymbolsFinds(AspNetCoreCompilation("derived", library));
            Assert.Contains("Caller", fromMetadata);
            Assert.Contains("CallerLater", fromMetadata);
            Assert.Contains("Tenant", fromMetadata);
            Assert.DoesNotContain("Next", fromMetadata);
        }

        [Fact]
        public void OnlyNamesSomeBodyMentionsAreAdded()
        {
            var compilation = AspNetCoreCompilation("mentioned");
            var sources = SourcesOf(compilation);
            var names = new HashSet<string>();
            sources.AddPrincipalMemberNames(names, name => name == "User", default);
            Assert.Equal(new[] { "User" }, names);
        }

        // The principal member names read from the metadata tables, after checking that a walk over symbols finds the same.
        private static HashSet<string> PrincipalMemberNamesAsTheWalkOverSymbolsFinds(Compilation compilation)
        {
            var sources = SourcesOf(compilation);
            var fromMetadata = new HashSet<string>();
            sources.AddPrincipalMemberNames(fromMetadata, _ => true, default);
            var fromSymbols = new HashSet<string>();
            sources.AddPrincipalMemberNamesFromSymbols(fromSymbols, _ => true, default);
            Assert.Equal(fromSymbols.OrderBy(n => n), fromMetadata.OrderBy(n => n));
            return fromMetadata;
        }

        /// <summary>A one-class compilation against ASP.NET Core's references (and <paramref name="extra"/>).</summary>
        internal static CSharpCompilation AspNetCoreCompilation(string name, MetadataReference? extra = null) =>
            CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText("class C { }") },
                extra is null ? TestReferences.AspNetCore : TestReferences.AspNetCore.Add(extra),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static Residency.Analyzers.Sources.PlatformSources SourcesOf(Compilation compilation) =>
            ResidencyContext.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)).Sources;

        /// <summary>The metadata of a library compiled from <paramref name="source"/> against the framework and the annotations.</summary>
        internal static ModuleMetadata Emit(string source)
        {
            var compilation = CSharpCompilation.Create("lib", new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics));
            return ModuleMetadata.CreateFromImage(stream.ToArray());
        }
    }
}
