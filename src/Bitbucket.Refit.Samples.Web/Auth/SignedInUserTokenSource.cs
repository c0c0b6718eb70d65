using System.Globalization;
using Bitbucket.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace Bitbucket.Samples.Web.Auth;

/// <summary>
/// The OAuth 2 tokens of the user of the current request, for <c>WithOAuth2(...)</c>: it reads what
/// <see cref="OAuth2SignIn"/> stored in the user's session (the auth cookie's server-side ticket), refreshes the access
/// token shortly before it expires (Bitbucket's last about an hour) and after a 401, and saves the rotated refresh token
/// by signing in again (a new session replaces the old one).
/// One instance serves every request: the user comes from <see cref="IHttpContextAccessor"/>.
/// </summary>
internal sealed class SignedInUserTokenSource(
    IHttpContextAccessor httpContextAccessor,
    OAuth2Refresher refresher,
    TimeProvider timeProvider,
    ILogger<SignedInUserTokenSource> logger) : IBitbucketTokenSource
{
    /// <summary>
    /// The <see cref="HttpContext.Items"/> key of an access token obtained during this very request, before the cookie
    /// exists (<see cref="OAuth2SignIn"/> reads the user with it).
    /// </summary>
    public const string PendingAccessTokenKey = "Bitbucket.Sample.PendingAccessToken";

    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var context = CurrentContext();
        if (context.Items[PendingAccessTokenKey] is string pending)
        {
            return pending;
        }

        var tokens = await UserTokens.GetAsync(context);
        await tokens.Gate.WaitAsync(cancellationToken);
        try
        {
            if (tokens.AccessToken is { Length: > 0 } accessToken && timeProvider.GetUtcNow() < tokens.ExpiresAt - Skew)
            {
                return accessToken;
            }

            return await RefreshAsync(context, tokens, "it expires", cancellationToken);
        }
        finally
        {
            tokens.Gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> OnUnauthorizedAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        var context = CurrentContext();
        if (context.Items[PendingAccessTokenKey] is string)
        {
            return false;
        }

        var tokens = await UserTokens.GetAsync(context);
        await tokens.Gate.WaitAsync(cancellationToken);
        try
        {
            if (!string.Equals(tokens.AccessToken, rejectedToken, StringComparison.Ordinal))
            {
                return true; // another call already replaced it
            }

            await RefreshAsync(context, tokens, "Bitbucket refused it", cancellationToken);
            return true;
        }
        finally
        {
            tokens.Gate.Release();
        }
    }

    private HttpContext CurrentContext() =>
        httpContextAccessor.HttpContext
        ?? throw new BitbucketAuthenticationException("There is no current HTTP request, so no signed-in user whose Bitbucket token could be used.");

    private async Task<string> RefreshAsync(HttpContext context, UserTokens tokens, string why, CancellationToken cancellationToken)
    {
        if (tokens.RefreshToken is not { Length: > 0 } refreshToken)
        {
            throw new BitbucketAuthenticationException("The signed-in user has no OAuth 2 refresh token; sign in again.");
        }

        logger.LogInformation("Refreshing the OAuth 2 access token of {User} because {Why}.", context.User.Identity?.Name, why);
        var response = await refresher.RefreshAsync(refreshToken, cancellationToken);
        var now = timeProvider.GetUtcNow();
        tokens.AccessToken = response.AccessToken!;
        tokens.RefreshToken = response.RefreshToken ?? refreshToken; // Bitbucket rotates it on every use
        tokens.ExpiresAt = now + TimeSpan.FromSeconds(response.ExpiresIn is > 0 and { } seconds ? seconds : 3600);

        var properties = tokens.Ticket.Properties;
        properties.UpdateTokenValue("access_token", tokens.AccessToken);
        properties.UpdateTokenValue("refresh_token", tokens.RefreshToken);
        properties.UpdateTokenValue("expires_at", tokens.ExpiresAt.ToString("o", CultureInfo.InvariantCulture));
        if (context.Response.HasStarted)
        {
            logger.LogWarning("The refreshed OAuth 2 tokens of {User} could not be saved: the response had started.", context.User.Identity?.Name);
        }
        else
        {
            await context.SignInAsync(SampleAuth.CookieScheme, tokens.Ticket.Principal, properties);
        }

        return tokens.AccessToken;
    }

    /// <summary>The tokens of the current request's user, read from the cookie once per request.</summary>
    private sealed class UserTokens
    {
        private UserTokens(AuthenticationTicket ticket)
        {
            Ticket = ticket;
            AccessToken = ticket.Properties.GetTokenValue("access_token");
            RefreshToken = ticket.Properties.GetTokenValue("refresh_token");
            ExpiresAt = DateTimeOffset.TryParse(ticket.Properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt)
                ? expiresAt
                : DateTimeOffset.MinValue;
        }

        public AuthenticationTicket Ticket { get; }

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public string? AccessToken { get; set; }

        public string? RefreshToken { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }

        public static async Task<UserTokens> GetAsync(HttpContext context)
        {
            if (context.Items[typeof(UserTokens)] is UserTokens cached)
            {
                return cached;
            }

            var result = await context.AuthenticateAsync(SampleAuth.CookieScheme);
            if (result.Ticket is not { } ticket || ticket.Principal.FindFirst(SampleAuth.SignInMethodClaim)?.Value != SampleAuth.OAuth2)
            {
                throw new BitbucketAuthenticationException("Nobody is signed in with Bitbucket through OAuth 2 in this request.");
            }

            var tokens = new UserTokens(ticket);
            context.Items[typeof(UserTokens)] = tokens;
            return tokens;
        }
    }
}
