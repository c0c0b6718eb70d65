using System.Diagnostics;
using Bitbucket;
using Bitbucket.Serialization;
using Microsoft.Extensions.Logging;

namespace Bitbucket.Http;

/// <summary>
/// Logs each attempt (method, URL without credentials, status, duration), records Bitbucket's rate-limit headers, and
/// reads the body inside the attempt with <see cref="ResponseReader"/> (bounded to <c>MaxResponseContentBytes</c>,
/// covered by the deadline, retried when interrupted). Runs inside the retry pipeline and outside authentication, so it never sees an
/// <c>Authorization</c> header value. (The JSON wrapping shares this handler rather than having its own: one async
/// layer less on every call.)
/// </summary>
internal sealed partial class DiagnosticsHandler(ILogger logger, BitbucketRateLimitTracker tracker, long maxBodyBytes, TimeSpan readTimeout) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            tracker.Observe(response);
            try
            {
                // The body is read here, inside the attempt: the deadline covers it, and an interrupted body is retried.
                await ResponseReader.ReadAsync(request, response, maxBodyBytes, readTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not BitbucketApiException)
            {
                response.Dispose();
                throw;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && logger.IsEnabled(LogLevel.Warning))
        {
            LogTransportFailure(logger, request.Method, SecretRedactor.RedactUrl(request.RequestUri), Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name);
            throw;
        }

        var status = (int)response.StatusCode;
        var level = status switch
        {
            429 or >= 500 => LogLevel.Warning,
            >= 400 => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        if (logger.IsEnabled(level))
        {
            Log(logger, level, request.Method, SecretRedactor.RedactUrl(request.RequestUri), status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return response;
    }

    [LoggerMessage(EventId = 1, Message = "Bitbucket {Method} {Url} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void Log(ILogger logger, LogLevel level, HttpMethod method, Uri? url, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Bitbucket {Method} {Url} failed after {ElapsedMilliseconds:0.0} ms: {ExceptionType}")]
    private static partial void LogTransportFailure(ILogger logger, HttpMethod method, Uri? url, double elapsedMilliseconds, string exceptionType);
}
