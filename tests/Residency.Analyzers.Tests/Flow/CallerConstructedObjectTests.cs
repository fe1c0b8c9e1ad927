using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// A caller that builds a personal object and hands it whole to a method that reads and sends its members is not
    /// where the data is read: the finding belongs to the callee, once (location rule).
    /// </summary>
    public class CallerConstructedObjectTests
    {
        private const string Code = @"
using System;
using Residency;
public class Customer { public Guid Id { get; init; } [PersonalData(""contact.email"")] public string Email { get; init; } = """"; }
public class Ticket { public int Number { get; init; } public Customer Customer { get; init; } = new(); }
public class Crm { [DataSink(""US"")] public void Send(string s) { } }
public class Service
{
    private readonly Crm _crm = new();
    public void Handle(Ticket t) { {|#0:_crm.Send(t.Customer.Email)|}; }
}
public static class Program
{
    public static void Main(Service s)
    {
        var ticket = new Ticket { Number = 1, Customer = new Customer { Id = Guid.NewGuid(), Email = ""ada@example.org"" } };
        s.Handle(ticket);
    }
}";

        [Fact]
        public Task ReportedOnlyInTheMethodThatReadsTheMember() => Verify.VerifyAsync(Code,
            Verify.Diagnostic("RES001").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

        [Fact]
        public Task WholeObjectForwardedToASinkIsReportedOnceInTheMethodThatReceivesIt() => Verify.VerifyAsync(@"
using Residency;
public class Customer { [PersonalData(""contact.email"")] public string Email { get; init; } = """"; }
[DataSink(""US"")] public class Store { public void Save(Customer c) { } }
public class Service
{
    private readonly Store _store = new();
    public void Handle(Customer c) { {|#0:_store.Save(c)|}; }
}
public static class Program
{
    public static void Main(Service s) { s.Handle(new Customer { Email = ""ada@example.org"" }); }
}", Verify.Diagnostic("RES001").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

        [Fact]
        public Task WholeObjectPassedAsObjectIsReportedAtTheCaller() => Verify.VerifyAsync(@"
using Residency;
public class Customer { [PersonalData(""contact.email"")] public string Email { get; init; } = """"; }
[DataSink(""US"")] public class Store { public void Save(object o) { } }
public class Service
{
    private readonly Store _store = new();
    public void Handle(object payload) { _store.Save(payload); }
}
public static class Program
{
    public static void Main(Service s, Customer c) { {|#0:s.Handle(c)|}; }
}", Verify.Diagnostic("RES001").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

        [Fact]
        public Task ObjectStoredInAnObjectTypedMemberKeepsItsData() => Verify.VerifyAsync(@"
using Residency;
public class Customer { [PersonalData(""contact.email"")] public string Email { get; init; } = """"; }
public class Envelope { public object? Payload { get; set; } }
public class Crm { [DataSink(""US"")] public void Send(object s) { } }
public class Service
{
    public void Run(Customer c, Crm crm)
    {
        var envelope = new Envelope { Payload = c };
        {|#0:crm.Send(envelope.Payload!)|};
    }
}", Verify.Diagnostic("RES001").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
    }
}
