using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Shared runner for the tests of the Azure SDKs catalogued like Azure Storage (Azure.Data.Tables, Azure.Storage.Files.Shares,
    /// Azure.Messaging.ServiceBus, Microsoft.Azure.Cosmos, Azure.Messaging.EventHubs, the .NET Aspire client integrations): their stubs compiled with the Azure.Storage ones as one referenced library, the
    /// Microsoft.Extensions stand-ins and AddAzureClients, residency.json declarations.
    /// </summary>
    internal static class AzureSdkTest
    {
        public static readonly MetadataReference Library = TestReferences.Library("Azure.Sdks", SdkStubs.AzureStorageLibrary + SdkStubs.AzureTablesFilesServiceBusLibrary + SdkStubs.CosmosEventHubsAspireLibrary);

        public const string Uses = @"using Azure.Data.Tables;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Files.Shares;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
";

        /// <summary>Microsoft.Extensions.Azure's registration entry point and AddSingleton, with their real names (also AzureStorageTests').</summary>
        public const string RegistrationStubs = @"
namespace Microsoft.Extensions.Azure
{
    public sealed class AzureClientFactoryBuilder : IAzureClientFactoryBuilderWithConfiguration<Microsoft.Extensions.Configuration.IConfiguration>, IAzureClientFactoryBuilderWithCredential { }
    public static class AzureClientServiceCollectionExtensions
    {
        public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddAzureClients(this Microsoft.Extensions.DependencyInjection.IServiceCollection collection, System.Action<AzureClientFactoryBuilder> configureClients) => collection;
    }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public static class ServiceCollectionServiceExtensions
    {
        public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, TService implementationInstance) where TService : class => services;
        public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, System.Func<System.IServiceProvider, TService> implementationFactory) where TService : class => services;
    }
}
";

        /// <summary>A residency.json declaring <paramref name="host"/> in <paramref name="region"/>, and further files.</summary>
        public static (string, string)[] Declared(string host, string region, params (string, string)[] more) => EndpointTest.Declared(host, region, more);

        public static Task VerifyAsync(string source, (string, string)[]? files, params DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync(Uses + source + ExtensionsStubs + RegistrationStubs, files, null, new[] { Library }, expected);

        /// <summary>The single sink of the single call in <paramref name="source"/> that is one.</summary>
        public static SinkInfo SinkOf(string source, (string, string)[]? files = null) =>
            Assert.Single(Assert.Single(SinkProbe.Resolve(Uses + source + ExtensionsStubs + RegistrationStubs, files, null, Library)).Sink.Sinks);

        public static DiagnosticResult Res001(int markup) => EndpointTest.Res001(markup);

        public static DiagnosticResult Res003(int markup) => EndpointTest.Res003(markup);

        /// <summary>The RES003 of a flow to an undeclared host, with the residency.json entry its message names.</summary>
        public static DiagnosticResult Res003(int markup, string personal, string call, string host, string recipient, string method) =>
            DiagnosticResult.CompilerWarning("RES003").WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithMessage($"Personal data {personal} reaches {call} {host} (recipient {recipient}), whose region is unknown; path: {method} → {call} {host}; to declare it, add {{ \"pattern\": \"{host}\", \"region\": \"<region>\" }} to \"hosts\" in residency.json (the region of the resource or service behind the host)");

        /// <summary>The run of RES008 (unclassified recipients) with a vendor method nobody classified: only that one is reported.</summary>
        public static async Task VerifyUnclassifiedAsync(string source)
        {
            var test = new AnalyzerVerifier<UnclassifiedRecipientAnalyzer>.Test { TestCode = Usings + Uses + source + EndpointTest.Model };
            test.TestState.AdditionalReferences.Add(Library);
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Contoso.Vendor", "namespace Contoso.Vendor { public static class Archive { public static void Put(string value) { } } }"));
            test.TestState.Sources.Add(ExtensionsStubs + RegistrationStubs);
            test.ExpectedDiagnostics.Add(new DiagnosticResult("RES008", DiagnosticSeverity.Info).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
            await test.RunAsync(CancellationToken.None);
        }
    }
}
