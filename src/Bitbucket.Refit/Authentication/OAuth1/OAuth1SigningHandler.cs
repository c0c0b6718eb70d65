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
        if (!scope.Allows(request))
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
        var value = header["OAuth ".Length..];
        request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", value);
        SecretRedactor.Record(request, SecretsOf(signer.Credentials, value));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The values of a signed request that must never be echoed back: the header, the signature, the secrets.</summary>
    internal static SentSecrets SecretsOf(OAuth1Credentials credentials, string headerValue)
    {
        string? signature = null;
        const string Name = "oauth_signature=\"";
        var start = headerValue.IndexOf(Name, StringComparison.Ordinal);
        if (start >= 0)
        {
            start += Name.Length;
            var end = headerValue.IndexOf('"', start);
            signature = end > start ? headerValue[start..end] : null;
        }

        return SentSecrets.Of(headerValue, signature, signature is null ? null : Uri.UnescapeDataString(signature), credentials.ConsumerSecret, credentials.TokenSecret);
    }
}
