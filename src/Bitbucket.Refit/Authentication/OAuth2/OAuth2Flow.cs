using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Bitbucket;
using Bitbucket.Serialization;

namespace Bitbucket.Authentication;

/// <summary>
/// Bitbucket's OAuth 2 grants for an OAuth consumer: the authorization-code flow (authorize URL with <c>state</c>, code
/// exchange), refresh-token rotation, client credentials, and Bitbucket's own <c>urn:bitbucket:oauth2:jwt</c> grant.
/// The client id and secret go to the token endpoint as Basic authentication, never in a URL.
/// </summary>
/// <remarks>
/// Bitbucket rotates refresh tokens: every refresh returns a new one and the old one stops working, so persist
/// <see cref="OAuth2TokenResponse.RefreshToken"/> after each call (or let <see cref="RefreshTokenSource"/> call you back
/// to do it). Access tokens last about an hour.
/// </remarks>
/// <example>
/// <code>
/// var flow = new OAuth2Flow(httpClient, clientId, clientSecret, redirectUri: new Uri("https://app.example/signin-bitbucket"));
/// var state = OAuth2Flow.CreateState();              // keep it in the user's session (or an encrypted cookie)
/// var authorize = flow.GetAuthorizationUri(state);   // redirect the browser there
/// // in the callback: the state is compared in constant time before the code is sent anywhere
/// var tokens = await flow.ExchangeCodeAsync(code, expectedState: state, receivedState: query["state"], ct);
/// services.AddBitbucket().WithOAuth2(new RefreshTokenSource(flow, tokens, (t, ct) => store.SaveAsync(t.RefreshToken!, ct)));
/// </code>
/// </example>
public sealed class OAuth2Flow
{
    /// <summary>
    /// The fewest characters a <c>state</c> may have in <see cref="ExchangeCodeAsync(string, string, string, CancellationToken)"/>:
    /// 22 URL-safe base64 characters carry 128 bits. <see cref="CreateState"/> makes 43 (256 bits).
    /// </summary>
    public const int MinimumStateLength = 22;

    private const string JwtGrant = "urn:bitbucket:oauth2:jwt";

    private readonly OAuth2TokenClient _tokenClient;
    private readonly string _clientId;

