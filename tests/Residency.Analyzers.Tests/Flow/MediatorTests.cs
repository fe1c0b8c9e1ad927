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
