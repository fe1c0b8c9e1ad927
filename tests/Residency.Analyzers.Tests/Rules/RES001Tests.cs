using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Rules
{
    public class RES001Tests
    {
        private const string Model = @"
using Residency;
public class Customer
{
    public int Id { get; set; }
    [PersonalData(""contact.email"", Subject = ""customer"")] public string Email { get; set; } = """";
    [PersonalData(""name"")] public string Name { get; set; } = """";
}
public class Crm
{
    [DataSink(""US"", Recipient = ""Acme CRM"")] public void Send(string payload) { }
    [DataSink(""DE"")] public void SendDe(string payload) { }
    [DataSink(""NO"")] public void SendNo(string payload) { }
    [DataSink(""CH"")] public void SendCh(string payload) { }
    [DataSink(""us"")] public void SendLower(string payload) { }
    [DataSink(""EU"")] public void SendEu(string payload) { }
    [DataSink(""US"")] public void SendUsObject(object payload) { }
}
";

        private static DiagnosticResult Res001(int markup) =>
            Verify.Diagnostic("RES001").WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        // fideslang's files write keys with a "user." prefix; the record keys them without it, as the docs do.
        [Fact]
        public Task AFideslangKeyWithItsUserPrefixIsTheSameCategory() => Verify.VerifyAsync(Model + @"
public class Applicant { [PersonalData(""user.government_id.national_identification_number"")] public string NationalId { get; set; } = """"; }
class Service
{
    void Run(Applicant a, Crm crm) { {|#0:crm.Send(a.NationalId)|}; }
}", Res001(0).WithArguments("Applicant.NationalId (government_id.national_identification_number)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"));

        [Fact]
        public Task PersonalMemberToUsSinkIsReported() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Customer c, Crm crm) { {|#0:crm.Send(c.Email)|}; }
}", Res001(0));

        [Fact]
        public Task MessageNamesDataSinkRegionAndPath() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Customer c, Crm crm) { {|#0:crm.Send(c.Email)|}; }
}", Res001(0).WithArguments("Customer.Email (contact.email)", "Crm.Send (recipient Acme CRM)", "US (United States)", "EEA;Adequate", "Run → Crm.Send"));

        [Theory]
        [InlineData("SendDe")]
        [InlineData("SendNo")]
        [InlineData("SendCh")]
        [InlineData("SendEu")]
        public Task AllowedRegionsAreNotReported(string method) => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Customer c, Crm crm) { crm." + method + @"(c.Email); }
}");

        [Fact]
        public Task LowerCaseRegionCodeIsUnderstood() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Customer c, Crm crm) { {|#0:crm.SendLower(c.Name)|}; }
}", Res001(0));

        [Fact]
        public Task NonPersonalMemberIsNotReported() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Customer c, Crm crm) { crm.Send(c.Id.ToString()); crm.Send(""hello""); }
}");

        [Fact]
        public Task FlowThroughLocalsAndStringOperations() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var email = c.Email;
        var text = ""Dear "" + c.Name + "", your address "" + email.ToUpperInvariant();
        {|#0:crm.Send($""{text}!"")|};
    }
}", Res001(0));

        [Fact]
        public Task OverwrittenLocalIsClean() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var text = c.Email;
        text = ""redacted"";
        crm.Send(text);
    }
}");

        [Fact]
        public Task PolicyFromMsBuildPropertyIsHonoured() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Customer c, Crm crm) { {|#0:crm.SendCh(c.Email)|}; crm.SendDe(c.Email); }
}", new[] { ("ResidencyAllowedRegions", "EU") }, Res001(0));

        [Fact]
        public Task UsAllowedWhenListedExplicitly() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run(Customer c, Crm crm) { crm.Send(c.Email); }
}", new[] { ("_ResidencyAllowedRegions", "EEA,Adequate,US") });

        [Fact]
        public Task PersonalParameterIsASource() => Verify.VerifyAsync(Model + @"
class Service
{
    void Run([PersonalData(""contact.email"")] string email, Crm crm) { {|#0:crm.Send(email)|}; }
}", Res001(0));

        [Fact]
        public Task PersonalTypePassedWholeIsReported() => Verify.VerifyAsync(Model + @"
[PersonalData(Subject = ""patient"")]
public class Person { public string Nick { get; set; } = """"; }
class Service
{
    void Run(Person p, Crm crm) { {|#0:crm.SendUsObject(p)|}; {|#1:crm.Send(p.Nick)|}; }
}", Res001(0), Res001(1));

        [Fact]
        public Task SinkOnParameterOnlySendsThatArgument() => Verify.VerifyAsync(Model + @"
class Mailer
{
    public void Send(string localLog, [DataSink(""US"", Recipient = ""Mailer"")] string body) { }
}
class Service
{
    void Run(Customer c, Mailer m) { m.Send(c.Email, ""x""); {|#0:m.Send(""x"", c.Email)|}; }
}", Res001(0));

        [Fact]
        public Task SinkOnTypeCoversAllMethods() => Verify.VerifyAsync(Model + @"
[DataSink(""CN"", Recipient = ""Analytics"")]
class Analytics { public void Track(string e) { } public void Identify(string id) { } }
class Service
{
    void Run(Customer c, Analytics a) { {|#0:a.Track(c.Email)|}; {|#1:a.Identify(c.Name)|}; }
}", Res001(0), Res001(1));

        [Fact]
        public Task SinkOnInterfaceCoversImplementations() => Verify.VerifyAsync(Model + @"
public interface ICrm { [DataSink(""US"")] void Push(string s); }
class Impl : ICrm { public void Push(string s) { } }
class Service
{
    void Run(Customer c, ICrm i, Impl impl) { {|#0:i.Push(c.Email)|}; {|#1:impl.Push(c.Email)|}; }
}", Res001(0), Res001(1));

        [Fact]
        public Task SinksInheritedFromBaseTypesAndInterfacesCoverTheirMethods() => Verify.VerifyAsync(Model + @"
[DataSink(""US"")] public interface ITracker { void Track(string e); }
class Tracker : ITracker { public void Track(string e) { } public void Extra(string e) { } }
[DataSink(""CN"")] class Base { }
class Derived : Base { public void Send(string s) { } }
public interface IStore<T> { [DataSink(""US"")] void Put(T item); void Other(T item); }
class Store : IStore<string> { public void Put(string item) { } public void Other(string item) { } }
class Service
{
    void Run(Customer c, Tracker t, Derived d, Store s)
    {
        {|#0:t.Track(c.Email)|}; {|#1:t.Extra(c.Email)|}; {|#2:d.Send(c.Email)|}; {|#3:s.Put(c.Email)|}; s.Other(c.Email);
    }
}", Res001(0), Res001(1), Res001(2), Res001(3));

        [Fact]
        public Task SinkFieldHoldingClient() => Verify.VerifyAsync(Model + @"
class Client { public void Post(string s) { } }
class Service
{
    [DataSink(""US"", Recipient = ""Vendor"")] private readonly Client _client = new Client();
    void Run(Customer c) { {|#0:_client.Post(c.Email)|}; }
}", Res001(0));

        [Fact]
        public Task IdentityPersonalDataIsASource() => Verify.VerifyAsync(@"
namespace Microsoft.AspNetCore.Identity
{
    [System.AttributeUsage(System.AttributeTargets.Property)] public class PersonalDataAttribute : System.Attribute { }
    [System.AttributeUsage(System.AttributeTargets.Property)] public class ProtectedPersonalDataAttribute : PersonalDataAttribute { }
    public class IdentityUser { [ProtectedPersonalData] public virtual string? Email { get; set; } public virtual string? SecurityStamp { get; set; } }
}
class Crm { [Residency.DataSink(""US"")] public void Send(string? s) { } }
class Service
{
    void Run(Microsoft.AspNetCore.Identity.IdentityUser u, Crm crm) { {|#0:crm.Send(u.Email)|}; crm.Send(u.SecurityStamp); }
}", Res001(0).WithArguments("IdentityUser.Email (contact.email)", "Crm.Send", "US (United States)", "EEA;Adequate", "Run → Crm.Send"));

        [Fact]
        public Task DataClassificationSubclassIsASource() => Verify.VerifyAsync(@"
namespace Microsoft.Extensions.Compliance.Classification
{
    public abstract class DataClassificationAttribute : System.Attribute { }
    public sealed class NoDataClassificationAttribute : DataClassificationAttribute { }
}
public sealed class PrivateDataAttribute : Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute { }
public class Order
{
    [PrivateData] public string Buyer { get; set; } = """";
    [Microsoft.Extensions.Compliance.Classification.NoDataClassification] public string Sku { get; set; } = """";
}
class Crm { [Residency.DataSink(""US"")] public void Send(string s) { } }
class Service
{
    void Run(Order o, Crm crm) { {|#0:crm.Send(o.Buyer)|}; crm.Send(o.Sku); }
}", Res001(0).WithArguments("Order.Buyer (PrivateData)", "Crm.Send", "US (United States)", "EEA;Adequate", "Run → Crm.Send"));
    }
}
