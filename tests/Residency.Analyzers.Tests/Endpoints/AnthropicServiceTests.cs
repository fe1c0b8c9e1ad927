using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// The official Anthropic SDK sends through the services its client hands out (<c>client.Messages.Create(…)</c>,
    /// <c>client.Beta.Messages.Create(…)</c>, <c>client.WithRawResponse.Messages.Create(…)</c>): their types are in the
    /// entry's <c>serviceNamespaces</c> (<c>Anthropic.Services</c>), so a call on one is a sink that sends where the client
    /// sends. Before, they were in the SDK's own (local) namespace, and the data vanished from the record.
    /// </summary>
    public class AnthropicServiceTests
    {
        /// <summary>Anthropic 13.x's client and service shapes, with their real names (a referenced assembly, as in an application).</summary>
        private const string AnthropicLibrary = @"
namespace Anthropic.Models.Messages
{
    public sealed class MessageParam { public string Role { get; set; } = ""user""; public string Content { get; set; } = """"; }
    public sealed class MessageCreateParams
    {
        public string Model { get; set; } = """";
        public long MaxTokens { get; set; }
        public System.Collections.Generic.IReadOnlyList<MessageParam> Messages { get; set; } = null!;
    }
    public sealed class Message { public string Id { get; set; } = """"; }
}
namespace Anthropic.Services.Messages
{
    public interface IBatchService { System.Threading.Tasks.Task<string> Create(Anthropic.Models.Messages.MessageCreateParams parameters, System.Threading.CancellationToken cancellationToken = default); }
}
namespace Anthropic.Services
{
    public interface IMessageService
    {
        IMessageServiceWithRawResponse WithRawResponse { get; }
        Anthropic.Services.Messages.IBatchService Batches { get; }
        System.Threading.Tasks.Task<Anthropic.Models.Messages.Message> Create(Anthropic.Models.Messages.MessageCreateParams parameters, System.Threading.CancellationToken cancellationToken = default);
    }
    public interface IMessageServiceWithRawResponse
    {
        System.Threading.Tasks.Task<object> Create(Anthropic.Models.Messages.MessageCreateParams parameters, System.Threading.CancellationToken cancellationToken = default);
    }
    public interface IBetaService { Anthropic.Services.Beta.IMessageService Messages { get; } }
}
namespace Anthropic.Services.Beta
{
    public interface IMessageService
    {
        System.Threading.Tasks.Task<Anthropic.Models.Messages.Message> Create(Anthropic.Models.Messages.MessageCreateParams parameters, System.Threading.CancellationToken cancellationToken = default);
    }
}
namespace Anthropic
{
    public interface IAnthropicClientWithRawResponse { Anthropic.Services.IMessageServiceWithRawResponse Messages { get; } }
    public interface IAnthropicClient : System.IDisposable
    {
        string BaseUrl { get; init; }
        string? ApiKey { get; init; }
        IAnthropicClientWithRawResponse WithRawResponse { get; }
        Anthropic.Services.IMessageService Messages { get; }
        Anthropic.Services.IBetaService Beta { get; }
    }
    public class AnthropicClient : IAnthropicClient
    {
        public string BaseUrl { get; init; } = ""https://api.anthropic.com"";
        public string? ApiKey { get; init; }
        public IAnthropicClientWithRawResponse WithRawResponse => null!;
        public Anthropic.Services.IMessageService Messages => null!;
        public Anthropic.Services.IBetaService Beta => null!;
        public void Dispose() { }
    }
}
namespace Anthropic.Bedrock
{
    public class AnthropicBedrockClient : Anthropic.AnthropicClient { }
}
";

        private static readonly MetadataReference Anthropic = TestReferences.Library("Anthropic", AnthropicLibrary);

        private const string Uses = "using System.Threading;\nusing Anthropic;\nusing Anthropic.Models.Messages;\n";

        private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync(Uses + source, null, null, new[] { Anthropic }, expected);

        [Fact]
        public Task MessagesCreateSendsToAnthropicsApi() => VerifyAsync(@"
class SecondOpinion
{
    private readonly AnthropicClient _claude = new() { ApiKey = ""k"" };

    public Task<Message> Ask(Customer customer, CancellationToken ct) =>
        {|#0:_claude.Messages.Create(new MessageCreateParams { Model = ""claude-sonnet-4-5"", MaxTokens = 1024, Messages = new[] { new MessageParam { Content = ""Write to "" + customer.Email } } }, ct)|};

    public Task<Message> Blurb(CancellationToken ct) =>
        _claude.Messages.Create(new MessageCreateParams { Model = ""claude-haiku-4-5"", MaxTokens = 200, Messages = new[] { new MessageParam { Content = ""We are open Mon-Fri."" } } }, ct);
}", Res001(0).WithArguments("Customer.Email (contact.email)", "IMessageService.Create api.anthropic.com (recipient Anthropic)", "US (United States)", "EEA;Adequate", "Ask → IMessageService.Create api.anthropic.com"));

        [Fact]
        public Task NestedAndRawResponseServicesSendWhereTheClientSends() => VerifyAsync(@"
class Assistant(IAnthropicClient claude)
{
    public async Task Run(Customer customer)
    {
        var request = new MessageCreateParams { Model = ""m"", MaxTokens = 10, Messages = new[] { new MessageParam { Content = customer.Name } } };
        await {|#0:claude.Beta.Messages.Create(request)|};
        await {|#1:claude.WithRawResponse.Messages.Create(request)|};
        await {|#2:claude.Messages.Batches.Create(request)|};
    }
}", Res001(0), Res001(1), Res001(2));

        [Fact]
        public Task AClientOnAnInternalHostIsNoTransfer() => VerifyAsync(@"
class Gateway
{
    private readonly AnthropicClient _proxy = new() { BaseUrl = ""http://localhost:8080"" };
    public Task<Message> Ask(Customer customer) =>
        _proxy.Messages.Create(new MessageCreateParams { Messages = new[] { new MessageParam { Content = customer.Email } } });
}");

        [Fact]
        public Task ADerivedClientsServicesSendWhereThatClientSends() => VerifyAsync(@"
class Bedrock
{
    // Claude on Amazon Bedrock in Frankfurt: the Messages service of this client is not Anthropic's API.
    private readonly Anthropic.Bedrock.AnthropicBedrockClient _bedrock = new() { BaseUrl = ""https://bedrock-runtime.eu-central-1.amazonaws.com"" };
    public Task<Message> Ask(Customer customer) =>
        _bedrock.Messages.Create(new MessageCreateParams { Messages = new[] { new MessageParam { Content = customer.Email } } });
}");
    }
}
