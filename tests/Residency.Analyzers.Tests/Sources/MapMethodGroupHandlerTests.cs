using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using static Residency.Analyzers.Tests.Sources.SourceTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Sources
{
    /// <summary>
    /// A minimal API handler given to a map method by name (<c>app.MapPost("/todos", CreateTodo)</c>) is a request handler
    /// as a lambda is: its simple-typed parameters whose names name personal data are query parameters or route values, its
    /// request body holds its personal members.
    /// </summary>
    public class MapMethodGroupHandlerTests
    {
        // The static methods of an endpoints class, mapped by name, whatever their accessibility; a route group's map calls too.
        [Fact]
        public Task StaticMethodsMappedByNameAreHandlers() => Verify.VerifyAspNetCoreAsync(RoutingUsings + Header + @"
public record SignupRequest(string Email, string Plan);
static class TodoEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost(""/signup"", Signup);
        app.MapGet(""/users/{phone}"", TodoEndpoints.ByPhone);
        var group = app.MapGroup(""/lookup"");
        group.MapGet(""/"", Lookup);
    }

    private static IResult Signup(SignupRequest request, Crm crm) { {|#0:crm.Send(request.Email)|}; crm.Send(request.Plan); return Results.Ok(); }
    internal static IResult ByPhone(string phone, Crm crm) { {|#1:crm.Send(phone)|}; return Results.Ok(); }
    public static void Lookup(string email, Crm crm) => {|#2:crm.Send(email)|};
}",
            Res001(0, "SignupRequest.Email (contact.email)", "Signup → Crm.Send"),
            Res001(1, "route value phone (contact.phone_number)", "ByPhone → Crm.Send"),
            Res001(2, "query parameter email (contact.email)", "Lookup → Crm.Send"));

        // An instance method mapped by name (app.MapPost("/x", handlers.Signup)) is a handler too.
        [Fact]
        public Task AnInstanceMethodMappedByNameIsAHandler() => Verify.VerifyAspNetCoreAsync(RoutingUsings + Header + @"
public class SignupHandlers(Crm crm)
{
    public void Signup(string email) => {|#0:crm.Send(email)|};
}
static class Endpoints
{
    public static void Map(WebApplication app, SignupHandlers handlers) => app.MapPost(""/signup"", handlers.Signup);
}",
            Res001(0, "query parameter email (contact.email)", "Signup → Crm.Send"));

        // The Clean Architecture template's own map methods: extension methods of the route builder, named as map methods,
        // that take the handler as a Delegate and hand it to ASP.NET Core's. A method of the same name that takes no Delegate
        // (or that is no route builder's) maps nothing.
        [Fact]
        public Task TheApplicationsOwnMapMethodsMapTheirHandlers() => Verify.VerifyAspNetCoreAsync(RoutingUsings + Header + @"
public record CreateTodoItemCommand(string Title, string Email);
public static class EndpointRouteBuilderExtensions
{
    public static RouteHandlerBuilder MapPost(this IEndpointRouteBuilder builder, System.Delegate handler, string pattern = """") =>
        builder.MapPost(pattern, handler).WithName(handler.Method.Name);
    public static void MapGet(this IEndpointRouteBuilder builder, System.Func<string, Crm, IResult> handler, int order) { }
}
public class TodoItems
{
    public void Map(RouteGroupBuilder groupBuilder)
    {
        groupBuilder.MapPost(CreateTodoItem);
        groupBuilder.MapPost(async (CreateTodoItemCommand command, Crm crm) => {|#1:crm.Send(command.Email)|});
        groupBuilder.MapGet(Lookup, 1);
    }

    public static IResult CreateTodoItem(CreateTodoItemCommand command, Crm crm) { {|#0:crm.Send(command.Email)|}; crm.Send(command.Title); return Results.Ok(); }
    public static IResult Lookup(string email, Crm crm) { crm.Send(email); return Results.Ok(); }
}",
            Res001(0, "CreateTodoItemCommand.Email (contact.email)", "CreateTodoItem → Crm.Send"),
            Res001(1, "CreateTodoItemCommand.Email (contact.email)", "Map → Crm.Send"));

        // The same shapes not given to a map method are not handlers: a method given to another method by name, one a
        // handler calls, one nothing maps.
        [Fact]
        public Task MethodsNotGivenToAMapMethodAreNotHandlers() => Verify.VerifyAspNetCoreAsync(RoutingUsings + Header + @"
public record SignupRequest(string Email);
static class Endpoints
{
    public static void Map(WebApplication app, System.Collections.Generic.List<string> all, Crm crm)
    {
        all.ForEach(Forward);
        app.MapGet(""/ping"", () => Helper(""x"", crm));
    }

    private static void Forward(string email) => new Crm().Send(email);
    private static void Helper(string email, Crm crm) => crm.Send(email);
    private static void Unmapped(SignupRequest request, Crm crm) => crm.Send(request.Email);
}");

        // Microsoft's minimal API tutorial: top-level statements map local functions by name. A local function handed to
        // another method (ForEach) is no handler; a flow that starts in the top-level statements' own lambda names them "Program".
        [Fact]
        public async Task LocalFunctionsOfTheTopLevelStatementsMappedByNameAreHandlers()
        {
            var test = new Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>.Test
            {
                TestCode = RoutingUsings + Header.Replace("public class Crm", "var builder = WebApplication.CreateBuilder(args);\n" + @"
var app = builder.Build();
var todos = app.MapGroup(""/todos"");
todos.MapPost(""/"", CreateTodo);
app.MapGet(""/lookup/{email}"", Lookup);
app.MapGet(""/call"", (string phone, Crm crm) => {|#2:crm.Send(phone)|});
new System.Collections.Generic.List<string>().ForEach(Forward);
app.Run();

static IResult CreateTodo(TodoDto todo, Crm crm)
{
    {|#0:crm.Send(todo.Email)|};
    crm.Send(todo.Title);
    return TypedResults.Created(""/todos/1"", todo);
}

static void Lookup(string email, Crm crm) => {|#1:crm.Send(email)|};

static void NotMapped(string email, Crm crm) => crm.Send(email);

static void Forward(string email) => new Crm().Send(email);

public class TodoDto { public string Title { get; set; } = """"; public string Email { get; set; } = """"; }
public class Crm"),
            }.WithAspNetCore();
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Res001(0, "TodoDto.Email (contact.email)", "CreateTodo → Crm.Send"));
            test.ExpectedDiagnostics.Add(Res001(1, "route value email (contact.email)", "Lookup → Crm.Send"));
            test.ExpectedDiagnostics.Add(Res001(2, "query parameter phone (contact.phone_number)", "Program → Crm.Send")); // the top-level statements' path step
            await test.RunAsync(CancellationToken.None);
        }

        // As it is typed: a local function that maps itself (its analysis where it is handed out does not recurse), a map
        // call not finished, a method group that names nothing yet. No analyzer throws; the finished handler is found once.
        [Fact]
        public async Task HalfTypedMapCallsAndALocalFunctionMappingItselfDoNotThrow()
        {
            var test = new Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>.Test
            {
                TestCode = RoutingUsings + Header.Replace("public class Crm", "var app = WebApplication.CreateBuilder(args).Build();\n" + @"
app.MapGet(""/self/{email}"", Self);
app.MapPost(""/todos"", Unknown);
app.MapPost(""/half"", Half
app.Run();

void Self(string email, Crm crm)
{
    {|#0:crm.Send(email)|};
    app.MapGet(""/again/{email}"", Self);
}

static void Half(string email, Crm crm) => crm.Send(email);

public class Crm"),
                CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
            }.WithAspNetCore();
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.ExpectedDiagnostics.Add(Res001(0, "route value email (contact.email)", "Self → Crm.Send"));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
