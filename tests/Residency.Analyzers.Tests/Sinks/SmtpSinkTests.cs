using System.Threading.Tasks;
using static Residency.Analyzers.Tests.Sinks.PackageTest;

namespace Residency.Analyzers.Tests.Sinks
{
    /// <summary>E-mail as a sink: System.Net.Mail.SmtpClient and MailKit's SmtpClient, region from the SMTP host.</summary>
    public class SmtpSinkTests
    {
        private const string NetMail = "using System.Net.Mail;\n";
        private const string MailKitUses = "using MailKit.Net.Smtp;\nusing MailKit.Security;\nusing MimeKit;\n";

        [Fact]
        public Task SystemNetMailToUsProviderIsRes001() => VerifyAsync(NetMail + @"
class Mailer
{
    async Task Send(Customer customer)
    {
        using var smtp = new SmtpClient(""smtp.sendgrid.net"", 587);
        var message = new MailMessage(""shop@example.com"", customer.Email, ""Your order"", ""Thanks"");
        await {|#0:smtp.SendMailAsync(message)|};
        {|#1:smtp.Send(""shop@example.com"", customer.Email, ""Hi"", ""Body"")|};
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task SystemNetMailRecipientsAndBodyAddedLaterAreSent() => VerifyAsync(NetMail + @"
class Mailer
{
    async Task Send(Customer customer)
    {
        var smtp = new SmtpClient();
        smtp.Host = ""smtp.postmarkapp.com"";
        var message = new MailMessage();
        message.To.Add(new MailAddress(customer.Email, customer.Name));
        await {|#0:smtp.SendMailAsync(message)|};
        var body = new MailMessage { Body = ""Dear "" + customer.Name };
        await {|#1:smtp.SendMailAsync(body)|};
    }
}", Res001(0), Res001(1));

        [Fact]
        public Task SystemNetMailToEuProviderOrLoopbackIsClean() => VerifyAsync(NetMail + @"
class Mailer
{
    async Task Send(Customer customer)
    {
        var eu = new SmtpClient { Host = ""smtp.eu.mailgun.org"" };
        await eu.SendMailAsync(""shop@example.com"", customer.Email, ""Hi"", ""Body"");
        var brevo = new SmtpClient(""smtp-relay.brevo.com"");
        await brevo.SendMailAsync(""shop@example.com"", customer.Email, ""Hi"", ""Body"");
        var local = new SmtpClient(""localhost"", 25);
        await local.SendMailAsync(""shop@example.com"", customer.Email, ""Hi"", ""Body"");
        var ses = new SmtpClient(""email-smtp.eu-west-1.amazonaws.com"");
        await ses.SendMailAsync(""shop@example.com"", customer.Email, ""Hi"", ""Body"");
    }
}");

        [Fact]
        public Task SystemNetMailHostFromConfigurationAppSettings() => VerifyAsync(NetMail + "using Microsoft.Extensions.Configuration;\n" + @"
class Mailer(IConfiguration configuration)
{
    async Task Send(Customer customer)
    {
        var smtp = new SmtpClient(configuration[""Smtp:Host""]);
        await {|#0:smtp.SendMailAsync(""shop@example.com"", customer.Email, ""Hi"", ""Body"")|};
    }
}", new[] { ("/0/appsettings.json", "{ \"Smtp\": { \"Host\": \"email-smtp.us-east-1.amazonaws.com\" } }") }, Res001(0));

        [Fact]
        public Task SystemNetMailWithoutHostIsUnknown() => VerifyAsync(NetMail + @"
class Mailer
{
    async Task Send(Customer customer)
    {
        var smtp = new SmtpClient();
        await {|#0:smtp.SendMailAsync(""shop@example.com"", customer.Email, ""Hi"", ""Body"")|};
    }
}", Res003(0));

        [Fact]
        public Task MailKitConnectThenSendIsResolvedByTheConnectHost() => VerifyAsync(MailKitUses + @"
class Mailer
{
    async Task Send(Customer customer)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(""Shop"", ""shop@example.com""));
        message.To.Add(new MailboxAddress(customer.Name, customer.Email));
        message.Subject = ""Your order"";
        message.Body = new TextPart(""plain"") { Text = ""Thanks"" };
        using var client = new SmtpClient();
        await client.ConnectAsync(""smtp.mailgun.org"", 587, SecureSocketOptions.StartTls);
        await client.AuthenticateAsync(""user"", ""password"");
        await {|#0:client.SendAsync(message)|};
        await client.DisconnectAsync(true);
    }
}", Res001(0));

        [Fact]
        public Task MailKitToEuHostOrMessageWithoutPersonalDataIsClean() => VerifyAsync(MailKitUses + @"
class Mailer
{
    private readonly SmtpClient _client = new SmtpClient();

    async Task Connect() => await _client.ConnectAsync(""in-v3.mailjet.com"", 587);

    async Task Send(Customer customer)
    {
        var message = new MimeMessage();
        message.To.Add(MailboxAddress.Parse(customer.Email));
        await _client.SendAsync(message);
        using var us = new SmtpClient();
        await us.ConnectAsync(""smtp.sendgrid.net"", 587);
        var newsletter = new MimeMessage { Subject = ""News for customer #"" + customer.Id };
        await us.SendAsync(newsletter);
    }
}");

        [Fact]
        public void ConnectAndAuthenticateAreNotSinks()
        {
            var sinks = Resolve(MailKitUses + @"
class Mailer
{
    async Task Send(MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(""smtp.eu.mailgun.org"", 587);
        await client.AuthenticateAsync(""user"", ""password"");
        await client.SendAsync(message);
    }
}");
            var call = Assert.Single(sinks);
            Assert.StartsWith("client.SendAsync", call.Call);
            Assert.Equal("EU", call.Sink.Sink.Region.Code);
            Assert.Equal("Mailgun (Sinch)", call.Sink.Sink.Recipient);
        }
    }
}
