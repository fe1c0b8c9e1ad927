using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Sources.SourceTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Sources
{
    /// <summary>ASP.NET Core Identity's UserManager and request metadata (client IP address, forwarding headers, User-Agent).</summary>
    public class IdentityAndRequestSourceTests
    {
        private const string User = @"
public class ApplicationUser : IdentityUser { public int Visits { get; set; } }
";

        [Fact]
        public Task UserManagerLookUps() => Verify.VerifyAspNetCoreAsync(Header + User + @"
class H
{
    async Task M(UserManager<ApplicationUser> users, ApplicationUser user, ClaimsPrincipal principal, Crm crm)
    {
        {|#0:crm.Send(await users.GetEmailAsync(user))|};
        var phone = await users.GetPhoneNumberAsync(user);
        {|#1:crm.Send(phone)|};
        {|#2:crm.Send(users.GetUserName(principal))|};
        {|#3:crm.Send(await users.GetUserNameAsync(user))|};
    }
}",
            Res001(0, "UserManager.GetEmailAsync() (contact.email)", "M → Crm.Send"),
            Res001(1, "UserManager.GetPhoneNumberAsync() (contact.phone_number)", "M → Crm.Send"),
            Res001(2, "claim name (name)", "M → Crm.Send"),
            Res001(3, "UserManager.GetUserNameAsync() (name)", "M → Crm.Send"));

        [Fact]
        public Task UserObjectsFromUserManagerArePersonalThroughIdentitysAttributes() => Verify.VerifyAspNetCoreAsync(Header + User + @"
class H
{
    async Task M(UserManager<ApplicationUser> users, ClaimsPrincipal principal, Crm crm)
    {
        var user = await users.GetUserAsync(principal);
        {|#0:crm.Send(user!.Email)|};
        var other = await users.FindByNameAsync(""ada"");
        {|#1:crm.Send(other?.PhoneNumber)|};
        {|#2:crm.Send(users.Users.First().UserName)|};
        {|#3:crm.Send(user.Id)|};
        crm.Send(user.Visits.ToString());
        crm.Send(user.EmailConfirmed.ToString());
    }
}",
            Res001(0, "IdentityUser.Email (contact.email)", "M → Crm.Send"),
            Res001(1, "IdentityUser.PhoneNumber (contact.phone_number)", "M → Crm.Send"),
            Res001(2, "IdentityUser.UserName (account.username)", "M → Crm.Send"),
            Res001(3, "IdentityUser.Id (unique_id)", "M → Crm.Send"));

        [Fact]
        public Task NonPersonalUserManagerResultsStayClean() => Verify.VerifyAspNetCoreAsync(Header + User + @"
class H
{
    async Task M(UserManager<ApplicationUser> users, ApplicationUser user, Crm crm)
    {
        crm.Send((await users.GetAccessFailedCountAsync(user)).ToString());
        crm.Send((await users.IsEmailConfirmedAsync(user)).ToString());
        crm.Send(string.Join("","", await users.GetRolesAsync(user)));
    }
}");

        [Fact]
        public Task ClientIpAddressAndForwardingHeaders() => Verify.VerifyAspNetCoreAsync(Header + @"
class H
{
    void M(HttpContext context, Crm crm)
    {
        {|#0:crm.Send(context.Connection.RemoteIpAddress?.ToString())|};
        {|#1:crm.Send(context.Request.Headers[""X-Forwarded-For""])|};
        string? real = context.Request.Headers[""x-real-ip""];
        {|#2:crm.Send(real)|};
        {|#3:crm.Send(context.Request.Headers[""Forwarded""].ToString())|};
    }
}",
            Res001(0, "ConnectionInfo.RemoteIpAddress (device.ip_address)", "M → Crm.Send"),
            Res001(1, "header X-Forwarded-For (device.ip_address)", "M → Crm.Send"),
            Res001(2, "header X-Real-IP (device.ip_address)", "M → Crm.Send"),
            Res001(3, "header Forwarded (device.ip_address)", "M → Crm.Send"));

        [Fact]
        public Task UserAgent() => Verify.VerifyAspNetCoreAsync(Header + @"
class H
{
    void M(HttpRequest request, Crm crm)
    {
        {|#0:crm.Send(request.Headers.UserAgent)|};
        {|#1:crm.Send(request.Headers[HeaderNames.UserAgent])|};
    }
}",
            Res001(0, "header User-Agent (device.user_agent)", "M → Crm.Send"),
            Res001(1, "header User-Agent (device.user_agent)", "M → Crm.Send"));

        [Fact]
        public Task NonPersonalRequestMetadataStaysClean() => Verify.VerifyAspNetCoreAsync(Header + @"
class H
{
    void M(HttpContext context, Crm crm, string name)
    {
        crm.Send(context.Request.Headers[""Accept-Language""]);
        crm.Send(context.Request.Headers.ContentType);
        crm.Send(context.Request.Headers[name]);
        crm.Send(context.Request.Path);
        crm.Send(context.Connection.RemotePort.ToString());
        crm.Send(context.Connection.LocalIpAddress?.ToString());
        crm.Send((context.Connection.RemoteIpAddress != null).ToString());
    }
}");
    }
}
