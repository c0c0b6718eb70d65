using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Bitbucket.Webhooks.AspNetCore.Internal;

/// <summary>
/// The request pipeline of one delivery: content type, size, headers, signature over the raw bytes, parse, dedup, then
/// the handlers, inline by default (<see cref="WebhookHandlingMode"/>). Inline because Bitbucket retries a failed delivery (up to 3 attempts) only when it sees the
/// failure: a handler that throws answers 500 and the event comes back, whereas a queue would answer 200 and lose the
/// event on a crash unless it is durable. Handlers that take long should enqueue work in a durable queue themselves.
/// </summary>
internal sealed partial class WebhookEndpoint
{
    private readonly BitbucketWebhookOptions _options;
    private readonly WebhookSignatureVerifier? _verifier;
    private readonly IWebhookDeliveryStore _store;
    private readonly WebhookDispatcher _dispatcher;
    private readonly WebhookQueue _queue;
    private readonly ILogger<WebhookEndpoint> _logger;

    public WebhookEndpoint(IOptions<BitbucketWebhookOptions> options, IWebhookDeliveryStore store, WebhookDispatcher dispatcher, WebhookQueue queue, ILogger<WebhookEndpoint> logger)
    {
        _options = options.Value;
        _verifier = _options.Secrets.Count > 0 ? new WebhookSignatureVerifier(_options.Secrets) : null;
        _store = store;
        _dispatcher = dispatcher;
        _queue = queue;
        _logger = logger;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var delivery = new DeliveryOutcome();
        try
        {
            await HandleCoreAsync(context, delivery).ConfigureAwait(false);
        }
        finally
        {
            WebhookMetrics.Record(delivery, context.Response.StatusCode);
        }
    }

