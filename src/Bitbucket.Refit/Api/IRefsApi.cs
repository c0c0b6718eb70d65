using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for branches and tags.</summary>
public interface IRefsApi
{
    /// <summary>Gets a branch by name.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="name">The branch name; a slash in it is escaped, never a path separator.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The branch and its head commit.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/refs/branches/{name}")]
    Task<Branch> GetBranchAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string name, CancellationToken cancellationToken = default);
}
