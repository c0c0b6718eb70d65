namespace Bitbucket.Webhooks.AspNetCore.Internal;

/// <summary>One handler: the event type it takes (base types included) and how to call it from a request scope.</summary>
internal sealed record WebhookHandlerRegistration(
    Type EventType,
    Func<IServiceProvider, WebhookEvent, WebhookHeaders, CancellationToken, Task> InvokeAsync);
