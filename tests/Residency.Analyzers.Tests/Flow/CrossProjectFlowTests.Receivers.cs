using System;
using System.Linq;
using System.Threading.Tasks;
using Residency.Analyzers.Tests.Verifiers;
using Residency.Facts;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// What a library's method does with the object it runs on (docs/cross-project.md, "The object a method runs on"): an
    /// instance method that sends a field of its object is exported with the receiver as its parameter, and a project that
    /// builds the object from personal data and calls the method reports the flow at the call.
    /// </summary>
    public sealed partial class CrossProjectFlowTests
    {
        private const string Notifications = @"
using Residency;
namespace Contoso.Notify
{
    public class UsPush { [DataSink(""US"", Recipient = ""Acme Push"")] public void Push(string value) { } }
    public class Notifier
    {
        private readonly string _to;
        public Notifier(string to) { _to = to; }
        public void Notify() => new UsPush().Push(_to);
        public static void Ping() => new UsPush().Push(""ping"");
    }
    public class Message
    {
        public string To { get; set; } = """";
        public string Subject { get; set; } = """";
        public void SendTo() => new UsPush().Push(To);
    }
}";

        [Fact]
        public async Task ALibraryMethodThatSendsWhatItsObjectHoldsIsAFlowWhereTheObjectIsBuilt()
        {
            var (flows, _) = await ExportsAndSourcesOf(Notifications, "Contoso.Notify");
            var notify = Assert.Single(flows, e => e.Method == "M:Contoso.Notify.Notifier.Notify");
            Assert.Equal(ExportedFlow.ReceiverParameter, notify.Parameter);
            Assert.Equal("F:Contoso.Notify.Notifier._to", notify.Member);
            Assert.Equal(new[] { "Notify", "UsPush.Push" }, notify.Path);
            var sendTo = Assert.Single(flows, e => e.Method == "M:Contoso.Notify.Message.SendTo");
            Assert.Equal("P:Contoso.Notify.Message.To", sendTo.Member);
            Assert.DoesNotContain(flows, e => e.Method.Contains("Ping", StringComparison.Ordinal));

            const string web = @"
using Residency;
using Contoso.Notify;
public class Customer { [PersonalData(""contact.email"")] public string Email { get; set; } = """"; public string Country { get; set; } = """"; }
public class Signup
{
    public void Built(Customer c) => new Notifier(c.Email).Notify();
    public void Kept(Customer c) { var n = new Notifier(c.Email); n.Notify(); }
    public void Member(Customer c) => new Message { To = c.Email }.SendTo();
    public void OtherMember(Customer c) => new Message { Subject = c.Email }.SendTo();
    public void Clean(Customer c) => new Notifier(c.Country).Notify();
    public void Injected(Notifier n) => n.Notify();
}";
            var reference = TestReferences.Library("Contoso.Notify", Notifications);
            var diagnostics = await AnalyseApplication(new[] { WriteExports(flows, name: "Contoso.Notify") }, web, reference);

            var violations = diagnostics.Where(d => d.Id == "RES001").Select(Line).OrderBy(l => l).ToList();
            Assert.Equal(new[] { 7, 8, 9 }, violations);
            Assert.Contains(diagnostics, d => Line(d) == 7 && d.GetMessage().Contains("Customer.Email (contact.email)", StringComparison.Ordinal) && d.GetMessage().Contains("Built → Notify → UsPush.Push", StringComparison.Ordinal));
            Assert.DoesNotContain(diagnostics, d => d.Id == "RES008" && Line(d) is 7 or 8 or 9);

            // Without the exports, the library's method is an unclassified recipient at most: no violation.
            Assert.DoesNotContain(await AnalyseApplication(Array.Empty<string>(), web, reference), d => d.Id == "RES001");
        }
    }
}
