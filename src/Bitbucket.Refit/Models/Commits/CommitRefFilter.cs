using Refit;

namespace Bitbucket.Models;

/// <summary>
/// The refs a commit list starts from and the refs it leaves out, sent as a form body when they are too many for a
/// query string (like <c>git log foo bar ^fu ^fubar</c>).
/// </summary>
public sealed record CommitRefFilter
{
    /// <summary>Gets the branches, tags or hashes whose history is listed.</summary>
    [Query(CollectionFormat.Multi)]
    [AliasAs("include")]
    public IReadOnlyList<string>? Include { get; init; }

    /// <summary>Gets the branches, tags or hashes whose history is left out.</summary>
    [Query(CollectionFormat.Multi)]
    [AliasAs("exclude")]
    public IReadOnlyList<string>? Exclude { get; init; }
}
