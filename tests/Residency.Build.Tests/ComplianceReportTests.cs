using System.IO;
using System.Linq;
using Xunit;

namespace Residency.Build.Tests
{
    public class ComplianceReportTests
    {
        private const string Report = @"
{
    ""Name"": ""Sample.dll"",
    ""Types"": [
        {
            ""Name"": ""Sample.Billing.Invoice"",
            ""Members"": [
                { ""Name"": ""CardNumber"", ""Type"": ""string"", ""File"": ""Billing/Invoice.cs"", ""Line"": ""12"",
                  ""Classifications"": [ { ""Name"": ""PrivateData"" }, { ""Name"": ""FinancialData"", ""Notes"": ""PCI"" } ] },
                { ""Name"": ""Total"", ""Type"": ""decimal"", ""File"": ""Billing/Invoice.cs"", ""Line"": ""14"" }
            ],
            ""Logging Methods"": [
                { ""Name"": ""LogPaid"", ""Parameters"": [
                    { ""Name"": ""email"", ""Type"": ""string"", ""File"": ""Billing/Log.cs"", ""Line"": ""7"", ""Classifications"": [ { ""Name"": ""PrivateData"" } ] },
                    { ""Name"": ""amount"", ""Type"": ""decimal"", ""File"": ""Billing/Log.cs"", ""Line"": ""7"" } ] }
            ]
        }
    ]
}";

        [Fact]
        public void Classified_members_and_logging_parameters_become_data_elements()
        {
            using var project = new TestProject().WithFixture();
            var report = Path.Combine(project.Root, "ComplianceReport.json");
            File.WriteAllText(report, Report);
            var (_, engine) = project.Run(t => t.ComplianceReportPath = report);

            Assert.Empty(engine.Warnings);
            var elements = Json.Load(project.Output("inventory.json")).Array("dataElements").Where(e => e.Str("origin") == "DataClassification").ToList();
            Assert.Equal(2, elements.Count);
            var card = elements.Single(e => e.Str("id") == "Sample.Billing.Invoice.CardNumber");
            Assert.Equal("Invoice.CardNumber", card.Str("member"));
            Assert.Equal("Sample.Billing.Invoice", card.Str("containingType"));
            Assert.Equal("PrivateData, FinancialData", card.Str("category"));
            Assert.Equal("Billing/Invoice.cs", card.Str("file"));
            Assert.Equal("12", card.Str("line"));
            var parameter = elements.Single(e => e.Str("id") == "Sample.Billing.Invoice.LogPaid(email)");
            Assert.Equal("parameter", parameter.Str("kind"));
            Assert.Equal("PrivateData", parameter.Str("category"));
        }

        [Fact]
        public void Unreadable_report_warns()
        {
            using var project = new TestProject().WithFixture();
            var report = Path.Combine(project.Root, "ComplianceReport.json");
            File.WriteAllText(report, "{ nope");
            var (_, engine) = project.Run(t => t.ComplianceReportPath = report);

            var warning = Assert.Single(engine.Warnings);
            Assert.Equal("RES010", warning.Code);
            Assert.Equal(report, warning.File);
        }
    }
}
