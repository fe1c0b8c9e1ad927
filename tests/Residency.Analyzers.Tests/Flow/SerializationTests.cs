using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    public class SerializationTests
    {
        private const string Newtonsoft = @"
namespace Newtonsoft.Json
{
    public static class JsonConvert
    {
        public static string SerializeObject(object? o) => """";
        public static T? DeserializeObject<T>(string s) => default;
    }
}
";

        [Fact]
        public Task SystemTextJsonSerialize() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, List<Customer> all, Crm crm)
    {
        {|#0:crm.Send(System.Text.Json.JsonSerializer.Serialize(c))|};
        var json = System.Text.Json.JsonSerializer.Serialize(all);
        {|#1:crm.Send(json)|};
        {|#2:crm.Send(System.Text.Json.JsonSerializer.Serialize(new { c.Email }))|};
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(c);
        {|#3:crm.SendObject(bytes)|};
    }
}", Res001(0), Res001(1), Res001(2), Res001(3));

        [Fact]
        public Task SystemTextJsonOfNonPersonalDataIsClean() => Verify.VerifyAsync(Source + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        crm.Send(System.Text.Json.JsonSerializer.Serialize(new { c.Id, c.Country }));
        crm.Send(System.Text.Json.JsonSerializer.Serialize(c.Id));
        crm.Send(System.Text.Json.JsonSerializer.Serialize(new Dto { Number = 3 }));
    }
}");

        [Fact]
        public Task NewtonsoftSerializeObject() => Verify.VerifyAsync(Source + Newtonsoft + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        {|#0:crm.Send(Newtonsoft.Json.JsonConvert.SerializeObject(c))|};
        {|#1:crm.Send(Newtonsoft.Json.JsonConvert.SerializeObject(new { c.Name }))|};
        crm.Send(Newtonsoft.Json.JsonConvert.SerializeObject(new { c.Id }));
        crm.Send(Newtonsoft.Json.JsonConvert.SerializeObject(c.Country));
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task DeserializedPersonalTypeIsPersonal() => Verify.VerifyAsync(Source + Newtonsoft + @"
class Service
{
    void Run(string json, Crm crm)
    {
        var c = System.Text.Json.JsonSerializer.Deserialize<Customer>(json)!;
        {|#0:crm.Send(c.Email)|};
        crm.Send(c.Country);
        var d = Newtonsoft.Json.JsonConvert.DeserializeObject<Customer>(json)!;
        {|#1:crm.Send(d.Name)|};
        crm.Send(d.Id.ToString());
    }
}", Res001(0), Res001(1));
    }
}
