namespace Bitbucket.Authentication;

/// <summary>
/// Supplies OAuth 2 access tokens for <c>WithOAuth2</c>: a token from the authorization-code flow, a token kept by
/// ASP.NET Core authentication, or one the client-credentials grant fetched. Implementations must be thread-safe.
/// </summary>
public interface IBitbucketTokenSource
{
    /// <summary>Returns a valid access token, fetching or refreshing one when needed.</summary>
    /// <param name="cancellationToken">Cancels the wait for a token.</param>
    /// <returns>The access token, without the <c>Bearer</c> scheme.</returns>
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called once when Bitbucket answered 401 to a request sent with <paramref name="rejectedToken"/>: drop it and
    /// obtain a new one if possible. Return <see langword="true"/> to have the request sent once more with the token
    /// <see cref="GetTokenAsync"/> returns next; the default returns <see langword="false"/> (the 401 surfaces).
    /// </summary>
    /// <param name="rejectedToken">The token Bitbucket refused.</param>
    /// <param name="cancellationToken">Cancels the refresh.</param>
    /// <returns>Whether a retry with a new token is worth it.</returns>
    ValueTask<bool> OnUnauthorizedAsync(string rejectedToken, CancellationToken cancellationToken) => ValueTask.FromResult(false);
}
