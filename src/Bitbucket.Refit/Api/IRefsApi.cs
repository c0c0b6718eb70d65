using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>Bitbucket's API for branches and tags.</summary>
public interface IRefsApi
{
    /// <summary>Lists the branches and tags of a repository together.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter (e.g. <c>name ~ "release"</c>), sort (e.g. <c>-target.date</c>), fields and page size.</param>
    /// <returns>The refs, fetched lazily; <see cref="GitRef.Type"/> tells a <c>branch</c> from a <c>tag</c>.</returns>
    BitbucketPageable<GitRef> List(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>Lists the open branches of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter (e.g. <c>name ~ "feature/"</c>), sort, fields and page size.</param>
    /// <returns>The branches, fetched lazily.</returns>
    BitbucketPageable<Branch> ListBranches(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>
    /// Creates a branch: set <see cref="GitRef.Name"/> (without <c>refs/heads/</c>) and <see cref="GitRef.Target"/>
    /// with the commit <c>hash</c> to start from (a full hash; a short one may be ambiguous).
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="branch">The branch name and target.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created branch.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/refs/branches")]
    Task<Branch> CreateBranchAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] Branch branch, CancellationToken cancellationToken = default);

    /// <summary>Gets a branch by name.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="name">The branch name; a slash in it is escaped, never a path separator.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The branch and its head commit.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/refs/branches/{name}")]
    Task<Branch> GetBranchAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes a branch (not the main branch).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="name">The branch name; a slash in it is escaped, never a path separator.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the branch is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/refs/branches/{name}")]
    Task DeleteBranchAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string name, CancellationToken cancellationToken = default);

    /// <summary>Lists the tags of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort (e.g. <c>-target.date</c>), fields and page size.</param>
    /// <returns>The tags, fetched lazily.</returns>
    BitbucketPageable<Tag> ListTags(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>
    /// Creates a tag: set <see cref="GitRef.Name"/>, <see cref="GitRef.Target"/> with the commit <c>hash</c> and, for an
    /// annotated tag, <see cref="GitRef.Message"/>.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="tag">The tag name, target and message.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created tag.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/refs/tags")]
    Task<Tag> CreateTagAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] Tag tag, CancellationToken cancellationToken = default);

    /// <summary>Gets a tag by name.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="name">The tag name; a slash in it is escaped, never a path separator.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tag and the commit it points at.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/refs/tags/{name}")]
    Task<Tag> GetTagAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes a tag.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="name">The tag name; a slash in it is escaped, never a path separator.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the tag is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/refs/tags/{name}")]
    Task DeleteTagAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string name, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Refit routes of <see cref="IRefsApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface IRefsApiClient : IRefsApi
{
    [Get("/repositories/{workspace}/{repo_slug}/refs")]
    [Paged(Next = nameof(Page<GitRef>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<GitRef>, GitRef> List(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<GitRef> IRefsApi.List(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<GitRef>(List(workspace, repoSlug, options));

    [Get("/repositories/{workspace}/{repo_slug}/refs/branches")]
    [Paged(Next = nameof(Page<Branch>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Branch>, Branch> ListBranches(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<Branch> IRefsApi.ListBranches(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<Branch>(ListBranches(workspace, repoSlug, options));

    [Get("/repositories/{workspace}/{repo_slug}/refs/tags")]
    [Paged(Next = nameof(Page<Tag>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Tag>, Tag> ListTags(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<Tag> IRefsApi.ListTags(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<Tag>(ListTags(workspace, repoSlug, options));
}
