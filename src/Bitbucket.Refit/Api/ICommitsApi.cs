using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>Bitbucket's API for commits, their comments and approvals, diffs, diffstats, patches and merge bases.</summary>
/// <remarks>
/// A <c>spec</c> or <c>revspec</c> is one commit (<c>a1b2c3</c>, diffed against its first parent) or two separated by
/// <c>..</c> (<c>feature..main</c>: the first is the source, the second the destination — the opposite of
/// <c>git diff</c>). It is sent as one escaped path segment, so a branch such as <c>feature/x</c> travels as
/// <c>feature%2Fx</c>.
/// </remarks>
public interface ICommitsApi
{
    /// <summary>Gets a commit by its hash.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash (full or abbreviated).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The commit.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/commit/{commit}")]
    Task<Commit> GetAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, CancellationToken cancellationToken = default);

    /// <summary>Approves a commit as the authenticated user (who needs explicit access to the repository).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The authenticated user as a participant of the commit, with <c>approved</c> set.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/commit/{commit}/approve")]
    Task<Participant> ApproveAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, CancellationToken cancellationToken = default);

    /// <summary>Withdraws the authenticated user's approval of a commit.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the approval is gone.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/commit/{commit}/approve")]
    Task UnapproveAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, CancellationToken cancellationToken = default);

    /// <summary>Lists the comments on a commit, global and inline, oldest first unless sorted otherwise, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The comments, fetched lazily.</returns>
    BitbucketPageable<CommitComment> ListComments(string workspace, string repoSlug, string commit, ListOptions? options = null);

    /// <summary>Comments on a commit; set <c>parent.id</c> to reply to another comment, <c>inline</c> to anchor it to a line.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="comment">The comment; at least <c>content.raw</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// The created comment as Bitbucket returns it (the spec leaves the 201 body undescribed; an empty body would come back
    /// as <see langword="null"/>).
    /// </returns>
    [Post("/repositories/{workspace}/{repo_slug}/commit/{commit}/comments")]
    Task<CommitComment> CreateCommentAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, [Body] CommitComment comment, CancellationToken cancellationToken = default);

    /// <summary>Gets one comment on a commit.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="commentId">The comment id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The comment.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/commit/{commit}/comments/{comment_id}")]
    Task<CommitComment> GetCommentAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, [AliasAs("comment_id")] long commentId, CancellationToken cancellationToken = default);

    /// <summary>Changes the content of a comment on a commit (nothing else of a comment can change).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="commentId">The comment id.</param>
    /// <param name="comment">The comment with its new <c>content.raw</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// The updated comment as Bitbucket returns it (the spec leaves the body undescribed; an empty body would come back as
    /// <see langword="null"/>).
    /// </returns>
    [Put("/repositories/{workspace}/{repo_slug}/commit/{commit}/comments/{comment_id}")]
    Task<CommitComment> UpdateCommentAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, [AliasAs("comment_id")] long commentId, [Body] CommitComment comment, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a comment on a commit. A comment with visible replies is kept, blanked and marked <c>deleted</c>, so the
    /// thread stays intact.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="commentId">The comment id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the comment is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/commit/{commit}/comments/{comment_id}")]
    Task DeleteCommentAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, [AliasAs("comment_id")] long commentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the commits of a repository, newest first in topological order, like <c>git log</c>: all branches and
    /// tags, or those reachable from <paramref name="include"/> and not from <paramref name="exclude"/>.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="include">Refs or hashes whose history is listed (all refs when empty).</param>
    /// <param name="exclude">Refs or hashes whose history is left out.</param>
    /// <param name="path">Lists only commits that touch this file or directory (the result is then no longer a DAG).</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The commits, fetched lazily.</returns>
    BitbucketPageable<Commit> List(string workspace, string repoSlug, IEnumerable<string>? include = null, IEnumerable<string>? exclude = null, string? path = null, ListOptions? options = null);

    /// <summary>
    /// Lists the commits of a repository like <see cref="List"/>, sending the include and exclude refs in a form body
    /// (POST) instead of the query string, for lists too long for a URL. Nothing is created. Each following page is
    /// requested the same way: the form is posted again to the <c>next</c> link.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="refs">The refs to include and exclude.</param>
    /// <param name="path">Lists only commits that touch this file or directory.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The commits, fetched lazily.</returns>
    BitbucketPageable<Commit> ListByRefs(string workspace, string repoSlug, CommitRefFilter refs, string? path = null, ListOptions? options = null);

    /// <summary>
    /// Lists the commits reachable from a revision (a branch, tag or hash), newest first, like <c>git log main</c>;
    /// <paramref name="exclude"/> leaves out the history of other refs (<c>git log main ^dev</c>).
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="revision">The branch, tag or commit hash to start from (sent as one escaped segment).</param>
    /// <param name="include">More refs or hashes whose history is listed as well.</param>
    /// <param name="exclude">Refs or hashes whose history is left out.</param>
    /// <param name="path">Lists only commits that touch this file or directory.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The commits, fetched lazily.</returns>
    BitbucketPageable<Commit> ListForRevision(string workspace, string repoSlug, string revision, IEnumerable<string>? include = null, IEnumerable<string>? exclude = null, string? path = null, ListOptions? options = null);

    /// <summary>
    /// Lists the commits reachable from a revision like <see cref="ListForRevision"/>, sending the include and exclude
    /// refs in a form body (POST) instead of the query string. Nothing is created. Each following page is requested the
    /// same way: the form is posted again to the <c>next</c> link.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="revision">The branch, tag or commit hash to start from (sent as one escaped segment).</param>
    /// <param name="refs">The refs to include and exclude.</param>
    /// <param name="path">Lists only commits that touch this file or directory.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The commits, fetched lazily.</returns>
    BitbucketPageable<Commit> ListForRevisionByRefs(string workspace, string repoSlug, string revision, CommitRefFilter refs, string? path = null, ListOptions? options = null);

    /// <summary>
    /// Streams the raw git-style diff of one commit against its first parent, or of two commits (<c>source..destination</c>).
    /// The bytes are in whatever encoding the files use; the stream is read from the network as it arrives — dispose it.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="spec">One commit, or two separated by <c>..</c> (see the remarks on <see cref="ICommitsApi"/>).</param>
    /// <param name="context">The number of context lines around each change.</param>
    /// <param name="path">Limits the diff to these files (Bitbucket accepts the parameter repeated; the spec types it as one string).</param>
    /// <param name="ignoreWhitespace">Whether to ignore whitespace changes.</param>
    /// <param name="binary">Whether to include binary files (Bitbucket's default: yes).</param>
    /// <param name="renames">Whether to detect renames (Bitbucket's default: yes).</param>
    /// <param name="merge">
    /// Deprecated by Bitbucket in favour of <paramref name="topic"/> (never send both): whether to diff the destination
    /// against the source merged into it.
    /// </param>
    /// <param name="topic">
    /// With two commits, whether to diff the source against its merge base with the destination (three-dot, Bitbucket's
    /// default) rather than against the destination itself (two-dot).
    /// </param>
    /// <param name="cancellationToken">Cancels the request until the response headers arrive; reads from the stream take their own token.</param>
    /// <returns>The diff as an unbuffered stream.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/diff/{spec}")]
    Task<Stream> GetDiffAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string spec,
        int? context = null, [Query(CollectionFormat.Multi)] IEnumerable<string>? path = null,
        [AliasAs("ignore_whitespace")] bool? ignoreWhitespace = null, bool? binary = null,
        bool? renames = null, bool? merge = null,
        bool? topic = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists, for one commit against its first parent or for two commits, every changed path with its kind of change and
    /// the lines added and removed, page by page (Bitbucket's default page is 500).
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="spec">One commit, or two separated by <c>..</c>.</param>
    /// <param name="ignoreWhitespace">Whether to ignore whitespace changes.</param>
    /// <param name="merge">
    /// Deprecated by Bitbucket in favour of <paramref name="topic"/> (never send both): whether to compare the destination
    /// with the source merged into it.
    /// </param>
    /// <param name="path">Limits the diffstat to these files.</param>
    /// <param name="renames">Whether to detect renames (Bitbucket's default: yes).</param>
    /// <param name="topic">
    /// With two commits, whether to compare the source with its merge base with the destination (three-dot) rather than
    /// with the destination itself (two-dot).
    /// </param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The changed files, fetched lazily.</returns>
    BitbucketPageable<DiffStat> ListDiffStats(string workspace, string repoSlug, string spec, bool? ignoreWhitespace = null, bool? merge = null, IEnumerable<string>? path = null, bool? renames = null, bool? topic = null, ListOptions? options = null);

    /// <summary>Lists the files that would conflict when merging the two commits of a spec, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="spec">Two commits separated by <c>..</c>, source first.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The conflicting files, fetched lazily.</returns>
    BitbucketPageable<FileConflict> ListFileConflicts(string workspace, string repoSlug, string spec, ListOptions? options = null);

    /// <summary>Gets a best common ancestor of two commits (one of them, unspecified which, when there are several).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="revspec">Two commits separated by <c>..</c>, e.g. <c>3a8b42..9ff173</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The merge base.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/merge-base/{revspec}")]
    Task<Commit> GetMergeBaseAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string revspec, CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the raw patch of one commit (against its first parent), or the patch series of the source commits of a
    /// two-commit spec, with commit headers. The stream is read from the network as it arrives — dispose it.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="spec">One commit, or two separated by <c>..</c>, source first.</param>
    /// <param name="cancellationToken">Cancels the request until the response headers arrive; reads from the stream take their own token.</param>
    /// <returns>The patch as an unbuffered stream.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/patch/{spec}")]
    Task<Stream> GetPatchAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string spec, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Refit routes of <see cref="ICommitsApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface ICommitsApiClient : ICommitsApi
{
    [Get("/repositories/{workspace}/{repo_slug}/commit/{commit}/comments")]
    [Paged(Next = nameof(Page<CommitComment>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<CommitComment>, CommitComment> ListComments(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, [Query] ListOptions? options = null);

    BitbucketPageable<CommitComment> ICommitsApi.ListComments(string workspace, string repoSlug, string commit, ListOptions? options) =>
        new RefitPageable<CommitComment>(ListComments(workspace, repoSlug, commit, options));

    [Get("/repositories/{workspace}/{repo_slug}/commits")]
    [Paged(Next = nameof(Page<Commit>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Commit>, Commit> List(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query(CollectionFormat.Multi)] IEnumerable<string>? include = null, [Query(CollectionFormat.Multi)] IEnumerable<string>? exclude = null, string? path = null, [Query] ListOptions? options = null);

    BitbucketPageable<Commit> ICommitsApi.List(string workspace, string repoSlug, IEnumerable<string>? include, IEnumerable<string>? exclude, string? path, ListOptions? options) =>
        new RefitPageable<Commit>(List(workspace, repoSlug, include, exclude, path, options));

    [Post("/repositories/{workspace}/{repo_slug}/commits")]
    [Paged(Next = nameof(Page<Commit>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Commit>, Commit> ListByRefs(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body(BodySerializationMethod.UrlEncoded)] CommitRefFilter refs, string? path = null, [Query] ListOptions? options = null);

    BitbucketPageable<Commit> ICommitsApi.ListByRefs(string workspace, string repoSlug, CommitRefFilter refs, string? path, ListOptions? options) =>
        new RefitPageable<Commit>(ListByRefs(workspace, repoSlug, refs, path, options));

    [Get("/repositories/{workspace}/{repo_slug}/commits/{revision}")]
    [Paged(Next = nameof(Page<Commit>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Commit>, Commit> ListForRevision(string workspace, [AliasAs("repo_slug")] string repoSlug, string revision, [Query(CollectionFormat.Multi)] IEnumerable<string>? include = null, [Query(CollectionFormat.Multi)] IEnumerable<string>? exclude = null, string? path = null, [Query] ListOptions? options = null);

    BitbucketPageable<Commit> ICommitsApi.ListForRevision(string workspace, string repoSlug, string revision, IEnumerable<string>? include, IEnumerable<string>? exclude, string? path, ListOptions? options) =>
        new RefitPageable<Commit>(ListForRevision(workspace, repoSlug, revision, include, exclude, path, options));

    [Post("/repositories/{workspace}/{repo_slug}/commits/{revision}")]
    [Paged(Next = nameof(Page<Commit>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Commit>, Commit> ListForRevisionByRefs(string workspace, [AliasAs("repo_slug")] string repoSlug, string revision, [Body(BodySerializationMethod.UrlEncoded)] CommitRefFilter refs, string? path = null, [Query] ListOptions? options = null);

    BitbucketPageable<Commit> ICommitsApi.ListForRevisionByRefs(string workspace, string repoSlug, string revision, CommitRefFilter refs, string? path, ListOptions? options) =>
        new RefitPageable<Commit>(ListForRevisionByRefs(workspace, repoSlug, revision, refs, path, options));

    [Get("/repositories/{workspace}/{repo_slug}/diffstat/{spec}")]
    [Paged(Next = nameof(Page<DiffStat>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<DiffStat>, DiffStat> ListDiffStats(string workspace, [AliasAs("repo_slug")] string repoSlug, string spec, [AliasAs("ignore_whitespace")] bool? ignoreWhitespace = null, bool? merge = null, [Query(CollectionFormat.Multi)] IEnumerable<string>? path = null, bool? renames = null, bool? topic = null, [Query] ListOptions? options = null);

    BitbucketPageable<DiffStat> ICommitsApi.ListDiffStats(string workspace, string repoSlug, string spec, bool? ignoreWhitespace, bool? merge, IEnumerable<string>? path, bool? renames, bool? topic, ListOptions? options) =>
        new RefitPageable<DiffStat>(ListDiffStats(workspace, repoSlug, spec, ignoreWhitespace, merge, path, renames, topic, options));

    [Get("/repositories/{workspace}/{repo_slug}/file-conflicts/{spec}")]
    [Paged(Next = nameof(Page<FileConflict>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<FileConflict>, FileConflict> ListFileConflicts(string workspace, [AliasAs("repo_slug")] string repoSlug, string spec, [Query] ListOptions? options = null);

    BitbucketPageable<FileConflict> ICommitsApi.ListFileConflicts(string workspace, string repoSlug, string spec, ListOptions? options) =>
        new RefitPageable<FileConflict>(ListFileConflicts(workspace, repoSlug, spec, options));
}
