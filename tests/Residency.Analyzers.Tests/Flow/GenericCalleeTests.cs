using System.Threading.Tasks;
using Residency.Analyzers.Tests.Endpoints;
using Xunit;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// A generic callee (a repository's <c>Save(T entity)</c>, a helper's <c>Send&lt;TItem&gt;(TItem item)</c>) is analysed as
    /// declared: its type parameter carries nothing of its own, so what the caller's argument carries (a <c>Customer</c>'s
    /// e-mail and name) is reported at the call. Before, the caller left it to the callee, judging by the constructed
    /// parameter type (<c>Customer</c>), and the flow was reported nowhere.
    /// </summary>
    public class GenericCalleeTests
    {
        [Fact]
        public Task WhatAGenericParameterIsGivenIsReportedAtTheCall() => EndpointTest.VerifyAsync(@"
static class Sink { [DataSink(""US"", Recipient = ""Contoso"")] public static void Send(object o) { } }
class Repository<T> where T : class
{
    public void Save(T entity) => Sink.Send(entity);
}
static class Helpers
{
    public static void Forward<TItem>(TItem item) => Sink.Send(item!);
}
class Customers(Repository<Customer> repository)
{
    public void Save(Customer customer) => {|#0:repository.Save(customer)|};
    public void Forward(Customer customer) => {|#1:Helpers.Forward(customer)|};
}", EndpointTest.Res001(0), EndpointTest.Res001(1));

        // A callee whose own parameter type carries the data still reports it there, once (the location rule).
        [Fact]
        public Task ACalleeTypedByTheDataReportsItItself() => EndpointTest.VerifyAsync(@"
static class Sink { [DataSink(""US"", Recipient = ""Contoso"")] public static void Send(object o) { } }
class Repository
{
    public void Save(Customer customer) => {|#0:Sink.Send(customer)|};
}
class Customers(Repository repository)
{
    public void Save(Customer customer) => repository.Save(customer);
}", EndpointTest.Res001(0));
    }
}
