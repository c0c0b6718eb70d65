using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Bitbucket.Models;
using Bitbucket.Serialization;

namespace Bitbucket.Webhooks.Serialization;

// The events carry the Bitbucket.Refit models (Repository, PullRequest …), whose enum-like structs use converters internal
// to Bitbucket.Refit. A second source-generated context cannot regenerate their metadata (SYSLIB1220), and a copy would
// drift from the API's anyway. So each event keeps its model in a small internal "box" with a type-level converter,
// which stops the generator's walk and reads/writes the model through BitbucketJsonContext itself: the very metadata
// the API client uses, unknown fields kept, AOT-clean.

/// <summary>A struct wrapping one model value, serialized through <see cref="BitbucketJsonContext"/>.</summary>
/// <typeparam name="TSelf">The box type.</typeparam>
/// <typeparam name="T">The model type.</typeparam>
internal interface IModelBox<TSelf, T>
    where TSelf : struct, IModelBox<TSelf, T>
{
    T? Value { get; }

    static abstract TSelf Create(T? value);
}

/// <summary>Reads and writes a box through the model's metadata in <see cref="BitbucketJsonContext"/>.</summary>
/// <typeparam name="TBox">The box type.</typeparam>
/// <typeparam name="T">The model type, registered in <see cref="BitbucketJsonContext"/>.</typeparam>
internal sealed class ModelBoxConverter<TBox, T> : JsonConverter<TBox>
    where TBox : struct, IModelBox<TBox, T>
{
    private static readonly JsonTypeInfo<T> Info = (JsonTypeInfo<T>)(BitbucketJsonContext.Default.GetTypeInfo(typeof(T))
        ?? throw new InvalidOperationException(typeof(T).Name + " is not in BitbucketJsonContext."));

    public override TBox Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TBox.Create(reader.TokenType == JsonTokenType.Null ? default : JsonSerializer.Deserialize(ref reader, Info));

    public override void Write(Utf8JsonWriter writer, TBox value, JsonSerializerOptions options)
    {
        if (value.Value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Value, Info);
        }
    }
}

[JsonConverter(typeof(ModelBoxConverter<AccountBox, Account>))]
internal readonly record struct AccountBox(Account? Value) : IModelBox<AccountBox, Account>
{
    public static AccountBox Create(Account? value) => new(value);
}

[JsonConverter(typeof(ModelBoxConverter<RepositoryBox, Repository>))]
internal readonly record struct RepositoryBox(Repository? Value) : IModelBox<RepositoryBox, Repository>
{
    public static RepositoryBox Create(Repository? value) => new(value);
}

[JsonConverter(typeof(ModelBoxConverter<PullRequestBox, PullRequest>))]
internal readonly record struct PullRequestBox(PullRequest? Value) : IModelBox<PullRequestBox, PullRequest>
{
    public static PullRequestBox Create(PullRequest? value) => new(value);
}

[JsonConverter(typeof(ModelBoxConverter<PullRequestCommentBox, PullRequestComment>))]
internal readonly record struct PullRequestCommentBox(PullRequestComment? Value) : IModelBox<PullRequestCommentBox, PullRequestComment>
{
    public static PullRequestCommentBox Create(PullRequestComment? value) => new(value);
}

[JsonConverter(typeof(ModelBoxConverter<CommitCommentBox, CommitComment>))]
internal readonly record struct CommitCommentBox(CommitComment? Value) : IModelBox<CommitCommentBox, CommitComment>
{
    public static CommitCommentBox Create(CommitComment? value) => new(value);
}

[JsonConverter(typeof(ModelBoxConverter<CommitBox, Commit>))]
internal readonly record struct CommitBox(Commit? Value) : IModelBox<CommitBox, Commit>
{
    public static CommitBox Create(Commit? value) => new(value);
}

[JsonConverter(typeof(ModelBoxConverter<CommitStatusBox, CommitStatus>))]
internal readonly record struct CommitStatusBox(CommitStatus? Value) : IModelBox<CommitStatusBox, CommitStatus>
{
    public static CommitStatusBox Create(CommitStatus? value) => new(value);
}

[JsonConverter(typeof(ModelBoxConverter<GitRefBox, GitRef>))]
internal readonly record struct GitRefBox(GitRef? Value) : IModelBox<GitRefBox, GitRef>
{
    public static GitRefBox Create(GitRef? value) => new(value);
}

[JsonConverter(typeof(ModelBoxConverter<ProjectBox, Project>))]
internal readonly record struct ProjectBox(Project? Value) : IModelBox<ProjectBox, Project>
{
    public static ProjectBox Create(Project? value) => new(value);
}

[JsonConverter(typeof(ModelBoxConverter<WorkspaceBox, Workspace>))]
internal readonly record struct WorkspaceBox(Workspace? Value) : IModelBox<WorkspaceBox, Workspace>
{
    public static WorkspaceBox Create(Workspace? value) => new(value);
}

[JsonConverter(typeof(ModelBoxConverter<LinkBox, Link>))]
internal readonly record struct LinkBox(Link? Value) : IModelBox<LinkBox, Link>
{
    public static LinkBox Create(Link? value) => new(value);
}

/// <summary>A list of commits, each read and written through <see cref="BitbucketJsonContext"/>.</summary>
[JsonConverter(typeof(CommitListBoxConverter))]
internal readonly record struct CommitListBox(IReadOnlyList<Commit>? Value);

internal sealed class CommitListBoxConverter : JsonConverter<CommitListBox>
{
    public override CommitListBox Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected an array of commits.");
        }

        var items = new List<Commit>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(JsonSerializer.Deserialize(ref reader, BitbucketJsonContext.Default.Commit) ?? throw new JsonException("A commit is null."));
        }

        return new CommitListBox(items);
    }

    public override void Write(Utf8JsonWriter writer, CommitListBox value, JsonSerializerOptions options)
    {
        if (value.Value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartArray();
        foreach (var item in value.Value)
        {
            JsonSerializer.Serialize(writer, item, BitbucketJsonContext.Default.Commit);
        }

        writer.WriteEndArray();
    }
}
