using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>Bitbucket's API for branch restrictions: branch permissions and merge checks.</summary>
public interface IBranchRestrictionsApi
{
    /// <summary>Lists the branch restriction rules of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="kind">Keeps only rules of this kind.</param>
    /// <param name="pattern">Keeps only rules whose branch pattern is exactly this glob.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The rules, fetched lazily.</returns>
    BitbucketPageable<BranchRestriction> List(string workspace, string repoSlug, BranchRestrictionKind? kind = null, string? pattern = null, ListOptions? options = null);

    /// <summary>
    /// Creates a branch restriction rule: set <c>kind</c>, <c>branch_match_kind</c> with <c>pattern</c> (glob) or
    /// <c>branch_type</c> (branching model), and <c>users</c>/<c>groups</c> or <c>value</c> as the kind requires.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="restriction">The rule.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created rule with its id.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/branch-restrictions")]
    Task<BranchRestriction> CreateAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] BranchRestriction restriction, CancellationToken cancellationToken = default);

    /// <summary>Gets a branch restriction rule by id.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="id">The rule id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The rule.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/branch-restrictions/{id}")]
    Task<BranchRestriction> GetAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, int id, CancellationToken cancellationToken = default);

    /// <summary>Updates a branch restriction rule; the properties sent replace the rule's.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="id">The rule id.</param>
    /// <param name="restriction">The rule's new properties.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated rule.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/branch-restrictions/{id}")]
    Task<BranchRestriction> UpdateAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, int id, [Body] BranchRestriction restriction, CancellationToken cancellationToken = default);

    /// <summary>Deletes a branch restriction rule.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="id">The rule id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the rule is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/branch-restrictions/{id}")]
    Task DeleteAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, int id, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Refit routes of <see cref="IBranchRestrictionsApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface IBranchRestrictionsApiClient : IBranchRestrictionsApi
{
    [Get("/repositories/{workspace}/{repo_slug}/branch-restrictions")]
    [Paged(Next = nameof(Page<BranchRestriction>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<BranchRestriction>, BranchRestriction> List(string workspace, [AliasAs("repo_slug")] string repoSlug, BranchRestrictionKind? kind = null, string? pattern = null, [Query] ListOptions? options = null);

    BitbucketPageable<BranchRestriction> IBranchRestrictionsApi.List(string workspace, string repoSlug, BranchRestrictionKind? kind, string? pattern, ListOptions? options) =>
        new RefitPageable<BranchRestriction>(List(workspace, repoSlug, kind, pattern, options));
}
