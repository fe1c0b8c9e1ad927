using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Residency.Analyzers.Flow.Library;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>Library behaviour is data (Catalog/library.json) keyed by type and member, not by bare names.</summary>
    public class LibraryBehaviourTests
    {
        [Fact]
        public void MembersAreMatchedByTheirType()
        {
            var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText("public class Mine { public int Count => 1; public string Select(System.Func<int, int> f) => \"x\"; }") }, TestReferences.All);
            var library = new LibraryBehaviour(compilation);
            var list = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1")!;
            var enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable")!;
            var mine = compilation.GetTypeByMetadataName("Mine")!;
            Assert.True(library.Is(list.GetMembers("Count").Single(), Behaviour.Size));
            Assert.True(library.Is(list.GetMembers("Contains").Single(), Behaviour.Aggregate)); // through ICollection<T>
            Assert.True(library.Is(list.GetMembers("Add").Single(), Behaviour.Mutator));
            Assert.True(enumerable.GetMembers("Select").All(m => library.Is(m, Behaviour.Projection)));
            Assert.False(library.Is(mine.GetMembers("Count").Single(), Behaviour.Size));
            Assert.False(library.Is(mine.GetMembers("Select").Single(), Behaviour.Projection));
            Assert.True(library.Is(mine.GetMembers("Equals").FirstOrDefault() ?? compilation.GetSpecialType(SpecialType.System_Object).GetMembers("Equals").First(), Behaviour.Aggregate));
        }

        [Fact]
        public Task ApplicationMembersNamedLikeLibraryAggregatesAreNotGuessed() => Verify.VerifyAsync(Source + @"
public interface IDirectory { string IndexOf(string text); }
class Service
{
    void Run(Customer c, IDirectory directory, List<string> list, Crm crm)
    {
        {|#0:crm.Send(directory.IndexOf(c.Email))|};
        crm.Send(list.IndexOf(c.Email).ToString());
        crm.Send(c.Email.GetHashCode().ToString());
        crm.Send(list.Count(x => x == c.Name).ToString());
    }
}", Res001(0));
    }
}
