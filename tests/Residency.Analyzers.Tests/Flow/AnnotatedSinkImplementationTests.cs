using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// An annotated sink is the sink: inside a method annotated <c>[DataSink]</c> (or a method of a <c>[DataSink]</c> type),
    /// its own calls are the sink's implementation. One flow, into the annotation, with its region.
    /// </summary>
    public class AnnotatedSinkImplementationTests
    {
        [Fact]
        public Task InnerHttpCallOfAnAnnotatedWrapperIsNotASinkOfItsOwn() => VerifyAsync(@"
public class MusterCrm
{
    private readonly HttpClient _http = new HttpClient();

    [DataSink(""DE"", Recipient = ""Muster CRM GmbH"")]
    public Task UpsertAsync(string email) => _http.PostAsJsonAsync(""https://api.muster-crm.de/v2/contacts"", new { email });
}

class Service
{
    Task Sync(Customer c, MusterCrm crm) => crm.UpsertAsync(c.Email);
}");

        [Fact]
        public Task TheAnnotationsRegionDecidesNotTheInnerCall() => VerifyAsync(@"
public class UsCrm
{
    private readonly HttpClient _http = new HttpClient();

    [DataSink(""US"", Recipient = ""Acme CRM Inc."")]
    public async Task UpsertAsync(string email)
    {
        var body = new { email };
        await _http.PostAsJsonAsync(""https://eu.api.openai.com/v1/contacts"", body);
        await Helper(email);
        async Task Helper(string e) => await _http.PostAsJsonAsync(""https://api.unlisted-example.io/"" + e, 1);
    }
}

class Service
{
    Task Sync(Customer c, UsCrm crm) => {|#0:crm.UpsertAsync(c.Email)|};
}", Res001(0).WithArguments("Customer.Email (contact.email)", "UsCrm.UpsertAsync (recipient Acme CRM Inc.)", "US (United States)", "EEA;Adequate", "Sync → UsCrm.UpsertAsync"));

        [Fact]
        public Task MethodsOfAnAnnotatedTypeAreItsImplementation() => VerifyAsync(@"
[DataSink(""DE"", Recipient = ""Muster CRM GmbH"")]
public class MusterCrm
{
    private readonly HttpClient _http = new HttpClient();

    public Task UpsertAsync(Customer c) => _http.PostAsJsonAsync(""https://api.muster-crm.de/v2/contacts"", new { c.Email, c.Name });
}

class Service
{
    Task Sync(Customer c, MusterCrm crm) => crm.UpsertAsync(c);
}");

        [Fact]
        public Task AnImplementationOfAnAnnotatedInterfaceMethodIsItsImplementation() => VerifyAsync(@"
public interface ICrm
{
    [DataSink(""DE"", Recipient = ""Muster CRM GmbH"")] Task UpsertAsync(string email);
}

public class MusterCrm : ICrm
{
    private readonly HttpClient _http = new HttpClient();

    public Task UpsertAsync(string email) => _http.PostAsJsonAsync(""https://api.muster-crm.de/v2/contacts"", new { email });
}

class Service
{
    Task Sync(Customer c, ICrm crm) => crm.UpsertAsync(c.Email);
    Task Direct(Customer c, MusterCrm crm) => crm.UpsertAsync(c.Email);
}");

        [Fact]
        public Task WithoutTheAnnotationTheInnerCallIsTheSink() => VerifyAsync(@"
public class MusterCrm
{
    private readonly HttpClient _http = new HttpClient();

    public Task UpsertAsync(string email) => _http.PostAsJsonAsync(""https://api.muster-crm.de/v2/contacts"", new { email });
}

class Service
{
    Task Sync(Customer c, MusterCrm crm) => {|#0:crm.UpsertAsync(c.Email)|};
}", Res003(0));

        [Fact]
        public Task ADataSinkOnAParameterOnlyMarksThatArgument() => VerifyAsync(@"
public class Mailer
{
    private readonly HttpClient _http = new HttpClient();

    public Task SendAsync([DataSink(""DE"", Recipient = ""Muster Mail"")] string to, string trackingId) =>
        _http.PostAsJsonAsync(""https://api.unlisted-example.io/track"", trackingId);
}

class Service
{
    Task Send(Customer c, Mailer m) => {|#0:m.SendAsync(c.Email, c.Name)|};
}", Res003(0));

        [Fact]
        public Task CallersOfTheWrapperOutsideItAreStillAnalysed() => VerifyAsync(@"
public class MusterCrm
{
    private readonly HttpClient _http = new HttpClient();

    [DataSink(""DE"", Recipient = ""Muster CRM GmbH"")]
    public Task UpsertAsync(string email) => _http.PostAsJsonAsync(""https://api.muster-crm.de/v2/contacts"", new { email });

    public Task AuditAsync(Customer c) => {|#0:_http.PostAsJsonAsync(""https://api.unlisted-example.io/audit"", c.Name)|};
}

class Service
{
    Task Sync(Customer c, MusterCrm crm) => crm.UpsertAsync(c.Email);
}", Res003(0));
    }
}
