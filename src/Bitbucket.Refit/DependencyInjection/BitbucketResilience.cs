using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Bitbucket.Refit.DependencyInjection;

/// <summary>
/// The retry and timeout pipeline of a registration, built with Microsoft.Extensions.Http.Resilience and placed before
/// the authentication handler so every attempt is authenticated anew.
/// </summary>
internal static class BitbucketResilience
{
    /// <summary>Bitbucket's own status for a timeout on diff, patch, merge or decline.</summary>
    internal const int BitbucketTimeout = 555;

    public static void Add(IHttpClientBuilder builder, string name)
    {
        builder.AddResilienceHandler("bitbucket", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<BitbucketOptions>>().Get(name);
            var resilience = options.Resilience;
            pipeline.AddTimeout(resilience.TotalTimeout);
            if (resilience.Enabled && resilience.MaxRetries > 0)
            {
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
            }

            if (options.Timeout > TimeSpan.Zero)
            {
                pipeline.AddTimeout(options.Timeout);
            }
        });
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, bool retryUnsafeMethods)
    {
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
}
