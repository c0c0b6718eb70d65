using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>Bitbucket's API for the Connect app (add-on) the credentials belong to.</summary>
/// <remarks>
/// Bitbucket identifies the app installation from a Connect JWT (<c>Authorization: JWT …</c>) on the installation
/// endpoints and from a Forge app's own token on <see cref="GetClientKeyAsync"/>; other credentials are refused.
/// </remarks>
public interface IAddonApi
{
    /// <summary>Deletes the Connect app the credentials belong to (uninstalls it everywhere).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when Bitbucket accepted the deletion.</returns>
    [Delete("/addon")]
    Task DeleteAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Updates the installation of the Connect app the credentials belong to: an empty <see cref="AddonUpdate"/> re-reads
    /// the descriptor from its URL, <see cref="AddonUpdate.Descriptor"/> supplies a new one, and
    /// <see cref="AddonUpdate.DescriptorUrl"/> alone moves it. The app's scopes cannot grow nor drop to none.
    /// </summary>
    /// <param name="update">The update; <c>new AddonUpdate()</c> sends <c>{}</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the installation was updated.</returns>
    [Put("/addon")]
    Task UpdateAsync([Body] AddonUpdate update, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets the client key of the Connect app installation linked (through <c>forgeAppId</c> in its descriptor) to the
    /// calling Forge app installation in the same workspace — Connect-to-Forge migration tooling.
    /// </summary>
    /// <param name="addonKey">The Connect app key from its descriptor.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response body exactly as Bitbucket sends it (the spec leaves its shape undescribed).</returns>
    [Get("/addon/{addon_key}/client-key")]
    Task<string> GetClientKeyAsync([AliasAs("addon_key")] string addonKey, CancellationToken cancellationToken = default);
}
