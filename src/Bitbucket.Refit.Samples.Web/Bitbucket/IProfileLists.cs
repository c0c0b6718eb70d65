using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Samples.Web.Bitbucket;

/// <summary>
/// The three lists the profile page shows, declared the way Bitbucket.Refit declares its own APIs (lazy pages that
/// follow <c>next</c>, the library's JSON context and error handling), and sent through the same HTTP pipeline as
/// <see cref="IBitbucketClient"/>, credentials included. It also shows how an application adds an endpoint of its own
/// next to the library's interfaces.
/// </summary>
internal interface IProfileLists
{
    /// <summary>Lists the workspaces the current user can access (<c>GET /user/workspaces</c>).</summary>
    [Get("/user/workspaces")]
    [Paged(Next = nameof(Page<WorkspaceAccess>.Next), SameOrigin = true)]
    PagedEnumerable<Page<WorkspaceAccess>, WorkspaceAccess> ListWorkspacesForCurrentUser([Query] ListOptions? options = null);

    /// <summary>Lists the repositories of a workspace that the current user can see.</summary>
    [Get("/repositories/{workspace}")]
    [Paged(Next = nameof(Page<Repository>.Next), SameOrigin = true)]
    PagedEnumerable<Page<Repository>, Repository> ListRepositories(string workspace, [Query] ListOptions? options = null);

    /// <summary>Lists the pull requests of a repository in one state (<c>OPEN</c>, <c>MERGED</c>, <c>DECLINED</c>, <c>SUPERSEDED</c>).</summary>
    [Get("/repositories/{workspace}/{repo_slug}/pullrequests")]
    [Paged(Next = nameof(Page<PullRequest>.Next), SameOrigin = true)]
    PagedEnumerable<Page<PullRequest>, PullRequest> ListPullRequests(
        string workspace, [AliasAs("repo_slug")] string repoSlug, string state, [Query] ListOptions? options = null);
}
