using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for projects, their permissions, default reviewers and deploy keys.</summary>
public interface IProjectsApi
{
    /// <summary>Gets a project of a workspace by key.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="projectKey">The project key.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The project.</returns>
    [Get("/workspaces/{workspace}/projects/{project_key}")]
    Task<Project> GetAsync(string workspace, [AliasAs("project_key")] string projectKey, CancellationToken cancellationToken = default);
}
