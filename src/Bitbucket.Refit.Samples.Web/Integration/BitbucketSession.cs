using Bitbucket;

namespace Bitbucket.Samples.Web.Integration;

/// <summary>What the profile page needs from Bitbucket, acting as the signed-in user.</summary>
/// <param name="Users">The library's users API (<c>GET /user</c>).</param>
/// <param name="Workspaces">The library's workspaces API (<c>GET /user/workspaces</c>).</param>
/// <param name="Repositories">The library's repositories API.</param>
/// <param name="PullRequests">The library's pull-requests API.</param>
internal sealed record BitbucketSession(IUsersApi Users, IWorkspacesApi Workspaces, IRepositoriesApi Repositories, IPullRequestsApi PullRequests)
{
    /// <summary>Takes the groups from the facade of one registration.</summary>
    /// <param name="client">The facade.</param>
    /// <returns>The session.</returns>
    public static BitbucketSession From(IBitbucketClient client) =>
        new(client.Users, client.Workspaces, client.Repositories, client.PullRequests);
}
