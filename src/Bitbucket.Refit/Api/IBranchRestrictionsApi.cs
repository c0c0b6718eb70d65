using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for branch restrictions: branch permissions and merge checks.</summary>
public interface IBranchRestrictionsApi
{
    /// <summary>Gets a branch restriction rule by id.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="id">The rule id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The rule.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/branch-restrictions/{id}")]
    Task<BranchRestriction> GetAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string id, CancellationToken cancellationToken = default);
}
