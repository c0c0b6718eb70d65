using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Bitbucket.Http;

/// <summary>
/// The retries of a registration: a Polly pipeline (retry with Microsoft.Extensions.Http.Resilience's
/// <see cref="HttpRetryStrategyOptions"/>, which honours <c>Retry-After</c>, then a timeout per attempt) run by
/// <see cref="RetryHandler"/>, placed before the authentication handler so every attempt is authenticated anew. The
/// whole call is bounded by <see cref="HttpClient.Timeout"/> (<see cref="CallTimeout"/>).
/// </summary>
/// <remarks>
/// The pipeline is built once per handler and executed directly: <c>AddResilienceHandler</c>'s registry wraps every
/// execution in reload tracking and telemetry components that cost about 700 bytes a call, a third of what the library
/// adds to a hand-written GET. Retries are logged by <see cref="DiagnosticsHandler"/>, which sees every attempt.
/// </remarks>
internal static class BitbucketResilience
{
    /// <summary>Bitbucket's own status for a timeout on diff, patch, merge or decline.</summary>
    internal const int BitbucketTimeout = 555;

    public static void Add(IHttpClientBuilder builder, string name) =>
        builder.AddHttpMessageHandler(sp =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<BitbucketOptions>>().Get(name);
            return RetriesEnabled(options)
                ? new RetryHandler(BuildPipeline(options, sp.GetRequiredService<TimeProvider>()))
                : new PassThroughHandler(); // one attempt: HttpClient.Timeout bounds it
        });

    internal static ResiliencePipeline<HttpResponseMessage> BuildPipeline(BitbucketOptions options, TimeProvider timeProvider)
    {
        var resilience = options.Resilience;
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = resilience.MaxRetries,
            Delay = resilience.BaseDelay,
            MaxDelay = resilience.MaxDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, resilience.RetryUnsafeMethods)),
        });

        if (options.Timeout > TimeSpan.Zero && options.Timeout < resilience.TotalTimeout)
        {
            pipeline.AddTimeout(options.Timeout);
        }

        return pipeline.Build();
    }

    /// <summary>Gets whether a registration retries at all.</summary>
    /// <param name="options">The registration's options.</param>
    /// <returns><see langword="true"/> when failed attempts may be repeated.</returns>
    internal static bool RetriesEnabled(BitbucketOptions options) => options.Resilience is { Enabled: true, MaxRetries: > 0 };

    /// <summary>
    /// Gets the bound on a whole call, set as <see cref="HttpClient.Timeout"/> (which, like a hand-written client's, covers
    /// every handler: all attempts and the waits between them): <c>Resilience.TotalTimeout</c>, or with no retries the
    /// shorter of it and the attempt <c>Timeout</c>.
    /// </summary>
    /// <param name="options">The registration's options.</param>
    /// <returns>The timeout, or <see cref="Timeout.InfiniteTimeSpan"/>.</returns>
    internal static TimeSpan CallTimeout(BitbucketOptions options)
    {
        var total = options.Resilience.TotalTimeout;
        if (!RetriesEnabled(options) && options.Timeout > TimeSpan.Zero && options.Timeout < total)
        {
            total = options.Timeout;
        }

        return total > TimeSpan.Zero && total.TotalMilliseconds <= int.MaxValue ? total : Timeout.InfiniteTimeSpan;
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, bool retryUnsafeMethods)
    {
        if (Instrumentation.IsSingleAttempt(context.GetRequestMessage())) return false; // health probes: one call, never retried
        var method = outcome.Result?.RequestMessage?.Method ?? context.GetRequestMessage()?.Method;
        var idempotent = method is not null && (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
            || method == HttpMethod.Delete || method == HttpMethod.Options || retryUnsafeMethods);

        if (outcome.Exception is not null)
        {
            // Transport failures: HttpRequestException, and the socket or I/O errors SocketsHttpHandler sometimes lets through raw.
            return idempotent && outcome.Exception is HttpRequestException or IOException or System.Net.Sockets.SocketException or TimeoutRejectedException
                && !context.CancellationToken.IsCancellationRequested;
        }

        if (outcome.Result is not { } response)
        {
            return false;
        }

        var status = (int)response.StatusCode;
        return status switch
        {
            // Rate limited: the request was refused before any work, so any method may be sent again.
            (int)HttpStatusCode.TooManyRequests => true,
            BitbucketTimeout => method == HttpMethod.Get || method == HttpMethod.Head || (idempotent && retryUnsafeMethods),
            (int)HttpStatusCode.RequestTimeout => idempotent,
            >= 500 and < 600 and not (int)HttpStatusCode.NotImplemented and not (int)HttpStatusCode.HttpVersionNotSupported => idempotent,
            _ => false,
        };
    }

    /// <summary>Runs each request through the pipeline, sending it again below this handler on every retry.</summary>
    internal sealed class RetryHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.SetRequestMessage(request);
            try
            {
                var outcome = await pipeline.ExecuteOutcomeAsync(
                    static async (context, state) =>
                    {
                        try
                        {
                            return Outcome.FromResult(await state.Handler.SendAttemptAsync(state.Request, context.CancellationToken).ConfigureAwait(false));
                        }
                        catch (Exception ex)
                        {
                            return Outcome.FromException<HttpResponseMessage>(ex);
                        }
                    },
                    context,
                    (Handler: this, Request: request)).ConfigureAwait(false);
                outcome.ThrowIfException();
                return outcome.Result!;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            base.SendAsync(TelemetryHandler.CountAttempt(request), cancellationToken);
    }

    /// <summary>Stands in for <see cref="RetryHandler"/> when retries are off.</summary>
    internal sealed class PassThroughHandler : DelegatingHandler;
}
