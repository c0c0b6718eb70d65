using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for SSH keys of users.</summary>
public interface ISshKeysApi
{
    /// <summary>Gets one SSH key of a user.</summary>
    /// <param name="selectedUser">The account id or UUID in braces.</param>
    /// <param name="keyId">The key UUID in braces.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The key.</returns>
    [Get("/users/{selected_user}/ssh-keys/{key_id}")]
    Task<SshAccountKey> GetAsync([AliasAs("selected_user")] string selectedUser, [AliasAs("key_id")] string keyId, CancellationToken cancellationToken = default);
}
