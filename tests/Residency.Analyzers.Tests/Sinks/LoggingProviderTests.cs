using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Tests.Verifiers;
using Xunit;
using Residency.Analyzers.Tests.Endpoints;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Sinks
{
    /// <summary>
    /// Microsoft.Extensions.Logging calls shipped off the host by a logging provider the application registers
    /// (<c>Catalog/logging.json</c> "providers"): Application Insights, Sentry, an OpenTelemetry OTLP exporter. The
    /// <c>LogX</c> extensions, <c>ILogger.Log</c> and source-generated <c>[LoggerMessage]</c> methods are sinks to the
    /// providers that receive their level; without a registration, logging stays local.
    /// </summary>
    public class LoggingProviderTests
    {
        // The shapes of Microsoft.Extensions.Logging, Microsoft.ApplicationInsights.AspNetCore, Sentry.AspNetCore and
        // OpenTelemetry's OTLP exporter, with their real names, as a referenced assembly (metadata only, as the packages are).
        private const string LoggingLibrary = @"
namespace Microsoft.Extensions.Logging
{
    public enum LogLevel { Trace, Debug, Information, Warning, Error, Critical, None }
    public interface ILogger { void Log<TState>(LogLevel logLevel, int eventId, TState state, System.Exception? exception, System.Func<TState, System.Exception?, string> formatter); }
    public interface ILogger<out TCategoryName> : ILogger { }
    public interface ILoggingBuilder { }
    public static class LoggerExtensions
    {
        public static void LogDebug(this ILogger logger, string? message, params object?[] args) { }
        public static void LogInformation(this ILogger logger, string? message, params object?[] args) { }
        public static void LogWarning(this ILogger logger, string? message, params object?[] args) { }
        public static void LogError(this ILogger logger, System.Exception? exception, string? message, params object?[] args) { }
        public static void Log(this ILogger logger, LogLevel logLevel, string? message, params object?[] args) { }
    }
    [System.AttributeUsage(System.AttributeTargets.Method)]
    public sealed class LoggerMessageAttribute : System.Attribute
    {
        public LoggerMessageAttribute() { }
        public LoggerMessageAttribute(int eventId, LogLevel level, string message) { Level = level; Message = message; }
        public int EventId { get; set; }
        public LogLevel Level { get; set; }
        public string Message { get; set; } = """";
    }
    public static class OpenTelemetryLoggingExtensions
    {
        public static ILoggingBuilder AddOpenTelemetry(this ILoggingBuilder builder, System.Action<OpenTelemetry.Logs.OpenTelemetryLoggerOptions> configure) => builder;
    }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public interface IServiceCollection { }
    public static class ApplicationInsightsExtensions
    {
        public static IServiceCollection AddApplicationInsightsTelemetry(this IServiceCollection services) => services;
        public static IServiceCollection AddApplicationInsightsTelemetry(this IServiceCollection services, Microsoft.ApplicationInsights.AspNetCore.Extensions.ApplicationInsightsServiceOptions options) => services;
    }
}
namespace Microsoft.ApplicationInsights.AspNetCore.Extensions
{
    public class ApplicationInsightsServiceOptions { public string? ConnectionString { get; set; } }
}
namespace Microsoft.AspNetCore.Hosting
{
    public interface IWebHostBuilder { }
    public static class SentryWebHostBuilderExtensions
    {
        public static IWebHostBuilder UseSentry(this IWebHostBuilder builder, string dsn) => builder;
        public static IWebHostBuilder UseSentry(this IWebHostBuilder builder, System.Action<Sentry.AspNetCore.SentryAspNetCoreOptions> configureOptions) => builder;
    }
}
namespace Sentry
{
    public class SentryOptions { public string? Dsn { get; set; } }
}
namespace Sentry.AspNetCore
{
    public class SentryAspNetCoreOptions : Sentry.SentryOptions { }
}
namespace OpenTelemetry.Logs
{
    public class OpenTelemetryLoggerOptions { }
    public static class OtlpLogExporterHelperExtensions
    {
        public static OpenTelemetryLoggerOptions AddOtlpExporter(this OpenTelemetryLoggerOptions loggerOptions) => loggerOptions;
        public static OpenTelemetryLoggerOptions AddOtlpExporter(this OpenTelemetryLoggerOptions loggerOptions, System.Action<OpenTelemetry.Exporter.OtlpExporterOptions> configure) => loggerOptions;
    }
}
namespace OpenTelemetry.Trace
{
    public class TracerProviderBuilder { }
    public static class OtlpTraceExporterHelperExtensions
    {
        public static TracerProviderBuilder AddOtlpExporter(this TracerProviderBuilder builder, System.Action<OpenTelemetry.Exporter.OtlpExporterOptions> configure) => builder;
    }
}
namespace OpenTelemetry.Exporter
{
    public class OtlpExporterOptions { public System.Uri Endpoint { get; set; } = new System.Uri(""http://localhost:4317""); }
}";

        private static readonly MetadataReference Logging = TestReferences.Library("Logging", LoggingLibrary);

        private const string UsInsights = @"{ ""ApplicationInsights"": { ""ConnectionString"": ""InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://eastus-8.in.applicationinsights.azure.com/"" }";

        private const string RegisterInsights = @"
static class Startup
{
    public static void Configure(Microsoft.Extensions.DependencyInjection.IServiceCollection services) => services.AddApplicationInsightsTelemetry();
}";

        private static Task VerifyAsync(string source, (string, string)[]? files, params DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync("using Microsoft.Extensions.Logging;\nusing Microsoft.Extensions.DependencyInjection;\nusing Microsoft.AspNetCore.Hosting;\nusing OpenTelemetry.Logs;\nusing OpenTelemetry.Trace;\n" + source, files, null, new[] { Logging }, expected);

        private static (string, string)[] AppSettings(string json) => new[] { ("/0/appsettings.json", json) };

        [Fact]
        public Task ApplicationInsightsReceivesWarningsNotInformation() => VerifyAsync(RegisterInsights + @"
class Accounts(ILogger<Accounts> logger)
{
    public void SignedIn(Customer customer)
    {
        logger.LogInformation(""Signed in {Email}"", customer.Email);
        {|#0:logger.LogWarning(""Suspicious sign-in {Email}"", customer.Email)|};
        logger.LogDebug(""Session of {Email}"", customer.Email);
    }
}", AppSettings(UsInsights + " }"),
            Res001(0).WithArguments("Customer.Email (contact.email)", "ILogger ApplicationInsights eastus-8.in.applicationinsights.azure.com (recipient Microsoft (Azure Monitor))", "US (United States)", "EEA;Adequate",
                "SignedIn → ILogger ApplicationInsights eastus-8.in.applicationinsights.azure.com"));

        [Fact]
        public Task ItsLoggingConfigurationLowersTheLevel() => VerifyAsync(RegisterInsights + @"
class Accounts(ILogger<Accounts> logger)
{
    public void SignedIn(Customer customer)
    {
        {|#0:logger.LogInformation(""Signed in {Email}"", customer.Email)|};
        logger.LogDebug(""Session of {Email}"", customer.Email);
    }
}", AppSettings(UsInsights + @", ""Logging"": { ""ApplicationInsights"": { ""LogLevel"": { ""Default"": ""Information"" } } } }"), Res001(0));

        // Each environment's settings pair its level with its destination: Debug is on in Development, whose resource is in
        // West Europe; production's is in the US and receives Warning and above. A field test's LogDebug of an e-mail was
        // RES001 because the Development level and the production endpoint were combined.
        [Fact]
        public Task AnEnvironmentsLevelGoesWithItsOwnDestination() => VerifyAsync(RegisterInsights + @"
class Accounts(ILogger<Accounts> logger)
{
    public void SignedIn(Customer customer)
    {
        logger.LogDebug(""Session of {Email}"", customer.Email);
        {|#0:logger.LogWarning(""Suspicious sign-in {Email}"", customer.Email)|};
    }
}", new[]
            {
                ("/0/appsettings.json", UsInsights + " }"),
                ("/0/appsettings.Development.json", UsInsights.Replace("eastus-8", "westeurope-5") + @", ""Logging"": { ""ApplicationInsights"": { ""LogLevel"": { ""Default"": ""Debug"" } } } }"),
            },
            Res001(0).WithArguments("Customer.Email (contact.email)", "ILogger ApplicationInsights eastus-8.in.applicationinsights.azure.com (recipient Microsoft (Azure Monitor))", "US (United States)", "EEA;Adequate",
                "SignedIn → ILogger ApplicationInsights eastus-8.in.applicationinsights.azure.com"));

        // The same with the endpoint read from configuration in the registration's lambda, as the field test wrote it.
        [Fact]
        public Task AnOtlpEndpointFromEachEnvironmentsSettings() => VerifyAsync(@"
namespace Microsoft.Extensions.Configuration { public interface IConfiguration { string? this[string key] { get; set; } } }
static class Startup
{
    public static void Configure(ILoggingBuilder logging, Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        logging.AddOpenTelemetry(o => o.AddOtlpExporter(e => e.Endpoint = new System.Uri(configuration[""OpenTelemetry:Endpoint""]!)));
}
class Accounts(ILogger<Accounts> logger)
{
    public void SignedIn(Customer customer)
    {
        logger.LogDebug(""Session of {Email}"", customer.Email);
        {|#0:logger.LogInformation(""Signed in {Email}"", customer.Email)|};
    }
}", new[]
            {
                ("/0/appsettings.json", @"{ ""Logging"": { ""LogLevel"": { ""Default"": ""Information"" } }, ""OpenTelemetry"": { ""Endpoint"": ""https://otlp.observability-vendor.example"" } }"),
                ("/0/appsettings.Development.json", @"{ ""Logging"": { ""LogLevel"": { ""Default"": ""Debug"" } }, ""OpenTelemetry"": { ""Endpoint"": ""http://localhost:4318"" } }"),
            },
            Res003(0));

        // An environment file that sets only the level sees the base file's destination: Debug in Development goes to the
        // US resource too.
        [Fact]
        public Task AnEnvironmentWithoutItsOwnDestinationUsesTheBaseOne() => VerifyAsync(RegisterInsights + @"
class Accounts(ILogger<Accounts> logger)
{
    public void SignedIn(Customer customer) => {|#0:logger.LogDebug(""Session of {Email}"", customer.Email)|};
}", new[]
            {
                ("/0/appsettings.json", UsInsights + " }"),
                ("/0/appsettings.Development.json", @"{ ""Logging"": { ""ApplicationInsights"": { ""LogLevel"": { ""Default"": ""Debug"" } } } }"),
            },
            Res001(0));

        [Fact]
        public Task AnEuIngestionEndpointIsNoTransfer() => VerifyAsync(RegisterInsights + @"
class Accounts(ILogger<Accounts> logger)
{
    public void Failed(Customer customer) => logger.LogWarning(""Failed for {Email}"", customer.Email);
}", AppSettings(UsInsights.Replace("eastus-8", "westeurope-5") + " }"));

        [Fact]
        public Task WithoutARegistrationLoggingStaysLocal() => VerifyAsync(@"
class Accounts(ILogger<Accounts> logger)
{
    public void Failed(Customer customer) => logger.LogWarning(""Failed for {Email}"", customer.Email);
}", AppSettings(UsInsights + " }"));

        [Fact]
        public Task TheLevelOfLogIsItsArgument() => VerifyAsync(RegisterInsights + @"
class Accounts(ILogger<Accounts> logger)
{
    public void Failed(Customer customer, LogLevel level)
    {
        logger.Log(LogLevel.Debug, ""Failed for {Email}"", customer.Email);
        {|#0:logger.Log(LogLevel.Error, ""Failed for {Email}"", customer.Email)|};
        {|#1:logger.Log(level, ""Failed for {Email}"", customer.Email)|};
    }
}", AppSettings(UsInsights + " }"), Res001(0), Res001(1));

        [Fact]
        public Task LoggerMessageMethodsAreSinks() => VerifyAsync(RegisterInsights + @"
static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = ""Suspicious sign-in {Email}"")]
    public static partial void SuspiciousSignIn(ILogger logger, string email);

    [LoggerMessage(2, LogLevel.Error, ""Payment failed for {Name}"")]
    public static partial void PaymentFailed(this ILogger logger, string name);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = ""Signed in {Email}"")]
    public static partial void SignedIn(ILogger logger, string email);
}
// What the logging source generator writes (generated code, not analysed): the calls are sinks by their attribute.
[System.CodeDom.Compiler.GeneratedCode(""Microsoft.Extensions.Logging.Generators"", ""10.0.0"")]
static partial class Log
{
    public static partial void SuspiciousSignIn(ILogger logger, string email) { }
    public static partial void PaymentFailed(this ILogger logger, string name) { }
    public static partial void SignedIn(ILogger logger, string email) { }
}
class Accounts(ILogger<Accounts> logger)
{
    public void Check(Customer customer)
    {
        {|#0:Log.SuspiciousSignIn(logger, customer.Email)|};
        {|#1:logger.PaymentFailed(customer.Name)|};
        Log.SignedIn(logger, customer.Email);
    }
}", AppSettings(UsInsights + " }"), Res001(0), Res001(1));

        [Fact]
        public Task SentryReceivesInformationAsBreadcrumbs() => VerifyAsync(@"
static class Startup
{
    public static void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder host) => host.UseSentry(o => o.Dsn = ""https://key@o11.ingest.us.sentry.io/42"");
}
class Accounts(ILogger<Accounts> logger)
{
    public void SignedIn(Customer customer)
    {
        {|#0:logger.LogInformation(""Signed in {Email}"", customer.Email)|};
        logger.LogDebug(""Session of {Email}"", customer.Email);
    }
}", null, Res001(0));

        [Fact]
        public Task SentrysDsnGivenToUseSentryCounts() => VerifyAsync(@"
static class Startup
{
    public static void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder host) => host.UseSentry(""https://key@o11.ingest.de.sentry.io/42"");
}
class Accounts(ILogger<Accounts> logger)
{
    public void SignedIn(Customer customer) => logger.LogInformation(""Signed in {Email}"", customer.Email);
}", null);

        [Fact]
        public Task AnOtlpLogExporterToAServiceIsASink() => VerifyAsync(@"
static class Startup
{
    public static void Configure(ILoggingBuilder logging) =>
        logging.AddOpenTelemetry(o => o.AddOtlpExporter(e => e.Endpoint = new System.Uri(""https://otlp.observability-vendor.example"")));
}
class Accounts(ILogger<Accounts> logger)
{
    public void SignedIn(Customer customer) => {|#0:logger.LogInformation(""Signed in {Email}"", customer.Email)|};
}", null, Res003(0));

        [Fact]
        public Task AnOtlpLogExporterToTheLocalCollectorAndATraceExporterAreNot() => VerifyAsync(@"
static class Startup
{
    public static void Configure(ILoggingBuilder logging, OpenTelemetry.Trace.TracerProviderBuilder tracing)
    {
        logging.AddOpenTelemetry(o => o.AddOtlpExporter());
        tracing.AddOtlpExporter(e => e.Endpoint = new System.Uri(""https://otlp.observability-vendor.example""));
    }
}
class Accounts(ILogger<Accounts> logger)
{
    public void SignedIn(Customer customer) => logger.LogInformation(""Signed in {Email}"", customer.Email);
}", null);

        // A tracing exporter ships spans with their tags: activity.SetTag(…) with personal data is a transfer to it.
        [Fact]
        public Task SpanTagsGoWhereTheTraceExporterSends() => VerifyAsync(@"
static class Startup
{
    public static void Configure(OpenTelemetry.Trace.TracerProviderBuilder tracing) =>
        tracing.AddOtlpExporter(e => e.Endpoint = new System.Uri(""https://otlp.observability-vendor.example""));
}
class Accounts
{
    public void SignedIn(Customer customer, System.Diagnostics.Activity? activity)
    {
        activity?{|#0:.SetTag(""customer.email"", customer.Email)|};
        activity?.SetTag(""customer.id"", customer.Id);
        activity?{|#1:.AddBaggage(""customer.name"", customer.Name)|};
    }
}", null, Res003(0), Res003(1));

        [Fact]
        public Task SpanTagsStayLocalWithoutATraceExporter() => VerifyAsync(@"
static class Startup
{
    public static void Configure(ILoggingBuilder logging) =>
        logging.AddOpenTelemetry(o => o.AddOtlpExporter(e => e.Endpoint = new System.Uri(""https://otlp.observability-vendor.example"")));
}
class Accounts
{
    public void SignedIn(Customer customer, System.Diagnostics.Activity? activity) => activity?.SetTag(""customer.email"", customer.Email);
}", null);

        [Fact]
        public void TheCatalogueNamesEveryProvidersEndpoint()
        {
            var providers = LoggingCatalog.Providers;
            Assert.True(providers.Length >= 4, $"only {providers.Length} logging providers");
            foreach (var provider in providers)
            {
                Assert.NotEmpty(provider.Registrations);
                Assert.All(provider.Registrations, r => Assert.Matches(@"^[A-Za-z0-9_.]+\.[A-Za-z0-9_]+$", r));
                Assert.True(provider.Sdk is not null || provider.DefaultHost is not null || !provider.ConfigKeys.IsEmpty, provider.Name);
                if (provider.Sdk is { } package)
                {
                    Assert.Contains(Catalog.Sdks, e => e.Package == package);
                }
            }

            Assert.Equal(3, LoggingCatalog.Level("warning"));
            Assert.Null(LoggingCatalog.Level("Verbose"));
        }

        private static EndpointCatalog Catalog => EndpointCatalog.BuiltIn;
    }
}
