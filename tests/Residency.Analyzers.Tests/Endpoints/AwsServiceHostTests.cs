using System.Threading.Tasks;
using Residency.Analyzers.Sinks;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// A client of one AWS service given a region (<c>RegionEndpoint.USEast1</c>, <c>GetBySystemName("us-west-2")</c>,
    /// configuration <c>AWS:Region</c>) sends to that service's regional host (the AWSSDK.Core entry's <c>serviceHosts</c>,
    /// by the client type's namespace), so the sink, the message and the record name the host and its EU alternative
    /// (docs/endpoints.md, "AWS"). A service not in the table, or a region whose name is not known, keeps the region alone.
    /// </summary>
    public class AwsServiceHostTests
    {
        private const string Uses = "using Amazon;\nusing Amazon.S3;\nusing Amazon.SQS;\n";

        private static SinkInfo SinkOf(string source, (string, string)[]? files = null) =>
            Assert.Single(SinkProbe.Single(Uses + source + SdkStubs.Aws, files).Sinks);

        [Fact]
        public void StaticRegionMemberNamesTheServicesHost()
        {
            var sink = SinkOf(@"
class Store
{
    public Task Put(string body) => new AmazonS3Client(RegionEndpoint.USEast1).PutObjectAsync(new PutObjectRequest { ContentBody = body });
}");
            Assert.Equal("AmazonS3Client.PutObjectAsync s3.us-east-1.amazonaws.com", sink.Display);
            Assert.Equal("s3.us-east-1.amazonaws.com", sink.Host);
            Assert.Equal("US", sink.Region.Code);
            Assert.Equal("Amazon Web Services", sink.Recipient);
            Assert.Equal("s3.eu-central-1.amazonaws.com", sink.EuAlternative);
            Assert.Contains("RegionEndpoint.USEast1", sink.ResolvedBy);
            Assert.Contains("the service's host in us-east-1", sink.ResolvedBy);
        }

        [Fact]
        public void RegionBySystemNameAndByConfigurationNameTheHost()
        {
            var bySystemName = SinkOf(@"
class Events
{
    public Task Publish(string text) => new AmazonSQSClient(RegionEndpoint.GetBySystemName(""us-west-2"")).SendMessageAsync(""q"", text);
}");
            Assert.Equal("sqs.us-west-2.amazonaws.com", bySystemName.Host);
            Assert.Equal("US", bySystemName.Region.Code);

            var configured = SinkOf(@"
class Events(IAmazonS3 s3)
{
    public Task Store(string text) => s3.PutObjectAsync(new PutObjectRequest { ContentBody = text });
}", new[] { ("appsettings.json", @"{ ""AWS"": { ""Region"": ""eu-west-1"" } }") });
            Assert.Equal("IAmazonS3.PutObjectAsync s3.eu-west-1.amazonaws.com", configured.Display);
            Assert.Equal("IE", configured.Region.Code);
            Assert.Null(configured.EuAlternative);
        }

        [Fact]
        public void AServiceNotInTheTableKeepsTheRegionAlone()
        {
            var sink = SinkOf(@"
namespace Amazon.Glacier
{
    public class AmazonGlacierClient : Amazon.Runtime.AmazonServiceClient
    {
        public AmazonGlacierClient(Amazon.RegionEndpoint region) { }
        public Task UploadArchiveAsync(string body) => Task.CompletedTask;
    }
}
class Vault
{
    public Task Archive(string body) => new Amazon.Glacier.AmazonGlacierClient(RegionEndpoint.USEast1).UploadArchiveAsync(body);
}");
            Assert.Equal("AmazonGlacierClient.UploadArchiveAsync (US)", sink.Display);
            Assert.Null(sink.Host);
            Assert.Equal("US", sink.Region.Code);
        }

        [Fact]
        public void AMemberNotSpelledLikeItsRegionNameKeepsTheRegionAlone()
        {
            // RegionEndpoint.USGovCloudWest1 is us-gov-west-1: no name of the map is the member without its hyphens.
            var sink = SinkOf(@"
class Store
{
    public Task Put(string body) => new AmazonS3Client(RegionEndpoint.USGovCloudWest1).PutObjectAsync(new PutObjectRequest { ContentBody = body });
}");
            Assert.Equal("AmazonS3Client.PutObjectAsync (US)", sink.Display);
            Assert.Null(sink.Host);
        }

        [Fact]
        public Task TheMessageNamesTheHost() => VerifyAsync(Uses + @"
class Store
{
    private readonly AmazonS3Client _s3 = new AmazonS3Client(RegionEndpoint.USEast1);
    public Task Put(Customer customer) => {|#0:_s3.PutObjectAsync(new PutObjectRequest { ContentBody = customer.Email })|};
}" + SdkStubs.Aws, null, null,
            Res001(0).WithArguments("Customer.Email (contact.email)", "AmazonS3Client.PutObjectAsync s3.us-east-1.amazonaws.com (recipient Amazon Web Services)", "US (United States)", "EEA;Adequate", "Put → AmazonS3Client.PutObjectAsync s3.us-east-1.amazonaws.com"));
    }
}
