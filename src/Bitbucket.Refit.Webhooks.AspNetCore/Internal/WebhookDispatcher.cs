namespace Bitbucket.Webhooks.AspNetCore.Internal;

/// <summary>Runs the registered handlers whose event type the event is, in registration order.</summary>
internal sealed class WebhookDispatcher(IEnumerable<WebhookHandlerRegistration> registrations)
{
    private readonly WebhookHandlerRegistration[] _handlers = [.. registrations];

    /// <summary>Runs the handlers from <paramref name="services"/> (a request or background scope).</summary>
    /// <returns>How many handlers ran.</returns>
    public async Task<int> DispatchAsync(IServiceProvider services, WebhookEvent webhookEvent, WebhookHeaders headers, CancellationToken cancellationToken)
    {
        var handled = 0;
        foreach (var handler in _handlers)
        {
            if (handler.EventType.IsInstanceOfType(webhookEvent))
            {
                await handler.InvokeAsync(services, webhookEvent, headers, cancellationToken).ConfigureAwait(false);
                handled++;
            }
        }

        return handled;
    }
}
