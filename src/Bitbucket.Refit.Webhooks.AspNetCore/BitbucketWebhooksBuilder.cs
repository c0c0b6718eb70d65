using System.Diagnostics.CodeAnalysis;
using Bitbucket.Webhooks.AspNetCore.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bitbucket.Webhooks.AspNetCore;

/// <summary>Adds handlers and replaces the delivery store of the webhook endpoint.</summary>
public sealed class BitbucketWebhooksBuilder
{
    internal BitbucketWebhooksBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Adds a handler class, resolved from the request's scope (registered as scoped unless already registered).
    /// Handlers run in the order they were added.
    /// </summary>
    /// <typeparam name="TEvent">The event type it handles; a base type (<see cref="WebhookEvent"/>) receives every derived event.</typeparam>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <returns>This builder.</returns>
    public BitbucketWebhooksBuilder AddHandler<TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where TEvent : WebhookEvent
        where THandler : class, IWebhookHandler<TEvent>
    {
        Services.TryAddScoped<THandler>();
        Services.AddSingleton(new WebhookHandlerRegistration(
            typeof(TEvent),
            static (services, @event, headers, cancellationToken) =>
                services.GetRequiredService<THandler>().HandleAsync((TEvent)@event, headers, cancellationToken)));
        return this;
    }

    /// <summary>Adds a handler delegate, for small handlers that need no class.</summary>
    /// <typeparam name="TEvent">The event type it handles; a base type (<see cref="WebhookEvent"/>) receives every derived event.</typeparam>
    /// <param name="handler">Receives the event, the delivery's headers, the request's services and its <c>RequestAborted</c> token.</param>
    /// <returns>This builder.</returns>
    public BitbucketWebhooksBuilder AddHandler<TEvent>(Func<TEvent, WebhookHeaders, IServiceProvider, CancellationToken, Task> handler)
        where TEvent : WebhookEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        Services.AddSingleton(new WebhookHandlerRegistration(
            typeof(TEvent),
            (services, @event, headers, cancellationToken) => handler((TEvent)@event, headers, services, cancellationToken)));
        return this;
    }

    /// <summary>
    /// Replaces the in-memory delivery store, for example with a distributed one shared by several replicas.
    /// </summary>
    /// <typeparam name="TStore">The store type, registered as a singleton.</typeparam>
    /// <returns>This builder.</returns>
    public BitbucketWebhooksBuilder UseDeliveryStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>()
        where TStore : class, IWebhookDeliveryStore
    {
        Services.Replace(ServiceDescriptor.Singleton<IWebhookDeliveryStore, TStore>());
        return this;
    }
}
