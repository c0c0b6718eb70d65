namespace Bitbucket.Sandbox;

/// <summary>One attempt of the sandbox to deliver a webhook event.</summary>
/// <param name="HookUuid">The webhook's UUID.</param>
/// <param name="Url">The URL the event was sent to.</param>
/// <param name="EventKey">The event, such as <c>pullrequest:fulfilled</c>.</param>
/// <param name="RequestUuid">The <c>X-Request-UUID</c> of the delivery.</param>
/// <param name="StatusCode">The status the receiver answered with, or <see langword="null"/> when it could not be reached.</param>
/// <param name="Error">Why the delivery failed, when it did.</param>
/// <param name="DeliveredAt">When the attempt ended (sandbox clock).</param>
/// <param name="Body">The raw JSON body that was (or would have been) posted.</param>
public sealed record SandboxWebhookDelivery(
    string HookUuid,
    string Url,
    string EventKey,
    string RequestUuid,
    int? StatusCode,
    string? Error,
    DateTimeOffset DeliveredAt,
    ReadOnlyMemory<byte> Body);
