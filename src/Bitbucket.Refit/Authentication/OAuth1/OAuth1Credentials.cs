namespace Bitbucket.Authentication;

/// <summary>
/// The OAuth 1.0a consumer (and, for 3-legged calls, the token) that signs requests. Bitbucket calls OAuth 1 long
/// deprecated: prefer OAuth 2 or API tokens for new code.
/// </summary>
public sealed class OAuth1Credentials
{
    /// <summary>Initializes a new instance of the <see cref="OAuth1Credentials"/> class.</summary>
    /// <param name="consumerKey">The consumer key.</param>
    /// <param name="consumerSecret">The consumer secret.</param>
    /// <param name="token">The access token for 3-legged signing, or <see langword="null"/> for 1-legged.</param>
    /// <param name="tokenSecret">The secret of <paramref name="token"/>.</param>
    /// <exception cref="ArgumentException">A required value is empty, or only one of token and token secret is given.</exception>
    public OAuth1Credentials(string consumerKey, string consumerSecret, string? token = null, string? tokenSecret = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerSecret);
        if (string.IsNullOrEmpty(token) != string.IsNullOrEmpty(tokenSecret))
        {
            throw new ArgumentException("An OAuth 1 token and its token secret must be given together (3-legged) or both left out (1-legged).", string.IsNullOrEmpty(token) ? nameof(token) : nameof(tokenSecret));
        }

        ConsumerKey = consumerKey;
        ConsumerSecret = consumerSecret;
        Token = string.IsNullOrEmpty(token) ? null : token;
        TokenSecret = string.IsNullOrEmpty(tokenSecret) ? null : tokenSecret;
    }

    /// <summary>Gets the consumer key (not a secret; sent with every request).</summary>
    public string ConsumerKey { get; }

    /// <summary>Gets the consumer secret.</summary>
    public string ConsumerSecret { get; }

    /// <summary>Gets the token of 3-legged signing, or <see langword="null"/> when signing 1-legged.</summary>
    public string? Token { get; }

    /// <summary>Gets the token secret of 3-legged signing.</summary>
    public string? TokenSecret { get; }

    /// <summary>Gets whether requests are signed 3-legged (with a token).</summary>
    public bool IsThreeLegged => Token is not null;

    /// <inheritdoc />
    public override string ToString() =>
        $"OAuth1Credentials {{ ConsumerKey = {ConsumerKey}, ConsumerSecret = ***, Token = {(Token is null ? "(none)" : "***")} }}";
}
