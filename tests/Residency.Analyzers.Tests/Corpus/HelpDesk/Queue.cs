using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace HelpDesk;

public sealed class MailQueue
{
    private readonly Channel<Case> _channel = Channel.CreateUnbounded<Case>();

    public void Enqueue(Case @case) => _channel.Writer.TryWrite(@case);

    public IAsyncEnumerable<Case> ReadAllAsync(CancellationToken token) => _channel.Reader.ReadAllAsync(token);
}

public sealed class MailWorker(MailQueue queue) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var @case in queue.ReadAllAsync(stoppingToken))
        {
            using var smtp = new System.Net.Mail.SmtpClient("smtp.sendgrid.net");
            await smtp.SendMailAsync("desk@example.org", @case.Requester.Email, "Queued", @case.Notes);
        }
    }
}
