using System.Threading;
using System.Threading.Tasks;
using Residency.Analyzers.Tests.Sources;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// A read of an interface, abstract or virtual property runs the getters of its implementations and overrides in the
    /// compilation, as a call of an interface or virtual method does (docs/flow-semantics.md): <c>currentUser.Email</c> on
    /// an <c>ICurrentUser</c> whose implementation reads the request's claims is the claim.
    /// </summary>
    public class PolymorphicPropertyTests
    {
        private const string CurrentUser = @"
public interface ICurrentUser { string? Email { get; } string? Id { get; } string Tenant { get; } bool IsAuthenticated { get; } }
public sealed class CurrentUser : ICurrentUser
{
    private readonly IHttpContextAccessor _accessor;
    public CurrentUser(IHttpContextAccessor accessor) => _accessor = accessor;
    public string? Email => _accessor.HttpContext?.User.FindFirstValue(ClaimTypes.Email);
    public string? Id => _accessor.HttpContext?.User?.FindFirstValue(ClaimTypes.NameIdentifier);
    public string Tenant => ""contoso"";
    public bool IsAuthenticated => _accessor.HttpContext?.User.Identity?.IsAuthenticated ?? false;
}
";

        [Fact]
        public Task AnInterfacePropertyCarriesWhatItsImplementationsGettersReturn() => Verify.VerifyAspNetCoreAsync(SourceTestModel.Header + CurrentUser + @"
class Orders
{
    private readonly ICurrentUser _user;
    public Orders(ICurrentUser user) => _user = user;
    void Place(ICurrentUser user, Crm crm)
    {
        {|#0:crm.Send(user.Email)|};
        {|#1:crm.Send(_user.Id)|};
        crm.Send(user.Tenant);
        crm.Send(user.IsAuthenticated.ToString());
    }
}",
            SourceTestModel.Res001(0, "claim email (contact.email)", "Place → Crm.Send"),
            SourceTestModel.Res001(1, "claim nameidentifier (unique_id)", "Place → Crm.Send"));

        [Fact]
        public Task AbstractAndVirtualPropertiesCarryWhatTheirOverridesReturn() => Verify.VerifyAsync(Source + @"
public abstract class Party { public abstract string Contact { get; } }
public class Person : Party { private readonly Customer _c = new Customer(); public override string Contact => _c.Email; }
public class Company : Party { public override string Contact => ""sales@contoso.example""; }
public class Label { public virtual string Text => ""none""; }
public class CustomerLabel : Label { private readonly Customer _c = new Customer(); public override string Text => _c.Name; }
public class Fancy : Label { public override string Text => ""* "" + base.Text; }
class Service
{
    void Run(Party party, Company company, Label label, Fancy fancy, Crm crm)
    {
        {|#0:crm.Send(party.Contact)|};
        crm.Send(company.Contact);
        {|#1:crm.Send(label.Text)|};
        crm.Send(fancy.Text);
    }
}", Res001(0), Res001(1));

        /// <summary>
        /// A solution's Application project declares <c>IUser</c>; the web project implements it from the claims. The web
        /// project's reads through the referenced interface run its own implementation (plain-value properties only).
        /// </summary>
        [Fact]
        public Task AReferencedInterfacesPlainValuePropertyCarriesWhatItsImplementationHereReturns()
        {
            var test = new Verify.Test
            {
                TestCode = SourceTestModel.Header + @"
public sealed class CurrentUser : Shop.Application.IUser
{
    private readonly IHttpContextAccessor _accessor;
    public CurrentUser(IHttpContextAccessor accessor) => _accessor = accessor;
    public string? Id => _accessor.HttpContext?.User?.FindFirstValue(ClaimTypes.NameIdentifier);
    public string Tenant => ""contoso"";
}
class Orders
{
    void Place(Shop.Application.IUser user, Crm crm)
    {
        {|#0:crm.Send(user.Id)|};
        crm.Send(user.Tenant);
    }
}",
            }.WithAspNetCore();
            test.TestState.AdditionalReferences.Add(Verifiers.TestReferences.Library("Shop.Application", @"
namespace Shop.Application { public interface IUser { string? Id { get; } string Tenant { get; } } }"));
            test.ExpectedDiagnostics.Add(SourceTestModel.Res001(0, "claim nameidentifier (unique_id)", "Place → Crm.Send"));
            return test.RunAsync(CancellationToken.None);
        }
    }
}
