using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>
/// Bitbucket's API for deployments and deployment environments of a repository, and the deploy keys (read-only SSH
/// access keys) of repositories and projects.
/// </summary>
public interface IDeploymentsApi
{
    /// <summary>Lists the deploy keys of a repository, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The deploy keys, fetched lazily.</returns>
    BitbucketPageable<DeployKey> ListDeployKeys(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>
    /// Adds a deploy key to a repository. If the key authenticates through an OAuth consumer, changing that consumer
    /// later invalidates the key.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="deployKey">The key: <c>Key</c> (the public key, an optional comment at its end) and <c>Label</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new deploy key.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/deploy-keys")]
    Task<DeployKey> CreateDeployKeyAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] DeployKey deployKey, CancellationToken cancellationToken = default);

    /// <summary>Deletes a deploy key from a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="keyId">The deploy key id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the key is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/deploy-keys/{key_id}")]
    Task DeleteDeployKeyAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("key_id")] int keyId, CancellationToken cancellationToken = default);

    /// <summary>Gets a deploy key of a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="keyId">The deploy key id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The deploy key.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/deploy-keys/{key_id}")]
    Task<DeployKey> GetDeployKeyAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("key_id")] int keyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates the label or comment of a repository deploy key; the same <c>Key</c> must be sent again.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="keyId">The deploy key id.</param>
    /// <param name="deployKey">The key with its new <c>Label</c>, or a new comment at the end of <c>Key</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The updated deploy key.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/deploy-keys/{key_id}")]
    Task<DeployKey> UpdateDeployKeyAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("key_id")] int keyId, [Body] DeployKey deployKey, CancellationToken cancellationToken = default);

    /// <summary>Lists the deployments of a repository, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The deployments, fetched lazily.</returns>
    BitbucketPageable<Deployment> List(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>Gets a deployment.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="deploymentUuid">The deployment UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The deployment.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/deployments/{deployment_uuid}")]
    Task<Deployment> GetAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("deployment_uuid")] string deploymentUuid, CancellationToken cancellationToken = default);

    /// <summary>Lists the deployment environments of a repository, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The environments, fetched lazily.</returns>
    BitbucketPageable<DeploymentEnvironment> ListEnvironments(string workspace, string repoSlug, ListOptions? options = null);

    /// <summary>Creates a deployment environment; Bitbucket answers 409 when the name is taken.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="environment">
    /// The environment: <c>Type</c> <c>deployment_environment</c>, <c>Name</c> and <c>EnvironmentType</c>.
    /// </param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new environment.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/environments")]
    Task<DeploymentEnvironment> CreateEnvironmentAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] DeploymentEnvironment environment, CancellationToken cancellationToken = default);

    /// <summary>Gets a deployment environment.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="environmentUuid">The environment UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The environment.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/environments/{environment_uuid}")]
    Task<DeploymentEnvironment> GetEnvironmentAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("environment_uuid")] string environmentUuid, CancellationToken cancellationToken = default);

    /// <summary>Deletes a deployment environment.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="environmentUuid">The environment UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the environment is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/environments/{environment_uuid}")]
    Task DeleteEnvironmentAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("environment_uuid")] string environmentUuid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates a deployment environment, e.g. renames it. Bitbucket accepts the change (202) and applies it
    /// asynchronously; read the environment again to see it.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="environmentUuid">The environment UUID in braces.</param>
    /// <param name="update">The fields to change, under <c>Change</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when Bitbucket accepted the change.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/environments/{environment_uuid}/changes")]
    Task UpdateEnvironmentAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("environment_uuid")] string environmentUuid, [Body] DeploymentEnvironmentUpdate update, CancellationToken cancellationToken = default);

    /// <summary>Lists the deploy keys of a project, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The project deploy keys, fetched lazily.</returns>
    BitbucketPageable<ProjectDeployKey> ListProjectDeployKeys(string workspace, string projectKey, ListOptions? options = null);

    /// <summary>Adds a deploy key to a project, giving it read access to every repository of the project.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="deployKey">The key: <c>Key</c> (the public key, an optional comment at its end) and <c>Label</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new project deploy key.</returns>
    [Post("/workspaces/{workspace}/projects/{project_key}/deploy-keys")]
    Task<ProjectDeployKey> CreateProjectDeployKeyAsync(string workspace, [AliasAs("project_key")] string projectKey, [Body] ProjectDeployKey deployKey, CancellationToken cancellationToken = default);

    /// <summary>Deletes a deploy key from a project.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="keyId">The deploy key id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the key is deleted.</returns>
    [Delete("/workspaces/{workspace}/projects/{project_key}/deploy-keys/{key_id}")]
    Task DeleteProjectDeployKeyAsync(string workspace, [AliasAs("project_key")] string projectKey, [AliasAs("key_id")] int keyId, CancellationToken cancellationToken = default);

    /// <summary>Gets a deploy key of a project.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="keyId">The deploy key id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The project deploy key.</returns>
    [Get("/workspaces/{workspace}/projects/{project_key}/deploy-keys/{key_id}")]
    Task<ProjectDeployKey> GetProjectDeployKeyAsync(string workspace, [AliasAs("project_key")] string projectKey, [AliasAs("key_id")] int keyId, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Refit routes of <see cref="IDeploymentsApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface IDeploymentsApiClient : IDeploymentsApi
{
    [Get("/repositories/{workspace}/{repo_slug}/deploy-keys")]
    [Paged(Next = nameof(Page<DeployKey>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<DeployKey>, DeployKey> ListDeployKeys(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<DeployKey> IDeploymentsApi.ListDeployKeys(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<DeployKey>(ListDeployKeys(workspace, repoSlug, options));

    [Get("/repositories/{workspace}/{repo_slug}/deployments")]
    [Paged(Next = nameof(Page<Deployment>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Deployment>, Deployment> List(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<Deployment> IDeploymentsApi.List(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<Deployment>(List(workspace, repoSlug, options));

    [Get("/repositories/{workspace}/{repo_slug}/environments")]
    [Paged(Next = nameof(Page<DeploymentEnvironment>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<DeploymentEnvironment>, DeploymentEnvironment> ListEnvironments(string workspace, [AliasAs("repo_slug")] string repoSlug, [Query] ListOptions? options = null);

    BitbucketPageable<DeploymentEnvironment> IDeploymentsApi.ListEnvironments(string workspace, string repoSlug, ListOptions? options) =>
        new RefitPageable<DeploymentEnvironment>(ListEnvironments(workspace, repoSlug, options));

    [Get("/workspaces/{workspace}/projects/{project_key}/deploy-keys")]
    [Paged(Next = nameof(Page<ProjectDeployKey>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<ProjectDeployKey>, ProjectDeployKey> ListProjectDeployKeys(string workspace, [AliasAs("project_key")] string projectKey, [Query] ListOptions? options = null);

    BitbucketPageable<ProjectDeployKey> IDeploymentsApi.ListProjectDeployKeys(string workspace, string projectKey, ListOptions? options) =>
        new RefitPageable<ProjectDeployKey>(ListProjectDeployKeys(workspace, projectKey, options));
}
