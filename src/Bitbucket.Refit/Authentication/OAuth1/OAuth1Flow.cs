using System.Net.Http.Headers;
using Bitbucket;

namespace Bitbucket.Authentication;

/// <summary>
/// The OAuth 1.0a three-legged dance with Bitbucket: get a request token for a callback, send the user to the
/// authorization page, then trade the request token and the verifier Bitbucket returned for an access token. Sign API
/// calls with that token through <c>WithOAuth1(consumerKey, consumerSecret, token, tokenSecret)</c>.
/// </summary>
/// <remarks>
/// Bitbucket calls OAuth 1 long deprecated. It keeps working, and this class keeps working with it, but new code should
/// use OAuth 2 (<see cref="OAuth2Flow"/>) or API tokens (Basic authentication with the Atlassian e-mail).
/// </remarks>
/// <example>
/// <code>
/// var flow = new OAuth1Flow(httpClient, consumerKey, consumerSecret);
/// var requestToken = await flow.GetRequestTokenAsync(new Uri("https://app.example/oauth1/callback"), ct);
/// // keep requestToken (its secret too) for the callback, then redirect the browser:
/// var authorize = flow.GetAuthorizationUri(requestToken);
/// // in the callback, with ?oauth_token=…&amp;oauth_verifier=…:
/// var access = await flow.GetAccessTokenAsync(requestToken, verifier, ct);
/// services.AddBitbucket().WithOAuth1(consumerKey, consumerSecret, access.Token, access.TokenSecret);
/// </code>
/// </example>
public sealed class OAuth1Flow
{
    private readonly HttpClient _httpClient;
    private readonly string _consumerKey;
    private readonly string _consumerSecret;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="OAuth1Flow"/> class.</summary>
    /// <param name="httpClient">The client that posts to the token endpoints (no base address or credentials needed).</param>
    /// <param name="consumerKey">The consumer key.</param>
    /// <param name="consumerSecret">The consumer secret.</param>
    /// <param name="endpoints">The endpoints; Bitbucket Cloud's when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for <c>oauth_timestamp</c>; the system clock when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The key or secret is empty.</exception>
    public OAuth1Flow(HttpClient httpClient, string consumerKey, string consumerSecret, OAuth1Endpoints? endpoints = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerSecret);
        var chosen = endpoints ?? OAuth1Endpoints.Bitbucket;
        SecretEndpoint.RequireHttps(chosen.RequestToken, "OAuth 1 request-token endpoint", nameof(endpoints));
        SecretEndpoint.RequireHttps(chosen.Authorization, "OAuth 1 authorization page", nameof(endpoints));
        SecretEndpoint.RequireHttps(chosen.AccessToken, "OAuth 1 access-token endpoint", nameof(endpoints));
        _httpClient = httpClient;
        _consumerKey = consumerKey;
        _consumerSecret = consumerSecret;
        Endpoints = endpoints ?? OAuth1Endpoints.Bitbucket;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets the endpoints the flow talks to.</summary>
    public OAuth1Endpoints Endpoints { get; }

    /// <summary>Gets the consumer key (not a secret).</summary>
    public string ConsumerKey => _consumerKey;

    /// <summary>
    /// Asks for a request token (temporary credentials), signed with the consumer alone and carrying the callback.
    /// </summary>
    /// <param name="callback">Where Bitbucket sends the user back with <c>oauth_token</c> and <c>oauth_verifier</c>;
    /// <see langword="null"/> for out-of-band (<c>oob</c>): the user copies the verifier by hand.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The request token and its secret; keep both until <see cref="GetAccessTokenAsync"/>.</returns>
    /// <exception cref="BitbucketAuthenticationException">The endpoint refused the request or answered without a token.</exception>
    public async Task<OAuth1RequestToken> GetRequestTokenAsync(Uri? callback, CancellationToken cancellationToken = default)
    {
        if (callback is { IsAbsoluteUri: false })
        {
            throw new ArgumentException("The OAuth 1 callback must be an absolute URI.", nameof(callback));
        }

        var values = await PostAsync(
            Endpoints.RequestToken,
            new OAuth1Credentials(_consumerKey, _consumerSecret),
            [new("oauth_callback", callback?.AbsoluteUri ?? "oob")],
            "request token",
            cancellationToken).ConfigureAwait(false);
        var (token, secret) = RequireToken(values, Endpoints.RequestToken, "request token");
        var confirmed = string.Equals(Find(values, "oauth_callback_confirmed"), "true", StringComparison.OrdinalIgnoreCase);
        if (!confirmed)
        {
            throw new BitbucketAuthenticationException(
                $"The OAuth 1 request-token endpoint {SecretRedactor.RedactUrl(Endpoints.RequestToken)} did not confirm the callback (oauth_callback_confirmed is not 'true'), as OAuth 1.0a requires.");
        }

        return new OAuth1RequestToken(token, secret, confirmed);
    }

