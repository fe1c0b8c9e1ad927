using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;
using Xunit;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// gRPC clients: a method of a client class generated from a .proto service (derived from <c>Grpc.Core.ClientBase</c>)
    /// sends its request to the server of the channel the client was made on (<c>GrpcChannel.ForAddress</c>, Grpc.Core's
    /// <c>Channel</c>), or, injected, of its <c>AddGrpcClient&lt;TClient&gt;</c> registration. Before the provider the call
    /// went into the generated client and nothing was reported at all, not even an unclassified recipient.
    /// </summary>
    public class GrpcTests
    {
        // The shape of Grpc.Core.Api, Grpc.Net.Client and Grpc.Net.ClientFactory 2.85.0 as published (checked by reflection),
        // with the Microsoft.Extensions types they use.
        private const string Stubs = @"
namespace Grpc.Core
{
    using System;
    using System.Threading;
    using System.Threading.Tasks;
    public abstract class ChannelBase { public string Target { get; } = """"; public abstract CallInvoker CreateCallInvoker(); }
    public abstract class CallInvoker
    {
        public abstract AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) where TRequest : class where TResponse : class;
    }
    public sealed class Method<TRequest, TResponse> { }
    public class Metadata { }
    public struct CallOptions { }
    public abstract class ChannelCredentials { public static ChannelCredentials SecureSsl => null!; public static ChannelCredentials Insecure => null!; }
    public class Channel : ChannelBase
    {
        public Channel(string target, ChannelCredentials credentials) { }
        public Channel(string host, int port, ChannelCredentials credentials) { }
        public override CallInvoker CreateCallInvoker() => null!;
    }
    public sealed class AsyncUnaryCall<TResponse> { public System.Runtime.CompilerServices.TaskAwaiter<TResponse> GetAwaiter() => default; }
    public interface IAsyncStreamWriter<in T> { Task WriteAsync(T message); Task WriteAsync(T message, CancellationToken cancellationToken); }
    public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T> { Task CompleteAsync(); }
    public sealed class AsyncClientStreamingCall<TRequest, TResponse> : IDisposable
    {
        public IClientStreamWriter<TRequest> RequestStream => null!;
        public Task<TResponse> ResponseAsync => null!;
        public void Dispose() { }
    }
    public abstract class ClientBase
    {
        protected ClientBase() { }
        protected ClientBase(ChannelBase channel) { }
        protected ClientBase(CallInvoker callInvoker) { }
        protected CallInvoker CallInvoker => null!;
    }
    public abstract class ClientBase<T> : ClientBase where T : ClientBase<T>
    {
        protected ClientBase() { }
        protected ClientBase(ChannelBase channel) : base(channel) { }
        protected ClientBase(CallInvoker callInvoker) : base(callInvoker) { }
        public T WithHost(string host) => null!;
    }
}
namespace Grpc.Core.Interceptors
{
    public abstract class Interceptor { }
    public static class ChannelExtensions { public static Grpc.Core.CallInvoker Intercept(this Grpc.Core.ChannelBase channel, Interceptor interceptor) => null!; }
    public static class CallInvokerExtensions { public static Grpc.Core.CallInvoker Intercept(this Grpc.Core.CallInvoker invoker, Interceptor interceptor) => null!; }
}
namespace Grpc.Net.Client
{
    public sealed class GrpcChannelOptions { }
    public sealed class GrpcChannel : Grpc.Core.ChannelBase, System.IDisposable
    {
        private GrpcChannel() { }
        public static GrpcChannel ForAddress(string address) => null!;
        public static GrpcChannel ForAddress(string address, GrpcChannelOptions channelOptions) => null!;
        public static GrpcChannel ForAddress(System.Uri address) => null!;
        public static GrpcChannel ForAddress(System.Uri address, GrpcChannelOptions channelOptions) => null!;
        public override Grpc.Core.CallInvoker CreateCallInvoker() => null!;
        public void Dispose() { }
    }
}
namespace Grpc.Net.ClientFactory
{
    public class GrpcClientFactoryOptions { public System.Uri? Address { get; set; } }
}
namespace Microsoft.Extensions.Configuration
{
    public interface IConfiguration { string? this[string key] { get; set; } }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public interface IServiceCollection { }
    public interface IHttpClientBuilder { string Name { get; } IServiceCollection Services { get; } }
    public static class GrpcClientServiceExtensions
    {
        public static IHttpClientBuilder AddGrpcClient<TClient>(this IServiceCollection services, System.Action<Grpc.Net.ClientFactory.GrpcClientFactoryOptions> configureClient) where TClient : class => null!;
        public static IHttpClientBuilder AddGrpcClient<TClient>(this IServiceCollection services, System.Action<System.IServiceProvider, Grpc.Net.ClientFactory.GrpcClientFactoryOptions> configureClient) where TClient : class => null!;
        public static IHttpClientBuilder AddGrpcClient<TClient>(this IServiceCollection services, string name, System.Action<Grpc.Net.ClientFactory.GrpcClientFactoryOptions> configureClient) where TClient : class => null!;
    }
}";

        private static readonly MetadataReference Library = TestReferences.Library("Grpc.Net.Client", Stubs);

        /// <summary>What Grpc.Tools generates for <c>service Customers { rpc Register …; rpc Import (stream Row) … }</c>, reduced to its shape.</summary>
        private const string Generated = @"
namespace Shop.Grpc
{
    public sealed class RegisterRequest { public string Email { get; set; } = """"; public string Name { get; set; } = """"; }
    public sealed class RegisterReply { public string Id { get; set; } = """"; }
    public static partial class Customers
    {
        public partial class CustomersClient : global::Grpc.Core.ClientBase<CustomersClient>
        {
            public CustomersClient(global::Grpc.Core.ChannelBase channel) : base(channel) { }
            public CustomersClient(global::Grpc.Core.CallInvoker callInvoker) : base(callInvoker) { }
            protected CustomersClient() : base() { }
            public virtual RegisterReply Register(RegisterRequest request, global::Grpc.Core.Metadata? headers = null, global::System.DateTime? deadline = null, global::System.Threading.CancellationToken cancellationToken = default) => null!;
            public virtual global::Grpc.Core.AsyncUnaryCall<RegisterReply> RegisterAsync(RegisterRequest request, global::Grpc.Core.Metadata? headers = null, global::System.DateTime? deadline = null, global::System.Threading.CancellationToken cancellationToken = default) => RegisterAsync(request, new global::Grpc.Core.CallOptions());
            public virtual global::Grpc.Core.AsyncUnaryCall<RegisterReply> RegisterAsync(RegisterRequest request, global::Grpc.Core.CallOptions options) => CallInvoker.AsyncUnaryCall(__Method_Register, null, options, request);
            private static readonly global::Grpc.Core.Method<RegisterRequest, RegisterReply> __Method_Register = new();
            public virtual global::Grpc.Core.AsyncClientStreamingCall<RegisterRequest, RegisterReply> Import(global::Grpc.Core.Metadata? headers = null, global::System.DateTime? deadline = null, global::System.Threading.CancellationToken cancellationToken = default) => null!;
        }
    }
    public static partial class Invoices
    {
        public partial class InvoicesClient : global::Grpc.Core.ClientBase<InvoicesClient>
        {
            public InvoicesClient(global::Grpc.Core.ChannelBase channel) : base(channel) { }
            public virtual global::Grpc.Core.AsyncUnaryCall<RegisterReply> BillAsync(RegisterRequest request, global::Grpc.Core.Metadata? headers = null, global::System.DateTime? deadline = null, global::System.Threading.CancellationToken cancellationToken = default) => null!;
        }
    }
}";

        private const string Uses = "using Grpc.Core;\nusing Grpc.Core.Interceptors;\nusing Grpc.Net.Client;\nusing Microsoft.Extensions.Configuration;\nusing Microsoft.Extensions.DependencyInjection;\nusing Shop.Grpc;\n";

        private const string Vendor = "api.crm-vendor.com";

        private static string Direct(string channel) => Uses + @"
class Signups
{
    public async Task Registered(Customer c, IConfiguration configuration)
    {
        var channel = " + channel + @";
        var client = new Customers.CustomersClient(channel);
        var reply = await {|#0:client.RegisterAsync(new RegisterRequest { Email = c.Email })|};
    }
}" + Generated;

        private static Task VerifyAsync(string source, (string, string)[]? files, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
            EndpointTest.VerifyAsync(source, files, null, new[] { Library }, expected);

        [Fact]
        public Task AServerOutsideTheCatalogueIsUnknown() => VerifyAsync(Direct("GrpcChannel.ForAddress(\"https://" + Vendor + "\")"), null, EndpointTest.Res003(0));

        [Fact]
        public Task TheServersDeclaredRegionDecides() => VerifyAsync(Direct("GrpcChannel.ForAddress(\"https://" + Vendor + "\")"), EndpointTest.Declared(Vendor, "US"), EndpointTest.Res001(0));

        [Fact]
        public Task AServerDeclaredInTheEeaIsAllowed() => VerifyAsync(Direct("GrpcChannel.ForAddress(new Uri(\"https://" + Vendor + ":443\"))"), EndpointTest.Declared(Vendor, "FR"));

        [Theory]
        [InlineData("GrpcChannel.ForAddress(\"https://" + Vendor + "\")", Vendor, "GrpcChannel.ForAddress(address)")]
        [InlineData("GrpcChannel.ForAddress(new Uri(configuration[\"Crm:Url\"]!), new GrpcChannelOptions())", Vendor, "GrpcChannel.ForAddress(address)")]
        [InlineData("GrpcChannel.ForAddress(\"https://" + Vendor + "\").Intercept(new Logging())", Vendor, "GrpcChannel.ForAddress(address)")]
        [InlineData("GrpcChannel.ForAddress(\"https://" + Vendor + "\").CreateCallInvoker()", Vendor, "GrpcChannel.ForAddress(address)")]
        [InlineData("new Channel(\"" + Vendor + ":443\", ChannelCredentials.SecureSsl)", Vendor, "new Channel(target)")]
        [InlineData("new Channel(\"" + Vendor + "\", 443, ChannelCredentials.SecureSsl)", Vendor, "new Channel(host)")]
        public void TheChannelGivesTheServer(string channel, string host, string how)
        {
            var source = Direct(channel) + "\nclass Logging : Interceptor { }";
            var sink = SinkOf(source, new[] { ("/0/appsettings.json", "{ \"Crm\": { \"Url\": \"https://" + Vendor + "\" } }") });
            Assert.Equal(SinkKind.Http, sink.Kind);
            Assert.Equal(host, sink.Host);
            Assert.Contains(how, sink.ResolvedBy);
            Assert.StartsWith("CustomersClient.RegisterAsync gRPC", sink.Display);
        }

        [Theory]
        [InlineData("http://localhost:5001")]
        [InlineData("https+http://customers")]
        [InlineData("http://customers-api")]
        public async Task ALocalOrServiceDiscoveryAddressIsNoFinding(string address)
        {
            var source = Direct("GrpcChannel.ForAddress(\"" + address + "\")");
            await VerifyAsync(source, null);
            Assert.True(SinkOf(source).IsInternal);
        }

        /// <summary>Two injected clients, each registered with its own address: each sends to its own, not to both.</summary>
        private const string Injected = Uses + @"
static class Startup
{
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddGrpcClient<Customers.CustomersClient>(o => o.Address = new Uri(""https://crm.example-vendor.us""));
        services.AddGrpcClient<Invoices.InvoicesClient>(""billing"", o => { o.Address = new Uri(configuration[""Billing:Url""]!); });
    }
}
class Signups(Customers.CustomersClient customers, Invoices.InvoicesClient invoices)
{
    public async Task Registered(Customer c)
    {
        await {|#0:customers.RegisterAsync(new RegisterRequest { Email = c.Email })|};
        await {|#1:invoices.BillAsync(new RegisterRequest { Name = c.Name })|};
    }
}" + Generated;

        [Fact]
        public async Task AnInjectedClientSendsToItsOwnRegistrationsAddress()
        {
            var files = new[] { ("/0/appsettings.json", "{ \"Billing\": { \"Url\": \"https://billing.example-eu.de\" } }"), EndpointTest.Declared("crm.example-vendor.us", "US")[0] };
            await VerifyAsync(Injected, files, EndpointTest.Res001(0), EndpointTest.Diagnostic("RES003", 1));
            var sinks = SinkProbe.Resolve(EndpointTest.Unmarked(Injected), files, null, Library);
            Assert.Equal("crm.example-vendor.us", Assert.Single(Assert.Single(sinks, s => s.Call.StartsWith("customers.RegisterAsync")).Sink.Sinks).Host);
            var billing = Assert.Single(Assert.Single(sinks, s => s.Call.Contains("BillAsync")).Sink.Sinks);
            Assert.Equal("billing.example-eu.de", billing.Host);
            Assert.Contains("AddGrpcClient<InvoicesClient> Address", billing.ResolvedBy);
        }

        [Fact]
        public void AnInjectedClientWithoutARegistrationInSightIsUnknown()
        {
            var sink = SinkOf(Injected.Replace("services.AddGrpcClient<Customers.CustomersClient>", "// services.AddGrpcClient<Customers.CustomersClient>"));
            Assert.Null(sink.Host);
            Assert.Equal("Unknown", sink.Region.Code);
            Assert.Contains("AddGrpcClient<CustomersClient>", sink.ResolvedBy);
        }

        [Fact]
        public Task AClientStreamsRequestsWrittenToItsCall() => VerifyAsync(Uses + @"
class Imports
{
    private readonly Customers.CustomersClient _client = new(GrpcChannel.ForAddress(""https://" + Vendor + @"""));
    public async Task Run(Customer[] customers)
    {
        using var call = _client.Import();
        foreach (var c in customers)
        {
            await {|#0:call.RequestStream.WriteAsync(new RegisterRequest { Email = c.Email })|};
        }

        await call.RequestStream.CompleteAsync();
    }
}" + Generated, EndpointTest.Declared(Vendor, "US"), EndpointTest.Res001(0));

        [Fact]
        public async Task AClientFromAReferencedProjectIsASinkToo()
        {
            var contracts = TestReferences.Library("Shop.Contracts", Generated, Library);
            var source = Uses + @"
class Signups
{
    public Task Registered(Customer c) =>
        {|#0:new Customers.CustomersClient(GrpcChannel.ForAddress(""https://" + Vendor + @""")).RegisterAsync(new RegisterRequest { Email = c.Email })|}.ResponseAsync();
}
static class Awaitable { public static Task ResponseAsync<T>(this AsyncUnaryCall<T> call) => Task.CompletedTask; }";
            await EndpointTest.VerifyAsync(source, EndpointTest.Declared(Vendor, "US"), null, new[] { Library, contracts }, EndpointTest.Res001(0));
        }

        /// <summary>The generated method ends in Grpc.Core's call invoker: the call is the sink, its body is not followed into that recipient.</summary>
        [Fact]
        public Task ACallIsNotAnUnclassifiedRecipient() =>
            EndpointTest.VerifyUnclassifiedAsync(EndpointTest.Unmarked(Direct("GrpcChannel.ForAddress(\"https://" + Vendor + "\")")), null, new[] { Library });

        private static SinkInfo SinkOf(string source, (string, string)[]? files = null) =>
            Assert.Single(Assert.Single(SinkProbe.Resolve(EndpointTest.Unmarked(source), files, null, Library), c => c.Call.Contains(".RegisterAsync(")).Sink.Sinks); // the call made here, not the generated overload's own
    }
}
