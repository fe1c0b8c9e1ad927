using Residency;

namespace SupportDesk.Services;

/// <summary>Product analytics (Mixpanel, US) under signed standard contractual clauses.</summary>
public sealed class Analytics
{
    [DataSink("US", Recipient = "Mixpanel", Purpose = "product analytics")]
    public void Track(string eventName, string distinctId) { }
}
