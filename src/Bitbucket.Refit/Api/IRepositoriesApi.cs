using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>Bitbucket's API for repositories, forks, watchers, repository webhooks and permissions.</summary>
public interface IRepositoriesApi
{
    /// <summary>Lists every public repository across workspaces (retired by Bitbucket).</summary>
    /// <param name="role">Keeps only repositories where the caller has this role.</param>
    /// <param name="after">Keeps only repositories created on or after this instant.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The repositories, fetched lazily; Bitbucket now answers 410 Gone.</returns>
    [Obsolete("Bitbucket retired the cross-workspace repository list (CHANGE-2770): it answers 410 Gone; list the caller's workspaces with GET /user/workspaces, then use IRepositoriesApi.List(workspace) for each instead.")]
    BitbucketPageable<Repository> ListPublic(RepositoryRole? role = null, DateTimeOffset? after = null, ListOptions? options = null);

    /// <summary>Lists the repositories of a workspace that the caller can see.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="role">Keeps only repositories where the caller has this role (required by Bitbucket when filtering with <c>q</c>).</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The repositories, fetched lazily.</returns>
    BitbucketPageable<Repository> List(string workspace, RepositoryRole? role = null, ListOptions? options = null);

    /// <summary>Gets a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The repository.</returns>
    [Get("/repositories/{workspace}/{repo_slug}")]
    Task<Repository> GetAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, CancellationToken cancellationToken = default);

    /// <summary>Creates a repository (<c>scm</c> <c>git</c>; set <c>is_private</c>, <c>project</c> and so on as needed).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The slug of the new repository.</param>
    /// <param name="repository">The repository's properties.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created repository.</returns>
    [Post("/repositories/{workspace}/{repo_slug}")]
    Task<Repository> CreateAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] Repository repository, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates a repository, or creates it when it does not exist. Changing <c>name</c> may change the slug, and so the
    /// repository's URL.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="repository">The properties to change.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated (or created) repository.</returns>
    [Put("/repositories/{workspace}/{repo_slug}")]
    Task<Repository> UpdateAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] Repository repository, CancellationToken cancellationToken = default);

    /// <summary>Deletes a repository for good; its forks are kept.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="redirectTo">The repository's new location, which the Bitbucket web UI shows to visitors of the old one.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the repository is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}")]
    Task DeleteAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("redirect_to")] string? redirectTo = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the forks of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="role">Keeps only forks where the caller has this role.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The forks, fetched lazily.</returns>
    BitbucketPageable<Repository> ListForks(string workspace, string repoSlug, RepositoryRole? role = null, ListOptions? options = null);

    /// <summary>
    /// Forks a repository. Set <see cref="Repository.Workspace"/> (its slug) to choose the target workspace, and a new
    /// <see cref="Repository.Name"/> to fork into the same workspace; description, fork policy, language, main branch,
    /// privacy and project may be overridden too.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces of the repository to fork.</param>
    /// <param name="repoSlug">The slug or UUID in braces of the repository to fork.</param>
    /// <param name="fork">The properties of the fork.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new fork.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/forks")]
    Task<Repository> ForkAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] Repository fork, CancellationToken cancellationToken = default);

    /// <summary>Lists the webhooks installed on a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The webhooks, fetched lazily.</returns>
    BitbucketPageable<WebhookSubscription> ListWebhooks(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>
    /// Installs a webhook on a repository: set <c>url</c>, <c>description</c>, <c>active</c>, <c>events</c> and
    /// optionally <c>secret</c> (then deliveries are signed with <c>X-Hub-Signature</c>).
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="webhook">The webhook to install.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The installed webhook.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/hooks")]
    Task<WebhookSubscription> CreateWebhookAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] WebhookSubscription webhook, CancellationToken cancellationToken = default);

    /// <summary>Gets a webhook of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="uid">The webhook's UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The webhook.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/hooks/{uid}")]
    Task<WebhookSubscription> GetWebhookAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string uid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates a webhook of a repository: <c>description</c>, <c>url</c>, <c>secret</c>, <c>active</c> and
    /// <c>events</c>; a property left <see langword="null"/> is not sent and stays unchanged.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="uid">The webhook's UUID in braces.</param>
    /// <param name="webhook">The properties to change.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated webhook.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/hooks/{uid}")]
    Task<WebhookSubscription> UpdateWebhookAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string uid, [Body] WebhookSubscription webhook, CancellationToken cancellationToken = default);

    /// <summary>Removes a webhook from a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="uid">The webhook's UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the webhook is removed.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/hooks/{uid}")]
    Task DeleteWebhookAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string uid, CancellationToken cancellationToken = default);

    /// <summary>Gets which settings a repository overrides instead of inheriting them from its project.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The inheritance state per setting.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/override-settings")]
    Task<RepositoryInheritanceState> GetOverrideSettingsAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, CancellationToken cancellationToken = default);

    /// <summary>Sets which settings a repository overrides instead of inheriting them from its project.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="state">The inheritance state per setting.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the state is stored.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/override-settings")]
    Task UpdateOverrideSettingsAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] RepositoryInheritanceState state, CancellationToken cancellationToken = default);

    /// <summary>Lists the groups granted an explicit permission on a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The group permissions, fetched lazily.</returns>
    BitbucketPageable<RepositoryGroupPermission> ListGroupPermissions(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>Gets a group's explicit permission on a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="groupSlug">The group's slug.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The group permission.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/permissions-config/groups/{group_slug}")]
    Task<RepositoryGroupPermission> GetGroupPermissionAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("group_slug")] string groupSlug, CancellationToken cancellationToken = default);

    /// <summary>Grants a group an explicit permission on a repository, or changes it.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="groupSlug">The group's slug.</param>
    /// <param name="permission">The permission to grant.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The group permission.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/permissions-config/groups/{group_slug}")]
    Task<RepositoryGroupPermission> UpdateGroupPermissionAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("group_slug")] string groupSlug, [Body] RepositoryPermissionUpdate permission, CancellationToken cancellationToken = default);

    /// <summary>Removes a group's explicit permission on a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="groupSlug">The group's slug.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the permission is removed.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/permissions-config/groups/{group_slug}")]
    Task DeleteGroupPermissionAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("group_slug")] string groupSlug, CancellationToken cancellationToken = default);

    /// <summary>Lists the users granted an explicit permission on a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The user permissions, fetched lazily.</returns>
    BitbucketPageable<RepositoryUserPermission> ListUserPermissions(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>Gets a user's explicit permission on a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="selectedUserId">The user's account id or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The user permission.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/permissions-config/users/{selected_user_id}")]
    Task<RepositoryUserPermission> GetUserPermissionAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("selected_user_id")] string selectedUserId, CancellationToken cancellationToken = default);

    /// <summary>Grants a user an explicit permission on a repository, or changes it.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="selectedUserId">The user's account id or UUID in braces.</param>
    /// <param name="permission">The permission to grant.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The user permission.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/permissions-config/users/{selected_user_id}")]
    Task<RepositoryUserPermission> UpdateUserPermissionAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("selected_user_id")] string selectedUserId, [Body] RepositoryPermissionUpdate permission, CancellationToken cancellationToken = default);

    /// <summary>Removes a user's explicit permission on a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="selectedUserId">The user's account id or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the permission is removed.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/permissions-config/users/{selected_user_id}")]
    Task DeleteUserPermissionAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("selected_user_id")] string selectedUserId, CancellationToken cancellationToken = default);

    /// <summary>Lists the accounts watching a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The watchers, fetched lazily.</returns>
    BitbucketPageable<Account> ListWatchers(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>Lists the caller's effective permission on every repository they were granted access to, across workspaces (retired by Bitbucket).</summary>
    /// <param name="options">Filter (e.g. <c>permission&gt;"read"</c>), sort, fields and page size.</param>
    /// <returns>The permissions, fetched lazily; Bitbucket now answers 410 Gone.</returns>
    [Obsolete("Bitbucket retired the cross-workspace permission list (CHANGE-2770): it answers 410 Gone; list the caller's workspaces with GET /user/workspaces, then use IRepositoriesApi.ListCurrentUserPermissions(workspace) for each instead.")]
    BitbucketPageable<RepositoryPermission> ListCurrentUserPermissionsAcrossWorkspaces(ListOptions? options = null);

    /// <summary>
    /// Lists the caller's effective (highest) permission on each repository of a workspace they were granted access
    /// to; public repositories without a grant are not included.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="options">Filter (e.g. <c>repository.name="geordi"</c> or <c>permission&gt;"read"</c>), sort, fields and page size.</param>
    /// <returns>The permissions, fetched lazily.</returns>
    BitbucketPageable<RepositoryPermission> ListCurrentUserPermissions(string workspace, ListOptions? options = null);
}

