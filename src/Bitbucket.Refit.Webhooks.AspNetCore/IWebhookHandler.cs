namespace Bitbucket.Webhooks.AspNetCore;

/// <summary>
/// Handles the events of one type, resolved from the request's DI scope for each delivery. Register it with
/// <see cref="BitbucketWebhooksBuilder.AddHandler{TEvent, THandler}"/>; a handler of a base type (<see cref="PullRequestEvent"/>,
/// <see cref="WebhookEvent"/> as a catch-all) receives every event deriving from it.
/// </summary>
/// <typeparam name="TEvent">The event type.</typeparam>
public interface IWebhookHandler<in TEvent>
    where TEvent : WebhookEvent
{
    /// <summary>Handles one event. Bitbucket waits for the answer (about 10 s at most): keep it short, or hand the work to a queue.</summary>
    /// <param name="event">The verified, parsed event.</param>
    /// <param name="headers">The delivery's headers (request and hook UUIDs, attempt number).</param>
    /// <param name="cancellationToken">The request's <c>RequestAborted</c> token.</param>
    /// <returns>A task that completes when the event is handled; an exception answers 500 and Bitbucket retries.</returns>
    Task HandleAsync(TEvent @event, WebhookHeaders headers, CancellationToken cancellationToken);
}
