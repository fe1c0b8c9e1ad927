namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Stand-ins for SDK packages with their real namespaces, type names and (relevant) signatures, so that the tests
    /// compile without the packages: OpenAI 2.x, Azure.AI.OpenAI 2.x, AWSSDK (S3, SQS), SendGrid, Sentry, Twilio, Stripe.net.
    /// </summary>
    internal static class SdkStubs
    {
        public const string ClientModel = @"
namespace System.ClientModel
{
    public class ApiKeyCredential { public ApiKeyCredential(string key) { } }
    public class ClientResult { }
    public class ClientResult<T> : ClientResult { public T Value => default!; }
}
namespace System.ClientModel.Primitives
{
    public class ClientPipelineOptions { }
}
namespace System
{
    public class BinaryData { }
}
";

        public const string OpenAI = ClientModel + @"
namespace OpenAI
{
    public class OpenAIClientOptions : System.ClientModel.Primitives.ClientPipelineOptions
    {
        public System.Uri? Endpoint { get; set; }
        public string? OrganizationId { get; set; }
        public string? ProjectId { get; set; }
    }
    public partial class OpenAIClient
    {
        protected OpenAIClient() { }
        public OpenAIClient(string apiKey) { }
        public OpenAIClient(System.ClientModel.ApiKeyCredential credential) { }
        public OpenAIClient(System.ClientModel.ApiKeyCredential credential, OpenAIClientOptions options) { }
        public virtual OpenAI.Chat.ChatClient GetChatClient(string model) => null!;
        public virtual OpenAI.Embeddings.EmbeddingClient GetEmbeddingClient(string model) => null!;
        public virtual OpenAI.Audio.AudioClient GetAudioClient(string model) => null!;
        public virtual OpenAI.Responses.ResponsesClient GetResponsesClient(string model) => null!;
    }
}
namespace OpenAI.Chat
{
    public abstract class ChatMessage
    {
        public static UserChatMessage CreateUserMessage(string content) => new UserChatMessage(content);
        public static SystemChatMessage CreateSystemMessage(string content) => new SystemChatMessage(content);
    }
    public class UserChatMessage : ChatMessage { public UserChatMessage(string content) { } }
    public class SystemChatMessage : ChatMessage { public SystemChatMessage(string content) { } }
    public class ChatCompletion { }
    public class ChatCompletionOptions { }
    public partial class ChatClient
    {
        protected ChatClient() { }
        public ChatClient(string model, string apiKey) { }
        public ChatClient(string model, System.ClientModel.ApiKeyCredential credential) { }
        public ChatClient(string model, System.ClientModel.ApiKeyCredential credential, OpenAI.OpenAIClientOptions options) { }
        public virtual System.Threading.Tasks.Task<System.ClientModel.ClientResult<ChatCompletion>> CompleteChatAsync(System.Collections.Generic.IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task<System.ClientModel.ClientResult<ChatCompletion>> CompleteChatAsync(params ChatMessage[] messages) => null!;
        public virtual System.ClientModel.ClientResult<ChatCompletion> CompleteChat(params ChatMessage[] messages) => null!;
    }
}
namespace OpenAI.Embeddings
{
    public class OpenAIEmbedding { }
    public partial class EmbeddingClient
    {
        protected EmbeddingClient() { }
        public EmbeddingClient(string model, string apiKey) { }
        public EmbeddingClient(string model, System.ClientModel.ApiKeyCredential credential, OpenAI.OpenAIClientOptions options) { }
        public virtual System.Threading.Tasks.Task<System.ClientModel.ClientResult<OpenAIEmbedding>> GenerateEmbeddingAsync(string input, object? options = null, System.Threading.CancellationToken cancellationToken = default) => null!;
    }
}
namespace OpenAI.Audio
{
    public partial class AudioClient
    {
        protected AudioClient() { }
        public AudioClient(string model, string apiKey) { }
        public virtual System.ClientModel.ClientResult<System.BinaryData> GenerateSpeech(string text, string voice, object? options = null, System.Threading.CancellationToken cancellationToken = default) => null!;
    }
}
namespace OpenAI.Responses
{
    public partial class ResponsesClient
    {
        protected ResponsesClient() { }
        public ResponsesClient(string model, string apiKey) { }
        public virtual System.Threading.Tasks.Task<System.ClientModel.ClientResult<object>> CreateResponseAsync(string userInputText, object? options = null, System.Threading.CancellationToken cancellationToken = default) => null!;
    }
}
";

        public const string AzureOpenAI = @"
namespace Azure.AI.OpenAI
{
    public class AzureOpenAIClientOptions : System.ClientModel.Primitives.ClientPipelineOptions { }
    public partial class AzureOpenAIClient : global::OpenAI.OpenAIClient
    {
        public AzureOpenAIClient(System.Uri endpoint, System.ClientModel.ApiKeyCredential credential, AzureOpenAIClientOptions? options = null) { }
        public override global::OpenAI.Chat.ChatClient GetChatClient(string deploymentName) => null!;
    }
}
";

        public const string Aws = @"
namespace Amazon
{
    public class RegionEndpoint
    {
        public static readonly RegionEndpoint EUCentral1 = new RegionEndpoint();
        public static readonly RegionEndpoint EUWest1 = new RegionEndpoint();
        public static readonly RegionEndpoint EUWest2 = new RegionEndpoint();
        public static readonly RegionEndpoint USEast1 = new RegionEndpoint();
        public static readonly RegionEndpoint USGovCloudWest1 = new RegionEndpoint();
        public static RegionEndpoint GetBySystemName(string systemName) => new RegionEndpoint();
        public string SystemName => """";
    }
}
namespace Amazon.Runtime
{
    public abstract class ClientConfig
    {
        public Amazon.RegionEndpoint? RegionEndpoint { get; set; }
        public string? ServiceURL { get; set; }
    }
    public interface IClientConfig { }
    public interface IAmazonService { IClientConfig Config { get; } }
    public abstract class AmazonServiceClient : System.IDisposable
    {
        public IClientConfig Config => null!;
        public void Dispose() { }
    }
}
namespace Amazon.S3
{
    public class AmazonS3Config : Amazon.Runtime.ClientConfig { }
    public class PutObjectRequest { public string? BucketName { get; set; } public string? Key { get; set; } public string? ContentBody { get; set; } }
    public class PutObjectResponse { }
    public interface IAmazonS3 : Amazon.Runtime.IAmazonService, System.IDisposable
    {
        System.Threading.Tasks.Task<PutObjectResponse> PutObjectAsync(PutObjectRequest request, System.Threading.CancellationToken cancellationToken = default);
    }
    public class AmazonS3Client : Amazon.Runtime.AmazonServiceClient, IAmazonS3
    {
        public AmazonS3Client() { }
        public AmazonS3Client(Amazon.RegionEndpoint region) { }
        public AmazonS3Client(AmazonS3Config clientConfig) { }
        public virtual System.Threading.Tasks.Task<PutObjectResponse> PutObjectAsync(PutObjectRequest request, System.Threading.CancellationToken cancellationToken = default) => null!;
    }
}
namespace Amazon.SQS
{
    public class SendMessageResponse { public string? MessageId { get; set; } }
    public interface IAmazonSQS : Amazon.Runtime.IAmazonService, System.IDisposable
    {
        System.Threading.Tasks.Task<SendMessageResponse> SendMessageAsync(string queueUrl, string messageBody, System.Threading.CancellationToken cancellationToken = default);
    }
    public class AmazonSQSClient : Amazon.Runtime.AmazonServiceClient, IAmazonSQS
    {
        public AmazonSQSClient() { }
        public AmazonSQSClient(Amazon.RegionEndpoint region) { }
        public virtual System.Threading.Tasks.Task<SendMessageResponse> SendMessageAsync(string queueUrl, string messageBody, System.Threading.CancellationToken cancellationToken = default) => null!;
    }
}
";

        public const string SendGrid = @"
namespace SendGrid.Helpers.Mail
{
    public class EmailAddress { public EmailAddress(string email, string? name = null) { } }
    public class SendGridMessage { public string? PlainTextContent { get; set; } public string? Subject { get; set; } }
    public static class MailHelper
    {
        public static SendGridMessage CreateSingleEmail(EmailAddress from, EmailAddress to, string subject, string plainTextContent, string htmlContent) => new SendGridMessage();
    }
}
namespace SendGrid
{
    public class Response { }
    public class BaseClientOptions { public string? Host { get; set; } }
    public class SendGridClientOptions : BaseClientOptions
    {
        public string? ApiKey { get; set; }
        public SendGridClientOptions SetDataResidency(string region) => this;
    }
    public interface ISendGridClient
    {
        System.Threading.Tasks.Task<Response> SendEmailAsync(SendGrid.Helpers.Mail.SendGridMessage msg, System.Threading.CancellationToken cancellationToken = default);
    }
    public class SendGridClient : ISendGridClient
    {
        public SendGridClient(string apiKey, string? host = null, System.Collections.Generic.Dictionary<string, string>? requestHeaders = null, string version = ""v3"", string? urlPath = null) { }
        public SendGridClient(SendGridClientOptions options) { }
        public System.Threading.Tasks.Task<Response> SendEmailAsync(SendGrid.Helpers.Mail.SendGridMessage msg, System.Threading.CancellationToken cancellationToken = default) => null!;
    }
}
";

        public const string Sentry = @"
namespace Sentry
{
    public enum SentryLevel { Debug, Info, Warning, Error, Fatal }
    public struct SentryId { }
    public class SentryOptions { public string? Dsn { get; set; } }
    public static class SentrySdk
    {
        public static System.IDisposable Init(string dsn) => null!;
        public static System.IDisposable Init(System.Action<SentryOptions>? configureOptions) => null!;
        public static SentryId CaptureMessage(string message, SentryLevel level = SentryLevel.Info) => default;
    }
}
";

        /// <summary>
        /// Sentry as a package (compiled to a referenced assembly by <see cref="TestReferences.Library"/>): the client
        /// interfaces and the extension methods the SDK declares on them (<c>SentryClientExtensions</c>, <c>HubExtensions</c>).
        /// </summary>
        public const string SentryLibrary = @"
namespace Sentry
{
    public enum SentryLevel { Debug, Info, Warning, Error, Fatal }
    public struct SentryId { }
    public class SentryEvent { public string? Message { get; set; } }
    public class Scope { }
    public class SentryOptions { public string? Dsn { get; set; } public bool SendDefaultPii { get; set; } }
    public interface ISentryClient
    {
        bool IsEnabled { get; }
        SentryId CaptureEvent(SentryEvent evt, Scope? scope = null);
    }
    public interface IHub : ISentryClient
    {
        void ConfigureScope(System.Action<Scope> configureScope);
    }
    public class SentryClient : ISentryClient, System.IDisposable
    {
        public SentryClient(SentryOptions options) { }
        public bool IsEnabled => true;
        public SentryId CaptureEvent(SentryEvent evt, Scope? scope = null) => default;
        public void Dispose() { }
    }
    public static class SentryClientExtensions
    {
        public static SentryId CaptureMessage(this ISentryClient client, string message, SentryLevel level = SentryLevel.Info) => default;
        public static SentryId CaptureException(this ISentryClient client, System.Exception ex) => default;
    }
    public static class HubExtensions
    {
        public static void AddBreadcrumb(this IHub hub, string message, string? category = null) { }
        public static System.IDisposable PushAndLockScope(this IHub hub) => null!;
    }
    public static class SentrySdk
    {
        public static System.IDisposable Init(string dsn) => null!;
        public static System.IDisposable Init(System.Action<SentryOptions>? configureOptions) => null!;
        public static System.IDisposable Init(SentryOptions options) => null!;
        public static SentryId CaptureMessage(string message, SentryLevel level = SentryLevel.Info) => default;
    }
}
";

        public const string Twilio = @"
namespace Twilio.Clients
{
    public interface ITwilioRestClient { string? Region { get; } string? Edge { get; set; } }
    public class TwilioRestClient : ITwilioRestClient
    {
        public TwilioRestClient(string username, string password, string? accountSid = null, string? region = null, object? httpClient = null, string? edge = null) { }
        public string? Region => null;
        public string? Edge { get; set; }
    }
}
namespace Twilio
{
    public class TwilioClient
    {
        public static void Init(string username, string password) { }
        public static void SetRegion(string region) { }
        public static void SetEdge(string edge) { }
    }
}
namespace Twilio.Rest.Api.V2010.Account
{
    public class MessageResource
    {
        public static MessageResource Create(string? to = null, string? from = null, string? body = null, Twilio.Clients.ITwilioRestClient? client = null) => new MessageResource();
    }
}
";

        public const string GoogleGenAI = @"
namespace Google.GenAI.Types
{
    public class HttpOptions { public string? BaseUrl { get; set; } }
    public class GenerateContentResponse { }
}
namespace Google.GenAI
{
    public sealed class Models
    {
        public System.Threading.Tasks.Task<Google.GenAI.Types.GenerateContentResponse> GenerateContentAsync(string model, string contents, object? config = null, System.Threading.CancellationToken cancellationToken = default) => null!;
    }
    public sealed class Client
    {
        public Client(string? apiKey = null, object? credential = null, bool? vertexAI = null, string? project = null, string? location = null, Google.GenAI.Types.HttpOptions? httpOptions = null) { }
        public Models Models { get; } = new Models();
    }
}
";

        public const string ApplicationInsights = @"
namespace Microsoft.ApplicationInsights.Extensibility
{
    public class TelemetryConfiguration { public string? ConnectionString { get; set; } }
}
namespace Microsoft.ApplicationInsights
{
    public sealed class TelemetryClient
    {
        public TelemetryClient(Microsoft.ApplicationInsights.Extensibility.TelemetryConfiguration configuration) { }
        public void TrackEvent(string eventName, System.Collections.Generic.IDictionary<string, string>? properties = null, System.Collections.Generic.IDictionary<string, double>? metrics = null) { }
        public void TrackTrace(string message) { }
    }
}
";

        public const string Stripe = @"
namespace Stripe
{
    public class StripeEntity { }
    public class Customer : StripeEntity { }
    public class RequestOptions { }
    public class CustomerCreateOptions { public string? Email { get; set; } public string? Name { get; set; } }
    public abstract class Service<TEntity> where TEntity : StripeEntity { }
    public class CustomerService : Service<Customer>
    {
        public CustomerService() { }
        public virtual System.Threading.Tasks.Task<Customer> CreateAsync(CustomerCreateOptions options, RequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default) => null!;
    }
}
";

        /// <summary>
        /// Azure.Storage.Blobs and Azure.Storage.Queues 12.x (with the Azure.Core types they use and their Microsoft.Extensions.Azure
        /// registration extensions), compiled as a referenced assembly (<see cref="Verifiers.TestReferences.Library"/>).
        /// </summary>
        public const string AzureStorageLibrary = @"
#nullable enable
namespace System
{
    public class BinaryData
    {
        public static BinaryData FromString(string data) => new BinaryData();
        public static BinaryData FromObjectAsJson<T>(T jsonSerializable, System.Text.Json.JsonSerializerOptions? options = null) => new BinaryData();
    }
}
namespace Azure
{
    public abstract class Response { }
    public abstract class Response<T> { public T Value => default!; }
    public class AzureSasCredential { public AzureSasCredential(string signature) { } }
}
namespace Azure.Core
{
    public abstract class TokenCredential { }
    public abstract class ClientOptions { }
}
namespace Azure.Storage
{
    public class StorageSharedKeyCredential { public StorageSharedKeyCredential(string accountName, string accountKey) { } }
}
namespace Azure.Storage.Blobs.Models
{
    public class BlobContentInfo { }
    public class BlobInfo { }
    public class BlobUploadOptions { }
}
namespace Azure.Storage.Blobs
{
    public class BlobClientOptions : Azure.Core.ClientOptions { }
    public class BlobServiceClient
    {
        protected BlobServiceClient() { }
        public BlobServiceClient(string connectionString) { }
        public BlobServiceClient(string connectionString, BlobClientOptions options) { }
        public BlobServiceClient(System.Uri serviceUri, BlobClientOptions? options = null) { }
        public BlobServiceClient(System.Uri serviceUri, Azure.Storage.StorageSharedKeyCredential credential, BlobClientOptions? options = null) { }
        public BlobServiceClient(System.Uri serviceUri, Azure.Core.TokenCredential credential, BlobClientOptions? options = null) { }
        public virtual System.Uri Uri => null!;
        public virtual BlobContainerClient GetBlobContainerClient(string blobContainerName) => null!;
        public virtual System.Uri GenerateAccountSasUri(System.DateTimeOffset expiresOn) => null!;
    }
    public class BlobContainerClient
    {
        protected BlobContainerClient() { }
        public BlobContainerClient(string connectionString, string blobContainerName) { }
        public BlobContainerClient(System.Uri blobContainerUri, BlobClientOptions? options = null) { }
        public BlobContainerClient(System.Uri blobContainerUri, Azure.Core.TokenCredential credential, BlobClientOptions? options = null) { }
        public virtual BlobClient GetBlobClient(string blobName) => null!;
        public virtual System.Threading.Tasks.Task<Azure.Response<Azure.Storage.Blobs.Models.BlobContentInfo>> UploadBlobAsync(string blobName, System.BinaryData content, System.Threading.CancellationToken cancellationToken = default) => null!;
    }
    public class BlobClient : Azure.Storage.Blobs.Specialized.BlobBaseClient
    {
        protected BlobClient() { }
        public BlobClient(string connectionString, string blobContainerName, string blobName) { }
        public BlobClient(System.Uri blobUri, BlobClientOptions? options = null) { }
        public BlobClient(System.Uri blobUri, Azure.Core.TokenCredential credential, BlobClientOptions? options = null) { }
        public virtual System.Threading.Tasks.Task<Azure.Response<Azure.Storage.Blobs.Models.BlobContentInfo>> UploadAsync(System.BinaryData content, bool overwrite = false, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task<Azure.Response<Azure.Storage.Blobs.Models.BlobContentInfo>> UploadAsync(System.IO.Stream content, System.Threading.CancellationToken cancellationToken = default) => null!;
    }
}
namespace Azure.Storage.Blobs.Specialized
{
    public class BlobBaseClient
    {
        protected BlobBaseClient() { }
        public BlobBaseClient(string connectionString, string blobContainerName, string blobName) { }
        public BlobBaseClient(System.Uri blobUri, Azure.Storage.Blobs.BlobClientOptions? options = null) { }
        public virtual System.Uri Uri => null!;
        public virtual System.Threading.Tasks.Task<Azure.Response<Azure.Storage.Blobs.Models.BlobInfo>> SetMetadataAsync(System.Collections.Generic.IDictionary<string, string> metadata, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Uri GenerateSasUri(System.DateTimeOffset expiresOn) => null!;
    }
    public class BlockBlobClient : BlobBaseClient
    {
        public BlockBlobClient(System.Uri blobUri, Azure.Storage.Blobs.BlobClientOptions? options = null) { }
        public virtual System.Threading.Tasks.Task<Azure.Response<Azure.Storage.Blobs.Models.BlobContentInfo>> UploadAsync(System.IO.Stream content, Azure.Storage.Blobs.Models.BlobUploadOptions options, System.Threading.CancellationToken cancellationToken = default) => null!;
    }
    public static class SpecializedBlobExtensions
    {
        public static BlockBlobClient GetBlockBlobClient(this Azure.Storage.Blobs.BlobContainerClient client, string blobName) => null!;
    }
}
namespace Azure.Storage.Queues.Models
{
    public class SendReceipt { }
}
namespace Azure.Storage.Queues
{
    public class QueueClientOptions : Azure.Core.ClientOptions { }
    public class QueueServiceClient
    {
        protected QueueServiceClient() { }
        public QueueServiceClient(string connectionString) { }
        public QueueServiceClient(System.Uri serviceUri, QueueClientOptions? options = null) { }
        public QueueServiceClient(System.Uri serviceUri, Azure.Core.TokenCredential credential, QueueClientOptions? options = null) { }
        public virtual QueueClient GetQueueClient(string queueName) => null!;
    }
    public class QueueClient
    {
        protected QueueClient() { }
        public QueueClient(string connectionString, string queueName) { }
        public QueueClient(System.Uri queueUri, QueueClientOptions? options = null) { }
        public QueueClient(System.Uri queueUri, Azure.Core.TokenCredential credential, QueueClientOptions? options = null) { }
        public virtual System.Threading.Tasks.Task<Azure.Response<Azure.Storage.Queues.Models.SendReceipt>> SendMessageAsync(string messageText) => null!;
        public virtual System.Threading.Tasks.Task<Azure.Response<Azure.Storage.Queues.Models.SendReceipt>> SendMessageAsync(System.BinaryData message, System.TimeSpan? visibilityTimeout = null, System.TimeSpan? timeToLive = null, System.Threading.CancellationToken cancellationToken = default) => null!;
    }
}
namespace Microsoft.Extensions.Azure
{
    public interface IAzureClientBuilder<TClient, TOptions> where TOptions : class { }
    public interface IAzureClientFactoryBuilder { }
    public interface IAzureClientFactoryBuilderWithCredential { }
    public interface IAzureClientFactoryBuilderWithConfiguration<in TConfiguration> : IAzureClientFactoryBuilder { }
    public static class BlobClientBuilderExtensions
    {
        public static IAzureClientBuilder<global::Azure.Storage.Blobs.BlobServiceClient, global::Azure.Storage.Blobs.BlobClientOptions> AddBlobServiceClient<TBuilder>(this TBuilder builder, string connectionString) where TBuilder : IAzureClientFactoryBuilder => null!;
        public static IAzureClientBuilder<global::Azure.Storage.Blobs.BlobServiceClient, global::Azure.Storage.Blobs.BlobClientOptions> AddBlobServiceClient<TBuilder>(this TBuilder builder, System.Uri serviceUri) where TBuilder : IAzureClientFactoryBuilderWithCredential => null!;
        public static IAzureClientBuilder<global::Azure.Storage.Blobs.BlobServiceClient, global::Azure.Storage.Blobs.BlobClientOptions> AddBlobServiceClient<TBuilder, TConfiguration>(this TBuilder builder, TConfiguration configuration) where TBuilder : IAzureClientFactoryBuilderWithConfiguration<TConfiguration> => null!;
    }
    public static class QueueClientBuilderExtensions
    {
        public static IAzureClientBuilder<global::Azure.Storage.Queues.QueueServiceClient, global::Azure.Storage.Queues.QueueClientOptions> AddQueueServiceClient<TBuilder>(this TBuilder builder, string connectionString) where TBuilder : IAzureClientFactoryBuilder => null!;
        public static IAzureClientBuilder<global::Azure.Storage.Queues.QueueServiceClient, global::Azure.Storage.Queues.QueueClientOptions> AddQueueServiceClient<TBuilder, TConfiguration>(this TBuilder builder, TConfiguration configuration) where TBuilder : IAzureClientFactoryBuilderWithConfiguration<TConfiguration> => null!;
    }
}
";

        /// <summary>
        /// Azure.Data.Tables 12.x, Azure.Storage.Files.Shares 12.x and Azure.Messaging.ServiceBus 7.x with their
        /// Microsoft.Extensions.Azure registration extensions: real namespaces, type names, constructor parameter names and
        /// method names. Compiled together with <see cref="AzureStorageLibrary"/> (whose Azure.Core types they use).
        /// </summary>
        public const string AzureTablesFilesServiceBusLibrary = @"
namespace Azure
{
    public readonly struct ETag { public static readonly ETag All = default; }
    public class AzureNamedKeyCredential { public AzureNamedKeyCredential(string name, string key) { } }
}
namespace Azure.Data.Tables.Models
{
    public class TableItem { }
}
namespace Azure.Data.Tables.Sas
{
    public class TableSasBuilder { }
}
namespace Azure.Data.Tables
{
    public enum TableUpdateMode { Merge, Replace }
    [System.Flags] public enum TableSasPermissions { All = -1, Read = 1 }
    public interface ITableEntity
    {
        string PartitionKey { get; set; }
        string RowKey { get; set; }
        System.DateTimeOffset? Timestamp { get; set; }
        Azure.ETag ETag { get; set; }
    }
    public sealed class TableEntity : ITableEntity, System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, object>>
    {
        public TableEntity() { }
        public TableEntity(string partitionKey, string rowKey) { }
        public string PartitionKey { get; set; } = """";
        public string RowKey { get; set; } = """";
        public System.DateTimeOffset? Timestamp { get; set; }
        public Azure.ETag ETag { get; set; }
        public object this[string key] { get => null!; set { } }
        public void Add(string key, object value) { }
        public System.Collections.Generic.IEnumerator<System.Collections.Generic.KeyValuePair<string, object>> GetEnumerator() => null!;
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null!;
    }
    public class TableSharedKeyCredential { public TableSharedKeyCredential(string accountName, string accountKey) { } }
    public class TableClientOptions : Azure.Core.ClientOptions { }
    public class TableServiceClient
    {
        protected TableServiceClient() { }
        public TableServiceClient(string connectionString) { }
        public TableServiceClient(string connectionString, TableClientOptions options) { }
        public TableServiceClient(System.Uri endpoint, TableClientOptions? options = null) { }
        public TableServiceClient(System.Uri endpoint, Azure.AzureSasCredential credential, TableClientOptions? options = null) { }
        public TableServiceClient(System.Uri endpoint, TableSharedKeyCredential credential) { }
        public TableServiceClient(System.Uri endpoint, TableSharedKeyCredential credential, TableClientOptions options) { }
        public TableServiceClient(System.Uri endpoint, Azure.Core.TokenCredential tokenCredential, TableClientOptions? options = null) { }
        public virtual TableClient GetTableClient(string tableName) => null!;
        public virtual System.Threading.Tasks.Task<Azure.Response<Azure.Data.Tables.Models.TableItem>> CreateTableIfNotExistsAsync(string tableName, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Uri GenerateSasUri(TableSasPermissions permissions, System.DateTimeOffset expiresOn) => null!;
    }
    public class TableClient
    {
        protected TableClient() { }
        public TableClient(string connectionString, string tableName) { }
        public TableClient(string connectionString, string tableName, TableClientOptions? options = null) { }
        public TableClient(System.Uri endpoint, TableClientOptions? options = null) { }
        public TableClient(System.Uri endpoint, Azure.AzureSasCredential credential, TableClientOptions? options = null) { }
        public TableClient(System.Uri endpoint, string tableName, TableSharedKeyCredential credential) { }
        public TableClient(System.Uri endpoint, string tableName, TableSharedKeyCredential credential, TableClientOptions? options = null) { }
        public TableClient(System.Uri endpoint, string tableName, Azure.Core.TokenCredential tokenCredential, TableClientOptions? options = null) { }
        public virtual string Name => """";
        public virtual System.Threading.Tasks.Task<Azure.Response> AddEntityAsync<T>(T entity, System.Threading.CancellationToken cancellationToken = default) where T : ITableEntity => null!;
        public virtual System.Threading.Tasks.Task<Azure.Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, System.Threading.CancellationToken cancellationToken = default) where T : ITableEntity => null!;
        public virtual System.Threading.Tasks.Task<Azure.Response> DeleteEntityAsync(string partitionKey, string rowKey, Azure.ETag ifMatch = default, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Uri GenerateSasUri(TableSasPermissions permissions, System.DateTimeOffset expiresOn) => null!;
        public virtual Azure.Data.Tables.Sas.TableSasBuilder GetSasBuilder(TableSasPermissions permissions, System.DateTimeOffset expiresOn) => null!;
    }
}
namespace Azure.Storage.Files.Shares.Models
{
    public class ShareInfo { }
    public class ShareFileInfo { }
    public class ShareFileUploadInfo { }
    public class ShareDirectoryInfo { }
}
namespace Azure.Storage.Files.Shares
{
    public class ShareClientOptions : Azure.Core.ClientOptions { }
    public class ShareServiceClient
    {
        protected ShareServiceClient() { }
        public ShareServiceClient(string connectionString) { }
        public ShareServiceClient(string connectionString, ShareClientOptions options) { }
        public ShareServiceClient(System.Uri serviceUri, ShareClientOptions? options = null) { }
        public ShareServiceClient(System.Uri serviceUri, Azure.Storage.StorageSharedKeyCredential credential, ShareClientOptions? options = null) { }
        public ShareServiceClient(System.Uri serviceUri, Azure.Core.TokenCredential credential, ShareClientOptions? options = null) { }
        public virtual ShareClient GetShareClient(string shareName) => null!;
        public virtual System.Uri GenerateAccountSasUri(System.DateTimeOffset expiresOn) => null!;
    }
    public class ShareClient
    {
        protected ShareClient() { }
        public ShareClient(string connectionString, string shareName) { }
        public ShareClient(string connectionString, string shareName, ShareClientOptions options) { }
        public ShareClient(System.Uri shareUri, ShareClientOptions? options = null) { }
        public ShareClient(System.Uri shareUri, Azure.Storage.StorageSharedKeyCredential credential, ShareClientOptions? options = null) { }
        public ShareClient(System.Uri shareUri, Azure.Core.TokenCredential credential, ShareClientOptions? options = null) { }
        public virtual ShareDirectoryClient GetRootDirectoryClient() => null!;
        public virtual ShareDirectoryClient GetDirectoryClient(string directoryName) => null!;
        public virtual ShareClient WithSnapshot(string snapshot) => null!;
        public virtual System.Threading.Tasks.Task<Azure.Response<Azure.Storage.Files.Shares.Models.ShareInfo>> CreateIfNotExistsAsync(System.Collections.Generic.IDictionary<string, string>? metadata = null, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Uri GenerateSasUri(System.DateTimeOffset expiresOn) => null!;
    }
    public class ShareDirectoryClient
    {
        protected ShareDirectoryClient() { }
        public ShareDirectoryClient(string connectionString, string shareName, string directoryPath) { }
        public ShareDirectoryClient(System.Uri directoryUri, ShareClientOptions? options = null) { }
        public ShareDirectoryClient(System.Uri directoryUri, Azure.Core.TokenCredential credential, ShareClientOptions? options = null) { }
        public virtual ShareDirectoryClient GetSubdirectoryClient(string subdirectoryName) => null!;
        public virtual ShareFileClient GetFileClient(string fileName) => null!;
        public virtual System.Threading.Tasks.Task<Azure.Response<Azure.Storage.Files.Shares.Models.ShareDirectoryInfo>> CreateIfNotExistsAsync(System.Collections.Generic.IDictionary<string, string>? metadata = null, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task<Azure.Response<ShareFileClient>> CreateFileAsync(string fileName, long maxSize, System.Threading.CancellationToken cancellationToken = default) => null!;
    }
    public class ShareFileClient
    {
        protected ShareFileClient() { }
        public ShareFileClient(string connectionString, string shareName, string filePath) { }
        public ShareFileClient(System.Uri fileUri, ShareClientOptions? options = null) { }
        public ShareFileClient(System.Uri fileUri, Azure.Core.TokenCredential credential, ShareClientOptions? options = null) { }
        public virtual System.Threading.Tasks.Task<Azure.Response<Azure.Storage.Files.Shares.Models.ShareFileInfo>> CreateAsync(long maxSize, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task<Azure.Response<Azure.Storage.Files.Shares.Models.ShareFileUploadInfo>> UploadAsync(System.IO.Stream stream, System.IProgress<long>? progressHandler = null, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task<Azure.Response<Azure.Storage.Files.Shares.Models.ShareFileInfo>> SetMetadataAsync(System.Collections.Generic.IDictionary<string, string> metadata, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Uri GenerateSasUri(System.DateTimeOffset expiresOn) => null!;
    }
}
namespace Azure.Messaging.ServiceBus
{
    public class ServiceBusClientOptions { }
    public class ServiceBusSenderOptions { }
    public class ServiceBusReceiverOptions { }
    public class ServiceBusProcessorOptions { }
    public class ServiceBusMessage
    {
        public ServiceBusMessage() { }
        public ServiceBusMessage(string body) { }
        public ServiceBusMessage(System.BinaryData body) { }
        public System.BinaryData Body { get; set; } = null!;
        public string? Subject { get; set; }
        public string? MessageId { get; set; }
        public string? ContentType { get; set; }
        public System.Collections.Generic.IDictionary<string, object> ApplicationProperties { get; } = new System.Collections.Generic.Dictionary<string, object>();
    }
    public sealed class ServiceBusReceivedMessage
    {
        public System.BinaryData Body => null!;
    }
    public sealed class ServiceBusMessageBatch : System.IDisposable
    {
        public void Dispose() { }
        public int Count => 0;
        public bool TryAddMessage(ServiceBusMessage message) => true;
    }
    public class ProcessMessageEventArgs : System.EventArgs
    {
        public ServiceBusReceivedMessage Message => null!;
        public virtual System.Threading.Tasks.Task CompleteMessageAsync(ServiceBusReceivedMessage message, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, string deadLetterReason, string? deadLetterErrorDescription = null, System.Threading.CancellationToken cancellationToken = default) => null!;
    }
    public class ProcessErrorEventArgs : System.EventArgs { }
    public class ServiceBusClient : System.IAsyncDisposable
    {
        protected ServiceBusClient() { }
        public ServiceBusClient(string connectionString) { }
        public ServiceBusClient(string connectionString, ServiceBusClientOptions options) { }
        public ServiceBusClient(string fullyQualifiedNamespace, Azure.Core.TokenCredential credential) { }
        public ServiceBusClient(string fullyQualifiedNamespace, Azure.Core.TokenCredential credential, ServiceBusClientOptions options) { }
        public ServiceBusClient(string fullyQualifiedNamespace, Azure.AzureNamedKeyCredential credential, ServiceBusClientOptions? options = default) { }
        public virtual string FullyQualifiedNamespace => """";
        public virtual ServiceBusSender CreateSender(string queueOrTopicName) => null!;
        public virtual ServiceBusSender CreateSender(string queueOrTopicName, ServiceBusSenderOptions options) => null!;
        public virtual ServiceBusReceiver CreateReceiver(string queueName) => null!;
        public virtual ServiceBusReceiver CreateReceiver(string topicName, string subscriptionName) => null!;
        public virtual ServiceBusProcessor CreateProcessor(string queueName) => null!;
        public virtual ServiceBusProcessor CreateProcessor(string queueName, ServiceBusProcessorOptions options) => null!;
        public virtual System.Threading.Tasks.ValueTask DisposeAsync() => default;
    }
    public class ServiceBusSender : System.IAsyncDisposable
    {
        protected ServiceBusSender() { }
        public virtual string EntityPath => """";
        public virtual System.Threading.Tasks.Task SendMessageAsync(ServiceBusMessage message, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task SendMessagesAsync(System.Collections.Generic.IEnumerable<ServiceBusMessage> messages, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task SendMessagesAsync(ServiceBusMessageBatch messageBatch, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.ValueTask<ServiceBusMessageBatch> CreateMessageBatchAsync(System.Threading.CancellationToken cancellationToken = default) => default;
        public virtual System.Threading.Tasks.Task<long> ScheduleMessageAsync(ServiceBusMessage message, System.DateTimeOffset scheduledEnqueueTime, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task<System.Collections.Generic.IReadOnlyList<long>> ScheduleMessagesAsync(System.Collections.Generic.IEnumerable<ServiceBusMessage> messages, System.DateTimeOffset scheduledEnqueueTime, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task CancelScheduledMessageAsync(long sequenceNumber, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task CloseAsync(System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.ValueTask DisposeAsync() => default;
    }
    public class ServiceBusReceiver : System.IAsyncDisposable
    {
        protected ServiceBusReceiver() { }
        public virtual System.Threading.Tasks.Task<ServiceBusReceivedMessage> ReceiveMessageAsync(System.TimeSpan? maxWaitTime = null, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task CompleteMessageAsync(ServiceBusReceivedMessage message, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task DeadLetterMessageAsync(ServiceBusReceivedMessage message, string deadLetterReason, string? deadLetterErrorDescription = null, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.ValueTask DisposeAsync() => default;
    }
    public class ServiceBusProcessor : System.IAsyncDisposable
    {
        protected ServiceBusProcessor() { }
        public event System.Func<ProcessMessageEventArgs, System.Threading.Tasks.Task> ProcessMessageAsync { add { } remove { } }
        public event System.Func<ProcessErrorEventArgs, System.Threading.Tasks.Task> ProcessErrorAsync { add { } remove { } }
        public virtual System.Threading.Tasks.Task StartProcessingAsync(System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.ValueTask DisposeAsync() => default;
    }
}
namespace Microsoft.Extensions.Azure
{
    public static class TableClientBuilderExtensions
    {
        public static IAzureClientBuilder<global::Azure.Data.Tables.TableServiceClient, global::Azure.Data.Tables.TableClientOptions> AddTableServiceClient<TBuilder>(this TBuilder builder, string connectionString) where TBuilder : IAzureClientFactoryBuilder => null!;
        public static IAzureClientBuilder<global::Azure.Data.Tables.TableServiceClient, global::Azure.Data.Tables.TableClientOptions> AddTableServiceClient<TBuilder>(this TBuilder builder, System.Uri serviceUri) where TBuilder : IAzureClientFactoryBuilderWithCredential => null!;
        public static IAzureClientBuilder<global::Azure.Data.Tables.TableServiceClient, global::Azure.Data.Tables.TableClientOptions> AddTableServiceClient<TBuilder, TConfiguration>(this TBuilder builder, TConfiguration configuration) where TBuilder : IAzureClientFactoryBuilderWithConfiguration<TConfiguration> => null!;
    }
    public static class ShareClientBuilderExtensions
    {
        public static IAzureClientBuilder<global::Azure.Storage.Files.Shares.ShareServiceClient, global::Azure.Storage.Files.Shares.ShareClientOptions> AddFileServiceClient<TBuilder>(this TBuilder builder, string connectionString) where TBuilder : IAzureClientFactoryBuilder => null!;
        public static IAzureClientBuilder<global::Azure.Storage.Files.Shares.ShareServiceClient, global::Azure.Storage.Files.Shares.ShareClientOptions> AddFileServiceClientWithCredential<TBuilder>(this TBuilder builder, System.Uri serviceUri) where TBuilder : IAzureClientFactoryBuilderWithCredential => null!;
        public static IAzureClientBuilder<global::Azure.Storage.Files.Shares.ShareServiceClient, global::Azure.Storage.Files.Shares.ShareClientOptions> AddFileServiceClient<TBuilder, TConfiguration>(this TBuilder builder, TConfiguration configuration) where TBuilder : IAzureClientFactoryBuilderWithConfiguration<TConfiguration> => null!;
    }
    public static class ServiceBusClientBuilderExtensions
    {
        public static IAzureClientBuilder<global::Azure.Messaging.ServiceBus.ServiceBusClient, global::Azure.Messaging.ServiceBus.ServiceBusClientOptions> AddServiceBusClient<TBuilder>(this TBuilder builder, string connectionString) where TBuilder : IAzureClientFactoryBuilder => null!;
        public static IAzureClientBuilder<global::Azure.Messaging.ServiceBus.ServiceBusClient, global::Azure.Messaging.ServiceBus.ServiceBusClientOptions> AddServiceBusClientWithNamespace<TBuilder>(this TBuilder builder, string fullyQualifiedNamespace) where TBuilder : IAzureClientFactoryBuilderWithCredential => null!;
        public static IAzureClientBuilder<global::Azure.Messaging.ServiceBus.ServiceBusClient, global::Azure.Messaging.ServiceBus.ServiceBusClientOptions> AddServiceBusClient<TBuilder, TConfiguration>(this TBuilder builder, TConfiguration configuration) where TBuilder : IAzureClientFactoryBuilderWithConfiguration<TConfiguration> => null!;
    }
}
";
            /// <summary>
        /// Microsoft.Azure.Cosmos 3.x, Azure.Messaging.EventHubs 5.x (with Microsoft.Extensions.Azure's Event Hubs registrations) and
        /// the .NET Aspire client integrations for Azure (Aspire.Azure.Storage.Blobs, Aspire.Azure.Messaging.ServiceBus,
        /// Aspire.Microsoft.Azure.Cosmos, Aspire.Azure.Messaging.EventHubs): real namespaces, type names, constructor parameter
        /// names and method names. Compiled together with <see cref="AzureStorageLibrary"/> and <see cref="AzureTablesFilesServiceBusLibrary"/>.
        /// </summary>
        public const string CosmosEventHubsAspireLibrary = @"
namespace Microsoft.Azure.Cosmos
{
    public class CosmosClientOptions { public string? ApplicationRegion { get; set; } public bool AllowBulkExecution { get; set; } }
    public class RequestOptions { }
    public class ItemRequestOptions : RequestOptions { }
    public class PatchItemRequestOptions : ItemRequestOptions { }
    public class QueryRequestOptions : RequestOptions { }
    public class ContainerRequestOptions : RequestOptions { }
    public class TransactionalBatchItemRequestOptions : RequestOptions { }
    public class TransactionalBatchPatchItemRequestOptions : TransactionalBatchItemRequestOptions { }
    public readonly struct PartitionKey
    {
        public static readonly PartitionKey None = default;
        public PartitionKey(string partitionKeyValue) { }
        public PartitionKey(double partitionKeyValue) { }
        public PartitionKey(bool partitionKeyValue) { }
    }
    public abstract class Response<T> { public abstract T Resource { get; } }
    public class ItemResponse<T> : Response<T> { public override T Resource => default!; }
    public class ResponseMessage : System.IDisposable { public virtual System.IO.Stream Content => null!; public void Dispose() { } }
    public class DatabaseProperties { }
    public class ContainerProperties { public ContainerProperties(string id, string partitionKeyPath) { } }
    public class DatabaseResponse : Response<DatabaseProperties> { public override DatabaseProperties Resource => null!; public virtual Database Database => null!; }
    public class ContainerResponse : Response<ContainerProperties> { public override ContainerProperties Resource => null!; public virtual Container Container => null!; }
    public class FeedResponse<T> : System.Collections.Generic.IEnumerable<T>
    {
        public System.Collections.Generic.IEnumerator<T> GetEnumerator() => null!;
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => null!;
    }
    public abstract class FeedIterator<T> : System.IDisposable
    {
        public abstract bool HasMoreResults { get; }
        public abstract System.Threading.Tasks.Task<FeedResponse<T>> ReadNextAsync(System.Threading.CancellationToken cancellationToken = default);
        public void Dispose() { }
    }
    public abstract class FeedIterator : System.IDisposable
    {
        public abstract bool HasMoreResults { get; }
        public abstract System.Threading.Tasks.Task<ResponseMessage> ReadNextAsync(System.Threading.CancellationToken cancellationToken = default);
        public void Dispose() { }
    }
    public class QueryDefinition
    {
        public QueryDefinition(string query) { }
        public string QueryText => """";
        public QueryDefinition WithParameter(string name, object value) => this;
    }
    public abstract class PatchOperation
    {
        public static PatchOperation Set<T>(string path, T value) => null!;
        public static PatchOperation Replace<T>(string path, T value) => null!;
        public static PatchOperation Remove(string path) => null!;
    }
    public class TransactionalBatchResponse : System.IDisposable { public virtual bool IsSuccessStatusCode => true; public void Dispose() { } }
    public class CosmosClient : System.IDisposable
    {
        protected CosmosClient() { }
        public CosmosClient(string connectionString, CosmosClientOptions? clientOptions = null) { }
        public CosmosClient(string accountEndpoint, string authKeyOrResourceToken, CosmosClientOptions? clientOptions = null) { }
        public CosmosClient(string accountEndpoint, global::Azure.Core.TokenCredential tokenCredential, CosmosClientOptions? clientOptions = null) { }
        public virtual System.Uri Endpoint => null!;
        public virtual Database GetDatabase(string id) => null!;
        public virtual Container GetContainer(string databaseId, string containerId) => null!;
        public virtual System.Threading.Tasks.Task<DatabaseResponse> CreateDatabaseIfNotExistsAsync(string id, int? throughput = null, RequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default) => null!;
        public static System.Threading.Tasks.Task<CosmosClient> CreateAndInitializeAsync(string connectionString, System.Collections.Generic.IReadOnlyList<(string databaseId, string containerId)> containers, CosmosClientOptions? cosmosClientOptions = null, System.Threading.CancellationToken cancellationToken = default) => null!;
        public void Dispose() { }
    }
    public abstract class Database
    {
        protected Database() { }
        public abstract string Id { get; }
        public abstract CosmosClient Client { get; }
        public abstract Container GetContainer(string id);
        public abstract System.Threading.Tasks.Task<ContainerResponse> CreateContainerIfNotExistsAsync(string id, string partitionKeyPath, int? throughput = null, RequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default);
        public abstract System.Threading.Tasks.Task<DatabaseResponse> ReadAsync(RequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default);
        public abstract System.Threading.Tasks.Task<DatabaseResponse> DeleteAsync(RequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default);
    }
    public abstract class Container
    {
        protected Container() { }
        public abstract string Id { get; }
        public abstract Database Database { get; }
        public abstract System.Threading.Tasks.Task<ItemResponse<T>> CreateItemAsync<T>(T item, PartitionKey? partitionKey = null, ItemRequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default);
        public abstract System.Threading.Tasks.Task<ResponseMessage> CreateItemStreamAsync(System.IO.Stream streamPayload, PartitionKey partitionKey, ItemRequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default);
        public abstract System.Threading.Tasks.Task<ItemResponse<T>> UpsertItemAsync<T>(T item, PartitionKey? partitionKey = null, ItemRequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default);
        public abstract System.Threading.Tasks.Task<ResponseMessage> UpsertItemStreamAsync(System.IO.Stream streamPayload, PartitionKey partitionKey, ItemRequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default);
        public abstract System.Threading.Tasks.Task<ItemResponse<T>> ReplaceItemAsync<T>(T item, string id, PartitionKey? partitionKey = null, ItemRequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default);
        public abstract System.Threading.Tasks.Task<ItemResponse<T>> PatchItemAsync<T>(string id, PartitionKey partitionKey, System.Collections.Generic.IReadOnlyList<PatchOperation> patchOperations, PatchItemRequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default);
        public abstract System.Threading.Tasks.Task<ItemResponse<T>> ReadItemAsync<T>(string id, PartitionKey partitionKey, ItemRequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default);
        public abstract System.Threading.Tasks.Task<ItemResponse<T>> DeleteItemAsync<T>(string id, PartitionKey partitionKey, ItemRequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default);
        public abstract FeedIterator<T> GetItemQueryIterator<T>(QueryDefinition queryDefinition, string? continuationToken = null, QueryRequestOptions? requestOptions = null);
        public abstract FeedIterator<T> GetItemQueryIterator<T>(string? queryText = null, string? continuationToken = null, QueryRequestOptions? requestOptions = null);
        public abstract FeedIterator GetItemQueryStreamIterator(QueryDefinition queryDefinition, string? continuationToken = null, QueryRequestOptions? requestOptions = null);
        public abstract System.Linq.IOrderedQueryable<T> GetItemLinqQueryable<T>(bool allowSynchronousQueryExecution = false, string? continuationToken = null, QueryRequestOptions? requestOptions = null);
        public abstract TransactionalBatch CreateTransactionalBatch(PartitionKey partitionKey);
        public abstract System.Threading.Tasks.Task<ContainerResponse> ReadContainerAsync(ContainerRequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default);
        public abstract System.Threading.Tasks.Task<ContainerResponse> DeleteContainerAsync(ContainerRequestOptions? requestOptions = null, System.Threading.CancellationToken cancellationToken = default);
        public abstract System.Threading.Tasks.Task<int?> ReadThroughputAsync(System.Threading.CancellationToken cancellationToken = default);
    }
    public abstract class TransactionalBatch
    {
        protected TransactionalBatch() { }
        public abstract TransactionalBatch CreateItem<T>(T item, TransactionalBatchItemRequestOptions? requestOptions = null);
        public abstract TransactionalBatch UpsertItem<T>(T item, TransactionalBatchItemRequestOptions? requestOptions = null);
        public abstract TransactionalBatch ReplaceItem<T>(string id, T item, TransactionalBatchItemRequestOptions? requestOptions = null);
        public abstract TransactionalBatch ReadItem(string id, TransactionalBatchItemRequestOptions? requestOptions = null);
        public abstract TransactionalBatch DeleteItem(string id, TransactionalBatchItemRequestOptions? requestOptions = null);
        public abstract TransactionalBatch PatchItem(string id, System.Collections.Generic.IReadOnlyList<PatchOperation> patchOperations, TransactionalBatchPatchItemRequestOptions? requestOptions = null);
        public abstract System.Threading.Tasks.Task<TransactionalBatchResponse> ExecuteAsync(System.Threading.CancellationToken cancellationToken = default);
    }
}
namespace Microsoft.Azure.Cosmos.Fluent
{
    public class CosmosClientBuilder
    {
        public CosmosClientBuilder(string connectionString) { }
        public CosmosClientBuilder(string accountEndpoint, string authKeyOrResourceToken) { }
        public CosmosClientBuilder(string accountEndpoint, global::Azure.Core.TokenCredential tokenCredential) { }
        public CosmosClientBuilder WithApplicationRegion(string applicationRegion) => this;
        public CosmosClientBuilder WithApplicationName(string applicationName) => this;
        public virtual Microsoft.Azure.Cosmos.CosmosClient Build() => null!;
    }
}
namespace Microsoft.Azure.Cosmos.Linq
{
    public static class CosmosLinqExtensions
    {
        public static Microsoft.Azure.Cosmos.FeedIterator<T> ToFeedIterator<T>(this System.Linq.IQueryable<T> query) => null!;
    }
}
namespace Azure.Messaging.EventHubs
{
    public class EventData
    {
        public EventData() { }
        public EventData(System.BinaryData eventBody) { }
        public EventData(System.ReadOnlyMemory<byte> eventBody) { }
        public EventData(string eventBody) { }
        public System.BinaryData EventBody { get; set; } = null!;
        public string? ContentType { get; set; }
        public string? MessageId { get; set; }
        public System.Collections.Generic.IDictionary<string, object> Properties { get; } = new System.Collections.Generic.Dictionary<string, object>();
    }
    public class EventProcessorClient
    {
        protected EventProcessorClient() { }
        public EventProcessorClient(global::Azure.Storage.Blobs.BlobContainerClient checkpointStore, string consumerGroup, string connectionString, string eventHubName) { }
        public event System.Func<Azure.Messaging.EventHubs.Processor.ProcessEventArgs, System.Threading.Tasks.Task> ProcessEventAsync { add { } remove { } }
        public virtual System.Threading.Tasks.Task StartProcessingAsync(System.Threading.CancellationToken cancellationToken = default) => null!;
    }
}
namespace Azure.Messaging.EventHubs.Processor
{
    public struct ProcessEventArgs
    {
        public Azure.Messaging.EventHubs.EventData Data => null!;
        public System.Threading.Tasks.Task UpdateCheckpointAsync(System.Threading.CancellationToken cancellationToken = default) => null!;
    }
}
namespace Azure.Messaging.EventHubs.Consumer
{
    public struct PartitionEvent { public Azure.Messaging.EventHubs.EventData Data => null!; }
    public class EventHubConsumerClient : System.IAsyncDisposable
    {
        public const string DefaultConsumerGroupName = ""$Default"";
        protected EventHubConsumerClient() { }
        public EventHubConsumerClient(string consumerGroup, string connectionString, string eventHubName) { }
        public virtual System.Collections.Generic.IAsyncEnumerable<PartitionEvent> ReadEventsAsync(System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.ValueTask DisposeAsync() => default;
    }
}
namespace Azure.Messaging.EventHubs.Producer
{
    public class EventHubProducerClientOptions { }
    public class EventHubBufferedProducerClientOptions { }
    public class SendEventOptions { public string? PartitionKey { get; set; } public string? PartitionId { get; set; } }
    public class CreateBatchOptions : SendEventOptions { }
    public class EnqueueEventOptions : SendEventOptions { }
    public sealed class EventDataBatch : System.IDisposable
    {
        public int Count => 0;
        public bool TryAdd(Azure.Messaging.EventHubs.EventData eventData) => true;
        public void Dispose() { }
    }
    public class EventHubProducerClient : System.IAsyncDisposable
    {
        protected EventHubProducerClient() { }
        public EventHubProducerClient(string connectionString) { }
        public EventHubProducerClient(string connectionString, EventHubProducerClientOptions clientOptions) { }
        public EventHubProducerClient(string connectionString, string eventHubName) { }
        public EventHubProducerClient(string connectionString, string eventHubName, EventHubProducerClientOptions clientOptions) { }
        public EventHubProducerClient(string fullyQualifiedNamespace, string eventHubName, global::Azure.Core.TokenCredential credential, EventHubProducerClientOptions? clientOptions = default) { }
        public EventHubProducerClient(string fullyQualifiedNamespace, string eventHubName, global::Azure.AzureNamedKeyCredential credential, EventHubProducerClientOptions? clientOptions = default) { }
        public string FullyQualifiedNamespace => """";
        public virtual System.Threading.Tasks.ValueTask<EventDataBatch> CreateBatchAsync(System.Threading.CancellationToken cancellationToken = default) => default;
        public virtual System.Threading.Tasks.ValueTask<EventDataBatch> CreateBatchAsync(CreateBatchOptions options, System.Threading.CancellationToken cancellationToken = default) => default;
        public virtual System.Threading.Tasks.Task SendAsync(System.Collections.Generic.IEnumerable<Azure.Messaging.EventHubs.EventData> eventBatch, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task SendAsync(System.Collections.Generic.IEnumerable<Azure.Messaging.EventHubs.EventData> eventBatch, SendEventOptions options, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task SendAsync(EventDataBatch eventBatch, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task<string[]> GetPartitionIdsAsync(System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task CloseAsync(System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.ValueTask DisposeAsync() => default;
    }
    public class EventHubBufferedProducerClient : System.IAsyncDisposable
    {
        protected EventHubBufferedProducerClient() { }
        public EventHubBufferedProducerClient(string connectionString) { }
        public EventHubBufferedProducerClient(string connectionString, string eventHubName) { }
        public EventHubBufferedProducerClient(string connectionString, string eventHubName, EventHubBufferedProducerClientOptions clientOptions) { }
        public EventHubBufferedProducerClient(string fullyQualifiedNamespace, string eventHubName, global::Azure.Core.TokenCredential credential, EventHubBufferedProducerClientOptions? clientOptions = default) { }
        public virtual System.Threading.Tasks.Task<int> EnqueueEventAsync(Azure.Messaging.EventHubs.EventData eventData, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task<int> EnqueueEventAsync(Azure.Messaging.EventHubs.EventData eventData, EnqueueEventOptions options, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task<int> EnqueueEventsAsync(System.Collections.Generic.IEnumerable<Azure.Messaging.EventHubs.EventData> events, System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual System.Threading.Tasks.Task FlushAsync(System.Threading.CancellationToken cancellationToken = default) => null!;
        public virtual int GetBufferedEventCount(string partitionId) => 0;
        public virtual System.Threading.Tasks.ValueTask DisposeAsync() => default;
    }
}
namespace Microsoft.Extensions.Azure
{
    public static class EventHubClientBuilderExtensions
    {
        public static IAzureClientBuilder<global::Azure.Messaging.EventHubs.Producer.EventHubProducerClient, global::Azure.Messaging.EventHubs.Producer.EventHubProducerClientOptions> AddEventHubProducerClient<TBuilder>(this TBuilder builder, string connectionString) where TBuilder : IAzureClientFactoryBuilder => null!;
        public static IAzureClientBuilder<global::Azure.Messaging.EventHubs.Producer.EventHubProducerClient, global::Azure.Messaging.EventHubs.Producer.EventHubProducerClientOptions> AddEventHubProducerClient<TBuilder>(this TBuilder builder, string connectionString, string eventHubName) where TBuilder : IAzureClientFactoryBuilder => null!;
        public static IAzureClientBuilder<global::Azure.Messaging.EventHubs.Producer.EventHubProducerClient, global::Azure.Messaging.EventHubs.Producer.EventHubProducerClientOptions> AddEventHubProducerClientWithNamespace<TBuilder>(this TBuilder builder, string fullyQualifiedNamespace, string eventHubName) where TBuilder : IAzureClientFactoryBuilderWithCredential => null!;
        public static IAzureClientBuilder<global::Azure.Messaging.EventHubs.Producer.EventHubProducerClient, global::Azure.Messaging.EventHubs.Producer.EventHubProducerClientOptions> AddEventHubProducerClient<TBuilder, TConfiguration>(this TBuilder builder, TConfiguration configuration) where TBuilder : IAzureClientFactoryBuilderWithConfiguration<TConfiguration> => null!;
    }
}
namespace Aspire.Azure.Storage.Blobs
{
    public class AzureStorageBlobsSettings { public string? ConnectionString { get; set; } public System.Uri? ServiceUri { get; set; } }
    public sealed class AzureBlobStorageContainerSettings : AzureStorageBlobsSettings { public string? BlobContainerName { get; set; } }
}
namespace Aspire.Azure.Messaging.ServiceBus { public sealed class AzureMessagingServiceBusSettings { public string? ConnectionString { get; set; } public string? FullyQualifiedNamespace { get; set; } } }
namespace Aspire.Microsoft.Azure.Cosmos { public sealed class MicrosoftAzureCosmosSettings { public string? ConnectionString { get; set; } public System.Uri? AccountEndpoint { get; set; } } }
namespace Aspire.Azure.Messaging.EventHubs
{
    public abstract class AzureMessagingEventHubsSettings { internal AzureMessagingEventHubsSettings() { } public string? ConnectionString { get; set; } public string? FullyQualifiedNamespace { get; set; } public string? EventHubName { get; set; } }
    public sealed class AzureMessagingEventHubsProducerSettings : AzureMessagingEventHubsSettings { }
    public sealed class AzureMessagingEventHubsBufferedProducerSettings : AzureMessagingEventHubsSettings { }
}
namespace Microsoft.Extensions.Hosting
{
    public interface IHostApplicationBuilder { }
    public static class AspireBlobStorageExtensions
    {
        [System.Obsolete(""Use AddAzureBlobServiceClient instead."")]
        public static void AddAzureBlobClient(this IHostApplicationBuilder builder, string connectionName, System.Action<Aspire.Azure.Storage.Blobs.AzureStorageBlobsSettings>? configureSettings = null, System.Action<global::Microsoft.Extensions.Azure.IAzureClientBuilder<global::Azure.Storage.Blobs.BlobServiceClient, global::Azure.Storage.Blobs.BlobClientOptions>>? configureClientBuilder = null) { }
        public static void AddAzureBlobServiceClient(this IHostApplicationBuilder builder, string connectionName, System.Action<Aspire.Azure.Storage.Blobs.AzureStorageBlobsSettings>? configureSettings = null, System.Action<global::Microsoft.Extensions.Azure.IAzureClientBuilder<global::Azure.Storage.Blobs.BlobServiceClient, global::Azure.Storage.Blobs.BlobClientOptions>>? configureClientBuilder = null) { }
        public static void AddKeyedAzureBlobServiceClient(this IHostApplicationBuilder builder, string name, System.Action<Aspire.Azure.Storage.Blobs.AzureStorageBlobsSettings>? configureSettings = null, System.Action<global::Microsoft.Extensions.Azure.IAzureClientBuilder<global::Azure.Storage.Blobs.BlobServiceClient, global::Azure.Storage.Blobs.BlobClientOptions>>? configureClientBuilder = null) { }
        public static void AddAzureBlobContainerClient(this IHostApplicationBuilder builder, string connectionName, System.Action<Aspire.Azure.Storage.Blobs.AzureBlobStorageContainerSettings>? configureSettings = null, System.Action<global::Microsoft.Extensions.Azure.IAzureClientBuilder<global::Azure.Storage.Blobs.BlobContainerClient, global::Azure.Storage.Blobs.BlobClientOptions>>? configureClientBuilder = null) { }
    }
    public static class AspireServiceBusExtensions
    {
        public static void AddAzureServiceBusClient(this IHostApplicationBuilder builder, string connectionName, System.Action<Aspire.Azure.Messaging.ServiceBus.AzureMessagingServiceBusSettings>? configureSettings = null, System.Action<global::Microsoft.Extensions.Azure.IAzureClientBuilder<global::Azure.Messaging.ServiceBus.ServiceBusClient, global::Azure.Messaging.ServiceBus.ServiceBusClientOptions>>? configureClientBuilder = null) { }
        public static void AddKeyedAzureServiceBusClient(this IHostApplicationBuilder builder, string name, System.Action<Aspire.Azure.Messaging.ServiceBus.AzureMessagingServiceBusSettings>? configureSettings = null, System.Action<global::Microsoft.Extensions.Azure.IAzureClientBuilder<global::Azure.Messaging.ServiceBus.ServiceBusClient, global::Azure.Messaging.ServiceBus.ServiceBusClientOptions>>? configureClientBuilder = null) { }
    }
    public static class AspireMicrosoftAzureCosmosExtensions
    {
        public static void AddAzureCosmosClient(this IHostApplicationBuilder builder, string connectionName, System.Action<Aspire.Microsoft.Azure.Cosmos.MicrosoftAzureCosmosSettings>? configureSettings = null, System.Action<global::Microsoft.Azure.Cosmos.CosmosClientOptions>? configureClientOptions = null) { }
        public static void AddKeyedAzureCosmosClient(this IHostApplicationBuilder builder, string name, System.Action<Aspire.Microsoft.Azure.Cosmos.MicrosoftAzureCosmosSettings>? configureSettings = null, System.Action<global::Microsoft.Azure.Cosmos.CosmosClientOptions>? configureClientOptions = null) { }
        public static void AddAzureCosmosContainer(this IHostApplicationBuilder builder, string connectionName, System.Action<Aspire.Microsoft.Azure.Cosmos.MicrosoftAzureCosmosSettings>? configureSettings = null, System.Action<global::Microsoft.Azure.Cosmos.CosmosClientOptions>? configureClientOptions = null) { }
    }
    public static class AspireEventHubsExtensions
    {
        public static void AddAzureEventHubProducerClient(this IHostApplicationBuilder builder, string connectionName, System.Action<Aspire.Azure.Messaging.EventHubs.AzureMessagingEventHubsSettings>? configureSettings = null, System.Action<global::Microsoft.Extensions.Azure.IAzureClientBuilder<global::Azure.Messaging.EventHubs.Producer.EventHubProducerClient, global::Azure.Messaging.EventHubs.Producer.EventHubProducerClientOptions>>? configureClientBuilder = null) { }
        public static void AddKeyedAzureEventHubProducerClient(this IHostApplicationBuilder builder, string name, System.Action<Aspire.Azure.Messaging.EventHubs.AzureMessagingEventHubsSettings>? configureSettings = null, System.Action<global::Microsoft.Extensions.Azure.IAzureClientBuilder<global::Azure.Messaging.EventHubs.Producer.EventHubProducerClient, global::Azure.Messaging.EventHubs.Producer.EventHubProducerClientOptions>>? configureClientBuilder = null) { }
    }
}
";
    }
}
