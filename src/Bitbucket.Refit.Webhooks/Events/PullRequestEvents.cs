using System.Text.Json.Serialization;
using Bitbucket.Models;

namespace Bitbucket.Webhooks;

/// <summary><c>pullrequest:created</c>: a pull request was opened.</summary>
public sealed record PullRequestCreatedEvent : PullRequestEvent
{
    private protected override WebhookEventKey Key => WebhookEventKey.PullRequestCreated;
}

/// <summary><c>pullrequest:updated</c>: a pull request's title, description, reviewers or branches changed.</summary>
public sealed record PullRequestUpdatedEvent : PullRequestEvent
{
    private protected override WebhookEventKey Key => WebhookEventKey.PullRequestUpdated;
}

/// <summary><c>pullrequest:approved</c>: a user approved a pull request.</summary>
public sealed record PullRequestApprovedEvent : PullRequestEvent
{
    /// <summary>Gets who approved, and when.</summary>
    public PullRequestReviewAction? Approval { get; init; }

    private protected override WebhookEventKey Key => WebhookEventKey.PullRequestApproved;
}

/// <summary><c>pullrequest:unapproved</c>: a user withdrew an approval.</summary>
public sealed record PullRequestUnapprovedEvent : PullRequestEvent
{
    /// <summary>Gets whose approval was withdrawn, and when.</summary>
    public PullRequestReviewAction? Approval { get; init; }

    private protected override WebhookEventKey Key => WebhookEventKey.PullRequestUnapproved;
}

/// <summary><c>pullrequest:fulfilled</c>: a pull request was merged.</summary>
public sealed record PullRequestFulfilledEvent : PullRequestEvent
{
    private protected override WebhookEventKey Key => WebhookEventKey.PullRequestFulfilled;
}

/// <summary><c>pullrequest:rejected</c>: a pull request was declined.</summary>
public sealed record PullRequestRejectedEvent : PullRequestEvent
{
    private protected override WebhookEventKey Key => WebhookEventKey.PullRequestRejected;
}

/// <summary><c>pullrequest:changes_request_created</c>: a reviewer requested changes.</summary>
public sealed record PullRequestChangesRequestCreatedEvent : PullRequestEvent
{
    /// <summary>Gets who requested changes, and when.</summary>
    public PullRequestReviewAction? ChangesRequest { get; init; }

    private protected override WebhookEventKey Key => WebhookEventKey.PullRequestChangesRequestCreated;
}

/// <summary><c>pullrequest:changes_request_removed</c>: a reviewer withdrew a request for changes.</summary>
public sealed record PullRequestChangesRequestRemovedEvent : PullRequestEvent
{
    /// <summary>Gets whose request for changes was withdrawn, and when.</summary>
    public PullRequestReviewAction? ChangesRequest { get; init; }

    private protected override WebhookEventKey Key => WebhookEventKey.PullRequestChangesRequestRemoved;
}

/// <summary><c>pullrequest:push</c>: commits were pushed to the source branch of a pull request.</summary>
public sealed record PullRequestPushEvent : PullRequestEvent
{
    private protected override WebhookEventKey Key => WebhookEventKey.PullRequestPush;
}

/// <summary><c>pullrequest:comment_created</c>: a user commented on a pull request.</summary>
public sealed record PullRequestCommentCreatedEvent : PullRequestCommentEvent
{
    private protected override WebhookEventKey Key => WebhookEventKey.PullRequestCommentCreated;
}

/// <summary><c>pullrequest:comment_updated</c>: a pull-request comment was edited.</summary>
public sealed record PullRequestCommentUpdatedEvent : PullRequestCommentEvent
{
    private protected override WebhookEventKey Key => WebhookEventKey.PullRequestCommentUpdated;
}

/// <summary><c>pullrequest:comment_deleted</c>: a pull-request comment was deleted.</summary>
public sealed record PullRequestCommentDeletedEvent : PullRequestCommentEvent
{
    private protected override WebhookEventKey Key => WebhookEventKey.PullRequestCommentDeleted;
}

/// <summary><c>pullrequest:comment_resolved</c>: a pull-request comment thread was resolved.</summary>
public sealed record PullRequestCommentResolvedEvent : PullRequestCommentEvent
{
    private protected override WebhookEventKey Key => WebhookEventKey.PullRequestCommentResolved;
}

/// <summary><c>pullrequest:comment_reopened</c>: a resolved pull-request comment thread was reopened.</summary>
public sealed record PullRequestCommentReopenedEvent : PullRequestCommentEvent
{
    private protected override WebhookEventKey Key => WebhookEventKey.PullRequestCommentReopened;
}
