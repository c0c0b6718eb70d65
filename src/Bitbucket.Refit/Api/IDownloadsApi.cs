using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>Bitbucket's API for download artifacts of repositories (the Downloads section).</summary>
public interface IDownloadsApi
{
    /// <summary>Lists the download artifacts of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The artifacts, fetched lazily.</returns>
    BitbucketPageable<DownloadArtifact> List(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>
    /// Uploads one or more artifacts as <c>multipart/form-data</c> <c>files</c> parts, e.g.
    /// <c>[new StreamPart(stream, "app-1.2.zip", "application/zip")]</c>; leave each part's name unset. An artifact with
    /// the same file name is replaced.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="files">The files; each part's file name becomes the artifact's name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the artifacts are stored.</returns>
    [Multipart]
    [Post("/repositories/{workspace}/{repo_slug}/downloads")]
    Task UploadAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("files")] IEnumerable<StreamPart> files, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads an artifact as a stream that is not buffered in memory. Bitbucket redirects to its storage host; the
    /// redirect is followed without the <c>Authorization</c> header, which <see cref="HttpClient"/> never forwards on a redirect.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="filename">The artifact's file name (escaped as one path segment).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The content; dispose it when done.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/downloads/{filename}")]
    Task<Stream> DownloadAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string filename, CancellationToken cancellationToken = default);

    /// <summary>Deletes a download artifact.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="filename">The artifact's file name (escaped as one path segment).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the artifact is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/downloads/{filename}")]
    Task DeleteAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string filename, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Refit routes of <see cref="IDownloadsApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface IDownloadsApiClient : IDownloadsApi
{
    [Get("/repositories/{workspace}/{repo_slug}/downloads")]
    [Paged(Next = nameof(Page<DownloadArtifact>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<DownloadArtifact>, DownloadArtifact> List(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<DownloadArtifact> IDownloadsApi.List(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<DownloadArtifact>(List(workspace, repoSlug, options));
}
