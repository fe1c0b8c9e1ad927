using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>Half-typed and broken code around endpoints never makes the analyzers throw (no AD0001).</summary>
    public class RobustnessTests
    {
        private const string Broken = @"
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using OpenAI.Chat;
using System.ClientModel;
class Service
{
    const string A = B + ""/x"";
    const string B = A + ""/y"";
    static string C = D;
    static string D = C;
    async Task Run(HttpClient http, Customer customer, IConfiguration config, string s)
    {
        await http.PostAsJsonAsync(;
        await http.PostAsJsonAsync(A, customer.Email);
        await http.PostAsJsonAsync(C + customer.Email, customer.Email);
        await http.GetAsync(new Uri(new Uri(), customer.Name));
        await http.PostAsync(config[], new StringContent(customer.Email));
        await http.PostAsJsonAsync(config.GetSection(s).Value, customer.Email);
        await http.SendAsync(new HttpRequestMessage(HttpMethod., ), customer.Email);
        var url = url + ""/a"";
        await http.PostAsJsonAsync(url, customer.Email);
        string loop = ""https://api.openai.com"";
        for (int i = 0; i < 3; i++) { loop = loop + ""/"" + loop; }
        await http.PostAsJsonAsync(loop, customer.Email);
        var chat = new ChatClient(""m"", new ApiKeyCredential(""k""), new OpenAIClientOptions { Endpoint = new Uri( });
        await chat.CompleteChatAsync(ChatMessage.CreateUserMessage(customer.Email));
        new OpenAIClient().GetChatClient().CompleteChat(customer.Email);
        await Undefined.PostAsJsonAsync(""https://api.openai.com"", customer.Email);
        await http.BaseAddress.PostAsJsonAsync(customer.Email);
    }
}
static class Setup
{
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient<>(c => c.BaseAddress = );
        services.AddHttpClient(c => c.BaseAddress = new Uri(configuration[null!]));
        services.Configure<>(configuration.GetSection());
    }
}
";

        private static async Task RunAsync<TAnalyzer>(params (string Key, string Value)[] properties)
            where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        {
            var test = new AnalyzerVerifier<TAnalyzer>.Test
            {
                TestCode = EndpointTest.Usings + Broken + EndpointTest.Model + SdkStubs.OpenAI + EndpointTest.ExtensionsStubs,
                CompilerDiagnostics = CompilerDiagnostics.None,
            };
            test.TestState.AdditionalFiles.Add(("appsettings.json", "{ \"a\": [1, {\"b\": null}], \"c\": \"https://x\" }"));
            test.TestState.AdditionalFiles.Add(("appsettings.Broken.json", "{ \"a\": "));
            test.TestState.AdditionalFiles.Add(("residency.json", "[]"));
            if (properties.Length > 0)
            {
                test.TestState.AnalyzerConfigFiles.Add(TestReferences.GlobalConfig(properties));
            }

            // Only the absence of AD0001 matters here: accept whatever the analyzer reports.
            test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck;
            test.ExpectedDiagnostics.Clear();
            try
            {
                await test.RunAsync(CancellationToken.None);
            }
            catch (System.InvalidOperationException e)
            {
                // Diagnostics other than analyzer crashes are expected on broken code; an exception would show as AD0001.
                Assert.DoesNotContain("AD0001", e.Message);
                Assert.Contains("RES", e.Message);
            }
        }

        [Fact]
        public Task FlowAnalyzerSurvivesBrokenCode() => RunAsync<PersonalDataFlowAnalyzer>();

        [Fact]
        public Task InventoryFactsSurviveBrokenCode() => RunAsync<InventoryFactsAnalyzer>(("_ResidencyFactsFile", System.IO.Path.Combine(System.IO.Path.GetTempPath(), "residency-robustness", System.Guid.NewGuid().ToString("N"), "facts.json")));

        [Fact]
        public Task ConfigurationValidationSurvivesBrokenFiles() => RunAsync<ConfigurationValidationAnalyzer>();
    }
}
