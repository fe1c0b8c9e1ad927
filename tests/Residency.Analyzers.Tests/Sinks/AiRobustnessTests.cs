using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Analyzers;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Sinks
{
    /// <summary>Half-typed AI, Semantic Kernel and e-mail code never makes the analyzers throw (no AD0001).</summary>
    public class AiRobustnessTests
    {
        private const string Broken = @"
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using OllamaSharp;
using MailKit.Net.Smtp;
using MimeKit;
class Bot([FromKeyedServices()] IChatClient keyed, IChatClient chat, Kernel kernel)
{
    IChatClient _loop = _loop;
    static string Tool(int id) => Store.Find(id).Email;
    async Task Run(Customer customer, IServiceCollection services)
    {
        await chat.GetResponseAsync(;
        await chat.GetResponseAsync(customer.Email, new ChatOptions { Tools = [AIFunctionFactory.Create(Tool), AIFunctionFactory.Create()] });
        await keyed.GetResponseAsync(customer.Email);
        await _loop.GetResponseAsync(customer.Email);
        await new ChatClientBuilder().Build().GetResponseAsync(customer.Name);
        IChatClient a = b; IChatClient b = a;
        await a.GetResponseAsync(customer.Email);
        await new OllamaApiClient(new Uri()).GetResponseAsync(customer.Email);
        await new OllamaApiClient(customer.Email).GetResponseAsync(customer.Email);
        services.AddKeyedChatClient(null, sp => sp.GetRequiredKeyedService<IChatClient>(null));
        services.AddChatClient(sp => sp.GetRequiredService<IChatClient>());
        services.AddChatClient(;
        await kernel.InvokePromptAsync(customer.Name, new KernelArguments { [] = customer.Email });
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion(, new Uri(), );
        builder.Plugins.AddFromType<>();
        builder.Plugins.AddFromObject(null!);
        await builder.Build().InvokePromptAsync(customer.Email);
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(customer.Email, );
        await smtp.SendAsync(new MimeMessage(customer.Email));
        using var net = new System.Net.Mail.SmtpClient(null);
        net.Host = net.Host;
        await net.SendMailAsync(null, customer.Email, , );
    }
}
static class Store { public static Customer Find(int id) => new Customer(); }
public class Plugin { [KernelFunction] public string Get() => new Customer().Email; [KernelFunction(] public string Half( }
";

        [Fact]
        public async Task NoAnalyzerExceptionOnHalfTypedAiCode()
        {
            var source = PackageTest.Usings + Broken + PackageTest.Model;
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), path: "/0/Test0.cs");
            var compilation = CSharpCompilation.Create("Broken", new[] { tree }, PackageReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error); // it is broken
            var analyzers = System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new PersonalDataFlowAnalyzer(), new InventoryFactsAnalyzer());
            var exceptions = new System.Collections.Concurrent.ConcurrentBag<System.Exception>();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty), onAnalyzerException: (e, _, _) => exceptions.Add(e), concurrentAnalysis: true, logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            Assert.Contains(diagnostics, d => d.Id.StartsWith("RES", System.StringComparison.Ordinal)); // the analysis ran
        }
    }
}
