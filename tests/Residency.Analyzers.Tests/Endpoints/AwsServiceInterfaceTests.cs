using System.Threading.Tasks;
using Residency.Analyzers.Sinks;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Calls through the AWS service interfaces (<c>IAmazonS3</c>, <c>IAmazonSQS</c>, all extending
    /// <c>Amazon.Runtime.IAmazonService</c>) are sinks of the AWSSDK.Core entry: an injected client (AddAWSService) takes
    /// the region a client created without one takes (configuration <c>AWS:Region</c>), an interface-typed holder of a
    /// creation takes the creation's region.
    /// </summary>
    public class AwsServiceInterfaceTests
    {
        private const string Uses = "using Amazon;\nusing Amazon.S3;\nusing Amazon.SQS;\n";

        private static (string, string)[] AwsRegion(string region) => new[] { ("appsettings.json", @"{ ""AWS"": { ""Region"": """ + region + @""" } }") };

        [Fact]
        public Task InjectedInterfaceTakesTheConfiguredRegion() => VerifyAsync(Uses + @"
class AuditTrail
{
    private readonly IAmazonS3 _s3;
    public AuditTrail(IAmazonS3 s3) { _s3 = s3; }
    public Task Record(Customer customer) => {|#0:_s3.PutObjectAsync(new PutObjectRequest { ContentBody = customer.Email })|};
}
class Events(IAmazonSQS sqs)
{
    public Task Publish(Customer customer) => {|#1:sqs.SendMessageAsync(""https://sqs.us-east-1.amazonaws.com/1/q"", customer.Name)|};
    public Task PublishCount(int count) => sqs.SendMessageAsync(""https://sqs.us-east-1.amazonaws.com/1/q"", count.ToString());
}
class Archive
{
    // A client of its own in an EU region: not what the DI container gives the injected interfaces.
    private readonly AmazonS3Client _eu = new AmazonS3Client(RegionEndpoint.EUCentral1);
    public Task Store(Customer customer) => _eu.PutObjectAsync(new PutObjectRequest { ContentBody = customer.Email });
}" + SdkStubs.Aws, AwsRegion("us-east-1"), null, Res001(0), Res001(1));

        [Fact]
        public Task InjectedInterfaceInAnEuRegionIsClean() => VerifyAsync(Uses + @"
class Events(IAmazonSQS sqs, IAmazonS3 s3)
{
    public async Task Publish(Customer customer)
    {
        await sqs.SendMessageAsync(""https://sqs.eu-central-1.amazonaws.com/1/q"", customer.Email);
        await s3.PutObjectAsync(new PutObjectRequest { ContentBody = customer.Name });
    }
}" + SdkStubs.Aws, AwsRegion("eu-central-1"), null);

        [Fact]
        public Task InjectedInterfaceWithoutARegionIsUnknown() => VerifyAsync(Uses + @"
class Events(IAmazonSQS sqs)
{
    public Task Publish(Customer customer) => {|#0:sqs.SendMessageAsync(""q"", customer.Email)|};
}" + SdkStubs.Aws, Res003(0));

        [Fact]
        public Task InterfaceTypedHolderTakesItsCreationsRegion() => VerifyAsync(Uses + @"
class Store
{
    private readonly IAmazonS3 _us = new AmazonS3Client(RegionEndpoint.USEast1);
    private readonly IAmazonS3 _eu = new AmazonS3Client(RegionEndpoint.EUCentral1);

    public async Task Run(Customer customer)
    {
        await {|#0:_us.PutObjectAsync(new PutObjectRequest { ContentBody = customer.Email })|};
        await _eu.PutObjectAsync(new PutObjectRequest { ContentBody = customer.Email });
        IAmazonSQS sqs = new AmazonSQSClient(RegionEndpoint.USEast1);
        await {|#1:sqs.SendMessageAsync(""q"", customer.Name)|};
        IAmazonSQS dublin = new AmazonSQSClient(RegionEndpoint.EUWest1);
        await dublin.SendMessageAsync(""q"", customer.Name);
    }
}" + SdkStubs.Aws, AwsRegion("eu-central-1"), null, Res001(0), Res001(1));

        [Fact]
        public Task AnInterfaceOfTheApplicationIsNoAwsSink() => VerifyAsync(Uses + @"
interface IReceiptStore { Task Put(string body); }
class LocalStore : IReceiptStore { public Task Put(string body) => Task.CompletedTask; }
class Service(IReceiptStore store)
{
    public Task Run(Customer customer) => store.Put(customer.Email);
}" + SdkStubs.Aws, AwsRegion("us-east-1"), null);

        [Fact]
        public void InjectedInterfaceSinkFacts()
        {
            var sink = Assert.Single(SinkProbe.Single(Uses + @"
class Events(IAmazonSQS sqs)
{
    public Task Publish(string text) => sqs.SendMessageAsync(""q"", text);
}" + SdkStubs.Aws, AwsRegion("us-east-1")).Sinks);
            Assert.Equal(SinkKind.Sdk, sink.Kind);
            Assert.Equal("US", sink.Region.Code);
            Assert.Equal("Amazon Web Services", sink.Recipient);
            Assert.Equal("IAmazonSQS.SendMessageAsync sqs.us-east-1.amazonaws.com", sink.Display);
            Assert.Equal("sqs.us-east-1.amazonaws.com", sink.Host);
            Assert.Contains("AWS:Region", sink.ResolvedBy);
        }
    }
}
