using System.Security.Claims;
using Bitbucket.Authentication;
using Bitbucket.Samples.Web.Integration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace Bitbucket.Samples.Web.Auth;

/// <summary>
/// "Login with Bitbucket" through OAuth 1.0a with the library's <see cref="OAuth1Flow"/>, the 3-legged dance of the old
/// PHP examples: a request token with a callback, the browser sent to Bitbucket's authorize page, then the request
/// token and the verifier Bitbucket hands back exchanged for the user's access token. Bitbucket calls OAuth 1 long
/// deprecated; new applications use OAuth 2.
/// </summary>
internal sealed class OAuth1SignIn(
    BitbucketTarget target,
    SampleOrigin origin,
    IHttpClientFactory httpClientFactory,
    IHostEnvironment environment,
    IDataProtectionProvider dataProtection,
    OAuth1Clients clients,
    ILogger<OAuth1SignIn> logger)
{
    /// <summary>The name of the HTTP client that talks to the OAuth 1 endpoints.</summary>
    public const string HttpClientName = "Bitbucket.Sample.OAuth1";

    private const string RequestTokenCookie = ".bitbucket-sample.oauth1";
    private static readonly TimeSpan RequestTokenLifetime = TimeSpan.FromMinutes(10);

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("Bitbucket.Samples.Web.OAuth1.RequestToken").ToTimeLimitedDataProtector();

    /// <summary>Gets a request token and sends the browser to Bitbucket's authorize page.</summary>
    public async Task<IResult> StartAsync(HttpContext context)
    {
        var flow = CreateFlow();
        // The callback is built on the configured origin, never on the request's Host header.
        var requestToken = await flow.GetRequestTokenAsync(origin.OAuth1Callback, context.RequestAborted);

        // The request token's secret is needed once more, after Bitbucket sends the browser back: keep it in an
        // encrypted, short-lived cookie scoped to the callback path.
        context.Response.Cookies.Append(
            RequestTokenCookie,
            _protector.Protect(requestToken.Token + "\n" + requestToken.TokenSecret, RequestTokenLifetime),
            new CookieOptions
            {
                HttpOnly = true,
                Secure = SampleAuth.SecureCookies(environment, context.Request),
                SameSite = SameSiteMode.Lax,
                Path = SampleAuth.OAuth1CallbackPath,
                MaxAge = RequestTokenLifetime,
                IsEssential = true,
            });
        return Results.Redirect(flow.GetAuthorizationUri(requestToken).AbsoluteUri);
    }

    /// <summary>Handles Bitbucket's redirect back: exchanges the verifier for the access token and signs the user in.</summary>
    public async Task<IResult> CompleteAsync(HttpContext context)
    {
        var query = context.Request.Query;
        string token = query["oauth_token"].ToString(), verifier = query["oauth_verifier"].ToString();
        var saved = context.Request.Cookies[RequestTokenCookie];
        context.Response.Cookies.Delete(RequestTokenCookie, new CookieOptions { Path = SampleAuth.OAuth1CallbackPath });
        if (string.IsNullOrEmpty(verifier))
        {
            return Results.Redirect("/?error=" + Uri.EscapeDataString("Bitbucket did not authorize the sign-in (OAuth 1.0a)."));
        }

        string[] parts;
        try
        {
            parts = saved is null ? [] : _protector.Unprotect(saved).Split('\n');
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            parts = [];
        }

        if (parts.Length != 2 || !string.Equals(parts[0], token, StringComparison.Ordinal))
        {
            logger.LogWarning("An OAuth 1 callback came without a matching request token (expired, or from another browser).");
            return Results.Redirect("/?error=" + Uri.EscapeDataString("The OAuth 1.0a sign-in expired or was started elsewhere; try again."));
        }

        var flow = CreateFlow();
        var accessToken = await flow.GetAccessTokenAsync(new OAuth1RequestToken(parts[0], parts[1]), verifier, context.RequestAborted);

        // A client that signs as this user, and the user it belongs to.
        var session = clients.For(accessToken.Token, accessToken.TokenSecret);
        var user = await session.Users.GetCurrentAsync(context.RequestAborted);

        var properties = new AuthenticationProperties();
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = SampleAuth.OAuth1TokenName, Value = accessToken.Token },
            new AuthenticationToken { Name = SampleAuth.OAuth1TokenSecretName, Value = accessToken.TokenSecret },
        ]);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(UserClaims.From(user, SampleAuth.OAuth1), SampleAuth.CookieScheme));
        await context.SignInAsync(SampleAuth.CookieScheme, principal, properties);
        return Results.Redirect("/profile");
    }

    private OAuth1Flow CreateFlow()
    {
        var consumer = target.OAuth1 ?? throw new InvalidOperationException("OAuth 1 is not configured (Bitbucket:OAuth1:ConsumerKey and ConsumerSecret).");
        return new OAuth1Flow(
            httpClientFactory.CreateClient(HttpClientName),
            consumer.Key,
            consumer.Secret,
            target.OAuth1Endpoints);
    }
}
