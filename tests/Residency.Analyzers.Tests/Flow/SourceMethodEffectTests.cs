using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// Flows that must not be invented: what comes back from a sink call is the remote's data, and a method of the
    /// application is analysed, not guessed from its name.
    /// </summary>
    public class SourceMethodEffectTests
    {
        [Fact]
        public Task ResponseOfASinkCallIsNotTheRequest() => Verify.VerifyAsync(Source + @"
public class Remote
{
    [DataSink(""US"", Recipient = ""Registry"")] public string Lookup(string query) => ""result"";
}
class Service
{
    void Run(Customer c, Remote remote, Crm crm)
    {
        var answer = {|#0:remote.Lookup(c.Email)|};
        crm.Send(answer);
        var echo = c.Name;
        {|#1:crm.Send(echo)|};
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task ResponseOfAnHttpCallIsNotTheRequest() => Verify.VerifyAsync(Source + @"
class Service
{
    private static readonly System.Net.Http.HttpClient Http = new System.Net.Http.HttpClient { BaseAddress = new Uri(""https://api.example.us/"") };
    async Task Run(Customer c, Crm crm)
    {
        var response = await {|#0:Http.GetAsync(""packages?owner="" + c.Email)|};
        var body = await response.Content.ReadAsStringAsync();
        crm.Send(body);
    }
}", Verify.Diagnostic("RES003").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations));

        [Fact]
        public Task ApplicationMethodNamedLikeAMutatorIsAnalysed() => Verify.VerifyAsync(Source + @"
public class SettingsManager
{
    private readonly Dictionary<string, int> _counts = new Dictionary<string, int>();
    public void AddOrUpdateSetting(string key, string value) { _counts[key] = value.Length; }
    public string GetSetting(string key) => _counts.TryGetValue(key, out var n) ? n.ToString() : """";
}
public interface ISettings { void SetValue(string key, string value); string Describe(); }
class Service
{
    void Run(Customer c, SettingsManager settings, ISettings other, Crm crm)
    {
        settings.AddOrUpdateSetting(""admin"", c.Email);
        crm.Send(settings.GetSetting(""admin""));
        other.SetValue(""admin"", c.Email);
        crm.Send(other.Describe());
    }
}");

        [Fact]
        public Task ExternalMutatorsStillStoreIntoTheirReceiver() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var list = new List<string>();
        list.Add(c.Email);
        {|#0:crm.SendObject(list)|};
        var sb = new StringBuilder();
        sb.Append(c.Name);
        {|#1:crm.Send(sb.ToString())|};
    }
}", Res001(0), Res001(1));
    }
}