    /// <summary>Builds the URL of the page where the user grants the consumer access.</summary>
    /// <param name="requestToken">The request token from <see cref="GetRequestTokenAsync"/>.</param>
    /// <returns>The authorization URL with <c>oauth_token</c>; send the user's browser there.</returns>
    public Uri GetAuthorizationUri(OAuth1RequestToken requestToken)
    {
        ArgumentNullException.ThrowIfNull(requestToken);
        var builder = new UriBuilder(Endpoints.Authorization);
        var query = builder.Query.TrimStart('?');
        builder.Query = (query.Length > 0 ? query + "&" : string.Empty) + "oauth_token=" + Uri.EscapeDataString(requestToken.Token);
        return builder.Uri;
    }

    /// <summary>
    /// Trades the authorized request token and the verifier for an access token, signed with the consumer and the
    /// request token.
    /// </summary>
    /// <param name="requestToken">The request token the user authorized.</param>
    /// <param name="verifier">The <c>oauth_verifier</c> Bitbucket passed to the callback (or showed, out of band).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The access token and its secret, to sign API requests 3-legged.</returns>
    /// <exception cref="BitbucketAuthenticationException">The endpoint refused the exchange (wrong verifier, reused or expired token).</exception>
    public async Task<OAuth1AccessToken> GetAccessTokenAsync(OAuth1RequestToken requestToken, string verifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(verifier);
        var values = await PostAsync(
            Endpoints.AccessToken,
            new OAuth1Credentials(_consumerKey, _consumerSecret, requestToken.Token, requestToken.TokenSecret),
            [new("oauth_verifier", verifier)],
            "access token",
            cancellationToken).ConfigureAwait(false);
        var (token, secret) = RequireToken(values, Endpoints.AccessToken, "access token");
        return new OAuth1AccessToken(token, secret);
    }

    /// <summary>Returns the credentials that sign API requests with an access token from this flow.</summary>
    /// <param name="accessToken">The access token.</param>
    /// <returns>3-legged credentials.</returns>
    public OAuth1Credentials CreateCredentials(OAuth1AccessToken accessToken)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        return new OAuth1Credentials(_consumerKey, _consumerSecret, accessToken.Token, accessToken.TokenSecret);
    }

    /// <inheritdoc />
    public override string ToString() => $"OAuth1Flow {{ ConsumerKey = {_consumerKey}, ConsumerSecret = *** }}";

    private static string? Find(IReadOnlyList<KeyValuePair<string, string>> values, string name)
    {
        foreach (var pair in values)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    private static (string Token, string Secret) RequireToken(IReadOnlyList<KeyValuePair<string, string>> values, Uri endpoint, string what)
    {
        var token = Find(values, "oauth_token");
        var secret = Find(values, "oauth_token_secret");
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(secret))
        {
            throw new BitbucketAuthenticationException($"The OAuth 1 {what} endpoint {SecretRedactor.RedactUrl(endpoint)} answered without oauth_token and oauth_token_secret.");
        }

        return (token, secret);
    }

    private async Task<IReadOnlyList<KeyValuePair<string, string>>> PostAsync(
        Uri endpoint,
        OAuth1Credentials credentials,
        IEnumerable<KeyValuePair<string, string>> protocolParameters,
        string what,
        CancellationToken cancellationToken)
    {
        var signer = new OAuth1Signer(credentials, _timeProvider);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        var header = signer.CreateAuthorizationHeader(HttpMethod.Post, endpoint, null, protocolParameters);
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", header["OAuth ".Length..]);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-www-form-urlencoded"));

        var secrets = OAuth1SigningHandler.SecretsOf(credentials, request.Headers.Authorization.Parameter!);
        var (status, reasonPhrase, body) = await SecretEndpoint.SendAsync(_httpClient, request, $"OAuth 1 {what} endpoint", secrets, cancellationToken).ConfigureAwait(false);
        if ((int)status is < 200 or >= 300)
        {
            // The body of a refusal is a short problem description: keep its first line, without anything secret.
            var reason = SecretRedactor.Redact(body.Split('\n', 2)[0].Trim(), secrets) ?? string.Empty;
            if (reason.Length > 200 || reason.Contains("oauth_token_secret", StringComparison.Ordinal))
            {
                reason = string.Empty;
            }

            throw new BitbucketAuthenticationException(
                $"The OAuth 1 {what} endpoint {SecretRedactor.RedactUrl(endpoint)} answered {(int)status} {reasonPhrase}" + (reason.Length == 0 ? "." : $": {reason}"),
                statusCode: status);
        }

        return OAuth1Signer.ParseFormEncoded(body);
    }
}

