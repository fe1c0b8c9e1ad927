using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelpDesk;

public sealed class MailSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
}

public static class Registration
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailSettings>(configuration.GetSection("Mail"));
        services.AddSingleton<OptionsNotifier>();
    }
}

public sealed class OptionsNotifier(IOptions<MailSettings> options)
{
    public void Send(Case @case)
    {
        using var smtp = new System.Net.Mail.SmtpClient(options.Value.Host, options.Value.Port);
        smtp.Send("desk@example.org", @case.Requester.Email, "Hello", "Body");
    }
}
