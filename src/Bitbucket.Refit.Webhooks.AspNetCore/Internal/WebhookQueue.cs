using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bitbucket.Webhooks.AspNetCore.Internal;

/// <summary>The bounded in-process queue of <see cref="WebhookHandlingMode.Queued"/>.</summary>
internal sealed class WebhookQueue(IOptions<BitbucketWebhookOptions> options)
{
    private readonly Channel<(WebhookEvent Event, WebhookHeaders Headers)> _channel =
        Channel.CreateBounded<(WebhookEvent, WebhookHeaders)>(new BoundedChannelOptions(Math.Max(1, options.Value.QueueCapacity)) { SingleReader = true });

    public bool TryEnqueue(WebhookEvent webhookEvent, WebhookHeaders headers) => _channel.Writer.TryWrite((webhookEvent, headers));

    public IAsyncEnumerable<(WebhookEvent Event, WebhookHeaders Headers)> ReadAllAsync(CancellationToken cancellationToken) =>
        _channel.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>Handles queued deliveries one at a time, each in its own DI scope, with the host's stopping token.</summary>
internal sealed partial class WebhookQueueWorker(
    IOptions<BitbucketWebhookOptions> options,
    WebhookQueue queue,
    WebhookDispatcher dispatcher,
    IWebhookDeliveryStore store,
    IServiceScopeFactory scopes,
    ILogger<WebhookQueueWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.HandlingMode != WebhookHandlingMode.Queued)
        {
            return;
        }

        try
        {
            await foreach (var (webhookEvent, headers) in queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    try
                    {
                        var handled = await dispatcher.DispatchAsync(scope.ServiceProvider, webhookEvent, headers, stoppingToken).ConfigureAwait(false);
                        await store.CompleteAsync(headers.RequestUuid, CancellationToken.None).ConfigureAwait(false);
                        LogHandled(headers.EventKey.Value, headers.RequestUuid, handled);
                    }
                    catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                    {
                        await store.ReleaseAsync(headers.RequestUuid, CancellationToken.None).ConfigureAwait(false);
                        throw;
                    }
                    catch (Exception ex)
                    {
                        await store.ReleaseAsync(headers.RequestUuid, CancellationToken.None).ConfigureAwait(false);
                        LogHandlerFailed(ex, headers.EventKey.Value, headers.RequestUuid);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: deliveries still queued are dropped (Bitbucket has its 202 for them).
        }
    }

    [LoggerMessage(10, LogLevel.Debug, "Queued Bitbucket webhook delivery {EventKey} {RequestUuid} handled by {HandlerCount} handler(s).")]
    private partial void LogHandled(string eventKey, string requestUuid, int handlerCount);

    [LoggerMessage(11, LogLevel.Error, "Queued Bitbucket webhook delivery {EventKey} {RequestUuid}: a handler failed; the delivery was acknowledged already and is not retried by Bitbucket.")]
    private partial void LogHandlerFailed(Exception exception, string eventKey, string requestUuid);
}
