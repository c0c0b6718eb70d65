using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>Bitbucket's API for Code Insights reports and their annotations.</summary>
/// <remarks>
/// A report or annotation is addressed by the id its creator chose (the <c>external_id</c>, which should be prefixed with
/// the tool's name to stay unique, e.g. <c>mySystem-001</c>) or by the UUID Bitbucket gave it, in braces.
/// </remarks>
public interface IReportsApi
{
    /// <summary>Lists the Code Insights reports of a commit, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The reports, fetched lazily.</returns>
    BitbucketPageable<Report> List(string workspace, string repoSlug, string commit, ListOptions? options = null);

    /// <summary>Gets a Code Insights report of a commit.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="reportId">The report's external id or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The report.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/commit/{commit}/reports/{reportId}")]
    Task<Report> GetAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string reportId, CancellationToken cancellationToken = default);

    /// <summary>Creates a Code Insights report on a commit, or replaces the one with this id.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="reportId">The report's external id (unique per commit) or UUID in braces.</param>
    /// <param name="report">The report: title, details, type, result and typed <c>data</c> fields.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored report.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/commit/{commit}/reports/{reportId}")]
    Task<Report> CreateOrUpdateAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string reportId, [Body] Report report, CancellationToken cancellationToken = default);

    /// <summary>Deletes a Code Insights report of a commit, with its annotations.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="reportId">The report's external id or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the report is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/commit/{commit}/reports/{reportId}")]
    Task DeleteAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string reportId, CancellationToken cancellationToken = default);

    /// <summary>Lists the annotations of a report, page by page.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="reportId">The report's external id or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The annotations, fetched lazily.</returns>
    BitbucketPageable<ReportAnnotation> ListAnnotations(string workspace, string repoSlug, string commit, string reportId, ListOptions? options = null);

    /// <summary>
    /// Creates or replaces up to 100 annotations of a report in one request (a report holds at most 1000), matched by
    /// their <c>external_id</c>.
    /// </summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="reportId">The report's external id or UUID in braces.</param>
    /// <param name="annotations">
    /// One to 100 annotations, each with a unique <c>external_id</c>. An array because Refit serializes a body by its
    /// run-time type, which must be known to the JSON context.
    /// </param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored annotations.</returns>
    [Post("/repositories/{workspace}/{repo_slug}/commit/{commit}/reports/{reportId}/annotations")]
    Task<IReadOnlyList<ReportAnnotation>> CreateOrUpdateAnnotationsAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string reportId, [Body] ReportAnnotation[] annotations, CancellationToken cancellationToken = default);

    /// <summary>Gets one annotation of a report.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="reportId">The report's external id or UUID in braces.</param>
    /// <param name="annotationId">The annotation's external id or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The annotation.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/commit/{commit}/reports/{reportId}/annotations/{annotationId}")]
    Task<ReportAnnotation> GetAnnotationAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string reportId, string annotationId, CancellationToken cancellationToken = default);

    /// <summary>Creates an annotation of a report, or replaces the one with this id.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="reportId">The report's external id or UUID in braces.</param>
    /// <param name="annotationId">The annotation's external id (unique per report) or UUID in braces.</param>
    /// <param name="annotation">The annotation: its type, summary and optionally a file path, line and severity.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored annotation.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/commit/{commit}/reports/{reportId}/annotations/{annotationId}")]
    Task<ReportAnnotation> CreateOrUpdateAnnotationAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string reportId, string annotationId, [Body] ReportAnnotation annotation, CancellationToken cancellationToken = default);

    /// <summary>Deletes one annotation of a report.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="reportId">The report's external id or UUID in braces.</param>
    /// <param name="annotationId">The annotation's external id or UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the annotation is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/commit/{commit}/reports/{reportId}/annotations/{annotationId}")]
    Task DeleteAnnotationAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string reportId, string annotationId, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Refit routes of <see cref="IReportsApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface IReportsApiClient : IReportsApi
{
    [Get("/repositories/{workspace}/{repo_slug}/commit/{commit}/reports")]
    [Paged(Next = nameof(Page<Report>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<Report>, Report> List(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, [Query] ListOptions? options = null);

    BitbucketPageable<Report> IReportsApi.List(string workspace, string repoSlug, string commit, ListOptions? options) =>
        new RefitPageable<Report>(List(workspace, repoSlug, commit, options));

    [Get("/repositories/{workspace}/{repo_slug}/commit/{commit}/reports/{reportId}/annotations")]
    [Paged(Next = nameof(Page<ReportAnnotation>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<ReportAnnotation>, ReportAnnotation> ListAnnotations(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, string reportId, [Query] ListOptions? options = null);

    BitbucketPageable<ReportAnnotation> IReportsApi.ListAnnotations(string workspace, string repoSlug, string commit, string reportId, ListOptions? options) =>
        new RefitPageable<ReportAnnotation>(ListAnnotations(workspace, repoSlug, commit, reportId, options));
}
