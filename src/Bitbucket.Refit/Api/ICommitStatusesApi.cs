using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>Bitbucket's API for build statuses reported on commits (pull requests list theirs in <see cref="IPullRequestsApi"/>).</summary>
public interface ICommitStatusesApi
{
    /// <summary>Lists the statuses reported on a commit, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="refName">Sent as <c>refname</c>: only statuses reported for this branch or tag, plus those reported for no ref.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The statuses, fetched lazily.</returns>
    BitbucketPageable<CommitStatus> ListForCommit(string workspace, string repoSlug, string commit, string? refName = null, ListOptions? options = null);

    /// <summary>Reports a build status on a commit; a later report with the same key replaces it.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="status">At least <c>key</c>, <c>state</c> and <c>url</c>; <c>name</c>, <c>description</c> and <c>refname</c> are optional.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored status.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/commit/{commit}/statuses/build")]
    Task<CommitStatus> CreateBuildAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, [Body] CommitStatus status, CancellationToken cancellationToken = default);

    /// <summary>Gets the build status a tool reported on a commit under a key.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="key">The status key the reporting tool chose.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/commit/{commit}/statuses/build/{key}")]
    Task<CommitStatus> GetBuildAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string key, CancellationToken cancellationToken = default);

    /// <summary>Changes a build status on a commit (its state, name, description or URL; the key and refname stay).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="key">The status key the reporting tool chose.</param>
    /// <param name="status">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated status.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/commit/{commit}/statuses/build/{key}")]
    Task<CommitStatus> UpdateBuildAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string key, [Body] CommitStatus status, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Refit routes of <see cref="ICommitStatusesApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface ICommitStatusesApiClient : ICommitStatusesApi
{
    [Get("/repositories/{workspace}/{repo_slug}/commit/{commit}/statuses")]
    [Paged(Next = nameof(Page<CommitStatus>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<CommitStatus>, CommitStatus> ListForCommit(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, [Query, AliasAs("refname")] string? refName = null, [Query] ListOptions? options = null);

    BitbucketPageable<CommitStatus> ICommitStatusesApi.ListForCommit(string workspace, string repoSlug, string commit, string? refName, ListOptions? options) =>
        new RefitPageable<CommitStatus>(ListForCommit(workspace, repoSlug, commit, refName, options));
}
