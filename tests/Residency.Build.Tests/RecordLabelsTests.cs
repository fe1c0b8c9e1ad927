using Residency.Build.Record;
using Xunit;

namespace Residency.Build.Tests
{
    public class RecordLabelsTests
    {
        [Theory]
        [InlineData("contact.email", "E-mail address (contact.email)")]
        [InlineData("health", "Health data (health)")]
        [InlineData("contact.email.work", "E-mail address (contact.email.work)")] // a sub-key falls back to its parent's label
        [InlineData("acme.loyalty_tier", "acme.loyalty_tier")] // an organisation's own key is shown as written
        [InlineData("uncategorised", "Not categorised")]
        public void Categories_have_a_label_and_keep_their_key(string key, string expected) =>
            Assert.Equal(expected, RecordLabels.Category(key));

        [Theory]
        [InlineData("P2Y", "2 years (P2Y)")]
        [InlineData("P1Y", "1 year (P1Y)")]
        [InlineData("P30D", "30 days (P30D)")]
        [InlineData("P1Y6M", "1 year and 6 months (P1Y6M)")]
        [InlineData("P1Y2M3D", "1 year, 2 months and 3 days (P1Y2M3D)")]
        [InlineData("PT12H", "12 hours (PT12H)")]
        [InlineData("p6m", "6 months (p6m)")]
        [InlineData("until the account is deleted", "until the account is deleted")]
        [InlineData("P", "P")]
        [InlineData("PT", "PT")]
        public void Retention_is_written_in_words(string period, string expected) =>
            Assert.Equal(expected, RecordLabels.Retention(period));

        [Theory]
        [InlineData("annotation", "service declared in the code")]
        [InlineData("http", "web API (HTTP)")]
        [InlineData("sdk", "cloud service (SDK client)")]
        [InlineData("carrier-pigeon", "carrier-pigeon")]
        public void Sink_kinds_are_written_in_words(string kind, string expected) =>
            Assert.Equal(expected, RecordLabels.SinkKind(kind));
    }
}
