using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Sources.SourceTestModel;
using Verify = Residency.Analyzers.Tests.Verifiers.AnalyzerVerifier<Residency.Analyzers.Rules.PersonalDataFlowAnalyzer>;

namespace Residency.Analyzers.Tests.Sources
{
    /// <summary>
    /// An uploaded file (<c>IFormFile</c>: a CV, an identity document, a photo) is the person's private content: its
    /// stream and what it is copied into carry it, its size and content type do not (docs/flow-semantics.md).
    /// </summary>
    public class UploadedFileSourceTests
    {
        [Fact]
        public Task TheFilesStreamIsPersonalData() => Verify.VerifyAspNetCoreAsync(Header + @"
class H
{
    void M(IFormFile file, Crm crm)
    {
        {|#0:crm.SendObject(file.OpenReadStream())|};
        using var stream = file.OpenReadStream();
        {|#1:crm.SendObject(stream)|};
        crm.Send(file.ContentType);
        crm.Send(file.Length.ToString());
    }
}",
            Res001(0, "IFormFile.OpenReadStream() (content.private)", "M → Crm.SendObject", ObjectSink),
            Res001(1, "IFormFile.OpenReadStream() (content.private)", "M → Crm.SendObject", ObjectSink));

        [Fact]
        public Task WhatTheFileIsCopiedIntoIsPersonalData() => Verify.VerifyAspNetCoreAsync(Header + @"
class H
{
    async Task M(IFormFile file, Crm crm)
    {
        using var buffer = new System.IO.MemoryStream();
        await file.CopyToAsync(buffer);
        {|#0:crm.SendObject(buffer.ToArray())|};

        using var copy = new System.IO.MemoryStream();
        using var source = file.OpenReadStream();
        await source.CopyToAsync(copy);
        {|#1:crm.SendObject(copy)|};

        using var empty = new System.IO.MemoryStream();
        using var other = new System.IO.MemoryStream(new byte[] { 1, 2, 3 });
        other.CopyTo(empty);
        crm.SendObject(empty);
    }
}",
            Res001(0, "IFormFile.CopyToAsync() (content.private)", "M → Crm.SendObject", ObjectSink),
            Res001(1, "IFormFile.OpenReadStream() (content.private)", "M → Crm.SendObject", ObjectSink));

        [Fact]
        public Task TheFilesNameIsPersonalDataItsFieldNameIsNot() => Verify.VerifyAspNetCoreAsync(Header + @"
class H
{
    void M(IFormFile file, Crm crm)
    {
        {|#0:crm.Send(file.FileName)|};
        {|#1:crm.Send($""upload {file.ContentDisposition}"")|};
        crm.Send(file.Name);
        crm.Send(System.IO.Path.GetExtension(file.FileName).Length.ToString());
    }
}",
            Res001(0, "IFormFile.FileName (content.private)", "M → Crm.Send"),
            Res001(1, "IFormFile.ContentDisposition (content.private)", "M → Crm.Send"));

        [Fact]
        public Task AFileOfTheRequestsFormIsPersonalData() => Verify.VerifyAspNetCoreAsync(Header + @"
class H
{
    async Task M(HttpRequest request, Crm crm)
    {
        var form = await request.ReadFormAsync();
        var cv = form.Files[""cv""];
        {|#0:crm.SendObject(cv!.OpenReadStream())|};
        crm.Send(cv.FileName.Length.ToString());
    }
}",
            Res001(0, "IFormFile.OpenReadStream() (content.private)", "M → Crm.SendObject", ObjectSink));
    }
}
