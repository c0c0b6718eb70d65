namespace Bitbucket.Samples.Web.Auth;

/// <summary>Names shared by the sign-in flows and the pages.</summary>
internal static class SampleAuth
{
    /// <summary>The cookie that keeps the signed-in user, their Bitbucket tokens included (encrypted by Data Protection).</summary>
    public const string CookieScheme = "Cookies";

    /// <summary>ASP.NET Core's OAuth 2 handler, configured for Bitbucket.</summary>
    public const string OAuth2Scheme = "Bitbucket";

    /// <summary>Where Bitbucket sends the browser back after the OAuth 2 authorize page.</summary>
    public const string OAuth2CallbackPath = "/signin-bitbucket";

    /// <summary>Where Bitbucket sends the browser back after the OAuth 1 authorize page.</summary>
    public const string OAuth1CallbackPath = "/signin-bitbucket-oauth1";

    /// <summary>The claim that tells how the user signed in: <see cref="OAuth2"/> or <see cref="OAuth1"/>.</summary>
    public const string SignInMethodClaim = "urn:bitbucket-sample:sign-in";

    /// <summary>The claim with the user's Bitbucket nickname.</summary>
    public const string NicknameClaim = "urn:bitbucket:nickname";

    /// <summary>The value of <see cref="SignInMethodClaim"/> for OAuth 2.</summary>
    public const string OAuth2 = "OAuth 2";

    /// <summary>The value of <see cref="SignInMethodClaim"/> for OAuth 1.0a.</summary>
    public const string OAuth1 = "OAuth 1.0a";

    /// <summary>The names under which the OAuth 1 access token and its secret are stored in the cookie's properties.</summary>
    public const string OAuth1TokenName = "oauth1_token";

    /// <summary>The name of the OAuth 1 token secret in the cookie's properties.</summary>
    public const string OAuth1TokenSecretName = "oauth1_token_secret";
}
