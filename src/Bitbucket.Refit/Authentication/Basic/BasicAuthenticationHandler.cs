using System.Net.Http.Headers;
using System.Text;

namespace Bitbucket.Authentication;

/// <summary>
/// Adds <c>Authorization: Basic base64(user:secret)</c> (UTF-8) to requests for the configured Bitbucket origins.
/// Today that is the Atlassian account e-mail with an API token; a username with an app password is the legacy case.
/// </summary>
internal sealed class BasicAuthenticationHandler : DelegatingHandler
{
    private readonly AuthenticationHeaderValue _header;
    private readonly CredentialScope _scope;
    private readonly SentSecrets _sent;

    public BasicAuthenticationHandler(string username, string secret, CredentialScope scope)
    {
        var encoded = Encode(username, secret);
        _header = new AuthenticationHeaderValue("Basic", encoded);
        _scope = scope;
        _sent = SentSecrets.Of(encoded, secret);
    }

    internal static string Encode(string username, string secret) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + secret));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_scope.Allows(request))
        {
            request.Headers.Authorization = _header;
            SecretRedactor.Record(request, _sent);
        }
        else
        {
            request.Headers.Authorization = null;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
