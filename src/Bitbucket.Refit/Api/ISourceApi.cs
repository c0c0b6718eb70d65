using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for browsing source files and directories, file history and committing files.</summary>
public interface ISourceApi
{
    /// <summary>Lists the root directory of the main branch.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The entries, fetched lazily.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/src")]
    [Paged(Next = nameof(Page<TreeEntry>.Next), SameOrigin = true)]
    PagedEnumerable<Page<TreeEntry>, TreeEntry> ListRoot(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);
}
