using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// An in-process mediator (<c>Catalog/library.json</c>, "mediators"): <c>mediator.Send(command)</c> runs the handlers of
    /// the compilation that accept the command, and the data in the command goes where the handler sends it. A field test
    /// passed a claim e-mail in a MediatR command to a handler that posted it to Slack; the build said only that MediatR's
    /// <c>IMediator.Send</c> was an unclassified recipient.
    /// </summary>
    public class MediatorTests
    {
        // MediatR's API (12.x; 5.x has the same Send, Publish and handler shapes), as a referenced assembly.
        internal const string MediatR = @"
namespace MediatR
{
    using System.Threading;
    using System.Threading.Tasks;
    public interface IBaseRequest { }
    public interface IRequest : IBaseRequest { }
    public interface IRequest<out TResponse> : IBaseRequest { }
    public interface INotification { }
    public interface ISender
    {
        Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);
        Task Send<TRequest>(TRequest request, CancellationToken cancellationToken = default) where TRequest : IRequest;
        Task<object?> Send(object request, CancellationToken cancellationToken = default);
    }
    public interface IPublisher
    {
        Task Publish(object notification, CancellationToken cancellationToken = default);
        Task Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default) where TNotification : INotification;
    }
    public interface IMediator : ISender, IPublisher { }
    public interface IRequestHandler<in TRequest, TResponse> where TRequest : IRequest<TResponse>
    {
        Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
    }
    public interface IRequestHandler<in TRequest> where TRequest : IRequest
    {
        Task Handle(TRequest request, CancellationToken cancellationToken);
    }
    public interface INotificationHandler<in TNotification> where TNotification : INotification
    {
        Task Handle(TNotification notification, CancellationToken cancellationToken);
    }
}";

        private const string Handlers = @"
public record StartCheck(int CandidateId, string Email) : MediatR.IRequest;
public record Score(string CvText) : MediatR.IRequest<int>;
public record CandidateApplied(string Name) : MediatR.INotification;
public record Unrelated(string Text) : MediatR.IRequest;

public class StartCheckHandler(Crm crm) : MediatR.IRequestHandler<StartCheck>
{
    public Task Handle(StartCheck request, System.Threading.CancellationToken cancellationToken) { crm.Send(request.Email); return Task.CompletedTask; }
}
public class ScoreHandler(Crm crm) : MediatR.IRequestHandler<Score, int>
{
    public Task<int> Handle(Score request, System.Threading.CancellationToken cancellationToken) { crm.SendDe(request.CvText); return Task.FromResult(1); }
}
public class AppliedHandler(Crm crm) : MediatR.INotificationHandler<CandidateApplied>
{
    public Task Handle(CandidateApplied notification, System.Threading.CancellationToken cancellationToken) { crm.Send(notification.Name); return Task.CompletedTask; }
}
public class UnrelatedHandler(Crm crm) : MediatR.IRequestHandler<Unrelated>
{
    public Task Handle(Unrelated request, System.Threading.CancellationToken cancellationToken) { crm.Send(request.Text); return Task.CompletedTask; }
}
";

        [Fact]
        public Task TheCommandsDataGoesWhereItsHandlerSendsIt() => VerifyWithLibraryAsync(Handlers + @"
class Controller(MediatR.IMediator mediator, MediatR.ISender sender)
{
    async Task Run(Customer c)
    {
        await {|#0:mediator.Send(new StartCheck(c.Id, c.Email))|};
        await sender.Send(new Score(c.Name));
        await {|#1:mediator.Publish(new CandidateApplied(c.Name))|};
        await mediator.Send(new StartCheck(c.Id, ""ops@example.com""));
        await mediator.Send(new Unrelated(c.Country));
    }
}", "MediatR", MediatR, Res001(0), Res001(1));

        // The Mediator package's API (Mediator.Abstractions 3.x: ValueTask, commands, queries and requests, a one-argument
        // handler interface deriving from the two-argument one), as a referenced assembly. Its source generator writes the
        // concrete Mediator class into the application (MediatorGenerated below stands for it).
        internal const string MediatorPackage = @"
namespace Mediator
{
    using System.Threading;
    using System.Threading.Tasks;
    public readonly struct Unit { public static Unit Value => default; }
    public interface IMessage { }
    public interface IBaseCommand : IMessage { }
    public interface ICommand<out TResponse> : IBaseCommand { }
    public interface ICommand : ICommand<Unit> { }
    public interface IBaseQuery : IMessage { }
    public interface IQuery<out TResponse> : IBaseQuery { }
    public interface IBaseRequest : IMessage { }
    public interface IRequest<out TResponse> : IBaseRequest { }
    public interface INotification { }
    public interface ISender
    {
        ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);
        ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default);
        ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default);
        ValueTask<object?> Send(object message, CancellationToken cancellationToken = default);
    }
    public interface IPublisher
    {
        ValueTask Publish(object notification, CancellationToken cancellationToken = default);
        ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default) where TNotification : INotification;
    }
    public interface IMediator : ISender, IPublisher { }
    public delegate ValueTask<TResponse> MessageHandlerDelegate<in TMessage, TResponse>(TMessage message, CancellationToken cancellationToken);
    public interface ICommandHandler<in TCommand, TResponse> where TCommand : ICommand<TResponse>
    {
        ValueTask<TResponse> Handle(TCommand command, CancellationToken cancellationToken);
    }
    public interface ICommandHandler<in TCommand> : ICommandHandler<TCommand, Unit> where TCommand : ICommand { }
    public interface IQueryHandler<in TQuery, TResponse> where TQuery : IQuery<TResponse>
    {
        ValueTask<TResponse> Handle(TQuery query, CancellationToken cancellationToken);
    }
    public interface IRequestHandler<in TRequest, TResponse> where TRequest : IRequest<TResponse>
    {
        ValueTask<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
    }
    public interface INotificationHandler<in TNotification> where TNotification : INotification
    {
        ValueTask Handle(TNotification notification, CancellationToken cancellationToken);
    }
}";

        private const string MediatorHandlers = @"
