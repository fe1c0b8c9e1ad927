using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Options given only to the constructor of a client of their own (<c>new SentryClient(new SentryOptions { Dsn = … })</c>)
    /// configure that client, not the process-wide SDK: <c>SentrySdk</c> and injected clients do not take their endpoint.
    /// </summary>
    public class StandaloneClientOptionsTests
    {
        private static readonly MetadataReference Sentry = TestReferences.Library("Sentry", SdkStubs.SentryLibrary);

        private const string UsDsn = "https://k@o1.ingest.us.sentry.io/1";
        private const string DeDsn = "https://k@o2.ingest.de.sentry.io/2";

        private static readonly (string, string)[] UsConfiguration = { ("appsettings.json", @"{ ""Sentry"": { ""Dsn"": """ + UsDsn + @""" } }") };

        private static Task VerifyAsync(string source, (string, string)[]? files, params DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync("using Sentry;\n" + source, files, null, new[] { Sentry }, expected);

        [Fact]
        public Task AStandaloneClientsOptionsDoNotConfigureTheSdk() => VerifyAsync(@"
static class ErrorReporting
{
    private static readonly SentryClient AuditSentry = new(new SentryOptions { Dsn = """ + DeDsn + @""", SendDefaultPii = false });
    public static void CheckoutFailed(Customer customer) => {|#0:SentrySdk.CaptureMessage($""Checkout failed for {customer.Email}"")|};
    public static void SuspiciousLogin(string email) => AuditSentry.CaptureMessage(email);
}", UsConfiguration, Res001(0));

        [Fact]
        public Task AnOptionsLocalGivenOnlyToAClientDoesNotConfigureTheSdk() => VerifyAsync(@"
class Audit
{
    private readonly SentryClient _client;
    public Audit()
    {
        var options = new SentryOptions();
        options.Dsn = """ + DeDsn + @""";
        _client = new SentryClient(options);
    }
    public void Login(Customer customer) => _client.CaptureMessage(customer.Email);
}
class Reporter(IHub hub)
{
    public void Refund(Customer customer) => {|#0:hub.CaptureMessage(customer.Email)|};
    public void Checkout(Customer customer) => {|#1:SentrySdk.CaptureMessage(customer.Name)|};
}", UsConfiguration, Res001(0), Res001(1));

        [Fact]
        public Task ProcessWideOptionsStillConfigureTheSdk() => VerifyAsync(@"
class Startup
{
    public static void Init()
    {
        var options = new SentryOptions { Dsn = """ + DeDsn + @""" };
        SentrySdk.Init(options);
    }
}
static class Reporting
{
    private static readonly SentryClient Us = new(new SentryOptions { Dsn = """ + UsDsn + @""" });
    public static void Checkout(Customer customer) => SentrySdk.CaptureMessage(customer.Email);
    public static void Audit(Customer customer) => {|#0:Us.CaptureMessage(customer.Email)|};
}", null, Res001(0));

        [Fact]
        public Task AnOptionsLambdaStillConfiguresTheSdk() => VerifyAsync(@"
class Startup { public static void Init() => SentrySdk.Init(o => o.Dsn = """ + DeDsn + @"""); }
static class Reporting
{
    private static readonly SentryClient Us = new(new SentryOptions { Dsn = """ + UsDsn + @""" });
    public static void Checkout(Customer customer) => SentrySdk.CaptureMessage(customer.Email);
}", null);

        [Fact]
        public Task AStandaloneAwsClientsServiceUrlDoesNotConfigureInjectedClients() => EndpointTest.VerifyAsync(@"
using Amazon.S3;
class LocalStack
{
    private readonly AmazonS3Client _local = new AmazonS3Client(new AmazonS3Config { ServiceURL = ""http://localhost:4566"" });
    public Task Store(Customer customer) => _local.PutObjectAsync(new PutObjectRequest { ContentBody = customer.Email });
}
class AuditTrail(IAmazonS3 s3)
{
    public Task Record(Customer customer) => {|#0:s3.PutObjectAsync(new PutObjectRequest { ContentBody = customer.Email })|};
}" + SdkStubs.Aws, new[] { ("appsettings.json", @"{ ""AWS"": { ""Region"": ""us-east-1"" } }") }, null, Res001(0));
    }
}
