using System.Text.Encodings.Web;
using System.Text.Json;
using Bitbucket.Authentication;
using Bitbucket.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Bitbucket.Samples.Web.Auth;

/// <summary>
/// ASP.NET Core's OAuth handler with one change for Bitbucket: the authorization code is exchanged by the library's
/// <see cref="OAuth2Flow"/>, which sends the client id and secret in <c>Authorization: Basic</c> as Bitbucket documents
/// (the stock handler puts them in the form body).
/// </summary>
internal sealed class BitbucketOAuthHandler(
    IOptionsMonitor<OAuthOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    BitbucketTarget target)
    : OAuthHandler<OAuthOptions>(options, logger, encoder)
{
    /// <inheritdoc />
    protected override string BuildChallengeUrl(AuthenticationProperties properties, string redirectUri)
    {
        var url = base.BuildChallengeUrl(properties, redirectUri);
        if (Options.Scope.Count > 0)
        {
            return url;
        }

        // No scopes asked for: leave out the empty scope parameter, so Bitbucket grants the consumer's own permissions.
        var uri = new Uri(url);
        var query = QueryHelpers.ParseQuery(uri.Query);
        query.Remove("scope");
        return QueryHelpers.AddQueryString(uri.GetLeftPart(UriPartial.Path), query);
    }

    /// <inheritdoc />
    protected override async Task<OAuthTokenResponse> ExchangeCodeAsync(OAuthCodeExchangeContext context)
    {
        var flow = new OAuth2Flow(Backchannel, target.OAuth2Client(), new Uri(context.RedirectUri));
        try
        {
            var tokens = await flow.ExchangeCodeAsync(context.Code, Context.RequestAborted);

            // Hand the handler the token response as JSON: it reads access_token, refresh_token and expires_in from it.
            var json = JsonSerializer.SerializeToDocument(tokens, BitbucketJsonContext.Default.OAuth2TokenResponse);
            return OAuthTokenResponse.Success(json);
        }
        catch (BitbucketAuthenticationException ex)
        {
            // The message names the OAuth error (invalid_grant …), never the code or a secret.
            return OAuthTokenResponse.Failed(ex);
        }
    }
}
