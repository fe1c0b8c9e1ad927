using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Tests.Endpoints;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Sinks
{
    /// <summary>
    /// Logging shipped off the host by a Serilog sink (<c>Catalog/logging.json</c>): with <c>WriteTo.DatadogLogs(…)</c>
    /// (in code, inside <c>WriteTo.Async</c>, or from appsettings.json's <c>Serilog:WriteTo</c>) every Serilog logging
    /// call is a sink to that service, and so are Microsoft.Extensions.Logging calls when Serilog is their provider.
    /// Console, files and the application's own hosts keep logging local, as it is by default.
    /// </summary>
    public class SerilogSinkTests
    {
        // The shapes of Serilog, Serilog.Sinks.Datadog.Logs, Serilog.Sinks.Seq, Serilog.Extensions.Hosting and
        // Microsoft.Extensions.Logging's API, as referenced assemblies (metadata only, as the packages are).
        private const string SerilogLibrary = @"
namespace Serilog
{
    public interface ILogger
    {
        void Information(string messageTemplate, params object?[]? propertyValues);
        void Warning(string messageTemplate, params object?[]? propertyValues);
    }
    public static class Log
    {
        public static ILogger Logger { get; set; } = null!;
        public static void Information(string messageTemplate, params object?[]? propertyValues) { }
        public static void Warning(string messageTemplate, params object?[]? propertyValues) { }
        public static void Error(System.Exception? exception, string messageTemplate, params object?[]? propertyValues) { }
    }
    public class LoggerConfiguration
    {
        public Serilog.Configuration.LoggerSinkConfiguration WriteTo => new Serilog.Configuration.LoggerSinkConfiguration();
        public ILogger CreateLogger() => null!;
    }
    public static class ConsoleLoggerConfigurationExtensions
    {
        public static LoggerConfiguration Console(this Serilog.Configuration.LoggerSinkConfiguration sinkConfiguration) => new LoggerConfiguration();
    }
    public static class SeqLoggerConfigurationExtensions
    {
        public static LoggerConfiguration Seq(this Serilog.Configuration.LoggerSinkConfiguration loggerSinkConfiguration, string serverUrl, string? apiKey = null) => new LoggerConfiguration();
    }
    public static class LoggerConfigurationAsyncExtensions
    {
        public static LoggerConfiguration Async(this Serilog.Configuration.LoggerSinkConfiguration loggerSinkConfiguration, System.Action<Serilog.Configuration.LoggerSinkConfiguration> configure) => new LoggerConfiguration();
    }
    public static class LoggerConfigurationDatadogExtensions
    {
        public static LoggerConfiguration DatadogLogs(this Serilog.Configuration.LoggerSinkConfiguration loggerConfiguration, string apiKey, string? source = null, string? service = null, string? host = null, string[]? tags = null, Serilog.Sinks.Datadog.Logs.DatadogConfiguration? configuration = null) => new LoggerConfiguration();
    }
    public static class SerilogHostBuilderExtensions
    {
        public static Microsoft.Extensions.Hosting.IHostBuilder UseSerilog(this Microsoft.Extensions.Hosting.IHostBuilder builder) => builder;
    }
}
namespace Serilog.Configuration
{
    public class LoggerSinkConfiguration { }
}
namespace Serilog.Sinks.Datadog.Logs
{
    public class DatadogConfiguration
    {
        public DatadogConfiguration(string url = ""intake.logs.datadoghq.com"", int port = 10516, bool useSSL = true, bool useTCP = true) { Url = url; }
        public string Url { get; set; }
    }
}
namespace Microsoft.Extensions.Hosting
{
    public interface IHostBuilder { }
}
namespace Microsoft.Extensions.Logging
{
    public interface ILogger { }
    public interface ILogger<out TCategoryName> : ILogger { }
    public static class LoggerExtensions
    {
        public static void LogInformation(this ILogger logger, string? message, params object?[] args) { }
    }
}";

        private static readonly MetadataReference Serilog = TestReferences.Library("Serilog", SerilogLibrary);

        private static Task VerifyAsync(string source, (string, string)[]? files, params DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync("using Serilog;\n" + source, files, null, new[] { Serilog }, expected);

        private const string SignIn = @"
class Accounts
{
    public void SignedIn(Customer customer)
    {
        {|#0:Log.Information(""Signed in {Email}"", customer.Email)|};
        Log.Information(""Sign-ins today: {Count}"", customer.Id);
    }
}";

        [Fact]
        public Task DatadogsDefaultIntakeIsTheUs() => VerifyAsync(@"
static class Logging
{
    public static void Configure() => Log.Logger = new LoggerConfiguration().WriteTo.Console().WriteTo.DatadogLogs(""key"").CreateLogger();
}" + SignIn, null,
            Res001(0).WithArguments("Customer.Email (contact.email)", "Serilog DatadogLogs http-intake.logs.datadoghq.com (recipient Datadog)", "US (United States)", "EEA;Adequate",
                "SignedIn → Serilog DatadogLogs http-intake.logs.datadoghq.com"));

        [Fact]
        public Task DatadogsEuSiteIsClean() => VerifyAsync(@"
static class Logging
{
    public static void Configure() => Log.Logger = new LoggerConfiguration()
        .WriteTo.DatadogLogs(""key"", configuration: new Serilog.Sinks.Datadog.Logs.DatadogConfiguration(url: ""https://http-intake.logs.datadoghq.eu""))
        .CreateLogger();
}" + SignIn.Replace("{|#0:", string.Empty).Replace(")|};", ");"), null);

        [Fact]
        public Task TheConsoleAndTheApplicationsOwnSeqKeepLoggingLocal() => VerifyAsync(@"
static class Logging
{
    public static void Configure() => Log.Logger = new LoggerConfiguration().WriteTo.Console().WriteTo.Seq(""http://seq:5341"").CreateLogger();
}" + SignIn.Replace("{|#0:", string.Empty).Replace(")|};", ");"), null);

        [Fact]
        public Task ASinkInsideAsyncCounts() => VerifyAsync(@"
static class Logging
{
    public static void Configure() => Log.Logger = new LoggerConfiguration().WriteTo.Async(a => a.DatadogLogs(""key"")).CreateLogger();
}" + SignIn, null, Res001(0));

        [Fact]
        public Task SinksFromAppSettingsCount() => VerifyAsync(SignIn, new[]
        {
            ("/0/appsettings.json", @"{ ""Serilog"": { ""WriteTo"": [ ""Console"", { ""Name"": ""Seq"", ""Args"": { ""serverUrl"": ""https://logs.acme-saas.io"" } } ] } }"),
        }, Res003(0));

        [Fact]
        public Task ExtensionsLoggingCountsWhenSerilogIsItsProvider() => VerifyAsync(@"
using Microsoft.Extensions.Logging;
static class Logging
{
    public static void Configure(Microsoft.Extensions.Hosting.IHostBuilder host)
    {
        Log.Logger = new LoggerConfiguration().WriteTo.DatadogLogs(""key"").CreateLogger();
        host.UseSerilog();
    }
}
class Accounts(ILogger<Accounts> logger)
{
    public void SignedIn(Customer customer) => {|#0:logger.LogInformation(""Signed in {Email}"", customer.Email)|};
}", null, Res001(0));

        [Fact]
        public Task ExtensionsLoggingStaysLocalWithoutTheBridge() => VerifyAsync(@"
using Microsoft.Extensions.Logging;
static class Logging
{
    public static void Configure() => Log.Logger = new LoggerConfiguration().WriteTo.DatadogLogs(""key"").CreateLogger();
}
class Accounts(ILogger<Accounts> logger)
{
    public void SignedIn(Customer customer) => logger.LogInformation(""Signed in {Email}"", customer.Email);
}", null);
    }
}
