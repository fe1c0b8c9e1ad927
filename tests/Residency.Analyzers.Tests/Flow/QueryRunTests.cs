using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using static Residency.Analyzers.Tests.Flow.StoreCallTests;
using static Residency.Analyzers.Tests.Rules.RES008Tests;
using RES008Tests = Residency.Analyzers.Tests.Rules.RES008Tests;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// A query that LINQ's own operators run (<c>ToList()</c>, <c>FirstOrDefault(c =&gt; …)</c>, <c>Count()</c>, <c>foreach</c>)
    /// hands what it holds to its provider: the store it was built from (Flow/Calls/QueryProviders). Before, only Entity
    /// Framework Core's own calls (<c>ToListAsync</c>) did, and a synchronous query left the record.
    /// </summary>
    public class QueryRunTests
    {
        private const string SetProvider = "Microsoft.EntityFrameworkCore.DbSet`1.Provider";

        private static async Task VerifyAsync(string source, string? residencyJson, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerVerifier<UnclassifiedRecipientAnalyzer>.Test { TestCode = Usings + RES008Tests.Model + Context + source };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Vendor", VendorLibrary));
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Microsoft.EntityFrameworkCore", EntityFramework));
            if (residencyJson is not null)
            {
                test.TestState.AdditionalFiles.Add(("residency.json", residencyJson));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        private static DiagnosticResult ToProvider(int markup, string element, string method = "Find", string provider = SetProvider) =>
            Res008(markup).WithArguments(element, provider, method + " → " + provider);

        [Fact]
        public Task LinqOperatorsThatRunAQueryHandItsValuesToTheStore() => VerifyAsync(@"
class Finder(Db db)
{
    int Find(Customer customer)
    {
        var byEmail = {|#0:db.Customers.Where(c => c.Email == customer.Email).ToList()|};
        var first = {|#1:db.Customers.FirstOrDefault(c => c.Name == customer.Name)|};
        var any = {|#2:db.Set<Customer>().Any(c => c.Email == customer.Email)|};
        var count = {|#3:db.Customers.Where(c => c.Email == customer.Email).OrderBy(c => c.Id).Count()|};
        return byEmail.Count + (first?.Id ?? 0) + (any ? 1 : 0) + count;
    }
}", null,
            ToProvider(0, "Customer.Email (contact.email)"),
            ToProvider(1, "Customer.Name (name)"),
            ToProvider(2, "Customer.Email (contact.email)"),
            ToProvider(3, "Customer.Email (contact.email)"));

        // A query switched to LINQ to Objects runs at AsEnumerable() (what follows runs in memory), whether an operator or a foreach
        // enumerates it; one run by a local function runs there too.
        [Fact]
        public Task AQueryRunAfterAsEnumerableOrInALocalFunctionHandsItsValues() => VerifyAsync(@"
class Finder(Db db)
{
    int Find(Customer customer)
    {
        var a = {|#0:db.Customers.Where(c => c.Email == customer.Email).AsEnumerable()|}.ToList();
        foreach (var x in {|#1:db.Customers.Where(c => c.Name == customer.Name).AsEnumerable()|}) { }
        var q = db.Customers.Where(c => c.Email == customer.Email);
        int Run() => {|#2:q.Count()|};
        var clean = db.Customers.Where(c => c.Id == customer.Id).AsEnumerable().ToList();
        return a.Count + Run() + clean.Count;
    }
}", null,
            ToProvider(0, "Customer.Email (contact.email)"),
            ToProvider(1, "Customer.Name (name)"),
            ToProvider(2, "Customer.Email (contact.email)"));

        // A body that reaches its set only through the context's own Set<T>() runs a query on it too.
        [Fact]
        public Task ASetReachedOnlyThroughTheContextsSetMethodRunsOnIt() => VerifyAsync(@"
class Finder(Db db)
{
    bool Any(Customer customer) => {|#0:db.Set<Customer>().Any(c => c.Email == customer.Email)|};
}", null,
            ToProvider(0, "Customer.Email (contact.email)", "Any"));

        // What is not personal, and what the predicate computes from the row itself, is not handed; nor is a query over
        // objects in memory, which has no provider to send to.
        [Fact]
        public Task QueriesThatHoldNothingAndQueriesInMemoryHandNothing() => VerifyAsync(@"
class Finder(Db db)
{
    int Find(Customer customer, System.Collections.Generic.List<Customer> known)
    {
        var byId = db.Customers.Where(c => c.Id == customer.Id).ToList();
        var own = db.Customers.FirstOrDefault(c => c.Email.StartsWith(""a""));
        var all = db.Customers.ToList();
        var inMemory = known.AsQueryable().Where(c => c.Email == customer.Email).ToList();
        var local = known.AsQueryable();
        var again = local.Count(c => c.Email == customer.Email);
        return byId.Count + (own?.Id ?? 0) + all.Count + inMemory.Count + again;
    }
}", null);

        // The set may be held in a field or given as a parameter: the calls that run a query reach a recipient whatever the
        // body names (the pre-filter knows them once the compilation has a store).
        [Fact]
        public Task AQueryOnASetInAFieldOrAParameterRunsOnThatSet() => VerifyAsync(@"
class Finder(Db db)
{
    private readonly DbSet<Customer> _customers = db.Customers;
    int Find(Customer customer, DbSet<Customer> customers) =>
        {|#0:_customers.Count(c => c.Email == customer.Email)|} + {|#1:customers.Count(c => c.Name == customer.Name)|};
}", null,
            ToProvider(0, "Customer.Email (contact.email)"),
            ToProvider(1, "Customer.Name (name)"));

        // A set the application's context inherits from a generic base of a library (ASP.NET Core Identity's
        // IdentityDbContext<TUser>.Users): the body names only the inherited member, and still reaches the set's provider.
        // The base constructor the context calls (: base(options)) hands on nothing: it is a store's (library.json).
        [Fact]
        public async Task ASetInheritedFromALibrarysContextRunsOnThatSet()
        {
            var test = new AnalyzerVerifier<UnclassifiedRecipientAnalyzer>.Test
            {
                TestCode = Usings + RES008Tests.Model + @"
class AppDb(DbContextOptions options) : Contoso.Identity.IdentityDbContext<Customer>(options) { }
class Finder(AppDb db)
{
    int? Find(Customer customer) => {|#0:db.Users.FirstOrDefault(u => u.Email == customer.Email)|}?.Id;
}",
            };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Vendor", VendorLibrary));
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Microsoft.EntityFrameworkCore", EntityFramework));
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Identity", @"
namespace Contoso.Identity
{
    using Microsoft.EntityFrameworkCore;
    public class IdentityDbContext<TUser>(DbContextOptions options) : DbContext(options) where TUser : class
    {
        public DbSet<TUser> Users => Set<TUser>();
    }
}", TestReferences.Library("Microsoft.EntityFrameworkCore", EntityFramework)));
            test.ExpectedDiagnostics.Add(ToProvider(0, "Customer.Email (contact.email)"));
            await test.RunAsync(CancellationToken.None);
        }

        // Without a store in the compilation no provider receives anything: a query is LINQ over objects, in the process.
        [Fact]
        public async Task WithoutAStoreAQueryStaysInTheProcess()
        {
            var test = new AnalyzerVerifier<UnclassifiedRecipientAnalyzer>.Test
            {
                TestCode = "using System.Linq;" + RES008Tests.Model + @"
class Finder
{
    static int Matching(IQueryable<Customer> customers, Customer customer) =>
        customers.Count(c => c.Email == customer.Email) + customers.Where(c => c.Name == customer.Name).ToList().Count;
}",
            };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Vendor", VendorLibrary));
            await test.RunAsync(CancellationToken.None);
        }

        // A query kept in a local and built up conditionally still runs on the store it started from; a foreach runs it too.
        [Fact]
        public Task AQueryInALocalRunsOnTheStoreItWasBuiltFrom() => VerifyAsync(@"
class Finder(Db db)
{
    int Find(Customer customer, bool byName)
    {
        var query = db.Customers.AsQueryable();
        query = query.Where(c => c.Email == customer.Email);
        if (byName)
        {
            query = query.Where(c => c.Name == customer.Name);
        }

        var total = 0;
        foreach (var row in {|#0:query|})
        {
            total += row.Id;
        }

        return total + {|#1:query.Count()|};
    }
}", null,
            ToProvider(0, "Customer.Email (contact.email), Customer.Name (name)"),
            ToProvider(1, "Customer.Email (contact.email), Customer.Name (name)"));

        // A helper given a query it cannot see the store of: the provider is unknown, and only the project can say it is local.
        [Fact]
        public Task AQueryWhoseStoreTheMethodDoesNotShowReachesAnUnknownProvider() => VerifyAsync(@"
class Finder
{
    static int Matching(IQueryable<Customer> customers, Customer customer) =>
        {|#0:customers.Count(c => c.Email == customer.Email)|};
}", null, ToProvider(0, "Customer.Email (contact.email)", "Matching", "System.Linq.IQueryable.Provider"));

        [Fact]
        public Task TheProjectCanSayAnUnknownProviderIsLocal() => VerifyAsync(@"
class Finder
{
    static int Matching(IQueryable<Customer> customers, Customer customer) =>
        customers.Count(c => c.Email == customer.Email);
}", @"{ ""local"": [ { ""name"": ""System.Linq.IQueryable"" } ] }");

        // A repository hands out a query on its store (a method, a getter) and the caller runs it: the values go to the
        // store's provider, as if the caller had built the query there. Before, the store was the helper's IQueryable: unknown.
        [Fact]
        public Task AQueryARepositoryHandsOutRunsOnItsStore() => VerifyAsync(@"
class Repository(Db db)
{
    public IQueryable<Customer> Active() => db.Customers.Where(c => c.Id > 0);
    public IQueryable<Customer> All => db.Customers;
    public IQueryable<Customer> Cached { get { return Local.AsQueryable(); } }
    private static readonly System.Collections.Generic.List<Customer> Local = new();
}
class Finder(Repository repository)
{
    int Find(Customer customer) =>
        {|#0:repository.Active().Count(c => c.Email == customer.Email)|} + {|#1:repository.All.Where(c => c.Name == customer.Name).Count()|} +
        repository.Cached.Count(c => c.Email == customer.Email);
}", null,
            ToProvider(0, "Customer.Email (contact.email)"),
            ToProvider(1, "Customer.Name (name)"));

        // Helpers inside helpers: a query built on another helper's query (Active() => Query().Where(…)), in a local of the
        // helper, or handed out through the application's interface (IRepository.Query(), IRepository.Customers) runs on the
        // store the innermost helper starts at. Before, only a helper returning the store's query itself was followed.
        [Fact]
        public Task AQueryHandedOutThroughHelpersAndInterfacesRunsOnItsStore() => VerifyAsync(@"
interface IRepository
{
    IQueryable<Customer> Query();
    IQueryable<Customer> Customers { get; }
}
class Repository(Db db) : IRepository
{
    public IQueryable<Customer> Query() => db.Customers;
    public IQueryable<Customer> Customers => Query();
    public IQueryable<Customer> Active() => Query().Where(c => c.Id > 0);
    public IQueryable<Customer> Recent() => Active().OrderBy(c => c.Id);
    public IQueryable<Customer> Filtered(bool active)
    {
        var query = Query();
        if (active)
        {
            query = query.Where(c => c.Id > 0);
        }

        return query;
    }
}
class Finder(Repository repository, IRepository contract)
{
    int Find(Customer customer) =>
        {|#0:repository.Recent().Count(c => c.Email == customer.Email)|} + {|#1:repository.Filtered(true).Count(c => c.Name == customer.Name)|} +
        {|#2:contract.Query().Count(c => c.Email == customer.Email)|} + {|#3:contract.Customers.Count(c => c.Name == customer.Name)|};
}", null,
            ToProvider(0, "Customer.Email (contact.email)"),
            ToProvider(1, "Customer.Name (name)"),
            ToProvider(2, "Customer.Email (contact.email)"),
            ToProvider(3, "Customer.Name (name)"));

        // A helper that builds on the query it is given (an extension method on IQueryable<T>, a filter taking the query):
        // the query runs on the store the caller's argument starts at. Before, its provider was System.Linq.IQueryable's.
        [Fact]
        public Task AQueryBuiltByAHelperFromTheQueryItIsGivenRunsOnTheCallersStore() => VerifyAsync(@"
static class CustomerQueries
{
    public static IQueryable<Customer> Active(this IQueryable<Customer> query) => query.Where(c => c.Id > 0);
    public static IQueryable<Customer> Newest(this IQueryable<Customer> query)
    {
        var ordered = query.Active().OrderByDescending(c => c.Id);
        return ordered;
    }
}
class Finder(Db db)
{
    int Find(Customer customer, IQueryable<Customer> given) =>
        {|#0:db.Customers.Active().Count(c => c.Email == customer.Email)|} + {|#1:Filter(db.Customers, true).Count(c => c.Name == customer.Name)|} +
        {|#2:db.Customers.Newest().FirstOrDefault(c => c.Email == customer.Email)|}!.Id + {|#3:given.Active().Count(c => c.Email == customer.Email)|};

    static IQueryable<Customer> Filter(IQueryable<Customer> q, bool on)
    {
        if (on)
        {
            q = q.Where(c => c.Id > 0);
        }

        return q;
    }
}", null,
            ToProvider(0, "Customer.Email (contact.email)"),
            ToProvider(1, "Customer.Name (name)"),
            ToProvider(2, "Customer.Email (contact.email)"),
            ToProvider(3, "Customer.Email (contact.email)", provider: "System.Linq.IQueryable.Provider"));

        // A repository's helper builds the query from its parameter; the caller runs it: the summary carries the parameter
        // to the provider of the store the helper shows.
        [Fact]
        public Task AHelperThatRunsAQueryHandsOnItsCallersArgument() => VerifyAsync(@"
class Repository(Db db)
{
    public Customer? ByEmail(string email) => db.Customers.FirstOrDefault(c => c.Email == email);
}
class Finder(Repository repository)
{
    int Find(Customer customer) => {|#0:repository.ByEmail(customer.Email)|}?.Id ?? 0;
}", null, Res008(0).WithArguments("Customer.Email (contact.email)", SetProvider, "Find → ByEmail → " + SetProvider));

        // Once the database is declared, a synchronous query is a flow to it like an asynchronous one: through the set's type
        // (DbSet`1.*) or the context that holds the set (DbContext.*).
        [Theory]
        [InlineData("Microsoft.EntityFrameworkCore.DbSet`1.*")]
        [InlineData("Microsoft.EntityFrameworkCore.DbSet`1.Provider")]
        [InlineData("Microsoft.EntityFrameworkCore.DbContext.*")]
        public async Task ADeclaredDatabaseReceivesASynchronousQuery(string declared)
        {
            var test = new AnalyzerVerifier<PersonalDataFlowAnalyzer>.Test
            {
                TestCode = Usings + Source + Context + @"
class Finder(Db db)
{
    int Find(Customer customer) => {|#0:db.Customers.Where(c => c.Email == customer.Email).ToList()|}.Count;
}",
            };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Microsoft.EntityFrameworkCore", EntityFramework));
            test.TestState.AdditionalFiles.Add(("residency.json", @"{ ""sinks"": [ { ""method"": """ + declared + @""", ""region"": ""US"", ""recipient"": ""own database"" } ] }"));
            test.ExpectedDiagnostics.Add(Res001(0));
            await test.RunAsync(CancellationToken.None);
        }

        // The entry RES008's code fix writes for a query whose store the method does not show declares that provider.
        [Fact]
        public async Task AnUnknownProviderCanBeDeclared()
        {
            var test = new AnalyzerVerifier<PersonalDataFlowAnalyzer>.Test
            {
                TestCode = Usings + Source + Context + @"
class Finder
{
    static int Matching(IQueryable<Customer> customers, Customer customer) => {|#0:customers.Count(c => c.Email == customer.Email)|};
}",
            };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Microsoft.EntityFrameworkCore", EntityFramework));
            test.TestState.AdditionalFiles.Add(("residency.json", @"{ ""sinks"": [ { ""method"": ""System.Linq.IQueryable.Provider"", ""region"": ""US"", ""recipient"": ""own database"" } ] }"));
            test.ExpectedDiagnostics.Add(Res001(0));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
