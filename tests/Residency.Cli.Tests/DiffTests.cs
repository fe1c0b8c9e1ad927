using System.Linq;
using System.Text.Json;
using Residency.Build.Model;
using Residency.Facts;
using Residency.Cli.Diffing;
using Residency.Cli.Records;
using static Residency.Cli.Tests.Records;

namespace Residency.Cli.Tests
{
    public sealed class DiffTests
    {
        private static InventoryDiff Diff(Inventory before, Inventory after) =>
            InventoryDiff.Compare(InventoryFile.Load(Write(before)), InventoryFile.Load(Write(after)));

        private static FlowFact Stored => FlowOf(FlowStatus.Allowed, Store, "SupportService.SaveAsync", 12, Email, Name);

        private static FlowFact ToCrm => FlowOf(FlowStatus.Violation, Crm(), "SupportService.SyncAsync", 20, Email);

        [Fact]
        public void SameRecordHasNoChanges()
        {
            var diff = Diff(Make(Stored, ToCrm), Make(Stored, ToCrm));

            Assert.True(diff.IsEmpty);
            Assert.False(diff.Fails);
            Assert.Contains("No change in personal-data processing", DiffMarkdownWriter.Write(diff));
        }

        [Fact]
        public void MovedCodeIsNotAChange()
        {
            var moved = Stored with { Line = 40, Column = 13 };

            var diff = Diff(Make(Stored), Make(moved));

            Assert.True(diff.IsEmpty);
        }

        [Fact]
        public void NewViolatingFlowFailsAndNamesRecipientAndCountry()
        {
            var diff = Diff(Make(Stored), Make(Stored, ToCrm));

            var added = Assert.Single(diff.AddedFlows);
            Assert.Equal("SupportService.SyncAsync", added.Method);
            Assert.Empty(diff.RemovedFlows);
            Assert.Single(diff.NewViolations);
            Assert.True(diff.Fails);
            Assert.Equal(new Recipient("Acme CRM Inc.", "US"), Assert.Single(diff.AddedRecipients));
            Assert.Equal("US", Assert.Single(diff.AddedThirdCountries));
            Assert.Empty(diff.AddedCategories);

            var markdown = DiffMarkdownWriter.Write(diff);
            Assert.Contains("**This change adds 1 new violation.**", markdown);
            Assert.Contains("### New flows (1)", markdown);
            Assert.Contains("| **violation** | `Customer.Email` (contact.email) | Acme CRM Inc. via `CrmClient.UpsertAsync` | US | `Services/SupportService.cs:20` (Shop) |", markdown);
            Assert.Contains("| violations | 0 | 1 (+1) |", markdown);
            Assert.Contains("### New recipients (1)\n\n- Acme CRM Inc. (US)", markdown);
            Assert.Contains("### New third countries (1)\n\n- `US`", markdown);
        }

        [Fact]
        public void RemovedFlowDoesNotFail()
        {
            var diff = Diff(Make(Stored, ToCrm), Make(Stored));

            Assert.Single(diff.RemovedFlows);
            Assert.Empty(diff.AddedFlows);
            Assert.False(diff.Fails);
            Assert.Equal("US", Assert.Single(diff.RemovedThirdCountries));
            Assert.Single(diff.RemovedRecipients);
            var markdown = DiffMarkdownWriter.Write(diff);
            Assert.Contains("No new violation and no new unknown endpoint.", markdown);
            Assert.Contains("### Removed flows (1)", markdown);
            Assert.Contains("### Third countries no longer receiving data (1)", markdown);
        }

        [Fact]
        public void RegionChangeTurnsAnAllowedFlowIntoAViolation()
        {
            var before = FlowOf(FlowStatus.Allowed, Crm("DE"), "SupportService.SyncAsync", 20, Email);
            var after = FlowOf(FlowStatus.Violation, Crm("US"), "SupportService.SyncAsync", 20, Email);

            var diff = Diff(Make(before), Make(after));

            var change = Assert.Single(diff.ChangedFlows);
            Assert.Equal(FlowStatus.Allowed, change.Old.Status);
            Assert.Equal(FlowStatus.Violation, change.New.Status);
            Assert.Empty(diff.AddedFlows);
            var region = Assert.Single(diff.ChangedRegions);
            Assert.Equal(("DE", "US"), (region.OldRegion, region.NewRegion));
            Assert.True(diff.Fails);
            Assert.Contains("- CrmClient.UpsertAsync (Acme CRM Inc.): DE → US", DiffMarkdownWriter.Write(diff));
        }

