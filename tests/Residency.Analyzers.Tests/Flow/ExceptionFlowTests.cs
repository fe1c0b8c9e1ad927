using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// Exceptional control flow: catch, filter and finally blocks are entered through the graph's regions, not through
    /// ordinary branches; data that may be live when an exception is raised reaches the handlers, and a finally runs on
    /// every exit (docs/flow-semantics.md).
    /// </summary>
    public class ExceptionFlowTests
    {
        private const string Helpers = @"
public sealed class Resource : IDisposable
{
    public void Use() { }
    public void Dispose() { }
}

public static class Io
{
    public static void Risky() { }
    public static Task RiskyAsync() => Task.CompletedTask;
    public static bool Log(Crm crm, string text) { crm.Send(text); return true; }
}
";

        [Fact]
        public Task CatchBlockIsAnalysed() => Verify.VerifyAsync(Source + Helpers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        try { Io.Risky(); } catch { {|#0:crm.Send(c.Email)|}; }
        try { Io.Risky(); } catch { crm.Send(c.Country); }
    }
}", Res001(0));

        [Fact]
        public Task DataReadInTryReachesCatch() => Verify.VerifyAsync(Source + Helpers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var a = """";
        try { a = c.Email; Io.Risky(); a = """"; } catch (Exception) { {|#0:crm.Send(a)|}; }
    }
}", Res001(0));

        [Fact]
        public Task DataAssignedAfterTheTryDoesNotReachItsCatch() => Verify.VerifyAsync(Source + Helpers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var a = """";
        try { Io.Risky(); } catch (Exception) { crm.Send(a); }
        a = c.Email;
        var b = c.Country;
        try { Io.Risky(); } catch (Exception) { crm.Send(b); }
    }
}");

        [Fact]
        public Task TypedCatchesAndFilters() => Verify.VerifyAsync(Source + Helpers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var a = c.Name;
        try { Io.Risky(); }
        catch (InvalidOperationException e) when (e.HResult > 0) { {|#0:crm.Send(a)|}; }
        catch (ArgumentException) { {|#1:crm.Send(c.Email)|}; }
        catch (Exception) { crm.Send(c.Country); }
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task FilterIsAnalysed() => Verify.VerifyAsync(Source + Helpers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        try { Io.Risky(); } catch (Exception) when ({|#0:Io.Log(crm, c.Email)|}) { }
        try { Io.Risky(); } catch (Exception) when (Io.Log(crm, c.Country)) { }
    }
}", Res001(0));

        [Fact]
        public Task FinallyRunsAfterTheTry() => Verify.VerifyAsync(Source + Helpers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var a = """";
        try { a = c.Email; Io.Risky(); } finally { {|#0:crm.Send(a)|}; }
        var b = """";
        try { Io.Risky(); } finally { b = c.Name; }
        {|#1:crm.Send(b)|};
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task FinallyThatOverwritesOnEveryExitCleans() => Verify.VerifyAsync(Source + Helpers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var a = """";
        try { a = c.Email; Io.Risky(); } finally { a = """"; }
        crm.Send(a);
        var b = c.Country;
        try { Io.Risky(); } finally { crm.Send(b); }
    }
}");

        [Fact]
        public Task ReturnThroughFinally() => Verify.VerifyAsync(Source + Helpers + @"
class Service
{
    static string Load(Customer c, Crm crm)
    {
        var note = c.Name;
        try { return c.Email; }
        finally { {|#0:crm.Send(note)|}; }
    }

    static string LoadCountry(Customer c)
    {
        try { return c.Country; } finally { Io.Risky(); }
    }

    void Run(Customer c, Crm crm)
    {
        {|#1:crm.Send(Load(c, crm))|};
        crm.Send(LoadCountry(c));
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task UsingStatementAndDeclaration() => Verify.VerifyAsync(Source + Helpers + @"
class Service
{
    static string Read(Customer c) { using (var r = new Resource()) { r.Use(); return c.Email; } }
    static string ReadCountry(Customer c) { using var r = new Resource(); r.Use(); return c.Country; }

    void Run(Customer c, Crm crm)
    {
        var a = """";
        try
        {
            using var r = new Resource();
            a = c.Name;
            r.Use();
            a = """";
        }
        catch { {|#0:crm.Send(a)|}; }
        {|#1:crm.Send(Read(c))|};
        crm.Send(ReadCountry(c));
        var b = """";
        using (var r = new Resource()) { b = c.Country; }
        crm.Send(b);
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task Lock() => Verify.VerifyAsync(Source + Helpers + @"
class Service
{
    private readonly object _gate = new object();

    void Run(Customer c, Crm crm)
    {
        var a = """";
        lock (_gate) { a = c.Email; }
        {|#0:crm.Send(a)|};
        var b = """";
        lock (_gate) { b = c.Country; }
        crm.Send(b);
        lock (_gate) { {|#1:crm.Send(c.Name)|}; }
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task ForEachOverDisposableEnumerators() => Verify.VerifyAsync(Source + Helpers + @"
class Service
{
    static IEnumerable<Customer> All(List<Customer> list) { foreach (var x in list) { yield return x; } }

    void Run(List<Customer> customers, Crm crm)
    {
        var last = """";
        foreach (var x in customers) { last = x.Email; }
        {|#0:crm.Send(last)|};
        var name = """";
        foreach (var x in All(customers)) { name = x.Name; }
        {|#1:crm.Send(name)|};
        var country = """";
        foreach (var x in All(customers)) { country = x.Country; }
        crm.Send(country);
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task AwaitInCatchAndFinally() => Verify.VerifyAsync(Source + Helpers + @"
class Service
{
    async Task Run(Customer c, Crm crm)
    {
        try { await Io.RiskyAsync(); }
        catch (Exception) { await {|#0:crm.SendAsync(c.Email)|}; }
        finally { await {|#1:crm.SendAsync(c.Name)|}; }
        try { await Io.RiskyAsync(); }
        catch (Exception) { await crm.SendAsync(c.Country); }
        finally { await crm.SendAsync(c.Id.ToString()); }
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task ThrownDataReachesTheCatch() => Verify.VerifyAsync(Source + Helpers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        try { throw new InvalidOperationException(c.Email); }
        catch (Exception e) { {|#0:crm.Send(e.Message)|}; }
        try { throw new InvalidOperationException(c.Country); }
        catch (Exception e) { crm.Send(e.Message); }
    }
}", Res001(0));

        [Fact]
        public Task RethrowReachesTheOuterCatch() => Verify.VerifyAsync(Source + Helpers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        try
        {
            try { throw new InvalidOperationException(c.Name); }
            catch (InvalidOperationException) { throw; }
        }
        catch (Exception e) { {|#0:crm.Send(e.Message)|}; }
        try
        {
            try { Io.Risky(); }
            catch (InvalidOperationException) { throw; }
        }
        catch (Exception e) { crm.Send(e.Message); }
    }
}", Res001(0));

        [Fact]
        public Task NestedTryReachesOuterHandlers() => Verify.VerifyAsync(Source + Helpers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var a = """";
        try
        {
            try { a = c.Email; Io.Risky(); a = """"; }
            finally { Io.Risky(); }
        }
        catch { {|#0:crm.Send(a)|}; }
        var b = """";
        try
        {
            try { b = c.Country; Io.Risky(); }
            finally { Io.Risky(); }
        }
        catch { crm.Send(b); }
    }
}", Res001(0));

        [Fact]
        public Task CaughtExceptionIsCleanAfterItsCatch() => Verify.VerifyAsync(Source + Helpers + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        try { throw new InvalidOperationException(c.Email); }
        catch (Exception) { }
        try { Io.Risky(); }
        catch (Exception e) { crm.Send(e.Message); }
    }
}");


        // A lambda's graph has its own region tree, but its root region encloses it in the parent's: the `using` around a
        // loop (a BackgroundService's timer) put the parent's finally among the lambda's handlers, and the worklist indexed
        // past the lambda's blocks (AD0001 in a field test; the whole facts file was lost).
        [Fact]
        public Task ALambdaInsideAUsingIsAnalysedOnItsOwnGraph() => Verify.VerifyAsync(Source + @"
public class Person
{
    [PersonalData(""name"")] public string Name { get; set; } = """";
    public bool Done { get; set; }
    public DateTime At { get; set; }
}
public class Sender
{
    [DataSink(""US"", Recipient = ""Acme"")] public void Send(Person p) { }
}
public class Worker
{
    public async Task Run(List<Person> people, Sender sender, System.Threading.CancellationToken ct)
    {
        using var timer = new System.Threading.PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(ct))
        {
            var horizon = DateTime.UtcNow.AddHours(24);
            var due = people.Where(p => !p.Done && p.At <= horizon && p.At > DateTime.UtcNow).ToList();
            foreach (var p in due) {|#0:sender.Send(p)|};
        }
    }
}", Res001(0));
    }
}
