using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for application properties stored on repositories, commits, pull requests and users.</summary>
public interface IPropertiesApi
{
    /// <summary>Gets an application property stored on a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="appKey">The key of the Connect app that owns the property.</param>
    /// <param name="propertyName">The property name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The property.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/properties/{app_key}/{property_name}")]
    Task<ApplicationProperty> GetRepositoryPropertyAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("app_key")] string appKey, [AliasAs("property_name")] string propertyName, CancellationToken cancellationToken = default);
}
