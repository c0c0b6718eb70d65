using Refit;

namespace Bitbucket;

/// <summary>
/// Filters, ordering, partial responses, page size and start page that Bitbucket accepts on its lists
/// (see Bitbucket's "Filtering and sorting" and "Partial responses" documentation).
/// </summary>
public sealed record ListOptions
{
    /// <summary>Gets a filter in Bitbucket's query language, e.g. <c>state="OPEN" AND author.nickname="ann"</c>.</summary>
    [AliasAs("q")]
    public string? Query { get; init; }

    /// <summary>Gets the field to sort by, <c>-</c> in front for descending, e.g. <c>-updated_on</c>.</summary>
    [AliasAs("sort")]
    public string? Sort { get; init; }

    /// <summary>Gets the partial-response selector, e.g. <c>values.id,values.title,next</c>.</summary>
    [AliasAs("fields")]
    public string? Fields { get; init; }

    /// <summary>Gets the page size (Bitbucket's default 10, most 100; 50 on pull-request lists).</summary>
    [AliasAs("pagelen")]
    public int? PageLength { get; init; }

    /// <summary>
    /// Gets the 1-based page to start at (<c>page</c>): the enumeration begins there and follows <c>next</c> from it.
    /// Bitbucket numbers the pages of most lists; cursor-paged ones (commits, some pipelines lists) ignore it.
    /// </summary>
    [AliasAs("page")]
    public int? Page { get; init; }
}
