using Bitbucket.Authentication;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Chooses the authentication of one Bitbucket registration made by <c>AddBitbucket</c>. A registration has one
/// scheme; without one, requests are anonymous (public repositories only).
/// </summary>
public interface IBitbucketBuilder
{
    /// <summary>Gets the name of the registration: <see cref="Microsoft.Extensions.Options.Options.DefaultName"/> or the name given to <c>AddBitbucket</c>.</summary>
    string Name { get; }

    /// <summary>Gets the service collection the registration lives in.</summary>
    IServiceCollection Services { get; }

    /// <summary>Gets the builder of the named <see cref="HttpClient"/> the APIs use, for further handlers.</summary>
    IHttpClientBuilder HttpClientBuilder { get; }

    /// <summary>
    /// Authenticates with <c>Authorization: Basic</c>: the Atlassian account e-mail and an API token (today's way), or
    /// the legacy username and app password. Values left <see langword="null"/> come from the options
    /// (<c>Basic:Username</c>, <c>Basic:Secret</c>).
    /// </summary>
    /// <param name="username">The Atlassian e-mail (API token) or Bitbucket username (app password).</param>
    /// <param name="secret">The API token or app password.</param>
    /// <returns>This builder.</returns>
    IBitbucketBuilder WithBasicAuthentication(string? username = null, string? secret = null);

    /// <summary>
    /// Authenticates with a fixed <c>Authorization: Bearer</c> token: a repository, project or workspace access token,
    /// or any OAuth 2 access token. <see langword="null"/> reads <c>AccessToken</c> from the options.
    /// </summary>
    /// <param name="accessToken">The token.</param>
    /// <returns>This builder.</returns>
    IBitbucketBuilder WithAccessToken(string? accessToken = null);

    /// <summary>
    /// Signs requests with OAuth 1.0a (HMAC-SHA1): 1-legged with the consumer only, 3-legged with a token and its
    /// secret. Bitbucket calls OAuth 1 long deprecated; prefer OAuth 2 or API tokens. <see langword="null"/> values come
    /// from the options (<c>OAuth1:*</c>).
    /// </summary>
    /// <param name="consumerKey">The consumer key.</param>
    /// <param name="consumerSecret">The consumer secret.</param>
    /// <param name="token">The access token (3-legged).</param>
    /// <param name="tokenSecret">The access token's secret (3-legged).</param>
    /// <returns>This builder.</returns>
    IBitbucketBuilder WithOAuth1(string? consumerKey = null, string? consumerSecret = null, string? token = null, string? tokenSecret = null);

    /// <summary>
    /// Authenticates with tokens of the OAuth 2 client-credentials grant, fetched from the token endpoint with the
    /// client id and secret, cached until shortly before they expire, fetched once however many calls wait.
    /// <see langword="null"/> values come from the options (<c>OAuth2:*</c>).
    /// </summary>
    /// <param name="clientId">The OAuth consumer key.</param>
    /// <param name="clientSecret">The OAuth consumer secret.</param>
    /// <param name="scopes">The scopes to ask for; none asks for the consumer's configured scopes.</param>
    /// <returns>This builder.</returns>
    IBitbucketBuilder WithOAuth2ClientCredentials(string? clientId = null, string? clientSecret = null, IEnumerable<string>? scopes = null);

    /// <summary>
    /// Authenticates with tokens from a caller-supplied source (authorization-code users, refresh-token rotation,
    /// ASP.NET Core's saved tokens). On a 401 the source is asked once for a new token and the request sent once more.
    /// </summary>
    /// <param name="tokenSourceFactory">Creates the token source from the application's services.</param>
    /// <returns>This builder.</returns>
    IBitbucketBuilder WithOAuth2(Func<IServiceProvider, IBitbucketTokenSource> tokenSourceFactory);

    /// <summary>Authenticates with tokens from a caller-supplied source instance.</summary>
    /// <param name="tokenSource">The token source.</param>
    /// <returns>This builder.</returns>
    IBitbucketBuilder WithOAuth2(IBitbucketTokenSource tokenSource);
}
