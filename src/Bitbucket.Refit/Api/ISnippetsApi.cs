using Bitbucket.Refit.Models;
using Bitbucket.Refit.Paging;
using Refit;

namespace Bitbucket.Refit.Api;

/// <summary>Bitbucket's API for snippets, their files, comments, revisions and watchers.</summary>
public interface ISnippetsApi
{
    /// <summary>Gets a snippet.</summary>
    /// <param name="workspace">The workspace slug or UUID in braces.</param>
    /// <param name="encodedId">The snippet id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The snippet.</returns>
    [Get("/snippets/{workspace}/{encoded_id}")]
    Task<Snippet> GetAsync(string workspace, [AliasAs("encoded_id")] string encodedId, CancellationToken cancellationToken = default);
}
