using System.Security.Claims;
using System.Text;
using Bitbucket.Samples.Web.Auth;
using static Bitbucket.Samples.Web.Pages.Html;

namespace Bitbucket.Samples.Web.Pages;

/// <summary>The start page: where the app points, and the two ways to sign in.</summary>
internal static class HomePage
{
    public static IResult Render(HttpContext context, BitbucketTarget target)
    {
        var body = new StringBuilder("<h1>Login with Bitbucket</h1>");
        if (context.Request.Query["error"].ToString() is { Length: > 0 } error)
        {
            body.Append("<p class=\"error\" id=\"error\">").Append(E(error)).Append("</p>");
        }

        body.Append("<p>This sample signs you in with Bitbucket, then lists your repositories and the open pull requests in them, ")
            .Append("all through <strong>Bitbucket.Refit</strong>.</p>");
        body.Append(target.IsSandbox
            ? $"<p class=\"note\" id=\"target\">Connected to the embedded <strong>Bitbucket sandbox</strong> at <code>{E(target.Site.AbsoluteUri)}</code> (no account needed; its authorize page signs you in as its first user). Configure an OAuth consumer to use bitbucket.org instead.</p>"
            : $"<p class=\"note\" id=\"target\">Connected to <strong>{E(target.Site.Host)}</strong>.</p>");

        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            body.Append("<p>You are signed in as <strong>").Append(E(user.Identity.Name)).Append("</strong> through ")
                .Append(E(user.FindFirstValue(SampleAuth.SignInMethodClaim))).Append(".</p>")
                .Append("<p><a class=\"button\" id=\"profile\" href=\"/profile\">Your repositories and pull requests</a></p>");
        }

        body.Append("<h2>Sign in</h2><p>");
        body.Append(target.OAuth2 is null
            ? "<span class=\"button secondary\">OAuth 2: not configured</span>"
            : "<a class=\"button\" id=\"login-oauth2\" href=\"/login/oauth2\">Login with Bitbucket (OAuth 2)</a>");
        body.Append(target.OAuth1 is null
            ? "<span class=\"button secondary\">OAuth 1.0a: not configured</span>"
            : "<a class=\"button secondary\" id=\"login-oauth1\" href=\"/login/oauth1\">Login with Bitbucket (OAuth 1.0a)</a>");
        body.Append("</p><p class=\"note\">OAuth 2 uses Bitbucket.Refit's <code>OAuth2Flow</code> (a random <code>state</code>, checked in constant time before the code is exchanged); the access token is refreshed as it expires. ")
            .Append("OAuth 1.0a uses Bitbucket.Refit's <code>OAuth1Flow</code> and signs every request; Bitbucket calls OAuth 1 long deprecated, so prefer OAuth 2 or API tokens in new code.</p>");
        return Page("Login with Bitbucket", body.ToString(), user.Identity?.IsAuthenticated == true ? user.Identity.Name : null);
    }
}
