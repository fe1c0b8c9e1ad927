using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// A callback handed to a sink gives it what it returns and what it stores into the objects its parameters receive:
    /// Sentry's <c>SentrySdk.ConfigureScope(scope =&gt; scope.User = new SentryUser { Email = c.Email })</c> attaches the
    /// e-mail to every event sent afterwards (a field test's missed US transfer).
    /// </summary>
    public class SinkCallbackTests
    {
        // A vendor SDK as a referenced assembly: the sink's callbacks configure objects of the library.
        private const string Telemetry = @"
namespace Contoso.Telemetry
{
    public class Scope
    {
        public string? User { get; set; }
        public void SetExtra(string key, object? value) { }
    }
    public class Tracker
    {
        [Residency.DataSink(""US"", Recipient = ""Contoso Telemetry"")] public void Configure(System.Action<Scope> configure) { }
        [Residency.DataSink(""US"", Recipient = ""Contoso Telemetry"")] public void Capture(string message, System.Action<Scope> configure) { }
        [Residency.DataSink(""US"", Recipient = ""Contoso Telemetry"")] public void Lazy(System.Func<string> text) { }
        [Residency.DataSink(""US"", Recipient = ""Contoso Telemetry"")] public void Search(System.Action<Request> configure) { }
    }
    public abstract class RequestBase<TSelf> where TSelf : RequestBase<TSelf>
    {
        public TSelf Header(string name, string value) => null!;
    }
    public class Request : RequestBase<Request>
    {
        public Request Index(string name) => this;
        public Request Query(System.Action<Query> configure) => this;
        public Request Sort(System.Func<Query, Query> configure) => this;
    }
    public class Query
    {
        public Query Term(string field, string value) => this;
        public Query Bool(System.Action<Query> must) => this;
    }
}";

        private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
            VerifyWithLibraryAsync(source, "Contoso.Telemetry", Telemetry, expected);

        [Fact]
        public Task WhatACallbackStoresIntoItsParameterOrReturnsIsSent() => VerifyAsync(@"
class Service
{
    void Run(Customer c, Contoso.Telemetry.Tracker t)
    {
        {|#0:t.Configure(scope => scope.User = c.Email)|};
        {|#1:t.Capture(""checkout failed"", scope => { scope.SetExtra(""name"", c.Name); })|};
        {|#2:t.Lazy(() => $""customer {c.Email}"")|};
    }
}",
            Res001(0).WithArguments("Customer.Email (contact.email)", "Tracker.Configure (recipient Contoso Telemetry)", "US (United States)", "EEA;Adequate", "Run → Tracker.Configure"),
            Res001(1).WithArguments("Customer.Name (name)", "Tracker.Capture (recipient Contoso Telemetry)", "US (United States)", "EEA;Adequate", "Run → Tracker.Capture"),
            Res001(2));

        [Fact]
        public Task ACallbackThatHandsOverNothingPersonalIsClean() => VerifyAsync(@"
class Service
{
    void Run(Customer c, Contoso.Telemetry.Tracker t)
    {
        t.Configure(scope => scope.User = c.Country);
        t.Capture(""checkout failed"", scope => scope.SetExtra(""id"", c.Id));
        t.Lazy(() => c.Id.ToString());
        var local = """";
        t.Configure(scope => local = scope.User ?? c.Email);
    }
}");

        // A request descriptor filled through nested callbacks (Elasticsearch's fluent API): the outer descriptor holds what
        // the inner ones were given, and the sink sends it; a header set through a builder base generic over the request
        // (RequestBase<TSelf>.Header returns TSelf) is kept in the request too. Fails without the library callbacks' stores
        // (0 of 4: the fourth needs the self-typed base).
        [Fact]
        public Task WhatANestedCallbackPutsIntoADescriptorIsSent() => VerifyAsync(@"
class Service
{
    void Run(Customer c, Contoso.Telemetry.Tracker t)
    {
        {|#0:t.Search(s => s.Index(""customers"").Query(q => q.Term(""email"", c.Email)))|};
        {|#1:t.Search(s => s.Query(q => q.Bool(m => { m.Term(""name"", c.Name); })))|};
        {|#2:t.Search(s => s.Sort(q => q.Term(""email"", c.Email)))|};
        {|#3:t.Search(s => s.Index(""customers"").Header(""x-user"", c.Email))|};
        t.Search(s => s.Index(""customers"").Query(q => q.Term(""country"", c.Country)));
        t.Search(s => s.Query(q => q.Bool(m => m.Term(""id"", c.Id.ToString()))));
    }
}",
            Res001(0).WithArguments("Customer.Email (contact.email)", "Tracker.Search (recipient Contoso Telemetry)", "US (United States)", "EEA;Adequate", "Run → Tracker.Search"),
            Res001(1).WithArguments("Customer.Name (name)", "Tracker.Search (recipient Contoso Telemetry)", "US (United States)", "EEA;Adequate", "Run → Tracker.Search"),
            Res001(2),
            Res001(3));
    }
}
