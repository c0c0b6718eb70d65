using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>
/// Bitbucket's API for pull requests: listing, creating and updating them, default reviewers, activity, approvals and
/// change requests, comments, tasks, commits, conflicts, diffs, build statuses, declining and merging.
/// </summary>
public interface IPullRequestsApi
{
    /// <summary>Lists the pull requests of a repository, open ones unless <paramref name="state"/> says otherwise, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="state">The states to include, sent as one <c>state</c> parameter each (<c>state=OPEN&amp;state=MERGED</c>); only <c>OPEN</c> when omitted.</param>
    /// <param name="options">Filter, sort, fields and page size (at most 50 on this list).</param>
    /// <returns>The pull requests, fetched lazily.</returns>
    BitbucketPageable<PullRequest> List(string workspace, string repoSlug, IEnumerable<PullRequestState>? state = null, ListOptions? options = null);

    /// <summary>Creates a pull request whose destination is this repository, authored by the current user.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequest">At least <c>title</c> and <c>source.branch.name</c>; <c>destination</c> defaults to the main branch; <c>reviewers</c> by <c>uuid</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new pull request.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/pullrequests")]
    Task<PullRequest> CreateAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] PullRequest pullRequest, CancellationToken cancellationToken = default);

    /// <summary>Gets a pull request by its id.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The pull request.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}")]
    Task<PullRequest> GetAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, CancellationToken cancellationToken = default);

    /// <summary>Updates the title, description, reviewers or destination branch of an open pull request.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="pullRequest">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated pull request.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}")]
    Task<PullRequest> UpdateAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [Body] PullRequest pullRequest, CancellationToken cancellationToken = default);

    /// <summary>Lists the pull requests in which a commit was reviewed, page by page.</summary>
    /// <remarks>Needs the Pull Request Commit Links app, which Bitbucket installs the first time someone opens "Go to pull request" on a commit; while the repository is being indexed Bitbucket answers 202 with what it has so far.</remarks>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The pull requests, fetched lazily.</returns>
    BitbucketPageable<PullRequest> ListForCommit(string workspace, string repoSlug, string commit, ListOptions? options = null);

    /// <summary>Lists the activity log of every pull request of a repository (updates, approvals, change requests and comments), page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The entries, newest first, fetched lazily.</returns>
    BitbucketPageable<PullRequestActivity> ListRepositoryActivity(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>Lists the activity log of a pull request (updates, approvals, change requests and comments), page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The entries, newest first, fetched lazily.</returns>
    BitbucketPageable<PullRequestActivity> ListActivity(string workspace, string repoSlug, int pullRequestId, ListOptions? options = null);

    /// <summary>Lists the default reviewers of a repository, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The accounts, fetched lazily.</returns>
    BitbucketPageable<Account> ListDefaultReviewers(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>Gets a default reviewer of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="targetUsername">The account id or <c>{uuid}</c> of the user.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The reviewer; a 404 when the user is not a default reviewer.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/default-reviewers/{target_username}")]
    Task<Account> GetDefaultReviewerAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("target_username")] string targetUsername, CancellationToken cancellationToken = default);

    /// <summary>Adds a user to the default reviewers of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="targetUsername">The account id or <c>{uuid}</c> of the user.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The added reviewer.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/default-reviewers/{target_username}")]
    Task<Account> AddDefaultReviewerAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("target_username")] string targetUsername, CancellationToken cancellationToken = default);

    /// <summary>Removes a user from the default reviewers of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="targetUsername">The account id or <c>{uuid}</c> of the user.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the user is removed.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/default-reviewers/{target_username}")]
    Task RemoveDefaultReviewerAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("target_username")] string targetUsername, CancellationToken cancellationToken = default);

    /// <summary>Lists the effective default reviewers of a repository: its own and those inherited from its project, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The reviewers with their <c>reviewer_type</c> (<c>repository</c> or <c>project</c>), fetched lazily.</returns>
    BitbucketPageable<DefaultReviewerAndType> ListEffectiveDefaultReviewers(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>Approves a pull request as the current user.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The current user as a participant, <c>approved</c> set.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/approve")]
    Task<Participant> ApproveAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, CancellationToken cancellationToken = default);

    /// <summary>Withdraws the current user's approval of a pull request.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the approval is withdrawn.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/approve")]
    Task UnapproveAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, CancellationToken cancellationToken = default);

    /// <summary>Requests changes on a pull request as the current user.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The current user as a participant, <c>state</c> <c>changes_requested</c>.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/request-changes")]
    Task<Participant> RequestChangesAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, CancellationToken cancellationToken = default);

    /// <summary>Withdraws the current user's change request on a pull request.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the change request is withdrawn.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/request-changes")]
    Task RemoveChangeRequestAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, CancellationToken cancellationToken = default);

    /// <summary>Lists the comments on a pull request, including deleted ones and replies, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The comments, fetched lazily.</returns>
    BitbucketPageable<PullRequestComment> ListComments(string workspace, string repoSlug, int pullRequestId, ListOptions? options = null);

    /// <summary>Creates a comment on a pull request: general, inline on a file and line, or a reply.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="comment">The text in <c>content.raw</c>; <c>inline</c> (<c>path</c>, <c>from</c> or <c>to</c>) anchors it in the diff; <c>parent.id</c> makes it a reply.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new comment.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments")]
    Task<PullRequestComment> CreateCommentAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [Body] PullRequestComment comment, CancellationToken cancellationToken = default);

    /// <summary>Gets a comment on a pull request.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="commentId">The comment id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The comment.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments/{comment_id}")]
    Task<PullRequestComment> GetCommentAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [AliasAs("comment_id")] long commentId, CancellationToken cancellationToken = default);

    /// <summary>Changes the text of a comment on a pull request.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="commentId">The comment id.</param>
    /// <param name="comment">The new text in <c>content.raw</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated comment.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments/{comment_id}")]
    Task<PullRequestComment> UpdateCommentAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [AliasAs("comment_id")] long commentId, [Body] PullRequestComment comment, CancellationToken cancellationToken = default);

    /// <summary>Deletes a comment on a pull request.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="commentId">The comment id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the comment is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments/{comment_id}")]
    Task DeleteCommentAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [AliasAs("comment_id")] long commentId, CancellationToken cancellationToken = default);

    /// <summary>Resolves the comment thread that a top-level comment starts.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="commentId">The comment id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Who resolved the thread and when; a 409 when it is already resolved.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments/{comment_id}/resolve")]
    Task<CommentResolution> ResolveCommentAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [AliasAs("comment_id")] long commentId, CancellationToken cancellationToken = default);

    /// <summary>Reopens a resolved comment thread.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="commentId">The comment id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the thread is reopened.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments/{comment_id}/resolve")]
    Task ReopenCommentAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [AliasAs("comment_id")] long commentId, CancellationToken cancellationToken = default);

    /// <summary>Lists the tasks on a pull request, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The tasks, fetched lazily.</returns>
    BitbucketPageable<PullRequestCommentTask> ListTasks(string workspace, string repoSlug, int pullRequestId, ListOptions? options = null);

    /// <summary>Creates a task on a pull request, optionally attached to a comment.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="task">The text in <c>content.raw</c>, and <c>comment.id</c> to attach it to a comment.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new task.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/tasks")]
    Task<PullRequestCommentTask> CreateTaskAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [Body] PullRequestTaskCreate task, CancellationToken cancellationToken = default);

    /// <summary>Gets a task on a pull request.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="taskId">The task id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The task.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/tasks/{task_id}")]
    Task<PullRequestCommentTask> GetTaskAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [AliasAs("task_id")] long taskId, CancellationToken cancellationToken = default);

    /// <summary>Changes the text of a task or resolves and reopens it.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="taskId">The task id.</param>
    /// <param name="task">The new <c>content.raw</c> and/or <c>state</c> (<c>RESOLVED</c>, <c>UNRESOLVED</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated task.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/tasks/{task_id}")]
    Task<PullRequestCommentTask> UpdateTaskAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [AliasAs("task_id")] long taskId, [Body] PullRequestTaskUpdate task, CancellationToken cancellationToken = default);

    /// <summary>Deletes a task on a pull request.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="taskId">The task id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the task is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/tasks/{task_id}")]
    Task DeleteTaskAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [AliasAs("task_id")] long taskId, CancellationToken cancellationToken = default);

    /// <summary>Lists the commits a pull request would merge into its destination, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The commits, fetched lazily; none when the source branch no longer exists.</returns>
    BitbucketPageable<Commit> ListCommits(string workspace, string repoSlug, int pullRequestId, ListOptions? options = null);

    /// <summary>Lists the files that conflict between the source and destination of a pull request, page by page.</summary>
    /// <remarks>Bitbucket redirects (302) to the repository's file conflicts for the pull request's revisions; the client follows.</remarks>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The conflicts, fetched lazily.</returns>
    BitbucketPageable<FileConflict> ListConflicts(string workspace, string repoSlug, int pullRequestId, ListOptions? options = null);

    /// <summary>Lists the files a pull request changes, with lines added and removed, page by page.</summary>
    /// <remarks>Bitbucket redirects (302) to the repository's diffstat for the pull request's revisions; the client follows.</remarks>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The changed files, fetched lazily.</returns>
    BitbucketPageable<DiffStat> ListDiffStat(string workspace, string repoSlug, int pullRequestId, ListOptions? options = null);

    /// <summary>Gets the unified diff of a pull request.</summary>
    /// <remarks>Bitbucket redirects (302) to the repository's diff for the pull request's revisions; the client follows. A large diff may time out with Bitbucket's 555.</remarks>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The diff as a stream read from the network, not buffered; dispose it.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/diff")]
    Task<Stream> GetDiffAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, CancellationToken cancellationToken = default);

    /// <summary>Gets the pull request's changes as a series of patches (<c>git format-patch</c> style).</summary>
    /// <remarks>Bitbucket redirects (302) to the repository's patch for the pull request's revisions; the client follows.</remarks>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The patch as a stream read from the network, not buffered; dispose it.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/patch")]
    Task<Stream> GetPatchAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, CancellationToken cancellationToken = default);

    /// <summary>Lists the build statuses of the commits of a pull request, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The statuses, fetched lazily.</returns>
    BitbucketPageable<CommitStatus> ListStatuses(string workspace, string repoSlug, int pullRequestId, ListOptions? options = null);

    /// <summary>Declines a pull request.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The declined pull request.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/decline")]
    Task<PullRequest> DeclineAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, CancellationToken cancellationToken = default);

    /// <summary>Merges a pull request.</summary>
    /// <remarks>A merge that Bitbucket runs in the background is answered with 202 and a task to poll; a merge that took too long is answered with 555 and should be retried later.</remarks>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="parameters">
    /// The merge strategy, commit message and whether to close the source branch; each field left out falls back to the
    /// pull request's and repository's settings. Bitbucket's description requires <c>type</c> (any string).
    /// </param>
    /// <param name="asynchronous">Sent as <c>async</c>: <see langword="true"/> lets Bitbucket answer 202 at once and merge in the background; <see langword="false"/> asks it to wait (it may still answer 202 when the merge takes long).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// The raw response, to dispose: 200 with the merged pull request as JSON, 202 Accepted with a <c>Location</c> ending in
    /// <c>/merge/task-status/{task_id}</c> to poll with <see cref="GetMergeTaskStatusAsync"/>, or a failure, which is
    /// returned rather than thrown (<see cref="BitbucketApiException.FromResponseAsync"/> turns it into the exception).
    /// <see cref="PullRequestsApiExtensions.MergeAndWaitAsync"/> does all of this and returns the merged pull request.
    /// </returns>
    [Post("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/merge")]
    Task<HttpResponseMessage> MergeAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [Body] PullRequestMergeParameters parameters, [Query, AliasAs("async")] bool? asynchronous = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the state of a merge that Bitbucket runs in the background.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="taskId">The task id, the last segment of the <c>Location</c> of the 202 answer to <see cref="MergeAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns><c>PENDING</c>, or <c>SUCCESS</c> with the merged pull request; a failed merge is thrown as an error.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/merge/task-status/{task_id}")]
    Task<PullRequestMergeTaskStatus> GetMergeTaskStatusAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [AliasAs("task_id")] string taskId, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Refit routes of <see cref="IPullRequestsApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface IPullRequestsApiClient : IPullRequestsApi
{
    [Get("/repositories/{workspace}/{repo_slug}/pullrequests")]
    [Paged(Next = nameof(Page<PullRequest>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PullRequest>, PullRequest> List(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query(CollectionFormat.Multi), QueryConverter(typeof(PullRequestStateQueryConverter))] IEnumerable<PullRequestState>? state = null, [Query] ListOptions? options = null);

    BitbucketPageable<PullRequest> IPullRequestsApi.List(string workspace, string repoSlug, IEnumerable<PullRequestState>? state, ListOptions? options) =>
        new RefitPageable<PullRequest>(List(workspace, repoSlug, state, options));

    [Get("/repositories/{workspace}/{repo_slug}/commit/{commit}/pullrequests")]
    [Paged(Next = nameof(Page<PullRequest>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PullRequest>, PullRequest> ListForCommit(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, [Query] ListOptions? options = null);

    BitbucketPageable<PullRequest> IPullRequestsApi.ListForCommit(string workspace, string repoSlug, string commit, ListOptions? options) =>
        new RefitPageable<PullRequest>(ListForCommit(workspace, repoSlug, commit, options));

    [Get("/repositories/{workspace}/{repo_slug}/pullrequests/activity")]
    [Paged(Next = nameof(Page<PullRequestActivity>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PullRequestActivity>, PullRequestActivity> ListRepositoryActivity(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<PullRequestActivity> IPullRequestsApi.ListRepositoryActivity(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<PullRequestActivity>(ListRepositoryActivity(workspace, repoSlug, options));

    [Get("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/activity")]
    [Paged(Next = nameof(Page<PullRequestActivity>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PullRequestActivity>, PullRequestActivity> ListActivity(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [Query] ListOptions? options = null);

    BitbucketPageable<PullRequestActivity> IPullRequestsApi.ListActivity(string workspace, string repoSlug, int pullRequestId, ListOptions? options) =>
        new RefitPageable<PullRequestActivity>(ListActivity(workspace, repoSlug, pullRequestId, options));

    [Get("/repositories/{workspace}/{repo_slug}/default-reviewers")]
    [Paged(Next = nameof(Page<Account>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Account>, Account> ListDefaultReviewers(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<Account> IPullRequestsApi.ListDefaultReviewers(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<Account>(ListDefaultReviewers(workspace, repoSlug, options));

    [Get("/repositories/{workspace}/{repo_slug}/effective-default-reviewers")]
    [Paged(Next = nameof(Page<DefaultReviewerAndType>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<DefaultReviewerAndType>, DefaultReviewerAndType> ListEffectiveDefaultReviewers(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<DefaultReviewerAndType> IPullRequestsApi.ListEffectiveDefaultReviewers(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<DefaultReviewerAndType>(ListEffectiveDefaultReviewers(workspace, repoSlug, options));

    [Get("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments")]
    [Paged(Next = nameof(Page<PullRequestComment>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PullRequestComment>, PullRequestComment> ListComments(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [Query] ListOptions? options = null);

    BitbucketPageable<PullRequestComment> IPullRequestsApi.ListComments(string workspace, string repoSlug, int pullRequestId, ListOptions? options) =>
        new RefitPageable<PullRequestComment>(ListComments(workspace, repoSlug, pullRequestId, options));

    [Get("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/tasks")]
    [Paged(Next = nameof(Page<PullRequestCommentTask>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PullRequestCommentTask>, PullRequestCommentTask> ListTasks(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [Query] ListOptions? options = null);

    BitbucketPageable<PullRequestCommentTask> IPullRequestsApi.ListTasks(string workspace, string repoSlug, int pullRequestId, ListOptions? options) =>
        new RefitPageable<PullRequestCommentTask>(ListTasks(workspace, repoSlug, pullRequestId, options));

    [Get("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/commits")]
    [Paged(Next = nameof(Page<Commit>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Commit>, Commit> ListCommits(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [Query] ListOptions? options = null);

    BitbucketPageable<Commit> IPullRequestsApi.ListCommits(string workspace, string repoSlug, int pullRequestId, ListOptions? options) =>
        new RefitPageable<Commit>(ListCommits(workspace, repoSlug, pullRequestId, options));

    [Get("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/conflicts")]
    [Paged(Next = nameof(Page<FileConflict>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<FileConflict>, FileConflict> ListConflicts(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [Query] ListOptions? options = null);

    BitbucketPageable<FileConflict> IPullRequestsApi.ListConflicts(string workspace, string repoSlug, int pullRequestId, ListOptions? options) =>
        new RefitPageable<FileConflict>(ListConflicts(workspace, repoSlug, pullRequestId, options));

    [Get("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/diffstat")]
    [Paged(Next = nameof(Page<DiffStat>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<DiffStat>, DiffStat> ListDiffStat(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [Query] ListOptions? options = null);

    BitbucketPageable<DiffStat> IPullRequestsApi.ListDiffStat(string workspace, string repoSlug, int pullRequestId, ListOptions? options) =>
        new RefitPageable<DiffStat>(ListDiffStat(workspace, repoSlug, pullRequestId, options));

    [Get("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/statuses")]
    [Paged(Next = nameof(Page<CommitStatus>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<CommitStatus>, CommitStatus> ListStatuses(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [Query] ListOptions? options = null);

    BitbucketPageable<CommitStatus> IPullRequestsApi.ListStatuses(string workspace, string repoSlug, int pullRequestId, ListOptions? options) =>
        new RefitPageable<CommitStatus>(ListStatuses(workspace, repoSlug, pullRequestId, options));
}
