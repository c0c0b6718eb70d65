namespace Bitbucket.Authentication;

/// <summary>
/// Access tokens of one user from a refresh token, for <c>WithOAuth2(tokenSource)</c>: the access token is cached and
/// renewed with the <c>refresh_token</c> grant shortly before it expires and whenever Bitbucket answers 401. However
/// many calls wait, one refresh is made. Bitbucket rotates refresh tokens, so after each refresh the callback receives
/// the new tokens: persist <see cref="OAuth2TokenResponse.RefreshToken"/> there, or the next start of the application
/// holds a dead refresh token.
/// </summary>
public sealed class RefreshTokenSource : IBitbucketTokenSource
{
    private readonly OAuth2Flow _flow;
    private readonly Func<OAuth2TokenResponse, CancellationToken, Task>? _onRefreshed;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string _refreshToken;
    private volatile CachedToken? _cached;

    /// <summary>Initializes a new instance of the <see cref="RefreshTokenSource"/> class from a stored refresh token;
    /// the first call refreshes.</summary>
    /// <param name="flow">The OAuth 2 consumer and token endpoint.</param>
    /// <param name="refreshToken">The latest refresh token.</param>
    /// <param name="onRefreshed">Called after every refresh with the new tokens, to persist the rotated refresh token.</param>
    /// <param name="timeProvider">The clock for expiry; the system clock when <see langword="null"/>.</param>
    public RefreshTokenSource(OAuth2Flow flow, string refreshToken, Func<OAuth2TokenResponse, CancellationToken, Task>? onRefreshed = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        _flow = flow;
        _refreshToken = refreshToken;
        _onRefreshed = onRefreshed;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Initializes a new instance of the <see cref="RefreshTokenSource"/> class from the tokens of a code
    /// exchange or refresh just made; its access token is used until shortly before it expires.</summary>
    /// <param name="flow">The OAuth 2 consumer and token endpoint.</param>
    /// <param name="tokens">The response of <see cref="OAuth2Flow.ExchangeCodeAsync(string, string, string, CancellationToken)"/> or <see cref="OAuth2Flow.RefreshAsync"/>, received just now.</param>
    /// <param name="onRefreshed">Called after every refresh with the new tokens, to persist the rotated refresh token.</param>
    /// <param name="timeProvider">The clock for expiry; the system clock when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The response has no refresh token (client-credentials and JWT grants issue none).</exception>
    public RefreshTokenSource(OAuth2Flow flow, OAuth2TokenResponse tokens, Func<OAuth2TokenResponse, CancellationToken, Task>? onRefreshed = null, TimeProvider? timeProvider = null)
        : this(flow, RequireRefreshToken(tokens), onRefreshed, timeProvider)
    {
        if (!string.IsNullOrEmpty(tokens.AccessToken))
        {
            _cached = Cache(tokens, _timeProvider.GetUtcNow());
        }
    }

    /// <summary>Gets or sets how long before its expiry the access token is renewed; one minute by default (at most half the lifetime is used).</summary>
    public TimeSpan RefreshSkew { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets the number of refreshes made so far.</summary>
    public int RefreshCount { get; private set; }

    /// <inheritdoc />
    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        return cached is not null && _timeProvider.GetUtcNow() < cached.RefreshAt
            ? ValueTask.FromResult(cached.Token)
            : new ValueTask<string>(RefreshAsync(cancellationToken));
    }

    /// <inheritdoc />
    /// <remarks>Drops <paramref name="rejectedToken"/> if it is still the cached one, so the next call refreshes.</remarks>
    public ValueTask<bool> OnUnauthorizedAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        var cached = _cached;
        if (cached is not null && string.Equals(cached.Token, rejectedToken, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _cached, null, cached);
        }

        return ValueTask.FromResult(true);
    }

    /// <inheritdoc />
    public override string ToString() => $"RefreshTokenSource {{ ClientId = {_flow.ClientId}, RefreshToken = ***, RefreshAt = {_cached?.RefreshAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "(now)"} }}";

    private static string RequireRefreshToken(OAuth2TokenResponse tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return string.IsNullOrEmpty(tokens.RefreshToken)
            ? throw new ArgumentException("The token response has no refresh token: the client-credentials and JWT grants issue none; fetch a new token instead.", nameof(tokens))
            : tokens.RefreshToken;
    }

    private CachedToken Cache(OAuth2TokenResponse tokens, DateTimeOffset receivedAt)
    {
        var lifetime = TimeSpan.FromSeconds(tokens.ExpiresIn is > 0 and { } seconds ? seconds : 3600);
        var skew = RefreshSkew < lifetime / 2 ? RefreshSkew : lifetime / 2;
        return new CachedToken(tokens.AccessToken!, receivedAt + lifetime - skew, receivedAt + lifetime);
    }

    private async Task<string> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have refreshed while this one waited.
            var cached = _cached;
            if (cached is not null && _timeProvider.GetUtcNow() < cached.RefreshAt)
            {
                return cached.Token;
            }

            var now = _timeProvider.GetUtcNow();
            OAuth2TokenResponse tokens;
            try
            {
                // Transient failures of the token endpoint are retried within this call's budget (single flight: the gate).
                tokens = await TokenFetch.WithRetriesAsync(ct => _flow.RefreshAsync(_refreshToken, ct), cancellationToken).ConfigureAwait(false);
            }
            catch (BitbucketAuthenticationException) when (cached is not null && now < cached.ExpiresAt)
            {
                // An early refresh failed, but the access token still works: keep using it, and try again a little later.
                var retryAt = now + TimeSpan.FromSeconds(5);
                _cached = cached with { RefreshAt = retryAt < cached.ExpiresAt ? retryAt : cached.ExpiresAt };
                return cached.Token;
            }

            RefreshCount++;
            now = _timeProvider.GetUtcNow();
            if (!string.IsNullOrEmpty(tokens.RefreshToken))
            {
                _refreshToken = tokens.RefreshToken;
            }

            var fresh = Cache(tokens, now);
            _cached = fresh;
            if (_onRefreshed is not null)
            {
                // The new tokens are already in use here; a failing callback surfaces, and the next refresh calls it again.
                await _onRefreshed(tokens, cancellationToken).ConfigureAwait(false);
            }

            return fresh.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt, DateTimeOffset ExpiresAt)
    {
        public override string ToString() => $"CachedToken {{ RefreshAt = {RefreshAt:O} }}";
    }
}
