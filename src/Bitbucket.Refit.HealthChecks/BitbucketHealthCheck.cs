using System.Net;
using Bitbucket.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bitbucket.HealthChecks;

/// <summary>
/// Probes one Bitbucket registration with <c>GET /user</c> through its own pipeline (authentication included, retries off),
/// bounded by a timeout, and keeps the result for a while so frequent probes cost one call per period.
/// </summary>
internal sealed class BitbucketHealthCheck(
    IHttpClientFactory httpClientFactory, string registration, TimeSpan timeout, ProbeCache cache, TimeProvider timeProvider) : IHealthCheck
{
    /// <summary>Read by Bitbucket.Refit's retry handler: a probe is sent once, never retried.</summary>
    private static readonly HttpRequestOptionsKey<bool> SingleAttemptKey = new("Bitbucket.Refit.SingleAttempt");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await cache.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (cache.Last is { } last && now < cache.ExpiresAt)
            {
                return Adjust(last, context);
            }

            var result = await ProbeAsync(cancellationToken).ConfigureAwait(false);
            cache.Last = result;
            cache.ExpiresAt = timeProvider.GetUtcNow() + cache.Duration;
            return Adjust(result, context);
        }
        finally
        {
            cache.Gate.Release();
        }
    }

    /// <summary>An unhealthy result takes the status the registration chose (<see cref="HealthCheckRegistration.FailureStatus"/>).</summary>
    private static HealthCheckResult Adjust(HealthCheckResult result, HealthCheckContext context) =>
        result.Status == HealthStatus.Unhealthy && context.Registration is { FailureStatus: not HealthStatus.Unhealthy } r
            ? new HealthCheckResult(r.FailureStatus, result.Description, result.Exception, result.Data)
            : result;

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var who = string.IsNullOrEmpty(registration) ? "Bitbucket" : $"Bitbucket ({registration})";
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var client = httpClientFactory.CreateClient(BitbucketServiceCollectionExtensions.GetHttpClientName(registration));
        using var request = new HttpRequestMessage(HttpMethod.Get, "user");
        request.Options.Set(SingleAttemptKey, true);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var data = new Dictionary<string, object> { ["status_code"] = status };
            return response.StatusCode switch
            {
                _ when response.IsSuccessStatusCode => HealthCheckResult.Healthy($"{who} answered GET /user with {status}.", data),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => HealthCheckResult.Unhealthy(
                    $"{who} rejected the credential: GET /user answered {status}.", data: data),
                HttpStatusCode.TooManyRequests => HealthCheckResult.Degraded(
                    $"{who} is rate limiting the credential: GET /user answered 429.", data: data),
                _ => HealthCheckResult.Unhealthy($"{who} answered GET /user with {status}.", data: data),
            };
        }
        catch (BitbucketAuthenticationException ex) when (ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return HealthCheckResult.Unhealthy($"{who} rejected the credential: the OAuth 2 token endpoint refused the grant.", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{who} is unreachable: GET /user did not answer within {timeout.TotalSeconds:0.###} s.", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException or BitbucketAuthenticationException)
        {
            return HealthCheckResult.Unhealthy($"{who} is unreachable: {ex.GetType().Name}.", ex);
        }
    }
}

/// <summary>The last probe result of one health check registration, shared by every probe of it.</summary>
internal sealed class ProbeCache(TimeSpan duration)
{
    public TimeSpan Duration => duration;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public HealthCheckResult? Last { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
