using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// A typed view of a store (<c>Catalog/library.json</c>, "typedAccessors"): the result of Entity Framework Core's
    /// <c>DbContext.Set&lt;TEntity&gt;()</c> carries what its type carries, not what the context holds. A context with a
    /// <c>DbSet&lt;Customer&gt;</c> carries the customers' data; its <c>Products =&gt; Set&lt;Product&gt;()</c>, the form EF
    /// recommends with nullable reference types, made every product query personal (a field test's false RES001).
    /// </summary>
    public class TypedAccessorTests
    {
        // The shape of Entity Framework Core's API, as a referenced assembly (metadata only, as the package is).
        private const string EntityFramework = @"
namespace Microsoft.EntityFrameworkCore
{
    using System.Collections;
    using System.Collections.Generic;
    public class DbSet<TEntity> : IEnumerable<TEntity> where TEntity : class
    {
        public IEnumerator<TEntity> GetEnumerator() => new List<TEntity>().GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
    public class DbContext
    {
        public virtual DbSet<TEntity> Set<TEntity>() where TEntity : class => new DbSet<TEntity>();
    }
}";

        private const string Store = @"
public class Product { public string Sku { get; set; } = """"; public string Title { get; set; } = """"; }
public class StoreContext : Microsoft.EntityFrameworkCore.DbContext
{
    public Microsoft.EntityFrameworkCore.DbSet<Customer> Customers => Set<Customer>();
    public Microsoft.EntityFrameworkCore.DbSet<Product> Products => Set<Product>();
}
";

        private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
            VerifyWithLibraryAsync(Store + source, "Microsoft.EntityFrameworkCore", EntityFramework, expected);

        [Fact]
        public Task AnotherEntitysSetOfAContextThatHoldsCustomersIsNotPersonal() => VerifyAsync(@"
class Catalog
{
    void Publish(StoreContext db, Crm crm)
    {
        crm.SendObject(db.Products.ToList());
        crm.SendObject(db.Set<Product>().First());
        foreach (var product in db.Products)
        {
            crm.Send(product.Title);
        }
    }
}");

        [Fact]
        public Task TheCustomersSetCarriesTheCustomersData() => VerifyAsync(@"
class Export
{
    void Run(StoreContext db, Crm crm)
    {
        {|#0:crm.SendObject(db.Customers.ToList())|};
        {|#1:crm.SendObject(db.Set<Customer>().First())|};
        {|#2:crm.Send(db.Customers.First().Email)|};
    }
}", Res001(0), Res001(1), Res001(2));
    }
}
