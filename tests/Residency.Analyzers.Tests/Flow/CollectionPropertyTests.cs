using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>Collections held in get-only properties: an element added through the property is in the object that holds it.</summary>
    public class CollectionPropertyTests
    {
        private const string Conversation = @"
public class Conversation
{
    public List<string> Messages { get; } = new List<string>();
    public List<string> Tags { get; } = new List<string>();
    public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>();
}
";

        [Fact]
        public Task ListPropertyOfALocal() => Verify.VerifyAsync(Source + Conversation + @"
class Service
{
    void Run(Customer c, Crm crm)
    {
        var conversation = new Conversation();
        conversation.Messages.Add(c.Email);
        conversation.Tags.Add(c.Country);
        {|#0:crm.SendObject(conversation.Messages)|};
        {|#1:crm.SendObject(conversation)|};
        crm.SendObject(conversation.Tags);
        conversation.Headers[""to""] = c.Name;
        {|#2:crm.Send(conversation.Headers[""to""])|};
    }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task ListPropertyOfThisType() => Verify.VerifyAsync(Source + @"
public class Outbox
{
    private readonly Crm _crm = new Crm();
    public List<string> Pending { get; } = new List<string>();
    public List<string> Codes { get; } = new List<string>();
    public void Queue(Customer c) { Pending.Add(c.Email); Codes.Add(c.Country); }
    public void Flush() { {|#0:_crm.SendObject(Pending)|}; _crm.SendObject(Codes); }
}", Res001(0));

        [Fact]
        public Task ListPropertyOfAField() => Verify.VerifyAsync(Source + Conversation + @"
class Service
{
    private readonly Conversation _conversation = new Conversation();
    private readonly Crm _crm = new Crm();
    void Run(Customer c)
    {
        _conversation.Messages.Add(c.Name);
        _conversation.Tags.Add(c.Country);
        {|#0:_crm.SendObject(_conversation.Messages)|};
        _crm.SendObject(_conversation.Tags);
    }
}", Res001(0));
    
        [Fact]
        public Task CollectionFilledByACallee() => Verify.VerifyAsync(Source + Conversation + @"
class Service
{
    static void AddMessage(Conversation conversation, string text) => conversation.Messages.Add(text);
    static void AddTag(Conversation conversation, string tag) => conversation.Tags.Add(tag.Length.ToString());
    void Run(Customer c, Crm crm)
    {
        var a = new Conversation();
        AddMessage(a, c.Email);
        {|#0:crm.SendObject(a.Messages)|};
        var b = new Conversation();
        AddTag(b, c.Email);
        crm.SendObject(b);
        var d = new Conversation();
        AddMessage(d, c.Country);
        crm.SendObject(d.Messages);
    }
}", Res001(0));
    }
}
