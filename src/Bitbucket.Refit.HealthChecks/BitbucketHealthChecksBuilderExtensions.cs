using Bitbucket.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Bitbucket health checks to <see cref="IHealthChecksBuilder"/>.</summary>
public static class BitbucketHealthChecksBuilderExtensions
{
    /// <summary>The default bound on one probe: 5 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The default period a probe result is reused: 30 seconds.</summary>
    public static readonly TimeSpan DefaultCacheDuration = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Checks a Bitbucket registration with one <c>GET /user</c> (sent once, never retried) through its own pipeline:
    /// <see cref="HealthStatus.Healthy"/> when it answers, <see cref="HealthStatus.Unhealthy"/> when Bitbucket is unreachable
    /// or rejects the credential (told apart in the description), <see cref="HealthStatus.Degraded"/> when it answers 429.
    /// The result is kept for <paramref name="cacheDuration"/>, so a probe every few seconds does not spend the rate budget.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The health check's name; <c>bitbucket</c>, or <c>bitbucket:{registration}</c>, by default.</param>
    /// <param name="registration">The name given to <c>AddBitbucket(name, …)</c>; the default registration when omitted.</param>
    /// <param name="timeout">The bound on one probe; <see cref="DefaultTimeout"/> when omitted.</param>
    /// <param name="cacheDuration">How long a result is reused; <see cref="DefaultCacheDuration"/> when omitted, <see cref="TimeSpan.Zero"/> to probe every time.</param>
    /// <param name="failureStatus">The status reported instead of <see cref="HealthStatus.Unhealthy"/>, if any.</param>
    /// <param name="tags">Tags to filter checks by (for example <c>ready</c>).</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static IHealthChecksBuilder AddBitbucket(
        this IHealthChecksBuilder builder,
        string? name = null,
        string? registration = null,
        TimeSpan? timeout = null,
        TimeSpan? cacheDuration = null,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var probeTimeout = timeout ?? DefaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(probeTimeout, TimeSpan.Zero, nameof(timeout));
        var period = cacheDuration ?? DefaultCacheDuration;
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.Zero, nameof(cacheDuration));
        var key = registration ?? string.Empty;
        var cache = new ProbeCache(period);
        return builder.Add(new HealthCheckRegistration(
            name ?? (key.Length == 0 ? "bitbucket" : "bitbucket:" + key),
            sp => new BitbucketHealthCheck(
                sp.GetRequiredService<IHttpClientFactory>(), key, probeTimeout, cache, sp.GetService<TimeProvider>() ?? TimeProvider.System),
            failureStatus,
            tags));
    }
}
