using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for build statuses reported on commits and pull requests.</summary>
public interface ICommitStatusesApi
{
    /// <summary>Gets the build status a tool reported on a commit under a key.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="key">The status key the reporting tool chose.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/commit/{commit}/statuses/build/{key}")]
    Task<CommitStatus> GetBuildAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string key, CancellationToken cancellationToken = default);
}
