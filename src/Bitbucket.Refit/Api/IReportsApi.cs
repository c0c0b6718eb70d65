using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for Code Insights reports and their annotations.</summary>
public interface IReportsApi
{
    /// <summary>Gets a Code Insights report of a commit.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="reportId">The report id or UUID.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The report.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/commit/{commit}/reports/{reportId}")]
    Task<Report> GetAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string reportId, CancellationToken cancellationToken = default);
}
