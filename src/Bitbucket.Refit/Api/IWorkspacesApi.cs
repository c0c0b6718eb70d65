using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for workspaces, their members, permissions, projects listing and workspace webhooks.</summary>
public interface IWorkspacesApi
{
    /// <summary>Gets a workspace by slug or UUID.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The workspace.</returns>
    [Get("/workspaces/{workspace}")]
    Task<Workspace> GetAsync(string workspace, CancellationToken cancellationToken = default);
}
