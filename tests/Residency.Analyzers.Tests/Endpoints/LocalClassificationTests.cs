using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Endpoints;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>The built-in local.json and residency.json <c>local</c> entries: what keeps data in the process.</summary>
    public class LocalClassificationTests
    {
        private static LocalCatalog Catalog(string? residencyJson = null)
        {
            var files = residencyJson is null
                ? ImmutableArray<AdditionalText>.Empty
                : ImmutableArray.Create<AdditionalText>(new Text("residency.json", residencyJson));
            var endpoints = ProjectEndpoints.Load(new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(files), "", CancellationToken.None);
            return LocalCatalog.For(endpoints);
        }

        [Fact]
        public void TheBuiltInFileIsValid()
        {
            Assert.Empty(LocalCatalog.BuiltIn.Issues);
            Assert.NotEmpty(LocalCatalog.BuiltIn.Local);
            Assert.NotEmpty(LocalCatalog.BuiltIn.NotLocal);
        }

        [Theory]
        [InlineData("System.String.Trim")]
        [InlineData("System.Linq.Enumerable.Select")]
        [InlineData("System.Collections.Generic.List`1.Add")]
        [InlineData("System.Text.Json.JsonSerializer.Serialize")]
        [InlineData("Microsoft.Extensions.Configuration.ConfigurationBinder.Bind")]
        [InlineData("Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton")]
        [InlineData("Microsoft.Extensions.Options.Options.Create")]
        [InlineData("Microsoft.Extensions.Primitives.StringValues.op_Implicit")]
        [InlineData("Microsoft.Extensions.Logging.LoggerExtensions.LogInformation")]
        [InlineData("Microsoft.AspNetCore.Http.Results.Ok")]
        [InlineData("Newtonsoft.Json.JsonConvert.SerializeObject")]
        [InlineData("OpenAI.Chat.ChatMessage.CreateUserMessage")]
        [InlineData("Microsoft.Extensions.AI.ChatMessage.op_Implicit")]
        [InlineData("Microsoft.SemanticKernel.KernelArguments.Add")]
        [InlineData("Microsoft.SemanticKernel.ChatCompletion.ChatHistory.AddUserMessage")]
        [InlineData("MimeKit.InternetAddressList.Add")]
        [InlineData("MimeKit.BodyBuilder.ToMessageBody")]
        [InlineData("Microsoft.EntityFrameworkCore.ModelBuilder.Entity")]
        [InlineData("Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder`1.HasIndex")]
        [InlineData("Microsoft.EntityFrameworkCore.Metadata.Builders.IndexBuilder`1.IsUnique")]
        [InlineData("Serilog.Log.Information")]
        [InlineData("Serilog.ILogger.Warning")]
        [InlineData("NLog.Logger.Info")]
        [InlineData("log4net.ILog.Info")]
        [InlineData("Mapster.TypeAdapterSetter`2.Map")]
        [InlineData("Mapster.TypeAdapterExtensions.Adapt")]
        [InlineData("AutoMapper.IMapper.Map")]
        [InlineData("FluentValidation.DefaultValidatorExtensions.EmailAddress")]
        [InlineData("Polly.ResiliencePipeline.ExecuteAsync")]
        [InlineData("Amazon.S3.Model.MetadataCollection.Add")]
        [InlineData("Amazon.SQS.Model.SendMessageRequest.set_MessageBody")]
        [InlineData("Microsoft.EntityFrameworkCore.DbContext..ctor")]
        [InlineData("Microsoft.EntityFrameworkCore.DbContext.Set")]
        [InlineData("Microsoft.EntityFrameworkCore.DbContext.Entry")]
        [InlineData("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking")]
        [InlineData("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.Include")]
        [InlineData("Google.Cloud.Storage.V1.UploadObjectOptions.set_ChunkSize")]
        public void Local(string method) => Assert.True(Catalog().IsLocal(method), method);

        [Theory]
        [InlineData("System.Net.Sockets.Socket.Send")]
        [InlineData("System.Net.WebClient.UploadString")]
        [InlineData("System.Net.Mail.SmtpClient.Send")]
        [InlineData("MailKit.Net.Imap.ImapFolder.Append")]
        [InlineData("MimeKitLite.Other.Send")]
        [InlineData("SerilogExtras.Shipper.Send")]
        [InlineData("Amazon.S3.Transfer.TransferUtility.UploadAsync")]
        [InlineData("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync")]
        [InlineData("Contoso.Vendor.CrmSdk.Push")]
        [InlineData("SystemTools.Exporter.Export")]
        [InlineData("Microsoft.Extensions.Caching.Distributed.DistributedCacheExtensions.SetString")]
        [InlineData("Microsoft.EntityFrameworkCore.DbSet`1.Add")]
        [InlineData("Microsoft.EntityFrameworkCore.DbContext.SaveChangesAsync")]
        [InlineData("Microsoft.EntityFrameworkCore.DbContext.SaveChanges")]
        [InlineData("Microsoft.EntityFrameworkCore.DbContext.SetSomethingElse")]
        [InlineData("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync")]
        [InlineData("Microsoft.SemanticKernel.Connectors.Qdrant.QdrantVectorStoreRecordCollection`1.UpsertAsync")]
        [InlineData("Microsoft.Extensions.VectorData.IVectorStoreRecordCollection`2.UpsertAsync")]
        public void NotLocal(string method) => Assert.False(Catalog().IsLocal(method), method);

        [Fact]
        public void ResidencyJsonEntriesCoverMethodsTypesAndNamespaces()
        {
            var catalog = Catalog(@"{ ""local"": [ ""Contoso.Vendor.CrmSdk.Normalise"", { ""name"": ""Contoso.Text"", ""note"": ""casing"" }, ""Contoso.Cache`1"", ""System.Net.Sockets.Socket.Shutdown"" ] }");
            Assert.True(catalog.IsLocal("Contoso.Vendor.CrmSdk.Normalise"));
            Assert.False(catalog.IsLocal("Contoso.Vendor.CrmSdk.Push"));
            Assert.True(catalog.IsLocal("Contoso.Text.Casing.Upper"));
            Assert.True(catalog.IsLocal("Contoso.Text.Inner.Casing+Nested.Upper"));
            Assert.False(catalog.IsLocal("Contoso.TextTools.Casing.Upper"));
            Assert.True(catalog.IsLocal("Contoso.Cache`1.Set"));
            Assert.True(catalog.IsLocal("System.Net.Sockets.Socket.Shutdown"));
            Assert.False(catalog.IsLocal("System.Net.Sockets.Socket.Send"));
        }

        private static async Task VerifyConfigurationAsync(string residencyJson, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerVerifier<ConfigurationValidationAnalyzer>.Test { TestCode = "class C { }" };
            test.TestState.AdditionalFiles.Add(("residency.json", residencyJson));
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        private static DiagnosticResult Res004(int line, int column) =>
            new DiagnosticResult("RES004", DiagnosticSeverity.Warning).WithSpan("residency.json", line, column, line, column + 1);

        [Fact]
        public Task ValidLocalEntriesHaveNoDiagnostics() => VerifyConfigurationAsync(
            "{\n  \"local\": [\n    \"Contoso.Formatting\",\n    { \"name\": \"Contoso.Vendor.CrmSdk+Inner.Normalise\", \"note\": \"string casing\" }\n  ]\n}");

        [Fact]
        public Task InvalidLocalEntriesAreRes004AtTheirLine() => VerifyConfigurationAsync(
            "{\n  \"local\": [\n    \"Contoso..Formatting\",\n    { \"note\": \"no name\" },\n    { \"name\": \"Contoso.A\", \"region\": \"DE\" },\n    42\n  ],\n  \"notLocal\": [ \"System.IO\" ]\n}",
            Res004(3, 5),
            Res004(4, 5),
            Res004(5, 38),
            Res004(6, 5),
            Res004(8, 15));

        [Fact]
        public Task LocalMustBeAnArray() => VerifyConfigurationAsync("{\n  \"local\": \"Contoso\"\n}", Res004(2, 12));

        [Fact]
        public Task TheSinkRegionPlaceholderOfTheCodeFixIsRes004UntilFilledIn() => VerifyConfigurationAsync(
            "{\n  \"sinks\": [\n    { \"method\": \"Contoso.Vendor.CrmSdk.Push\", \"region\": \"TODO\" }\n  ]\n}",
            Res004(3, 57));

        private sealed class Text : AdditionalText
        {
            private readonly string _content;

            public Text(string path, string content)
            {
                Path = path;
                _content = content;
            }

            public override string Path { get; }

            public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
                Microsoft.CodeAnalysis.Text.SourceText.From(_content);
        }
    }
}
