using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>Bitbucket's API for the GPG public keys of user accounts, used to verify signed commits.</summary>
public interface IGpgKeysApi
{
    /// <summary>
    /// Lists the GPG public keys of a user, page by page. Bitbucket leaves out the armored key and the subkeys unless
    /// asked for them with <see cref="ListOptions.Fields"/> (e.g. <c>+values.key,+values.subkeys</c>).
    /// </summary>
    /// <param name="selectedUser">The account id or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The keys, fetched lazily.</returns>
    BitbucketPageable<GpgAccountKey> List(string selectedUser, ListOptions? options = null);

    /// <summary>Adds a GPG public key to a user account.</summary>
    /// <param name="selectedUser">The account id or UUID in braces.</param>
    /// <param name="key">The key: the ASCII-armored <see cref="GpgAccountKey.Key"/>, optionally a <see cref="GpgAccountKey.Name"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The key as stored, with its fingerprint and key id.</returns>
    [Post("/users/{selected_user}/gpg-keys")]
    Task<GpgAccountKey> CreateAsync([AliasAs("selected_user")] string selectedUser, [Body] GpgAccountKey key, CancellationToken cancellationToken = default);

    /// <summary>Deletes a GPG public key of a user by fingerprint.</summary>
    /// <param name="selectedUser">The account id or UUID in braces.</param>
    /// <param name="fingerprint">The key fingerprint.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the key is gone.</returns>
    [Delete("/users/{selected_user}/gpg-keys/{fingerprint}")]
    Task DeleteAsync([AliasAs("selected_user")] string selectedUser, string fingerprint, CancellationToken cancellationToken = default);

    /// <summary>Gets one GPG public key of a user by fingerprint.</summary>
    /// <param name="selectedUser">The account id or UUID in braces.</param>
    /// <param name="fingerprint">The key fingerprint.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The key.</returns>
    [Get("/users/{selected_user}/gpg-keys/{fingerprint}")]
    Task<GpgAccountKey> GetAsync([AliasAs("selected_user")] string selectedUser, string fingerprint, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Refit routes of <see cref="IGpgKeysApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface IGpgKeysApiClient : IGpgKeysApi
{
    [Get("/users/{selected_user}/gpg-keys")]
    [Paged(Next = nameof(Page<GpgAccountKey>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<GpgAccountKey>, GpgAccountKey> List([AliasAs("selected_user")] string selectedUser, [Query] ListOptions? options = null);

    BitbucketPageable<GpgAccountKey> IGpgKeysApi.List(string selectedUser, ListOptions? options) =>
        new RefitPageable<GpgAccountKey>(List(selectedUser, options));
}
