using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bitbucket.Webhooks.AspNetCore.Internal;

/// <summary>What the metric records about one delivery; filled in as the endpoint learns it.</summary>
internal sealed class DeliveryOutcome
{
    /// <summary>The event key when the body parsed into a known event, <see cref="WebhookMetrics.OtherEvent"/> for an unknown key, else null.</summary>
    public string? EventKey;

    /// <summary>An outcome the status code alone does not tell (duplicate, queued, aborted), else null.</summary>
    public string? Outcome;
}

/// <summary>
/// <c>bitbucket.webhook.deliveries</c> on the library's meter (<c>Bitbucket.Refit</c>, so <c>AddBitbucketInstrumentation()</c>
/// collects it): one count per delivery by outcome, status code and event key. The event key is a dimension only once
/// the body parsed into an event the library knows, so a sender cannot grow the metric's cardinality.
/// </summary>
internal static class WebhookMetrics
{
    public const string Handled = "handled";
    public const string Queued = "queued";
    public const string Duplicate = "duplicate";
    public const string Rejected = "rejected";
    public const string Failed = "failed";
    public const string Aborted = "aborted";
    public const string OtherEvent = "_OTHER";

    private static readonly Meter Meter = new(BitbucketTelemetry.MeterName, typeof(WebhookMetrics).Assembly.GetName().Version?.ToString());

    private static readonly Counter<long> Deliveries = Meter.CreateCounter<long>(
        "bitbucket.webhook.deliveries", unit: "{delivery}",
        description: "Webhook deliveries received, by outcome (handled, queued, duplicate, rejected, failed, aborted).");

    public static void Record(DeliveryOutcome delivery, int status)
    {
        if (!Deliveries.Enabled)
        {
            return;
        }

        var outcome = delivery.Outcome ?? status switch
        {
            >= 200 and < 300 => Handled,
            503 => Rejected, // the queue is full; Bitbucket retries
            >= 500 => Failed,
            _ => Rejected,
        };
        var tags = new TagList
        {
            { "bitbucket.webhook.outcome", outcome },
            { "http.response.status_code", status },
        };
        if (delivery.EventKey is not null)
        {
            tags.Add("bitbucket.webhook.event", delivery.EventKey);
        }

        Deliveries.Add(1, tags);
    }
}
