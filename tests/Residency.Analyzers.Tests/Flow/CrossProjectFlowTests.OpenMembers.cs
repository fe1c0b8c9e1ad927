using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Residency.Analyzers.Tests.Verifiers;
using Residency.Facts;

namespace Residency.Analyzers.Tests.Flow
{
    /// <summary>
    /// Open members across projects (docs/cross-project.md, "Open members too"): a library's reads of interface members it
    /// does not implement are exported, and the project that implements them reports the flow at its implementation.
    /// </summary>
    public sealed partial class CrossProjectFlowTests
    {
        // Clean architecture the other way round: the Application project declares IUser and reads it, the web project
        // implements it. Application's exports say where the value of IUser.Id goes; the web project's implementation reads a
        // personal value, so the flow is the web project's, reported where that value is returned.
        [Fact]
        public async Task AnOpenMemberALibraryReadsIsAFlowWhereAnotherProjectImplementsIt()
        {
            const string application = @"
using Residency;
namespace Shop.Application
{
    public interface IUser { string? Id { get; } string Tenant { get; } }
    public class Audit { [DataSink(""US"", Recipient = ""Acme Audit"")] public void Push(string value) { } }
    public class Orders
    {
        private readonly IUser _user;
        public Orders(IUser user) { _user = user; }
        public void Place(int quantity) => Record(_user.Id ?? """");
        public void Describe() => new Audit().Push(_user.Tenant);
        public void Tag(int n) => new Audit().Push(Who);
        private string Who => _user.Id ?? """";
        private void Record(string who) => new Audit().Push(who);
    }
}";
            const string web = @"
using Residency;
public class CurrentUser : Shop.Application.IUser
{
    [PersonalData(""unique_id"")] private string _id = """";
    public string? Id => _id;
    public string Tenant => ""contoso"";
}";
            var applicationExports = await ExportsAndSourcesOf(application, "Shop.Application");
            var read = Assert.Single(applicationExports.Flows, e => e.OpenMember == "P:Shop.Application.IUser.Id" && e.Method == "M:Shop.Application.Orders.Place(System.Int32)");
            Assert.Equal(-1, read.Parameter);
            Assert.Equal(new[] { "Place", "Record", "Audit.Push" }, read.Path);
            Assert.Equal("US", read.Sink.Region);
            Assert.Single(applicationExports.Flows, e => e.OpenMember == "P:Shop.Application.IUser.Tenant" && e.Method == "M:Shop.Application.Orders.Describe");
            Assert.Single(applicationExports.Flows, e => e.OpenMember == "P:Shop.Application.IUser.Id" && e.Method == "M:Shop.Application.Orders.Tag(System.Int32)"); // through a computed property
            var applicationReference = TestReferences.Library("Shop.Application", application);

            var diagnostics = await AnalyseApplication(new[] { WriteExports(applicationExports.Flows, name: "Shop.Application") }, web, applicationReference);

            var violation = Assert.Single(diagnostics, d => d.Id == "RES001");
            Assert.Equal(6, Line(violation));
            Assert.Contains("CurrentUser._id (unique_id)", violation.GetMessage(), StringComparison.Ordinal);
            Assert.Contains("Id → Place → Record → Audit.Push", violation.GetMessage(), StringComparison.Ordinal);

            // Without the exports the web project cannot know what Application does with the value.
            Assert.DoesNotContain(await AnalyseApplication(Array.Empty<string>(), web, applicationReference), d => d.Id == "RES001");
        }

        // The template's LoggingBehaviour: Application reads IUser.Id and hands it to IIdentityService, both its own interfaces;
        // Infrastructure implements IIdentityService and sends the id; the web project implements IUser. The open read's
        // unclassified recipient is followed into Infrastructure's exports.
        [Fact]
        public async Task AnOpenReadHandedToAnUnclassifiedRecipientIsFollowedIntoTheLibraryThatImplementsIt()
        {
            const string application = @"
namespace Shop.Application
{
    public interface IUser { string? Id { get; } }
    public interface IIdentityService { void Touch(string userId); }
    public class LoggingBehaviour
    {
        private readonly IUser _user;
        private readonly IIdentityService _identity;
        public LoggingBehaviour(IUser user, IIdentityService identity) { _user = user; _identity = identity; }
        public void Process() => _identity.Touch(_user.Id ?? """");
    }
}";
            const string infrastructure = @"
using Residency;
namespace Shop.Infrastructure
{
    public class UsDirectory { [DataSink(""US"", Recipient = ""Acme Directory"")] public void Ping(string value) { } }
    public class IdentityService : Shop.Application.IIdentityService
    {
        public void Touch(string userId) => new UsDirectory().Ping(userId);
    }
}";
            const string web = @"
using Residency;
public class CurrentUser : Shop.Application.IUser
{
    [PersonalData(""unique_id"")] private string _id = """";
    public string? Id => _id;
}";
            var (applicationFlows, files, references) = await Layers(application, infrastructure);
            var read = Assert.Single(applicationFlows, e => e.OpenMember is not null);
            Assert.Equal("unclassified", read.Sink.Kind);
            Assert.Equal("M:Shop.Application.IIdentityService.Touch(System.String)", read.RecipientMethod);

            var diagnostics = await AnalyseApplication(files, web, references);

            var violation = Assert.Single(diagnostics, d => d.Id == "RES001");
            Assert.Equal(6, Line(violation));
            Assert.Contains("Id → Process → Touch → UsDirectory.Ping", violation.GetMessage(), StringComparison.Ordinal);
            Assert.Contains("Acme Directory", violation.GetMessage(), StringComparison.Ordinal);

            // With Application's exports alone, the id reaches an unclassified recipient: listed, not a violation.
            diagnostics = await AnalyseApplication(new[] { files[0] }, web, references);
            Assert.DoesNotContain(diagnostics, d => d.Id == "RES001");
            Assert.Contains(diagnostics, d => d.Id == "RES008" && Line(d) == 6 && d.GetMessage().Contains("IIdentityService.Touch", StringComparison.Ordinal));
        }

        // The template's AuditableEntityInterceptor: Infrastructure reads Application's IUser.Id and sends it; the web project
        // implements IUser. An interface of a referenced project of the solution (one that exported) is open in Infrastructure too.
        [Fact]
        public async Task AnOpenMemberOfAReferencedProjectIsOpenWhereItIsRead()
        {
            const string application = @"
namespace Shop.Application
{
    public interface IUser { string? Id { get; } }
}";
            const string infrastructure = @"
using Residency;
namespace Shop.Infrastructure
{
    public class UsAudit { [DataSink(""US"", Recipient = ""Acme Audit"")] public void Push(string value) { } }
    public class Interceptor
    {
        private readonly Shop.Application.IUser _user;
        public Interceptor(Shop.Application.IUser user) { _user = user; }
        public void Saving() => new UsAudit().Push(_user.Id ?? """");
    }
}";
            const string web = @"
using Residency;
public class CurrentUser : Shop.Application.IUser
{
    [PersonalData(""unique_id"")] private string _id = """";
    public string? Id => _id;
}";
            var (read, diagnostics) = await OpenReadAcrossLayers(application, infrastructure, web);
            Assert.Equal("P:Shop.Application.IUser.Id", read.OpenMember);
            Assert.Equal("M:Shop.Infrastructure.Interceptor.Saving", read.Method);

            // Without Application's exports file, Application is not known as a project of the solution: not open.
            var applicationReference = TestReferences.Library("Shop.Application", application);
            Assert.DoesNotContain((await ExportsAndSourcesOf(infrastructure, "Shop.Infrastructure", applicationReference)).Flows, e => e.OpenMember is not null);

            var violation = Assert.Single(diagnostics, d => d.Id == "RES001");
            Assert.Equal(6, Line(violation));
            Assert.Contains("Id → Saving → UsAudit.Push", violation.GetMessage(), StringComparison.Ordinal);
        }

        // The same with a method: Application declares IUserContext.GetUserId(), Infrastructure calls it, the web project
        // implements it from a personal field.
        [Fact]
        public async Task AnOpenMethodOfAReferencedProjectIsOpenWhereItIsCalled()
        {
            const string application = @"
namespace Shop.Application
{
    public interface IUserContext { string GetUserId(); System.Threading.Tasks.Task<string> GetNameAsync(); }
}";
            const string infrastructure = @"
using System.Threading.Tasks;
using Residency;
namespace Shop.Infrastructure
{
    public class UsAudit { [DataSink(""US"", Recipient = ""Acme Audit"")] public void Push(string value) { } }
    public class Interceptor
    {
        private readonly Shop.Application.IUserContext _user;
        public Interceptor(Shop.Application.IUserContext user) { _user = user; }
        public void Saving() => new UsAudit().Push(_user.GetUserId());
        public async Task Named() => new UsAudit().Push((await _user.GetNameAsync()).Length.ToString());
    }
}";
            const string web = @"
using System.Threading.Tasks;
using Residency;
public class UserContext : Shop.Application.IUserContext
{
    [PersonalData(""unique_id"")] private string _id = """";
    [PersonalData(""name"")] private string _name = """";
    public string GetUserId() => _id;
    public Task<string> GetNameAsync() => Task.FromResult(_name);
}";
            var (read, diagnostics) = await OpenReadAcrossLayers(application, infrastructure, web);
            Assert.Equal("M:Shop.Application.IUserContext.GetUserId", read.OpenMember);
            Assert.Equal("M:Shop.Infrastructure.Interceptor.Saving", read.Method);

            var violation = Assert.Single(diagnostics, d => d.Id == "RES001");
            Assert.Equal(8, Line(violation));
            Assert.Contains("GetUserId → Saving → UsAudit.Push", violation.GetMessage(), StringComparison.Ordinal);
        }

        /// <summary>
        /// Application (exporting nothing), then Infrastructure reading one of Application's interfaces with Application's
        /// exports file (its one open read), then the web project implementing that interface against both exports files.
        /// </summary>
        private async Task<(ExportedFlow OpenRead, ImmutableArray<Diagnostic> WebDiagnostics)> OpenReadAcrossLayers(string application, string infrastructure, string web)
        {
            var applicationReference = TestReferences.Library("Shop.Application", application);
            var applicationExports = await ExportsAndSourcesOf(application, "Shop.Application");
            Assert.Empty(applicationExports.Flows);
            var applicationFile = WriteExports(applicationExports.Flows, name: "Shop.Application");

            var infrastructureExports = await ExportsAndSourcesOf(infrastructure, "Shop.Infrastructure", new[] { applicationFile }, applicationReference);
            var read = Assert.Single(infrastructureExports.Flows, e => e.OpenMember is not null);

            var infrastructureReference = TestReferences.Library("Shop.Infrastructure", infrastructure, applicationReference);
            var files = new[] { applicationFile, WriteExports(infrastructureExports.Flows, name: "Shop.Infrastructure") };
            return (read, await AnalyseApplication(files, web, applicationReference, infrastructureReference));
        }
    }
}
