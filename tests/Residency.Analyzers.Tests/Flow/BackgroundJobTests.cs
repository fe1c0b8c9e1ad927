using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// A lambda converted to an expression tree is data as well as code. Hangfire's <c>BackgroundJob.Enqueue(() =&gt;
    /// mailer.Send(c.Email))</c> keeps the job's arguments in its storage (and shows them in its dashboard) until a server
    /// runs the call: the e-mail goes where <c>Send</c> sends it, and it is also handed to Hangfire. What a tree's calls
    /// are handed from outside it is what its consumer receives; what they compute from the tree's own parameters
    /// (<c>s =&gt; Join(" ", s.First, s.Last)</c>) the consumer evaluates later on its own data.
    /// </summary>
    public class BackgroundJobTests
    {
        // Hangfire.Core 1.8's enqueueing API, as a referenced assembly.
        private const string Hangfire = @"
namespace Hangfire
{
    using System;
    using System.Linq.Expressions;
    using System.Threading.Tasks;
    public static class BackgroundJob
    {
        public static string Enqueue(Expression<Action> methodCall) => """";
        public static string Enqueue(Expression<Func<Task>> methodCall) => """";
        public static string Enqueue<T>(Expression<Action<T>> methodCall) => """";
        public static string Enqueue<T>(Expression<Func<T, Task>> methodCall) => """";
        public static string Schedule(Expression<Action> methodCall, TimeSpan delay) => """";
    }
    public interface IBackgroundJobClient { }
    public static class BackgroundJobClientExtensions
    {
        public static string Enqueue(this IBackgroundJobClient client, Expression<Action> methodCall) => """";
        public static string Enqueue<T>(this IBackgroundJobClient client, Expression<Action<T>> methodCall) => """";
    }
}
namespace Contoso.Mapping
{
    using System;
    using System.Linq.Expressions;
    public static class Rules { public static void MapFrom<TSource>(Expression<Func<TSource, string>> value) { } }
    public static class Callbacks { public static void Later(Action action) { } }
}";

        private const string Jobs = @"
public class Mailer
{
    private readonly Crm _crm = new Crm();
    public void Send(string to) => _crm.Send(to);
    public Task SendAsync(string to) => _crm.SendAsync(to);
}
";

        // The same mailer for RES008's tests, whose model has no sink: only what is handed to Hangfire is reported.
        private const string QuietMailer = @"
public class Mailer
{
    public void Send(string to) { }
    public System.Threading.Tasks.Task SendAsync(string to) => System.Threading.Tasks.Task.CompletedTask;
}
";

        [Fact]
        public Task TheJobsCallIsFollowed() => VerifyWithLibraryAsync(Jobs + @"
namespace App
{
using Hangfire;
class Controller(IBackgroundJobClient jobs, Mailer mailer, Crm crm)
{
    void Run(Customer c)
    {
        Hangfire.BackgroundJob.Enqueue(() => {|#0:crm.Send(c.Email)|});
        Hangfire.BackgroundJob.Enqueue<Mailer>(m => {|#1:m.Send(c.Email)|});
        Hangfire.BackgroundJob.Schedule(() => {|#2:mailer.Send(c.Name)|}, System.TimeSpan.FromHours(1));
        jobs.Enqueue(() => {|#3:mailer.Send(c.Name)|});
    }
}
}", "Hangfire", Hangfire, Res001(0), Res001(1), Res001(2), Res001(3));

        [Fact]
        public Task TheJobsArgumentsAreHandedToHangfire() => VerifyUnclassifiedAsync(@"
namespace App
{
using Hangfire;
class Controller(IBackgroundJobClient jobs, Mailer mailer)
{
    void Run(Customer c, string reference)
    {
        {|#0:Hangfire.BackgroundJob.Enqueue(() => mailer.Send(c.Email))|};
        {|#1:Hangfire.BackgroundJob.Enqueue<Mailer>(m => m.SendAsync(c.Email))|};
        {|#2:jobs.Enqueue(() => mailer.Send(c.Name))|};
        Hangfire.BackgroundJob.Enqueue(() => mailer.Send(reference));
    }
}
}",
            Res008(0, "Customer.Email (contact.email)", "Hangfire.BackgroundJob.Enqueue"),
            Res008(1, "Customer.Email (contact.email)", "Hangfire.BackgroundJob.Enqueue"),
            Res008(2, "Customer.Name (name)", "Hangfire.BackgroundJobClientExtensions.Enqueue"));

        // The job id Enqueue returns is Hangfire's, not the data the job was given.
        [Fact]
        public Task TheJobIdCarriesNothing() => VerifyWithLibraryAsync(Jobs + @"
class Controller(Crm crm)
{
    void Run(Customer c)
    {
        var id = Hangfire.BackgroundJob.Enqueue<Mailer>(m => {|#0:m.Send(c.Email)|});
        crm.Send(id);
    }
}", "Hangfire", Hangfire, Res001(0));

        // A tree computed from its own parameters hands its consumer nothing of the caller's; a delegate (not a tree) is
        // code the library runs, not data it receives.
        [Fact]
        public Task ATreeOverItsOwnParametersOrADelegateHandsNothing() => VerifyUnclassifiedAsync(@"
class Profile
{
    void Configure(Customer c, Mailer mailer)
    {
        Contoso.Mapping.Rules.MapFrom<Customer>(s => string.Join("" "", s.Name, s.Email));
        Contoso.Mapping.Callbacks.Later(() => mailer.Send(c.Email));
    }
}");

        // Declared in residency.json as a sink (where the job storage is), Enqueue receives the tree's data there.
        [Fact]
        public async Task DeclaredAsASinkTheStorageReceivesTheTreesData()
        {
            var test = new AnalyzerVerifier<PersonalDataFlowAnalyzer>.Test
            {
                TestCode = Source + Jobs + @"
class Controller(Mailer mailer)
{
    void Run(Customer c) => {|#0:Hangfire.BackgroundJob.Enqueue(() => {|#1:mailer.Send(c.Email)|})|};
}",
            };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Hangfire", Hangfire));
            test.TestState.AdditionalFiles.Add(("residency.json", @"{ ""sinks"": [ { ""method"": ""Hangfire.BackgroundJob.Enqueue"", ""region"": ""US"", ""recipient"": ""Job storage"" } ] }"));
            test.ExpectedDiagnostics.Add(Res001(0).WithArguments("Customer.Email (contact.email)", "BackgroundJob.Enqueue (recipient Job storage)", "US (United States)", "EEA;Adequate", "Run → BackgroundJob.Enqueue"));
            test.ExpectedDiagnostics.Add(Res001(1));
            await test.RunAsync(CancellationToken.None);
        }

        private static DiagnosticResult Res008(int markup, string data, string method) =>
            Rules.RES008Tests.Res008(markup).WithArguments(data, method, "Run → " + method);

        private static async Task VerifyUnclassifiedAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerVerifier<UnclassifiedRecipientAnalyzer>.Test { TestCode = Rules.RES008Tests.Model + QuietMailer + source };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Hangfire", Hangfire));
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Vendor", Rules.RES008Tests.VendorLibrary));
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }
    }
}
