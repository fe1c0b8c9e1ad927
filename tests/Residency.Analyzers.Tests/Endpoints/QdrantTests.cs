using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using Xunit;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Qdrant (Qdrant.Client): the points, payloads and filters an <c>IQdrantClient</c> upserts, sets or searches with go to
    /// the server of the client's host or address, or of the gRPC client it is made from. A Qdrant Cloud cluster's host names
    /// its cloud region (<c>{id}.{region}[-n].{aws|gcp|azure}.cloud.qdrant.io</c>). Collection management is no sink. Before
    /// the entry such a client was an unclassified recipient (RES008).
    /// </summary>
    public class QdrantTests
    {
        // The shape of Qdrant.Client 1.x, as a referenced assembly (metadata only).
        private const string Stubs = @"
namespace Qdrant.Client.Grpc
{
    public class Value
    {
        public static implicit operator Value(string value) => new Value();
        public static implicit operator Value(long value) => new Value();
    }
    public class MapField<TKey, TValue> : System.Collections.Generic.Dictionary<TKey, TValue> where TKey : notnull { }
    public class PointStruct
    {
        public ulong Id { get; set; }
        public float[]? Vectors { get; set; }
        public MapField<string, Value> Payload { get; } = new();
    }
    public class UpdateResult { }
    public class VectorParams { }
    public class QdrantGrpcClient
    {
        public QdrantGrpcClient(string host, int port = 6334, string? apiKey = null) { }
        public QdrantGrpcClient(System.Uri address, string? apiKey = null) { }
    }
}
namespace Qdrant.Client
{
    using Qdrant.Client.Grpc;
    public interface IQdrantClient
    {
        System.Threading.Tasks.Task<UpdateResult> UpsertAsync(string collectionName, System.Collections.Generic.IReadOnlyList<PointStruct> points, bool wait = true, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task<UpdateResult> SetPayloadAsync(string collectionName, System.Collections.Generic.IReadOnlyDictionary<string, Value> payload, bool wait = true, System.Threading.CancellationToken cancellationToken = default);
        System.Threading.Tasks.Task CreateCollectionAsync(string collectionName, VectorParams vectorsConfig, System.Threading.CancellationToken cancellationToken = default);
    }
    public class QdrantClient : IQdrantClient, System.IDisposable
    {
        public QdrantClient(string host, int port = 6334, bool https = false, string? apiKey = null) { }
        public QdrantClient(System.Uri address, string? apiKey = null) { }
        public QdrantClient(QdrantGrpcClient grpcClient) { }
        public System.Threading.Tasks.Task<UpdateResult> UpsertAsync(string collectionName, System.Collections.Generic.IReadOnlyList<PointStruct> points, bool wait = true, System.Threading.CancellationToken cancellationToken = default) => null!;
        public System.Threading.Tasks.Task<UpdateResult> SetPayloadAsync(string collectionName, System.Collections.Generic.IReadOnlyDictionary<string, Value> payload, bool wait = true, System.Threading.CancellationToken cancellationToken = default) => null!;
        public System.Threading.Tasks.Task CreateCollectionAsync(string collectionName, VectorParams vectorsConfig, System.Threading.CancellationToken cancellationToken = default) => null!;
        public void Dispose() { }
    }
}";

        private static readonly MetadataReference Library = TestReferences.Library("Qdrant.Client", Stubs);

        private const string Uses = "using Qdrant.Client;\nusing Qdrant.Client.Grpc;\nusing System.Collections.Generic;\n";

        private static string Store(string client) => Uses + @"
class Memory
{
    private readonly IQdrantClient _client = " + client + @";
    public Task Remember(Customer customer, float[] embedding) =>
        {|#0:_client.UpsertAsync(""customers"", new[] { new PointStruct { Id = 1, Vectors = embedding, Payload = { [""email""] = customer.Email, [""name""] = customer.Name } } })|};
    public Task Tag(Customer customer) => {|#1:_client.SetPayloadAsync(""customers"", new Dictionary<string, Value> { [""email""] = customer.Email })|};
    public Task Setup() => _client.CreateCollectionAsync(""customers"", new VectorParams());
}";

        private static Task VerifyAsync(string source, (string, string)[]? files, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync(source, files, null, new[] { Library }, expected);

        // A Qdrant Cloud cluster on AWS us-east-1 (the cluster endpoint as the Cloud Console gives it): the payload leaves the EEA.
        [Theory]
        [InlineData("new QdrantClient(\"3576f3c3-dbe2-46d2-a0a1-9b9fa9b1b5e4.us-east-1-0.aws.cloud.qdrant.io\", https: true, apiKey: \"k\")")]
        [InlineData("new QdrantClient(new System.Uri(\"https://3576f3c3-dbe2-46d2-a0a1-9b9fa9b1b5e4.us-east4-0.gcp.cloud.qdrant.io:6334\"), \"k\")")]
        [InlineData("new QdrantClient(new QdrantGrpcClient(\"3576f3c3.eastus-0.azure.cloud.qdrant.io\", 6334, \"k\"))")]
        public Task AQdrantCloudClusterInTheUsIsATransfer(string client) =>
            VerifyAsync(Store(client), null, EndpointTest.Res001(0), EndpointTest.Res001(1));

        [Theory]
        [InlineData("new QdrantClient(\"3576f3c3.eu-central-1-0.aws.cloud.qdrant.io\", https: true)", "DE")]
        [InlineData("new QdrantClient(new System.Uri(\"https://3576f3c3.europe-west3-0.gcp.cloud.qdrant.io\"))", "DE")]
        [InlineData("new QdrantClient(\"xyz-example.eu-west-1.aws.cloud.qdrant.io\")", "IE")]
        public async Task AClusterInTheEeaIsAllowed(string client, string region)
        {
            await VerifyAsync(Store(client), null);
            var sink = SinkOf(Store(client));
            Assert.Equal((region, "Qdrant (Qdrant Cloud)", SinkKind.Sdk), (sink.Region.Code, sink.Recipient, sink.Kind));
        }

        [Theory]
        [InlineData("new QdrantClient(\"localhost\")")]
        [InlineData("new QdrantClient(\"qdrant\", 6334)")]
        public async Task ALocalServerOrContainerIsNoFinding(string client)
        {
            await VerifyAsync(Store(client), null);
            Assert.True(SinkOf(Store(client)).IsInternal);
        }

        // A self-hosted server under a public name, a cloud host whose region the catalogue does not know: Unknown.
        [Theory]
        [InlineData("new QdrantClient(\"vectors.example.com\", https: true)")]
        [InlineData("new QdrantClient(\"3576f3c3.moon-1-0.aws.cloud.qdrant.io\")")]
        public Task AServerWhoseRegionIsNotSeenIsUnknown(string client) =>
            VerifyAsync(Store(client), null, EndpointTest.Res003(0), EndpointTest.Res003(1));

        private static SinkInfo SinkOf(string source) =>
            SinkProbe.Resolve(source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty), null, null, Library)
                .SelectMany(call => call.Sink.Sinks).First();
    }
}
