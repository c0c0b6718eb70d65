using System.Text.Json;
using System.Text.Json.Serialization;
using Bitbucket.Models;
using Bitbucket.Webhooks.Serialization;

namespace Bitbucket.Webhooks;

/// <summary>
/// An event Bitbucket delivered to a webhook. Each event key has its own sealed type (<see cref="RepoPushEvent"/>,
/// <see cref="PullRequestFulfilledEvent"/> …) built on the Bitbucket.Refit models; a key this library does not know
/// arrives as an <see cref="UnknownWebhookEvent"/> carrying the raw JSON.
/// </summary>
public abstract record WebhookEvent
{
    private protected WebhookEvent()
    {
    }

    /// <summary>Gets the event key, as sent in the <c>X-Event-Key</c> header.</summary>
    [JsonIgnore]
    public WebhookEventKey EventKey => Key;

    /// <summary>Gets the account whose action raised the event.</summary>
    [JsonIgnore]
    public Account? Actor { get; init; }

    [JsonInclude]
    [JsonPropertyName("actor")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal AccountBox ActorJson { get => new(Actor); init => Actor = value.Value; }

    /// <summary>Gets any field of the payload that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    private protected abstract WebhookEventKey Key { get; }

    /// <summary>Names the member the payload of this event must carry but does not, or returns null when complete.</summary>
    /// <returns>The JSON name of the first missing member, or null.</returns>
    internal virtual string? FindMissingMember() => null;
}

/// <summary>An event about a repository: the <c>repo:*</c> family, and the base of the pull-request events.</summary>
public abstract record RepositoryEvent : WebhookEvent
{
    private protected RepositoryEvent()
    {
    }

    /// <summary>Gets the repository the event happened in.</summary>
    [JsonIgnore]
    public Repository? Repository { get; init; }

    [JsonInclude]
    [JsonPropertyName("repository")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal RepositoryBox RepositoryJson { get => new(Repository); init => Repository = value.Value; }

    internal override string? FindMissingMember() => Repository is null ? "repository" : null;
}

/// <summary>An event about a pull request: the <c>pullrequest:*</c> family.</summary>
public abstract record PullRequestEvent : RepositoryEvent
{
    private protected PullRequestEvent()
    {
    }

    /// <summary>Gets the pull request, as it is after the event.</summary>
    [JsonIgnore]
    public PullRequest? PullRequest { get; init; }

    [JsonInclude]
    [JsonPropertyName("pullrequest")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal PullRequestBox PullRequestJson { get => new(PullRequest); init => PullRequest = value.Value; }

    internal override string? FindMissingMember() => base.FindMissingMember() ?? (PullRequest is null ? "pullrequest" : null);
}

/// <summary>An event about a comment on a pull request (<c>pullrequest:comment_*</c>).</summary>
public abstract record PullRequestCommentEvent : PullRequestEvent
{
    private protected PullRequestCommentEvent()
    {
    }

    /// <summary>Gets the comment.</summary>
    [JsonIgnore]
    public PullRequestComment? Comment { get; init; }

    [JsonInclude]
    [JsonPropertyName("comment")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal PullRequestCommentBox CommentJson { get => new(Comment); init => Comment = value.Value; }

    internal override string? FindMissingMember() => base.FindMissingMember() ?? (Comment is null ? "comment" : null);
}

/// <summary>An event about a build status of a commit (<c>repo:commit_status_created</c>, <c>repo:commit_status_updated</c>).</summary>
public abstract record CommitStatusEvent : RepositoryEvent
{
    private protected CommitStatusEvent()
    {
    }

    /// <summary>Gets the build status.</summary>
    [JsonIgnore]
    public CommitStatus? CommitStatus { get; init; }

    [JsonInclude]
    [JsonPropertyName("commit_status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal CommitStatusBox CommitStatusJson { get => new(CommitStatus); init => CommitStatus = value.Value; }

    internal override string? FindMissingMember() => base.FindMissingMember() ?? (CommitStatus is null ? "commit_status" : null);
}
