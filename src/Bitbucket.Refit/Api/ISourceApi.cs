using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>
/// Bitbucket's API for browsing source files and directories, file history and committing files. Bitbucket answers
/// <c>GET …/src/{commit}/{path}</c> with raw content for a file and with a paged listing for a directory; this interface
/// offers one method per shape: <see cref="GetFileAsync"/>, <see cref="ListDirectory"/>, <see cref="GetMetadataAsync"/>
/// and <see cref="GetRenderedAsync"/>.
/// </summary>
public interface ISourceApi
{
    /// <summary>
    /// Lists the root directory of the main branch. Bitbucket answers with a redirect to the listing at the main
    /// branch's head commit.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The entries, fetched lazily.</returns>
    BitbucketPageable<TreeEntry> ListRoot(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>
    /// Downloads the raw content of a file at a commit, as a stream that is not buffered in memory. Bitbucket sends the
    /// bytes unchanged (no character set) and redirects LFS files to its media storage.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash, or a branch or tag name (escaped as one path segment).</param>
    /// <param name="path">The file's path from the repository root; slashes separate directories.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The content; dispose it when done.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/src/{commit}/{**path}")]
    Task<Stream> GetFileAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists a directory at a commit: files (<c>commit_file</c>) and directories (<c>commit_directory</c>) in the order
    /// git returns them.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash, or a branch or tag name (escaped as one path segment).</param>
    /// <param name="path">The directory's path from the repository root; an empty string lists the root.</param>
    /// <param name="maxDepth">Also lists subdirectories, breadth first, down to this depth (default 1); too deep a walk times out with 555.</param>
    /// <param name="options">Filter (e.g. <c>size &gt; 1024 and attributes = "binary"</c>), sort (e.g. <c>-size</c>), fields and page size.</param>
    /// <returns>The entries, fetched lazily.</returns>
    BitbucketPageable<TreeEntry> ListDirectory(string workspace, string repoSlug, string commit, string path, int? maxDepth = null, ListOptions? options = null);

    /// <summary>
    /// Gets the meta data of a file (size, MIME type, attributes) or a directory at a commit instead of its content
    /// (<c>format=meta</c>); a cheap way to check that a path exists.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash, or a branch or tag name (escaped as one path segment).</param>
    /// <param name="path">The path from the repository root.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entry; <see cref="TreeEntry.Type"/> tells a file from a directory.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/src/{commit}/{**path}?format=meta")]
    Task<TreeEntry> GetMetadataAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the meta data of the root directory of the main branch (<c>GET …/src?format=meta</c>): the directory entry
    /// with the commit it was read at, so one call tells the main branch's head without knowing the branch's name.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The root directory's entry.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/src?format=meta")]
    Task<TreeEntry> GetRootMetadataAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a markup file (<c>.md</c>, <c>.markdown</c>, <c>.mkd</c>, <c>.mkdn</c>, <c>.mdown</c>, <c>.text</c>,
    /// <c>.rst</c>, <c>.textile</c>) rendered as HTML (<c>format=rendered</c>). Bitbucket guesses the text encoding, so
    /// the raw text it returns may differ from the file's bytes.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash, or a branch or tag name (escaped as one path segment).</param>
    /// <param name="path">The file's path from the repository root.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The raw text, its markup language and the HTML.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/src/{commit}/{**path}?format=rendered")]
    Task<RenderedContent> GetRenderedAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a commit by uploading files as <c>multipart/form-data</c>: each part of <paramref name="contents"/> adds or
    /// overwrites the file at the repository path given as the part's name, e.g.
    /// <c>new StreamPart(stream, "README.md", "text/markdown", name: "docs/README.md")</c>; paths in
    /// <paramref name="filesToDelete"/> without content are deleted. Move a file by deleting the old path and adding
    /// the new one.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="contents">The files to add or overwrite, each part named with its repository path.</param>
    /// <param name="message">The commit message; Bitbucket uses a canned one when omitted.</param>
    /// <param name="author">The author as <c>Name &lt;e-mail&gt;</c>; the caller's name and primary address when omitted.</param>
    /// <param name="branch">The branch to commit on (created when missing); the main branch when omitted.</param>
    /// <param name="parent">The SHA1 of the parent commit; the head of the branch when omitted.</param>
    /// <param name="filesToDelete">Paths the commit touches; those without a part in <paramref name="contents"/> are deleted.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the commit is created.</returns>
    [Multipart]
    [Post("/repositories/{workspace}/{repo_slug}/src")]
    Task CreateCommitAsync(
        string workspace,
        [AliasAs("repo_slug")] string repoSlug,
        IEnumerable<StreamPart>? contents = null,
        string? message = null,
        string? author = null,
        string? branch = null,
        [AliasAs("parents")] string? parent = null,
        [AliasAs("files")] IEnumerable<string>? filesToDelete = null,
        CancellationToken cancellationToken = default);

    /// <summary>Lists the commits that changed a file, newest first, following renames unless told not to.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash, or a branch or tag name, to start from (escaped as one path segment).</param>
    /// <param name="path">The file's path from the repository root.</param>
    /// <param name="renames"><see langword="false"/> to stop at renames; Bitbucket follows them by default.</param>
    /// <param name="options">Filter (e.g. <c>commit.date &lt;= 2011-05-18</c>), sort, fields and page size.</param>
    /// <returns>The file at each commit that changed it, fetched lazily.</returns>
    BitbucketPageable<CommitFile> ListFileHistory(string workspace, string repoSlug, string commit, string path, bool? renames = null, ListOptions? options = null);
}

/// <summary>
/// The Refit routes of <see cref="ISourceApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface ISourceApiClient : ISourceApi
{
    [Get("/repositories/{workspace}/{repo_slug}/src")]
    [Paged(Next = nameof(Page<TreeEntry>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<TreeEntry>, TreeEntry> ListRoot(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<TreeEntry> ISourceApi.ListRoot(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<TreeEntry>(ListRoot(workspace, repoSlug, options));

    [Get("/repositories/{workspace}/{repo_slug}/src/{commit}/{**path}")]
    [Paged(Next = nameof(Page<TreeEntry>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<TreeEntry>, TreeEntry> ListDirectory(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string path, [AliasAs("max_depth")] int? maxDepth = null, [Query] ListOptions? options = null);

    BitbucketPageable<TreeEntry> ISourceApi.ListDirectory(string workspace, string repoSlug, string commit, string path, int? maxDepth, ListOptions? options) =>
        new RefitPageable<TreeEntry>(ListDirectory(workspace, repoSlug, commit, path, maxDepth, options));

    [Get("/repositories/{workspace}/{repo_slug}/filehistory/{commit}/{**path}")]
    [Paged(Next = nameof(Page<CommitFile>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<CommitFile>, CommitFile> ListFileHistory(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string path, bool? renames = null, [Query] ListOptions? options = null);

    BitbucketPageable<CommitFile> ISourceApi.ListFileHistory(string workspace, string repoSlug, string commit, string path, bool? renames, ListOptions? options) =>
        new RefitPageable<CommitFile>(ListFileHistory(workspace, repoSlug, commit, path, renames, options));
}
