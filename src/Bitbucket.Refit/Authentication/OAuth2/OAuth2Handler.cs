using System.Net;
using System.Net.Http.Headers;

namespace Bitbucket.Refit.Authentication.OAuth2;

/// <summary>
/// Puts the token of an <see cref="IBitbucketTokenSource"/> in <c>Authorization: Bearer</c>; on a 401 it asks the
/// source for a new token once and sends the request once more.
/// </summary>
internal sealed class OAuth2Handler(IBitbucketTokenSource source, CredentialScope scope) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!scope.Allows(request.RequestUri))
        {
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await source.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (request.Content is { } content)
        {
            // Keep the body replayable for the one retry after a 401.
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized
            || !await source.OnUnauthorizedAsync(token, cancellationToken).ConfigureAwait(false))
        {
            return response;
        }

        response.Dispose();
        var fresh = await source.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
