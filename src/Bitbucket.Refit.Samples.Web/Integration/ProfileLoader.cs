using System.Text.Json;
using Bitbucket.Models;
using Bitbucket;

namespace Bitbucket.Samples.Web.Integration;

/// <summary>The profile page's data: the user, their repositories by workspace, and the open pull requests in them.</summary>
internal sealed record Profile(
    Account User,
    IReadOnlyList<WorkspaceRepositories> Workspaces,
    IReadOnlyList<PullRequest> OpenPullRequests,
    bool Truncated);

/// <summary>One workspace the user can access, and its repositories they can see.</summary>
internal sealed record WorkspaceRepositories(string Slug, string Name, bool Administrator, IReadOnlyList<Repository> Repositories);

/// <summary>
/// Loads a <see cref="Profile"/>: <c>GET /user</c>, then <c>GET /user/workspaces</c> and each workspace's repositories
/// (the cross-workspace <c>GET /repositories</c> answers 410 on Bitbucket today), then the open pull requests of those
/// repositories. Lists are bounded so that a large account still renders quickly.
/// </summary>
internal static class ProfileLoader
{
    private const int MaxWorkspaces = 20;
    private const int MaxRepositoriesPerWorkspace = 50;
    private const int MaxRepositoriesForPullRequests = 30;
    private const int MaxPullRequestsPerRepository = 20;

    public static async Task<Profile> LoadAsync(BitbucketSession session, CancellationToken cancellationToken)
    {
        var user = await session.Users.GetCurrentAsync(cancellationToken);
        var truncated = false;

        var workspaces = new List<WorkspaceRepositories>();
        await foreach (var access in session.Workspaces.ListForCurrentUser(options: new ListOptions { PageLength = 100 }).WithCancellation(cancellationToken))
        {
            if (access.Workspace?.Slug is not { Length: > 0 } slug)
            {
                continue;
            }

            if (workspaces.Count == MaxWorkspaces)
            {
                truncated = true;
                break;
            }

            var repositories = new List<Repository>();
            await foreach (var repository in session.Repositories.List(slug, options: new ListOptions { Sort = "-updated_on", PageLength = 50 }).WithCancellation(cancellationToken))
            {
                if (repositories.Count == MaxRepositoriesPerWorkspace)
                {
                    truncated = true;
                    break;
                }

                repositories.Add(repository);
            }

            workspaces.Add(new WorkspaceRepositories(slug, NameOf(access.Workspace), access.Administrator == true, repositories));
        }

        var targets = workspaces
            .SelectMany(w => w.Repositories.Select(r => (Workspace: w.Slug, Repository: r)))
            .Where(t => SlugOf(t.Repository) is not null)
            .ToList();
        if (targets.Count > MaxRepositoriesForPullRequests)
        {
            truncated = true;
            targets = targets.Take(MaxRepositoriesForPullRequests).ToList();
        }

        // A few repositories at a time: fast on an account with many, gentle on Bitbucket's rate limit.
        var perRepository = new List<PullRequest>[targets.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, targets.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var found = new List<PullRequest>();
                var (workspace, repository) = targets[i];
                await foreach (var pullRequest in session.PullRequests.List(workspace, SlugOf(repository)!, [PullRequestState.Open]).WithCancellation(ct))
                {
                    found.Add(pullRequest);
                    if (found.Count == MaxPullRequestsPerRepository)
                    {
                        break;
                    }
                }

                perRepository[i] = found;
            });

        var pullRequests = perRepository.SelectMany(p => p).OrderByDescending(p => p.UpdatedOn ?? p.CreatedOn).ToList();
        return new Profile(user, workspaces, pullRequests, truncated);
    }

    /// <summary>The repository's slug: the part of <c>full_name</c> after the workspace.</summary>
    internal static string? SlugOf(Repository repository)
    {
        if (!string.IsNullOrEmpty(repository.Slug))
        {
            return repository.Slug;
        }

        var fullName = repository.FullName;
        var slash = fullName?.IndexOf('/') ?? -1;
        return slash > 0 ? fullName![(slash + 1)..] : null;
    }

    private static string NameOf(WorkspaceBase workspace) =>
        workspace.AdditionalProperties?.TryGetValue("name", out var name) == true && name.ValueKind == JsonValueKind.String
            ? name.GetString() ?? workspace.Slug!
            : workspace.Slug!;
}
