using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for repositories, forks, watchers, repository webhooks and permissions.</summary>
public interface IRepositoriesApi
{
    /// <summary>Gets a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The repository.</returns>
    [Get("/repositories/{workspace}/{repo_slug}")]
    Task<Repository> GetAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, CancellationToken cancellationToken = default);
}
