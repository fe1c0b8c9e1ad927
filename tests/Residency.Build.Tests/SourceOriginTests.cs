using Xunit;
using System.IO;
using System.Linq;
using Residency.Analyzers.Json;

namespace Residency.Build.Tests
{
    /// <summary>
    /// Personal data that needs no annotation (a claim, a UserManager look-up, residency.json) appears in the inventory like
    /// annotated data, with where it comes from.
    /// </summary>
    public class SourceOriginTests
    {
        private static string ClaimFlow() => Flow(w =>
        {
            Source(w, "claim:email", "claim email", "contact.email", "claim email", "claim");
            Source(w, "Microsoft.AspNetCore.Identity.UserManager<TUser>.GetPhoneNumberAsync(TUser)", "UserManager.GetPhoneNumberAsync()", "contact.phone_number", "UserManager.GetPhoneNumberAsync", "return");
        });

        /// <summary>A violation from the sources <paramref name="sources"/> writes to a US sink.</summary>
        private static string Flow(System.Action<JsonWriter> sources)
        {
            var w = new JsonWriter();
            w.StartObject();
            w.Property("status", "violation");
            w.Name("sources");
            w.StartArray();
            sources(w);
            w.EndArray();
            w.Name("sink");
            w.StartObject();
            w.Property("id", "crm");
            w.Property("kind", "annotation");
            w.Property("display", "Crm.Send");
            w.Property("region", "US");
            w.Property("regionName", "United States");
            w.EndObject();
            w.Name("path");
            w.StartArray();
            w.Value("CallMeBack");
            w.Value("Crm.Send");
            w.EndArray();
            w.Property("method", "Portal.CallMeBack()");
            w.Property("fingerprint", "c1a1");
            w.EndObject();
            return w.ToString();
        }

        /// <summary>A flow's source: one that needs no annotation (<paramref name="origin"/>), or a member of a referenced assembly (<paramref name="annotation"/>).</summary>
        private static void Source(JsonWriter w, string id, string member, string category, string? origin, string kind, string? annotation = null)
        {
            w.StartObject();
            w.Property("id", id);
            w.Property("member", member);
            w.Property("category", category);
            w.Property("specialCategory", null);
            w.Property("subject", null);
            w.Property("pseudonymised", false);
            w.Property("inferred", false);
            w.Property("origin", origin);
            if (annotation is not null)
            {
                w.Property("annotation", annotation);
            }

            w.Property("kind", kind);
            w.EndObject();
        }

        [Fact]
        public void ClaimsAndUserManagerLookUpsAreListedWithTheirOrigin()
        {
            using var project = new TestProject();
            project.WithFacts(new FactsBuilder().Flow("RES001", "Portal.cs", 12, ClaimFlow()).ToString());
            project.Run();

            var inventory = Json.Load(project.Output("inventory.json"));
            var elements = inventory.Array("dataElements");
            var claim = elements.Single(e => e.Str("id") == "claim:email");
            Assert.Equal("claim email", claim.Str("origin"));
            Assert.Equal("claim", claim.Str("kind"));
            Assert.Equal("contact.email", claim.Str("category"));
            Assert.Equal("UserManager.GetPhoneNumberAsync", elements.Single(e => e.Str("member") == "UserManager.GetPhoneNumberAsync()").Str("origin"));
            Assert.Equal(new[] { "UserManager.GetPhoneNumberAsync", "claim email" }, inventory.Array("flows").Single().Array("sources").Select(s => s.Str("origin")));

            var csv = File.ReadAllLines(project.Output("inventory.csv"));
            Assert.EndsWith(",UserManager.GetPhoneNumberAsync; claim email", csv[1]);

            var markdown = File.ReadAllText(project.Output("inventory.md"));
            Assert.Contains("claim email", markdown);
            Assert.Contains("from UserManager.GetPhoneNumberAsync", markdown);
            Assert.Contains("claim email", File.ReadAllText(project.Output("inventory.html")));
        }

        [Fact]
        public void AnnotatedMembersOfReferencedAssembliesAreListedWithTheirAnnotation()
        {
            // ASP.NET Core Identity's user: no element fact of the compilation describes it, only its flows' sources do.
            var flow = Flow(w => Source(w, "Microsoft.AspNetCore.Identity.IdentityUser<TKey>.PhoneNumber", "IdentityUser.PhoneNumber", "contact.phone_number", null, "property", "AspNetCore.Identity"));
            using var project = new TestProject();
            project.WithFacts(new FactsBuilder().Flow("RES001", "Portal.cs", 12, flow).ToString());
            project.Run();

            var inventory = Json.Load(project.Output("inventory.json"));
            var phone = inventory.Array("dataElements").Single();
            Assert.Equal("AspNetCore.Identity", phone.Str("origin"));
            Assert.Equal("property", phone.Str("kind"));
            Assert.Equal("Microsoft.AspNetCore.Identity.IdentityUser<TKey>", phone.Str("containingType"));
            var source = inventory.Array("flows").Single().Array("sources").Single();
            Assert.Equal("AspNetCore.Identity", source.Str("annotation"));
            Assert.Null(source.Str("origin")); // not a source that needs no annotation: the flow says nothing of where it came from
            Assert.Contains("| IdentityUser.PhoneNumber | property | Phone number (contact.phone\\_number) | — | — | — | AspNetCore.Identity |", File.ReadAllText(project.Output("inventory.md")));
        }

        [Fact]
        public void AnnotatedSourcesHaveNoOriginColumnValue()
        {
            using var project = new TestProject();
            project.WithFacts(new FactsBuilder()
                .Flow("RES001", "Crm.cs", 5, FactsBuilder.FlowData("violation", "Sample.Customer.Email", "Customer.Email", "contact.email", "UsCrm.Send", "US"))
                .ToString());
            project.Run();

            var csv = File.ReadAllLines(project.Output("inventory.csv"));
            Assert.EndsWith(",", csv[1]);
            Assert.Null(Json.Load(project.Output("inventory.json")).Array("flows").Single().Array("sources").Single().Str("origin"));
        }
    }
}
