namespace Bitbucket.Authentication;

/// <summary>
/// Tokens from the OAuth 2 <c>client_credentials</c> grant. Bitbucket's tokens live about an hour and this grant gives
/// no refresh token, so the token is cached until <c>expires_in</c> minus a skew and then fetched anew; however many
/// calls arrive at once, one token request is made.
/// </summary>
internal sealed class ClientCredentialsTokenSource : IBitbucketTokenSource
{
    private readonly OAuth2TokenClient _client;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _form;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _skew;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _cached;
    private Failure? _failure;

    public ClientCredentialsTokenSource(OAuth2TokenClient client, IEnumerable<string>? scopes, TimeProvider timeProvider, TimeSpan skew)
    {
        _client = client;
        _timeProvider = timeProvider;
        _skew = skew;
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials") };
        var scope = scopes is null ? string.Empty : string.Join(' ', scopes.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (scope.Length > 0)
        {
            form.Add(new("scope", scope));
        }

        _form = form;
    }

    /// <summary>Gets the number of token requests made so far.</summary>
    internal int TokenRequests { get; private set; }

    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var cached = _cached;
        return cached is not null && _timeProvider.GetUtcNow() < cached.RefreshAt
            ? ValueTask.FromResult(cached.Token)
            : new ValueTask<string>(FetchAsync(cancellationToken));
    }

    public ValueTask<bool> OnUnauthorizedAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        var cached = _cached;
        if (cached is not null && string.Equals(cached.Token, rejectedToken, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _cached, null, cached);
        }

        return ValueTask.FromResult(true);
    }

    private async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var cached = _cached;
            var now = _timeProvider.GetUtcNow();
            if (cached is not null && now < cached.RefreshAt)
            {
                return cached.Token;
            }

            if (_failure is { } failure && now < failure.RetryAt)
            {
                // The endpoint refused the client a moment ago (not a transient failure): answer from the refusal
                // instead of storming it.
                throw new BitbucketAuthenticationException(
                    failure.Exception.Message + $" No new token request before {failure.RetryAt:O}.",
                    failure.Exception.Error,
                    failure.Exception.ErrorDescription,
                    failure.Exception.StatusCode,
                    failure.Exception);
            }

            OAuth2TokenResponse response;
            try
            {
                response = await TokenFetch.WithRetriesAsync(
                    ct =>
                    {
                        TokenRequests++;
                        return _client.RequestAsync(_form, ct);
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (BitbucketAuthenticationException ex)
            {
                if (cached is not null && now < cached.ExpiresAt)
                {
                    // An early renewal failed, but the token still works: keep using it, and try again a little later.
                    _cached = cached with { RefreshAt = Min(now + RetryValidTokenAfter, cached.ExpiresAt) };
                    return cached.Token;
                }

                if (!TokenFetch.IsTransient(ex))
                {
                    var backoff = _failure is null ? MinBackoff : TimeSpan.FromTicks(Math.Min(_failure.Backoff.Ticks * 2, MaxBackoff.Ticks));
                    _failure = new Failure(ex, now + backoff, backoff);
                }

                throw;
            }

            _failure = null;
            now = _timeProvider.GetUtcNow();
            var lifetime = TimeSpan.FromSeconds(response.ExpiresIn is > 0 and { } seconds ? seconds : 3600);
            var skew = _skew < lifetime / 2 ? _skew : lifetime / 2;
            _cached = new CachedToken(response.AccessToken!, now + lifetime - skew, now + lifetime);
            return response.AccessToken!;
        }
        finally
        {
            _gate.Release();
        }
    }

    internal static readonly TimeSpan MinBackoff = TimeSpan.FromSeconds(1);

    /// <summary>How long a still-valid token is used after a failed early renewal before the next attempt.</summary>
    internal static readonly TimeSpan RetryValidTokenAfter = TimeSpan.FromSeconds(5);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    private sealed record Failure(BitbucketAuthenticationException Exception, DateTimeOffset RetryAt, TimeSpan Backoff);

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt, DateTimeOffset ExpiresAt)
    {
        public override string ToString() => $"CachedToken {{ RefreshAt = {RefreshAt:O} }}";
    }
}
