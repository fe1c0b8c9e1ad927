using Residency.Analyzers.Sinks;

namespace Residency.Analyzers.Tests.Sinks
{
    /// <summary>How a <c>[DataTransfer]</c>'s recipient is matched to a sink's (<see cref="RecipientNames"/>).</summary>
    public class RecipientNamesTests
    {
        [Theory]
        [InlineData("HubSpot, Inc.", "HubSpot")]
        [InlineData("hubspot", "HubSpot")]
        [InlineData("Acme CRM GmbH", "Acme CRM")]
        [InlineData("Mollie B.V.", "Mollie")]
        [InlineData("Stripe, Inc", "Stripe")]
        [InlineData("Microsoft", "Microsoft (Azure OpenAI)")]
        [InlineData("Functional Software, Inc.", "Sentry (Functional Software)")]
        [InlineData("Twilio SendGrid", "Twilio SendGrid")]
        public void TheSameCounterparty(string declared, string recipient) => Assert.True(RecipientNames.Same(declared, recipient));

        [Theory]
        [InlineData("Acme", "Acme CRM")]
        [InlineData("Other Corp", "Acme CRM")]
        [InlineData("SendGrid", "Twilio SendGrid")]
        [InlineData("Azure OpenAI", "Microsoft")]
        [InlineData("Inc.", "Acme Inc.")]
        [InlineData("", "Acme")]
        public void AnotherCounterparty(string declared, string recipient) => Assert.False(RecipientNames.Same(declared, recipient));
    }
}
