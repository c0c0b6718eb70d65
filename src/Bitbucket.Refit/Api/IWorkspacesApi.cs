using Bitbucket.Models;
using Bitbucket.Serialization;
using Refit;

namespace Bitbucket;

/// <summary>
/// Bitbucket's API for workspaces: the caller's workspaces, members, permissions, projects listing, workspace webhooks,
/// pull requests by author and the workspace's GPG signing key.
/// </summary>
public interface IWorkspacesApi
{
    /// <summary>Lists the caller's membership and effective role in every workspace, page by page.</summary>
    /// <param name="options">Filter (e.g. <c>permission="owner"</c>), sort, fields and page size.</param>
    /// <returns>The memberships, fetched lazily.</returns>
    [Obsolete("Bitbucket deprecated GET /user/permissions/workspaces and answers 410 Gone since CHANGE-2770; use ListForCurrentUser (GET /user/workspaces) or GetPermissionForCurrentUserAsync instead.")]
    BitbucketPageable<WorkspaceMembership> ListPermissionsForCurrentUser(ListOptions? options = null);

    /// <summary>
    /// Lists the workspaces the caller can access, each with whether the caller administers it, page by page. This is
    /// the replacement for the retired cross-workspace lists.
    /// </summary>
    /// <param name="administrator"><see langword="true"/> for only the workspaces the caller administers, <see langword="false"/> for only the others, <see langword="null"/> for all.</param>
    /// <param name="options">Filter and sort (by <c>slug</c> only), fields and page size.</param>
    /// <returns>The workspaces with the caller's access, fetched lazily.</returns>
    BitbucketPageable<WorkspaceAccess> ListForCurrentUser(bool? administrator = null, ListOptions? options = null);

    /// <summary>Gets the caller's effective role in a workspace: the highest privilege any of their groups gives.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The caller's membership, with <see cref="WorkspaceMembership.Permission"/>.</returns>
    [Get("/user/workspaces/{workspace}/permission")]
    Task<WorkspaceMembership> GetPermissionForCurrentUserAsync(string workspace, CancellationToken cancellationToken = default);

    /// <summary>Lists the workspaces the caller can access, page by page.</summary>
    /// <param name="role">Only the workspaces where the caller has this role.</param>
    /// <param name="options">Filter (e.g. <c>slug="acme"</c>), sort, fields and page size.</param>
    /// <returns>The workspaces, fetched lazily.</returns>
    [Obsolete("Bitbucket deprecated GET /workspaces and answers 410 Gone since CHANGE-2770; use ListForCurrentUser (GET /user/workspaces) instead.")]
    BitbucketPageable<Workspace> List(WorkspaceRole? role = null, ListOptions? options = null);

    /// <summary>Gets a workspace by slug or UUID.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The workspace.</returns>
    [Get("/workspaces/{workspace}")]
    Task<Workspace> GetAsync(string workspace, CancellationToken cancellationToken = default);

    /// <summary>Lists the webhooks installed on a workspace, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The webhooks, fetched lazily.</returns>
    BitbucketPageable<WebhookSubscription> ListWebhooks(string workspace, ListOptions? options = null);

    /// <summary>
    /// Installs a webhook on a workspace; it fires for events of every repository in it. Only workspace owners can, and
    /// the credentials need the webhook scope plus the scopes of the subscribed events. With a
    /// <see cref="WebhookSubscription.Secret"/>, deliveries carry <c>X-Hub-Signature: sha256=…</c>.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="webhook">The webhook: <c>url</c>, <c>events</c>, and optionally <c>description</c>, <c>active</c>, <c>secret</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The installed webhook, with its UUID.</returns>
    [Post("/workspaces/{workspace}/hooks")]
    Task<WebhookSubscription> CreateWebhookAsync(string workspace, [Body] WebhookSubscription webhook, CancellationToken cancellationToken = default);

    /// <summary>Deletes a webhook of a workspace.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="uid">The webhook UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the webhook is gone.</returns>
    [Delete("/workspaces/{workspace}/hooks/{uid}")]
    Task DeleteWebhookAsync(string workspace, string uid, CancellationToken cancellationToken = default);

