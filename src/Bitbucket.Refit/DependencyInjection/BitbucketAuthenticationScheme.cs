namespace Bitbucket;

/// <summary>The authentication a Bitbucket registration uses.</summary>
public enum BitbucketAuthenticationScheme
{
    /// <summary>No credentials: anonymous access to public resources.</summary>
    None,

    /// <summary><c>Authorization: Basic</c> with an e-mail and API token, or a username and app password.</summary>
    Basic,

    /// <summary>A fixed <c>Authorization: Bearer</c> access token.</summary>
    AccessToken,

    /// <summary>OAuth 1.0a HMAC-SHA1 signatures.</summary>
    OAuth1,

    /// <summary>OAuth 2 client-credentials tokens, cached and renewed.</summary>
    OAuth2ClientCredentials,

    /// <summary>OAuth 2 tokens from a caller-supplied <see cref="Authentication.IBitbucketTokenSource"/>.</summary>
    OAuth2TokenSource,
}
