using System.Text.Json.Serialization;
using Bitbucket.Models;
using Bitbucket.Webhooks.Serialization;

namespace Bitbucket.Webhooks;

/// <summary><c>repo:push</c>: a user pushed one or more refs (branches or tags) to the repository.</summary>
public sealed record RepoPushEvent : RepositoryEvent
{
    /// <summary>Gets the details of the push: one change per ref.</summary>
    public PushDetails? Push { get; init; }

    private protected override WebhookEventKey Key => WebhookEventKey.RepoPush;

    internal override string? FindMissingMember() => base.FindMissingMember() ?? (Push?.Changes is null ? "push.changes" : null);
}

/// <summary><c>repo:fork</c>: the repository was forked; <see cref="RepositoryEvent.Repository"/> is the original.</summary>
public sealed record RepoForkEvent : RepositoryEvent
{
    /// <summary>Gets the new fork.</summary>
    [JsonIgnore]
    public Repository? Fork { get; init; }

    [JsonInclude]
    [JsonPropertyName("fork")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal RepositoryBox ForkJson { get => new(Fork); init => Fork = value.Value; }

    private protected override WebhookEventKey Key => WebhookEventKey.RepoFork;

    internal override string? FindMissingMember() => base.FindMissingMember() ?? (Fork is null ? "fork" : null);
}

/// <summary><c>repo:updated</c>: the repository's details (name, description, website, language …) changed.</summary>
public sealed record RepoUpdatedEvent : RepositoryEvent
{
    /// <summary>Gets what changed, by field name (<c>name</c>, <c>full_name</c>, <c>description</c>, <c>website</c>, <c>language</c>, <c>links</c> …).</summary>
    public IReadOnlyDictionary<string, WebhookValueChange>? Changes { get; init; }

    private protected override WebhookEventKey Key => WebhookEventKey.RepoUpdated;
}

/// <summary><c>repo:transfer</c>: the repository moved to another workspace.</summary>
public sealed record RepoTransferEvent : RepositoryEvent
{
    /// <summary>Gets the workspace the repository belonged to before the transfer.</summary>
    [JsonIgnore]
    public Workspace? PreviousWorkspace { get; init; }

    [JsonInclude]
    [JsonPropertyName("previous_workspace")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal WorkspaceBox PreviousWorkspaceJson { get => new(PreviousWorkspace); init => PreviousWorkspace = value.Value; }

    private protected override WebhookEventKey Key => WebhookEventKey.RepoTransfer;
}

/// <summary><c>repo:commit_comment_created</c>: a user commented on a commit.</summary>
public sealed record RepoCommitCommentCreatedEvent : RepositoryEvent
{
    /// <summary>Gets the comment.</summary>
    [JsonIgnore]
    public CommitComment? Comment { get; init; }

    [JsonInclude]
    [JsonPropertyName("comment")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal CommitCommentBox CommentJson { get => new(Comment); init => Comment = value.Value; }

    /// <summary>Gets the commit that was commented on.</summary>
    [JsonIgnore]
    public Commit? Commit { get; init; }

    [JsonInclude]
    [JsonPropertyName("commit")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal CommitBox CommitJson { get => new(Commit); init => Commit = value.Value; }

    private protected override WebhookEventKey Key => WebhookEventKey.RepoCommitCommentCreated;

    internal override string? FindMissingMember() => base.FindMissingMember() ?? (Comment is null ? "comment" : null);
}

/// <summary><c>repo:commit_status_created</c>: a build status was reported for a commit.</summary>
public sealed record RepoCommitStatusCreatedEvent : CommitStatusEvent
{
    private protected override WebhookEventKey Key => WebhookEventKey.RepoCommitStatusCreated;
}

/// <summary><c>repo:commit_status_updated</c>: a build status of a commit changed.</summary>
public sealed record RepoCommitStatusUpdatedEvent : CommitStatusEvent
{
    private protected override WebhookEventKey Key => WebhookEventKey.RepoCommitStatusUpdated;
}

/// <summary><c>repo:created</c>: a repository was created (workspace webhooks).</summary>
public sealed record RepoCreatedEvent : RepositoryEvent
{
    private protected override WebhookEventKey Key => WebhookEventKey.RepoCreated;
}

/// <summary><c>repo:deleted</c>: a repository was deleted; <see cref="RepositoryEvent.Repository"/> is the repository as it was.</summary>
public sealed record RepoDeletedEvent : RepositoryEvent
{
    private protected override WebhookEventKey Key => WebhookEventKey.RepoDeleted;
}

/// <summary><c>repo:imported</c>: a repository import finished.</summary>
public sealed record RepoImportedEvent : RepositoryEvent
{
    private protected override WebhookEventKey Key => WebhookEventKey.RepoImported;
}

/// <summary><c>project:updated</c>: a project's details changed.</summary>
public sealed record ProjectUpdatedEvent : WebhookEvent
{
    /// <summary>Gets the project, as it is after the change.</summary>
    [JsonIgnore]
    public Project? Project { get; init; }

    [JsonInclude]
    [JsonPropertyName("project")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal ProjectBox ProjectJson { get => new(Project); init => Project = value.Value; }

    /// <summary>Gets what changed, by field name, when Bitbucket says.</summary>
    public IReadOnlyDictionary<string, WebhookValueChange>? Changes { get; init; }

    private protected override WebhookEventKey Key => WebhookEventKey.ProjectUpdated;

    internal override string? FindMissingMember() => Project is null ? "project" : null;
}
