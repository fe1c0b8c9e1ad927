using System.Linq;
using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Sources.SourceTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Sources
{
    /// <summary>
    /// What model binding fills from the request (sources.json, "requestHandlers"): a simple-typed parameter of a minimal
    /// API handler, a controller action or a page handler whose name names personal data is the query parameter, route
    /// value, form field or header of that name — the same element as <c>Request.Query["email"]</c>.
    /// </summary>
    public class BoundRequestParameterTests
    {
        [Fact]
        public Task AMinimalApiHandlersParametersAreQueryParametersOrRouteValues() => Verify.VerifyAspNetCoreAsync(RoutingUsings + Header + @"
static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet(""/lookup"", (string email, Crm crm) => {|#0:crm.Send(email)|});
        app.MapGet(""/users/{phone:alpha}"", (string phone, Crm crm) => {|#1:crm.Send(phone)|});
        app.MapPost(""/signup"", ([FromForm(Name = ""first_name"")] string given, Crm crm) => {|#2:crm.Send(given)|});
        app.MapGet(""/page"", (int page, string sort, Crm crm) => crm.Send(sort + page));
        app.MapGet(""/self"", ([FromServices] string email, Crm crm) => crm.Send(email));
    }
}",
            Res001(0, "query parameter email (contact.email)", "Map → Crm.Send"),
            Res001(1, "route value phone (contact.phone_number)", "Map → Crm.Send"),
            Res001(2, "form field first_name (name.first)", "Map → Crm.Send"));

        [Fact]
        public Task AControllersActionParametersAreBoundFromTheRequest() => Verify.VerifyAspNetCoreAsync(RoutingUsings + Header + @"
[ApiController]
[Route(""customers"")]
public class CustomersController(Crm crm) : ControllerBase
{
    [HttpGet(""{email}"")]
    public IActionResult ByEmail(string email) { {|#0:crm.Send(email)|}; return Ok(); }

    [HttpGet]
    public IActionResult Search([FromQuery(Name = ""last_name"")] string? surname, int page) { {|#1:crm.Send(surname)|}; crm.Send(page.ToString()); return Ok(); }

    [NonAction]
    public void Helper(string email) => crm.Send(email);

    private void Hidden(string email) => crm.Send(email);
}",
            Res001(0, "route value email (contact.email)", "ByEmail → Crm.Send"),
            Res001(1, "query parameter last_name (name.last)", "Search → Crm.Send"));

        // The same name read from the collection and bound to a parameter is one element of the record.
        [Fact]
        public Task ABoundParameterIsTheSameElementAsTheCollectionRead() => Verify.VerifyAspNetCoreAsync(RoutingUsings + Header + @"
public class H(Crm crm) : ControllerBase
{
    public void Bound(string email) => {|#0:crm.Send(email)|};
    public void Read() => {|#1:crm.Send(Request.Query[""Email""])|};
}",
            Res001(0, "query parameter email (contact.email)", "Bound → Crm.Send"),
            Res001(1, "query parameter email (contact.email)", "Read → Crm.Send"));

        // A request body bound to a handler's parameter (a type the application declares, made by model binding: a record or a
        // type with a parameterless constructor, or [FromBody]) holds its members that name personal data; a service (its
        // constructor takes dependencies) and [FromServices] do not.
        [Fact]
        public Task AMinimalApiHandlersRequestBodyHoldsItsPersonalMembers() => Verify.VerifyAspNetCoreAsync(RoutingUsings + Header + @"
public class SignupRequest { public string Email { get; set; } = """"; public string Plan { get; set; } = """"; public Shipping Delivery { get; set; } = new(); }
public class Shipping { public string Street { get; set; } = """"; public string Carrier { get; set; } = """"; }
public record Contact(string Phone, int Count);
public class Notifier(Crm crm) { public void Welcome(SignupRequest request) => crm.Send(request.Email); }
public class Mailer(Crm crm) { public string Email { get; set; } = """"; }
static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost(""/signup"", (SignupRequest request, Crm crm) => {|#0:crm.Send(request.Email)|});
        app.MapPost(""/plan"", (SignupRequest request, Crm crm) => crm.Send(request.Plan + request.Delivery.Carrier));
        app.MapPost(""/ship"", (SignupRequest request, Crm crm) => {|#4:crm.Send(request.Delivery.Street)|});
        app.MapPost(""/contact"", (Contact contact, Crm crm) => {|#1:crm.Send(contact.Phone)|});
        app.MapPost(""/welcome"", (SignupRequest request, Notifier notifier) => {|#2:notifier.Welcome(request)|});
        app.MapPost(""/whole"", (SignupRequest request, Crm crm) => {|#3:crm.SendObject(request)|});
        app.MapPost(""/mailer"", (Mailer mailer, Crm crm) => crm.Send(mailer.Email));
    }
}",
            Res001(0, "SignupRequest.Email (contact.email)", "Map → Crm.Send"),
            Res001(1, "Contact.Phone (contact.phone_number)", "Map → Crm.Send"),
            Res001(2, "SignupRequest.Email (contact.email)", "Map → Welcome → Crm.Send"),
            Res001(3, "Shipping.Street (contact.address.street), SignupRequest.Email (contact.email)", "Map → Crm.SendObject", ObjectSink),
            Res001(4, "Shipping.Street (contact.address.street)", "Map → Crm.Send"));

        // A body whose members are annotated is read as those elements, once: the same member inferred from its name as a
        // "request body" element was listed beside its annotation (Customer.Email (contact.email), Customer.Email (contact.email)).
        [Fact]
        public Task AnAnnotatedBodyMemberIsOneElement() => Verify.VerifyAspNetCoreAsync(RoutingUsings + Header + @"
public class Customer { [Residency.PersonalData(""contact.email"")] public string Email { get; set; } = """"; public string Phone { get; set; } = """"; }
static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost(""/signup"", (Customer customer, Crm crm) => {|#0:crm.Send(customer.Email)|});
        app.MapPost(""/whole"", (Customer customer, Crm crm) => {|#1:crm.SendObject(customer)|});
    }
}",
            Res001(0, "Customer.Email (contact.email)", "Map → Crm.Send"),
            Res001(1, "Customer.Email (contact.email), Customer.Phone (contact.phone_number)", "Map → Crm.SendObject", ObjectSink));

        // A collection of the application's objects inside a body holds what its elements hold: read by index, iterated,
        // or taken by a LINQ operator. A collection of other things (numbers) holds nothing.
        [Fact]
        public Task ACollectionInsideARequestBodyHoldsItsElementsPersonalMembers() => Verify.VerifyAspNetCoreAsync(RoutingUsings + @"
using System.Collections.Generic;
using System.Linq;
" + Header + @"
public class BookingRequest
{
    public string Reference { get; set; } = """";
    public List<Guest> Guests { get; set; } = new();
    public Guest[] Children { get; set; } = [];
    public IReadOnlyList<int> Rooms { get; set; } = [];
}
public class Guest { public string Email { get; set; } = """"; public int Age { get; set; } }
public class Greeter(Crm crm) { public void GreetAll(IEnumerable<Guest> guests) { foreach (var guest in guests) { crm.Send(guest.Email); } } }
static class Endpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost(""/each"", (BookingRequest request, Crm crm) => { foreach (var guest in request.Guests) { {|#0:crm.Send(guest.Email)|}; } });
        app.MapPost(""/first"", (BookingRequest request, Crm crm) => {|#1:crm.Send(request.Guests[0].Email)|});
        app.MapPost(""/child"", (BookingRequest request, Crm crm) => {|#2:crm.Send(request.Children[0].Email)|});
        app.MapPost(""/linq"", (BookingRequest request, Crm crm) => {|#3:crm.Send(request.Guests.First().Email)|});
        app.MapPost(""/ages"", (BookingRequest request, Crm crm) => crm.Send(request.Reference + request.Guests[0].Age + request.Rooms[0]));
        app.MapPost(""/greet"", (BookingRequest request, Greeter greeter) => {|#4:greeter.GreetAll(request.Guests)|});
    }
}",
            Res001(0, "Guest.Email (contact.email)", "Map → Crm.Send"),
            Res001(4, "Guest.Email (contact.email)", "Map → GreetAll → Crm.Send"),
            Res001(1, "Guest.Email (contact.email)", "Map → Crm.Send"),
            Res001(2, "Guest.Email (contact.email)", "Map → Crm.Send"),
            Res001(3, "Guest.Email (contact.email)", "Map → Crm.Send"));

        [Fact]
        public Task AControllersRequestBodyHoldsItsPersonalMembers() => Verify.VerifyAspNetCoreAsync(RoutingUsings + Header + @"
public class OrderDto { public string ShippingAddress { get; set; } = """"; public decimal Total { get; set; } }
public class OrdersController(Crm crm) : ControllerBase
{
    [HttpPost]
    public IActionResult Create([FromBody] OrderDto order) { {|#0:crm.Send(order.ShippingAddress)|}; crm.Send(order.Total.ToString()); return Ok(); }

    public IActionResult Use([FromServices] OrderDto order) { crm.Send(order.ShippingAddress); return Ok(); }
}
public class Pricing(Crm crm)
{
    public decimal Total(OrderDto order) { crm.Send(order.ShippingAddress); return order.Total; }
}",
            Res001(0, "OrderDto.ShippingAddress (contact.address)", "Create → Crm.Send"));

        // A SignalR hub's methods are what its clients call: a simple-typed argument is "hub argument <name>", an object the
        // application declares is a body; an override (OnConnectedAsync) and a private method are not called by clients.
        [Fact]
        public Task AHubsMethodsArgumentsAreWhatItsClientsSent() => Verify.VerifyAspNetCoreAsync(RoutingUsings + Header + @"
public class Contact { public string Phone { get; set; } = """"; public string Topic { get; set; } = """"; }
public class SupportHub(Crm crm) : Microsoft.AspNetCore.SignalR.Hub
{
    public Task SendMessage(string email, string message) { {|#0:crm.Send(email)|}; return Task.CompletedTask; }
    public void Register(Contact contact) { {|#1:crm.Send(contact.Phone)|}; crm.Send(contact.Topic); }
    public override Task OnConnectedAsync() { crm.Send(Context.ConnectionId); return Task.CompletedTask; }
    private void Log(string email) => crm.Send(email);
}",
            Res001(0, "hub argument email (contact.email)", "SendMessage → Crm.Send"),
            Res001(1, "Contact.Phone (contact.phone_number)", "Register → Crm.Send"));

        // A body the code reads from the request (a webhook, a middleware) holds its personal members as a bound one does.
        [Fact]
        public Task ARequestBodyTheCodeReadsHoldsItsPersonalMembers() => Verify.VerifyAspNetCoreAsync(RoutingUsings + Header + @"
public class SignupRequest { public string Email { get; set; } = """"; public string Plan { get; set; } = """"; }
public static class Hooks
{
    public static async Task Receive(Microsoft.AspNetCore.Http.HttpContext context, Crm crm)
    {
        var body = await Microsoft.AspNetCore.Http.HttpRequestJsonExtensions.ReadFromJsonAsync<SignupRequest>(context.Request);
        {|#0:crm.Send(body!.Email)|};
        crm.Send(body.Plan);
    }
}",
            Res001(0, "SignupRequest.Email (contact.email)", "Receive → Crm.Send"));

        // Azure Functions' isolated worker, without ASP.NET Core: an HTTP trigger reads its body from HttpRequestData (its API as a
        // referenced assembly).
        [Fact]
        public Task AnAzureFunctionsRequestBodyHoldsItsPersonalMembers() => Flow.FlowTestModel.VerifyWithLibraryAsync(@"
public class SignupRequest { public string Email { get; set; } = """"; public string Plan { get; set; } = """"; }
public class Signup(Crm crm)
{
    public async Task Run(Microsoft.Azure.Functions.Worker.Http.HttpRequestData req)
    {
        var body = await Microsoft.Azure.Functions.Worker.Http.HttpRequestDataExtensions.ReadFromJsonAsync<SignupRequest>(req);
        {|#0:crm.Send(body!.Email)|};
        crm.Send(body.Plan);
    }
}", "Microsoft.Azure.Functions.Worker.Core", @"
namespace Microsoft.Azure.Functions.Worker.Http
{
    public abstract class HttpRequestData { public abstract System.IO.Stream Body { get; } }
    public static class HttpRequestDataExtensions
    {
        public static System.Threading.Tasks.ValueTask<T?> ReadFromJsonAsync<T>(this HttpRequestData request, System.Threading.CancellationToken cancellationToken = default) => default;
    }
}", Flow.FlowTestModel.Res001(0));

        // The catalogue names ASP.NET Core's types exactly: each resolves against its reference assemblies.
        [Fact]
        public void TheCataloguesHandlerTypesExistInAspNetCore()
        {
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Probe", references: Verifiers.TestReferences.AspNetCore);
            var handlers = Residency.Analyzers.Sources.SourceCatalog.BuiltIn.RequestHandlers;
            Assert.Equal(new[] { "bodyReaderMethods", "bodyReaders", "controllers", "endpointMethods", "endpoints", "fromBody", "fromForm", "fromHeader", "fromQuery", "fromRoute", "hubs", "mapMethods", "messageContexts", "messageMembers", "nonActions", "notBound", "pageModels", "routeBuilderInterfaces", "routeBuilders", "routeValues", "serviceBaseAttributes" }, handlers.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
            foreach (var (key, names) in handlers)
            {
                // Method names; FastEndpoints' endpoint base, gRPC's service attribute and MassTransit's consume context, which
                // the end-to-end FastEndpoints, gRPC service and MassTransit consumer tests build against.
                if (key is "mapMethods" or "endpointMethods" or "endpoints" or "serviceBaseAttributes" or "bodyReaderMethods" or "messageContexts" or "messageMembers")
                {
                    continue;
                }

                foreach (var name in names)
                {
                    if (name.StartsWith("Microsoft.Azure.Functions.", System.StringComparison.Ordinal))
                    {
                        continue; // the Azure Functions worker's, not ASP.NET Core's
                    }

                    Assert.True(compilation.GetTypeByMetadataName(name) is not null, key + ": " + name);
                }
            }
        }

        // Not handlers: a lambda given to another method, an ordinary class's method, a static method of a controller.
        [Fact]
        public Task ParametersOfOtherMethodsAndLambdasAreNotBound() => Verify.VerifyAspNetCoreAsync(RoutingUsings + Header + @"
public class Service(Crm crm)
{
    public void Send(string email) => crm.Send(email);
    public void Each(List<string> all) => all.ForEach((string email) => crm.Send(email));
}
public class Tools : ControllerBase
{
    public static void Static(string email, Crm crm) => crm.Send(email);
}");
    }
}
