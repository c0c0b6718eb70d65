using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for Bitbucket Pipelines: runs, steps, logs, variables, schedules, caches, runners, OIDC and SSH settings.</summary>
public interface IPipelinesApi
{
    /// <summary>Gets a pipeline run.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pipelineUuid">The pipeline UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The pipeline.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pipelines/{pipeline_uuid}")]
    Task<Pipeline> GetAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pipeline_uuid")] string pipelineUuid, CancellationToken cancellationToken = default);
}
