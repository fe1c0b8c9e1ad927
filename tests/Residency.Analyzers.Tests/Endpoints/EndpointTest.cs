using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>Shared model and runner for the endpoint tests (PersonalDataFlowAnalyzer with AdditionalFiles and properties).</summary>
    internal static class EndpointTest
    {
        public const string Usings = @"
using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Residency;
";

        public const string Model = @"
public class Customer
{
    public int Id { get; set; }
    [PersonalData(""contact.email"")] public string Email { get; set; } = """";
    [PersonalData(""name"")] public string Name { get; set; } = """";
}
";

        /// <summary>
        /// The options extension methods of Microsoft.Extensions.DependencyInjection (Configure&lt;T&gt;(section), AddOptions&lt;T&gt;(),
        /// Bind, BindConfiguration), placed in that namespace by each stub set that has its own IServiceCollection.
        /// </summary>
        public const string OptionsExtensions = @"
    public static class OptionsConfigurationServiceCollectionExtensions
    {
        public static IServiceCollection Configure<TOptions>(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration config) where TOptions : class => services;
    }
    public static class OptionsServiceCollectionExtensions
    {
        public static Microsoft.Extensions.Options.OptionsBuilder<TOptions> AddOptions<TOptions>(this IServiceCollection services) where TOptions : class => null!;
    }
    public static class OptionsBuilderConfigurationExtensions
    {
        public static Microsoft.Extensions.Options.OptionsBuilder<TOptions> Bind<TOptions>(this Microsoft.Extensions.Options.OptionsBuilder<TOptions> optionsBuilder, Microsoft.Extensions.Configuration.IConfiguration config) where TOptions : class => optionsBuilder;
        public static Microsoft.Extensions.Options.OptionsBuilder<TOptions> BindConfiguration<TOptions>(this Microsoft.Extensions.Options.OptionsBuilder<TOptions> optionsBuilder, string configSectionPath) where TOptions : class => optionsBuilder;
    }
";

        /// <summary>Minimal stand-ins for Microsoft.Extensions.Configuration / DependencyInjection / Http / Options, with their real names.</summary>
        public const string ExtensionsStubs = @"
namespace Microsoft.Extensions.Configuration
{
    public interface IConfiguration
    {
        string? this[string key] { get; set; }
        IConfigurationSection GetSection(string key);
    }
    public interface IConfigurationSection : IConfiguration
    {
        string Key { get; }
        string Path { get; }
        string? Value { get; set; }
    }
    public interface IConfigurationRoot : IConfiguration { }
    public static class ConfigurationBinder
    {
        public static T? GetValue<T>(this IConfiguration configuration, string key) => default;
    }
    public static class ConfigurationExtensions
    {
        public static string? GetConnectionString(this IConfiguration configuration, string name) => null;
    }
}
namespace Microsoft.Extensions.DependencyInjection
{
    public interface IServiceCollection { }
    public interface IHttpClientBuilder { string Name { get; } IServiceCollection Services { get; } }
    public static class HttpClientFactoryServiceCollectionExtensions
    {
        public static IHttpClientBuilder AddHttpClient(this IServiceCollection services, string name) => null!;
        public static IHttpClientBuilder AddHttpClient(this IServiceCollection services, string name, System.Action<System.Net.Http.HttpClient> configureClient) => null!;
        public static IHttpClientBuilder AddHttpClient(this IServiceCollection services, string name, System.Action<System.IServiceProvider, System.Net.Http.HttpClient> configureClient) => null!;
        public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services) where TClient : class => null!;
        public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services, System.Action<System.Net.Http.HttpClient> configureClient) where TClient : class => null!;
        public static IHttpClientBuilder AddHttpClient<TClient, TImplementation>(this IServiceCollection services, System.Action<System.Net.Http.HttpClient> configureClient) where TClient : class where TImplementation : class, TClient => null!;
    }
    public static class HttpClientBuilderExtensions
    {
        public static IHttpClientBuilder ConfigureHttpClient(this IHttpClientBuilder builder, System.Action<System.Net.Http.HttpClient> configureClient) => builder;
    }" + OptionsExtensions + @"}
namespace System.Net.Http
{
    public interface IHttpClientFactory { HttpClient CreateClient(string name); }
}
namespace Microsoft.Extensions.Options
{
    public interface IOptions<out TOptions> where TOptions : class { TOptions Value { get; } }
    public class OptionsBuilder<TOptions> where TOptions : class { }
}
";

        /// <summary>The source without its diagnostic markup (<c>{|#0:</c> … <c>|}</c>): what <see cref="SinkProbe"/> compiles.</summary>
        public static string Unmarked(string source) =>
            System.Text.RegularExpressions.Regex.Replace(source, @"\{\|#[0-9]+:|\|\}", string.Empty);

        /// <summary>A residency.json declaring <paramref name="host"/> (a host pattern) in <paramref name="region"/>, and further files.</summary>
        public static (string Path, string Content)[] Declared(string host, string region, params (string, string)[] more) =>
            System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Concat(new[] { ("/0/residency.json", "{ \"hosts\": [ { \"pattern\": \"" + host + "\", \"region\": \"" + region + "\" } ] }") }, more));

        public static DiagnosticResult Diagnostic(string id, int markup) =>
            AnalyzerVerifier<PersonalDataFlowAnalyzer>.Diagnostic(id).WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

        public static DiagnosticResult Res001(int markup) => Diagnostic("RES001", markup);

        public static DiagnosticResult Res003(int markup) => Diagnostic("RES003", markup);

        public static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
            VerifyAsync(source, null, null, expected);

        public static Task VerifyAsync(string source, (string Path, string Content)[]? additionalFiles, (string Key, string Value)[]? properties, params DiagnosticResult[] expected) =>
            VerifyAsync(source, additionalFiles, properties, System.Array.Empty<Microsoft.CodeAnalysis.MetadataReference>(), expected);

        /// <summary>
        /// RES008 (the unclassified-recipient analyzer) over the same model, with AdditionalFiles and referenced assemblies:
        /// whether a call the endpoint resolution classifies is still listed as an unclassified recipient.
        /// </summary>
        public static async Task VerifyUnclassifiedAsync(string source, (string Path, string Content)[]? additionalFiles, Microsoft.CodeAnalysis.MetadataReference[] references, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerVerifier<UnclassifiedRecipientAnalyzer>.Test { TestCode = Usings + source + Model };
            test.TestState.AdditionalReferences.AddRange(references);
            foreach (var file in additionalFiles ?? System.Array.Empty<(string, string)>())
            {
                test.TestState.AdditionalFiles.Add(file);
            }

            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        /// <summary>As above, with referenced assemblies (a package compiled by <see cref="TestReferences.Library"/>).</summary>
        public static async Task VerifyAsync(string source, (string Path, string Content)[]? additionalFiles, (string Key, string Value)[]? properties, Microsoft.CodeAnalysis.MetadataReference[] references, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerVerifier<PersonalDataFlowAnalyzer>.Test { TestCode = Usings + source + Model };
            test.TestState.AdditionalReferences.AddRange(references);
            if (additionalFiles is not null)
            {
                foreach (var file in additionalFiles)
                {
                    test.TestState.AdditionalFiles.Add(file);
                }
            }

            if (properties is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(TestReferences.GlobalConfig(properties));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }
    }
}
