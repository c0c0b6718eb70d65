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
        if (!scope.Allows(request))
        {
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await source.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        Authorize(request, token);
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
        Authorize(request, fresh);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the header, reused while the token stays the same (one allocation per token, not per request), and records the token for redaction.</summary>
    private void Authorize(HttpRequestMessage request, string token)
    {
        var cached = Volatile.Read(ref _header);
        if (cached is null || !string.Equals(cached.Token, token, StringComparison.Ordinal))
        {
            cached = new CachedHeader(token, new AuthenticationHeaderValue("Bearer", token), SentSecrets.Of(token));
            Volatile.Write(ref _header, cached);
        }

        request.Headers.Authorization = cached.Header;
        SecretRedactor.Record(request, cached.Sent);
    }

    private sealed record CachedHeader(string Token, AuthenticationHeaderValue Header, SentSecrets Sent)
    {
        public override string ToString() => "CachedHeader { Token = *** }";
    }
}