    private async Task HandleCoreAsync(HttpContext context, DeliveryOutcome delivery)
    {
        var request = context.Request;
        var aborted = context.RequestAborted;
        if (!IsJson(request.ContentType))
        {
            await RejectAsync(context, StatusCodes.Status415UnsupportedMediaType, "Bitbucket webhooks are application/json.").ConfigureAwait(false);
            return;
        }

        var max = _options.MaxBodySize;
        if (request.ContentLength > max)
        {
            await RejectAsync(context, StatusCodes.Status413PayloadTooLarge, "The body is larger than this endpoint accepts.").ConfigureAwait(false);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = max;
        }

        byte[]? body;
        try
        {
            body = await ReadBodyAsync(request, max, aborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            await RejectAsync(context, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? ex.StatusCode : StatusCodes.Status400BadRequest, "The body could not be read.").ConfigureAwait(false);
            return;
        }
        catch (EndOfStreamException)
        {
            await RejectAsync(context, StatusCodes.Status400BadRequest, "The body is shorter than its Content-Length.").ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is IOException || (ex is OperationCanceledException && aborted.IsCancellationRequested))
        {
            // The sender went away mid-body: nobody is left to answer.
            delivery.Outcome = WebhookMetrics.Aborted;
            return;
        }

        if (body is null)
        {
            await RejectAsync(context, StatusCodes.Status413PayloadTooLarge, "The body is larger than this endpoint accepts.").ConfigureAwait(false);
            return;
        }

        WebhookHeaders headers;
        try
        {
            headers = WebhookHeaders.Read(name => request.Headers.TryGetValue(name, out var values) ? (IEnumerable<string?>)values : null);
        }
        catch (WebhookRejectedException ex)
        {
            LogRejected(ex.Reason, ex.Message);
            await RejectAsync(context, StatusCodes.Status400BadRequest, ex.Message).ConfigureAwait(false);
            return;
        }

        if (_verifier is not null)
        {
            var signature = _verifier.Verify(body, headers.Signature);
            if (signature != WebhookSignatureResult.Valid)
            {
                LogBadSignature(signature, headers.EventKey.Value, headers.RequestUuid);
                await RejectAsync(context, StatusCodes.Status401Unauthorized, "The signature is missing or does not match.").ConfigureAwait(false);
                return;
            }
        }

        WebhookEvent webhookEvent;
        try
        {
            webhookEvent = WebhookEventParser.Parse(headers, body);
            delivery.EventKey = webhookEvent is UnknownWebhookEvent ? WebhookMetrics.OtherEvent : headers.EventKey.Value;
        }
        catch (WebhookRejectedException ex)
        {
            LogRejected(ex.Reason, ex.Message);
            await RejectAsync(context, StatusCodes.Status400BadRequest, ex.Message).ConfigureAwait(false);
            return;
        }

        switch (await _store.TryClaimAsync(headers.RequestUuid, aborted).ConfigureAwait(false))
        {
            case WebhookDeliveryClaim.Completed:
                delivery.Outcome = WebhookMetrics.Duplicate;
                LogDuplicate(headers.EventKey.Value, headers.RequestUuid);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            case WebhookDeliveryClaim.InProgress:
                delivery.Outcome = WebhookMetrics.Duplicate;
                LogDuplicate(headers.EventKey.Value, headers.RequestUuid);
                await RejectAsync(context, StatusCodes.Status409Conflict, "Another attempt of this delivery is being handled.").ConfigureAwait(false);
                return;
        }

        if (_options.HandlingMode == WebhookHandlingMode.Queued)
        {
            if (_queue.TryEnqueue(webhookEvent, headers))
            {
                delivery.Outcome = WebhookMetrics.Queued;
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                return;
            }

            await _store.ReleaseAsync(headers.RequestUuid, CancellationToken.None).ConfigureAwait(false);
            LogQueueFull(headers.EventKey.Value, headers.RequestUuid);
            await RejectAsync(context, StatusCodes.Status503ServiceUnavailable, "The webhook queue is full; Bitbucket will retry.").ConfigureAwait(false);
            return;
        }

        try
        {
            var handled = await _dispatcher.DispatchAsync(context.RequestServices, webhookEvent, headers, aborted).ConfigureAwait(false);
            await _store.CompleteAsync(headers.RequestUuid, CancellationToken.None).ConfigureAwait(false);
            LogHandled(headers.EventKey.Value, headers.RequestUuid, handled);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            await _store.ReleaseAsync(headers.RequestUuid, CancellationToken.None).ConfigureAwait(false);
            delivery.Outcome = WebhookMetrics.Aborted;
            LogAborted(headers.EventKey.Value, headers.RequestUuid);
        }
        catch (Exception ex)
        {
            await _store.ReleaseAsync(headers.RequestUuid, CancellationToken.None).ConfigureAwait(false);

            // The exception and the delivery's ids only: never the body, the signature or a secret.
            LogHandlerFailed(ex, headers.EventKey.Value, headers.RequestUuid, headers.AttemptNumber);
            await RejectAsync(context, StatusCodes.Status500InternalServerError, "A handler failed; Bitbucket will retry.").ConfigureAwait(false);
        }
    }

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType;
        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                   || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        return json && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reads the whole body, or returns null when it is larger than <paramref name="max"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long max, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } length)
        {
            var exact = new byte[length];
            await request.Body.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            return exact;
        }

        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await request.Body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > max)
            {
                return null;
            }
        }
    }

    private static Task RejectAsync(HttpContext context, int status, string reason)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(reason, context.RequestAborted);
    }

    [LoggerMessage(1, LogLevel.Warning, "Bitbucket webhook delivery refused: {Reason}. {Detail}")]
    private partial void LogRejected(WebhookRejectionReason reason, string detail);

    [LoggerMessage(2, LogLevel.Warning, "Bitbucket webhook delivery {EventKey} {RequestUuid} refused: signature {SignatureResult}.")]
    private partial void LogBadSignature(WebhookSignatureResult signatureResult, string eventKey, string requestUuid);

    [LoggerMessage(3, LogLevel.Information, "Bitbucket webhook delivery {EventKey} {RequestUuid} seen before; acknowledged without handling it again.")]
    private partial void LogDuplicate(string eventKey, string requestUuid);

    [LoggerMessage(4, LogLevel.Debug, "Bitbucket webhook delivery {EventKey} {RequestUuid} handled by {HandlerCount} handler(s).")]
    private partial void LogHandled(string eventKey, string requestUuid, int handlerCount);

    [LoggerMessage(5, LogLevel.Information, "Bitbucket webhook delivery {EventKey} {RequestUuid}: the request was aborted while handling it.")]
    private partial void LogAborted(string eventKey, string requestUuid);

    [LoggerMessage(7, LogLevel.Warning, "Bitbucket webhook delivery {EventKey} {RequestUuid} refused: the queue is full.")]
    private partial void LogQueueFull(string eventKey, string requestUuid);

    [LoggerMessage(6, LogLevel.Error, "Bitbucket webhook delivery {EventKey} {RequestUuid} (attempt {AttemptNumber}): a handler failed.")]
    private partial void LogHandlerFailed(Exception exception, string eventKey, string requestUuid, int? attemptNumber);
}
