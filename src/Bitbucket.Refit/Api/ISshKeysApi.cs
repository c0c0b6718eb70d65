using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>Bitbucket's API for the SSH public keys of user accounts.</summary>
public interface ISshKeysApi
{
    /// <summary>Lists the SSH public keys of a user, page by page.</summary>
    /// <param name="selectedUser">The account id or UUID in braces.</param>
    /// <param name="options">Filter, sort, fields and page size.</param>
    /// <returns>The keys, fetched lazily.</returns>
    BitbucketPageable<SshAccountKey> List(string selectedUser, ListOptions? options = null);

    /// <summary>Adds an SSH public key to a user account.</summary>
    /// <param name="selectedUser">The account id or UUID in braces.</param>
    /// <param name="key">The key: <see cref="SshKey.Key"/> in OpenSSH format, optionally a <see cref="SshKey.Label"/>.</param>
    /// <param name="expiresOn">When the key stops working; sent in ISO-8601 form. <see langword="null"/> for never.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The key as stored, with its UUID and fingerprint.</returns>
    [Post("/users/{selected_user}/ssh-keys")]
    Task<SshAccountKey> CreateAsync(
        [AliasAs("selected_user")] string selectedUser,
        [Body] SshAccountKey key,
        [Query(Format = "O")][AliasAs("expires_on")] DateTimeOffset? expiresOn = null,
        CancellationToken cancellationToken = default);

    /// <summary>Deletes an SSH public key of a user.</summary>
    /// <param name="selectedUser">The account id or UUID in braces.</param>
    /// <param name="keyId">The key UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the key is gone.</returns>
    [Delete("/users/{selected_user}/ssh-keys/{key_id}")]
    Task DeleteAsync([AliasAs("selected_user")] string selectedUser, [AliasAs("key_id")] string keyId, CancellationToken cancellationToken = default);

    /// <summary>Gets one SSH public key of a user.</summary>
    /// <param name="selectedUser">The account id or UUID in braces.</param>
    /// <param name="keyId">The key UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The key.</returns>
    [Get("/users/{selected_user}/ssh-keys/{key_id}")]
    Task<SshAccountKey> GetAsync([AliasAs("selected_user")] string selectedUser, [AliasAs("key_id")] string keyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates an SSH public key of a user. Only its label (and comment) can change; to change the key itself, delete it
    /// and add it again.
    /// </summary>
    /// <param name="selectedUser">The account id or UUID in braces.</param>
    /// <param name="keyId">The key UUID in braces.</param>
    /// <param name="key">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The key as stored.</returns>
    [Put("/users/{selected_user}/ssh-keys/{key_id}")]
    Task<SshAccountKey> UpdateAsync([AliasAs("selected_user")] string selectedUser, [AliasAs("key_id")] string keyId, [Body] SshAccountKey key, CancellationToken cancellationToken = default);
}

/// <summary>
/// The Refit routes of <see cref="ISshKeysApi"/>'s lists, implemented by Refit's source generator; each list method of the
/// public interface wraps its generated paging loop in a <see cref="BitbucketPageable{T}"/>.
/// </summary>
internal interface ISshKeysApiClient : ISshKeysApi
{
    [Get("/users/{selected_user}/ssh-keys")]
    [Paged(Next = nameof(Page<SshAccountKey>.Next), SameOrigin = true)]
    new PagedEnumerable<Page<SshAccountKey>, SshAccountKey> List([AliasAs("selected_user")] string selectedUser, [Query] ListOptions? options = null);

    BitbucketPageable<SshAccountKey> ISshKeysApi.List(string selectedUser, ListOptions? options) =>
        new RefitPageable<SshAccountKey>(List(selectedUser, options));
}
