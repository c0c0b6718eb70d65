using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>
/// Bitbucket's API for snippets, their files, comments, revisions and watchers. Snippets are created and updated with
/// <c>multipart/form-data</c>: the metadata as form fields and each file as a <c>file</c> part.
/// </summary>
public interface ISnippetsApi
{
    /// <summary>Lists the snippets the current user can see across all workspaces, page by page.</summary>
    /// <param name="role">Filters by the user's role: owner, contributor or member.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The snippets, fetched lazily.</returns>
    [Obsolete("Bitbucket deprecated the cross-workspace snippet list, which now answers 410 Gone; use List(workspace) instead.")]
    BitbucketPageable<Snippet> ListAll(SnippetRole? role = null, ListOptions? options = null);

    /// <summary>Creates a snippet owned by the current user, sent as <c>multipart/form-data</c>.</summary>
    /// <param name="files">
    /// The files, each sent as a <c>file</c> part whose file name becomes the snippet file's name
    /// (e.g. <c>new StreamPart(stream, "foo.txt", "text/plain")</c> or a <see cref="ByteArrayPart"/>).
    /// </param>
    /// <param name="title">The title, or <see langword="null"/> for none.</param>
    /// <param name="isPrivate">Whether only workspace members can see the snippet; Bitbucket's default when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new snippet.</returns>
    [Multipart]
    [Post("/snippets")]
    Task<Snippet> CreateForCurrentUserAsync([AliasAs("file")] IEnumerable<MultipartItem> files, string? title = null, [AliasAs("is_private")] bool? isPrivate = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the snippets owned by a workspace, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="role">Filters by the user's role: owner, contributor or member.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The snippets, fetched lazily.</returns>
    BitbucketPageable<Snippet> List(string workspace, SnippetRole? role = null, ListOptions? options = null);

    /// <summary>Creates a snippet in a workspace, sent as <c>multipart/form-data</c>.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="files">
    /// The files, each sent as a <c>file</c> part whose file name becomes the snippet file's name
    /// (e.g. <c>new StreamPart(stream, "foo.txt", "text/plain")</c> or a <see cref="ByteArrayPart"/>).
    /// </param>
    /// <param name="title">The title, or <see langword="null"/> for none.</param>
    /// <param name="isPrivate">Whether only workspace members can see the snippet; Bitbucket's default when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new snippet.</returns>
    [Multipart]
    [Post("/snippets/{workspace}")]
    Task<Snippet> CreateAsync(string workspace, [AliasAs("file")] IEnumerable<MultipartItem> files, string? title = null, [AliasAs("is_private")] bool? isPrivate = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a snippet.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the snippet is deleted.</returns>
    [Delete("/snippets/{workspace}/{encoded_id}")]
    Task DeleteAsync(string workspace, [AliasAs("encoded_id")] string encodedId, CancellationToken cancellationToken = default);

    /// <summary>Gets a snippet: its metadata and links to its files (the file contents come from <see cref="GetFileAsync"/>).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The snippet.</returns>
    [Get("/snippets/{workspace}/{encoded_id}")]
    Task<Snippet> GetAsync(string workspace, [AliasAs("encoded_id")] string encodedId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates a snippet, sent as <c>multipart/form-data</c>: only what is given changes. File parts add or replace
    /// files; names in <paramref name="removedFiles"/> are deleted.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="files">Files to add or replace, each sent as a <c>file</c> part named by its file name.</param>
    /// <param name="title">The new title, or <see langword="null"/> to keep it.</param>
    /// <param name="isPrivate">The new visibility, or <see langword="null"/> to keep it.</param>
    /// <param name="removedFiles">Names of files to delete, each sent as a <c>files</c> field without content.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated snippet.</returns>
    [Multipart]
    [Put("/snippets/{workspace}/{encoded_id}")]
    Task<Snippet> UpdateAsync(string workspace, [AliasAs("encoded_id")] string encodedId, [AliasAs("file")] IEnumerable<MultipartItem>? files = null, string? title = null, [AliasAs("is_private")] bool? isPrivate = null, [AliasAs("files")] IEnumerable<string>? removedFiles = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the comments on a snippet, oldest first, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The comments, fetched lazily.</returns>
    BitbucketPageable<SnippetComment> ListComments(string workspace, string encodedId, ListOptions? options = null);

    /// <summary>Comments on a snippet; set <c>Parent.Id</c> to reply to another comment.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="comment">The comment; <c>Content.Raw</c> is required.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new comment.</returns>
    [Post("/snippets/{workspace}/{encoded_id}/comments")]
    Task<SnippetComment> CreateCommentAsync(string workspace, [AliasAs("encoded_id")] string encodedId, [Body] SnippetComment comment, CancellationToken cancellationToken = default);

    /// <summary>Deletes a comment on a snippet (its author, the snippet's creator or a workspace admin may).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="commentId">The comment id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the comment is deleted.</returns>
    [Delete("/snippets/{workspace}/{encoded_id}/comments/{comment_id}")]
    Task DeleteCommentAsync(string workspace, [AliasAs("encoded_id")] string encodedId, [AliasAs("comment_id")] long commentId, CancellationToken cancellationToken = default);

    /// <summary>Gets a comment on a snippet.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="commentId">The comment id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The comment.</returns>
    [Get("/snippets/{workspace}/{encoded_id}/comments/{comment_id}")]
    Task<SnippetComment> GetCommentAsync(string workspace, [AliasAs("encoded_id")] string encodedId, [AliasAs("comment_id")] long commentId, CancellationToken cancellationToken = default);

    /// <summary>Updates a comment on a snippet (only its author may).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="commentId">The comment id.</param>
    /// <param name="comment">The new content; <c>Content.Raw</c> is required.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated comment.</returns>
    [Put("/snippets/{workspace}/{encoded_id}/comments/{comment_id}")]
    Task<SnippetComment> UpdateCommentAsync(string workspace, [AliasAs("encoded_id")] string encodedId, [AliasAs("comment_id")] long commentId, [Body] SnippetComment comment, CancellationToken cancellationToken = default);

    /// <summary>Lists the changes (commits) made to a snippet, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The commits, fetched lazily.</returns>
    BitbucketPageable<SnippetCommit> ListCommits(string workspace, string encodedId, ListOptions? options = null);

    /// <summary>Gets one change (commit) of a snippet.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="revision">The commit hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The commit.</returns>
    [Get("/snippets/{workspace}/{encoded_id}/commits/{revision}")]
    Task<SnippetCommit> GetCommitAsync(string workspace, [AliasAs("encoded_id")] string encodedId, string revision, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the raw content of a snippet file at the latest revision (Bitbucket redirects to the versioned file URL).
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="path">The file name; slashes are kept.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The file content, streamed; dispose it when done.</returns>
    [Get("/snippets/{workspace}/{encoded_id}/files/{**path}")]
    Task<Stream> GetFileAsync(string workspace, [AliasAs("encoded_id")] string encodedId, string path, CancellationToken cancellationToken = default);

    /// <summary>Stops watching a snippet.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the current user no longer watches the snippet.</returns>
    [Delete("/snippets/{workspace}/{encoded_id}/watch")]
    Task UnwatchAsync(string workspace, [AliasAs("encoded_id")] string encodedId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks whether the current user watches a snippet: Bitbucket answers 204 if so and 404 if not (always 404 for
    /// anonymous callers). Neither answer throws; read <see cref="IApiResponse.IsSuccessStatusCode"/>.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; successful when the user watches the snippet. Dispose it when done.</returns>
    [Get("/snippets/{workspace}/{encoded_id}/watch")]
    Task<IApiResponse> IsWatchingAsync(string workspace, [AliasAs("encoded_id")] string encodedId, CancellationToken cancellationToken = default);

    /// <summary>Starts watching a snippet.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the current user watches the snippet.</returns>
    [Put("/snippets/{workspace}/{encoded_id}/watch")]
    Task WatchAsync(string workspace, [AliasAs("encoded_id")] string encodedId, CancellationToken cancellationToken = default);

    /// <summary>Lists the users watching a snippet, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The watchers, fetched lazily.</returns>
    [Obsolete("Bitbucket deprecated listing the watchers of a snippet; use IsWatchingAsync to check the current user instead.")]
    BitbucketPageable<Account> ListWatchers(string workspace, string encodedId, ListOptions? options = null);

    /// <summary>
    /// Deletes a snippet only if <paramref name="nodeId"/> is still its latest revision; Bitbucket answers 405 when it
    /// is older (a compare-and-delete).
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="nodeId">The commit hash the caller last saw.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the snippet is deleted.</returns>
    [Delete("/snippets/{workspace}/{encoded_id}/{node_id}")]
    Task DeleteRevisionAsync(string workspace, [AliasAs("encoded_id")] string encodedId, [AliasAs("node_id")] string nodeId, CancellationToken cancellationToken = default);

    /// <summary>Gets a snippet as it was at a revision (only file contents are versioned, not the title).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="nodeId">The commit hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The snippet at that revision.</returns>
    [Get("/snippets/{workspace}/{encoded_id}/{node_id}")]
    Task<Snippet> GetRevisionAsync(string workspace, [AliasAs("encoded_id")] string encodedId, [AliasAs("node_id")] string nodeId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates a snippet only if <paramref name="nodeId"/> is still its latest revision (a compare-and-swap; 405
    /// otherwise), sent as <c>multipart/form-data</c> like <see cref="UpdateAsync"/>.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="nodeId">The commit hash the caller last saw.</param>
    /// <param name="files">Files to add or replace, each sent as a <c>file</c> part named by its file name.</param>
    /// <param name="title">The new title, or <see langword="null"/> to keep it.</param>
    /// <param name="isPrivate">The new visibility, or <see langword="null"/> to keep it.</param>
    /// <param name="removedFiles">Names of files to delete, each sent as a <c>files</c> field without content.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated snippet.</returns>
    [Multipart]
    [Put("/snippets/{workspace}/{encoded_id}/{node_id}")]
    Task<Snippet> UpdateRevisionAsync(string workspace, [AliasAs("encoded_id")] string encodedId, [AliasAs("node_id")] string nodeId, [AliasAs("file")] IEnumerable<MultipartItem>? files = null, string? title = null, [AliasAs("is_private")] bool? isPrivate = null, [AliasAs("files")] IEnumerable<string>? removedFiles = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the raw content of a snippet file at a revision; its media type follows the file name.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="nodeId">The commit hash.</param>
    /// <param name="path">The file name; slashes are kept.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The file content, streamed; dispose it when done.</returns>
    [Get("/snippets/{workspace}/{encoded_id}/{node_id}/files/{**path}")]
    Task<Stream> GetRevisionFileAsync(string workspace, [AliasAs("encoded_id")] string encodedId, [AliasAs("node_id")] string nodeId, string path, CancellationToken cancellationToken = default);

    /// <summary>Gets the diff of a snippet revision against its first parent.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="revision">The commit hash.</param>
    /// <param name="path">Limits the diff to this one file, or <see langword="null"/> for all files.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The unified diff, streamed; dispose it when done.</returns>
    [Get("/snippets/{workspace}/{encoded_id}/{revision}/diff")]
    Task<Stream> GetDiffAsync(string workspace, [AliasAs("encoded_id")] string encodedId, string revision, [Query] string? path = null, CancellationToken cancellationToken = default);

    /// <summary>Gets the patch of a snippet revision against its first parent, with a commit header.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="revision">The commit hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The patch, streamed; dispose it when done.</returns>
    [Get("/snippets/{workspace}/{encoded_id}/{revision}/patch")]
    Task<Stream> GetPatchAsync(string workspace, [AliasAs("encoded_id")] string encodedId, string revision, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Refit routes of <see cref="ISnippetsApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface ISnippetsApiClient : ISnippetsApi
{
    [Obsolete("Bitbucket deprecated the cross-workspace snippet list, which now answers 410 Gone; use List(workspace) instead.")]
    [Get("/snippets")]
    [Paged(Next = nameof(Page<Snippet>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Snippet>, Snippet> ListAll([Query] SnippetRole? role = null, [Query] ListOptions? options = null);

    [Obsolete("Bitbucket deprecated the cross-workspace snippet list, which now answers 410 Gone; use List(workspace) instead.")]
    BitbucketPageable<Snippet> ISnippetsApi.ListAll(SnippetRole? role, ListOptions? options) =>
        new RefitPageable<Snippet>(ListAll(role, options));

    [Get("/snippets/{workspace}")]
    [Paged(Next = nameof(Page<Snippet>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Snippet>, Snippet> List(string workspace, [Query] SnippetRole? role = null, [Query] ListOptions? options = null);

    BitbucketPageable<Snippet> ISnippetsApi.List(string workspace, SnippetRole? role, ListOptions? options) =>
        new RefitPageable<Snippet>(List(workspace, role, options));

    [Get("/snippets/{workspace}/{encoded_id}/comments")]
    [Paged(Next = nameof(Page<SnippetComment>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<SnippetComment>, SnippetComment> ListComments(string workspace, [AliasAs("encoded_id")] string encodedId, [Query] ListOptions? options = null);

    BitbucketPageable<SnippetComment> ISnippetsApi.ListComments(string workspace, string encodedId, ListOptions? options) =>
        new RefitPageable<SnippetComment>(ListComments(workspace, encodedId, options));

    [Get("/snippets/{workspace}/{encoded_id}/commits")]
    [Paged(Next = nameof(Page<SnippetCommit>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<SnippetCommit>, SnippetCommit> ListCommits(string workspace, [AliasAs("encoded_id")] string encodedId, [Query] ListOptions? options = null);

    BitbucketPageable<SnippetCommit> ISnippetsApi.ListCommits(string workspace, string encodedId, ListOptions? options) =>
        new RefitPageable<SnippetCommit>(ListCommits(workspace, encodedId, options));

    [Obsolete("Bitbucket deprecated listing the watchers of a snippet; use IsWatchingAsync to check the current user instead.")]
    [Get("/snippets/{workspace}/{encoded_id}/watchers")]
    [Paged(Next = nameof(Page<Account>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Account>, Account> ListWatchers(string workspace, [AliasAs("encoded_id")] string encodedId, [Query] ListOptions? options = null);

    [Obsolete("Bitbucket deprecated listing the watchers of a snippet; use IsWatchingAsync to check the current user instead.")]
    BitbucketPageable<Account> ISnippetsApi.ListWatchers(string workspace, string encodedId, ListOptions? options) =>
        new RefitPageable<Account>(ListWatchers(workspace, encodedId, options));
}
