using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>
/// Bitbucket's API for the projects of a workspace, their default reviewers and explicit user and group permissions.
/// A workspace's projects are listed by <see cref="IWorkspacesApi.ListProjects"/>.
/// </summary>
public interface IProjectsApi
{
    /// <summary>
    /// Creates a project in a workspace. <see cref="Project.Name"/> and <see cref="Project.Key"/> are required; the
    /// avatar may be given in <c>links.avatar.href</c> as a data URL or an image URL.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="project">The project.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The created project.</returns>
    [Post("/workspaces/{workspace}/projects")]
    Task<Project> CreateAsync(string workspace, [Body] Project project, CancellationToken cancellationToken = default);

    /// <summary>Deletes a project, irreversibly. A project that still holds repositories cannot be deleted.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the project is gone.</returns>
    [Delete("/workspaces/{workspace}/projects/{project_key}")]
    Task DeleteAsync(string workspace, [AliasAs("project_key")] string projectKey, CancellationToken cancellationToken = default);

    /// <summary>Gets a project of a workspace by key.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The project.</returns>
    [Get("/workspaces/{workspace}/projects/{project_key}")]
    Task<Project> GetAsync(string workspace, [AliasAs("project_key")] string projectKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates a project, or creates it when no project has this key (then <see cref="Project.Name"/> is required).
    /// A different <see cref="Project.Key"/> in the body renames the key and moves the project.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="project">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The project as stored.</returns>
    [Put("/workspaces/{workspace}/projects/{project_key}")]
    Task<Project> UpdateAsync(string workspace, [AliasAs("project_key")] string projectKey, [Body] Project project, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the default reviewers of a project, page by page: users added as reviewers to new pull requests in any of
    /// its repositories.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The reviewers with their reviewer type, fetched lazily.</returns>
    BitbucketPageable<DefaultReviewerAndType> ListDefaultReviewers(string workspace, string projectKey, ListOptions? options = null);

    /// <summary>Removes a user from the default reviewers of a project.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key or UUID in braces.</param>
    /// <param name="selectedUser">The reviewer's account id or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the user is removed.</returns>
    [Delete("/workspaces/{workspace}/projects/{project_key}/default-reviewers/{selected_user}")]
    Task RemoveDefaultReviewerAsync(string workspace, [AliasAs("project_key")] string projectKey, [AliasAs("selected_user")] string selectedUser, CancellationToken cancellationToken = default);

    /// <summary>Gets a default reviewer of a project; fails with 404 when the user is not one.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key or UUID in braces.</param>
    /// <param name="selectedUser">The reviewer's account id or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The user.</returns>
    [Get("/workspaces/{workspace}/projects/{project_key}/default-reviewers/{selected_user}")]
    Task<User> GetDefaultReviewerAsync(string workspace, [AliasAs("project_key")] string projectKey, [AliasAs("selected_user")] string selectedUser, CancellationToken cancellationToken = default);

    /// <summary>Adds a user to the default reviewers of a project; adding one twice changes nothing.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key or UUID in braces.</param>
    /// <param name="selectedUser">The user's account id or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The user.</returns>
    [Put("/workspaces/{workspace}/projects/{project_key}/default-reviewers/{selected_user}")]
    Task<User> AddDefaultReviewerAsync(string workspace, [AliasAs("project_key")] string projectKey, [AliasAs("selected_user")] string selectedUser, CancellationToken cancellationToken = default);

    /// <summary>Lists the explicit group permissions of a project, page by page (no filtering or sorting).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="options">Fields and page size (Bitbucket ignores filter and sort here).</param>
    /// <returns>The group permissions, fetched lazily.</returns>
    BitbucketPageable<ProjectGroupPermission> ListGroupPermissions(string workspace, string projectKey, ListOptions? options = null);

    /// <summary>Removes a group's explicit permission on a project.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="groupSlug">The group slug.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the permission is removed.</returns>
    [Delete("/workspaces/{workspace}/projects/{project_key}/permissions-config/groups/{group_slug}")]
    Task DeleteGroupPermissionAsync(string workspace, [AliasAs("project_key")] string projectKey, [AliasAs("group_slug")] string groupSlug, CancellationToken cancellationToken = default);

    /// <summary>Gets a group's explicit permission on a project.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="groupSlug">The group slug.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The group permission.</returns>
    [Get("/workspaces/{workspace}/projects/{project_key}/permissions-config/groups/{group_slug}")]
    Task<ProjectGroupPermission> GetGroupPermissionAsync(string workspace, [AliasAs("project_key")] string projectKey, [AliasAs("group_slug")] string groupSlug, CancellationToken cancellationToken = default);

    /// <summary>Grants a group an explicit permission on a project, or changes it.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="groupSlug">The group slug.</param>
    /// <param name="permission">The permission: read, write, create-repo or admin.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The group permission as stored.</returns>
    [Put("/workspaces/{workspace}/projects/{project_key}/permissions-config/groups/{group_slug}")]
    Task<ProjectGroupPermission> UpdateGroupPermissionAsync(string workspace, [AliasAs("project_key")] string projectKey, [AliasAs("group_slug")] string groupSlug, [Body] ProjectPermissionUpdate permission, CancellationToken cancellationToken = default);

    /// <summary>Lists the explicit user permissions of a project, page by page (no filtering or sorting).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="options">Fields and page size (Bitbucket ignores filter and sort here).</param>
    /// <returns>The user permissions, fetched lazily.</returns>
    BitbucketPageable<ProjectUserPermission> ListUserPermissions(string workspace, string projectKey, ListOptions? options = null);

    /// <summary>Removes a user's explicit permission on a project.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="selectedUserId">The user's account id or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the permission is removed.</returns>
    [Delete("/workspaces/{workspace}/projects/{project_key}/permissions-config/users/{selected_user_id}")]
    Task DeleteUserPermissionAsync(string workspace, [AliasAs("project_key")] string projectKey, [AliasAs("selected_user_id")] string selectedUserId, CancellationToken cancellationToken = default);

    /// <summary>Gets a user's explicit permission on a project. Project administrators only.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="selectedUserId">The user's account id or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The user permission.</returns>
    [Get("/workspaces/{workspace}/projects/{project_key}/permissions-config/users/{selected_user_id}")]
    Task<ProjectUserPermission> GetUserPermissionAsync(string workspace, [AliasAs("project_key")] string projectKey, [AliasAs("selected_user_id")] string selectedUserId, CancellationToken cancellationToken = default);

    /// <summary>Grants a user an explicit permission on a project, or changes it.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="selectedUserId">The user's account id or UUID in braces.</param>
    /// <param name="permission">The permission: read, write, create-repo or admin.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The user permission as stored.</returns>
    [Put("/workspaces/{workspace}/projects/{project_key}/permissions-config/users/{selected_user_id}")]
    Task<ProjectUserPermission> UpdateUserPermissionAsync(string workspace, [AliasAs("project_key")] string projectKey, [AliasAs("selected_user_id")] string selectedUserId, [Body] ProjectPermissionUpdate permission, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Refit routes of <see cref="IProjectsApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface IProjectsApiClient : IProjectsApi
{
    [Get("/workspaces/{workspace}/projects/{project_key}/default-reviewers")]
    [Paged(Next = nameof(Page<DefaultReviewerAndType>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<DefaultReviewerAndType>, DefaultReviewerAndType> ListDefaultReviewers(string workspace, [AliasAs("project_key")] string projectKey, [Query] ListOptions? options = null);

    BitbucketPageable<DefaultReviewerAndType> IProjectsApi.ListDefaultReviewers(string workspace, string projectKey, ListOptions? options) =>
        new RefitPageable<DefaultReviewerAndType>(ListDefaultReviewers(workspace, projectKey, options));

    [Get("/workspaces/{workspace}/projects/{project_key}/permissions-config/groups")]
    [Paged(Next = nameof(Page<ProjectGroupPermission>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<ProjectGroupPermission>, ProjectGroupPermission> ListGroupPermissions(string workspace, [AliasAs("project_key")] string projectKey, [Query] ListOptions? options = null);

    BitbucketPageable<ProjectGroupPermission> IProjectsApi.ListGroupPermissions(string workspace, string projectKey, ListOptions? options) =>
        new RefitPageable<ProjectGroupPermission>(ListGroupPermissions(workspace, projectKey, options));

    [Get("/workspaces/{workspace}/projects/{project_key}/permissions-config/users")]
    [Paged(Next = nameof(Page<ProjectUserPermission>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<ProjectUserPermission>, ProjectUserPermission> ListUserPermissions(string workspace, [AliasAs("project_key")] string projectKey, [Query] ListOptions? options = null);

    BitbucketPageable<ProjectUserPermission> IProjectsApi.ListUserPermissions(string workspace, string projectKey, ListOptions? options) =>
        new RefitPageable<ProjectUserPermission>(ListUserPermissions(workspace, projectKey, options));
}
