using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for branching models of repositories and projects.</summary>
public interface IBranchingModelApi
{
    /// <summary>Gets the branching model of a repository as it applies (development and production branches, branch types).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The branching model.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/branching-model")]
    Task<BranchingModel> GetAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, CancellationToken cancellationToken = default);
}
