using System.Linq;

namespace Residency.EndToEnd.Tests
{
    /// <summary>
    /// ASP.NET Core Identity over Entity Framework Core (<c>AddEntityFrameworkStores&lt;AppDb&gt;()</c>): the user a
    /// <c>UserManager</c> creates goes to the context's database, in a user's build with the package against the packages
    /// as published.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class IdentityStoreTests(PackageFixture package)
    {
        [Fact]
        public void The_users_a_manager_creates_go_to_the_stores_database()
        {
            var workspace = package.NewWorkspace("identity-store");
            var app = PackageFixture.WriteProject(workspace, "App", """
                using Microsoft.AspNetCore.Identity;
                using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
                using Microsoft.EntityFrameworkCore;
                using Microsoft.Extensions.DependencyInjection;

                public sealed class AppDb(DbContextOptions<AppDb> options) : IdentityDbContext<IdentityUser>(options);

                public static class Startup
                {
                    public static void Configure(IServiceCollection services)
                    {
                        services.AddDbContext<AppDb>(o => o.UseSqlServer("Server=tcp:users.c9akciq32.us-east-1.rds.amazonaws.com,1433;Database=users"));
                        services.AddIdentityCore<IdentityUser>().AddEntityFrameworkStores<AppDb>();
                    }
                }

                public sealed class Accounts(UserManager<IdentityUser> users)
                {
                    public Task<IdentityResult> Register(string email) => users.CreateAsync(new IdentityUser { UserName = email, Email = email });
                }
                """, extraItems: """
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <PackageReference Include="Microsoft.AspNetCore.Identity.EntityFrameworkCore" Version="10.0.15" />
                <PackageReference Include="Microsoft.EntityFrameworkCore.SqlServer" Version="10.0.15" />
                """);
            var (result, inventory) = PackageFixture.BuildAndReadInventory(app);
            Assert.Contains("warning RES001", result.Output);
            var flow = Assert.Single(inventory.Get("flows")!.Items);
            Assert.Equal(("users.c9akciq32.us-east-1.rds.amazonaws.com", "violation"), (flow.Get("sink")!.GetString("host"), flow.GetString("status")));
            Assert.Equal("UserManager.CreateAsync (AppDb) users.c9akciq32.us-east-1.rds.amazonaws.com", flow.Get("sink")!.GetString("display"));
            Assert.Empty(inventory.Get("unclassified")!.Items);
        }
    }
}
