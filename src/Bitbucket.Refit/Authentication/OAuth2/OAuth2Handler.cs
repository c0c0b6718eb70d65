using System.Net;
using System.Net.Http.Headers;

namespace Bitbucket.Authentication;

/// <summary>
/// Puts the token of an <see cref="IBitbucketTokenSource"/> in <c>Authorization: Bearer</c>; on a 401 it asks the
/// source for a new token once and sends the request once more.
/// </summary>
internal sealed class OAuth2Handler(IBitbucketTokenSource source, CredentialScope scope) : DelegatingHandler
{
    private CachedHeader? _header;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!scope.Allows(request.RequestUri))
        {
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await source.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = HeaderFor(token);
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
        request.Headers.Authorization = HeaderFor(fresh);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reuses the header while the token stays the same (one allocation per token, not per request).</summary>
    private AuthenticationHeaderValue HeaderFor(string token)
    {
        var cached = Volatile.Read(ref _header);
        if (cached is not null && string.Equals(cached.Token, token, StringComparison.Ordinal))
        {
            return cached.Header;
        }

        cached = new CachedHeader(token, new AuthenticationHeaderValue("Bearer", token));
        Volatile.Write(ref _header, cached);
        return cached.Header;
    }

    private sealed record CachedHeader(string Token, AuthenticationHeaderValue Header)
    {
        public override string ToString() => "CachedHeader { Token = *** }";
    }
}
