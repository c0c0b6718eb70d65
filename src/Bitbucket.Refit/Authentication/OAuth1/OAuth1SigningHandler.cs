using System.Net.Http.Headers;

namespace Bitbucket.Authentication;

/// <summary>
/// Signs each Bitbucket request with OAuth 1.0a HMAC-SHA1 (query and form body parameters included). A request whose
/// form body cannot be read is not sent: it fails before anything leaves the process, never half-signed.
/// </summary>
internal sealed class OAuth1SigningHandler(OAuth1Signer signer, CredentialScope scope) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!scope.Allows(request.RequestUri))
        {
            request.Headers.Authorization = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<KeyValuePair<string, string>>? form = null;
        if (request.Content is { } content
            && string.Equals(content.Headers.ContentType?.MediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            await content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            var body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            form = OAuth1Signer.ParseFormEncoded(body);
        }

        var header = signer.CreateAuthorizationHeader(request.Method, request.RequestUri!, form);
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", header["OAuth ".Length..]);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
