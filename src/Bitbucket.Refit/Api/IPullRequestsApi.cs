using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for pull requests, default reviewers, activity, approvals, comments, tasks and merges.</summary>
public interface IPullRequestsApi
{
    /// <summary>Gets a pull request by its id.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The pull request.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}")]
    Task<PullRequest> GetAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, CancellationToken cancellationToken = default);
}
