using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Residency.Analyzers.Flow;
using Residency.Analyzers.Tests.Verifiers;

namespace Residency.Analyzers.Tests.Sources
{
    /// <summary>
    /// The syntactic pre-filter stays an over-approximation of the engine with sources that need no annotation: a body
    /// that reaches a principal, a claim, a UserManager look-up or a request header through framework members only is a
    /// candidate; plain code is not.
    /// </summary>
    public class SourceCandidateIndexTests
    {
        private const string Corpus = @"
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

public class AppUser : IdentityUser { }

public class AccountController : Controller
{
    public string Email() => User.FindFirstValue(ClaimTypes.Email) ?? """";
    public string Name() => User.Identity?.Name ?? """";
    public string Ip() => HttpContext.Connection.RemoteIpAddress?.ToString() ?? """";
    public string Forwarded() { var headers = Request.Headers; return headers[""X-Forwarded-For""].ToString(); }
    public string Agent() => Request.Headers.UserAgent.ToString();
    public int Answer() => 42;
}

public class Handlers
{
    public async Task<string?> ViaAuthenticate(HttpContext context) { var result = await context.AuthenticateAsync(); return result.Principal?.FindFirst(""email"")?.Value; }
    public async Task<string?> ViaSignIn(SignInManager<AppUser> signIn, AppUser user) { var principal = await signIn.CreateUserPrincipalAsync(user); return principal.Claims.First(c => c.Type == ""sub"").Value; }
    public Task<string?> ViaUserManager(UserManager<AppUser> users, AppUser user) => users.GetEmailAsync(user);
    public string? ViaAccessor(IHttpContextAccessor accessor) => accessor.HttpContext?.User.FindFirstValue(""phone_number"");
    public string? ViaHelper(ClaimsPrincipal p) => Lookup(p, ""email"");
    private static string? Lookup(ClaimsPrincipal p, string type) => p.FindFirst(type)?.Value;
    public int Twice(int x) => x * 2;
}
";

        [Fact]
        public void EveryBodyThatReadsAPlatformSourceIsACandidate()
        {
            var compilation = CSharpCompilation.Create("sources", new[] { CSharpSyntaxTree.ParseText(Corpus) }, TestReferences.AspNetCore,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var context = ResidencyContext.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
            context.Engine.SyntacticFilter = null; // judge the index against the engine's own, unfiltered answer
            int touching = 0;
            foreach (var method in Residency.Analyzers.Model.SymbolWalk.Types(compilation.Assembly.GlobalNamespace).SelectMany(t => t.GetMembers()).OfType<IMethodSymbol>())
            {
                if (method.DeclaringSyntaxReferences.Length == 0 || context.Engine.GetBodyOperation(method, default) is not { } body)
                {
                    continue;
                }

                var declaration = method.DeclaringSyntaxReferences[0].GetSyntax();
                var touches = context.Engine.TouchesPersonalData(body);
                if (touches)
                {
                    touching++;
                    Assert.True(context.Index.MayTouchPersonalData(declaration), $"{method.ToDisplayString()} reads a platform source but is filtered out");
                }

                if (method.Name is "Answer" or "Twice")
                {
                    Assert.False(touches, method.Name);
                }
                else if (method.MethodKind == MethodKind.Ordinary)
                {
                    Assert.True(touches, $"{method.Name} should read a platform source");
                }
            }

            Assert.True(touching >= 11, $"only {touching} bodies touch personal data");
            var twice = compilation.SyntaxTrees[0].GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Twice");
            Assert.False(context.Index.MayTouchPersonalData(twice));
        }

        [Fact]
        public void IndexingThePlatformNamesIsCheap()
        {
            // The walk over the ASP.NET Core reference assemblies for members that return a principal runs once per assembly.
            var compilation = CSharpCompilation.Create("cost", new[] { CSharpSyntaxTree.ParseText(Corpus) }, TestReferences.AspNetCore,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var watch = Stopwatch.StartNew();
            var names = new System.Collections.Generic.HashSet<string>();
            var sources = ResidencyContext.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)).Sources;
            sources.AddIndexNames(names, default);
            sources.AddPrincipalMemberNames(names, mentioned: _ => true, default); // as if every name were written in some body
            watch.Stop();
            Assert.Contains("User", names);
            Assert.Contains("Principal", names);
            Assert.Contains("CreateUserPrincipalAsync", names);
            Assert.Contains("GetEmailAsync", names);
            Assert.Contains("Headers", names);

            // Members reached only through a principal add no name: a common name would make most bodies candidates.
            Assert.DoesNotContain("Name", names);
            Assert.DoesNotContain("FindAll", names);
            Assert.DoesNotContain("FindFirstValue", names);
            Assert.True(watch.ElapsedMilliseconds < 5000, $"{watch.ElapsedMilliseconds} ms");
        }
    }
}
