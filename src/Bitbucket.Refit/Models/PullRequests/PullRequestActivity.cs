using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket.Models;

/// <summary>
/// One entry of a pull request's activity log. Exactly one of <see cref="Update"/>, <see cref="Approval"/>,
/// <see cref="Comment"/> and <see cref="ChangesRequested"/> is set, telling what happened; <see cref="PullRequest"/>
/// names the pull request it happened on (useful on the repository-wide log).
/// </summary>
public sealed record PullRequestActivity
{
    /// <summary>Gets the new state of the pull request when it was opened, updated, merged or declined.</summary>
    public PullRequestActivityUpdate? Update { get; init; }

    /// <summary>Gets the approval, when a reviewer approved the pull request.</summary>
    public PullRequestActivityReview? Approval { get; init; }

    /// <summary>Gets the comment, when someone commented (inline comments carry <see cref="Models.Comment.Inline"/>).</summary>
    public PullRequestComment? Comment { get; init; }

    /// <summary>Gets the change request, when a reviewer requested changes.</summary>
    public PullRequestActivityReview? ChangesRequested { get; init; }

    /// <summary>Gets the pull request the entry belongs to (type, id, title and links only).</summary>
    public PullRequest? PullRequest { get; init; }

    /// <summary>Gets any field the server sent that this record does not model (tasks and attachments, for example).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The state of a pull request as an <c>update</c> entry of its activity log records it.</summary>
public sealed record PullRequestActivityUpdate
{
    /// <summary>Gets the state after the update: <c>OPEN</c>, <c>MERGED</c> or <c>DECLINED</c>.</summary>
    public PullRequestState? State { get; init; }

    /// <summary>Gets the title after the update.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the description after the update.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the reason given when the pull request was declined.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets who made the update.</summary>
    public Account? Author { get; init; }

    /// <summary>Gets when the update happened.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>Gets the source branch, commit and repository after the update.</summary>
    public PullRequestEndpoint? Source { get; init; }

    /// <summary>Gets the destination branch, commit and repository after the update.</summary>
    public PullRequestEndpoint? Destination { get; init; }

    /// <summary>Gets any field the server sent that this record does not model (for example <c>changes</c> and <c>reviewers</c>).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>An <c>approval</c> or <c>changes_requested</c> entry of a pull request's activity log.</summary>
public sealed record PullRequestActivityReview
{
    /// <summary>Gets when the reviewer approved or requested changes.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>Gets the reviewer.</summary>
    public Account? User { get; init; }

    /// <summary>Gets the pull request (type, id, title and links only).</summary>
    [JsonPropertyName("pullrequest")]
    public PullRequest? PullRequest { get; init; }

    /// <summary>Gets any field the server sent that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
