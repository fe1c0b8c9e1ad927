using Residency.Analyzers.Endpoints;
using Xunit;

namespace Residency.Analyzers.Tests.Endpoints
{
    /// <summary>
    /// The text filter of the compilation-wide scans: a tree is walked only when its text names what the scan looks for as a
    /// whole identifier, so that <c>ConfigureAwait</c> does not pass for <c>Configure</c> (nor <c>Binder</c> for
    /// <c>Bind</c>), and every tree that does use the name passes.
    /// </summary>
    public class NameInTextTests
    {
        [Theory]
        [InlineData("services.Configure<CrmOptions>(section);", "Configure")]
        [InlineData("services.Configure(options => { });", "Configure")]
        [InlineData("builder.Bind(section);", "Bind")]
        [InlineData("AddOptions<AiOptions>().BindConfiguration(\"OpenAIEu\")", "BindConfiguration")]
        [InlineData("Configure", "Configure")]
        [InlineData("x.@Configure(y)", "Configure")]
        [InlineData("await task.ConfigureAwait(false); services.Configure<T>(s);", "Configure")]
        [InlineData("new Options { Endpoint = url }", "Endpoint")]
        [InlineData("// calls Configure\n", "Configure")]
        public void FindsTheNameAsAWholeIdentifier(string text, string name) => Assert.True(NameInText.Contains(text, name));

        [Theory]
        [InlineData("await task.ConfigureAwait(false);", "Configure")]
        [InlineData("IConfigurationBinder binder = Binder.Create();", "Bind")]
        [InlineData("services.ConfigureHttpClientDefaults(c => { });", "ConfigureHttpClient")]
        [InlineData("var _Configure = 1; var Configure2 = 2; var ÄConfigure = 3;", "Configure")]
        [InlineData("EndpointResolver resolver;", "Endpoint")]
        [InlineData("", "Configure")]
        public void IgnoresTheNameInsideALongerIdentifier(string text, string name) => Assert.False(NameInText.Contains(text, name));
    }
}
