using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>
/// Bitbucket's API for the webhook event types Bitbucket can deliver. Webhooks themselves are installed through
/// <see cref="IWorkspacesApi"/> (workspace hooks) and the repository API (repository hooks).
/// </summary>
public interface IWebhooksApi
{
    /// <summary>
    /// Gets the subject types webhooks can be installed on (repository, workspace), each with a link to its events.
    /// Public data: no credentials or scopes needed.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The subject types.</returns>
    [Get("/hook_events")]
    Task<SubjectTypes> GetSubjectTypesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the events a webhook on the given subject type can subscribe to, page by page. Public data: no credentials
    /// or scopes needed.
    /// </summary>
    /// <param name="subjectType">The subject type: <see cref="WebhookSubscriptionSubjectType.Repository"/> or <see cref="WebhookSubscriptionSubjectType.Workspace"/>.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The events, fetched lazily.</returns>
    BitbucketPageable<HookEvent> ListEvents(WebhookSubscriptionSubjectType subjectType, ListOptions? options = null);
}

/// <summary>
/// The Refit routes of <see cref="IWebhooksApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface IWebhooksApiClient : IWebhooksApi
{
    [Get("/hook_events/{subject_type}")]
    [Paged(Next = nameof(Page<HookEvent>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<HookEvent>, HookEvent> ListEvents([AliasAs("subject_type")] WebhookSubscriptionSubjectType subjectType, [Query] ListOptions? options = null);

    BitbucketPageable<HookEvent> IWebhooksApi.ListEvents(WebhookSubscriptionSubjectType subjectType, ListOptions? options) =>
        new RefitPageable<HookEvent>(ListEvents(subjectType, options));
}
