using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace HelpDesk;

public static class Endpoints
{
    private static readonly HttpClient s_http = new() { BaseAddress = new Uri("https://api.segment.io/") };

    public static void Map(WebApplication app, IConfiguration configuration)
    {
        var tracker = configuration["Tracking:Endpoint"] ?? "https://api.mixpanel.com/track";
        app.MapGet("/me", async (ClaimsPrincipal user, HttpContext context, UserManager<AgentUser> users) =>
        {
            var email = user.FindFirst(ClaimTypes.Email)?.Value ?? user.FindFirstValue("email");
            var agent = await users.GetUserAsync(user);
            var address = context.Connection.RemoteIpAddress?.ToString();
            var agentName = context.Request.Headers.UserAgent.ToString();
            await s_http.PostAsJsonAsync("v1/identify", new { email, agent?.PhoneNumber, address, agentName });
            await new HttpClient().PostAsync(tracker, new StringContent(agent?.DisplayName ?? ""));
            return Results.Ok(new { email });
        });
        app.MapPost("/cases/{number:int}", async (int number, HttpRequest request, Assistant assistant, Notifier notifier, CancellationToken token) =>
        {
            var @case = CaseBook.Find(number);
            @case.Notes = request.Query["notes"].ToString();
            @case.Requester = @case.Requester with { Email = request.Form["email"].ToString() };
            CaseBook.Put(@case);
            var answer = await assistant.AskAsync(@case, "What should we do?");
            await notifier.ConfirmAsync(@case, token);
            notifier.Remind(CaseBook.Last ?? @case);
            return Results.Text(answer);
        });
    }
}
