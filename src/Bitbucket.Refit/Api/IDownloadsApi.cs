using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for download artifacts of repositories.</summary>
public interface IDownloadsApi
{
    /// <summary>Downloads an artifact as a stream; the body is not buffered in memory.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="filename">The artifact's file name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The content; dispose it when done.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/downloads/{filename}")]
    Task<Stream> GetAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string filename, CancellationToken cancellationToken = default);
}
