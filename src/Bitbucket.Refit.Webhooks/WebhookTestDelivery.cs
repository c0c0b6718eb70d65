using System.Net.Http.Headers;
using Bitbucket.Models;

namespace Bitbucket.Webhooks;

/// <summary>
/// A webhook delivery as Bitbucket would send it, headers and body, signed: built by <see cref="WebhookTestDelivery"/>
/// for unit tests of handlers and integration tests of an endpoint.
/// </summary>
public sealed class SignedWebhookDelivery
{
    internal SignedWebhookDelivery(WebhookEventKey eventKey, string requestUuid, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> headers)
    {
        EventKey = eventKey;
        RequestUuid = requestUuid;
        Body = body;
        Headers = headers;
    }

    /// <summary>Gets the event key.</summary>
    public WebhookEventKey EventKey { get; }

    /// <summary>Gets the delivery's <c>X-Request-UUID</c>.</summary>
    public string RequestUuid { get; }

    /// <summary>Gets the raw JSON body.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets Bitbucket's headers: <c>X-Event-Key</c>, <c>X-Hook-UUID</c>, <c>X-Request-UUID</c>, <c>X-Attempt-Number</c>, <c>User-Agent</c>, and <c>X-Hub-Signature</c> when signed.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Gets the headers in the shape <see cref="WebhookHeaders.Read"/> takes.</summary>
    /// <returns>The parsed headers.</returns>
    public WebhookHeaders ReadHeaders() =>
        WebhookHeaders.Read(name => Headers.TryGetValue(name, out var value) ? [value] : null);

    /// <summary>Builds the POST Bitbucket would send to <paramref name="requestUri"/>.</summary>
    /// <param name="requestUri">The endpoint.</param>
    /// <returns>A request with the body (<c>application/json; charset=utf-8</c>) and the headers.</returns>
    public HttpRequestMessage ToHttpRequestMessage(Uri requestUri)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, requestUri) { Content = new ReadOnlyMemoryContent(Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>Describes the delivery without its signature.</summary>
    /// <returns>The event key and request UUID.</returns>
    public override string ToString() => $"{EventKey} delivery {RequestUuid} ({Body.Length} bytes)";
}

/// <summary>Builds signed deliveries exactly as Bitbucket sends them, for tests.</summary>
public static class WebhookTestDelivery
{
    /// <summary>The <c>User-Agent</c> Bitbucket sends.</summary>
    public const string UserAgent = "Bitbucket-Webhooks/2.0";

    /// <summary>Builds a delivery of an event, serialized as Bitbucket would.</summary>
    /// <param name="event">The event, for example <c>new PullRequestFulfilledEvent { PullRequest = …, Repository = … }</c>.</param>
    /// <param name="secret">The webhook secret to sign with, or null for an unsigned delivery.</param>
    /// <param name="requestUuid">The <c>X-Request-UUID</c>; a new one when null. Reuse one to simulate a retry.</param>
    /// <param name="hookUuid">The <c>X-Hook-UUID</c>; a fixed test UUID when null.</param>
    /// <param name="attemptNumber">The <c>X-Attempt-Number</c>.</param>
    /// <returns>The delivery.</returns>
    public static SignedWebhookDelivery Create(WebhookEvent @event, string? secret, string? requestUuid = null, string? hookUuid = null, int attemptNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return Create(@event.EventKey, WebhookEventParser.Serialize(@event), secret, requestUuid, hookUuid, attemptNumber);
    }

    /// <summary>Builds a delivery of a raw body, for payloads the event types cannot express (malformed ones included).</summary>
    /// <param name="eventKey">The <c>X-Event-Key</c>.</param>
    /// <param name="body">The raw body.</param>
    /// <param name="secret">The webhook secret to sign with, or null for an unsigned delivery.</param>
    /// <param name="requestUuid">The <c>X-Request-UUID</c>; a new one when null.</param>
    /// <param name="hookUuid">The <c>X-Hook-UUID</c>; a fixed test UUID when null.</param>
    /// <param name="attemptNumber">The <c>X-Attempt-Number</c>.</param>
    /// <returns>The delivery.</returns>
    public static SignedWebhookDelivery Create(WebhookEventKey eventKey, ReadOnlyMemory<byte> body, string? secret, string? requestUuid = null, string? hookUuid = null, int attemptNumber = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventKey.Value, nameof(eventKey));
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptNumber, 1);
        requestUuid ??= Guid.NewGuid().ToString();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [WebhookHeaders.EventKeyHeader] = eventKey.Value,
            [WebhookHeaders.HookUuidHeader] = hookUuid ?? "{00000000-0000-4000-8000-00000000b00c}",
            [WebhookHeaders.RequestUuidHeader] = requestUuid,
            [WebhookHeaders.AttemptNumberHeader] = attemptNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["User-Agent"] = UserAgent,
        };
        if (secret is not null)
        {
            headers[WebhookHeaders.SignatureHeader] = WebhookSignatureVerifier.Sign(body.Span, secret);
        }

        return new SignedWebhookDelivery(eventKey, requestUuid, body, headers);
    }
}
