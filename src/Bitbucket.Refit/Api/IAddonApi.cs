using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for the Connect app (add-on) the credentials belong to.</summary>
public interface IAddonApi
{
    /// <summary>Deletes the Connect app the credentials belong to (uninstalls it everywhere).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when Bitbucket accepted the deletion.</returns>
    [Delete("/addon")]
    Task DeleteAsync(CancellationToken cancellationToken = default);
}
