using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for the webhook event types Bitbucket can deliver.</summary>
public interface IWebhooksApi
{
    /// <summary>Lists the subject types webhooks can be registered on (repository, workspace) with links to their events.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The subject types.</returns>
    [Get("/hook_events")]
    Task<SubjectTypes> ListSubjectTypesAsync(CancellationToken cancellationToken = default);
}
