using Bitbucket.Webhooks;
using Bitbucket.Webhooks.AspNetCore;
using Bitbucket.Webhooks.AspNetCore.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Bitbucket webhook endpoint's services.</summary>
public static class BitbucketWebhooksServiceCollectionExtensions
{
    /// <summary>Registers the webhook services with options bound from configuration (<c>Secrets</c>, <c>MaxBodySize</c> …), validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, for example <c>builder.Configuration.GetSection("Bitbucket:Webhooks")</c>.</param>
    /// <returns>A builder to add handlers with.</returns>
    public static BitbucketWebhooksBuilder AddBitbucketWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddBitbucketWebhooks(_ => { });
        services.Configure<BitbucketWebhookOptions>(configuration);
        return builder;
    }

    /// <summary>Registers the webhook services with options set in code, validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (secrets, limits).</param>
    /// <returns>A builder to add handlers with.</returns>
    public static BitbucketWebhooksBuilder AddBitbucketWebhooks(this IServiceCollection services, Action<BitbucketWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<BitbucketWebhookOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BitbucketWebhookOptions>, BitbucketWebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWebhookDeliveryStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BitbucketWebhookOptions>>().Value;
            return new InMemoryWebhookDeliveryStore(options.DeduplicationCapacity, options.DeduplicationWindow, timeProvider: sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<WebhookDispatcher>();
        services.TryAddSingleton<WebhookQueue>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WebhookQueueWorker>());
        services.TryAddSingleton<WebhookEndpoint>();
        return new BitbucketWebhooksBuilder(services);
    }
}
