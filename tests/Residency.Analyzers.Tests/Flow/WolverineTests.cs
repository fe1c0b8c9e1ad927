using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// Wolverine as an in-process mediator (<c>Catalog/library.json</c>, "mediators" and "mediatorConventions"):
    /// <c>bus.InvokeAsync(command)</c>, <c>SendAsync</c> and <c>PublishAsync</c> run the handlers Wolverine finds by name — a
    /// public class named <c>…Handler</c> or <c>…Consumer</c> (or marked as a handler), its <c>Handle</c>/<c>Consume</c>
    /// methods, static or not, whose first parameter takes the message — and the data in the message goes where the handler
    /// sends it.
    /// </summary>
    public class WolverineTests
    {
        // Wolverine's API (WolverineFx 6.x), as a referenced assembly.
        private const string Wolverine = @"
namespace Wolverine
{
    using System;
    using System.Threading;
    using System.Threading.Tasks;
    public class DeliveryOptions { }
    public interface ICommandBus
    {
        Task InvokeAsync(object message, CancellationToken cancellation = default, TimeSpan? timeout = null);
        Task<T> InvokeAsync<T>(object message, CancellationToken cancellation = default, TimeSpan? timeout = null);
    }
    public interface IMessageBus : ICommandBus
    {
        ValueTask SendAsync<T>(T message, DeliveryOptions? options = null);
        ValueTask PublishAsync<T>(T message, DeliveryOptions? options = null);
    }
    public interface IMessageContext : IMessageBus { }
    public interface IWolverineHandler { }
}
namespace Wolverine.Attributes
{
    [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method)]
    public class WolverineHandlerAttribute : System.Attribute { }
    [System.AttributeUsage(System.AttributeTargets.Class | System.AttributeTargets.Method)]
    public class WolverineIgnoreAttribute : System.Attribute { }
}";

        private const string Handlers = @"
public record StartCheck(int CandidateId, string Email);
public record Score(string CvText);
public record CandidateApplied(string Name);
public record Archived(string Email);
public record Marked(string Email);
public record Unrelated(string Text);

public static class StartCheckHandler
{
    public static Task Handle(StartCheck command, Crm crm) { crm.Send(command.Email); return Task.CompletedTask; }
}
public class ScoreHandler(Crm crm)
{
    public int Handle(Score query) { crm.SendDe(query.CvText); return 1; }
}
public class AppliedConsumer
{
    public Task ConsumeAsync(CandidateApplied message, Crm crm, System.Threading.CancellationToken cancellation) => crm.SendAsync(message.Name);
}
public class Archive : Wolverine.IWolverineHandler
{
    public void Handles(Archived message, Crm crm) => crm.Send(message.Email);
}
[Wolverine.Attributes.WolverineHandler]
public class Marking
{
    public void Handle(Marked message, Crm crm) => crm.Send(message.Email);
}
public class UnrelatedHandler
{
    public void Handle(Unrelated message, Crm crm) => crm.Send(message.Text);
}
";

        [Fact]
        public Task TheMessagesDataGoesWhereTheHandlerWolverineFindsSendsIt() => VerifyWithLibraryAsync(Handlers + @"
class Endpoint(Wolverine.IMessageBus bus, Wolverine.ICommandBus commands, Wolverine.IMessageContext context)
{
    async Task Run(Customer c)
    {
        await {|#0:bus.InvokeAsync(new StartCheck(c.Id, c.Email))|};
        await commands.InvokeAsync<int>(new Score(c.Name));
        await {|#1:bus.PublishAsync(new CandidateApplied(c.Name))|};
        await {|#2:context.SendAsync(new Archived(c.Email))|};
        await {|#3:bus.SendAsync(new Marked(c.Email))|};
        await bus.InvokeAsync(new StartCheck(c.Id, ""ops@example.com""));
        await bus.InvokeAsync(new Unrelated(c.Country));
    }
}", "Wolverine", Wolverine, Res001(0), Res001(1), Res001(2), Res001(3));

        // Only what Wolverine would find: a class named …Handler with a method of another name, a handler type that is not
        // public, a Handle method of a class of another name, and a type or method marked [WolverineIgnore] are not run.
        [Fact]
        public Task WhatWolverineWouldNotFindIsNotRun() => VerifyWithLibraryAsync(@"
public record StartCheck(string Email);
public class CheckHandler
{
    public void Process(StartCheck command, Crm crm) => crm.Send(command.Email);
}
internal class StartCheckHandler
{
    public void Handle(StartCheck command, Crm crm) => crm.Send(command.Email);
}
public class Checks
{
    public void Handle(StartCheck command, Crm crm) => crm.Send(command.Email);
}
[Wolverine.Attributes.WolverineIgnore]
public class IgnoredHandler
{
    public void Handle(StartCheck command, Crm crm) => crm.Send(command.Email);
}
public class PartlyIgnoredHandler
{
    [Wolverine.Attributes.WolverineIgnore]
    public void Handle(StartCheck command, Crm crm) => crm.Send(command.Email);
}
class Endpoint(Wolverine.IMessageBus bus)
{
    Task Run(Customer c) => bus.InvokeAsync(new StartCheck(c.Email));
}", "Wolverine", Wolverine);

        // Cascading messages: what a handler returns, Wolverine sends on to that message's handlers (a plain return, or a
        // Task of it), unless the caller asked for it as the response (InvokeAsync<T>). A returned value nothing handles,
        // or a response, goes nowhere further.
        [Fact]
        public Task AHandlersReturnedMessageCascadesToItsHandlers() => VerifyWithLibraryAsync(@"
public record RegisterCustomer(string Email);
public record Welcome(string Email);
public record CustomerRegistered(string Email);
public record Audit(string Email);
public static class RegisterCustomerHandler
{
    public static CustomerRegistered Handle(RegisterCustomer command) => new CustomerRegistered(command.Email);
}
public class WelcomeHandler
{
    public async Task<Audit> Handle(Welcome command) { await Task.Yield(); return new Audit(command.Email); }
}
public static class CustomerRegisteredHandler
{
    public static void Handle(CustomerRegistered registered, Crm crm) => crm.Send(registered.Email);
}
public static class AuditHandler
{
    public static void Handle(Audit audit, Crm crm) => crm.Send(audit.Email);
}
class Endpoint(Wolverine.IMessageBus bus)
{
    async Task Run(Customer c)
    {
        await {|#0:bus.InvokeAsync(new RegisterCustomer(c.Email))|};
        await {|#1:bus.PublishAsync(new RegisterCustomer(c.Email))|};
        await bus.InvokeAsync<CustomerRegistered>(new RegisterCustomer(c.Email));
        await {|#2:bus.InvokeAsync(new Welcome(c.Email))|};
    }
}", "Wolverine", Wolverine, Res001(0), Res001(1), Res001(2));
    }
}