/// <summary>The three OAuth 1.0a endpoints of a Bitbucket installation.</summary>
/// <param name="RequestToken">Where request tokens are obtained.</param>
/// <param name="Authorization">The page where the user authorizes a request token.</param>
/// <param name="AccessToken">Where an authorized request token and its verifier are traded for an access token.</param>
public sealed record OAuth1Endpoints(Uri RequestToken, Uri Authorization, Uri AccessToken)
{
    /// <summary>Gets Bitbucket Cloud's endpoints, under <c>https://bitbucket.org/api/1.0/oauth/</c>.</summary>
    public static OAuth1Endpoints Bitbucket { get; } = new(
        new Uri("https://bitbucket.org/api/1.0/oauth/request_token"),
        new Uri("https://bitbucket.org/api/1.0/oauth/authenticate"),
        new Uri("https://bitbucket.org/api/1.0/oauth/access_token"));
}

/// <summary>An OAuth 1.0a request token (temporary credentials) and its secret.</summary>
public sealed class OAuth1RequestToken
{
    /// <summary>Initializes a new instance of the <see cref="OAuth1RequestToken"/> class.</summary>
    /// <param name="token">The request token.</param>
    /// <param name="tokenSecret">Its secret.</param>
    /// <param name="callbackConfirmed">Whether the server confirmed the callback.</param>
    public OAuth1RequestToken(string token, string tokenSecret, bool callbackConfirmed = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentException.ThrowIfNullOrEmpty(tokenSecret);
        Token = token;
        TokenSecret = tokenSecret;
        CallbackConfirmed = callbackConfirmed;
    }

    /// <summary>Gets the request token (it travels in the authorization URL and comes back to the callback).</summary>
    public string Token { get; }

    /// <summary>Gets the request token's secret; keep it server-side until the access-token exchange.</summary>
    public string TokenSecret { get; }

    /// <summary>Gets whether the server confirmed the callback (<c>oauth_callback_confirmed=true</c>).</summary>
    public bool CallbackConfirmed { get; }

    /// <inheritdoc />
    public override string ToString() => $"OAuth1RequestToken {{ Token = {Token}, TokenSecret = *** }}";
}

/// <summary>An OAuth 1.0a access token (token credentials) and its secret.</summary>
public sealed class OAuth1AccessToken
{
    /// <summary>Initializes a new instance of the <see cref="OAuth1AccessToken"/> class.</summary>
    /// <param name="token">The access token.</param>
    /// <param name="tokenSecret">Its secret.</param>
    public OAuth1AccessToken(string token, string tokenSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentException.ThrowIfNullOrEmpty(tokenSecret);
        Token = token;
        TokenSecret = tokenSecret;
    }

    /// <summary>Gets the access token.</summary>
    public string Token { get; }

    /// <summary>Gets the access token's secret.</summary>
    public string TokenSecret { get; }

    /// <inheritdoc />
    public override string ToString() => "OAuth1AccessToken { Token = ***, TokenSecret = *** }";
}
