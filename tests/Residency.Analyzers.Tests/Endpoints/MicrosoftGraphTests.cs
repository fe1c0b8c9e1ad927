using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Residency.Analyzers.Tests.Verifiers;
using static Residency.Analyzers.Tests.Endpoints.EndpointTest;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// Microsoft Graph (the Microsoft.Graph package): every call goes through a request builder reached from the
    /// <c>GraphServiceClient</c> (<c>graph.Users[id].SendMail.PostAsync(body)</c>), a service of the entry
    /// (<c>serviceNamespaces</c>). The host is <c>graph.microsoft.com</c>, whose region is the tenant's data location:
    /// Unknown (RES003) until declared, as a field test's e-mail to a clinician was an unclassified recipient.
    /// </summary>
    public class MicrosoftGraphTests
    {
        // The shape of Microsoft.Graph 5.x (Kiota request builders), as a referenced assembly.
        private const string GraphLibrary = @"
namespace Microsoft.Graph.Models
{
    public class EmailAddress { public string? Address { get; set; } public string? Name { get; set; } }
    public class Recipient { public EmailAddress? EmailAddress { get; set; } }
    public class ItemBody { public string? Content { get; set; } }
    public class Message
    {
        public string? Subject { get; set; }
        public ItemBody? Body { get; set; }
        public System.Collections.Generic.List<Recipient>? ToRecipients { get; set; }
    }
    public class User { public string? DisplayName { get; set; } }
}
namespace Microsoft.Graph.Users.Item.SendMail
{
    public class SendMailPostRequestBody { public Microsoft.Graph.Models.Message? Message { get; set; } public bool? SaveToSentItems { get; set; } }
    public class SendMailRequestBuilder
    {
        public System.Threading.Tasks.Task PostAsync(SendMailPostRequestBody body, System.Action<object>? requestConfiguration = default, System.Threading.CancellationToken cancellationToken = default) => System.Threading.Tasks.Task.CompletedTask;
    }
}
namespace Microsoft.Graph.Users.Item
{
    public class UserItemRequestBuilder
    {
        public Microsoft.Graph.Users.Item.SendMail.SendMailRequestBuilder SendMail => new();
        public System.Threading.Tasks.Task<Microsoft.Graph.Models.User?> GetAsync(System.Action<object>? requestConfiguration = default, System.Threading.CancellationToken cancellationToken = default) => System.Threading.Tasks.Task.FromResult<Microsoft.Graph.Models.User?>(null);
    }
}
namespace Microsoft.Graph.Users
{
    public class UsersRequestBuilder
    {
        public Microsoft.Graph.Users.Item.UserItemRequestBuilder this[string position] => new();
    }
}
namespace Microsoft.Graph
{
    public class GraphServiceClient
    {
        public GraphServiceClient(object tokenCredential, System.Collections.Generic.IEnumerable<string>? scopes = null, string? baseUrl = null) { }
        public Microsoft.Graph.Users.UsersRequestBuilder Users => new();
    }
}";

        private static readonly MetadataReference Graph = TestReferences.Library("Microsoft.Graph", GraphLibrary);

        private const string Uses = "using Microsoft.Graph;\nusing Microsoft.Graph.Models;\nusing Microsoft.Graph.Users.Item.SendMail;\n";

        private const string Mailer = @"
class StaffMailer
{
    private readonly GraphServiceClient _graph = new(new object());

    public Task Notify(Customer customer) => {|#0:_graph.Users[""clinic@example.org""].SendMail.PostAsync(new SendMailPostRequestBody
    {
        Message = new Message { Subject = ""New booking"", Body = new ItemBody { Content = ""Patient "" + customer.Name } },
    })|};

    public Task Lookup(int id) => _graph.Users[id.ToString()].GetAsync();
}";

        [Fact]
        public Task SendMailIsAGraphCallOfTheTenantsUnknownRegion() => VerifyAsync(Uses + Mailer, null, null, new[] { Graph },
            Res003(0).WithArguments("Customer.Name (name)", "SendMailRequestBuilder.PostAsync graph.microsoft.com (recipient Microsoft (Microsoft 365))",
                "Notify → SendMailRequestBuilder.PostAsync graph.microsoft.com",
                "add { \"pattern\": \"graph.microsoft.com\", \"region\": \"<region>\" } to \"hosts\" in residency.json (the region of the resource or service behind the host)"));

        [Fact]
        public Task ATenantDeclaredInTheEuIsClean() => VerifyAsync(Uses + Mailer,
            new[] { ("/0/residency.json", @"{ ""hosts"": [ { ""pattern"": ""graph.microsoft.com"", ""region"": ""EU"", ""recipient"": ""Microsoft (Microsoft 365)"" } ] }") }, null, new[] { Graph });

        [Fact]
        public Task ANationalCloudsBaseUrlIsItsRegion() => VerifyAsync(Uses + @"
class StaffMailer
{
    private readonly GraphServiceClient _graph = new(new object(), baseUrl: ""https://graph.microsoft.us/v1.0"");
    public Task Notify(Customer customer) => {|#0:_graph.Users[""x""].SendMail.PostAsync(new SendMailPostRequestBody { Message = new Message { Subject = customer.Email } })|};
}", null, null, new[] { Graph }, Res001(0));
    }
}
