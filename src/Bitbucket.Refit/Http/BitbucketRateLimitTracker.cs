
namespace Bitbucket;

/// <summary>
/// The last rate-limit state Bitbucket reported to one registration (<c>X-RateLimit-*</c> headers, sent for some
/// credentials only). Resolve it from the container (keyed by the registration name for named registrations).
/// </summary>
public sealed class BitbucketRateLimitTracker
{
    private readonly TimeProvider _timeProvider;
    private Snapshot? _snapshot;

    /// <summary>Initializes a new instance of the <see cref="BitbucketRateLimitTracker"/> class.</summary>
    /// <param name="timeProvider">The clock that stamps updates.</param>
    public BitbucketRateLimitTracker(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>Gets the most recent rate-limit headers, or <see langword="null"/> before any response carried them.</summary>
    public BitbucketRateLimit? Current => Volatile.Read(ref _snapshot)?.RateLimit;

    /// <summary>Gets when <see cref="Current"/> was received.</summary>
    public DateTimeOffset? UpdatedAt => Volatile.Read(ref _snapshot)?.At;

    /// <summary>Gets how many 429 answers this registration has received.</summary>
    public int RateLimitedResponses => Volatile.Read(ref _rateLimited);

    private int _rateLimited;

    internal void Observe(HttpResponseMessage response)
    {
        if ((int)response.StatusCode == 429)
        {
            Interlocked.Increment(ref _rateLimited);
        }

        if (!response.Headers.Contains("X-RateLimit-Limit") && !response.Headers.Contains("X-RateLimit-Resource")
            && !response.Headers.Contains("X-RateLimit-NearLimit") && !response.Headers.Contains("X-RateLimit-Remaining"))
        {
            return;
        }

        if (BitbucketRateLimit.FromResponse(response) is { } rateLimit)
        {
            Volatile.Write(ref _snapshot, new Snapshot(rateLimit, _timeProvider.GetUtcNow()));
        }
    }

    private sealed record Snapshot(BitbucketRateLimit RateLimit, DateTimeOffset At);
}
