using Bitbucket.Webhooks;

namespace Bitbucket.Samples.Web.Webhooks;

/// <summary>One verified delivery as the "Recent events" page shows it.</summary>
/// <param name="ReceivedAt">When the app handled it.</param>
/// <param name="EventKey">The <c>X-Event-Key</c>, e.g. <c>pullrequest:comment_created</c>.</param>
/// <param name="RequestUuid">The <c>X-Request-UUID</c> (the same on Bitbucket's retries of one delivery).</param>
/// <param name="Repository">The repository's full name, when the event has one.</param>
/// <param name="Actor">The display name of the user who caused the event.</param>
/// <param name="Summary">A line about what happened, e.g. the pull request and the comment's text.</param>
/// <param name="EventType">The typed event the library parsed the body into, e.g. <c>PullRequestCommentCreatedEvent</c>.</param>
internal sealed record ReceivedEvent(DateTimeOffset ReceivedAt, string EventKey, string RequestUuid, string? Repository, string? Actor, string Summary, string EventType);

/// <summary>The last <see cref="Capacity"/> deliveries the app verified and handled, newest first.</summary>
internal sealed class RecentEvents(TimeProvider clock)
{
    /// <summary>How many events are kept.</summary>
    public const int Capacity = 50;

    private readonly Lock _gate = new();
    private readonly LinkedList<ReceivedEvent> _events = new();

    /// <summary>Gets the kept events, newest first.</summary>
    public IReadOnlyList<ReceivedEvent> Snapshot()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    /// <summary>Records a handled delivery.</summary>
    /// <param name="webhookEvent">The parsed event.</param>
    /// <param name="headers">Its delivery headers.</param>
    public void Add(WebhookEvent webhookEvent, WebhookHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        ArgumentNullException.ThrowIfNull(headers);
        var repository = webhookEvent is RepositoryEvent r ? r.Repository?.FullName : null;
        var entry = new ReceivedEvent(
            clock.GetUtcNow(),
            headers.EventKey.Value,
            headers.RequestUuid,
            repository,
            webhookEvent.Actor?.DisplayName ?? webhookEvent.Actor?.Nickname,
            Describe(webhookEvent),
            webhookEvent.GetType().Name);
        lock (_gate)
        {
            _events.AddFirst(entry);
            while (_events.Count > Capacity)
            {
                _events.RemoveLast();
            }
        }
    }

    private static string Describe(WebhookEvent webhookEvent) => webhookEvent switch
    {
        PullRequestCommentCreatedEvent e => $"#{e.PullRequest?.Id} {e.PullRequest?.Title}: \"{e.Comment?.Content?.Raw}\"",
        PullRequestEvent e => $"#{e.PullRequest?.Id} {e.PullRequest?.Title} ({e.PullRequest?.State?.Value})",
        RepoPushEvent e => $"{e.Push?.Changes?.Count ?? 0} ref change(s)",
        _ => webhookEvent.EventKey.Value,
    };
}
