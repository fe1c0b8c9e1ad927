using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Sinks;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Sinks
{
    /// <summary>
    /// Refit interfaces as HTTP sinks, against the real Refit 16.4 assemblies (<see cref="PackageReferences.Refit"/>) and
    /// with the code Refit's own source generator (InterfaceStubGeneratorV2, from the restored package) adds for the
    /// interfaces: the analyzers see what they see in an application, generated implementation included.
    /// </summary>
    public class RefitSinkTests
    {
        private const string Usings = @"
using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using Residency;
";

        private const string Model = @"
public class Customer
{
    public int Id { get; set; }
    [PersonalData(""contact.email"")] public string Email { get; set; } = """";
    [PersonalData(""name"")] public string Name { get; set; } = """";
}

public sealed record ScoreRequest(string Email, decimal Amount);
public sealed record FraudScore(double Score, string Decision);

public interface IFraudApi
{
    [Post(""/v2/score"")]
    Task<FraudScore> ScoreAsync([Body] ScoreRequest request, CancellationToken ct = default);

    [Get(""/v2/customers"")]
    Task<string> FindAsync([Query] string email, CancellationToken ct = default);

    [Delete(""/v2/orders/{id}"")]
    Task CancelAsync(int id, CancellationToken ct = default);
}
";

        private static readonly (string, string)[] Hosts =
        {
            ("/0/residency.json", @"{ ""hosts"": [
  { ""pattern"": ""api.fraudguard.io"", ""region"": ""US"", ""recipient"": ""FraudGuard Inc."" },
  { ""pattern"": ""eu.fraudguard.io"", ""region"": ""DE"", ""recipient"": ""FraudGuard GmbH"" } ] }"),
        };

        [Fact]
        public Task RestServiceForWithUsHostIsRes001() => VerifyAsync(@"
class Checkout
{
    async Task Run(Customer customer)
    {
        var fraud = RestService.For<IFraudApi>(""https://api.fraudguard.io"");
        await {|#0:fraud.ScoreAsync(new ScoreRequest(customer.Email, 10m))|};
        await {|#1:fraud.FindAsync(customer.Email)|};
    }
}", Hosts, Res001(0).WithArguments("Customer.Email (contact.email)", "IFraudApi.ScoreAsync POST api.fraudguard.io (recipient FraudGuard Inc.)", "US (United States)", "EEA;Adequate", "Run → IFraudApi.ScoreAsync POST api.fraudguard.io"), Res001(1));

        [Fact]
        public Task RestServiceForWithAnHttpClientTakesItsBaseAddress() => VerifyAsync(@"
class Checkout
{
    private readonly IFraudApi _us = RestService.For<IFraudApi>(new HttpClient { BaseAddress = new Uri(""https://api.fraudguard.io"") });
    private readonly IFraudApi _eu = RestService.For<IFraudApi>(new HttpClient { BaseAddress = new Uri(""https://eu.fraudguard.io"") });

    async Task Run(Customer customer)
    {
        await {|#0:_us.FindAsync(customer.Email)|};
        await _eu.FindAsync(customer.Email);
    }
}", Hosts, Res001(0));

        [Fact]
        public Task AddRefitClientWithEuHostIsClean() => VerifyAsync(@"
static class Startup
{
    public static void Register(IServiceCollection services) =>
        services.AddRefitClient<IFraudApi>().ConfigureHttpClient(c => c.BaseAddress = new Uri(""https://eu.fraudguard.io""));
}

class Checkout(IFraudApi fraud)
{
    async Task Run(Customer customer, CancellationToken ct)
    {
        await fraud.ScoreAsync(new ScoreRequest(customer.Email, 10m), ct);
    }
}", Hosts);

        [Fact]
        public Task AddRefitClientWithUsHostIsRes001() => VerifyAsync(@"
static class Startup
{
    public static void Register(IServiceCollection services) =>
        services.AddRefitClient<IFraudApi>()
            .ConfigureHttpClient(c => c.BaseAddress = new Uri(""https://api.fraudguard.io""));
}

class Checkout
{
    private readonly IFraudApi _fraud;

    public Checkout(IFraudApi fraud) => _fraud = fraud;

    async Task Run(Customer customer, CancellationToken ct)
    {
        await {|#0:_fraud.ScoreAsync(new ScoreRequest(customer.Email, 10m), ct)|};
    }
}", Hosts, Res001(0));

        [Fact]
        public Task RestServiceForGeneratedIsTheSameClient() => VerifyAsync(@"
class Checkout
{
    private readonly IFraudApi _eu = RestService.ForGenerated<IFraudApi>(""https://eu.fraudguard.io"");

    async Task Run(Customer customer)
    {
        var us = RestService.ForGenerated<IFraudApi>(new HttpClient { BaseAddress = new Uri(""https://api.fraudguard.io"") });
        await {|#0:us.FindAsync(customer.Email)|};
        await _eu.FindAsync(customer.Email);
    }
}", Hosts, Res001(0).WithArguments("Customer.Email (contact.email)", "IFraudApi.FindAsync GET api.fraudguard.io (recipient FraudGuard Inc.)", "US (United States)", "EEA;Adequate", "Run → IFraudApi.FindAsync GET api.fraudguard.io"));

        [Fact]
        public Task GeneratedAndKeyedRegistrationsGiveTheInjectedClientItsHost() => VerifyAsync(@"
public interface IRiskApi
{
    [Post(""/v1/risk"")]
    Task<string> AssessAsync([Body] ScoreRequest request);
}

public interface IAuditApi
{
    [Post(""/v1/audit"")]
    Task RecordAsync([Body] ScoreRequest request);
}

static class Startup
{
    public static void Register(IServiceCollection services)
    {
        services.AddRefitGeneratedClient<IFraudApi>().ConfigureHttpClient(c => c.BaseAddress = new Uri(""https://api.fraudguard.io""));
        services.AddKeyedRefitClient<IRiskApi>(""risk"").ConfigureHttpClient(c => c.BaseAddress = new Uri(""https://api.fraudguard.io""));
        services.AddKeyedRefitGeneratedClient<IAuditApi>(""audit"").ConfigureHttpClient(c => c.BaseAddress = new Uri(""https://eu.fraudguard.io""));
    }
}

class Checkout(IFraudApi fraud, [FromKeyedServices(""risk"")] IRiskApi risk, [FromKeyedServices(""audit"")] IAuditApi audit)
{
    async Task Run(Customer customer, CancellationToken ct)
    {
        await {|#0:fraud.ScoreAsync(new ScoreRequest(customer.Email, 10m), ct)|};
        await {|#1:risk.AssessAsync(new ScoreRequest(customer.Email, 10m))|};
        await audit.RecordAsync(new ScoreRequest(customer.Email, 10m));
    }
}", Hosts, Res001(0), Res001(1));

        [Fact]
        public Task HostFromAppSettings() => VerifyAsync(@"
static class Startup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddRefitClient<IFraudApi>().ConfigureHttpClient(c => c.BaseAddress = new Uri(configuration[""Fraud:BaseUrl""]!));
}

class Checkout(IFraudApi fraud)
{
    Task Run(Customer customer) => {|#0:fraud.FindAsync(customer.Email)|};
}", Hosts.Append(("/0/appsettings.json", @"{ ""Fraud"": { ""BaseUrl"": ""https://api.fraudguard.io/"" } }")).ToArray(), Res001(0));

        // configuration["…"]! as the argument: the null-forgiving operator made the argument an implicit operation,
        // which the providers skipped as if the compiler had supplied it (a default value).
        [Fact]
        public Task ANullForgivenConfigurationValueIsTheHost() => VerifyAsync(@"
class Checkout(IConfiguration configuration)
{
    Task Run(Customer customer) => {|#0:RestService.For<IFraudApi>(configuration[""Fraud:BaseUrl""]!).FindAsync(customer.Email)|};
}", Hosts.Append(("/0/appsettings.json", @"{ ""Fraud"": { ""BaseUrl"": ""https://api.fraudguard.io/"" } }")).ToArray(),
            Res001(0).WithArguments("Customer.Email (contact.email)", "IFraudApi.FindAsync GET api.fraudguard.io (recipient FraudGuard Inc.)", "US (United States)", "EEA;Adequate", "Run → IFraudApi.FindAsync GET api.fraudguard.io"));

        [Fact]
        public Task HostFromAppSettingsInTheEuIsClean() => VerifyAsync(@"
static class Startup
{
    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddRefitClient<IFraudApi>().ConfigureHttpClient(c => c.BaseAddress = new Uri(configuration[""Fraud:BaseUrl""]!));
}

class Checkout(IFraudApi fraud)
{
    Task Run(Customer customer) => fraud.FindAsync(customer.Email);
}", Hosts.Append(("/0/appsettings.json", @"{ ""Fraud"": { ""BaseUrl"": ""https://eu.fraudguard.io/"" } }")).ToArray());

        [Fact]
        public Task NoBaseAddressIsRes003() => VerifyAsync(@"
static class Startup
{
    public static void Register(IServiceCollection services) => services.AddRefitClient<IFraudApi>();
}

class Checkout(IFraudApi fraud)
{
    Task Run(Customer customer) => {|#0:fraud.FindAsync(customer.Email)|};
}", Hosts, Res003(0));

        [Fact]
        public Task NonPersonalArgumentsAreNotReported() => VerifyAsync(@"
class Checkout
{
    async Task Run(Customer customer)
    {
        var fraud = RestService.For<IFraudApi>(""https://api.fraudguard.io"");
        await fraud.CancelAsync(customer.Id);
        await fraud.FindAsync(""anonymous"");
    }
}", Hosts);

        [Fact]
        public void SinkNamesTheMethodTheVerbAndTheHost()
        {
            var calls = Resolve(@"
class Checkout
{
    async Task Run(Customer customer)
    {
        var fraud = RestService.For<IFraudApi>(""https://api.openai.com"");
        await fraud.ScoreAsync(new ScoreRequest(customer.Email, 1m));
        await fraud.CancelAsync(customer.Id);
    }
}");
            var score = Assert.Single(calls, c => c.Call.StartsWith("fraud.ScoreAsync", StringComparison.Ordinal)).Sink;
            Assert.Equal("IFraudApi.ScoreAsync POST api.openai.com", score.Sink.Display);
            Assert.Equal(SinkKind.Http, score.Sink.Kind);
            Assert.True(score.AllArguments);
            Assert.False(score.Receiver);
            var cancel = Assert.Single(calls, c => c.Call.StartsWith("fraud.CancelAsync", StringComparison.Ordinal)).Sink;
            Assert.Equal("IFraudApi.CancelAsync DELETE api.openai.com", cancel.Sink.Display);
            Assert.DoesNotContain(calls, c => c.Call.StartsWith("RestService.For", StringComparison.Ordinal));
        }

        [Fact]
        public void MethodWithoutHttpAttributeIsNotASink()
        {
            var calls = Resolve(@"
public interface IMixedApi
{
    [Get(""/ping"")]
    Task<string> PingAsync(string value);

    string Describe(Customer customer) => customer.Name;
}

class Checkout
{
    async Task Run(Customer customer)
    {
        var api = RestService.For<IMixedApi>(""https://api.openai.com"");
        await api.PingAsync(customer.Email);
        api.Describe(customer);
    }
}");
            Assert.Single(calls, c => c.Call.StartsWith("api.PingAsync", StringComparison.Ordinal));
            Assert.DoesNotContain(calls, c => c.Call.StartsWith("api.Describe", StringComparison.Ordinal));
        }

        [Fact]
        public Task MethodWithoutHttpAttributeGetsNoFinding() => VerifyAsync(@"
public interface IMixedApi
{
    [Get(""/ping"")]
    Task<string> PingAsync(string value);

    string Describe(Customer customer) => customer.Name;
}

class Checkout
{
    string Run(Customer customer)
    {
        var api = RestService.For<IMixedApi>(""https://api.fraudguard.io"");
        return api.Describe(customer);
    }
}", Hosts);

        [Fact]
        public Task NoUnclassifiedRecipientsForRefitsInternals() => VerifyAsync<UnclassifiedRecipientAnalyzer>(@"
static class Startup
{
    public static void Register(IServiceCollection services) =>
        services.AddRefitClient<IFraudApi>().ConfigureHttpClient(c => c.BaseAddress = new Uri(""https://api.fraudguard.io""));
}

class Checkout(IFraudApi fraud)
{
    async Task Run(Customer customer, CancellationToken ct)
    {
        var direct = RestService.For<IFraudApi>(""https://api.fraudguard.io"");
        await direct.ScoreAsync(new ScoreRequest(customer.Email, 10m), ct);
        await fraud.ScoreAsync(new ScoreRequest(customer.Email, 10m), ct);
        await fraud.FindAsync(customer.Name, ct);
    }
}", Hosts);

        [Fact]
        public void RefitsGeneratorAddsTheImplementation()
        {
            // The premise of the tests above: the generated implementation is in the compilation they analyse.
            var generated = Generated(Usings + Model);
            Assert.Contains(generated, g => g.Text.Contains("IFraudApi", StringComparison.Ordinal) && g.Text.Contains("ScoreAsync", StringComparison.Ordinal));
        }

        // ---------------------------------------------------------------- helpers

        private static DiagnosticResult Res001(int markup) =>
            AnalyzerVerifier<PersonalDataFlowAnalyzer>.Diagnostic("RES001").WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private static DiagnosticResult Res003(int markup) =>
            AnalyzerVerifier<PersonalDataFlowAnalyzer>.Diagnostic("RES003").WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        private static Task VerifyAsync(string source, (string Path, string Content)[] additionalFiles, params DiagnosticResult[] expected) =>
            VerifyAsync<PersonalDataFlowAnalyzer>(source, additionalFiles, expected);

        private static async Task VerifyAsync<TAnalyzer>(string source, (string Path, string Content)[] additionalFiles, params DiagnosticResult[] expected)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            var code = Usings + source + Model;
            var test = new AnalyzerVerifier<TAnalyzer>.Test { TestCode = code };
            test.TestState.AdditionalReferences.Clear();
            test.TestState.AdditionalReferences.AddRange(PackageReferences.Refit);
            foreach (var (path, text) in Generated(System.Text.RegularExpressions.Regex.Replace(code, @"\{\|#\d+:|\|\}", string.Empty)))
            {
                test.TestState.Sources.Add((path, text));
            }

            foreach (var file in additionalFiles)
            {
                test.TestState.AdditionalFiles.Add(file);
            }

            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        /// <summary>The sinks of every call of <paramref name="source"/> (generated implementation included), by call text.</summary>
        private static List<(string Call, SinkCall Sink)> Resolve(string source)
        {
            var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
            var tree = CSharpSyntaxTree.ParseText(Usings + source + Model, parse, path: "/0/Test0.cs");
            var trees = new List<SyntaxTree> { tree };
            trees.AddRange(Generated(Usings + source + Model).Select(g => CSharpSyntaxTree.ParseText(g.Text, parse, path: g.Path)));
            var compilation = CSharpCompilation.Create("Probe", trees, PackageReferences.Refit, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            return Endpoints.SinkProbe.ResolveIn(compilation, tree, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
        }

        private static readonly Lazy<ImmutableArray<ISourceGenerator>> s_generators = new(LoadGenerators);

        /// <summary>Refit's source generator, from the restored package (its path is written next to the tests at build time).</summary>
        private static ImmutableArray<ISourceGenerator> LoadGenerators()
        {
            var path = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "refit-generator.txt")).First(l => l.Length > 0);
            var assembly = Assembly.LoadFrom(path);
            var builder = ImmutableArray.CreateBuilder<ISourceGenerator>();
            foreach (var type in assembly.GetTypes().Where(t => !t.IsAbstract && t.GetCustomAttributes(typeof(GeneratorAttribute), false).Length > 0))
            {
                var instance = Activator.CreateInstance(type);
                if (instance is IIncrementalGenerator incremental)
                {
                    builder.Add(incremental.AsSourceGenerator());
                }
                else if (instance is ISourceGenerator generator)
                {
                    builder.Add(generator);
                }
            }

            Assert.True(builder.Count > 0, "no source generator in " + path);
            return builder.ToImmutable();
        }

        /// <summary>What Refit's source generator adds to a compilation of <paramref name="code"/> (without test markup).</summary>
        private static List<(string Path, string Text)> Generated(string code)
        {
            var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
            var compilation = CSharpCompilation.Create(
                "Probe",
                new[] { CSharpSyntaxTree.ParseText(code, parse, path: "/0/Test0.cs") },
                PackageReferences.Refit,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var driver = CSharpGeneratorDriver.Create(s_generators.Value, parseOptions: parse).RunGenerators(compilation);
            return driver.GetRunResult().GeneratedTrees
                .Select(t => ("/0/Refit/" + Path.GetFileName(t.FilePath), t.GetText().ToString()))
                .ToList();
        }
    }
}
