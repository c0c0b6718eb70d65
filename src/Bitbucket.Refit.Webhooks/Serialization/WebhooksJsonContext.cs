using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bitbucket.Webhooks.Serialization;

/// <summary>
/// The source-generated context of the event types: snake_case, nulls left out, unknown fields kept in each record's
/// extension data. The Bitbucket.Refit models inside the events are read through BitbucketJsonContext (see
/// ModelConverter.cs), so both packages describe a repository or a pull request with the same metadata.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    MaxDepth = WebhookEventParser.MaxDepth)]
[JsonSerializable(typeof(RepoPushEvent))]
[JsonSerializable(typeof(RepoForkEvent))]
[JsonSerializable(typeof(RepoUpdatedEvent))]
[JsonSerializable(typeof(RepoTransferEvent))]
[JsonSerializable(typeof(RepoCommitCommentCreatedEvent))]
[JsonSerializable(typeof(RepoCommitStatusCreatedEvent))]
[JsonSerializable(typeof(RepoCommitStatusUpdatedEvent))]
[JsonSerializable(typeof(RepoCreatedEvent))]
[JsonSerializable(typeof(RepoDeletedEvent))]
[JsonSerializable(typeof(RepoImportedEvent))]
[JsonSerializable(typeof(ProjectUpdatedEvent))]
[JsonSerializable(typeof(PullRequestCreatedEvent))]
[JsonSerializable(typeof(PullRequestUpdatedEvent))]
[JsonSerializable(typeof(PullRequestApprovedEvent))]
[JsonSerializable(typeof(PullRequestUnapprovedEvent))]
[JsonSerializable(typeof(PullRequestFulfilledEvent))]
[JsonSerializable(typeof(PullRequestRejectedEvent))]
[JsonSerializable(typeof(PullRequestChangesRequestCreatedEvent))]
[JsonSerializable(typeof(PullRequestChangesRequestRemovedEvent))]
[JsonSerializable(typeof(PullRequestPushEvent))]
[JsonSerializable(typeof(PullRequestCommentCreatedEvent))]
[JsonSerializable(typeof(PullRequestCommentUpdatedEvent))]
[JsonSerializable(typeof(PullRequestCommentDeletedEvent))]
[JsonSerializable(typeof(PullRequestCommentResolvedEvent))]
[JsonSerializable(typeof(PullRequestCommentReopenedEvent))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class WebhooksJsonContext : JsonSerializerContext;
