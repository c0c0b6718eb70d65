using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for deployments, environments, their variables, and deploy keys.</summary>
public interface IDeploymentsApi
{
    /// <summary>Gets a deployment.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="deploymentUuid">The deployment UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The deployment.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/deployments/{deployment_uuid}")]
    Task<Deployment> GetAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("deployment_uuid")] string deploymentUuid, CancellationToken cancellationToken = default);
}
