using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for GPG keys of users.</summary>
public interface IGpgKeysApi
{
    /// <summary>Gets one GPG key of a user by fingerprint.</summary>
    /// <param name="selectedUser">The account id or UUID in braces.</param>
    /// <param name="fingerprint">The key fingerprint.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The key.</returns>
    [Get("/users/{selected_user}/gpg-keys/{fingerprint}")]
    Task<GpgAccountKey> GetAsync([AliasAs("selected_user")] string selectedUser, string fingerprint, CancellationToken cancellationToken = default);
}
