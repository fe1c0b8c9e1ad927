using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// FastEndpoints: an endpoint's request (<c>HandleAsync(SignupRequest req, CancellationToken ct)</c>) is bound from the
    /// HTTP request, so its members that name personal data are sources, as a controller action's body is
    /// (<c>sources.json</c>, "requestHandlers"); and its command bus is an in-process mediator (<c>library.json</c>,
    /// "mediators"): <c>new RegisterContact(email).ExecuteAsync()</c> runs the command's handler, <c>PublishAsync</c> the
    /// event's. A FastEndpoints application's request data reached nothing before.
    /// </summary>
    public class FastEndpointsTests
    {
        // FastEndpoints' API (9.x: the endpoint bases, the command and event bus as extension methods of the message), as a
        // referenced assembly.
        private const string FastEndpoints = @"
namespace FastEndpoints
{
    using System.Threading;
    using System.Threading.Tasks;
    public enum Mode { WaitForNone = 1, WaitForAny = 2, WaitForAll = 3 }
    public readonly struct Void { }
    public interface ICommandBase { }
    public interface ICommand<out TResult> : ICommandBase { }
    public interface ICommand : ICommand<Void> { }
    public interface IEvent { }
    public interface ICommandHandler { }
    public interface ICommandHandler<in TCommand, TResult> : ICommandHandler where TCommand : ICommand<TResult>
    {
        Task<TResult> ExecuteAsync(TCommand command, CancellationToken ct);
    }
    public interface ICommandHandler<in TCommand> : ICommandHandler<TCommand, Void> where TCommand : ICommand
    {
        new Task ExecuteAsync(TCommand command, CancellationToken ct);
        async Task<Void> ICommandHandler<TCommand, Void>.ExecuteAsync(TCommand command, CancellationToken ct) { await ExecuteAsync(command, ct); return default; }
    }
    public interface IEventHandler { }
    public interface IEventHandler<in TEvent> : IEventHandler
    {
        Task HandleAsync(TEvent eventModel, CancellationToken ct);
    }
    public static class CommandExtensions
    {
        public static Task ExecuteAsync<TCommand>(this TCommand command, CancellationToken ct = default) where TCommand : ICommand => Task.CompletedTask;
        public static Task<TResult> ExecuteAsync<TResult>(this ICommand<TResult> command, CancellationToken ct = default) => Task.FromResult<TResult>(default!);
    }
    public static class EventExtensions
    {
        public static Task PublishAsync<TEvent>(this TEvent eventModel, Mode waitMode = Mode.WaitForAll, CancellationToken cancellation = default) where TEvent : IEvent => Task.CompletedTask;
    }
    public abstract class BaseEndpoint { public virtual void Configure() { } }
    public abstract class Endpoint<TRequest, TResponse> : BaseEndpoint where TRequest : notnull
    {
        public virtual Task HandleAsync(TRequest req, CancellationToken ct) => Task.CompletedTask;
        public virtual Task<TResponse> ExecuteAsync(TRequest req, CancellationToken ct) => Task.FromResult<TResponse>(default!);
        protected void Post(params string[] routes) { }
        public Task PublishAsync<TEvent>(TEvent eventModel, Mode waitMode = Mode.WaitForAll, CancellationToken cancellation = default) where TEvent : IEvent => Task.CompletedTask;
    }
    public abstract class Endpoint<TRequest> : Endpoint<TRequest, object> where TRequest : notnull { }
}";

        private const string Endpoints = @"
public class SignupRequest { public string Email { get; set; } = """"; public string Plan { get; set; } = """"; }
public record LookupRequest(string Phone, int Page);

public class SignupEndpoint(Crm crm) : FastEndpoints.Endpoint<SignupRequest>
{
    public override void Configure() => Post(""/signup"");
    public override Task HandleAsync(SignupRequest req, System.Threading.CancellationToken ct) { {|#0:crm.Send(req.Email)|}; crm.Send(req.Plan); return Task.CompletedTask; }
}
public class LookupEndpoint(Crm crm) : FastEndpoints.Endpoint<LookupRequest, string>
{
    public override Task<string> ExecuteAsync(LookupRequest req, System.Threading.CancellationToken ct) { {|#1:crm.Send(req.Phone)|}; return Task.FromResult(""""); }
}
";

        [Fact]
        public Task AnEndpointsRequestHoldsItsPersonalMembers() => VerifyWithLibraryAsync(Endpoints + @"
public class Signups(Crm crm)
{
    public Task HandleAsync(SignupRequest req, System.Threading.CancellationToken ct) { crm.Send(req.Email); return Task.CompletedTask; }
}", "FastEndpoints", FastEndpoints, Res001(0), Res001(1));

        private const string Bus = @"
public record RegisterContact(string Email) : FastEndpoints.ICommand;
public record FindContact(string Email) : FastEndpoints.ICommand<string>;
public record ContactRegistered(string Name) : FastEndpoints.IEvent;
public record Unrelated(string Text) : FastEndpoints.ICommand;

public class RegisterContactHandler(Crm crm) : FastEndpoints.ICommandHandler<RegisterContact>
{
    public Task ExecuteAsync(RegisterContact command, System.Threading.CancellationToken ct) { crm.Send(command.Email); return Task.CompletedTask; }
}
public class FindContactHandler(Crm crm) : FastEndpoints.ICommandHandler<FindContact, string>
{
    public Task<string> ExecuteAsync(FindContact command, System.Threading.CancellationToken ct) { crm.Send(command.Email); return Task.FromResult(""""); }
}
public class WelcomeHandler(Crm crm) : FastEndpoints.IEventHandler<ContactRegistered>
{
    public Task HandleAsync(ContactRegistered eventModel, System.Threading.CancellationToken ct) { crm.Send(eventModel.Name); return Task.CompletedTask; }
}
public class UnrelatedHandler(Crm crm) : FastEndpoints.ICommandHandler<Unrelated>
{
    public Task ExecuteAsync(Unrelated command, System.Threading.CancellationToken ct) { crm.Send(command.Text); return Task.CompletedTask; }
}
";

        // The command and event bus: extension methods of the message, and the endpoint's own PublishAsync.
        [Fact]
        public Task TheCommandAndEventBusRunTheHandlers() => VerifyWithUsingAsync(Bus + @"
public class Service
{
    public async Task Run(Customer c)
    {
        await {|#0:new RegisterContact(c.Email).ExecuteAsync()|};
        var found = await {|#1:new FindContact(c.Email).ExecuteAsync()|};
        await {|#2:new ContactRegistered(c.Name).PublishAsync()|};
        await new RegisterContact(""ops@example.com"").ExecuteAsync();
        await new Unrelated(c.Country).ExecuteAsync();
    }
}
public class NotifyEndpoint : FastEndpoints.Endpoint<Customer>
{
    public override async Task HandleAsync(Customer c, System.Threading.CancellationToken ct) => await {|#3:PublishAsync(new ContactRegistered(c.Name))|};
}", Res001(0), Res001(1), Res001(2), Res001(3));

        // The bus's extension methods need the namespace imported, before the model's declarations.
        private static Task VerifyWithUsingAsync(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        {
            var test = new Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>.Test { TestCode = "using FastEndpoints;" + Source + source };
            test.TestState.AdditionalReferences.Add(Verifiers.TestReferences.Library("FastEndpoints", FastEndpoints));
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(System.Threading.CancellationToken.None);
        }
    }
}
