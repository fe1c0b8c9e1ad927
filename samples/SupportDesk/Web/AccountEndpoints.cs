using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SupportDesk.Services;

namespace SupportDesk.Web;

/// <summary>
/// The customer portal's account endpoints: sign in (a cookie with the user's claims), then "call me back", which hands
/// the signed-in user's e-mail claim to the sales CRM in the United States. No annotation anywhere: a claim is personal
/// data by its type.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-in", SignInAsync);
        app.MapPost("/account/call-me-back", CallMeBackAsync);
        return app;
    }

    public static async Task<IResult> SignInAsync(HttpContext context, string email, string name)
    {
        var identity = new ClaimsIdentity(
            new[] { new Claim(ClaimTypes.Email, email), new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, "customer") },
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.Ok();
    }

    public static async Task<IResult> CallMeBackAsync(ClaimsPrincipal user, CrmClient crm)
    {
        var email = user.FindFirstValue(ClaimTypes.Email) ?? "";
        var role = user.FindFirstValue(ClaimTypes.Role) ?? "";
        await crm.UpsertContactAsync(email, $"portal {role}");
        return Results.Accepted();
    }
}
