using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Rules;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Flow.FlowTestModel;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// Object mappers and logging libraries keep data in the process (<c>Catalog/local.json</c>): Mapster's mapping
    /// configuration is no recipient, a mapped object carries what its source carried to the sink it reaches, and Serilog
    /// is local as Microsoft.Extensions.Logging is. A field test found each as an unclassified recipient (RES008) listing a
    /// patient's health data, and the configuration's member lambdas (<c>Map(d =&gt; d.FullName, s =&gt; s.FullName)</c>) too.
    /// </summary>
    public class MappingAndLoggingLibraryTests
    {
        // The shapes of Mapster's and Serilog's APIs, as referenced assemblies (metadata only, as the packages are).
        private const string Mapster = @"
namespace Mapster
{
    using System;
    using System.Linq.Expressions;
    public class TypeAdapterSetter<TSource, TDestination>
    {
        public TypeAdapterSetter<TSource, TDestination> Map<TDestinationMember, TSourceMember>(Expression<Func<TDestination, TDestinationMember>> member, Expression<Func<TSource, TSourceMember>> source) => this;
        public TypeAdapterSetter<TSource, TDestination> Ignore(params Expression<Func<TDestination, object>>[] members) => this;
    }
    public static class TypeAdapterConfig<TSource, TDestination>
    {
        public static TypeAdapterSetter<TSource, TDestination> NewConfig() => new TypeAdapterSetter<TSource, TDestination>();
    }
    public static class TypeAdapterExtensions
    {
        public static TDestination Adapt<TDestination>(this object source) => default!;
    }
}
namespace Serilog
{
    public static class Log
    {
        public static void Information(string messageTemplate, params object?[]? propertyValues) { }
    }
}";

        private static Task VerifyAsync(string source, params DiagnosticResult[] expected) =>
            VerifyWithLibraryAsync(source, "Mapster", Mapster, expected);

        /// <summary>The unclassified-recipient rule (RES008) on the same code.</summary>
        private static Task VerifyRecipientsAsync(string source, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerVerifier<UnclassifiedRecipientAnalyzer>.Test { TestCode = Source + source };
            test.TestState.AdditionalReferences.Add(TestReferences.Library("Mapster", Mapster));
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task MappingConfigurationAndLoggingAreNoRecipients() => VerifyRecipientsAsync(@"
class Startup
{
    static void Configure() =>
        Mapster.TypeAdapterConfig<Customer, Dto>.NewConfig().Map(d => d.Text, s => s.Email).Ignore(d => d.Number);

    static void Audit(Customer customer) => Serilog.Log.Information(""Signed in {Email}"", customer.Email);

    static Dto Copy(Customer customer) => Mapster.TypeAdapterExtensions.Adapt<Dto>(customer);
}");

        [Fact]
        public Task AMappedObjectCarriesItsSourcesDataToTheSink() => VerifyAsync(@"
class Sync
{
    void Push(Customer customer, Crm crm)
    {
        var dto = Mapster.TypeAdapterExtensions.Adapt<Dto>(customer);
        {|#0:crm.SendObject(dto)|};
    }
}", Res001(0));
    }
}
