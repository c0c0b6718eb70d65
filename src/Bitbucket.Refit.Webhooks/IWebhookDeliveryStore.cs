namespace Bitbucket.Webhooks;

/// <summary>The state of a delivery in an <see cref="IWebhookDeliveryStore"/>.</summary>
public enum WebhookDeliveryClaim
{
    /// <summary>First sight of this delivery: the caller now owns it and must complete or release it.</summary>
    Claimed,

    /// <summary>Another attempt of this delivery is being handled right now.</summary>
    InProgress,

    /// <summary>This delivery was handled already: acknowledge it, do not handle it again.</summary>
    Completed,
}

/// <summary>
/// Remembers which deliveries (by <c>X-Request-UUID</c>, the same on every retry) were handled, so a redelivery is
/// acknowledged and not handled twice. Three atomic operations, chosen so that a distributed store maps onto them
/// directly; with Redis for example: claim = <c>SET key in-progress NX PX lease</c> (reading the existing value when
/// it fails), complete = <c>SET key done PX retention</c>, release = <c>DEL key</c>.
/// </summary>
public interface IWebhookDeliveryStore
{
    /// <summary>Claims a delivery for handling, atomically across every caller sharing the store.</summary>
    /// <param name="requestUuid">The delivery's <c>X-Request-UUID</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="WebhookDeliveryClaim.Claimed"/> when the caller now owns the delivery; otherwise its state.</returns>
    ValueTask<WebhookDeliveryClaim> TryClaimAsync(string requestUuid, CancellationToken cancellationToken);

    /// <summary>Marks a claimed delivery as handled; retries of it are then answered without handling.</summary>
    /// <param name="requestUuid">The delivery's <c>X-Request-UUID</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the state is stored.</returns>
    ValueTask CompleteAsync(string requestUuid, CancellationToken cancellationToken);

    /// <summary>Gives up a claim after a failure, so Bitbucket's next attempt is handled.</summary>
    /// <param name="requestUuid">The delivery's <c>X-Request-UUID</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the claim is gone.</returns>
    ValueTask ReleaseAsync(string requestUuid, CancellationToken cancellationToken);
}
