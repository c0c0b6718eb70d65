using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>Bitbucket's API for branching models of repositories and projects.</summary>
public interface IBranchingModelApi
{
    /// <summary>Gets the branching model of a repository as it applies (development and production branches, branch types).</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The branching model.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/branching-model")]
    Task<BranchingModel> GetAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, CancellationToken cancellationToken = default);

    /// <summary>Gets the raw branching model configuration of a repository, disabled branch types included.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The configuration.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/branching-model/settings")]
    Task<BranchingModelSettings> GetSettingsAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates the branching model configuration of a repository. Only the properties sent change (each branch type
    /// needs its <c>kind</c>); Bitbucket rejects a change that leaves the model invalid. Updating a repository that
    /// inherits its project's model may stop the inheritance.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="settings">The properties to change.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The configuration after the update.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/branching-model/settings")]
    Task<BranchingModelSettings> UpdateSettingsAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [Body] BranchingModelSettings settings, CancellationToken cancellationToken = default);

    /// <summary>Gets the branching model in effect for a repository: its own, or the one it inherits from its project.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The effective branching model.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/effective-branching-model")]
    Task<EffectiveRepoBranchingModel> GetEffectiveAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, CancellationToken cancellationToken = default);

    /// <summary>Gets the branching model of a project as it applies.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The project's branching model.</returns>
    [Get("/workspaces/{workspace}/projects/{project_key}/branching-model")]
    Task<ProjectBranchingModel> GetForProjectAsync(string workspace, [AliasAs("project_key")] string projectKey, CancellationToken cancellationToken = default);

    /// <summary>Gets the raw branching model configuration of a project.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The configuration.</returns>
    [Get("/workspaces/{workspace}/projects/{project_key}/branching-model/settings")]
    Task<BranchingModelSettings> GetProjectSettingsAsync(string workspace, [AliasAs("project_key")] string projectKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates the branching model configuration of a project; only the properties sent change, and Bitbucket rejects
    /// a change that leaves the model invalid.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="settings">The properties to change.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The configuration after the update.</returns>
    [Put("/workspaces/{workspace}/projects/{project_key}/branching-model/settings")]
    Task<BranchingModelSettings> UpdateProjectSettingsAsync(string workspace, [AliasAs("project_key")] string projectKey, [Body] BranchingModelSettings settings, CancellationToken cancellationToken = default);
}
