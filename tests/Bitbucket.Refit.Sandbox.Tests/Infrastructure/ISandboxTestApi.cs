using Bitbucket.Models;
using Bitbucket;
using Refit;

namespace Bitbucket.Sandbox.Tests.Infrastructure;

/// <summary>
/// The operations these end-to-end tests need beyond the library's interfaces on this branch, as a Refit interface
/// generated in this project and sent through the registration's own HttpClient pipeline (auth, resilience).
/// </summary>
public interface ISandboxTestApi
{
    [Get("/repositories/{workspace}")]
    [Paged(Next = nameof(Page<Repository>.Next), SameOrigin = true)]
    PagedEnumerable<Page<Repository>, Repository> ListRepositories(string workspace, [Query] ListOptions? options = null);

    [Get("/user/workspaces")]
    [Paged(Next = nameof(Page<WorkspaceAccess>.Next), SameOrigin = true)]
    PagedEnumerable<Page<WorkspaceAccess>, WorkspaceAccess> ListWorkspaces([Query] ListOptions? options = null);

    [Get("/repositories/{workspace}/{repo_slug}/commits")]
    [Paged(Next = nameof(Page<BaseCommit>.Next), SameOrigin = true)]
    PagedEnumerable<Page<BaseCommit>, BaseCommit> ListCommits(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    [Get("/repositories/{workspace}/{repo_slug}/refs/branches/{name}")]
    Task<Branch> GetBranchAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string name, CancellationToken cancellationToken = default);

    [Post("/repositories/{workspace}/{repo_slug}/refs/branches")]
    Task<Branch> CreateBranchAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] Branch branch, CancellationToken cancellationToken = default);

    [Get("/repositories/{workspace}/{repo_slug}/pullrequests")]
    [Paged(Next = nameof(Page<PullRequest>.Next), SameOrigin = true)]
    PagedEnumerable<Page<PullRequest>, PullRequest> ListPullRequests(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query(CollectionFormat.Multi)] IEnumerable<string>? state = null, [Query] ListOptions? options = null);

    [Post("/repositories/{workspace}/{repo_slug}/pullrequests")]
    Task<PullRequest> CreatePullRequestAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] PullRequest pullRequest, CancellationToken cancellationToken = default);

    [Post("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/approve")]
    Task<Participant> ApproveAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, CancellationToken cancellationToken = default);

    [Post("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/merge")]
    Task<PullRequest> MergeAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [Body] PullRequestMergeParameters parameters, CancellationToken cancellationToken = default);

    [Post("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/decline")]
    Task<PullRequest> DeclineAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, CancellationToken cancellationToken = default);

    [Post("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/comments")]
    Task<PullRequestComment> CommentAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [Body] PullRequestComment comment, CancellationToken cancellationToken = default);

    [Post("/repositories/{workspace}/{repo_slug}/pipelines")]
    Task<Pipeline> RunPipelineAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] Pipeline pipeline, CancellationToken cancellationToken = default);

    [Get("/repositories/{workspace}/{repo_slug}/pipelines/{pipeline_uuid}")]
    Task<Pipeline> GetPipelineAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pipeline_uuid")] string pipelineUuid, CancellationToken cancellationToken = default);

    [Get("/repositories/{workspace}/{repo_slug}/commit/{commit}/statuses")]
    Task<Page<CommitStatus>> ListStatusesAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, CancellationToken cancellationToken = default);

    [Post("/repositories/{workspace}/{repo_slug}/hooks")]
    Task<WebhookSubscription> CreateWebhookAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] WebhookSubscription webhook, CancellationToken cancellationToken = default);

    [Post("/workspaces/{workspace}/projects")]
    Task<Project> CreateProjectAsync(string workspace, [Body] Project project, CancellationToken cancellationToken = default);

    [Post("/repositories/{workspace}/{repo_slug}")]
    Task<Repository> CreateRepositoryAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] Repository repository, CancellationToken cancellationToken = default);

    [Post("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/request-changes")]
    Task<Participant> RequestChangesAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, CancellationToken cancellationToken = default);

    [Post("/repositories/{workspace}/{repo_slug}/pullrequests/{pull_request_id}/merge?async=true")]
    Task<HttpResponseMessage> MergeInBackgroundAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pull_request_id")] int pullRequestId, [Body] PullRequestMergeParameters parameters, CancellationToken cancellationToken = default);
}
