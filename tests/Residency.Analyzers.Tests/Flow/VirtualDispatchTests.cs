using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// Calls through the application's own interfaces and virtual methods follow every implementation in the compilation
    /// (a may-analysis), up to a bound (docs/flow-semantics.md).
    /// </summary>
    public class VirtualDispatchTests
    {
        [Fact]
        public Task InterfaceCallReachesTheImplementationThatSends() => Verify.VerifyAsync(Source + @"
public interface IProfileExporter { Task ExportAsync(string email); }
public class CrmExporter : IProfileExporter
{
    private readonly Crm _crm = new Crm();
    public Task ExportAsync(string email) { _crm.Send(email); return Task.CompletedTask; }
}
public class NullExporter : IProfileExporter { public Task ExportAsync(string email) => Task.CompletedTask; }
class Service
{
    private readonly IProfileExporter _exporter;
    public Service(IProfileExporter exporter) { _exporter = exporter; }
    async Task Run(Customer c)
    {
        await {|#0:_exporter.ExportAsync(c.Email)|};
        await _exporter.ExportAsync(c.Country);
    }
}", Res001(0));

        [Fact]
        public Task InterfaceWhoseImplementationsDoNotSend() => Verify.VerifyAsync(Source + @"
public interface IAudit { void Record(string text); }
public class MemoryAudit : IAudit { private readonly List<string> _lines = new List<string>(); public void Record(string text) => _lines.Add(text.Length.ToString()); }
class Service
{
    void Run(Customer c, IAudit audit) { audit.Record(c.Email); }
}");

        [Fact]
        public Task VirtualAndAbstractCallsReachOverrides() => Verify.VerifyAsync(Source + @"
public abstract class Channel { public abstract void Publish(string text); }
public class CrmChannel : Channel { private readonly Crm _crm = new Crm(); public override void Publish(string text) => _crm.Send(text); }
public class Notifier { public virtual void Notify(string text) { } }
public class CrmNotifier : Notifier { private readonly Crm _crm = new Crm(); public override void Notify(string text) => _crm.Send(text); }
public class SilentNotifier : Notifier { public override void Notify(string text) { } }
class Service
{
    void Run(Customer c, Channel channel, Notifier notifier, SilentNotifier silent)
    {
        {|#0:channel.Publish(c.Email)|};
        {|#1:notifier.Notify(c.Name)|};
        silent.Notify(c.Name);
        notifier.Notify(c.Country);
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task ReturnsOfImplementationsAreJoined() => Verify.VerifyAsync(Source + @"
public interface IFormatter { string Format(Customer c); }
public class MailFormatter : IFormatter { public string Format(Customer c) => c.Email; }
public interface ICountryFormatter { string Format(Customer c); }
public class CountryFormatter : ICountryFormatter { public string Format(Customer c) => c.Country; }
class Service
{
    void Run(Customer c, IFormatter f, ICountryFormatter g, Crm crm)
    {
        {|#0:crm.Send(f.Format(c))|};
        crm.Send(g.Format(c));
    }
}", Res001(0));
    }
}