public record StartCheck(int CandidateId, string Email) : Mediator.ICommand;
public record Score(string CvText) : Mediator.IQuery<int>;
public record Lookup(string Email) : Mediator.IRequest<string>;
public record CandidateApplied(string Name) : Mediator.INotification;
public record Unrelated(string Text) : Mediator.ICommand;

public class StartCheckHandler(Crm crm) : Mediator.ICommandHandler<StartCheck>
{
    public System.Threading.Tasks.ValueTask<Mediator.Unit> Handle(StartCheck command, System.Threading.CancellationToken cancellationToken) { crm.Send(command.Email); return default; }
}
public class ScoreHandler(Crm crm) : Mediator.IQueryHandler<Score, int>
{
    public System.Threading.Tasks.ValueTask<int> Handle(Score query, System.Threading.CancellationToken cancellationToken) { crm.SendDe(query.CvText); return new(1); }
}
public class LookupHandler(Crm crm) : Mediator.IRequestHandler<Lookup, string>
{
    public System.Threading.Tasks.ValueTask<string> Handle(Lookup request, System.Threading.CancellationToken cancellationToken) { crm.Send(request.Email); return new(""""); }
}
public class AppliedHandler(Crm crm) : Mediator.INotificationHandler<CandidateApplied>
{
    public System.Threading.Tasks.ValueTask Handle(CandidateApplied notification, System.Threading.CancellationToken cancellationToken) { crm.Send(notification.Name); return default; }
}
public class UnrelatedHandler(Crm crm) : Mediator.ICommandHandler<Unrelated>
{
    public System.Threading.Tasks.ValueTask<Mediator.Unit> Handle(Unrelated command, System.Threading.CancellationToken cancellationToken) { crm.Send(command.Text); return default; }
}
";

        // What the Mediator package's source generator writes into the application (abridged): one Send per message type,
        // which hands the message to a wrapper that looks the handler up in the service provider and calls it through a
        // delegate (the pipeline's behaviours wrap that delegate).
        private const string MediatorGenerated = @"
namespace Mediator
{
    [System.CodeDom.Compiler.GeneratedCode(""Mediator.SourceGenerator"", ""3.0.0.0"")]
    public sealed partial class Mediator(System.IServiceProvider services) : IMediator
    {
        internal readonly System.IServiceProvider Services = services;
        private readonly Internals.CommandHandlerWrapper<global::StartCheck, Unit> _startCheck = new();
        private readonly Internals.NotificationHandlerWrapper<global::CandidateApplied> _applied = new();
        public System.Threading.Tasks.ValueTask<Unit> Send(global::StartCheck command, System.Threading.CancellationToken cancellationToken = default) =>
            _startCheck.Handle(this, command, cancellationToken);
        public System.Threading.Tasks.ValueTask Publish(global::CandidateApplied notification, System.Threading.CancellationToken cancellationToken = default) =>
            _applied.Handle(this, notification, cancellationToken);
        public System.Threading.Tasks.ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, System.Threading.CancellationToken cancellationToken = default) => default;
        public System.Threading.Tasks.ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, System.Threading.CancellationToken cancellationToken = default) => default;
        public System.Threading.Tasks.ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, System.Threading.CancellationToken cancellationToken = default) => default;
        public System.Threading.Tasks.ValueTask<object?> Send(object message, System.Threading.CancellationToken cancellationToken = default) => default;
        public System.Threading.Tasks.ValueTask Publish(object notification, System.Threading.CancellationToken cancellationToken = default) => default;
        public System.Threading.Tasks.ValueTask Publish<TNotification>(TNotification notification, System.Threading.CancellationToken cancellationToken = default) where TNotification : INotification => default;
    }
}
namespace Mediator.Internals
{
    [System.CodeDom.Compiler.GeneratedCode(""Mediator.SourceGenerator"", ""3.0.0.0"")]
    internal sealed class CommandHandlerWrapper<TRequest, TResponse> where TRequest : ICommand<TResponse>
    {
        public System.Threading.Tasks.ValueTask<TResponse> Handle(Mediator mediator, TRequest request, System.Threading.CancellationToken cancellationToken)
        {
            var concreteHandler = (ICommandHandler<TRequest, TResponse>)mediator.Services.GetService(typeof(ICommandHandler<TRequest, TResponse>))!;
            var handler = (MessageHandlerDelegate<TRequest, TResponse>)concreteHandler.Handle;
            return handler(request, cancellationToken);
        }
    }
    [System.CodeDom.Compiler.GeneratedCode(""Mediator.SourceGenerator"", ""3.0.0.0"")]
    internal sealed class NotificationHandlerWrapper<TNotification> where TNotification : INotification
    {
        public System.Threading.Tasks.ValueTask Handle(Mediator mediator, TNotification notification, System.Threading.CancellationToken cancellationToken)
        {
            var handlers = (System.Collections.Generic.IEnumerable<INotificationHandler<TNotification>>)mediator.Services.GetService(typeof(System.Collections.Generic.IEnumerable<INotificationHandler<TNotification>>))!;
            System.Func<TNotification, System.Threading.CancellationToken, System.Threading.Tasks.ValueTask>? publish = null;
            foreach (var handler in handlers) { publish = handler.Handle; }
            return publish!(notification, cancellationToken);
        }
    }
}";

        // MediatR became a commercial product in 2025; templates such as Ardalis' Clean Architecture moved to the Mediator
        // package, whose calls were neither followed nor reported.
        [Fact]
        public Task TheMediatorPackagesCallsRunTheirHandlers() => VerifyWithLibraryAsync(MediatorHandlers + @"
class Controller(Mediator.IMediator mediator, Mediator.ISender sender, Mediator.IPublisher publisher)
{
    async System.Threading.Tasks.Task Run(Customer c)
    {
        await {|#0:mediator.Send(new StartCheck(c.Id, c.Email))|};
        await sender.Send(new Score(c.Name));
        await {|#1:sender.Send(new Lookup(c.Email))|};
        await {|#2:publisher.Publish(new CandidateApplied(c.Name))|};
        await mediator.Send(new StartCheck(c.Id, ""ops@example.com""));
        await mediator.Send(new Unrelated(c.Country));
    }
}", "Mediator", MediatorPackage, Res001(0), Res001(1), Res001(2));

        // The generated class is the mediator too, when the application injects it rather than its interface: its body
        // (a service look-up) would lose the command.
        [Fact]
        public Task TheSourceGeneratedMediatorRunsTheHandlers() => VerifyWithLibraryAsync(MediatorHandlers + MediatorGenerated + @"
class Controller(Mediator.Mediator mediator)
{
    async System.Threading.Tasks.Task Run(Customer c)
    {
        await {|#0:mediator.Send(new StartCheck(c.Id, c.Email))|};
        await {|#1:mediator.Publish(new CandidateApplied(c.Name))|};
        await mediator.Send(new Unrelated(c.Country));
    }
}", "Mediator", MediatorPackage, Res001(0), Res001(1));

        // A mediator written by hand (here one that drops what it is sent) is the code it is: its body is analysed, and the
        // handlers it does not call are not run.
        [Fact]
        public Task AMediatorWrittenByHandIsAnalysedAsItsCode() => VerifyWithLibraryAsync(MediatorHandlers + @"
class NullSender : Mediator.ISender
{
    public System.Threading.Tasks.ValueTask<TResponse> Send<TResponse>(Mediator.IRequest<TResponse> request, System.Threading.CancellationToken cancellationToken = default) => default;
    public System.Threading.Tasks.ValueTask<TResponse> Send<TResponse>(Mediator.ICommand<TResponse> command, System.Threading.CancellationToken cancellationToken = default) => default;
    public System.Threading.Tasks.ValueTask<TResponse> Send<TResponse>(Mediator.IQuery<TResponse> query, System.Threading.CancellationToken cancellationToken = default) => default;
    public System.Threading.Tasks.ValueTask<object?> Send(object message, System.Threading.CancellationToken cancellationToken = default) => default;
}
class Controller
{
    async System.Threading.Tasks.Task Run(Customer c, NullSender sender) => await sender.Send(new StartCheck(c.Id, c.Email));
}", "Mediator", MediatorPackage);

        // eShop's idempotent commands: a generic, abstract handler of a wrapper (IdentifiedCommand<T, R>) that a concrete
        // handler derives from, and which sends the wrapped command on through the mediator. The wrapper's handler is found
        // through its base, and the command it sends on (a T) reaches the handlers that accept what T may be.
        [Fact]
        public Task AGenericBaseHandlerOfAWrapperRunsAndSendsTheCommandOn() => VerifyWithLibraryAsync(@"
public record Identified<T, R>(T Command, System.Guid Id) : MediatR.IRequest<R> where T : MediatR.IRequest<R>;
public record CreateOrder(string Email, string City) : MediatR.IRequest<bool>;
public record CancelOrder(int OrderNumber) : MediatR.IRequest<bool>;
public abstract class IdentifiedHandler<T, R>(MediatR.IMediator mediator) : MediatR.IRequestHandler<Identified<T, R>, R> where T : MediatR.IRequest<R>
{
    public async Task<R> Handle(Identified<T, R> message, System.Threading.CancellationToken cancellationToken) => await mediator.Send(message.Command, cancellationToken);
}
public class CreateOrderIdentifiedHandler(MediatR.IMediator mediator) : IdentifiedHandler<CreateOrder, bool>(mediator) { }
public class CreateOrderHandler(Crm crm) : MediatR.IRequestHandler<CreateOrder, bool>
{
    public Task<bool> Handle(CreateOrder request, System.Threading.CancellationToken cancellationToken) { crm.Send(request.Email); return Task.FromResult(true); }
}
public class CancelOrderHandler(Crm crm) : MediatR.IRequestHandler<CancelOrder, bool>
{
    public Task<bool> Handle(CancelOrder request, System.Threading.CancellationToken cancellationToken) { crm.Send(request.OrderNumber.ToString()); return Task.FromResult(true); }
}
class Api(MediatR.IMediator mediator)
{
    async Task Create(Customer c) => await {|#0:mediator.Send(new Identified<CreateOrder, bool>(new CreateOrder(c.Email, ""Berlin""), System.Guid.NewGuid()))|};
}", "MediatR", MediatR, Res001(0));

        // With no handler of the command in the compilation (it lives in another project), the call stays an
        // unclassified recipient, as before.
        [Fact]
        public async Task WithoutAHandlerHereTheCallStaysUnclassified()
        {
            var test = new AnalyzerVerifier<UnclassifiedRecipientAnalyzer>.Test
            {
                TestCode = Rules.RES008Tests.Model + @"
public record Elsewhere(string Email) : MediatR.IRequest;
class Controller(MediatR.IMediator mediator)
{
    System.Threading.Tasks.Task Run(Customer c) => {|#0:mediator.Send(new Elsewhere(c.Email))|};
}",
            };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Vendor", Rules.RES008Tests.VendorLibrary));
            test.TestState.AdditionalReferences.Add(TestReferences.Library("MediatR", MediatR));
            test.ExpectedDiagnostics.Add(Rules.RES008Tests.Res008(0));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
