using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// An SDK's own interface that its clients implement is a client type of their entry: Mollie's <c>IPaymentClient</c>,
    /// which <c>AddMollieApi()</c> registers and the application injects, is implemented by <c>PaymentClient</c>, a
    /// <c>BaseMollieClient</c>. A field test found the call through the interface dropped (no flow, no RES008: the
    /// interface's namespace is the SDK's own, which is local), while the same call on the class was a flow.
    /// </summary>
    public class SdkInterfaceTests
    {
        // The shape of Mollie.Api's clients, as a referenced assembly (metadata only, as the package is).
        private const string MollieLibrary = @"
namespace Mollie.Api.Models.Payment.Request
{
    public class PaymentRequest { public string Description { get; set; } = """"; }
}
namespace Mollie.Api.Client.Abstract
{
    public interface IBaseMollieClient { void SetIdempotencyKey(string key); }
    public interface IPaymentClient : IBaseMollieClient
    {
        System.Threading.Tasks.Task<string> CreatePaymentAsync(Mollie.Api.Models.Payment.Request.PaymentRequest paymentRequest);
    }
}
namespace Mollie.Api.Client
{
    public abstract class BaseMollieClient : Mollie.Api.Client.Abstract.IBaseMollieClient
    {
        public void SetIdempotencyKey(string key) { }
    }
    public class PaymentClient : BaseMollieClient, Mollie.Api.Client.Abstract.IPaymentClient
    {
        public PaymentClient(string apiKey) { }
        public System.Threading.Tasks.Task<string> CreatePaymentAsync(Mollie.Api.Models.Payment.Request.PaymentRequest paymentRequest) => System.Threading.Tasks.Task.FromResult("""");
    }
}";

        private static readonly MetadataReference Mollie = TestReferences.Library("Mollie.Api", MollieLibrary);

        private const string Uses = "using Mollie.Api.Client.Abstract;\nusing Mollie.Api.Models.Payment.Request;\n";

        [Fact]
        public void ACallThroughTheSdksInterfaceIsACallOnItsClient()
        {
            var sink = Assert.Single(SinkProbe.Single(Uses + @"
class Billing(IPaymentClient payments)
{
    public Task Charge(Customer customer) => payments.CreatePaymentAsync(new PaymentRequest { Description = ""Invoice "" + customer.Name });
}", null, null, Mollie).Sinks);
            Assert.Equal("IPaymentClient.CreatePaymentAsync api.mollie.com", sink.Display);
            Assert.Equal("NL", sink.Region.Code);
            Assert.Equal("Mollie", sink.Recipient);
        }

        [Fact]
        public Task ItsFlowIsJudgedLikeTheClassesAndAnApplicationInterfaceIsNot() => EndpointTest.VerifyAsync(Uses + @"
interface IInvoices { Task Send(string text); }
class Billing(IPaymentClient payments, IInvoices invoices)
{
    public async Task Charge(Customer customer)
    {
        await {|#0:payments.CreatePaymentAsync(new PaymentRequest { Description = ""Invoice "" + customer.Name })|};
        await invoices.Send(customer.Name);
    }
}", null, new[] { ("_ResidencyAllowedRegions", "DE") }, new[] { Mollie }, Res001(0));
    }
}