    /// <summary>Initializes a new instance of the <see cref="OAuth2Flow"/> class for Bitbucket Cloud's endpoints.</summary>
    /// <param name="httpClient">The client that posts to the token endpoint (no base address or credentials needed).</param>
    /// <param name="clientId">The OAuth consumer key.</param>
    /// <param name="clientSecret">The OAuth consumer secret.</param>
    /// <param name="redirectUri">The callback sent as <c>redirect_uri</c>, or <see langword="null"/> to use the one registered with the consumer.</param>
    public OAuth2Flow(HttpClient httpClient, string clientId, string clientSecret, Uri? redirectUri = null)
        : this(httpClient, new OAuth2ClientOptions { ClientId = clientId, ClientSecret = clientSecret }, redirectUri)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OAuth2Flow"/> class from the options of a registration
    /// (client id and secret, endpoints, default scopes).</summary>
    /// <param name="httpClient">The client that posts to the token endpoint (no base address or credentials needed).</param>
    /// <param name="options">The consumer and endpoints, e.g. <c>BitbucketOptions.OAuth2</c>.</param>
    /// <param name="redirectUri">The callback sent as <c>redirect_uri</c>, or <see langword="null"/> to use the one registered with the consumer.</param>
    /// <exception cref="ArgumentException">The client id, secret or an endpoint is missing.</exception>
    public OAuth2Flow(HttpClient httpClient, OAuth2ClientOptions options, Uri? redirectUri = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ClientId, nameof(options) + "." + nameof(options.ClientId));
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ClientSecret, nameof(options) + "." + nameof(options.ClientSecret));
        SecretEndpoint.RequireHttps(options.TokenEndpoint, "OAuth 2 token endpoint", nameof(options));
        SecretEndpoint.RequireHttps(options.AuthorizationEndpoint, "OAuth 2 authorization endpoint", nameof(options));

        if (redirectUri is { IsAbsoluteUri: false })
        {
            throw new ArgumentException("The redirect URI must be absolute.", nameof(redirectUri));
        }

        _clientId = options.ClientId;
        _tokenClient = new OAuth2TokenClient(httpClient, options.TokenEndpoint, options.ClientId, options.ClientSecret);
        AuthorizationEndpoint = options.AuthorizationEndpoint;
        DefaultScopes = [.. options.Scopes];
        RedirectUri = redirectUri;
    }

    /// <summary>Gets the authorize page the user is sent to.</summary>
    public Uri AuthorizationEndpoint { get; }

    /// <summary>Gets the token endpoint.</summary>
    public Uri TokenEndpoint => _tokenClient.TokenEndpoint;

    /// <summary>Gets the callback sent as <c>redirect_uri</c>, if any.</summary>
    public Uri? RedirectUri { get; }

    /// <summary>Gets the client id (the consumer key; not a secret).</summary>
    public string ClientId => _clientId;

    /// <summary>Gets the scopes asked for when a call names none (empty: the consumer's configured scopes).</summary>
    public IReadOnlyList<string> DefaultScopes { get; }

    /// <summary>
    /// Builds the URL of the authorize page: <c>client_id</c>, <c>response_type=code</c>, the <paramref name="state"/>
    /// to check on the callback, the scopes and the redirect URI when set.
    /// </summary>
    /// <param name="state">An unguessable value bound to the user's session; the callback must return it unchanged.</param>
    /// <param name="scopes">The scopes to ask for; <see cref="DefaultScopes"/> when <see langword="null"/>.</param>
    /// <returns>The URL to send the user's browser to.</returns>
    public Uri GetAuthorizationUri(string state, IEnumerable<string>? scopes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        var query = new List<KeyValuePair<string, string>>
        {
            new("client_id", _clientId),
            new("response_type", "code"),
            new("state", state),
        };
        var scope = string.Join(' ', (scopes ?? DefaultScopes).Where(s => !string.IsNullOrWhiteSpace(s)));
        if (scope.Length > 0)
        {
            query.Add(new("scope", scope));
        }

        if (RedirectUri is not null)
        {
            query.Add(new("redirect_uri", RedirectUri.AbsoluteUri));
        }

        var builder = new UriBuilder(AuthorizationEndpoint);
        var existing = builder.Query.TrimStart('?');
        builder.Query = (existing.Length > 0 ? existing + "&" : string.Empty)
                        + string.Join('&', query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return builder.Uri;
    }

    /// <summary>
    /// Creates a <c>state</c> for <see cref="GetAuthorizationUri"/>: 32 bytes from the operating system's
    /// cryptographic random generator as URL-safe base64 without padding (43 characters, nothing to escape).
    /// Keep it where only the user's browser session can reach it (an encrypted, short-lived cookie, the server-side
    /// session) and hand it to <see cref="ExchangeCodeAsync(string, string, string, CancellationToken)"/> on the callback.
    /// </summary>
    /// <returns>A new, unguessable state.</returns>
    public static string CreateState()
    {
        Span<byte> bytes = stackalloc byte[32];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>
    /// Checks the callback's <c>state</c> against the one this user's session started with, in constant time, and only
    /// then trades the <c>code</c> for tokens (<c>authorization_code</c> grant). A missing, short or different state
    /// sends nothing: a code delivered to the wrong session (login CSRF, a callback replayed in another browser) is
    /// never exchanged.
    /// </summary>
    /// <param name="code">The code from the callback's query.</param>
    /// <param name="expectedState">The state stored when the authorize URL was built (see <see cref="CreateState"/>);
    /// at least <see cref="MinimumStateLength"/> characters.</param>
    /// <param name="receivedState">The <c>state</c> of the callback's query, or <see langword="null"/> when it has none.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tokens; persist the refresh token.</returns>
    /// <exception cref="BitbucketOAuthStateException">The state is missing, shorter than <see cref="MinimumStateLength"/>
    /// or different from the expected one; the code was not sent.</exception>
    /// <exception cref="BitbucketAuthenticationException">The endpoint refused the code (<c>invalid_grant</c>: expired, reused, wrong redirect).</exception>
    public Task<OAuth2TokenResponse> ExchangeCodeAsync(string code, string expectedState, string? receivedState, CancellationToken cancellationToken = default)
    {
        VerifyState(expectedState, receivedState);
        return ExchangeCodeAsync(code, cancellationToken);
    }

    /// <summary>Trades the <c>code</c> of the callback for an access token and a refresh token (<c>authorization_code</c> grant).</summary>
    /// <param name="code">The code from the callback's query.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tokens; persist the refresh token.</returns>
    /// <exception cref="BitbucketAuthenticationException">The endpoint refused the code (<c>invalid_grant</c>: expired, reused, wrong redirect).</exception>
    public Task<OAuth2TokenResponse> ExchangeCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "authorization_code"), new("code", code) };
        if (RedirectUri is not null)
        {
            form.Add(new("redirect_uri", RedirectUri.AbsoluteUri));
        }

        return _tokenClient.RequestAsync(form, cancellationToken);
    }

    /// <summary>
    /// Gets a new access token with a refresh token (<c>refresh_token</c> grant). Bitbucket rotates the refresh token:
    /// the response carries a new one and <paramref name="refreshToken"/> stops working.
    /// </summary>
    /// <param name="refreshToken">The latest refresh token.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new tokens; persist the new refresh token.</returns>
    /// <exception cref="BitbucketAuthenticationException">The refresh token is invalid, revoked or was already used.</exception>
    public Task<OAuth2TokenResponse> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        return _tokenClient.RequestAsync([new("grant_type", "refresh_token"), new("refresh_token", refreshToken)], cancellationToken);
    }

    /// <summary>Gets an access token for the consumer itself (<c>client_credentials</c> grant; no refresh token is issued).</summary>
    /// <param name="scopes">The scopes to ask for; <see cref="DefaultScopes"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The access token.</returns>
    /// <exception cref="BitbucketAuthenticationException">The endpoint refused the client.</exception>
    public Task<OAuth2TokenResponse> GetClientCredentialsTokenAsync(IEnumerable<string>? scopes = null, CancellationToken cancellationToken = default)
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        var scope = string.Join(' ', (scopes ?? DefaultScopes).Where(s => !string.IsNullOrWhiteSpace(s)));
        if (scope.Length > 0)
        {
            form.Add(new("scope", scope));
        }

        return _tokenClient.RequestAsync(form, cancellationToken);
    }

    /// <summary>
    /// Trades a JWT for an access token with Bitbucket's <c>urn:bitbucket:oauth2:jwt</c> grant (Connect apps): the JWT
    /// travels in an <c>Authorization: JWT …</c> header instead of the client's Basic credentials.
    /// </summary>
    /// <param name="jwt">The signed JWT (HS256 with the shared secret; <c>iss</c> is the app's key).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The access token.</returns>
    /// <exception cref="BitbucketAuthenticationException">The endpoint refused the JWT.</exception>
    public async Task<OAuth2TokenResponse> ExchangeJwtAsync(string jwt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jwt);
        return await _tokenClient.RequestAsync(
            [new KeyValuePair<string, string>("grant_type", JwtGrant)],
            cancellationToken,
            new AuthenticationHeaderValue("JWT", jwt)).ConfigureAwait(false);
    }

    private static void VerifyState(string? expected, string? received)
    {
        if (expected is null || expected.Length < MinimumStateLength)
        {
            throw new BitbucketOAuthStateException($"The expected OAuth 2 state is missing or shorter than {MinimumStateLength} characters; create it with OAuth2Flow.CreateState().");
        }

        if (string.IsNullOrEmpty(received))
        {
            throw new BitbucketOAuthStateException("The OAuth 2 callback carries no state; the code was not exchanged.");
        }

        // Compare the UTF-8 bytes in constant time (only the lengths may differ observably, and they are not secret).
        var expectedBytes = Encoding.UTF8.GetBytes(expected);
        var receivedBytes = Encoding.UTF8.GetBytes(received);
        if (!CryptographicOperations.FixedTimeEquals(expectedBytes, receivedBytes))
        {
            throw new BitbucketOAuthStateException("The OAuth 2 callback's state does not match the one this sign-in started with; the code was not exchanged.");
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"OAuth2Flow {{ ClientId = {_clientId}, ClientSecret = ***, TokenEndpoint = {TokenEndpoint} }}";
}
