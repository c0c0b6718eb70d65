using System.Net;

namespace Bitbucket.Authentication;

/// <summary>
/// The rule for token requests (issue 18, finding 15): a transient failure of the token endpoint (unreachable, 5xx,
/// 408, 429) is retried with a short jittered back-off inside the calling request's budget — the token request runs
/// under that request's cancellation token, which <c>Resilience:TotalTimeout</c> ends — instead of failing every
/// call for a second or more. A refusal (400 <c>invalid_grant</c>, 401 <c>invalid_client</c>) is not retried.
/// </summary>
internal static class TokenFetch
{
    /// <summary>The most token requests one fetch makes.</summary>
    internal const int MaxAttempts = 4;

    internal static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);

    internal static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="fetch"/>, retrying transient failures within <paramref name="cancellationToken"/>'s budget.</summary>
    /// <param name="fetch">One token request.</param>
    /// <param name="cancellationToken">The calling request's token.</param>
    /// <returns>The token response.</returns>
    public static async Task<OAuth2TokenResponse> WithRetriesAsync(Func<CancellationToken, Task<OAuth2TokenResponse>> fetch, CancellationToken cancellationToken)
    {
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await fetch(cancellationToken).ConfigureAwait(false);
            }
            catch (BitbucketAuthenticationException ex) when (attempt < MaxAttempts && IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                var jittered = TimeSpan.FromTicks((long)(delay.Ticks * (0.5 + Random.Shared.NextDouble())));
                await Task.Delay(jittered, cancellationToken).ConfigureAwait(false); // real time: the caller's budget is real time too
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    /// <summary>Gets whether a token failure may go away by itself (as opposed to a refusal of the grant or the client).</summary>
    /// <param name="exception">The failure.</param>
    /// <returns><see langword="true"/> for an unreachable endpoint, 5xx, 408 or 429.</returns>
    public static bool IsTransient(BitbucketAuthenticationException exception) => exception.StatusCode switch
    {
        null => exception.InnerException is HttpRequestException or IOException or TaskCanceledException or TimeoutException,
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => true,
        var status => (int)status >= 500,
    };
}
