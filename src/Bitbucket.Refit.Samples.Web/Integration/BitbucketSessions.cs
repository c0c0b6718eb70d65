using Bitbucket.Authentication;
using Bitbucket.Samples.Web.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Bitbucket.Samples.Web.Integration;

/// <summary>
/// Picks the Bitbucket client of the signed-in user: the app's <c>WithOAuth2(...)</c> registration for OAuth 2 users
/// (its token source reads the user's tokens from the request), or a per-user <c>WithOAuth1(...)</c> registration
/// for OAuth 1 users.
/// </summary>
internal sealed class BitbucketSessions(IBitbucketClient client, OAuth1Clients oauth1Clients)
{
    /// <summary>Gets the session of the current request's user.</summary>
    public async Task<BitbucketSession> ForCurrentUserAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(SampleAuth.CookieScheme);
        if (result.Ticket is not { } ticket)
        {
            throw new BitbucketAuthenticationException("Nobody is signed in.");
        }

        if (ticket.Principal.FindFirst(SampleAuth.SignInMethodClaim)?.Value == SampleAuth.OAuth1)
        {
            var token = ticket.Properties.GetTokenValue(SampleAuth.OAuth1TokenName);
            var secret = ticket.Properties.GetTokenValue(SampleAuth.OAuth1TokenSecretName);
            if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(secret))
            {
                throw new BitbucketAuthenticationException("The OAuth 1 token of the signed-in user is missing; sign in again.");
            }

            return oauth1Clients.For(token, secret);
        }

        return BitbucketSession.From(client);
    }
}
