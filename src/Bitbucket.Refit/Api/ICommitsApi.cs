using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for commits, their comments and approvals, diffs, diffstats, patches and merge bases.</summary>
public interface ICommitsApi
{
    /// <summary>Gets a commit by its hash.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash (full or abbreviated).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The commit.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/commit/{commit}")]
    Task<Commit> GetAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, CancellationToken cancellationToken = default);
}