    /// <summary>Gets a webhook of a workspace.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="uid">The webhook UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The webhook (its secret is never returned; <see cref="WebhookSubscription.SecretSet"/> tells whether one is set).</returns>
    [Get("/workspaces/{workspace}/hooks/{uid}")]
    Task<WebhookSubscription> GetWebhookAsync(string workspace, string uid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates a webhook of a workspace: <c>description</c>, <c>url</c>, <c>active</c>, <c>events</c> and <c>secret</c>.
    /// A <see langword="null"/> secret leaves it unchanged (it is not sent); an empty string removes it.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="uid">The webhook UUID in braces.</param>
    /// <param name="webhook">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The webhook as stored.</returns>
    [Put("/workspaces/{workspace}/hooks/{uid}")]
    Task<WebhookSubscription> UpdateWebhookAsync(string workspace, string uid, [Body] WebhookSubscription webhook, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the members of a workspace, page by page. Administrators and workspace tokens may filter by e-mail
    /// (<c>user.email IN ("a@example.com")</c>, up to 90 addresses) and add it with fields <c>+values.user.email</c>.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The memberships, fetched lazily.</returns>
    BitbucketPageable<WorkspaceMembership> ListMembers(string workspace, ListOptions? options = null);

    /// <summary>Gets one member of a workspace.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="member">The member's UUID in braces or Atlassian account id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The membership, with the user and the workspace.</returns>
    [Get("/workspaces/{workspace}/members/{member}")]
    Task<WorkspaceMembership> GetMemberAsync(string workspace, string member, CancellationToken cancellationToken = default);

    /// <summary>Lists the members of a workspace with their role, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="options">Filter (e.g. <c>permission="owner"</c>), sort, fields and page size.</param>
    /// <returns>The memberships with <see cref="WorkspaceMembership.Permission"/>, fetched lazily.</returns>
    BitbucketPageable<WorkspaceMembership> ListPermissions(string workspace, ListOptions? options = null);

    /// <summary>
    /// Lists every user's effective permission on every repository of a workspace, page by page. Workspace
    /// administrators only.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="options">Filter (e.g. <c>repository.name="geordi"</c>, <c>permission&gt;"read"</c>), sort, fields and page size.</param>
    /// <returns>The permissions, fetched lazily.</returns>
    BitbucketPageable<RepositoryPermission> ListRepositoryPermissions(string workspace, ListOptions? options = null);

    /// <summary>Lists every user's effective permission on one repository, page by page. Repository administrators only.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter (e.g. <c>permission&gt;"read"</c>), sort, fields and page size.</param>
    /// <returns>The permissions, fetched lazily.</returns>
    BitbucketPageable<RepositoryPermission> ListPermissionsForRepository(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>Lists the projects of a workspace, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The projects, fetched lazily.</returns>
    BitbucketPageable<Project> ListProjects(string workspace, ListOptions? options = null);

    /// <summary>Lists the pull requests a user authored in any repository of a workspace, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="selectedUser">The author's account id or UUID in braces.</param>
    /// <param name="state">Only pull requests in these states (repeated <c>state</c> parameters); Bitbucket's default is open ones only.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The pull requests, fetched lazily.</returns>
    BitbucketPageable<PullRequest> ListPullRequestsForUser(string workspace, string selectedUser, IEnumerable<PullRequestState>? state = null, ListOptions? options = null);

    /// <summary>
    /// Gets the public GPG key(s) Bitbucket signs the workspace's web-made commits with: usually one ASCII-armored key,
    /// two while a key is being rotated. The spec leaves the body undescribed; it is returned as sent.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response body as text.</returns>
    [Get("/workspaces/{workspace}/settings/gpg/public-key")]
    Task<string> GetGpgPublicKeyAsync(string workspace, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Refit routes of <see cref="IWorkspacesApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface IWorkspacesApiClient : IWorkspacesApi
{
    [Obsolete("Bitbucket deprecated GET /user/permissions/workspaces and answers 410 Gone since CHANGE-2770; use ListForCurrentUser (GET /user/workspaces) or GetPermissionForCurrentUserAsync instead.")]
    [Get("/user/permissions/workspaces")]
    [Paged(Next = nameof(Page<WorkspaceMembership>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<WorkspaceMembership>, WorkspaceMembership> ListPermissionsForCurrentUser([Query] ListOptions? options = null);

    [Obsolete("Bitbucket deprecated GET /user/permissions/workspaces and answers 410 Gone since CHANGE-2770; use ListForCurrentUser (GET /user/workspaces) or GetPermissionForCurrentUserAsync instead.")]
    BitbucketPageable<WorkspaceMembership> IWorkspacesApi.ListPermissionsForCurrentUser(ListOptions? options) =>
        new RefitPageable<WorkspaceMembership>(ListPermissionsForCurrentUser(options));

    [Get("/user/workspaces")]
    [Paged(Next = nameof(Page<WorkspaceAccess>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<WorkspaceAccess>, WorkspaceAccess> ListForCurrentUser(bool? administrator = null, [Query] ListOptions? options = null);

    BitbucketPageable<WorkspaceAccess> IWorkspacesApi.ListForCurrentUser(bool? administrator, ListOptions? options) =>
        new RefitPageable<WorkspaceAccess>(ListForCurrentUser(administrator, options));

    [Obsolete("Bitbucket deprecated GET /workspaces and answers 410 Gone since CHANGE-2770; use ListForCurrentUser (GET /user/workspaces) instead.")]
    [Get("/workspaces")]
    [Paged(Next = nameof(Page<Workspace>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Workspace>, Workspace> List([Query] WorkspaceRole? role = null, [Query] ListOptions? options = null);

    [Obsolete("Bitbucket deprecated GET /workspaces and answers 410 Gone since CHANGE-2770; use ListForCurrentUser (GET /user/workspaces) instead.")]
    BitbucketPageable<Workspace> IWorkspacesApi.List(WorkspaceRole? role, ListOptions? options) =>
        new RefitPageable<Workspace>(List(role, options));

    [Get("/workspaces/{workspace}/hooks")]
    [Paged(Next = nameof(Page<WebhookSubscription>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<WebhookSubscription>, WebhookSubscription> ListWebhooks(string workspace, [Query] ListOptions? options = null);

    BitbucketPageable<WebhookSubscription> IWorkspacesApi.ListWebhooks(string workspace, ListOptions? options) =>
        new RefitPageable<WebhookSubscription>(ListWebhooks(workspace, options));

    [Get("/workspaces/{workspace}/members")]
    [Paged(Next = nameof(Page<WorkspaceMembership>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<WorkspaceMembership>, WorkspaceMembership> ListMembers(string workspace, [Query] ListOptions? options = null);

    BitbucketPageable<WorkspaceMembership> IWorkspacesApi.ListMembers(string workspace, ListOptions? options) =>
        new RefitPageable<WorkspaceMembership>(ListMembers(workspace, options));

    [Get("/workspaces/{workspace}/permissions")]
    [Paged(Next = nameof(Page<WorkspaceMembership>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<WorkspaceMembership>, WorkspaceMembership> ListPermissions(string workspace, [Query] ListOptions? options = null);

    BitbucketPageable<WorkspaceMembership> IWorkspacesApi.ListPermissions(string workspace, ListOptions? options) =>
        new RefitPageable<WorkspaceMembership>(ListPermissions(workspace, options));

    [Get("/workspaces/{workspace}/permissions/repositories")]
    [Paged(Next = nameof(Page<RepositoryPermission>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<RepositoryPermission>, RepositoryPermission> ListRepositoryPermissions(string workspace, [Query] ListOptions? options = null);

    BitbucketPageable<RepositoryPermission> IWorkspacesApi.ListRepositoryPermissions(string workspace, ListOptions? options) =>
        new RefitPageable<RepositoryPermission>(ListRepositoryPermissions(workspace, options));

    [Get("/workspaces/{workspace}/permissions/repositories/{repo_slug}")]
    [Paged(Next = nameof(Page<RepositoryPermission>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<RepositoryPermission>, RepositoryPermission> ListPermissionsForRepository(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<RepositoryPermission> IWorkspacesApi.ListPermissionsForRepository(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<RepositoryPermission>(ListPermissionsForRepository(workspace, repoSlug, options));

    [Get("/workspaces/{workspace}/projects")]
    [Paged(Next = nameof(Page<Project>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Project>, Project> ListProjects(string workspace, [Query] ListOptions? options = null);

    BitbucketPageable<Project> IWorkspacesApi.ListProjects(string workspace, ListOptions? options) =>
        new RefitPageable<Project>(ListProjects(workspace, options));

    [Get("/workspaces/{workspace}/pullrequests/{selected_user}")]
    [Paged(Next = nameof(Page<PullRequest>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<PullRequest>, PullRequest> ListPullRequestsForUser(string workspace, [AliasAs("selected_user")] string selectedUser, [QueryConverter(typeof(PullRequestStateQueryConverter))] IEnumerable<PullRequestState>? state = null, [Query] ListOptions? options = null);

    BitbucketPageable<PullRequest> IWorkspacesApi.ListPullRequestsForUser(string workspace, string selectedUser, IEnumerable<PullRequestState>? state, ListOptions? options) =>
        new RefitPageable<PullRequest>(ListPullRequestsForUser(workspace, selectedUser, state, options));
}
