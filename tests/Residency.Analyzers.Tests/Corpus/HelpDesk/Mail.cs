using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace HelpDesk;

/// <summary>Tells requesters about their cases, through two mail providers.</summary>
public sealed class Notifier
{
    private readonly string _host;

    public Notifier(string host) => _host = host;

    public async Task ConfirmAsync(Case @case, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Help desk", "desk@example.org"));
        message.To.Add(new MailboxAddress(@case.Requester.Name, @case.Requester.Email));
        message.Subject = $"Case {@case.Number}";
        message.Body = new TextPart("plain") { Text = "Dear " + @case.Requester.Name };
        using var client = new SmtpClient();
        await client.ConnectAsync("smtp.sendgrid.net", 587, SecureSocketOptions.StartTls, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }

    public void Remind(Case @case)
    {
        using var smtp = new System.Net.Mail.SmtpClient(_host) { Port = 25 };
        var mail = new System.Net.Mail.MailMessage("desk@example.org", @case.Requester.Email)
        {
            Subject = "Reminder",
            Body = string.Join("\n", @case.History),
        };
        smtp.Send(mail);
        var eu = new System.Net.Mail.SmtpClient("smtp.eu.mailgun.org");
        eu.Send("desk@example.org", @case.Requester.Email, "Reminder", @case.Notes);
    }
}
