using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using static Residency.Analyzers.Tests.Rules.RES008Tests;
using static Residency.Analyzers.Tests.Sources.SourceTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.UnclassifiedRecipientAnalyzer>;
using VerifyFlow = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// ASP.NET Core Identity's <c>UserManager&lt;TUser&gt;</c> writes the user to its user store (<c>CreateAsync</c>,
    /// <c>UpdateAsync</c>, <c>SetEmailAsync</c>, …) and looks users up there by a value (<c>FindByEmailAsync</c>,
    /// <c>GetUserAsync</c>): the database behind the store receives them. Those calls are unclassified recipients until the
    /// project declares where the store lives (local.json carves them out of <c>Microsoft.AspNetCore</c>) or registers
    /// Entity Framework Core stores, whose context's database they then reach; its reads of a
    /// user it was given (<c>GetEmailAsync</c>, <c>IsEmailConfirmedAsync</c>) and its helpers stay local. Before, every
    /// UserManager call was local, and the users an application registers were missing from its record.
    /// </summary>
    public class IdentityUserStoreTests
    {
        private const string UserManagerCalls = Header + @"
public class ApplicationUser : IdentityUser { public int Visits { get; set; } }
class Accounts(UserManager<ApplicationUser> users)
{
    public async Task Register(ApplicationUser user, string password, ClaimsPrincipal principal)
    {
        await {|#0:users.CreateAsync(user, password)|};
        var email = await users.GetEmailAsync(user);
        await {|#1:users.FindByEmailAsync(email!)|};
        await {|#2:users.SetPhoneNumberAsync(user, ""+33 6 12 34 56 78"")|};
        await users.IsEmailConfirmedAsync(user);
        await users.GenerateEmailConfirmationTokenAsync(user);
        users.GetUserId(principal);
        await {|#3:users.GetUserAsync(principal)|};
        await users.FindByIdAsync(""42"");
    }
}";

        private const string Store = "Microsoft.AspNetCore.Identity.UserManager`1.";

        // Identity's own [PersonalData] members of IdentityUser.
        private const string User = "IdentityUser.Email (contact.email), IdentityUser.EmailConfirmed, IdentityUser.Id (unique_id), IdentityUser.PhoneNumber (contact.phone_number), " +
            "IdentityUser.PhoneNumberConfirmed, IdentityUser.TwoFactorEnabled, IdentityUser.UserName (account.username)";

        private static DiagnosticResult ToStore(int markup, string data, string method) =>
            Res008(markup).WithArguments(data, Store + method, "Register → " + Store + method);

        // Signing in by name or external login looks the user up in the store; signing in a user already found issues the
        // cookie to the user's own browser and stays local.
        [Fact]
        public Task SigningInByNameLooksTheUserUpInTheStore() => Verify.VerifyAspNetCoreAsync(Header + @"
public class ApplicationUser : IdentityUser { }
class Login(SignInManager<ApplicationUser> signIn)
{
    public async Task Post(ApplicationUser user, ClaimsPrincipal principal)
    {
        var email = principal.FindFirstValue(ClaimTypes.Email)!;
        await {|#0:signIn.PasswordSignInAsync(email, ""secret"", isPersistent: false, lockoutOnFailure: true)|};
        await signIn.SignInAsync(user, isPersistent: false);
        signIn.IsSignedIn(principal);
    }
}",
            Res008(0).WithArguments("claim email (contact.email)", "Microsoft.AspNetCore.Identity.SignInManager`1.PasswordSignInAsync", "Post → Microsoft.AspNetCore.Identity.SignInManager`1.PasswordSignInAsync"));

        [Fact]
        public Task WritesAndLookUpsHandTheUserToTheStoreReadsStayLocal() => Verify.VerifyAspNetCoreAsync(UserManagerCalls,
            ToStore(0, User, "CreateAsync"),
            ToStore(1, "UserManager.GetEmailAsync() (contact.email)", "FindByEmailAsync"),
            ToStore(2, User, "SetPhoneNumberAsync"),
            ToStore(3, "claims (any type)", "GetUserAsync"));

        // With a query store in the compilation (Identity's Entity Framework Core stores), a query the manager's Users
        // hands out reaches the store behind the manager, named after it, not the anonymous IQueryable provider.
        [Fact]
        public async Task AQueryUsersHandsOutReachesTheStoreBehindTheManager()
        {
            var test = new Verify.Test
            {
                TestCode = Header + @"
class Search(UserManager<IdentityUser> users)
{
    public string? IdOf(ClaimsPrincipal principal) =>
        {|#0:users.Users.FirstOrDefault(u => u.Email == principal.FindFirstValue(ClaimTypes.Email))|}?.Id;
}",
            }.WithAspNetCore();
            test.TestState.AdditionalReferences.Add(Verifiers.TestReferences.Library("Microsoft.EntityFrameworkCore", StoreCallTests.EntityFramework));
            test.ExpectedDiagnostics.Add(Res008(0).WithArguments("claims (any type), claim email (contact.email)", Store + "Provider", "IdOf → " + Store + "Provider"));
            await test.RunAsync(System.Threading.CancellationToken.None);
        }

        // Entity Framework Core with Identity's stores and a provider (the shapes of Microsoft.EntityFrameworkCore,
        // Npgsql.EntityFrameworkCore.PostgreSQL and Microsoft.AspNetCore.Identity.EntityFrameworkCore that the store
        // resolution reads); the receivers are objects here, as the stand-ins do not build on ASP.NET Core.
        private const string EntityFrameworkStores = @"
namespace Microsoft.EntityFrameworkCore
{
    public class DbContextOptionsBuilder { }
    public static class NpgsqlDbContextOptionsBuilderExtensions
    {
        public static DbContextOptionsBuilder UseNpgsql(this DbContextOptionsBuilder optionsBuilder, string? connectionString, System.Action<object>? npgsqlOptionsAction = null) => optionsBuilder;
    }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public static class EntityFrameworkServiceCollectionExtensions
    {
        public static T AddDbContext<TContext, T>(this T serviceCollection, System.Action<Microsoft.EntityFrameworkCore.DbContextOptionsBuilder>? optionsAction = null) where TContext : Microsoft.EntityFrameworkCore.DbContext => serviceCollection;
    }
    public static class IdentityEntityFrameworkBuilderExtensions
    {
        public static T AddEntityFrameworkStores<TContext, T>(this T builder) where TContext : Microsoft.EntityFrameworkCore.DbContext => builder;
    }
}";

        // With Identity's stores in an Entity Framework Core context (AddEntityFrameworkStores<AppDb>()), the manager's calls
        // that reach the store go to that context's database: a database in us-east-1 is a transfer of the user; the
        // manager's reads of a user it was given stay local, and a query of its Users runs there too. Without the
        // registration they are unclassified (above).
        [Fact]
        public async Task TheManagersStoreIsTheRegisteredContextsDatabase()
        {
            var test = new VerifyFlow.Test
            {
                TestCode = @"
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;" + Header + @"
public class ApplicationUser : IdentityUser { }
public class AppDb(DbContextOptions options) : DbContext(options) { }
static class Startup
{
    public static void Configure(IServiceCollection services)
    {
        services.AddDbContext<AppDb, IServiceCollection>(o => o.UseNpgsql(""Host=users.c9akciq32.us-east-1.rds.amazonaws.com;Database=users""));
        services.AddIdentityCore<ApplicationUser>().AddEntityFrameworkStores<AppDb, IdentityBuilder>();
    }
}
class Accounts(UserManager<ApplicationUser> users)
{
    public async Task Register(ApplicationUser user)
    {
        await {|#0:users.CreateAsync(user)|};
        var email = await users.GetEmailAsync(user);
        await {|#1:users.FindByEmailAsync(email!)|};
    }

    public string? IdOf(ClaimsPrincipal principal) =>
        {|#2:users.Users.FirstOrDefault(u => u.Email == principal.FindFirstValue(ClaimTypes.Email))|}?.Id;
}",
            }.WithAspNetCore();
            test.TestState.AdditionalReferences.Add(Verifiers.TestReferences.Library("Microsoft.EntityFrameworkCore", StoreCallTests.EntityFramework + EntityFrameworkStores));
            const string Host = " (AppDb) users.c9akciq32.us-east-1.rds.amazonaws.com";
            test.ExpectedDiagnostics.Add(Res001(0, User, "Register → UserManager.CreateAsync" + Host, "UserManager.CreateAsync" + Host + " (recipient Amazon Web Services)"));
            test.ExpectedDiagnostics.Add(Res001(1, "UserManager.GetEmailAsync() (contact.email)", "Register → UserManager.FindByEmailAsync" + Host, "UserManager.FindByEmailAsync" + Host + " (recipient Amazon Web Services)"));
            test.ExpectedDiagnostics.Add(Res001(2, "claims (any type), claim email (contact.email)", "IdOf → UserManager.Provider" + Host, "UserManager.Provider" + Host + " (recipient Amazon Web Services)"));
            await test.RunAsync(System.Threading.CancellationToken.None);
        }

        // Identity's managers are stores, but not query providers: ASP.NET Core's shared framework, which every web
        // application references, does not make the queries LINQ runs go to a provider; only a query store (EF Core's
        // DbSet<T>) does.
        [Fact]
        public Task TheSharedFrameworkAloneDoesNotTrackQueries() => Verify.VerifyAspNetCoreAsync(Header + @"
class Search
{
    public int Count(IQueryable<IdentityUser> users, ClaimsPrincipal principal) =>
        users.Where(u => u.Email == principal.FindFirstValue(ClaimTypes.Email)).Count();
}");

        // One residency.json entry declares the store: the calls are flows to the declared region, no longer unclassified.
        [Fact]
        public Task DeclaringTheStoreClassifiesEveryCall() => Verify.VerifyAspNetCoreAsync(UserManagerCalls,
            @"{ ""sinks"": [ { ""method"": ""Microsoft.AspNetCore.Identity.UserManager`1.*"", ""region"": ""DE"", ""recipient"": ""own database"" } ] }");

        // A method declared by name is a flow; a read the declaration does not name stays local.
        [Fact]
        public Task AStoreDeclaredOutsideTheAllowedRegionsIsAViolation() => VerifyFlow.VerifyAspNetCoreAsync(Header + @"
public class ApplicationUser : IdentityUser { }
class Accounts(UserManager<ApplicationUser> users)
{
    public Task Register(ApplicationUser user) => {|#0:users.CreateAsync(user)|};
    public Task<string?> Email(ApplicationUser user) => users.GetEmailAsync(user);
}",
            @"{ ""sinks"": [ { ""method"": ""Microsoft.AspNetCore.Identity.UserManager`1.CreateAsync"", ""region"": ""US"", ""recipient"": ""own database"" } ] }",
            Res001(0, User, "Register → UserManager.CreateAsync", "UserManager.CreateAsync (recipient own database)"));
    }
}
