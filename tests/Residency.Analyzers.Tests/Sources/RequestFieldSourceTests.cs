using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using static Residency.Analyzers.Tests.Sources.SourceTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Sources
{
    /// <summary>
    /// Form fields and query parameters read by a constant name that names personal data (<c>Request.Form["email"]</c>,
    /// <c>Request.Query["phone"]</c>): sources of the category the name gives, as a member name does for RES006.
    /// </summary>
    public class RequestFieldSourceTests
    {
        [Fact]
        public Task FormFieldsAndQueryParameters() => Verify.VerifyAspNetCoreAsync(Header + @"
class H
{
    async Task M(HttpContext context, Crm crm)
    {
        {|#0:crm.Send(context.Request.Form[""email""])|};
        string? phone = context.Request.Query[""Phone""];
        {|#1:crm.Send(phone)|};
        var form = await context.Request.ReadFormAsync();
        {|#2:crm.Send(form[""firstName""].ToString())|};
        {|#3:crm.Send(context.Request.Query[""EMAIL""].ToString())|};
    }
}",
            Res001(0, "form field email (contact.email)", "M → Crm.Send"),
            Res001(1, "query parameter phone (contact.phone_number)", "M → Crm.Send"),
            Res001(2, "form field firstname (name.first)", "M → Crm.Send"),
            Res001(3, "query parameter email (contact.email)", "M → Crm.Send"));

        [Fact]
        public Task ACollectionPassedInOrReturnedByAHelper() => Verify.VerifyAspNetCoreAsync(Header + @"
class H
{
    void Post(IFormCollection form, Crm crm) => {|#0:crm.Send(form[""last_name""])|};

    IQueryCollection Parameters(HttpRequest request) => request.Query;

    void Get(HttpRequest request, Crm crm) => {|#1:crm.Send(Parameters(request)[""mobile_phone""])|};

    void Concrete(FormCollection form, Crm crm) => {|#2:crm.Send(form[""Last_Name""])|};
}",
            Res001(0, "form field last_name (name.last)", "Post → Crm.Send"),
            Res001(1, "query parameter mobile_phone (contact.phone_number)", "Get → Crm.Send"),
            Res001(2, "form field last_name (name.last)", "Concrete → Crm.Send"));

        [Fact]
        public Task ASpecialCategoryFieldIsSpecialCategoryData() => Verify.VerifyAspNetCoreAsync(Header + @"
class H
{
    void M(HttpRequest request, Crm crm) => {|#0:crm.Send(request.Form[""diagnosis""])|};
}",
            Verify.Diagnostic("RES002").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("form field diagnosis (health)", Sink, "US (United States)", "EEA;Adequate", "M → Crm.Send"));

        [Fact]
        public Task FieldsThatNameNothingPersonalOrNoConstantStayClean() => Verify.VerifyAspNetCoreAsync(Header + @"
class H
{
    void M(HttpRequest request, Crm crm, string key)
    {
        crm.Send(request.Query[""page""]);
        crm.Send(request.Query[""sort""].ToString());
        crm.Send(request.Form[""returnUrl""]);
        crm.Send(request.Form[key]);
        crm.Send(request.Query.Count.ToString());
        crm.Send(request.Form.ContainsKey(""email"").ToString());
    }
}");
    }
}
