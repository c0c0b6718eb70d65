using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>Bitbucket's API for code search in workspaces.</summary>
/// <remarks>
/// The query uses the syntax of Bitbucket's search box, e.g. <c>foo repo:demo</c> or <c>"exact phrase" lang:csharp</c>.
/// A result matches in the file's text (<see cref="SearchCodeSearchResult.ContentMatches"/>), its path
/// (<see cref="SearchCodeSearchResult.PathMatches"/>) or both. <see cref="ListOptions.Fields"/> can ask for more, e.g.
/// <c>+values.file.commit.repository</c>. Bitbucket's API reference announces that code search will be deprecated on
/// November 1, 2026.
/// </remarks>
public interface ISearchApi
{
    /// <summary>Searches code in the repositories of a workspace, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="searchQuery">The search terms, in Bitbucket's code-search syntax.</param>
    /// <param name="options">Partial-response fields and page size (search ignores <c>q</c> and <c>sort</c>).</param>
    /// <returns>The matching files, fetched lazily.</returns>
    [Obsolete("Bitbucket deprecated code search on 1 November 2026 and names no replacement; it keeps working until Bitbucket removes it.")]
    BitbucketPageable<SearchCodeSearchResult> SearchWorkspace(string workspace, string searchQuery, ListOptions? options = null);

    /// <summary>Searches code in the repositories of a team, page by page.</summary>
    /// <param name="username">The team's slug or UUID in braces.</param>
    /// <param name="searchQuery">The search terms, in Bitbucket's code-search syntax.</param>
    /// <param name="options">Partial-response fields and page size (search ignores <c>q</c> and <c>sort</c>).</param>
    /// <returns>The matching files, fetched lazily.</returns>
    [Obsolete("Bitbucket deprecates the team code search (teams are workspaces now); SearchWorkspace is the remaining form, itself deprecated since 1 November 2026 with no replacement.")]
    BitbucketPageable<SearchCodeSearchResult> SearchTeam(string username, string searchQuery, ListOptions? options = null);

    /// <summary>Searches code in the repositories of a user, page by page.</summary>
    /// <param name="selectedUser">The user's account id or UUID in braces.</param>
    /// <param name="searchQuery">The search terms, in Bitbucket's code-search syntax.</param>
    /// <param name="options">Partial-response fields and page size (search ignores <c>q</c> and <c>sort</c>).</param>
    /// <returns>The matching files, fetched lazily.</returns>
    [Obsolete("Bitbucket deprecates the user code search (repositories belong to workspaces now); SearchWorkspace is the remaining form, itself deprecated since 1 November 2026 with no replacement.")]
    BitbucketPageable<SearchCodeSearchResult> SearchUser(string selectedUser, string searchQuery, ListOptions? options = null);
}

/// <summary>
/// The Refit routes of <see cref="ISearchApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface ISearchApiClient : ISearchApi
{
    [Obsolete("Bitbucket deprecated code search on 1 November 2026 and names no replacement; it keeps working until Bitbucket removes it.")]
    [Get("/workspaces/{workspace}/search/code")]
    [Paged(Items = nameof(SearchResultPage.Values), Next = nameof(SearchResultPage.Next), SameOrigin = true)]
    new PagedEnumerable<SearchResultPage, SearchCodeSearchResult> SearchWorkspace(string workspace, [AliasAs("search_query")] string searchQuery, [Query] ListOptions? options = null);

    [Obsolete("Bitbucket deprecated code search on 1 November 2026 and names no replacement; it keeps working until Bitbucket removes it.")]
    BitbucketPageable<SearchCodeSearchResult> ISearchApi.SearchWorkspace(string workspace, string searchQuery, ListOptions? options) =>
        new RefitPageable<SearchResultPage, SearchCodeSearchResult>(SearchWorkspace(workspace, searchQuery, options), SearchResultPages.ToPage);

    [Obsolete("Bitbucket deprecates the team code search (teams are workspaces now); SearchWorkspace is the remaining form, itself deprecated since 1 November 2026 with no replacement.")]
    [Get("/teams/{username}/search/code")]
    [Paged(Items = nameof(SearchResultPage.Values), Next = nameof(SearchResultPage.Next), SameOrigin = true)]
    new PagedEnumerable<SearchResultPage, SearchCodeSearchResult> SearchTeam(string username, [AliasAs("search_query")] string searchQuery, [Query] ListOptions? options = null);

    [Obsolete("Bitbucket deprecates the team code search (teams are workspaces now); SearchWorkspace is the remaining form, itself deprecated since 1 November 2026 with no replacement.")]
    BitbucketPageable<SearchCodeSearchResult> ISearchApi.SearchTeam(string username, string searchQuery, ListOptions? options) =>
        new RefitPageable<SearchResultPage, SearchCodeSearchResult>(SearchTeam(username, searchQuery, options), SearchResultPages.ToPage);

    [Obsolete("Bitbucket deprecates the user code search (repositories belong to workspaces now); SearchWorkspace is the remaining form, itself deprecated since 1 November 2026 with no replacement.")]
    [Get("/users/{selected_user}/search/code")]
    [Paged(Items = nameof(SearchResultPage.Values), Next = nameof(SearchResultPage.Next), SameOrigin = true)]
    new PagedEnumerable<SearchResultPage, SearchCodeSearchResult> SearchUser([AliasAs("selected_user")] string selectedUser, [AliasAs("search_query")] string searchQuery, [Query] ListOptions? options = null);

    [Obsolete("Bitbucket deprecates the user code search (repositories belong to workspaces now); SearchWorkspace is the remaining form, itself deprecated since 1 November 2026 with no replacement.")]
    BitbucketPageable<SearchCodeSearchResult> ISearchApi.SearchUser(string selectedUser, string searchQuery, ListOptions? options) =>
        new RefitPageable<SearchResultPage, SearchCodeSearchResult>(SearchUser(selectedUser, searchQuery, options), SearchResultPages.ToPage);
}
