using Bitbucket;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;

namespace Bitbucket.Samples.Web.Auth;

/// <summary>
/// "Login with Bitbucket" through OAuth 2: ASP.NET Core's own OAuth handler (<c>AddOAuth</c>, part of the shared
/// framework) pointed at Bitbucket's authorize and token endpoints, saving the tokens in the auth cookie.
/// </summary>
internal static class OAuth2SignIn
{
    /// <summary>Adds the cookie that keeps the user and the OAuth 2 handler that signs them in.</summary>
    public static AuthenticationBuilder AddBitbucketSignIn(this IServiceCollection services, BitbucketTarget target)
    {
        return services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = SampleAuth.CookieScheme;
                o.DefaultChallengeScheme = SampleAuth.CookieScheme;
            })
            .AddCookie(SampleAuth.CookieScheme, o =>
            {
                o.Cookie.Name = ".bitbucket-sample";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // the sample serves plain http on loopback
                o.LoginPath = "/";
                o.ReturnUrlParameter = "returnUrl";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
            })
            .AddOAuth<OAuthOptions, BitbucketOAuthHandler>(SampleAuth.OAuth2Scheme, "Bitbucket (OAuth 2)", o =>
            {
                o.SignInScheme = SampleAuth.CookieScheme;
                o.ClientId = target.OAuth2?.Key ?? "not-configured";
                o.ClientSecret = target.OAuth2?.Secret ?? "not-configured";
                o.AuthorizationEndpoint = target.OAuth2AuthorizeEndpoint.AbsoluteUri;
                o.TokenEndpoint = target.OAuth2TokenEndpoint.AbsoluteUri;
                o.CallbackPath = SampleAuth.OAuth2CallbackPath;
                o.SaveTokens = true; // access_token, refresh_token, expires_at: read back by SignedInUserTokenSource
                foreach (var scope in target.OAuth2Scopes)
                {
                    o.Scope.Add(scope);
                }

                // The correlation cookie must survive the round trip over plain http on 127.0.0.1.
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.Events.OnCreatingTicket = OnCreatingTicketAsync;
                o.Events.OnRemoteFailure = context =>
                {
                    var denied = context.Request.Query["error"] == "access_denied";
                    var message = denied
                        ? "Bitbucket did not authorize the sign-in (OAuth 2)."
                        : "The OAuth 2 sign-in failed: " + context.Failure?.Message;
                    context.Response.Redirect("/?error=" + Uri.EscapeDataString(message));
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });
    }

    /// <summary>Reads the user with the new access token through Bitbucket.Refit's <see cref="IUsersApi"/> and makes the claims.</summary>
    private static async Task OnCreatingTicketAsync(OAuthCreatingTicketContext context)
    {
        // The cookie does not exist yet: hand the token to the token source for this request only.
        var items = context.HttpContext.Items;
        items[SignedInUserTokenSource.PendingAccessTokenKey] = context.AccessToken;
        try
        {
            var users = context.HttpContext.RequestServices.GetRequiredService<IUsersApi>();
            var user = await users.GetCurrentAsync(context.HttpContext.RequestAborted);
            context.Identity!.AddClaims(UserClaims.From(user, SampleAuth.OAuth2));
        }
        finally
        {
            items.Remove(SignedInUserTokenSource.PendingAccessTokenKey);
        }
    }
}