        [Fact]
        public void NewUnknownEndpointFails()
        {
            var tracked = FlowOf(FlowStatus.Unknown, Tracker, "Analytics.TrackAsync", 8, Name);

            var diff = Diff(Make(Stored), Make(Stored, tracked));

            Assert.Empty(diff.NewViolations);
            Assert.Equal("http:track.example.io", Assert.Single(diff.NewUnknownEndpoints));
            Assert.True(diff.Fails);
            Assert.Contains("**This change adds 1 new unknown endpoint.**", DiffMarkdownWriter.Write(diff));
        }

        [Fact]
        public void UnknownEndpointAlreadyThereDoesNotFail()
        {
            var tracked = FlowOf(FlowStatus.Unknown, Tracker, "Analytics.TrackAsync", 8, Name);
            var trackedAgain = FlowOf(FlowStatus.Unknown, Tracker, "Analytics.PageAsync", 30, Email);

            var diff = Diff(Make(tracked), Make(tracked, trackedAgain));

            Assert.Single(diff.AddedFlows);
            Assert.Empty(diff.NewUnknownEndpoints);
            Assert.False(diff.Fails);
        }

        [Fact]
        public void BaselinedViolationDoesNotFail()
        {
            var diff = Diff(Make(Stored), Make(Stored, ToCrm with { Treatment = Treatment.Baselined }));

            Assert.Single(diff.AddedFlows);
            Assert.False(diff.Fails);
            Assert.Contains("violation (baselined)", DiffMarkdownWriter.Write(diff));
        }

        [Fact]
        public void DeclaredTransferAndNewCategoryAreReported()
        {
            var declared = FlowOf(FlowStatus.Declared, Crm(), "SupportService.SyncAsync", 20, Email, Health) with
            {
                Transfer = new TransferInfo { Region = "US", Mechanism = "StandardContractualClauses", Recipient = "Acme CRM Inc.", Justification = "SCCs 2026-03-01" },
            };

            var diff = Diff(Make(Stored), Make(Stored, declared));

            var transfer = Assert.Single(diff.AddedTransfers);
            Assert.Equal("StandardContractualClauses", transfer.Mechanism);
            Assert.Equal("health", Assert.Single(diff.AddedCategories));
            Assert.False(diff.Fails);
            var markdown = DiffMarkdownWriter.Write(diff);
            Assert.Contains("### New declared transfers (1)\n\n- US, StandardContractualClauses, Acme CRM Inc. — SCCs 2026-03-01", markdown);
            Assert.Contains("### New data categories (1)\n\n- `health`", markdown);
        }

        [Fact]
        public void SameDataSentTwiceFromOneMethodIsCountedPerOccurrence()
        {
            var first = FlowOf(FlowStatus.Violation, Mail, "Mailer.SendAsync", 10, Email);
            var second = first with { Line = 14 };

            var diff = Diff(Make(first), Make(first, second));

            Assert.Single(diff.AddedFlows);
            Assert.True(diff.Fails);
        }

        [Fact]
        public void JsonFormatCarriesTheSameChanges()
        {
            var diff = Diff(Make(Stored), Make(Stored, ToCrm));

            using var document = JsonDocument.Parse(DiffJsonWriter.Write(diff));
            var root = document.RootElement;
            Assert.True(root.GetProperty("addsViolationOrUnknownEndpoint").GetBoolean());
            var added = Assert.Single(root.GetProperty("addedFlows").EnumerateArray());
            Assert.Equal("violation", added.GetProperty("status").GetString());
            Assert.Equal("Acme CRM Inc.", added.GetProperty("recipient").GetString());
            Assert.Equal(20, added.GetProperty("line").GetInt32());
            Assert.Equal(new[] { "Shop.Customer.Email" }, added.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
            Assert.Equal(1, root.GetProperty("summary").GetProperty("head").GetProperty("violations").GetInt32());
            Assert.Equal(0, root.GetProperty("summary").GetProperty("base").GetProperty("violations").GetInt32());
            Assert.Equal("US", Assert.Single(root.GetProperty("addedThirdCountries").EnumerateArray()).GetString());
            Assert.Empty(root.GetProperty("removedFlows").EnumerateArray());
        }
    }
}
