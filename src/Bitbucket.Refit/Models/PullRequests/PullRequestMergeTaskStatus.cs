using System.Text.Json;
using System.Text.Json.Serialization;
using Bitbucket.Serialization;

namespace Bitbucket.Models;

/// <summary>
/// The progress of a merge that Bitbucket runs in the background (after <c>POST …/merge</c> answered
/// <c>202 Accepted</c>): <see cref="MergeTaskState.Pending"/> until done, then <see cref="MergeTaskState.Success"/>
/// with the merged pull request. A failed merge is answered with an error instead.
/// </summary>
public sealed record PullRequestMergeTaskStatus
{
    /// <summary>Gets the state of the merge task.</summary>
    public MergeTaskState? TaskStatus { get; init; }

    /// <summary>Gets the merged pull request, once <see cref="TaskStatus"/> is <see cref="MergeTaskState.Success"/>.</summary>
    public PullRequest? MergeResult { get; init; }

    /// <summary>Gets the links of the task status.</summary>
    public PullRequestMergeTaskStatusLinks? Links { get; init; }

    /// <summary>Gets any field the server sent that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>Links of a <see cref="PullRequestMergeTaskStatus"/>.</summary>
public sealed record PullRequestMergeTaskStatusLinks
{
    /// <summary>Gets the link to poll the task status.</summary>
    public Link? Self { get; init; }

    /// <summary>Gets any field the server sent that this record does not model.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The values of <c>task_status</c> on <see cref="PullRequestMergeTaskStatus"/>.</summary>
/// <param name="Value">The value exactly as Bitbucket sends it.</param>
[JsonConverter(typeof(BitbucketEnumConverter<MergeTaskState>))]
public readonly record struct MergeTaskState(string Value) : IBitbucketEnum<MergeTaskState>
{
    /// <summary>The known wire values as constants, for constant patterns: <c>value.Value switch { MergeTaskState.Names.Pending => … }</c>; an unknown value falls to the discard arm and still round-trips unchanged.</summary>
    public static class Names
    {
        /// <summary><c>PENDING</c>.</summary>
        public const string Pending = "PENDING";

        /// <summary><c>SUCCESS</c>.</summary>
        public const string Success = "SUCCESS";
    }

    /// <summary>The <c>PENDING</c> value: the merge is still running.</summary>
    public static MergeTaskState Pending { get; } = new("PENDING");

    /// <summary>The <c>SUCCESS</c> value: the pull request is merged.</summary>
    public static MergeTaskState Success { get; } = new("SUCCESS");

    /// <summary>Creates a value from its wire string, known or not.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The enumeration value.</returns>
    public static MergeTaskState FromValue(string value) => new(value);

    /// <summary>Returns the value exactly as Bitbucket sends it.</summary>
    /// <returns>The wire string.</returns>
    public override string ToString() => Value;
}