/// <summary>
/// The Refit routes of <see cref="IRepositoriesApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface IRepositoriesApiClient : IRepositoriesApi
{
    [Obsolete("Bitbucket retired the cross-workspace repository list (CHANGE-2770): it answers 410 Gone; list the caller's workspaces with GET /user/workspaces, then use IRepositoriesApi.List(workspace) for each instead.")]
    [Get("/repositories")]
    [Paged(Next = nameof(Page<Repository>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Repository>, Repository> ListPublic(RepositoryRole? role = null, [Query(Format = "o")] DateTimeOffset? after = null, [Query] ListOptions? options = null);

    [Obsolete("Bitbucket retired the cross-workspace repository list (CHANGE-2770): it answers 410 Gone; list the caller's workspaces with GET /user/workspaces, then use IRepositoriesApi.List(workspace) for each instead.")]
    BitbucketPageable<Repository> IRepositoriesApi.ListPublic(RepositoryRole? role, DateTimeOffset? after, ListOptions? options) =>
        new RefitPageable<Repository>(ListPublic(role, after, options));

    [Get("/repositories/{workspace}")]
    [Paged(Next = nameof(Page<Repository>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Repository>, Repository> List(string workspace, RepositoryRole? role = null, [Query] ListOptions? options = null);

    BitbucketPageable<Repository> IRepositoriesApi.List(string workspace, RepositoryRole? role, ListOptions? options) =>
        new RefitPageable<Repository>(List(workspace, role, options));

    [Get("/repositories/{workspace}/{repo_slug}/forks")]
    [Paged(Next = nameof(Page<Repository>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Repository>, Repository> ListForks(string workspace, [AliasAs("repo_slug")] string repoSlug, RepositoryRole? role = null, [Query] ListOptions? options = null);

    BitbucketPageable<Repository> IRepositoriesApi.ListForks(string workspace, string repoSlug, RepositoryRole? role, ListOptions? options) =>
        new RefitPageable<Repository>(ListForks(workspace, repoSlug, role, options));

    [Get("/repositories/{workspace}/{repo_slug}/hooks")]
    [Paged(Next = nameof(Page<WebhookSubscription>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<WebhookSubscription>, WebhookSubscription> ListWebhooks(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<WebhookSubscription> IRepositoriesApi.ListWebhooks(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<WebhookSubscription>(ListWebhooks(workspace, repoSlug, options));

    [Get("/repositories/{workspace}/{repo_slug}/permissions-config/groups")]
    [Paged(Next = nameof(Page<RepositoryGroupPermission>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<RepositoryGroupPermission>, RepositoryGroupPermission> ListGroupPermissions(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<RepositoryGroupPermission> IRepositoriesApi.ListGroupPermissions(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<RepositoryGroupPermission>(ListGroupPermissions(workspace, repoSlug, options));

    [Get("/repositories/{workspace}/{repo_slug}/permissions-config/users")]
    [Paged(Next = nameof(Page<RepositoryUserPermission>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<RepositoryUserPermission>, RepositoryUserPermission> ListUserPermissions(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<RepositoryUserPermission> IRepositoriesApi.ListUserPermissions(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<RepositoryUserPermission>(ListUserPermissions(workspace, repoSlug, options));

    [Get("/repositories/{workspace}/{repo_slug}/watchers")]
    [Paged(Next = nameof(Page<Account>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Account>, Account> ListWatchers(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<Account> IRepositoriesApi.ListWatchers(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<Account>(ListWatchers(workspace, repoSlug, options));

    [Obsolete("Bitbucket retired the cross-workspace permission list (CHANGE-2770): it answers 410 Gone; list the caller's workspaces with GET /user/workspaces, then use IRepositoriesApi.ListCurrentUserPermissions(workspace) for each instead.")]
    [Get("/user/permissions/repositories")]
    [Paged(Next = nameof(Page<RepositoryPermission>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<RepositoryPermission>, RepositoryPermission> ListCurrentUserPermissionsAcrossWorkspaces([Query] ListOptions? options = null);

    [Obsolete("Bitbucket retired the cross-workspace permission list (CHANGE-2770): it answers 410 Gone; list the caller's workspaces with GET /user/workspaces, then use IRepositoriesApi.ListCurrentUserPermissions(workspace) for each instead.")]
    BitbucketPageable<RepositoryPermission> IRepositoriesApi.ListCurrentUserPermissionsAcrossWorkspaces(ListOptions? options) =>
        new RefitPageable<RepositoryPermission>(ListCurrentUserPermissionsAcrossWorkspaces(options));

    [Get("/user/workspaces/{workspace}/permissions/repositories")]
    [Paged(Next = nameof(Page<RepositoryPermission>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<RepositoryPermission>, RepositoryPermission> ListCurrentUserPermissions(string workspace, [Query] ListOptions? options = null);

    BitbucketPageable<RepositoryPermission> IRepositoriesApi.ListCurrentUserPermissions(string workspace, ListOptions? options) =>
        new RefitPageable<RepositoryPermission>(ListCurrentUserPermissions(workspace, options));
}
