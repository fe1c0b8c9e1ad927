using System.IO;
using System.Linq;
using Residency.Build.Writing;
using Xunit;

namespace Residency.Build.Tests
{
    public class CsvTests
    {
        [Fact]
        public void Header_is_fixed_and_there_is_one_row_per_flow()
        {
            using var project = new TestProject().WithFixture();
            project.Run();
            var lines = File.ReadAllText(project.Output("inventory.csv")).Split('\n');

            Assert.Equal("assembly,status,rule,sources,categories,special_categories,sink,sink_kind,recipient,host,region,mechanism,justification,path,method,file,line,treatment", lines[0]);
            Assert.Equal(7 + 2, lines.Length); // header, 7 flows, and the empty string after the final '\n'
            Assert.Equal("", lines[^1]);
            Assert.Contains("Sample,violation,RES001,Sample.Customer.Email,contact.email,,UsCrm.Send,annotation,Acme CRM,,US,,,Sync > Forward > UsCrm.Send,Sample.CustomerService.Sync(Customer),Services/CustomerService.cs,42,reported", lines);
            Assert.Contains(lines, l => l.StartsWith("Sample,special,RES002,Sample.Patient.Diagnosis,,health,", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Fields_are_quoted_as_RFC_4180_requires()
        {
            Assert.Equal("", CsvInventoryWriter.Field(null));
            Assert.Equal("plain", CsvInventoryWriter.Field("plain"));
            Assert.Equal("\"a,b\"", CsvInventoryWriter.Field("a,b"));
            Assert.Equal("\"say \"\"hi\"\"\"", CsvInventoryWriter.Field("say \"hi\""));
            Assert.Equal("\"two\nlines\"", CsvInventoryWriter.Field("two\nlines"));
            Assert.Equal("\" padded \"", CsvInventoryWriter.Field(" padded "));
            Assert.Equal("'=HYPERLINK(1)", CsvInventoryWriter.Field("=HYPERLINK(1)"));
            Assert.Equal("-1", CsvInventoryWriter.Field("-1"));
        }

        [Fact]
        public void Justification_with_commas_and_quotes_survives_a_round_trip()
        {
            using var project = new TestProject();
            project.WithFacts(new FactsBuilder()
                .Flow("RES005", project.ProjectUri + "/A.cs", 3, FactsBuilder.FlowData("declared", "S.C.Email", "C.Email", "contact.email", "Crm.Send", "US", "Acme, Inc.", "SCCs \"2021/914\", module 2"))
                .ToString());
            project.Run();
            var row = File.ReadAllText(project.Output("inventory.csv")).Split('\n')[1];

            Assert.Equal("Sample,declared,RES005,S.C.Email,contact.email,,Crm.Send,annotation,\"Acme, Inc.\",,US,StandardContractualClauses,\"SCCs \"\"2021/914\"\", module 2\",Crm.Send,Lib.Service.Send(),A.cs,3,reported", row);
        }
    }
}
