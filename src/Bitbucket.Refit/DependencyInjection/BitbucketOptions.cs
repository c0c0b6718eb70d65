namespace Bitbucket;

/// <summary>
/// Settings of one Bitbucket registration, bound from configuration (for example the <c>Bitbucket</c> section) or set
/// in code. Validated when the host starts.
/// </summary>
public sealed class BitbucketOptions
{
    /// <summary>The address of Bitbucket Cloud's REST API 2.0.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.bitbucket.org/2.0/");

    /// <summary>Gets or sets the API base address; <c>https://api.bitbucket.org/2.0/</c> by default.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>Gets or sets the timeout of one attempt of one request; 100 seconds by default.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Gets or sets the <c>User-Agent</c> sent with every request.</summary>
    public string UserAgent { get; set; } = "Bitbucket.Refit/1.0";

    /// <summary>
    /// Gets or sets whether a plain <c>http://</c> base address on a host other than loopback is accepted.
    /// Off by default: credentials travel only over HTTPS.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Gets or sets the most bytes of a JSON response body that are read (32 MiB by default; 0 turns the limit off).
    /// Streamed bodies such as downloads, diffs and logs are not limited.
    /// </summary>
    public long MaxResponseContentBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Gets the Basic credentials (Atlassian e-mail and API token, or the legacy username and app password).</summary>
    public BasicCredentialOptions Basic { get; } = new();

    /// <summary>Gets or sets a fixed access token sent as <c>Authorization: Bearer</c>.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Gets the OAuth 1.0a consumer and token.</summary>
    public OAuth1Options OAuth1 { get; } = new();

    /// <summary>Gets the OAuth 2 client used by the client-credentials grant.</summary>
    public OAuth2ClientOptions OAuth2 { get; } = new();

    /// <summary>Gets the retry and timeout policy.</summary>
    public BitbucketResilienceOptions Resilience { get; } = new();

    /// <summary>Gets the authentication the registration's builder chose (set by the <c>With…</c> methods, not by configuration).</summary>
    public BitbucketAuthenticationScheme AuthenticationScheme { get; internal set; }

    /// <summary>Gets the configuration path the options were bound from, used to name missing keys.</summary>
    internal string ConfigurationPath { get; set; } = "Bitbucket";

    /// <inheritdoc />
    public override string ToString() =>
        $"BitbucketOptions {{ BaseAddress = {BaseAddress}, Timeout = {Timeout}, UserAgent = {UserAgent}, Basic = {Basic}, AccessToken = {(string.IsNullOrEmpty(AccessToken) ? "(none)" : "***")}, OAuth1 = {OAuth1}, OAuth2 = {OAuth2} }}";
}

/// <summary>Basic authentication: the Atlassian account e-mail and an API token (or, legacy, a username and app password).</summary>
public sealed class BasicCredentialOptions
{
    /// <summary>Gets or sets the Atlassian account e-mail (API token) or the Bitbucket username (app password).</summary>
    public string? Username { get; set; }

    /// <summary>Gets or sets the API token or app password.</summary>
    public string? Secret { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{{ Username = {Username ?? "(none)"}, Secret = {(string.IsNullOrEmpty(Secret) ? "(none)" : "***")} }}";
}

/// <summary>OAuth 1.0a signing: a consumer, and a token for 3-legged calls.</summary>
public sealed class OAuth1Options
{
    /// <summary>Gets or sets the consumer key.</summary>
    public string? ConsumerKey { get; set; }

    /// <summary>Gets or sets the consumer secret.</summary>
    public string? ConsumerSecret { get; set; }

    /// <summary>Gets or sets the access token (3-legged), or <see langword="null"/> to sign 1-legged.</summary>
    public string? Token { get; set; }

    /// <summary>Gets or sets the secret of <see cref="Token"/>.</summary>
    public string? TokenSecret { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{{ ConsumerKey = {ConsumerKey ?? "(none)"}, ConsumerSecret = {(string.IsNullOrEmpty(ConsumerSecret) ? "(none)" : "***")}, Token = {(string.IsNullOrEmpty(Token) ? "(none)" : "***")}, TokenSecret = {(string.IsNullOrEmpty(TokenSecret) ? "(none)" : "***")} }}";
}

/// <summary>An OAuth 2 consumer (client) of Bitbucket.</summary>
public sealed class OAuth2ClientOptions
{
    /// <summary>The token endpoint of Bitbucket Cloud.</summary>
    public static readonly Uri DefaultTokenEndpoint = new("https://bitbucket.org/site/oauth2/access_token");

    /// <summary>The authorization endpoint of Bitbucket Cloud.</summary>
    public static readonly Uri DefaultAuthorizationEndpoint = new("https://bitbucket.org/site/oauth2/authorize");

    /// <summary>Gets or sets the client id (the consumer key).</summary>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the client secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Gets or sets the scopes to ask for; empty asks for the consumer's configured scopes.</summary>
    public IList<string> Scopes { get; set; } = [];

    /// <summary>Gets or sets the token endpoint.</summary>
    public Uri TokenEndpoint { get; set; } = DefaultTokenEndpoint;

    /// <summary>Gets or sets the authorization endpoint (for the authorization-code flow).</summary>
    public Uri AuthorizationEndpoint { get; set; } = DefaultAuthorizationEndpoint;

    /// <summary>Gets or sets how long before its expiry a cached token is replaced; one minute by default.</summary>
    public TimeSpan RefreshSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public override string ToString() =>
        $"{{ ClientId = {ClientId ?? "(none)"}, ClientSecret = {(string.IsNullOrEmpty(ClientSecret) ? "(none)" : "***")}, TokenEndpoint = {TokenEndpoint} }}";
}

/// <summary>
/// How transient failures are retried. 429 and 503 honour <c>Retry-After</c>; 5xx, 408 and transport failures are retried
/// with jittered exponential back-off for GET, HEAD, PUT and DELETE, and for POST and PATCH only when
/// <see cref="RetryUnsafeMethods"/> is set.
/// </summary>
public sealed class BitbucketResilienceOptions
{
    /// <summary>Gets or sets whether retries are made at all; on by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the most retries after the first attempt; 3 by default.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets the first back-off delay, doubled on each retry and jittered; one second by default.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest single wait, <c>Retry-After</c> included; one minute by default.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets the bound on one call, all attempts and waits included; three minutes by default. It is the
    /// <see cref="HttpClient.Timeout"/> of the registration's client (with retries off, the shorter of it and
    /// <see cref="BitbucketOptions.Timeout"/>).
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Gets or sets whether POST and PATCH are retried too (only safe when the call is idempotent).</summary>
    public bool RetryUnsafeMethods { get; set; }
}
