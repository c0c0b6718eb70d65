namespace Bitbucket.Samples.Web.Auth;

/// <summary>Names shared by the sign-in flows and the pages.</summary>
internal static class SampleAuth
{
    /// <summary>
    /// The cookie scheme that keeps the signed-in user. The cookie carries a session key only; the ticket (claims and
    /// Bitbucket tokens) stays in <see cref="MemoryTicketStore"/> and is removed on logout.
    /// </summary>
    public const string CookieScheme = "Cookies";

    /// <summary>The name of the auth cookie.</summary>
    public const string CookieName = ".bitbucket-sample";

    /// <summary>
    /// Where Bitbucket sends the browser back after the OAuth 2 authorize page; the consumer's callback URL is the
    /// sample's origin with this path.
    /// </summary>
    public const string OAuth2CallbackPath = "/signin-bitbucket";

    /// <summary>Where Bitbucket sends the browser back after the OAuth 1 authorize page: below <see cref="OAuth2CallbackPath"/>,
    /// so one registered callback URL serves both.</summary>
    public const string OAuth1CallbackPath = "/signin-bitbucket/oauth1";

    /// <summary>The claim that tells how the user signed in: <see cref="OAuth2"/> or <see cref="OAuth1"/>.</summary>
    public const string SignInMethodClaim = "urn:bitbucket-sample:sign-in";

    /// <summary>The claim with the user's Bitbucket nickname.</summary>
    public const string NicknameClaim = "urn:bitbucket:nickname";

    /// <summary>The value of <see cref="SignInMethodClaim"/> for OAuth 2.</summary>
    public const string OAuth2 = "OAuth 2";

    /// <summary>The value of <see cref="SignInMethodClaim"/> for OAuth 1.0a.</summary>
    public const string OAuth1 = "OAuth 1.0a";

    /// <summary>The names under which the OAuth 1 access token and its secret are stored in the session ticket's properties.</summary>
    public const string OAuth1TokenName = "oauth1_token";

    /// <summary>The name of the OAuth 1 token secret in the session ticket's properties.</summary>
    public const string OAuth1TokenSecretName = "oauth1_token_secret";

    /// <summary>Whether the sample's cookies get <c>Secure</c>: always, except in Development over plain http.</summary>
    /// <param name="environment">The host's environment.</param>
    /// <param name="request">The request that sets the cookie.</param>
    /// <returns><see langword="true"/> for a <c>Secure</c> cookie.</returns>
    public static bool SecureCookies(IHostEnvironment environment, HttpRequest request) => !environment.IsDevelopment() || request.IsHttps;
}
