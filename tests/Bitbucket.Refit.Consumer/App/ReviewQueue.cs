// This file is a code block of the repository README.md, verbatim (ReadmeSnippetsTests checks it).
using System.Runtime.CompilerServices;
using Bitbucket;
using Bitbucket.Models;

public sealed class ReviewQueue(IPullRequestsApi pullRequests)
{
    public async IAsyncEnumerable<PullRequest> OpenAsync(string workspace, string repo, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var pr in pullRequests.List(workspace, repo, state: [PullRequestState.Open]).WithCancellation(ct)) // pages fetched lazily
        {
            yield return pr;
        }
    }

    public async Task<List<string>> OpenTitlesAsync(string workspace, string repo, CancellationToken ct = default)
    {
        var titles = new List<string>();
        await foreach (var pr in OpenAsync(workspace, repo, ct))
        {
            titles.Add(pr.Title ?? "");
        }

        return titles;
    }
}
