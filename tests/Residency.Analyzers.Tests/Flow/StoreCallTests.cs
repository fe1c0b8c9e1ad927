using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using static Residency.Analyzers.Tests.Rules.RES008Tests;
using RES008Tests = Residency.Analyzers.Tests.Rules.RES008Tests;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// Calls on a data store (<c>Catalog/library.json</c>, "stores"): what a database context's, a set's or a query's type
    /// declares is the data the store holds, not data the call hands on. A field test's record listed health and
    /// criminal-offence data as handed to <c>SaveChangesAsync</c> in methods that saved an audit row, and to every query
    /// (<c>SingleAsync</c>, <c>FindAsync</c>), because the context's type carries every entity's data.
    /// </summary>
    public class StoreCallTests
    {
        // The shape of Entity Framework Core's API, as a referenced assembly (metadata only, as the package is).
        internal const string EntityFramework = @"
namespace Microsoft.EntityFrameworkCore
{
    using System;
    using System.Collections;
    using System.Collections.Generic;
    using System.Linq;
    using System.Linq.Expressions;
    using System.Threading.Tasks;
    public class DbContextOptions { }
    public class DbContext
    {
        protected DbContext(DbContextOptions options) { }
        public DbSet<T> Set<T>() where T : class => null!;
        public virtual int SaveChanges() => 0;
        public virtual Task<int> SaveChangesAsync() => null!;
        public void Add(object entity) { }
        public void Update(object entity) { }
        public ValueTask<T?> FindAsync<T>(params object[] keys) where T : class => default;
    }
    public abstract class DbSet<T> : IQueryable<T> where T : class
    {
        public void Add(T entity) { }
        public void Remove(T entity) { }
        public ValueTask<T?> FindAsync(params object[] keys) => default;
        public Type ElementType => typeof(T);
        public Expression Expression => null!;
        public IQueryProvider Provider => null!;
        public IEnumerator<T> GetEnumerator() => null!;
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
    public static class EntityFrameworkQueryableExtensions
    {
        public static Task<T> SingleAsync<T>(this IQueryable<T> source, Expression<Func<T, bool>> predicate) => null!;
        public static Task<T?> FirstOrDefaultAsync<T>(this IQueryable<T> source) => null!;
        public static Task<List<T>> ToListAsync<T>(this IQueryable<T> source) => null!;
        public static Task<bool> ContainsAsync<T>(this IQueryable<T> source, T item) => null!;
        public static string ToQueryString(this IQueryable source) => """";
    }
}";

        internal const string Usings = @"
using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
";

        internal const string Context = @"
public class AuditRow { public Guid Id { get; set; } public string Action { get; set; } = """"; }
public class Db(DbContextOptions options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<AuditRow> Audits => Set<AuditRow>();
}
";

        private static async Task VerifyUnclassifiedAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerVerifier<UnclassifiedRecipientAnalyzer>.Test { TestCode = Usings + RES008Tests.Model + Context + source };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Vendor", VendorLibrary));
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Microsoft.EntityFrameworkCore", EntityFramework));
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task SavingAnAuditRowHandsOnNothingPersonal() => VerifyUnclassifiedAsync(@"
class Auditor(Db db)
{
    async Task Audit()
    {
        db.Audits.Add(new AuditRow { Id = Guid.NewGuid(), Action = ""login"" });
        db.SaveChanges();
        await db.SaveChangesAsync();
    }
}");

        [Fact]
        public Task QueriesReadTheirSetTheyDoNotSendIt() => VerifyUnclassifiedAsync(@"
class Reader(Db db)
{
    async Task<string> Read(int id)
    {
        var one = await db.Customers.SingleAsync(c => c.Id == id);
        var found = await db.Customers.FindAsync(id);
        var first = await db.Customers.Where(c => c.Id > id).FirstOrDefaultAsync();
        var all = await db.Customers.ToListAsync();
        var typed = await db.FindAsync<Customer>(id);
        return one.Email + found?.Name + first?.Email + all.Count + typed?.Email;
    }
}");

        // What the call is given is still handed on: the customer added, updated or looked for.
        [Fact]
        public Task TheEntityAddedIsHandedOn() => VerifyUnclassifiedAsync(@"
class Writer(Db db)
{
    async Task Save(Customer customer)
    {
        {|#0:db.Customers.Add(customer)|};
        {|#1:db.Update(customer)|};
        var known = {|#2:db.Customers.ContainsAsync(customer)|};
        await db.SaveChangesAsync();
    }
}",
            Res008(0).WithArguments("Customer.Email (contact.email), Customer.Name (name)", "Microsoft.EntityFrameworkCore.DbSet`1.Add", "Save → Microsoft.EntityFrameworkCore.DbSet`1.Add"),
            Res008(1).WithArguments("Customer.Email (contact.email), Customer.Name (name)", "Microsoft.EntityFrameworkCore.DbContext.Update", "Save → Microsoft.EntityFrameworkCore.DbContext.Update"),
            Res008(2).WithArguments("Customer.Email (contact.email), Customer.Name (name)", "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ContainsAsync", "Save → Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ContainsAsync"));

        // A query's predicate is an expression tree: what its calls and comparisons are given from outside it goes to the
        // database as a query parameter (c.Email == customer.Email sends the e-mail); what it computes from its own row
        // (c.Email, string.IsNullOrEmpty(c.Name)) and what is not personal (c.Id == customer.Id) are not handed.
        [Fact]
        public Task AQueryHandsOnWhatItsPredicateIsGiven() => VerifyUnclassifiedAsync(@"
class Finder(Db db)
{
    async Task<int> Find(Customer customer)
    {
        var byEmail = await {|#0:db.Customers.SingleAsync(c => c.Email == customer.Email)|};
        var byName = await {|#1:db.Customers.SingleAsync(c => string.Equals(c.Name, customer.Name))|};
        var byId = await db.Customers.SingleAsync(c => c.Id == customer.Id);
        var own = await db.Customers.SingleAsync(c => string.IsNullOrEmpty(c.Name) && c.Id > 0);
        return byEmail.Id + byName.Id + byId.Id + own.Id;
    }
}",
            Res008(0).WithArguments("Customer.Email (contact.email)", "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync", "Find → Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync"),
            Res008(1).WithArguments("Customer.Name (name)", "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync", "Find → Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync"));

        // A lambda nested in the predicate is part of the tree: what its comparisons are given from outside goes to the
        // database too; what it computes from its own parameter, or from the tree's, does not.
        [Fact]
        public Task ALambdaNestedInAPredicateHandsOnWhatItIsGiven() => VerifyUnclassifiedAsync(@"
public class Team { public int Id { get; set; } public System.Collections.Generic.List<Customer> Members { get; set; } = new(); }
class Finder(Db db)
{
    async Task<int> Find(Customer customer)
    {
        var team = await {|#0:db.Set<Team>().SingleAsync(t => t.Members.Any(m => m.Email == customer.Email))|};
        var own = await db.Set<Team>().SingleAsync(t => t.Members.Any(m => m.Id == t.Id && m.Name == m.Email));
        return team.Id + own.Id;
    }
}", Res008(0).WithArguments("Customer.Email (contact.email)", "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync", "Find → Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync"));

        // A predicate given to a query operator (Queryable.Where) before the query runs: the query holds the values its tree
        // was handed, through OrderBy and Select, and the call that runs it hands them to the database.
        [Fact]
        public Task AQueryHandsOnWhatItsOperatorsWereGivenWhenItRuns() => VerifyUnclassifiedAsync(@"
class Finder(Db db)
{
    async Task<int> Find(Customer customer)
    {
        var byEmail = await {|#0:db.Customers.Where(c => c.Email == customer.Email).ToListAsync()|};
        var query = db.Customers.Where(c => c.Name == customer.Name).OrderBy(c => c.Id).Select(c => c.Id);
        var first = await {|#1:query.FirstOrDefaultAsync()|};
        var byId = await db.Customers.Where(c => c.Id == customer.Id).ToListAsync();
        var own = await db.Customers.Where(c => c.Email.StartsWith(""a"")).ToListAsync();
        return byEmail.Count + first + byId.Count + own.Count;
    }
}",
            Res008(0).WithArguments("Customer.Email (contact.email)", "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync", "Find → Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync"),
            Res008(1).WithArguments("Customer.Name (name)", "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync", "Find → Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync"));

        // A repository builds the query from its parameter, its caller runs it: the summary carries the value in the query.
        [Fact]
        public Task AQueryBuiltByAHelperHandsOnItsArgumentWhereItRuns() => VerifyUnclassifiedAsync(@"
class Repository(Db db)
{
    public IQueryable<Customer> ByEmail(string email) => db.Customers.Where(c => c.Email == email);
}
class Finder(Repository repository)
{
    async Task<int> Find(Customer customer)
    {
        var found = await {|#0:repository.ByEmail(customer.Email).ToListAsync()|};
        var none = await repository.ByEmail(""support@example.com"").ToListAsync();
        return found.Count + none.Count;
    }
}", Res008(0).WithArguments("Customer.Email (contact.email)", "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync", "Find → Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync"));

        // What a query returns are its rows, not its filter's values: ids selected by e-mail carry no e-mail, while the
        // query itself, handed to another library before it runs, still holds it, and so does its SQL text (ToQueryString,
        // itself local). The text goes to a receiver of its own: PushAll is a mutator, so crm carries what it was given.
        // ToList() runs the query on its set: the set's provider receives the e-mail (QueryRunTests).
        [Fact]
        public Task TheRowsOfAQueryDoNotCarryItsFilter() => VerifyUnclassifiedAsync(@"
class Exporter(Db db, CrmSdk crm, CrmSdk audit)
{
    async Task Run(Customer customer)
    {
        var query = db.Customers.Where(c => c.Email == customer.Email).Select(c => c.Id);
        {|#2:audit.Push(query.ToQueryString())|};
        var ids = await {|#0:query.ToListAsync()|};
        crm.PushAll(ids);
        crm.PushAll(ids.ToArray());
        crm.PushAll({|#3:query.ToList()|});
        {|#1:crm.PushAll(query)|};
    }
}",
            Res008(0).WithArguments("Customer.Email (contact.email)", "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync", "Run → Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync"),
            Res008(1).WithArguments("Customer.Email (contact.email)", "Contoso.Vendor.CrmSdk.PushAll", "Run → Contoso.Vendor.CrmSdk.PushAll"),
            Res008(2).WithArguments("Customer.Email (contact.email)", "Contoso.Vendor.CrmSdk.Push", "Run → Contoso.Vendor.CrmSdk.Push"),
            Res008(3).WithArguments("Customer.Email (contact.email)", "Microsoft.EntityFrameworkCore.DbSet`1.Provider", "Run → Microsoft.EntityFrameworkCore.DbSet`1.Provider"));

        // A context's override that stamps and saves, and a repository that saves a context it is given: the base call's
        // receiver is the context itself, whose type declares customers; neither it nor the callers hand them on.
        [Fact]
        public Task AnOverrideAndAHelperThatSaveHandOnNothing() => VerifyUnclassifiedAsync(@"
class Stamped(DbContextOptions options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public override Task<int> SaveChangesAsync() { Console.WriteLine(""saving""); return base.SaveChangesAsync(); }
}
class Repository(Stamped stamped, Db db)
{
    static Task<int> Commit(DbContext context) => context.SaveChangesAsync();
    async Task Run()
    {
        await stamped.SaveChangesAsync();
        await Commit(db);
    }
}");

        // A method of the application that is not a store call keeps the context's data: handing the context itself to a
        // vendor's method hands on everything it may hold.
        [Fact]
        public Task TheContextHandedToAnotherLibraryStillCarriesItsEntities() => VerifyUnclassifiedAsync(@"
class Exporter(Db db, CrmSdk crm)
{
    void Run() { {|#0:crm.PushAll(db.Customers)|}; }
}", Res008(0).WithArguments("Customer.Email (contact.email), Customer.Name (name)", "Contoso.Vendor.CrmSdk.PushAll", "Run → Contoso.Vendor.CrmSdk.PushAll"));

        // Once the database is declared a sink (docs/endpoints.md), its flows carry what each call hands on: the customer
        // added, not every entity type at each save and each query.
        [Fact]
        public async Task ADeclaredDatabaseReceivesWhatEachCallHandsOn()
        {
            var test = new AnalyzerVerifier<PersonalDataFlowAnalyzer>.Test
            {
                TestCode = Usings + Source + Context + @"
class Service(Db db)
{
    async Task Run(Customer customer, int id)
    {
        {|#0:db.Customers.Add(customer)|};
        db.Audits.Add(new AuditRow());
        await db.SaveChangesAsync();
        var again = await db.Customers.SingleAsync(c => c.Id == id);
    }
}",
            };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Microsoft.EntityFrameworkCore", EntityFramework));
            test.TestState.AdditionalFiles.Add(("residency.json", @"{ ""sinks"": [
  { ""method"": ""Microsoft.EntityFrameworkCore.DbContext.*"", ""region"": ""US"", ""recipient"": ""own database"" },
  { ""method"": ""Microsoft.EntityFrameworkCore.DbSet`1.*"", ""region"": ""US"", ""recipient"": ""own database"" },
  { ""method"": ""Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.*"", ""region"": ""US"", ""recipient"": ""own database"" }
] }"));
            test.ExpectedDiagnostics.Add(Res001(0));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
