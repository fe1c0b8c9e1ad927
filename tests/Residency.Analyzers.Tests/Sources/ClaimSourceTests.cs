using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Sources.SourceTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Sources
{
    /// <summary>Claims are personal data with no annotation; the claim type decides the category (docs/flow-semantics.md).</summary>
    public class ClaimSourceTests
    {
        [Fact]
        public Task FindFirstValueWithAClaimTypesConstant() => Verify.VerifyAspNetCoreAsync(Header + @"
class H { void M(ClaimsPrincipal user, Crm crm) { {|#0:crm.Send(user.FindFirstValue(ClaimTypes.Email))|}; } }",
            Res001(0, "claim email (contact.email)", "M → Crm.Send"));

        [Fact]
        public Task FindFirstValueWithAnOpenIdConnectClaim() => Verify.VerifyAspNetCoreAsync(Header + @"
class H { void M(ClaimsPrincipal user, Crm crm) { var n = user.FindFirstValue(""given_name""); {|#0:crm.Send(""Hello "" + n)|}; } }",
            Res001(0, "claim given_name (name.first)", "M → Crm.Send"));

        [Fact]
        public Task FindFirstConditionalValue() => Verify.VerifyAspNetCoreAsync(Header + @"
class H { void M(ClaimsPrincipal user, Crm crm) { {|#0:crm.Send(user.FindFirst(""family_name"")?.Value)|}; } }",
            Res001(0, "claim family_name (name.last)", "M → Crm.Send"));

        [Fact]
        public Task ClaimsQueriedWithLinq() => Verify.VerifyAspNetCoreAsync(Header + @"
class H
{
    void M(ClaimsPrincipal user, Crm crm)
    {
        {|#0:crm.Send(user.Claims.First(c => c.Type == ""phone_number"").Value)|};
        var city = user.Claims.Where(c => ""address_city"" == c.Type).Select(c => c.Value).FirstOrDefault();
        {|#1:crm.Send(city)|};
        {|#2:crm.Send(user.Claims.FirstOrDefault(c => string.Equals(c.Type, ClaimTypes.Surname))?.Value)|};
    }
}",
            Res001(0, "claim phone_number (contact.phone_number)", "M → Crm.Send"),
            Res001(1, "claim address_city (contact.address.city)", "M → Crm.Send"),
            Res001(2, "claim family_name (name.last)", "M → Crm.Send"));

        [Fact]
        public Task IdentityName() => Verify.VerifyAspNetCoreAsync(Header + @"
class H { void M(ClaimsPrincipal user, Crm crm) { {|#0:crm.Send(user.Identity?.Name)|}; } }",
            Res001(0, "claim name (name)", "M → Crm.Send"));

        [Fact]
        public Task AHelperThatLooksAClaimUpByTheTypeItIsGiven() => Verify.VerifyAspNetCoreAsync(Header + @"
static class Claims
{
    public static string? Get(ClaimsPrincipal user, string type) => user.FindFirst(type)?.Value;
    public static string? Email(ClaimsPrincipal user) => Get(user, ClaimTypes.Email);
}
class H
{
    void M(ClaimsPrincipal user, Crm crm)
    {
        {|#0:crm.Send(Claims.Get(user, ""address_street""))|};
        {|#1:crm.Send(Claims.Email(user))|};
        crm.Send(Claims.Get(user, ClaimTypes.Role));
        crm.Send(Claims.Get(user, ""scope""));
    }
}",
            Res001(0, "claim address_street (contact.address.street)", "M → Crm.Send"),
            Res001(1, "claim email (contact.email)", "M → Crm.Send"));

        [Fact]
        public Task ClaimOfAnUnknownOrNonConstantTypeIsPersonal() => Verify.VerifyAspNetCoreAsync(Header + @"
class H
{
    void M(ClaimsPrincipal user, Crm crm, string[] types)
    {
        {|#0:crm.Send(user.FindFirstValue(""loyalty_card""))|};
        {|#1:crm.Send(user.FindFirstValue(types[0]))|};
    }
}",
            Res001(0, "claim loyalty_card", "M → Crm.Send"),
            Res001(1, "claims (any type)", "M → Crm.Send"));

        [Fact]
        public Task APrincipalOrItsClaimsPassedOrSerialisedWhole() => Verify.VerifyAspNetCoreAsync(Header + @"
class H
{
    void M(ClaimsPrincipal user, Crm crm)
    {
        {|#0:crm.SendObject(user)|};
        {|#1:crm.Send(JsonSerializer.Serialize(user.Claims.Select(c => new { c.Type, c.Value })))|};
    }
}",
            Res001(0, "claims (any type)", "M → Crm.SendObject", ObjectSink),
            Res001(1, "claims (any type)", "M → Crm.Send"));

        [Fact]
        public Task NonPersonalClaimsPredicatesAndAggregatesStayClean() => Verify.VerifyAspNetCoreAsync(Header + @"
class H
{
    void M(ClaimsPrincipal user, Crm crm)
    {
        crm.Send(user.FindFirstValue(ClaimTypes.Role));
        crm.Send(user.FindFirst(""scp"")?.Value);
        crm.Send(user.Claims.First(c => c.Type == ""tid"").Value);
        crm.Send(user.FindFirst(""email"")?.Type);
        crm.Send(user.HasClaim(""email"", ""a@b.c"").ToString());
        crm.Send(user.IsInRole(""admin"").ToString());
        crm.Send(user.Identity?.IsAuthenticated.ToString());
        crm.Send(user.Claims.Count().ToString());
        crm.Send(user.Identity?.AuthenticationType);
        crm.Send(string.Join("","", user.FindAll(""role"").Select(c => c.Value)));
    }
}");
    }
}
