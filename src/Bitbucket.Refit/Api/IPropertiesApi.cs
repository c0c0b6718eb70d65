using Bitbucket.Models;
using Refit;

namespace Bitbucket;

/// <summary>Bitbucket's API for application properties stored on repositories, commits, pull requests and users.</summary>
/// <remarks>
/// An application property is a JSON object a Connect app stores against a Bitbucket object under its app key and a
/// property name: its fields go in <see cref="ApplicationProperty.AdditionalProperties"/>, and the reserved
/// <c>_attributes</c> (<see cref="ApplicationProperty.Attributes"/>) controls who may read and change it
/// (<c>public</c>, <c>read_only</c>).
/// </remarks>
public interface IPropertiesApi
{
    /// <summary>Gets an application property stored on a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="appKey">The key of the Connect app that owns the property.</param>
    /// <param name="propertyName">The property name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The property: its fields in <see cref="ApplicationProperty.AdditionalProperties"/>.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/properties/{app_key}/{property_name}")]
    Task<ApplicationProperty> GetRepositoryPropertyAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("app_key")] string appKey, [AliasAs("property_name")] string propertyName, CancellationToken cancellationToken = default);

    /// <summary>Stores an application property on a repository, replacing any value it had.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="appKey">The key of the Connect app that owns the property.</param>
    /// <param name="propertyName">The property name.</param>
    /// <param name="property">The property value: a JSON object, optionally with <c>_attributes</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the property is stored.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/properties/{app_key}/{property_name}")]
    Task UpdateRepositoryPropertyAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("app_key")] string appKey, [AliasAs("property_name")] string propertyName, [Body] ApplicationProperty property, CancellationToken cancellationToken = default);

    /// <summary>Deletes an application property stored on a repository.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="appKey">The key of the Connect app that owns the property.</param>
    /// <param name="propertyName">The property name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the property is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/properties/{app_key}/{property_name}")]
    Task DeleteRepositoryPropertyAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("app_key")] string appKey, [AliasAs("property_name")] string propertyName, CancellationToken cancellationToken = default);

    /// <summary>Gets an application property stored on a commit.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="appKey">The key of the Connect app that owns the property.</param>
    /// <param name="propertyName">The property name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The property: its fields in <see cref="ApplicationProperty.AdditionalProperties"/>.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/commit/{commit}/properties/{app_key}/{property_name}")]
    Task<ApplicationProperty> GetCommitPropertyAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, [AliasAs("app_key")] string appKey, [AliasAs("property_name")] string propertyName, CancellationToken cancellationToken = default);

    /// <summary>Stores an application property on a commit, replacing any value it had.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="appKey">The key of the Connect app that owns the property.</param>
    /// <param name="propertyName">The property name.</param>
    /// <param name="property">The property value: a JSON object, optionally with <c>_attributes</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the property is stored.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/commit/{commit}/properties/{app_key}/{property_name}")]
    Task UpdateCommitPropertyAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, [AliasAs("app_key")] string appKey, [AliasAs("property_name")] string propertyName, [Body] ApplicationProperty property, CancellationToken cancellationToken = default);

    /// <summary>Deletes an application property stored on a commit.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="commit">The commit hash.</param>
    /// <param name="appKey">The key of the Connect app that owns the property.</param>
    /// <param name="propertyName">The property name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the property is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/commit/{commit}/properties/{app_key}/{property_name}")]
    Task DeleteCommitPropertyAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, string commit, [AliasAs("app_key")] string appKey, [AliasAs("property_name")] string propertyName, CancellationToken cancellationToken = default);

    /// <summary>Gets an application property stored on a pull request.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="appKey">The key of the Connect app that owns the property.</param>
    /// <param name="propertyName">The property name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The property: its fields in <see cref="ApplicationProperty.AdditionalProperties"/>.</returns>
    [Get("/repositories/{workspace}/{repo_slug}/pullrequests/{pullrequest_id}/properties/{app_key}/{property_name}")]
    Task<ApplicationProperty> GetPullRequestPropertyAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pullrequest_id")] int pullRequestId, [AliasAs("app_key")] string appKey, [AliasAs("property_name")] string propertyName, CancellationToken cancellationToken = default);

    /// <summary>Stores an application property on a pull request, replacing any value it had.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="appKey">The key of the Connect app that owns the property.</param>
    /// <param name="propertyName">The property name.</param>
    /// <param name="property">The property value: a JSON object, optionally with <c>_attributes</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the property is stored.</returns>
    [Put("/repositories/{workspace}/{repo_slug}/pullrequests/{pullrequest_id}/properties/{app_key}/{property_name}")]
    Task UpdatePullRequestPropertyAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pullrequest_id")] int pullRequestId, [AliasAs("app_key")] string appKey, [AliasAs("property_name")] string propertyName, [Body] ApplicationProperty property, CancellationToken cancellationToken = default);

    /// <summary>Deletes an application property stored on a pull request.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="repoSlug">The repository slug or UUID in braces.</param>
    /// <param name="pullRequestId">The pull request id.</param>
    /// <param name="appKey">The key of the Connect app that owns the property.</param>
    /// <param name="propertyName">The property name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the property is deleted.</returns>
    [Delete("/repositories/{workspace}/{repo_slug}/pullrequests/{pullrequest_id}/properties/{app_key}/{property_name}")]
    Task DeletePullRequestPropertyAsync(string workspace, [AliasAs("repo_slug")] string repoSlug, [AliasAs("pullrequest_id")] int pullRequestId, [AliasAs("app_key")] string appKey, [AliasAs("property_name")] string propertyName, CancellationToken cancellationToken = default);

    /// <summary>Gets an application property stored on a user.</summary>
    /// <param name="selectedUser">The account id or UUID in braces of the user.</param>
    /// <param name="appKey">The key of the Connect app that owns the property.</param>
    /// <param name="propertyName">The property name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The property: its fields in <see cref="ApplicationProperty.AdditionalProperties"/>.</returns>
    [Get("/users/{selected_user}/properties/{app_key}/{property_name}")]
    Task<ApplicationProperty> GetUserPropertyAsync([AliasAs("selected_user")] string selectedUser, [AliasAs("app_key")] string appKey, [AliasAs("property_name")] string propertyName, CancellationToken cancellationToken = default);

    /// <summary>Stores an application property on a user, replacing any value it had.</summary>
    /// <param name="selectedUser">The account id or UUID in braces of the user.</param>
    /// <param name="appKey">The key of the Connect app that owns the property.</param>
    /// <param name="propertyName">The property name.</param>
    /// <param name="property">The property value: a JSON object, optionally with <c>_attributes</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the property is stored.</returns>
    [Put("/users/{selected_user}/properties/{app_key}/{property_name}")]
    Task UpdateUserPropertyAsync([AliasAs("selected_user")] string selectedUser, [AliasAs("app_key")] string appKey, [AliasAs("property_name")] string propertyName, [Body] ApplicationProperty property, CancellationToken cancellationToken = default);

    /// <summary>Deletes an application property stored on a user.</summary>
    /// <param name="selectedUser">The account id or UUID in braces of the user.</param>
    /// <param name="appKey">The key of the Connect app that owns the property.</param>
    /// <param name="propertyName">The property name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the property is deleted.</returns>
    [Delete("/users/{selected_user}/properties/{app_key}/{property_name}")]
    Task DeleteUserPropertyAsync([AliasAs("selected_user")] string selectedUser, [AliasAs("app_key")] string appKey, [AliasAs("property_name")] string propertyName, CancellationToken cancellationToken = default);
}
