using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for code search in workspaces.</summary>
public interface ISearchApi
{
    /// <summary>Searches code in the repositories of a workspace.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="searchQuery">The search terms, in Bitbucket's code-search syntax.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The first page of matches.</returns>
    [Get("/workspaces/{workspace}/search/code")]
    Task<SearchResultPage> SearchWorkspaceAsync(string workspace, [AliasAs("search_query")] string searchQuery, CancellationToken cancellationToken = default);
}
