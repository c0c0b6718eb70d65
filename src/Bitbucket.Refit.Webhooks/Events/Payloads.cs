using System.Text.Json;
using System.Text.Json.Serialization;
using Bitbucket.Models;
using Bitbucket.Webhooks.Serialization;

namespace Bitbucket.Webhooks;

/// <summary>The <c>push</c> object of a <c>repo:push</c> payload.</summary>
public sealed record PushDetails
{
    /// <summary>Gets one change per ref that the push created, moved or deleted.</summary>
    public IReadOnlyList<PushChange>? Changes { get; init; }

    /// <summary>Gets any field the payload carried that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A ref a push changed: its state before (<see cref="Old"/>) and after (<see cref="New"/>).</summary>
public sealed record PushChange
{
    /// <summary>Gets the ref before the push, or null when the push created it.</summary>
    [JsonIgnore]
    public GitRef? Old { get; init; }

    [JsonInclude]
    [JsonPropertyName("old")]
    internal GitRefBox OldJson { get => new(Old); init => Old = value.Value; }

    /// <summary>Gets the ref after the push, or null when the push deleted it.</summary>
    [JsonIgnore]
    public GitRef? New { get; init; }

    [JsonInclude]
    [JsonPropertyName("new")]
    internal GitRefBox NewJson { get => new(New); init => New = value.Value; }

    /// <summary>Gets a value indicating whether the push created the ref.</summary>
    public bool? Created { get; init; }

    /// <summary>Gets a value indicating whether the push deleted the ref.</summary>
    public bool? Closed { get; init; }

    /// <summary>Gets a value indicating whether the push was forced (history rewritten).</summary>
    public bool? Forced { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Commits"/> is cut short (Bitbucket sends at most 5 commits per change).</summary>
    public bool? Truncated { get; init; }

    /// <summary>Gets the commits the push added to the ref, newest first.</summary>
    [JsonIgnore]
    public IReadOnlyList<Commit>? Commits { get; init; }

    [JsonInclude]
    [JsonPropertyName("commits")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal CommitListBox CommitsJson { get => new(Commits); init => Commits = value.Value; }

    /// <summary>Gets links to the change on the web: <c>html</c>, <c>diff</c> and <c>commits</c>.</summary>
    public PushChangeLinks? Links { get; init; }

    /// <summary>Gets any field the payload carried that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The links of a <see cref="PushChange"/>.</summary>
public sealed record PushChangeLinks
{
    /// <summary>Gets the link to the comparison on the web.</summary>
    [JsonIgnore]
    public Link? Html { get; init; }

    [JsonInclude]
    [JsonPropertyName("html")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal LinkBox HtmlJson { get => new(Html); init => Html = value.Value; }

    /// <summary>Gets the API link to the diff between the old and the new commit.</summary>
    [JsonIgnore]
    public Link? Diff { get; init; }

    [JsonInclude]
    [JsonPropertyName("diff")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal LinkBox DiffJson { get => new(Diff); init => Diff = value.Value; }

    /// <summary>Gets the API link to the commits between the old and the new commit.</summary>
    [JsonIgnore]
    public Link? Commits { get; init; }

    [JsonInclude]
    [JsonPropertyName("commits")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal LinkBox CommitsJson { get => new(Commits); init => Commits = value.Value; }

    /// <summary>Gets any field the payload carried that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A field's value before and after a change (<c>repo:updated</c>, <c>project:updated</c>).</summary>
public sealed record WebhookValueChange
{
    /// <summary>Gets the value before the change (a string, or an object such as <c>links</c>).</summary>
    public JsonElement? Old { get; init; }

    /// <summary>Gets the value after the change.</summary>
    public JsonElement? New { get; init; }

    /// <summary>Gets any field the payload carried that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A reviewer's action on a pull request: the <c>approval</c> or <c>changes_request</c> object of a payload.</summary>
public sealed record PullRequestReviewAction
{
    /// <summary>Gets when the reviewer acted.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>Gets the reviewer.</summary>
    [JsonIgnore]
    public Account? User { get; init; }

    [JsonInclude]
    [JsonPropertyName("user")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    internal AccountBox UserJson { get => new(User); init => User = value.Value; }

    /// <summary>Gets any field the payload carried that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>
/// An event whose key this library does not model (issue-tracker events, events Bitbucket adds later): its key and its
/// raw JSON, never an exception.
/// </summary>
public sealed record UnknownWebhookEvent : WebhookEvent
{
    private readonly WebhookEventKey _key;

    /// <summary>Initializes a new instance of the <see cref="UnknownWebhookEvent"/> class.</summary>
    /// <param name="eventKey">The event key from the <c>X-Event-Key</c> header.</param>
    /// <param name="payload">The whole JSON payload.</param>
    public UnknownWebhookEvent(WebhookEventKey eventKey, JsonElement payload)
    {
        _key = eventKey;
        Payload = payload;
    }

    /// <summary>Gets the whole JSON payload as Bitbucket sent it.</summary>
    public JsonElement Payload { get; }

    private protected override WebhookEventKey Key => _key;
}
