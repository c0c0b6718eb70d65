namespace Bitbucket.Webhooks.AspNetCore;

/// <summary>
/// Options of the webhook endpoint, usually bound from configuration (<c>"Bitbucket:Webhooks"</c>) and validated at
/// start-up: either at least one secret, or <see cref="AllowUnsignedDeliveries"/> set on purpose.
/// </summary>
public sealed class BitbucketWebhookOptions
{
    /// <summary>The default <see cref="MaxBodySize"/>: 10 MiB, well above Bitbucket's largest pushes (it truncates commit lists).</summary>
    public const long DefaultMaxBodySize = 10 * 1024 * 1024;

    /// <summary>
    /// Gets or sets the webhook secrets accepted in <c>X-Hub-Signature</c>. Give two during a rotation (the new one
    /// and the old one) and drop the old one when every webhook uses the new one.
    /// </summary>
    public List<string> Secrets { get; set; } = [];

    /// <summary>
    /// Gets or sets a value indicating whether deliveries without a signature are accepted when no secret is configured.
    /// Off by default: anyone who knows the URL could post events otherwise.
    /// </summary>
    public bool AllowUnsignedDeliveries { get; set; }

    /// <summary>Gets or sets the largest body accepted, in bytes; a larger one is answered 413.</summary>
    public long MaxBodySize { get; set; } = DefaultMaxBodySize;

    /// <summary>Gets or sets how many delivery ids the default in-memory store remembers.</summary>
    public int DeduplicationCapacity { get; set; } = InMemoryWebhookDeliveryStore.DefaultCapacity;

    /// <summary>Gets or sets how long the default in-memory store remembers a handled delivery.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = InMemoryWebhookDeliveryStore.DefaultRetention;

    /// <summary>Gets or sets when the handlers run: <see cref="WebhookHandlingMode.Inline"/> (the default) or <see cref="WebhookHandlingMode.Queued"/>.</summary>
    public WebhookHandlingMode HandlingMode { get; set; } = WebhookHandlingMode.Inline;

    /// <summary>Gets or sets how many deliveries <see cref="WebhookHandlingMode.Queued"/> holds before answering 503.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Describes the options without the secrets.</summary>
    /// <returns>The number of secrets and the limits.</returns>
    public override string ToString() =>
        $"BitbucketWebhookOptions (secrets: {Secrets.Count}, unsigned allowed: {AllowUnsignedDeliveries}, max body: {MaxBodySize} bytes, handling: {HandlingMode})";
}
