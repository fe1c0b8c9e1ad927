using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Google Cloud Storage (Google.Cloud.Storage.V1): a <c>StorageClient</c> sends to <c>storage.googleapis.com</c>, whose
    /// region is the bucket's location (Unknown: RES003 with the <c>hosts</c> entry to add) until declared. A field test's
    /// export of the talent pool to a bucket was an unclassified recipient.
    /// </summary>
    public class GoogleCloudStorageTests
    {
        // The shape of Google.Cloud.Storage.V1 (StorageClient is abstract; Create() returns a StorageClientImpl).
        private const string StorageLibrary = @"
namespace Google.Cloud.Storage.V1
{
    public abstract class StorageClient
    {
        public static StorageClient Create() => new StorageClientImpl();
        public virtual System.Threading.Tasks.Task<object> UploadObjectAsync(string bucket, string objectName, string? contentType, System.IO.Stream source, object? options = null, System.Threading.CancellationToken cancellationToken = default) => System.Threading.Tasks.Task.FromResult(new object());
        public virtual void DeleteObject(string bucket, string objectName, object? options = null) { }
    }
    public sealed class StorageClientImpl : StorageClient { }
}";

        private static readonly MetadataReference Storage = TestReferences.Library("Google.Cloud.Storage.V1", StorageLibrary);

        private const string Export = @"
class TalentExport
{
    private readonly Google.Cloud.Storage.V1.StorageClient _storage = Google.Cloud.Storage.V1.StorageClient.Create();

    public Task Upload(Customer customer)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(customer.Name + "";"" + customer.Email);
        return {|#0:_storage.UploadObjectAsync(""talent-exports"", ""pool.csv"", ""text/csv"", new System.IO.MemoryStream(bytes))|};
    }

    public void Remove(int id) => _storage.DeleteObject(""talent-exports"", id.ToString());
}";

        [Fact]
        public Task AnUploadGoesToTheBucketsUnknownLocation() => VerifyAsync(Export, null, null, new[] { Storage },
            Res003(0).WithArguments("Customer.Email (contact.email), Customer.Name (name)", "StorageClient.UploadObjectAsync storage.googleapis.com (recipient Google (Cloud Storage))",
                "Upload → StorageClient.UploadObjectAsync storage.googleapis.com",
                "add { \"pattern\": \"storage.googleapis.com\", \"region\": \"<region>\" } to \"hosts\" in residency.json (the region of the resource or service behind the host)"));

        [Fact]
        public Task ABucketDeclaredInTheEuIsClean() => VerifyAsync(Export, new[] { ("/0/residency.json", @"{ ""hosts"": [ { ""pattern"": ""storage.googleapis.com"", ""region"": ""EU"" } ] }") }, null, new[] { Storage });
    }
}
