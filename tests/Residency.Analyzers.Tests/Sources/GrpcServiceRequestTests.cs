using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;

namespace Residency.Analyzers.Tests.Sources
{
    /// <summary>
    /// A gRPC service's request is the client's message (<c>sources.json</c>, "requestHandlers" <c>serviceBaseAttributes</c>):
    /// in an override of the base Grpc.Tools generates for the service (marked <c>[BindServiceMethod]</c>), the request's
    /// members that name personal data are sources, as a controller action's body is.
    /// </summary>
    public class GrpcServiceRequestTests
    {
        // Grpc.Core.Api's attribute and call context, as a referenced assembly.
        private const string GrpcCore = @"
namespace Grpc.Core
{
    [System.AttributeUsage(System.AttributeTargets.Class)]
    public class BindServiceMethodAttribute : System.Attribute
    {
        public BindServiceMethodAttribute(System.Type bindType, string bindMethodName) { }
    }
    public abstract class ServerCallContext { }
}";

        // What Grpc.Tools generates for `service Customers { rpc Register (RegisterRequest) returns (RegisterReply); }` (abridged):
        // the messages, with explicit properties over fields, and the service's base class.
        private const string Generated = @"
public sealed partial class RegisterRequest
{
    private string email_ = """";
    private string plan_ = """";
    public RegisterRequest() { }
    public string Email { get { return email_; } set { email_ = value; } }
    public string Plan { get { return plan_; } set { plan_ = value; } }
}
public sealed partial class RegisterReply { public string Id { get; set; } = """"; }
public static partial class Customers
{
    [Grpc.Core.BindServiceMethod(typeof(Customers), ""BindService"")]
    public abstract partial class CustomersBase
    {
        public virtual Task<RegisterReply> Register(RegisterRequest request, Grpc.Core.ServerCallContext context) => throw new System.NotImplementedException();
    }
}
public abstract class Workflow
{
    public virtual Task<RegisterReply> Register(RegisterRequest request) => Task.FromResult(new RegisterReply());
}
";

        [Fact]
        public Task AServicesRequestHoldsItsPersonalMembers() => VerifyWithLibraryAsync(Generated + @"
public class CustomersService(Crm crm) : Customers.CustomersBase
{
    public override Task<RegisterReply> Register(RegisterRequest request, Grpc.Core.ServerCallContext context)
    {
        {|#0:crm.Send(request.Email)|};
        crm.Send(request.Plan);
        return Task.FromResult(new RegisterReply());
    }
}
public class Onboarding(Crm crm) : Workflow
{
    public override Task<RegisterReply> Register(RegisterRequest request) { crm.Send(request.Email); return Task.FromResult(new RegisterReply()); }
}", "Grpc.Core.Api", GrpcCore, Res001(0));
    }
}
