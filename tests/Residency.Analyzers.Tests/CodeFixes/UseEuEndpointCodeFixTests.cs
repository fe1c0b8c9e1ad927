using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Tests.Endpoints;
using Residency.CodeFixes;
using Verify = Residency.Analyzers.Tests.Verifiers.CodeFixVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer, Residency.CodeFixes.UseEuEndpointCodeFixProvider>;

namespace Residency.Analyzers.Tests.CodeFixes
{
    /// <summary>The EU-endpoint fix on HTTP sinks (resolved by the HTTP sink provider from the host catalogue).</summary>
    public class UseEuEndpointCodeFixTests
    {
        private const string Prelude = EndpointTest.Usings + EndpointTest.Model;

        private static DiagnosticResult Res(string id, int markup) =>
            new DiagnosticResult(id, DiagnosticSeverity.Warning).WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private static Verify.Test Test(string source, string fixedSource, string key = UseEuEndpointCodeFixProvider.EquivalenceKey) => new()
        {
            TestCode = Prelude + source,
            FixedCode = Prelude + fixedSource,
            CodeActionEquivalenceKey = key,
        };

        [Fact]
        public async Task RewritesTheLiteralInTheCallKeepingPathAndTrivia()
        {
            var test = Test(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(/* chat */ ""https://api.openai.com/v1/chat/completions"" /* v1 */, new { input = customer.Email })|};
    }
}", @"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await http.PostAsJsonAsync(/* chat */ ""https://eu.api.openai.com/v1/chat/completions"" /* v1 */, new { input = customer.Email });
    }
}");
            test.ExpectedDiagnostics.Add(Res("RES001", 0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task RewritesTheCallersLiteralWhenAHelperSendsToTheUrlItIsGiven()
        {
            var test = Test(@"
class Service(HttpClient http)
{
    Task Post(string url, string body) => http.PostAsJsonAsync(url, body);
    async Task Run(Customer customer)
    {
        await {|#0:Post(""https://api.openai.com/v1/responses"", customer.Email)|};
    }
}", @"
class Service(HttpClient http)
{
    Task Post(string url, string body) => http.PostAsJsonAsync(url, body);
    async Task Run(Customer customer)
    {
        await Post(""https://eu.api.openai.com/v1/responses"", customer.Email);
    }
}");
            test.ExpectedDiagnostics.Add(Res("RES001", 0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task RewritesTheLiteralInsideNewUriAndVerbatimStrings()
        {
            var test = Test(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(new Uri(@""https://api.openai.com/v1/responses""), customer.Name)|};
    }
}", @"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await http.PostAsJsonAsync(new Uri(@""https://eu.api.openai.com/v1/responses""), customer.Name);
    }
}");
            test.ExpectedDiagnostics.Add(Res("RES001", 0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task RewritesTheTextOfAnInterpolatedUrl()
        {
            var test = Test(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.GetAsync($""https://api.openai.com/v1/users?email={customer.Email}"")|};
    }
}", @"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await http.GetAsync($""https://eu.api.openai.com/v1/users?email={customer.Email}"");
    }
}");
            test.ExpectedDiagnostics.Add(Res("RES001", 0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task FixAllRewritesASharedConstantOnceInItsOwnDocument()
        {
            var test = new Verify.Test { CodeActionEquivalenceKey = UseEuEndpointCodeFixProvider.EquivalenceKey };
            test.TestState.Sources.Add(("/0/Endpoints.cs", @"
static class Endpoints
{
    // The OpenAI API base.
    public const string OpenAi = ""https://api.openai.com/v1/""; // keep the slash
}
"));
            test.TestState.Sources.Add(("/0/Service.cs", Prelude + @"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(Endpoints.OpenAi + ""chat/completions"", customer.Email)|};
        await {|#1:http.PostAsJsonAsync(Endpoints.OpenAi + ""embeddings"", customer.Name)|};
    }
}"));
            test.FixedState.Sources.Add(("/0/Endpoints.cs", @"
static class Endpoints
{
    // The OpenAI API base.
    public const string OpenAi = ""https://eu.api.openai.com/v1/""; // keep the slash
}
"));
            test.FixedState.Sources.Add(("/0/Service.cs", Prelude + @"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await http.PostAsJsonAsync(Endpoints.OpenAi + ""chat/completions"", customer.Email);
        await http.PostAsJsonAsync(Endpoints.OpenAi + ""embeddings"", customer.Name);
    }
}"));
            test.ExpectedDiagnostics.Add(Res("RES001", 0));
            test.ExpectedDiagnostics.Add(Res("RES001", 1));
            test.NumberOfIncrementalIterations = 1; // one edit of the constant fixes both calls
            test.NumberOfFixAllIterations = 1;
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task FixAllInTheDocumentRewritesEveryCall()
        {
            var test = Test(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(""https://api.openai.com/v1/chat/completions"", customer.Email)|};
        await {|#1:http.PostAsync(""https://api.sendgrid.com/v3/mail/send"", new StringContent(customer.Email))|};
    }
}", @"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await http.PostAsJsonAsync(""https://eu.api.openai.com/v1/chat/completions"", customer.Email);
        await http.PostAsync(""https://api.eu.sendgrid.com/v3/mail/send"", new StringContent(customer.Email));
    }
}");
            test.ExpectedDiagnostics.Add(Res("RES001", 0));
            test.ExpectedDiagnostics.Add(Res("RES001", 1));
            test.NumberOfIncrementalIterations = 2;
            test.NumberOfFixAllIterations = 1;
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task NotOfferedWithoutAnEuAlternative()
        {
            var source = @"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(""https://api.deepseek.com/chat"", customer.Name)|};
    }
}";
            var test = Test(source, source);
            test.ExpectedDiagnostics.Add(Res("RES001", 0));
            test.FixedState.ExpectedDiagnostics.Add(Res("RES001", 0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task UrlFromAppSettingsGetsATodoNamingTheKey()
        {
            var source = Prelude + EndpointTest.ExtensionsStubs + @"
class Service
{
    private readonly Microsoft.Extensions.Configuration.IConfiguration _config;
    public Service(Microsoft.Extensions.Configuration.IConfiguration config) { _config = config; }

    async Task Run(HttpClient http, Customer customer)
    {
        // Chat completion.
        await {|#0:http.PostAsJsonAsync(_config[""OpenAI:Endpoint""] + ""/chat/completions"", customer.Email)|};
    }
}";
            var fixedSource = Prelude + EndpointTest.ExtensionsStubs + @"
class Service
{
    private readonly Microsoft.Extensions.Configuration.IConfiguration _config;
    public Service(Microsoft.Extensions.Configuration.IConfiguration config) { _config = config; }

    async Task Run(HttpClient http, Customer customer)
    {
        // Chat completion.
        // TODO(residency): set ""OpenAI:Endpoint"" in appsettings.json to the EU endpoint https://eu.api.openai.com
        await {|#0:http.PostAsJsonAsync(_config[""OpenAI:Endpoint""] + ""/chat/completions"", customer.Email)|};
    }
}";
            var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, CodeActionEquivalenceKey = UseEuEndpointCodeFixProvider.ConfigurationEquivalenceKey };
            const string settings = @"{
  ""OpenAI"": { ""Endpoint"": ""https://api.openai.com/v1"" }
}";
            test.TestState.AdditionalFiles.Add(("/0/appsettings.json", settings));
            test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", settings));
            test.ExpectedDiagnostics.Add(Res("RES001", 0));
            test.FixedState.ExpectedDiagnostics.Add(Res("RES001", 0));
            await test.RunAsync(CancellationToken.None);
        }

        [Theory]
        [InlineData(UseEuEndpointCodeFixProvider.EquivalenceKey)]
        [InlineData(UseEuEndpointCodeFixProvider.ConfigurationEquivalenceKey)]
        public async Task NotOfferedForAHostNamedFromAnAwsClientsRegion(string key)
        {
            // The host s3.us-east-1.amazonaws.com is named from AWS:Region: the EU alternative is a region to configure,
            // not a URL to write into appsettings.json, so neither the URL rewrite nor the configuration TODO applies.
            var source = "using Amazon.S3;\n" + Prelude + @"
class Store(IAmazonS3 s3)
{
    public Task Put(Customer customer) => {|#0:s3.PutObjectAsync(new PutObjectRequest { ContentBody = customer.Email })|};
}" + SdkStubs.Aws;
            var test = new Verify.Test { TestCode = source, FixedCode = source, CodeActionEquivalenceKey = key };
            const string settings = @"{ ""AWS"": { ""Region"": ""us-east-1"" } }";
            test.TestState.AdditionalFiles.Add(("/0/appsettings.json", settings));
            test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", settings));
            test.ExpectedDiagnostics.Add(Res("RES001", 0));
            test.FixedState.ExpectedDiagnostics.Add(Res("RES001", 0));
            await test.RunAsync(CancellationToken.None);
        }

        /// <summary>Minimal stand-ins for the OpenAI .NET SDK types, with their real names.</summary>
        private const string OpenAiStubs = @"
namespace System.ClientModel { public class ApiKeyCredential { public ApiKeyCredential(string key) { } } }
namespace OpenAI
{
    public class OpenAIClientOptions { public System.Uri? Endpoint { get; set; } }
}
namespace OpenAI.Chat
{
    public class ChatClient
    {
        public ChatClient(string model, string apiKey) { }
        public ChatClient(string model, System.ClientModel.ApiKeyCredential credential, OpenAI.OpenAIClientOptions options) { }
        public string CompleteChat(string message) => message;
    }
}
";

        [Fact]
        public async Task ChangesTheOpenAiClientOptionsEndpoint()
        {
            var test = Test(@"
class Service
{
    string Run(Customer customer)
    {
        var options = new OpenAI.OpenAIClientOptions { Endpoint = new Uri(""https://api.openai.com/v1"") };
        var chat = new OpenAI.Chat.ChatClient(""gpt-4o"", new System.ClientModel.ApiKeyCredential(""key""), options);
        return {|#0:chat.CompleteChat(""Summarise: "" + customer.Email)|};
    }
}" + OpenAiStubs, @"
class Service
{
    string Run(Customer customer)
    {
        var options = new OpenAI.OpenAIClientOptions { Endpoint = new Uri(""https://eu.api.openai.com/v1"") };
        var chat = new OpenAI.Chat.ChatClient(""gpt-4o"", new System.ClientModel.ApiKeyCredential(""key""), options);
        return chat.CompleteChat(""Summarise: "" + customer.Email);
    }
}" + OpenAiStubs);
            test.ExpectedDiagnostics.Add(Res("RES001", 0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task SetsTheEndpointOptionOnAClientCreatedWithoutOptions()
        {
            var test = Test(@"
class Service
{
    private readonly OpenAI.Chat.ChatClient _chat = new OpenAI.Chat.ChatClient(""gpt-4o"", ""key"");

    string Run(Customer customer) => {|#0:_chat.CompleteChat(""Summarise: "" + customer.Email)|};
}" + OpenAiStubs, @"
class Service
{
    private readonly OpenAI.Chat.ChatClient _chat = new OpenAI.Chat.ChatClient(""gpt-4o"", new System.ClientModel.ApiKeyCredential(""key""), new OpenAI.OpenAIClientOptions { Endpoint = new Uri(""https://eu.api.openai.com/v1"") });

    string Run(Customer customer) => _chat.CompleteChat(""Summarise: "" + customer.Email);
}" + OpenAiStubs);
            test.ExpectedDiagnostics.Add(Res("RES001", 0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task SetsTheEndpointInTheOptionsPassedToTheClient()
        {
            var test = Test(@"
class Service
{
    string Run(Customer customer)
    {
        var options = new OpenAI.OpenAIClientOptions();
        var chat = new OpenAI.Chat.ChatClient(""gpt-4o"", new System.ClientModel.ApiKeyCredential(""key""), options);
        return {|#0:chat.CompleteChat(""Summarise: "" + customer.Email)|};
    }
}" + OpenAiStubs, @"
class Service
{
    string Run(Customer customer)
    {
        var options = new OpenAI.OpenAIClientOptions { Endpoint = new Uri(""https://eu.api.openai.com/v1"") };
        var chat = new OpenAI.Chat.ChatClient(""gpt-4o"", new System.ClientModel.ApiKeyCredential(""key""), options);
        return chat.CompleteChat(""Summarise: "" + customer.Email);
    }
}" + OpenAiStubs);
            test.ExpectedDiagnostics.Add(Res("RES001", 0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task SetsTheEndpointOnTheParentClientOfAChildClient()
        {
            var test = Test(@"
class Service
{
    async Task Run(Customer customer)
    {
        var client = new OpenAI.OpenAIClient(""key"");
        var chat = client.GetChatClient(""gpt-4o"");
        await {|#0:chat.CompleteChatAsync(OpenAI.Chat.ChatMessage.CreateUserMessage(customer.Email))|};
    }
}" + SdkStubs.OpenAI, @"
class Service
{
    async Task Run(Customer customer)
    {
        var client = new OpenAI.OpenAIClient(new System.ClientModel.ApiKeyCredential(""key""), new OpenAI.OpenAIClientOptions { Endpoint = new Uri(""https://eu.api.openai.com/v1"") });
        var chat = client.GetChatClient(""gpt-4o"");
        await chat.CompleteChatAsync(OpenAI.Chat.ChatMessage.CreateUserMessage(customer.Email));
    }
}" + SdkStubs.OpenAI);
            test.ExpectedDiagnostics.Add(Res("RES001", 0));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Res003OnAHostOfUnknownRegionWithAnEuAlternative()
        {
            var test = Test(@"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await {|#0:http.PostAsJsonAsync(""https://api.nexmo.com/v1/messages"", customer.Name)|};
    }
}", @"
class Service
{
    async Task Run(HttpClient http, Customer customer)
    {
        await http.PostAsJsonAsync(""https://api-eu.vonage.com/v1/messages"", customer.Name);
    }
}");
            test.ExpectedDiagnostics.Add(Res("RES003", 0));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
