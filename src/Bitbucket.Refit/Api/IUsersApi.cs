using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>The current user, their e-mail addresses, and other users' public profiles.</summary>
public interface IUsersApi
{
    /// <summary>Gets the account the credentials belong to.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The current user.</returns>
    [Get("/user")]
    Task<Account> GetCurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the e-mail addresses of the current user, confirmed or not, page by page.</summary>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The addresses, fetched lazily.</returns>
    BitbucketPageable<EmailAddress> ListEmails(ListOptions? options = null);

    /// <summary>Gets one e-mail address of the current user.</summary>
    /// <param name="email">The address.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The address and whether it is primary and confirmed.</returns>
    [Get("/user/emails/{email}")]
    Task<EmailAddress> GetEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a user's public profile by account id or UUID (in braces). Private profiles leave out location, website and
    /// creation date.
    /// </summary>
    /// <param name="selectedUser">The account id or <c>{uuid}</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The user.</returns>
    [Get("/users/{selected_user}")]
    Task<Account> GetAsync([AliasAs("selected_user")] string selectedUser, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Refit routes of <see cref="IUsersApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface IUsersApiClient : IUsersApi
{
    [Get("/user/emails")]
    [Paged(Next = nameof(Page<EmailAddress>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<EmailAddress>, EmailAddress> ListEmails([Query] ListOptions? options = null);

    BitbucketPageable<EmailAddress> IUsersApi.ListEmails(ListOptions? options) =>
        new RefitPageable<EmailAddress>(ListEmails(options));
}
